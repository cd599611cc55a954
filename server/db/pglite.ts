// How every PGlite database of the app is opened: the same extensions wherever one is created (the app, the
// migration tests), because a migration that creates an extension fails on a PGlite that did not load it.
import type { PGliteOptions } from "@electric-sql/pglite";

/** The extensions the migrations create: pg_trgm for member search's trigram indexes. */
export async function pgliteExtensions(): Promise<NonNullable<PGliteOptions["extensions"]>> {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}
