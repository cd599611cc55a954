import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI wants a native schema engine that it downloads on first use; `generate` does not need
// it, so point it at any existing file when none is installed (no network here beyond npm).
// Migrations are applied by scripts/db-deploy.ts (see docs/architecture.md), not by `prisma migrate`.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: {
    url: process.env.DATABASE_URL?.startsWith("postgres")
      ? process.env.DATABASE_URL
      : "postgresql://localhost/unused",
  },
});
