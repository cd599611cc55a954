// POST /auth/register in each REGISTRATION mode. Open is the suite's own server; invite-only and closed each
// run on a private instance of their own (e2e/security/support/instance.ts) with its own instance admin,
// since the mode is a setting of the whole instance. Every request to a private instance comes from one
// address, so its limits are scaled up. "No account was created" is shown the way a person would find out:
// the same email can register afterwards.
import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { JoinSourceType } from "../../lib/constants";
import {
  CLIENT_ADDRESS_HEADER,
  createGuild,
  expectError,
  PASSWORD,
  randomIp,
  randomName,
  registerUser,
  type TestUser,
} from "../fixtures";
import { startInstance, type Instance } from "../security/support/instance";
import { EventStream } from "../sse-stream";
import { acceptInvite, createInvite, deleteInvite, inviteAsManager } from "../support/invites";

type Invite = { code: string; uses: number; channel: { recipients?: unknown[] } };
type FieldErrors = { errors: { path: string; code: string; message: string }[] };

async function newInvite(
  api: APIRequestContext,
  user: TestUser,
  channelId: string,
  body: Record<string, unknown> = {},
): Promise<Invite> {
  return (await createInvite(api, user, channelId, body)) as Invite;
}

/** The invite with its metadata as its inviter sees it, or null once it is gone. */
async function inviteNow(api: APIRequestContext, user: TestUser, code: string): Promise<Invite | null> {
  return (await inviteAsManager(api, user, code)) as Invite | null;
}

type RegisterBody = { username?: string; email?: string; password?: string; invite_code?: unknown };

function register(api: APIRequestContext, body: RegisterBody = {}) {
  return api.post("/api/v1/auth/register", {
    data: {
      username: randomName("reg"),
      email: `${randomName("reg")}@e2e.test`,
      password: PASSWORD,
      ...body,
    },
    headers: { [CLIENT_ADDRESS_HEADER]: randomIp() },
  });
}

/** Registers (expects 201) and returns the user with their token. */
async function signUp(api: APIRequestContext, body: RegisterBody = {}): Promise<TestUser> {
  const username = body.username ?? randomName("reg");
  const email = body.email ?? `${randomName("reg")}@e2e.test`;
  const response = await register(api, { ...body, username, email });
  const text = await response.text();
  expect(response.status(), text).toBe(201);
  expect(text, "the answer is the token and the user's id, nothing else").not.toContain(PASSWORD);
  const { token, user_id: id } = JSON.parse(text) as { token: string; user_id: string };
  const ip = randomIp();
  return {
    id,
    token,
    email,
    username,
    password: PASSWORD,
    ip,
    headers: { authorization: token, [CLIENT_ADDRESS_HEADER]: ip },
  };
}

async function guildIdsOf(api: APIRequestContext, user: TestUser): Promise<string[]> {
  const response = await api.get("/api/v1/users/@me/guilds", { headers: user.headers });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { id: string }[]).map((g) => g.id);
}

async function memberIds(api: APIRequestContext, owner: TestUser, guildId: string): Promise<string[]> {
  const response = await api.get(`/api/v1/guilds/${guildId}/members?limit=1000`, { headers: owner.headers });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { user: { id: string } }[]).map((m) => m.user.id);
}

/** How the member joined, as a manager's member search shows it. */
async function joinSourceOf(api: APIRequestContext, owner: TestUser, guildId: string, userId: string) {
  const response = await api.post(`/api/v1/guilds/${guildId}/members-search`, {
    headers: owner.headers,
    data: { limit: 100 },
  });
  expect(response.status()).toBe(200);
  const { members } = (await response.json()) as {
    members: { user_id: string; supplemental: Record<string, unknown> }[];
  };
  return members.find((m) => m.user_id === userId)?.supplemental;
}

test.describe("registration open (the default)", () => {
  test("anyone registers without a code; with one, the account joins that guild, its use counted once", async ({
    request,
  }) => {
    expect((await signUp(request)).token).toMatch(/^flx_/);
    const owner = await registerUser(request);
    const guild = await createGuild(request, owner);
    const invite = await newInvite(request, owner, guild.general_channel_id!, { max_uses: 5 });
    const newcomer = await signUp(request, { invite_code: invite.code });
    expect(await guildIdsOf(request, newcomer)).toEqual([guild.id]);
    expect((await inviteNow(request, owner, invite.code))?.uses).toBe(1);
    expect(await joinSourceOf(request, owner, guild.id, newcomer.id)).toEqual({
      join_source_type: JoinSourceType.INSTANT_INVITE,
      source_invite_code: invite.code,
      inviter_id: owner.id,
    });
  });

  test("a code that can't be used refuses the registration and creates nothing", async ({ request }) => {
    const owner = await registerUser(request);
    const guild = await createGuild(request, owner);
    const revoked = await newInvite(request, owner, guild.general_channel_id!);
    expect((await deleteInvite(request, owner, revoked.code)).status()).toBe(200);
    const email = `${randomName("reg")}@e2e.test`;
    for (const code of [revoked.code, `zz${randomBytes(4).toString("hex")}`, "no such code!"])
      await expectError(await register(request, { email, invite_code: code }), "UNKNOWN_INVITE");
    await expectError(
      await register(request, { email, invite_code: "x".repeat(257) }),
      "INVALID_FORM_BODY",
      "invite_code",
    );
    expect(await memberIds(request, owner, guild.id)).toEqual([owner.id]);
    // The email is still free: nothing of the refused attempts was kept.
    const later = await signUp(request, { email });
    expect(await guildIdsOf(request, later)).toEqual([]);
  });

  test("registrations racing for an invite's last uses (through every instance): as many accounts as uses", async ({
    request,
  }) => {
    const owner = await registerUser(request);
    const guild = await createGuild(request, owner);
    const invite = await newInvite(request, owner, guild.general_channel_id!, { max_uses: 2 });
    const emails = Array.from({ length: 5 }, () => `${randomName("race")}@e2e.test`);
    const answers = await Promise.all(
      emails.map((email) => register(request, { email, invite_code: invite.code })),
    );
    const statuses = answers.map((a) => a.status());
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 404)).toHaveLength(3);
    const winners = await Promise.all(
      answers
        .filter((a) => a.status() === 201)
        .map(async (a) => ((await a.json()) as { user_id: string }).user_id),
    );
    expect((await memberIds(request, owner, guild.id)).sort()).toEqual([owner.id, ...winners].sort());
    // Each refused email is still free.
    for (const [i, email] of emails.entries())
      if (statuses[i] === 404) expect((await register(request, { email })).status()).toBe(201);
  });
});

test.describe("registration by invite only (REGISTRATION=invite)", () => {
  test.describe.configure({ mode: "serial" });
  let instance: Instance;
  let api: APIRequestContext;
  let admin: TestUser;
  let guild: Awaited<ReturnType<typeof createGuild>>;
  const adminEmail = `reg-admin-${randomBytes(4).toString("hex")}@e2e.test`;

  test.beforeAll(async () => {
    instance = await startInstance({
      REGISTRATION: "invite",
      ADMIN_EMAILS: adminEmail,
      RATE_LIMIT_SCALE: "100",
    });
    api = await playwrightRequest.newContext({ baseURL: instance.baseURL });
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("without a code: refused and nothing created; the instance admin registers without one", async () => {
    const email = `${randomName("reg")}@e2e.test`;
    for (const invite_code of [undefined, "", "   ", null]) {
      const body = (await expectError(
        await register(api, { email, invite_code }),
        "INVALID_FORM_BODY",
      )) as FieldErrors;
      expect(body.errors).toEqual([
        { path: "invite_code", code: "BASE_TYPE_REQUIRED", message: expect.any(String) },
      ]);
    }
    // The admin, in any case of their address, so the new instance can start.
    admin = await signUp(api, { email: adminEmail.toUpperCase() });
    guild = await createGuild(api, admin);
    const invite = await newInvite(api, admin, guild.general_channel_id!, { max_age: 0 });
    // The refused email was never taken.
    await signUp(api, { email, invite_code: invite.code });
  });

  test("a live code: the account joins in the same step, with the join source, the event and the analytics of an accept", async () => {
    const invite = await newInvite(api, admin, guild.general_channel_id!, { max_uses: 10 });
    const stream = await EventStream.open(instance.baseURL, "", admin.headers);
    await stream.waitFor("READY");
    const username = randomName("joiner");
    const newcomer = await signUp(api, { username, invite_code: invite.code });

    expect(await guildIdsOf(api, newcomer)).toEqual([guild.id]);
    const added = await stream.waitFor(
      "GUILD_MEMBER_ADD",
      (data) => (data.user as { id: string }).id === newcomer.id,
    );
    expect(added.data).toMatchObject({ guild_id: guild.id, user: { id: newcomer.id, username }, roles: [] });
    stream.close();
    expect((await inviteNow(api, admin, invite.code))?.uses).toBe(1);
    expect(await joinSourceOf(api, admin, guild.id, newcomer.id)).toEqual({
      join_source_type: JoinSourceType.INSTANT_INVITE,
      source_invite_code: invite.code,
      inviter_id: admin.id,
    });
    await expect
      .poll(async () => {
        const response = await api.get(`/api/v1/invites/${invite.code}/analytics`, {
          headers: admin.headers,
        });
        return ((await response.json()) as { totals: { joins: number } }).totals.joins;
      })
      .toBe(1);
    // Signed up by invite, signed in like anyone: the password works.
    const login = await api.post("/api/v1/auth/login", {
      data: { email: newcomer.email, password: PASSWORD },
      headers: { [CLIENT_ADDRESS_HEADER]: randomIp() },
    });
    expect(login.status()).toBe(200);
  });

  test("used-up, revoked, paused and group DM invites: the accept's own answer, and no account", async () => {
    const channelId = guild.general_channel_id!;
    const email = `${randomName("reg")}@e2e.test`;
    const used = await newInvite(api, admin, channelId, { max_uses: 1 });
    await signUp(api, { invite_code: used.code });
    await expectError(await register(api, { email, invite_code: used.code }), "UNKNOWN_INVITE");

    const revoked = await newInvite(api, admin, channelId);
    expect((await deleteInvite(api, admin, revoked.code)).status()).toBe(200);
    await expectError(await register(api, { email, invite_code: revoked.code }), "UNKNOWN_INVITE");

    // A guild whose invites are paused for the next hour: its live invite is refused as an accept is.
    const paused = await createGuild(api, admin);
    const pausedInvite = await newInvite(api, admin, paused.general_channel_id!, { max_uses: 3 });
    const pause = await api.put(`/api/v1/guilds/${paused.id}/incident-actions`, {
      headers: admin.headers,
      data: {
        invites_disabled_until: new Date(Date.now() + 3_600_000).toISOString(),
        dms_disabled_until: null,
      },
    });
    expect(pause.status(), await pause.text()).toBe(200);
    await expectError(await register(api, { email, invite_code: pausedInvite.code }), "INVITES_DISABLED");
    expect((await inviteNow(api, admin, pausedInvite.code))?.uses).toBe(0);

    // A group DM is not a guild: refused by name, and the group gains no one.
    const friend = await signUp(api, { invite_code: await freshCode() });
    const group = await api.post("/api/v1/users/@me/channels", {
      headers: admin.headers,
      data: { recipients: [friend.id], name: "crew" },
    });
    expect(group.status(), await group.text()).toBe(200);
    const groupId = ((await group.json()) as { id: string }).id;
    const groupInvite = await newInvite(api, admin, groupId, { max_uses: 5 });
    const refused = (await expectError(
      await register(api, { email, invite_code: groupInvite.code }),
      "INVALID_FORM_BODY",
      "invite_code",
    )) as FieldErrors;
    expect(refused.errors[0]!.code).toBe("INVITE_NOT_FOR_GUILD");
    const groupNow = await inviteNow(api, admin, groupInvite.code);
    expect(groupNow?.uses).toBe(0);
    expect(groupNow?.channel.recipients).toHaveLength(2);

    // After all of that, the email is still free.
    await signUp(api, { email, invite_code: await freshCode() });
  });

  test("two registrations racing for the last use of an invite: exactly one account is made", async () => {
    const invite = await newInvite(api, admin, guild.general_channel_id!, { max_uses: 1 });
    const emails = [`${randomName("race")}@e2e.test`, `${randomName("race")}@e2e.test`];
    const answers = await Promise.all(
      emails.map((email) => register(api, { email, invite_code: invite.code })),
    );
    const statuses = answers.map((a) => a.status()).sort();
    expect(statuses).toEqual([201, 404]);
    const winner = emails[answers.findIndex((a) => a.status() === 201)]!;
    const loser = emails[answers.findIndex((a) => a.status() === 404)]!;
    await expectError(
      answers.find((a) => a.status() === 404)!,
      "UNKNOWN_INVITE",
    );
    const winnerId = ((await answers.find((a) => a.status() === 201)!.json()) as { user_id: string }).user_id;
    expect(await memberIds(api, admin, guild.id)).toContain(winnerId);
    // The used-up invite is gone; the loser's email was never taken, the winner's is.
    expect(await inviteNow(api, admin, invite.code)).toBeNull();
    await signUp(api, { email: loser, invite_code: await freshCode() });
    await expectError(
      await register(api, { email: winner, invite_code: await freshCode() }),
      "EMAIL_ALREADY_REGISTERED",
    );
  });

  test("signed-up members accept further invites as usual", async () => {
    const member = await signUp(api, { invite_code: await freshCode() });
    const other = await createGuild(api, admin);
    const invite = await newInvite(api, admin, other.general_channel_id!);
    expect((await acceptInvite(api, member, invite.code)).status()).toBe(200);
    expect((await guildIdsOf(api, member)).sort()).toEqual([guild.id, other.id].sort());
  });

  /** A fresh invite of the instance's guild, for registrations a test only needs to succeed. */
  async function freshCode(): Promise<string> {
    return (await newInvite(api, admin, guild.general_channel_id!, { max_uses: 1 })).code;
  }
});

test.describe("registration closed (REGISTRATION=closed)", () => {
  let instance: Instance;
  let api: APIRequestContext;
  const adminEmail = `reg-admin-${randomBytes(4).toString("hex")}@e2e.test`;

  test.beforeAll(async () => {
    instance = await startInstance({
      REGISTRATION: "closed",
      ADMIN_EMAILS: adminEmail,
      RATE_LIMIT_SCALE: "100",
    });
    api = await playwrightRequest.newContext({ baseURL: instance.baseURL });
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("everyone but an instance admin is refused, even with a live invite; accounts sign in as before", async () => {
    const admin = await signUp(api, { email: adminEmail });
    const guild = await createGuild(api, admin);
    const invite = await newInvite(api, admin, guild.general_channel_id!);
    const email = `${randomName("reg")}@e2e.test`;
    for (const invite_code of [undefined, invite.code])
      await expectError(await register(api, { email, invite_code }), "REGISTRATION_CLOSED");
    expect(await memberIds(api, admin, guild.id)).toEqual([admin.id]);
    const login = await api.post("/api/v1/auth/login", {
      data: { email: adminEmail, password: PASSWORD },
      headers: { [CLIENT_ADDRESS_HEADER]: randomIp() },
    });
    expect(login.status()).toBe(200);
    // A second registration of the admin's address is refused as taken, not as closed.
    await expectError(await register(api, { email: adminEmail }), "EMAIL_ALREADY_REGISTERED");
  });
});
