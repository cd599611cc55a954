import { loginSchema } from "@/lib/schemas/auth";
import { authLimits } from "@/server/auth/auth-limits";
import { parseBody } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { loginUser } from "@/server/users/login-user";

// POST /api/v1/auth/login - exchange email and password for a new API token
export const POST = route({ auth: "none", rateLimit: () => authLimits().address }, async ({ request }) => {
  const input = await parseBody(request, loginSchema);
  const { token, userId } = await loginUser(input.email, input.password);
  return ok({ token, user_id: userId });
});
