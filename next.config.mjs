// JavaScript, not TypeScript: Next compiles a next.config.ts with its native SWC binding at every server start,
// which keeps that binding (~23 MB resident, and what it allocates) in the server process for its whole life.
/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its package folder, and pg has optional native parts:
  // both must be required at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "ioredis",
  ],
  poweredByHeader: false,
  generateEtags: false,
  typedRoutes: false,
  // forbidden(): the guild settings pages answer 403 to members without the permission they need.
  experimental: { authInterrupts: true },
};

export default nextConfig;
