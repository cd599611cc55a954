import { readAuthorization, revokeToken } from "@/server/auth/tokens";
import { ok, route } from "@/server/http/route";

// POST /api/v1/auth/logout - revoke the token this request was made with
export const POST = route({ auth: "required" }, async ({ request }) => {
  const credential = readAuthorization(request.headers.get("authorization"));
  if (credential) await revokeToken(credential.token);
  return ok({ revoked: credential !== null });
});
