import { createApplicationSchema } from "@/lib/schemas/applications";
import { createApplication } from "@/server/applications/create-application";
import { parseBody } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

// POST /api/v1/applications - create an application with its bot user; the bot token is shown once
export const POST = route(
  { auth: "required", usersOnly: true, rateLimit: { bucket: "applications:create", limit: 10, windowSeconds: 60 } },
  async ({ request, caller }) => ok(await createApplication(caller, await parseBody(request, createApplicationSchema)), 201),
);
