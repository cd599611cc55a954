import { authLimits } from "@/server/auth/auth-limits";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { logOutEverywhere } from "@/server/users/end-sessions";

// POST /api/v1/auth/logout-all - log out everywhere: end every browser session and revoke every user token
export const POST = route(
  { auth: "required", usersOnly: true, rateLimit: () => authLimits().logoutAll },
  async ({ caller }) => {
    await logOutEverywhere(caller.id);
    return noContent();
  },
);
