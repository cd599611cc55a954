import { updateVanitySchema } from "@/lib/schemas/vanity";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { parseBody, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { getVanityUrl } from "@/server/invites/get-vanity-url";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { updateVanityUrl } from "@/server/invites/update-vanity-url";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/vanity-url">["params"]>;

// GET /api/v1/guilds/{id}/vanity-url - the vanity code and its uses (MANAGE_GUILD)
export const GET = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.vanityGet },
  async ({ params, caller }) => ok(await getVanityUrl(pathId(params.guildId, "UNKNOWN_GUILD"), caller)),
);

// PATCH /api/v1/guilds/{id}/vanity-url - set, change or clear the vanity code (MANAGE_GUILD + VANITY_URL feature)
export const PATCH = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.vanityUpdate },
  async ({ request, params, caller }) => {
    const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
    const input = await parseBody(request, updateVanitySchema);
    return ok(await updateVanityUrl(guildId, caller, input, auditLogReason(request)));
  },
);
