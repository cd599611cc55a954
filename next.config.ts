import type { NextConfig } from "next";
import { LANDING_KEY_HEADER, SHORT_LANDING_CODE } from "./lib/landing-routing";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its package folder, and pg has optional native parts:
  // both must be required at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "ioredis"],
  poweredByHeader: false,
  generateEtags: false,
  typedRoutes: false,
  // forbidden(): the guild settings pages answer 403 to members without the permission they need.
  experimental: { authInterrupts: true },
  // The signed-out landing page from Next's page cache (app/landing). proxy.ts decides, per request, whether
  // the invite's preview is cached and sets LANDING_KEY_HEADER to its appearance key (and strips any value a
  // client sent); these rewrites then route to the cached page. A rewrite here rather than in the proxy:
  // Next compares a proxy rewrite's origin with the host it listens on, which the proxy can't know (behind
  // HOST=127.0.0.1 it would become an HTTP round trip to itself).
  async rewrites() {
    const has = [{ type: "header" as const, key: LANDING_KEY_HEADER, value: "(?<key>[A-Za-z0-9_-]{16})" }];
    return {
      beforeFiles: [
        { source: "/invite/:code", has, destination: "/landing/invite/:code/:key" },
        { source: `/:code(${SHORT_LANDING_CODE})`, has, destination: "/landing/short/:code/:key" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;
