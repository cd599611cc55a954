import { registerSchema } from "@/lib/schemas/auth";
import { authLimits } from "@/server/auth/auth-limits";
import { parseBody } from "@/server/http/parse";
import { created, route } from "@/server/http/route";
import { registerUser } from "@/server/users/register-user";

// POST /api/v1/auth/register - create an account and get an API token
export const POST = route({ auth: "none", rateLimit: () => authLimits().register }, async ({ request }) => {
  const input = await parseBody(request, registerSchema);
  const { token, userId } = await registerUser(input);
  return created({ token, user_id: userId });
});
