// Benchmark data: `tsx scripts/bench-fill.mts --invites N --members M --users U` against DATABASE_URL.
// Creates (once) an owner, a guild "Bench Guild" with #general and one unlimited invite to look up, then
// tops the database up to N invites in total and M members in that guild with bulk SQL, and prints JSON:
// {code, guildId, channelId, ownerToken, userTokens, otherCodes}. Tokens for U fresh users (for accepts)
// are made on each call; otherCodes are up to 1,000 other live invites of the guild (for uncached views).
import { createHash, randomBytes } from "node:crypto";
import { nextSnowflake } from "../lib/snowflake";
import { openDatabase } from "../server/db/index";

// stdout carries only the JSON result: everything else (migration lines included) goes to stderr.
console.log = (...args: unknown[]) => console.error(...args);

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const wantInvites = arg("invites", 1000);
const wantMembers = arg("members", 100);
const freshUsers = arg("users", 0);

const database = await openDatabase();
const prisma = database.prisma;
const log = (line: string) => process.stderr.write(`[fill] ${line}\n`);

let guild = await prisma.guild.findFirst({ where: { name: "Bench Guild" }, include: { channels: true } });
if (!guild) {
  const ownerId = nextSnowflake();
  await prisma.user.create({
    data: { id: ownerId, username: "bench-owner", discriminator: 1, email: "bench-owner@bench.local" },
  });
  const guildId = nextSnowflake();
  await prisma.guild.create({
    data: { id: guildId, name: "Bench Guild", ownerId, memberCount: 1, features: ["VERIFIED"] },
  });
  await prisma.role.create({
    data: { id: guildId, guildId, name: "@everyone", permissions: 1n | (1n << 10n) },
  });
  await prisma.channel.create({ data: { id: nextSnowflake(), guildId, type: 0, name: "general" } });
  await prisma.member.create({ data: { guildId, userId: ownerId } });
  await prisma.invite.create({
    data: {
      code: "BenchCd1",
      guildId,
      channelId: (await prisma.channel.findFirstOrThrow({ where: { guildId } })).id,
      inviterId: ownerId,
      maxAge: 0,
      maxUses: 0,
    },
  });
  guild = await prisma.guild.findFirstOrThrow({ where: { id: guildId }, include: { channels: true } });
}
const channel = guild.channels[0]!;

async function issue(userId: bigint, kind: "user" | "bot" = "user") {
  const token = `flx_${randomBytes(32).toString("base64url")}`;
  await prisma.apiToken.create({
    data: { id: nextSnowflake(), userId, kind, tokenHash: createHash("sha256").update(token).digest("hex") },
  });
  return token;
}

const inviteCount = await prisma.invite.count();
if (inviteCount < wantInvites) {
  const missing = wantInvites - inviteCount;
  log(`inserting ${missing} invites ...`);
  const started = Date.now();
  // Every invite insert takes an advisory lock on its code until its transaction ends (the code-claim
  // trigger), and a transaction may hold only so many locks (max_locks_per_transaction × connections):
  // 200,000 rows in one statement ran out of shared memory. 5,000 per statement stays well inside it.
  const batch = 5_000;
  for (let done = 0; done < missing; done += batch) {
    const n = Math.min(batch, missing - done);
    await prisma.$executeRawUnsafe(
      `INSERT INTO invites (code, type, guild_id, channel_id, inviter_id, created_at, expires_at, uses, max_uses, max_age, temporary, is_vanity, version)
       SELECT substr(md5(random()::text || g::text || clock_timestamp()::text), 1, 10), 0, $1, $2, $3, now(), NULL, 0, 0, 0, false, false, 1
       FROM generate_series(1, ${n}) g ON CONFLICT DO NOTHING`,
      guild.id,
      channel.id,
      guild.ownerId,
    );
    if ((done + n) % 100_000 === 0 || done + n === missing)
      log(`  ${done + n}/${missing} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

const memberCount = await prisma.member.count({ where: { guildId: guild.id } });
if (memberCount < wantMembers) {
  const missing = wantMembers - memberCount;
  log(`inserting ${missing} users and members ...`);
  const base = nextSnowflake() + 1_000_000n;
  await prisma.$executeRawUnsafe(
    `INSERT INTO users (id, username, discriminator, created_at) SELECT $1::bigint + g, 'member' || ($1::bigint + g), 1 + (g % 9999), now() FROM generate_series(1, ${missing}) g`,
    base,
  );
  // Joins spread over about a year (one every five minutes), through the bench invite mostly, some through
  // a vanity code, a few bots: what member search sorts and filters by.
  await prisma.$executeRawUnsafe(
    `INSERT INTO members (guild_id, user_id, joined_at, join_source_type, source_invite_code, inviter_id)
     SELECT $1, $2::bigint + g, now() - g * interval '5 minutes',
            CASE WHEN g % 10 = 0 THEN 2 WHEN g % 97 = 0 THEN 3 ELSE 1 END,
            CASE WHEN g % 10 = 0 THEN 'bench-vanity' WHEN g % 97 = 0 THEN NULL ELSE 'BenchCd1' END,
            CASE WHEN g % 10 = 0 THEN NULL ELSE $3::bigint END
     FROM generate_series(1, ${missing}) g`,
    guild.id,
    base,
    guild.ownerId,
  );
  await prisma.$executeRawUnsafe(
    `UPDATE guilds SET member_count = (SELECT count(*) FROM members WHERE guild_id = $1) WHERE id = $1`,
    guild.id,
  );
}

// Statistics for the planner, as autovacuum (PostgreSQL) or the app's own check (PGlite) would gather
// them after a bulk load; without them a fresh fill is measured on the planner's guesses.
if (inviteCount < wantInvites || memberCount < wantMembers) await prisma.$executeRawUnsafe("ANALYZE");

const ownerToken = await issue(guild.ownerId);
const userTokens: string[] = [];
if (freshUsers > 0) {
  const base = nextSnowflake() + 50_000_000n;
  const ids = Array.from({ length: freshUsers }, (_, i) => base + BigInt(i));
  await prisma.user.createMany({
    data: ids.map((id, i) => ({ id, username: `acceptor${i}`, discriminator: 1 + Number(id % 9999n) })),
  });
  const tokens = ids.map(() => `flx_${randomBytes(32).toString("base64url")}`);
  await prisma.apiToken.createMany({
    data: ids.map((id, i) => ({
      id: nextSnowflake(),
      userId: id,
      kind: "user",
      tokenHash: createHash("sha256").update(tokens[i]!).digest("hex"),
    })),
  });
  userTokens.push(...tokens);
}

const otherCodes = (
  await prisma.invite.findMany({
    where: { guildId: guild.id, code: { not: "BenchCd1" } },
    select: { code: true },
    take: 1000,
  })
).map((row) => row.code);
const totals = {
  invites: await prisma.invite.count(),
  members: await prisma.member.count({ where: { guildId: guild.id } }),
};
log(`database holds ${totals.invites} invites; the guild has ${totals.members} members`);
process.stdout.write(
  JSON.stringify({
    code: "BenchCd1",
    guildId: guild.id.toString(),
    channelId: channel.id.toString(),
    ownerToken,
    userTokens,
    otherCodes,
    totals,
  }),
);
await database.close();
