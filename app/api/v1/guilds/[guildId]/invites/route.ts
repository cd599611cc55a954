import { pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { listGuildInvites } from "@/server/invites/list-guild-invites";

// GET /api/v1/guilds/{id}/invites - the guild's live invites with metadata, newest first (MANAGE_GUILD)
export const GET = route<{ guildId: string }>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.list },
  async ({ params, caller }) => ok(await listGuildInvites(pathId(params.guildId, "UNKNOWN_GUILD"), caller)),
);
