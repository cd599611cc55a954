import path from "node:path";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | undefined; label: string }
  | { kind: "postgres"; url: string; label: string };

/**
 * DATABASE_URL unset → PGlite in ./.data/pglite; `pglite:memory` → PGlite in memory; `pglite:<dir>` → PGlite
 * in that folder; `postgres://` or `postgresql://` → a PostgreSQL server.
 */
export function resolveDatabaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  if (!url || url.trim() === "") {
    const dir = path.join(process.cwd(), ".data", "pglite");
    return { kind: "pglite", dataDir: dir, label: `PGlite (${path.relative(process.cwd(), dir)})` };
  }
  if (url.startsWith("pglite:")) {
    const rest = url.slice("pglite:".length).replace(/^\/\//, "");
    if (rest === "memory" || rest === "")
      return { kind: "pglite", dataDir: undefined, label: "PGlite (in memory)" };
    const dir = path.resolve(rest);
    return { kind: "pglite", dataDir: dir, label: `PGlite (${rest})` };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const safe = url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, "//$1:***@");
    return { kind: "postgres", url, label: `PostgreSQL (${safe})` };
  }
  throw new Error(`DATABASE_URL must start with pglite: or postgresql:// (got "${url.slice(0, 20)}...")`);
}
