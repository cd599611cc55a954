import { checkVanityAvailability } from "@/server/guild-settings/check-vanity-availability";
import { VANITY_AVAILABILITY_RATE_LIMIT } from "@/server/guild-settings/rate-limits";
import { pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

type Params = { guildId: string };

// GET /guilds/{id}/settings/vanity/availability?code=... - whether a vanity code is free for this guild (MANAGE_GUILD; never says who holds it)
export const GET = route<Params>(
  { auth: "required", rateLimit: VANITY_AVAILABILITY_RATE_LIMIT },
  async ({ request, params, caller }) =>
    ok(
      await checkVanityAvailability(
        pathId(params.guildId, "UNKNOWN_GUILD"),
        caller,
        new URL(request.url).searchParams.get("code") ?? "",
      ),
    ),
);
