import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { pathId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { created, ok, route } from "@/server/http/route";
import { addMember } from "@/server/members/add-member";
import { getMember } from "@/server/members/get-member";
import { kickMember } from "@/server/members/kick-member";
import { guildMembersRateLimit } from "@/server/members/member-rate-limits";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/members/[userId]">["params"]>;

// GET /api/v1/guilds/{guild_id}/members/{user_id} - one member (members)
export const GET = route<Params>(
  { auth: "required", rateLimit: guildMembersRateLimit },
  async ({ caller, params }) => {
    return ok(
      await getMember(
        pathId(params.guildId, "UNKNOWN_GUILD"),
        pathId(params.userId, "UNKNOWN_MEMBER"),
        caller,
      ),
    );
  },
);

// PUT /api/v1/guilds/{guild_id}/members/{user_id} - add a bot (MANAGE_GUILD); instance admins may add anyone
export const PUT = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  const userId = pathId(params.userId, "UNKNOWN_USER");
  const result = await addMember(guildId, userId, caller, auditLogReason(request));
  return result.created ? created(result.member) : noContent();
});

// DELETE /api/v1/guilds/{guild_id}/members/{user_id} - kick a member (KICK_MEMBERS)
export const DELETE = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  await kickMember(guildId, pathId(params.userId, "UNKNOWN_MEMBER"), caller, auditLogReason(request));
  return noContent();
});
