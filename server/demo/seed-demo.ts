// The demo world, seeded once on an empty database at boot (SEED_DEMO, see server/boot/boot.ts): the guild
// "Fluxer Community" with an icon, a banner, channels, roles, ~300 members and a few invites, plus a demo
// admin whose password is printed (and kept in .data/demo-login.txt for later runs of `npm run demo`).
import { randomInt } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ChannelType, InviteType, JoinSourceType } from "@/lib/constants";
import { DEFAULT_EVERYONE_PERMISSIONS, OVERWRITE_ROLE, Permissions } from "@/lib/permissions";
import { nextSnowflake } from "@/lib/snowflake";
import { hashPassword } from "@/server/auth/password";
import { appUrl } from "@/server/config/app-url";
import { isUniqueViolation } from "@/server/users/register-user";
import { demoUsername } from "./demo-names";
import type { PrismaClient } from "@/server/db";

export const DEMO_EMAIL = "demo@fluxer.local";
export const DEMO_GUILD_NAME = "Fluxer Community";
export const DEMO_VANITY_CODE = "fluxer";
const MEMBER_COUNT = 300;
const DAY_MS = 86_400_000;
const CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** 8 random characters of A-Za-z0-9; crypto.randomInt is uniform (no modulo bias). */
function randomCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** A password that is easy to type from a terminal: three groups of four, no look-alike characters. */
function randomPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}

async function seedWorld(prisma: PrismaClient, passwordHash: string) {
  const now = Date.now();
  const adminId = nextSnowflake();
  const guildId = nextSnowflake();
  const ids = {
    admin: nextSnowflake(),
    moderator: nextSnowflake(),
    text: nextSnowflake(),
    voice: nextSnowflake(),
  };
  const channel = {
    general: nextSnowflake(),
    announcements: nextSnowflake(),
    moderators: nextSnowflake(),
    lounge: nextSnowflake(),
  };
  const inviteCodes = [randomCode(), randomCode()] as const;
  const memberIds = Array.from({ length: MEMBER_COUNT }, () => nextSnowflake());
  // Everyone joined over the last 200 days, through one of the invites or the vanity URL.
  const joins = memberIds.map((userId, i) => {
    const source = i % 3 === 0 ? DEMO_VANITY_CODE : inviteCodes[i % 5 === 1 ? 1 : 0];
    return {
      userId,
      joinedAt: new Date(now - DAY_MS * 200 + Math.floor(((i + 1) * DAY_MS * 199) / MEMBER_COUNT)),
      source,
    };
  });
  const usesOf = (code: string) => joins.filter((j) => j.source === code).length;

  await prisma.$transaction(
    async (tx) => {
      await tx.user.create({
        data: { id: adminId, username: "demo", discriminator: 1, email: DEMO_EMAIL, passwordHash },
      });
      await tx.user.createMany({
        data: memberIds.map((id, i) => ({ id, username: demoUsername(i), discriminator: 1000 + i })),
      });
      await tx.guild.create({
        data: {
          id: guildId,
          name: DEMO_GUILD_NAME,
          ownerId: adminId,
          iconHash: "fluxer-icon",
          bannerHash: "fluxer-banner",
          features: ["BANNER", "VANITY_URL"],
          memberCount: 1 + MEMBER_COUNT,
        },
      });
      await tx.role.createMany({
        data: [
          { id: guildId, guildId, name: "@everyone", permissions: DEFAULT_EVERYONE_PERMISSIONS, position: 0 },
          {
            id: ids.moderator,
            guildId,
            name: "Moderator",
            permissions: Permissions.MANAGE_CHANNELS | Permissions.KICK_MEMBERS,
            position: 1,
            color: 0x0ea5e9,
          },
          {
            id: ids.admin,
            guildId,
            name: "Admin",
            permissions: Permissions.MANAGE_GUILD | Permissions.VIEW_AUDIT_LOG,
            position: 2,
            color: 0xe11d48,
          },
        ],
      });
      await tx.channel.createMany({
        data: [
          { id: ids.text, guildId, type: ChannelType.GUILD_CATEGORY, name: "Text Channels", position: 0 },
          {
            id: channel.general,
            guildId,
            type: ChannelType.GUILD_TEXT,
            name: "general",
            position: 0,
            parentId: ids.text,
          },
          {
            id: channel.announcements,
            guildId,
            type: ChannelType.GUILD_TEXT,
            name: "announcements",
            position: 1,
            parentId: ids.text,
          },
          {
            id: channel.moderators,
            guildId,
            type: ChannelType.GUILD_TEXT,
            name: "moderators",
            position: 2,
            parentId: ids.text,
          },
          { id: ids.voice, guildId, type: ChannelType.GUILD_CATEGORY, name: "Voice Channels", position: 1 },
          {
            id: channel.lounge,
            guildId,
            type: ChannelType.GUILD_VOICE,
            name: "Lounge",
            position: 0,
            parentId: ids.voice,
          },
        ],
      });
      // #moderators is hidden from @everyone and shown to the Moderator and Admin roles.
      await tx.permissionOverwrite.createMany({
        data: [
          {
            channelId: channel.moderators,
            targetId: guildId,
            type: OVERWRITE_ROLE,
            deny: Permissions.VIEW_CHANNEL,
          },
          {
            channelId: channel.moderators,
            targetId: ids.moderator,
            type: OVERWRITE_ROLE,
            allow: Permissions.VIEW_CHANNEL,
          },
          {
            channelId: channel.moderators,
            targetId: ids.admin,
            type: OVERWRITE_ROLE,
            allow: Permissions.VIEW_CHANNEL,
          },
        ],
      });
      await tx.member.createMany({
        data: [
          {
            guildId,
            userId: adminId,
            joinedAt: new Date(now - DAY_MS * 201),
            joinSourceType: JoinSourceType.CREATOR,
          },
          ...joins.map((j) => ({
            guildId,
            userId: j.userId,
            joinedAt: j.joinedAt,
            joinSourceType:
              j.source === DEMO_VANITY_CODE ? JoinSourceType.VANITY_URL : JoinSourceType.INSTANT_INVITE,
            sourceInviteCode: j.source,
            inviterId: j.source === DEMO_VANITY_CODE ? null : adminId,
          })),
        ],
      });
      const [first, second, third, fourth] = memberIds;
      await tx.memberRole.createMany({
        data: [
          { guildId, userId: adminId, roleId: ids.admin },
          { guildId, userId: first!, roleId: ids.admin },
          { guildId, userId: first!, roleId: ids.moderator },
          { guildId, userId: second!, roleId: ids.moderator },
          { guildId, userId: third!, roleId: ids.moderator },
          { guildId, userId: fourth!, roleId: ids.moderator },
        ],
      });
      await tx.invite.createMany({
        data: [
          {
            code: inviteCodes[0],
            type: InviteType.GUILD,
            guildId,
            channelId: channel.general,
            inviterId: adminId,
            maxAge: 0,
            uses: usesOf(inviteCodes[0]),
          },
          {
            code: inviteCodes[1],
            type: InviteType.GUILD,
            guildId,
            channelId: channel.announcements,
            inviterId: adminId,
            maxAge: 604_800,
            expiresAt: new Date(now + 604_800_000),
            maxUses: 100,
            uses: usesOf(inviteCodes[1]),
          },
          {
            code: DEMO_VANITY_CODE,
            type: InviteType.GUILD,
            guildId,
            channelId: channel.general,
            maxAge: 0,
            isVanity: true,
            uses: usesOf(DEMO_VANITY_CODE),
          },
        ],
      });
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  return { inviteCodes };
}

/** Seeds the demo world once, on an empty database (no users); prints where to go and how to log in. */
export async function seedDemoIfEmpty(prisma: PrismaClient): Promise<void> {
  if ((await prisma.user.count()) > 0) return;
  const started = Date.now();
  const password = process.env.DEMO_PASSWORD || randomPassword();
  let seeded: Awaited<ReturnType<typeof seedWorld>>;
  try {
    seeded = await seedWorld(prisma, await hashPassword(password));
  } catch (error) {
    // Another instance seeded the same database at the same moment: its demo world stands.
    if (isUniqueViolation(error)) return;
    throw error;
  }
  const url = appUrl();
  const lines = [
    `Fluxer Invites demo is ready (seeded "${DEMO_GUILD_NAME}" with ${MEMBER_COUNT + 1} members in ${Date.now() - started} ms)`,
    "",
    `  Open        ${url}`,
    `  Email       ${DEMO_EMAIL}`,
    `  Password    ${password}`,
    `  Invites     ${url}/invite/${DEMO_VANITY_CODE}   ${url}/invite/${seeded.inviteCodes[0]}`,
  ];
  const rule = "-".repeat(78);
  console.log(`\n${rule}\n${lines.join("\n")}\n${rule}\n`);
  // Only for the embedded default database (./.data), which is what `npm run demo` reads it back from.
  if (!process.env.DATABASE_URL) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "demo-login.txt");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${lines.slice(2).join("\n")}\n`, { mode: 0o600 });
  }
}
