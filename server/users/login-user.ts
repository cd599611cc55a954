import { ApiError } from "@/lib/errors";
import { issueToken } from "@/server/auth/tokens";
import { verifyCredentials } from "./verify-credentials";

export async function loginUser(email: string, password: string): Promise<{ token: string; userId: bigint }> {
  const user = await verifyCredentials(email, password);
  if (!user) throw new ApiError("UNAUTHORIZED", { message: "Invalid email or password" });
  return { token: await issueToken(user.id, "user"), userId: user.id };
}
