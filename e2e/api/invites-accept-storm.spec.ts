// A link posted to a large audience: many people join one guild at the same moment, through every app
// instance, and each join is still exactly once. Also what the joins send and what a log-out takes away,
// now that accepts of one invite share a statement and token owners are remembered for a few seconds.
import { addressHeaders, expect, registerUser, test, type TestUser } from "../fixtures";
import { EventStream } from "../sse-stream";
import {
  acceptInvite,
  anonymous,
  createInvite,
  getInvite,
  inviteAsManager,
  ownerWithGuild,
} from "../support/invites";

const STORM_USERS = 1000;
const STORM_MAX_USES = 100;
const onPostgres = (process.env.TEST_DATABASE_URL ?? "").startsWith("postgres");
const instances = Number(process.env.TEST_INSTANCES ?? 1);

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

async function allMembers(
  request: Parameters<typeof registerUser>[0],
  owner: TestUser,
  guildId: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let after = "0"; ;) {
    const page = (await (
      await request.get(`/api/v1/guilds/${guildId}/members?limit=1000&after=${after}`, {
        headers: owner.headers,
      })
    ).json()) as { user: { id: string } }[];
    ids.push(...page.map((m) => m.user.id));
    if (page.length < 1000) return ids;
    after = page[page.length - 1]!.user.id;
  }
}

test.describe("accepts at viral speed", () => {
  test(`${STORM_USERS} users accept at once through two instances: a max_uses ${STORM_MAX_USES} invite admits exactly ${STORM_MAX_USES}, an unlimited one everyone else, each counted once`, async ({
    request,
    playwright,
    baseURL,
  }) => {
    test.skip(
      !onPostgres || instances < 2,
      "needs two app instances on one PostgreSQL (the suite's PostgreSQL run with TEST_REDIS_URL)",
    );
    test.setTimeout(600_000);
    const { owner, guild, channelId } = await ownerWithGuild(request);
    const limited = await createInvite(request, owner, channelId, { max_uses: STORM_MAX_USES, max_age: 0 });
    const unlimited = await createInvite(request, owner, channelId, { max_age: 0 });
    const users = await inBatches(Array.from({ length: STORM_USERS }), 50, () => registerUser(request));

    // Every accept at once; the test proxy sends each request to the next instance in turn.
    const burst = await playwright.request.newContext({ baseURL });
    const first = await Promise.all(
      users.map((user) =>
        acceptInvite(burst, user, limited.code).then(async (r) => ({
          status: r.status(),
          body: await r.json(),
        })),
      ),
    );
    const admitted = users.filter((_, i) => first[i]!.status === 200);
    console.log(
      `storm (${STORM_USERS} users, max_uses ${STORM_MAX_USES}): ${admitted.length} × 200, ${first.filter((r) => r.status === 404).length} × 404, others: ${first
        .filter((r) => r.status !== 200 && r.status !== 404)
        .map((r) => r.status)
        .join(", ")}`,
    );
    expect(admitted).toHaveLength(STORM_MAX_USES);
    for (const answer of first)
      if (answer.status !== 200)
        expect(answer).toMatchObject({ status: 404, body: { code: "UNKNOWN_INVITE" } });
    expect(
      await inviteAsManager(request, owner, limited.code),
      "used up: gone for its inviter too",
    ).toBeNull();

    // Then everyone takes the unlimited link: those already in get 200 and count no use.
    const second = await Promise.all(
      users.map((user) => acceptInvite(burst, user, unlimited.code).then((r) => r.status())),
    );
    await burst.dispose();
    expect(second.filter((status) => status === 200)).toHaveLength(STORM_USERS);
    const after = await inviteAsManager(request, owner, unlimited.code);
    expect(after).toMatchObject({
      uses: STORM_USERS - STORM_MAX_USES,
      version: 1 + STORM_USERS - STORM_MAX_USES,
      approximate_member_count: 1 + STORM_USERS,
    });

    const members = await allMembers(request, owner, guild.id);
    expect(members).toHaveLength(1 + STORM_USERS);
    expect(new Set(members).size).toBe(members.length);
    expect(members.sort()).toEqual([owner.id, ...users.map((u) => u.id)].sort());
  });

  test("the member event of a join is the member object the members API shows, sent once", async ({
    request,
    baseURL,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { temporary: true, max_age: 0 });
    const watcher = await EventStream.open(baseURL!, "", owner.headers);
    await watcher.waitFor("READY");
    const [newcomer, later] = [await registerUser(request), await registerUser(request)];
    expect((await acceptInvite(request, newcomer, invite.code)).status()).toBe(200);
    expect((await acceptInvite(request, newcomer, invite.code)).status(), "accepting again: already in").toBe(
      200,
    );
    const event = await watcher.waitFor(
      "GUILD_MEMBER_ADD",
      (d) => (d.user as { id: string }).id === newcomer.id,
    );
    const member = await (
      await request.get(`/api/v1/guilds/${guild.id}/members/${newcomer.id}`, { headers: owner.headers })
    ).json();
    expect(event.data).toEqual({ ...member, guild_id: guild.id });
    expect(member).toMatchObject({
      user: { id: newcomer.id, username: newcomer.username },
      roles: [],
      temporary: true,
    });

    // One more join: its event comes after the first, and the repeated accept sent none.
    expect((await acceptInvite(request, later, invite.code)).status()).toBe(200);
    await watcher.waitFor("GUILD_MEMBER_ADD", (d) => (d.user as { id: string }).id === later.id);
    expect(watcher.received("GUILD_MEMBER_ADD").map((e) => (e.data.user as { id: string }).id)).toEqual([
      newcomer.id,
      later.id,
    ]);
    watcher.close();
  });

  test("a token's log-out holds at once on every instance, while the user's other token and open stream stay", async ({
    request,
    baseURL,
    owner,
    guild,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
    const login = await request.post("/api/v1/auth/login", {
      data: { email: user.email, password: user.password },
      headers: addressHeaders(user.ip),
    });
    const other = { authorization: (await login.json()).token as string, ...addressHeaders(user.ip) };
    const stream = await EventStream.open(baseURL!, "", other);
    await stream.waitFor("READY");

    // Each instance has looked the token up (the proxy alternates), so each remembers its owner.
    const whoAmI = async (headers: Record<string, string>) =>
      Promise.all(
        Array.from({ length: 4 }, async () => (await request.get("/api/v1/users/@me", { headers })).status()),
      );
    expect(await whoAmI(user.headers)).toEqual([200, 200, 200, 200]);
    expect((await request.post("/api/v1/auth/logout", { headers: user.headers })).status()).toBe(200);
    expect(await whoAmI(user.headers)).toEqual([401, 401, 401, 401]);
    expect((await acceptInvite(request, user, invite.code)).status()).toBe(401);
    expect(await whoAmI(other)).toEqual([200, 200, 200, 200]);

    // The stream opened with the other token still hears the guild.
    const newcomer = await registerUser(request);
    expect((await acceptInvite(request, newcomer, invite.code)).status()).toBe(200);
    await stream.waitFor(
      "GUILD_MEMBER_ADD",
      (d) => (d.user as { id: string }).id === newcomer.id && d.guild_id === guild.id,
    );
    stream.close();
    expect((await getInvite(request, invite.code, anonymous())).status()).toBe(200);
  });
});
