import { authHandlers } from "@/server/auth/next-auth";

// next-auth's own endpoints (session, csrf, callback/credentials, signout)
export const { GET, POST } = authHandlers;
