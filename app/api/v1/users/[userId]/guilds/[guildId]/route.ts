import { ApiError } from "@/lib/errors";
import { pathId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { leaveGuild } from "@/server/members/leave-guild";

type Params = Awaited<RouteContext<"/api/v1/users/[userId]/guilds/[guildId]">["params"]>;

// DELETE /api/v1/users/@me/guilds/{guild_id} - leave a guild (the owner cannot)
export const DELETE = route<Params>({ auth: "required" }, async ({ caller, params }) => {
  if (params.userId !== "@me") throw new ApiError("NOT_FOUND");
  await leaveGuild(pathId(params.guildId, "UNKNOWN_GUILD"), caller);
  return noContent();
});
