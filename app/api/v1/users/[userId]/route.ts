import { ApiError } from "@/lib/errors";
import { toSelfUserDto } from "@/server/dto/user";
import { ok, route } from "@/server/http/route";

// GET /api/v1/users/@me - the caller ("@me" is the only user id served here)
export const GET = route<{ userId: string }>({ auth: "required" }, async ({ caller, params }) => {
  if (params.userId !== "@me") throw new ApiError("NOT_FOUND");
  return ok(toSelfUserDto(caller, caller.isAdmin));
});
