import { ApiError } from "@/lib/errors";
import { createGroupDmSchema } from "@/lib/schemas/channels";
import { createGroupDm } from "@/server/channels/create-group-dm";
import { parseBody } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

type Params = Awaited<RouteContext<"/api/v1/users/[userId]/channels">["params"]>;

// POST /api/v1/users/@me/channels - create a group DM owned by the caller (users only)
export const POST = route<Params>(
  { auth: "required", usersOnly: true },
  async ({ request, caller, params }) => {
    if (params.userId !== "@me") throw new ApiError("NOT_FOUND");
    return ok(await createGroupDm(caller, await parseBody(request, createGroupDmSchema)));
  },
);
