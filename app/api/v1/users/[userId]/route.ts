import { ApiError } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/schemas/auth";
import { authLimits } from "@/server/auth/auth-limits";
import { toSelfUserDto } from "@/server/dto/user";
import { parseBody } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { changePassword } from "@/server/users/change-password";

// GET /api/v1/users/@me - the caller ("@me" is the only user id served here)
export const GET = route<{ userId: string }>({ auth: "required" }, async ({ caller, params }) => {
  if (params.userId !== "@me") throw new ApiError("NOT_FOUND");
  return ok(toSelfUserDto(caller, caller.isAdmin));
});

// PATCH /api/v1/users/@me - change the password: every session ends, a fresh token comes back
export const PATCH = route<{ userId: string }>(
  { auth: "required", usersOnly: true, rateLimit: () => authLimits().passwordChange },
  async ({ caller, params, request }) => {
    if (params.userId !== "@me") throw new ApiError("NOT_FOUND");
    const input = await parseBody(request, changePasswordSchema);
    const { user, token } = await changePassword(caller.id, input);
    return ok({ ...toSelfUserDto(user, caller.isAdmin), token });
  },
);
