import { createInviteSchema } from "@/lib/schemas/invites";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { parseBody, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { createInvite } from "@/server/invites/create-invite";
import { createInviteRateLimit, INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { listChannelInvites } from "@/server/invites/list-channel-invites";

type Params = Awaited<RouteContext<"/api/v1/channels/[channelId]/invites">["params"]>;

// GET /api/v1/channels/{id}/invites - live invites of the channel with metadata (MANAGE_CHANNELS)
export const GET = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.list },
  async ({ params, caller }) =>
    ok(await listChannelInvites(pathId(params.channelId, "UNKNOWN_CHANNEL"), caller)),
);

// POST /api/v1/channels/{id}/invites - create an invite (CREATE_INSTANT_INVITE; group DM: any recipient)
export const POST = route<Params>(
  { auth: "required", rateLimit: createInviteRateLimit },
  async ({ request, params, caller }) => {
    const channelId = pathId(params.channelId, "UNKNOWN_CHANNEL");
    const input = await parseBody(request, createInviteSchema);
    return ok(await createInvite(channelId, caller, input, auditLogReason(request)));
  },
);
