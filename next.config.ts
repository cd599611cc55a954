import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
