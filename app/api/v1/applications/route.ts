import { RATE_LIMITS } from "@/lib/rate-limits";
import { createApplicationSchema } from "@/lib/schemas/applications";
import { createApplication } from "@/server/applications/create-application";
import { parseBody } from "@/server/http/parse";
import { created, route } from "@/server/http/route";

// POST /api/v1/applications - create an application with its bot user; the bot token is shown once
export const POST = route(
  { auth: "required", usersOnly: true, rateLimit: RATE_LIMITS.applications.create },
  async ({ request, caller }) =>
    created(await createApplication(caller, await parseBody(request, createApplicationSchema))),
);
