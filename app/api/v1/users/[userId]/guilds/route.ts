import { ApiError } from "@/lib/errors";
import { listUserGuilds } from "@/server/guilds/list-user-guilds";
import { ok, route } from "@/server/http/route";

// GET /api/v1/users/@me/guilds - guilds the caller is a member of
export const GET = route<{ userId: string }>({ auth: "required" }, async ({ caller, params }) => {
  if (params.userId !== "@me") throw new ApiError("NOT_FOUND");
  return ok(await listUserGuilds(caller.id));
});
