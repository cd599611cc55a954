// Property test of the invite API: thousands of malformed bodies, query strings, content types, codes and
// ids from a seeded PRNG, sent by managers of a guild and by anonymous callers. Whatever arrives, the
// server must never answer 5xx, every error must be the {code, message} envelope with a code (and that
// code's status) from lib/errors.ts, and no row may change: the guild's invites, its vanity code, its
// members and its audit log are the same afterwards. Reproduce a failure with FUZZ_SEED=<seed in the title>.
import { parseSnowflake } from "../../lib/snowflake";
import { expect, test } from "../fixtures";
import {
  Budget,
  BUCKETS,
  body,
  createRng,
  formatStats,
  formatViolations,
  fuzzSeed,
  invalidBody,
  isValidCreateBody,
  isValidVanityBody,
  junkBody,
  junkCode,
  junkId,
  junkQuery,
  resolvesTo,
  runCases,
  setupWorld,
  snapshot,
  withoutAccounted,
  type Caller,
  type FuzzCase,
  type FuzzWorld,
  type Rng,
} from "../support/fuzz";

const SEED = fuzzSeed();
const SEED_TEXT = `0x${SEED.toString(16)}`;
const MANAGERS = 12;
const CREATE_FIELDS = ["max_age", "max_uses", "temporary", "unique"];
const VANITY_FIELDS = ["code"];

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function repeat(count: number, make: () => FuzzCase | null): FuzzCase[] {
  return Array.from({ length: count }, make).filter((fuzzCase): fuzzCase is FuzzCase => fuzzCase !== null);
}

/** Runs the cases between two snapshots and asserts the three properties. */
async function fuzz(
  request: Parameters<typeof snapshot>[0],
  world: FuzzWorld,
  cases: FuzzCase[],
  title: string,
) {
  const before = await snapshot(request, world);
  const started = Date.now();
  const { stats, violations } = await runCases(
    request,
    cases,
    new Budget(world.managers, world.used),
    createRng(SEED ^ 0x9e3779b9),
  );
  const after = await snapshot(request, world);
  console.log(
    formatStats(`${title} (seed ${SEED_TEXT}, ${((Date.now() - started) / 1000).toFixed(1)} s)`, stats),
  );
  if (violations.length) {
    console.log(`${violations.length} bad answers:\n${formatViolations(violations)}`);
    await test
      .info()
      .attach("bad-answers.txt", { body: formatViolations(violations, Infinity), contentType: "text/plain" });
  }

  // Soft, so a run with bad answers still reports whether any row changed.
  expect
    .soft(
      violations.length,
      `bad answers (reproduce with FUZZ_SEED=${SEED_TEXT}):\n${formatViolations(violations)}`,
    )
    .toBe(0);
  const reached = stats.requests - (stats.byStatus["429"] ?? 0);
  expect.soft(reached / stats.requests, "most requests get past the rate limits").toBeGreaterThanOrEqual(0.9);
  expect(
    withoutAccounted(after, stats.accountedCreates),
    "no invite, vanity code, member or audit-log row changed",
  ).toEqual(before);
}

test.describe(`invite API fuzz, seed ${SEED_TEXT}`, () => {
  test.describe.configure({ timeout: 300_000 });

  test(`seed ${SEED_TEXT}: malformed bodies, query strings and content types on every invite endpoint`, async ({
    request,
  }) => {
    const world = await setupWorld(request, MANAGERS);
    const rng = createRng(SEED);
    const { channelId: ch, guildId: g } = world;
    const liveCode = () => rng.pick([...world.codes, world.vanity, world.vanity.toUpperCase()]);
    const query = () => (rng.chance(0.6) ? junkQuery(rng) : "");
    const safeDeleteCode = () => {
      const code = rng.pick([
        world.vanity,
        world.vanity.toUpperCase(),
        rng.text(8, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"),
      ]);
      return resolvesTo(code, world.codes) ? world.vanity : code;
    };
    const junk = () => (rng.chance(0.5) ? junkBody(rng, CREATE_FIELDS) : undefined);
    const anonymousCaller = (): Caller => (rng.chance(0.8) ? "anonymous" : "bad-token");

    const cases = [
      // Managers: every body is one the validator must refuse (valid creates that slip through are accounted for).
      ...repeat(200, () => {
        const fuzzBody = invalidBody(rng, CREATE_FIELDS, isValidCreateBody);
        return (
          fuzzBody && {
            family: "create: body",
            method: "POST",
            path: `/channels/${ch}/invites${query()}`,
            caller: "manager",
            bucket: BUCKETS.create(ch),
            body: fuzzBody,
          }
        );
      }),
      ...repeat(100, () => {
        const fuzzBody = invalidBody(rng, VANITY_FIELDS, isValidVanityBody);
        return (
          fuzzBody && {
            family: "vanity PATCH: body",
            method: "PATCH",
            path: `/guilds/${g}/vanity-url${query()}`,
            caller: "manager",
            bucket: BUCKETS.vanityUpdate,
            body: fuzzBody,
          }
        );
      }),
      ...repeat(250, () => ({
        family: "get invite: query",
        method: "GET",
        path: `/invites/${liveCode()}${junkQuery(rng)}`,
        caller: "manager",
        bucket: BUCKETS.get,
      })),
      // Accept ignores its body; the managers are members already, so any accept is a no-op (no use counted).
      ...repeat(96, () => ({
        family: "accept: body+query",
        method: "POST",
        path: `/invites/${liveCode()}${query()}`,
        caller: "manager",
        bucket: BUCKETS.accept,
        body: junk(),
      })),
      // Delete ignores its body: managers only aim at codes that can't be deleted (the vanity) or don't exist.
      ...repeat(60, () => ({
        family: "delete: body+query",
        method: "DELETE",
        path: `/invites/${safeDeleteCode()}${query()}`,
        caller: "manager",
        bucket: BUCKETS.delete,
        body: junk(),
      })),
      ...repeat(100, () => ({
        family: "channel list: query",
        method: "GET",
        path: `/channels/${ch}/invites${junkQuery(rng)}`,
        caller: "manager",
        bucket: BUCKETS.list,
      })),
      ...repeat(100, () => ({
        family: "guild list: query",
        method: "GET",
        path: `/guilds/${g}/invites${junkQuery(rng)}`,
        caller: "manager",
        bucket: BUCKETS.list,
      })),
      ...repeat(100, () => ({
        family: "vanity GET: query",
        method: "GET",
        path: `/guilds/${g}/vanity-url${junkQuery(rng)}`,
        caller: "manager",
        bucket: BUCKETS.vanityGet,
      })),
      // Anonymous callers and bad tokens: anything at all, valid bodies included; none may change a thing.
      ...repeat(120, () => ({
        family: "create: anonymous",
        method: "POST",
        path: `/channels/${ch}/invites${query()}`,
        caller: anonymousCaller(),
        body: rng.chance(0.9) ? junkBody(rng, CREATE_FIELDS) : body("{}", "application/json"),
      })),
      ...repeat(80, () => ({
        family: "vanity PATCH: anonymous",
        method: "PATCH",
        path: `/guilds/${g}/vanity-url${query()}`,
        caller: anonymousCaller(),
        body: rng.chance(0.9) ? junkBody(rng, VANITY_FIELDS) : body('{"code":null}', "application/json"),
      })),
      ...repeat(250, () => ({
        family: "get invite: anonymous",
        method: "GET",
        path: `/invites/${liveCode()}${junkQuery(rng)}`,
        caller: "anonymous",
      })),
      ...repeat(60, () => ({
        family: "accept: anonymous",
        method: "POST",
        path: `/invites/${liveCode()}${query()}`,
        caller: anonymousCaller(),
        body: junk(),
      })),
      ...repeat(60, () => ({
        family: "delete: anonymous",
        method: "DELETE",
        path: `/invites/${rng.pick(world.codes)}${query()}`,
        caller: anonymousCaller(),
        body: junk(),
      })),
      ...repeat(80, () => ({
        family: "lists: anonymous",
        method: "GET",
        path: rng.pick([`/channels/${ch}/invites`, `/guilds/${g}/invites`]) + junkQuery(rng),
        caller: anonymousCaller(),
      })),
      ...repeat(40, () => ({
        family: "vanity GET: anonymous",
        method: "GET",
        path: `/guilds/${g}/vanity-url${junkQuery(rng)}`,
        caller: anonymousCaller(),
      })),
    ] satisfies FuzzCase[];

    await fuzz(request, world, shuffle(rng, cases), "bodies and queries");
  });

  test(`seed ${SEED_TEXT}: junk codes and ids in the path (percent-encoding, traversal, unicode, 0, negative, 2^64)`, async ({
    request,
  }) => {
    const world = await setupWorld(request, MANAGERS);
    const rng = createRng(SEED ^ 0x2545f491);
    const { channelId: ch, guildId: g } = world;
    const code = () => junkCode(rng, world.codes, world.vanity);
    const deletableSafe = () => {
      const candidate = code();
      return resolvesTo(candidate, world.codes) ? "nope" : candidate;
    };
    /** Points at a row of ours? Then only refused bodies; else a valid body half the time, so the id itself is what gets tested. */
    const pointsAt = (segment: string, realId: string) => {
      try {
        return parseSnowflake(decodeURIComponent(segment)) === BigInt(realId);
      } catch {
        return false;
      }
    };
    const createCase = (caller: Caller): FuzzCase | null => {
      const id = junkId(rng, ch);
      const fuzzBody =
        !pointsAt(id, ch) && rng.chance(0.5)
          ? body(rng.pick(["{}", '{"max_age":0}', '{"max_uses":3,"unique":false}']), "application/json")
          : invalidBody(rng, CREATE_FIELDS, isValidCreateBody);
      return (
        fuzzBody && {
          family: "create: channel id",
          method: "POST",
          path: `/channels/${id}/invites`,
          caller,
          bucket: BUCKETS.create(id),
          body: fuzzBody,
        }
      );
    };
    const vanityCase = (caller: Caller): FuzzCase | null => {
      const id = junkId(rng, g);
      const fuzzBody =
        !pointsAt(id, g) && rng.chance(0.5)
          ? body(rng.pick(['{"code":null}', '{"code":"fz-taken-nowhere"}']), "application/json")
          : invalidBody(rng, VANITY_FIELDS, isValidVanityBody);
      return (
        fuzzBody && {
          family: "vanity PATCH: guild id",
          method: "PATCH",
          path: `/guilds/${id}/vanity-url`,
          caller,
          bucket: BUCKETS.vanityUpdate,
          body: fuzzBody,
        }
      );
    };
    const idCase = (caller: Caller): FuzzCase | null =>
      rng.pick([
        () => ({
          family: "channel list: id",
          method: "GET" as const,
          path: `/channels/${junkId(rng, ch)}/invites`,
          caller,
          bucket: BUCKETS.list,
        }),
        () => ({
          family: "guild list: id",
          method: "GET" as const,
          path: `/guilds/${junkId(rng, g)}/invites`,
          caller,
          bucket: BUCKETS.list,
        }),
        () => ({
          family: "vanity GET: id",
          method: "GET" as const,
          path: `/guilds/${junkId(rng, g)}/vanity-url`,
          caller,
          bucket: BUCKETS.vanityGet,
        }),
        () => createCase(caller),
        () => vanityCase(caller),
      ])();

    const cases = [
      ...repeat(200, () => ({
        family: "get invite: code",
        method: "GET",
        path: `/invites/${code()}${rng.chance(0.3) ? junkQuery(rng) : ""}`,
        caller: "manager",
        bucket: BUCKETS.get,
      })),
      ...repeat(96, () => ({
        family: "accept: code",
        method: "POST",
        path: `/invites/${code()}`,
        caller: "manager",
        bucket: BUCKETS.accept,
      })),
      ...repeat(100, () => ({
        family: "delete: code",
        method: "DELETE",
        path: `/invites/${deletableSafe()}`,
        caller: "manager",
        bucket: BUCKETS.delete,
      })),
      ...repeat(150, () => ({
        family: "get invite: code, anonymous",
        method: "GET",
        path: `/invites/${code()}`,
        caller: "anonymous",
      })),
      ...repeat(50, () => ({
        family: "accept: code, anonymous",
        method: "POST",
        path: `/invites/${code()}`,
        caller: "anonymous",
      })),
      ...repeat(50, () => ({
        family: "delete: code, anonymous",
        method: "DELETE",
        path: `/invites/${code()}`,
        caller: "anonymous",
      })),
      ...repeat(300, () => idCase("manager")),
      ...repeat(150, () => idCase(rng.chance(0.8) ? "anonymous" : "bad-token")),
    ] satisfies FuzzCase[];

    await fuzz(request, world, shuffle(rng, cases), "codes and ids");
  });

  test(`seed ${SEED_TEXT}: methods an invite route does not serve answer the JSON envelope`, async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const routes: [string, FuzzCase["method"][]][] = [
      [`/invites/abcdefgh`, ["PUT"]],
      [`/channels/${channelId}/invites`, ["PUT", "PATCH", "DELETE"]],
      [`/guilds/${guild.id}/invites`, ["POST", "PUT", "PATCH", "DELETE"]],
      [`/guilds/${guild.id}/vanity-url`, ["POST", "PUT", "DELETE"]],
    ];
    const cases = routes.flatMap(([path, methods]) =>
      methods.flatMap((method) =>
        (["manager", "anonymous"] as const).map((caller) => ({
          family: `wrong method ${method}`,
          method,
          path,
          caller,
          body: body("{}", "application/json"),
        })),
      ),
    );
    const { stats, violations } = await runCases(request, cases, new Budget([owner]), createRng(SEED));
    console.log(formatStats(`wrong methods (seed ${SEED_TEXT})`, stats));
    expect(violations.length, formatViolations(violations)).toBe(0);
  });
});
