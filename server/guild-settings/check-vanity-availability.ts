// Whether a vanity code could be claimed by this guild, for the live check while typing. Answers only
// "available", "taken" or "current" (already this guild's): never which guild holds a code. Mirrors what
// updateVanityUrl would do: every invite code (live or lapsed, random or vanity) occupies its name in any
// case, and a code another guild gave up stays locked to that guild for 30 days.
import { ApiError } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { updateVanitySchema } from "@/lib/schemas/vanity";
import { db } from "@/server/db";
import { requireGuildMember } from "@/server/guilds/access";
import { findCodeHolder } from "@/server/invites/find-code-holder";
import type { Caller } from "@/server/auth/caller";

export type VanityAvailability = { code: string; status: "available" | "taken" | "current" };

/** Throws 403 unless the caller has MANAGE_GUILD, 400 INVALID_FORM_BODY for a malformed or reserved code. */
export async function checkVanityAvailability(
  guildId: bigint,
  caller: Caller,
  rawCode: string,
): Promise<VanityAvailability> {
  const prisma = await db();
  await requireGuildMember(guildId, caller, Permissions.MANAGE_GUILD, prisma);
  const parsed = updateVanitySchema.safeParse({ code: rawCode });
  if (!parsed.success || parsed.data.code === null) {
    const issue = parsed.error?.issues[0];
    const code =
      (issue?.code === "custom" ? (issue.params?.code as string | undefined) : undefined) ?? "INVALID_VALUE";
    throw new ApiError("INVALID_FORM_BODY", {
      errors: [{ path: "code", code, message: issue?.message ?? "Invalid vanity URL" }],
    });
  }
  const code = parsed.data.code;
  const [holder, lock] = await Promise.all([
    findCodeHolder(prisma, code),
    prisma.vanityCodeLock.findUnique({ where: { code } }),
  ]);
  if (holder)
    return {
      code,
      status: holder.isVanity && holder.guildId === guildId && holder.code === code ? "current" : "taken",
    };
  if (lock && lock.guildId !== guildId && lock.lockedUntil > new Date()) return { code, status: "taken" };
  return { code, status: "available" };
}
