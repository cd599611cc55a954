// Helpers for scripts that need a throwaway PostgreSQL database on the server named by a base URL.
import { createHash } from "node:crypto";

/**
 * Creates a fresh database `<prefix><checkout hash>_<time>` and returns its URL, after dropping the ones an
 * earlier run of the same checkout and prefix left behind (never another checkout's).
 */
export async function freshDatabase(baseUrl, prefix) {
  const pg = (await import("pg")).default;
  const scoped = `${prefix}${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 6)}_`;
  const name = `${scoped}${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const old = await admin.query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [scoped]);
    for (const row of old.rows)
      await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`).catch(() => {});
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
