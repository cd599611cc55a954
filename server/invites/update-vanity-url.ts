// PATCH /guilds/{id}/vanity-url: set, change or clear the guild's vanity code.
// Uniqueness across every code, without case, is the database's (the unique index on lower(code): insert
// ON CONFLICT DO NOTHING, then look at the count), never a check-then-insert. A code the guild gives up stays
// locked to it for 30 days so old links can't be hijacked (a trigger skips any other guild's insert of the
// name meanwhile, which again shows as a count of 0). The uses of the code given up stay with the guild
// (guilds.retired_vanity_uses): the vanity URL's count survives a change of spelling. Recorded in the audit
// log as a guild update.
import { ChannelType, InviteType, LIMITS } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { applyOverwrites, hasPermission, Permissions } from "@/lib/permissions";
import { recordGuildUpdate } from "@/server/audit-log/record-audit-log";
import { db, type Tx } from "@/server/db";
import { lockGuild, WRITE_TX_OPTIONS } from "@/server/db/row-locks";
import { publishEvent } from "@/server/events/publish";
import { requireGuildMember } from "@/server/guilds/access";
import { findVanityInvite, vanityUses } from "./get-vanity-url";
import { liveInviteWhere } from "./invite-query";
import type { UpdateVanityInput } from "@/lib/schemas/vanity";
import type { Caller } from "@/server/auth/caller";

/** The guild's first text channel (by position) that @everyone can view: where vanity visitors land. */
async function findPublicTextChannel(tx: Tx, guildId: bigint) {
  const [everyone, channels] = await Promise.all([
    tx.role.findUnique({ where: { id: guildId } }),
    tx.channel.findMany({
      where: { guildId, type: ChannelType.GUILD_TEXT },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      include: { overwrites: true },
    }),
  ]);
  const base = everyone?.permissions ?? 0n;
  return channels.find((channel) =>
    hasPermission(
      applyOverwrites({ base, guildId, userId: 0n, memberRoleIds: [], overwrites: channel.overwrites }),
      Permissions.VIEW_CHANNEL,
    ),
  );
}

async function claimCode(tx: Tx, guildId: bigint, code: string, now: Date) {
  const lock = await tx.vanityCodeLock.findUnique({ where: { code } });
  if (lock && lock.guildId !== guildId && lock.lockedUntil > now)
    throw new ApiError("VANITY_URL_CODE_ALREADY_TAKEN");
  if (lock) await tx.vanityCodeLock.delete({ where: { code } }); // ours again, or expired
  const channel = await findPublicTextChannel(tx, guildId);
  if (!channel)
    throw invalidField(
      "code",
      "VANITY_URL_NO_PUBLIC_CHANNEL",
      "The guild needs a text channel everyone can view",
    );
  const inserted = await tx.invite.createMany({
    data: [
      {
        code,
        type: InviteType.GUILD,
        guildId,
        channelId: channel.id,
        inviterId: null,
        createdAt: now,
        maxAge: 0,
        maxUses: 0,
        isVanity: true,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) throw new ApiError("VANITY_URL_CODE_ALREADY_TAKEN");
}

export async function updateVanityUrl(
  guildId: bigint,
  caller: Caller,
  input: UpdateVanityInput,
  reason: string | null,
) {
  const prisma = await db();
  const { guild } = await requireGuildMember(guildId, caller, Permissions.MANAGE_GUILD, prisma);
  if (!guild.features.includes("VANITY_URL")) throw new ApiError("VANITY_URL_REQUIRES_FEATURE");
  const next = input.code;

  const result = await prisma.$transaction(async (tx) => {
    if (!(await lockGuild(tx, guildId))) throw new ApiError("UNKNOWN_GUILD");
    const current = await findVanityInvite(tx, guildId);
    if ((current?.code ?? null) === next) return { code: next, uses: await vanityUses(tx, guildId) }; // no-op
    const now = new Date();
    if (current) {
      // DELETE ... RETURNING: the count as it is when the row goes, including an accept that committed meanwhile.
      const [gone] = await tx.$queryRaw<
        { uses: number }[]
      >`DELETE FROM "invites" WHERE "code" = ${current.code} RETURNING "uses"`;
      if (gone && gone.uses > 0)
        await tx.guild.update({
          where: { id: guildId },
          data: { retiredVanityUses: { increment: gone.uses } },
        });
      const lockedUntil = new Date(now.getTime() + LIMITS.VANITY_CODE_LOCK_DAYS * 24 * 60 * 60 * 1000);
      await tx.vanityCodeLock.upsert({
        where: { code: current.code },
        create: { code: current.code, guildId, lockedUntil },
        update: { guildId, lockedUntil },
      });
    }
    if (next !== null) {
      if (
        !current &&
        (await tx.invite.count({ where: { guildId, ...liveInviteWhere(tx) } })) >=
          LIMITS.MAX_INVITES_PER_GUILD
      ) {
        throw new ApiError("MAX_INVITES");
      }
      await claimCode(tx, guildId, next, now);
    }
    await recordGuildUpdate(tx, guildId, caller.id, reason, [
      { key: "vanity_url_code", old_value: current?.code ?? null, new_value: next },
    ]);
    return { code: next, uses: await vanityUses(tx, guildId), changed: true };
  }, WRITE_TX_OPTIONS);
  // The old code is gone and the guild's previews name the new one (vanity_url_code).
  if ("changed" in result) {
    await publishEvent({ type: "INVITE_PREVIEWS_STALE", guildId });
    return { code: result.code, uses: result.uses };
  }
  return result;
}
