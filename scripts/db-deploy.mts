// `npm run db:deploy`: applies pending migrations to DATABASE_URL (PGlite folder or PostgreSQL) and exits.
// The server also does this at start; this is for deploy pipelines that migrate before rolling instances.
import { resolveDatabaseTarget } from "../server/db/config";
import { openDatabase } from "../server/db/index";

const target = resolveDatabaseTarget();
console.log(`Migrating ${target.label} ...`);
const started = Date.now();
const database = await openDatabase();
const rows = await database.prisma.$queryRaw<
  { migration_name: string }[]
>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`;
console.log(`Up to date: ${rows.length} migration(s) applied (${Date.now() - started} ms).`);
await database.close();
