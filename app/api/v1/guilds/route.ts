import { RATE_LIMITS } from "@/lib/rate-limits";
import { createGuildSchema } from "@/lib/schemas/guilds";
import { toGuildDto } from "@/server/dto/guild";
import { createGuild } from "@/server/guilds/create-guild";
import { parseBody } from "@/server/http/parse";
import { created, route } from "@/server/http/route";

// POST /api/v1/guilds - create a guild owned by the caller
export const POST = route(
  { auth: "required", rateLimit: RATE_LIMITS.guilds.create },
  async ({ request, caller }) => {
    const input = await parseBody(request, createGuildSchema);
    return created(toGuildDto(await createGuild(caller.id, input.name)));
  },
);
