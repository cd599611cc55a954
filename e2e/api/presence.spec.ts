// Presence: a signed-in event stream makes its user count as online; anonymous streams may
// only follow the counts of guilds with a live invite; temporary members leave after their last stream ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import {
  CLIENT_ADDRESS_HEADER,
  expect,
  expectError,
  randomIp,
  registerUser,
  test,
  type TestUser,
} from "../fixtures";
import { startInstance } from "../security/support/instance";
import { EventStream } from "../sse-stream";
import { createRole, giveRole, joinGuild, ownerWithGuild } from "../support/members";

/** TEMP_MEMBER_GRACE_SECONDS of the test server (its default). */
const GRACE_SECONDS = 10;

async function presence(
  request: APIRequestContext,
  user: TestUser,
  guildId: string,
): Promise<{ online: number; members: number }> {
  const response = await request.get(`/api/v1/guilds/${guildId}/presence`, { headers: user.headers });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

async function createInvite(
  request: APIRequestContext,
  user: TestUser,
  channelId: string,
  data: Record<string, unknown> = {},
) {
  const response = await request.post(`/api/v1/channels/${channelId}/invites`, {
    headers: user.headers,
    data,
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { code: string; temporary: boolean };
}

async function acceptInvite(request: APIRequestContext, user: TestUser, code: string) {
  const response = await request.post(`/api/v1/invites/${code}`, { headers: user.headers });
  expect(response.status(), await response.text()).toBe(200);
}

async function memberStatus(request: APIRequestContext, owner: TestUser, guildId: string, userId: string) {
  return (
    await request.get(`/api/v1/guilds/${guildId}/members/${userId}`, { headers: owner.headers })
  ).status();
}

test.describe("presence", () => {
  test("an open stream makes its user count as online until the last one closes", async ({
    request,
    baseURL,
    owner,
    guild,
  }) => {
    const member = await registerUser(request);
    await joinGuild(request, guild.id, member);
    expect(await presence(request, owner, guild.id)).toMatchObject({ online: 0, members: 2 });

    const first = await EventStream.open(baseURL!, "", member.headers);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toContain("text/event-stream");
    expect(first.headers["cache-control"]).toContain("no-store");
    const ready = await first.waitFor("READY");
    expect(ready.data).toMatchObject({ user_id: member.id });
    expect(ready.data.session_id).toMatch(/^\d+$/);
    expect((await presence(request, owner, guild.id)).online).toBe(1);

    // A second tab of the same user is still one online member, and keeps them online when the first closes.
    const second = await EventStream.open(baseURL!, "", member.headers);
    const secondReady = await second.waitFor("READY");
    expect(secondReady.data.session_id).not.toBe(ready.data.session_id);
    expect((await presence(request, owner, guild.id)).online).toBe(1);
    first.close();
    await expect
      .poll(async () => (await presence(request, member, guild.id)).online, { timeout: 3000 })
      .toBe(1);

    const ownerStream = await EventStream.open(baseURL!, "", owner.headers);
    await ownerStream.waitFor("READY");
    expect((await presence(request, member, guild.id)).online).toBe(2);

    second.close();
    await expect.poll(async () => (await presence(request, owner, guild.id)).online).toBe(1);
    ownerStream.close();
    await expect.poll(async () => (await presence(request, member, guild.id)).online).toBe(0);

    // Presence of one guild is for its members only.
    const stranger = await registerUser(request);
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}/presence`, { headers: stranger.headers }),
      "MISSING_ACCESS",
    );
    await expectError(await request.get(`/api/v1/guilds/${guild.id}/presence`), "UNAUTHORIZED");
    await expectError(
      await request.get(`/api/v1/guilds/1234/presence`, { headers: stranger.headers }),
      "UNKNOWN_GUILD",
    );
  });

  test("a member following a guild's counts sees joins, leaves and people coming online", async ({
    request,
    baseURL,
    owner,
    guild,
  }) => {
    const watcher = await EventStream.open(baseURL!, `guild_counts=${guild.id}`, owner.headers);
    expect((await watcher.waitFor("READY")).data).toMatchObject({
      user_id: owner.id,
      guild_counts: [guild.id],
    });
    // The owner's own stream already counts.
    await watcher.waitFor(
      "GUILD_COUNTS_UPDATE",
      (d) =>
        d.guild_id === guild.id && d.approximate_member_count === 1 && d.approximate_presence_count === 1,
    );

    const newcomer = await registerUser(request);
    await joinGuild(request, guild.id, newcomer);
    await watcher.waitFor(
      "GUILD_COUNTS_UPDATE",
      (d) => d.approximate_member_count === 2 && d.approximate_presence_count === 1,
    );

    const newcomerStream = await EventStream.open(baseURL!, "", newcomer.headers);
    await newcomerStream.waitFor("READY");
    await watcher.waitFor(
      "GUILD_COUNTS_UPDATE",
      (d) => d.approximate_member_count === 2 && d.approximate_presence_count === 2,
    );

    // Leaving while online takes the member out of both counts.
    const leave = await request.delete(`/api/v1/users/@me/guilds/${guild.id}`, { headers: newcomer.headers });
    expect(leave.status(), await leave.text()).toBe(204);
    await watcher.waitFor(
      "GUILD_COUNTS_UPDATE",
      (d) => d.approximate_member_count === 1 && d.approximate_presence_count === 1,
      5000,
    );
    expect(await presence(request, owner, guild.id)).toMatchObject({ online: 1, members: 1 });
    newcomerStream.close();
    watcher.close();
  });

  test("anonymous streams may only follow counts of guilds with a live invite, and are not presence", async ({
    request,
    baseURL,
    owner,
    guild,
  }) => {
    const anonymous = { [CLIENT_ADDRESS_HEADER]: randomIp() };

    const noSubscription = await EventStream.open(baseURL!, "", anonymous);
    expect(noSubscription.status).toBe(401);
    expect(JSON.parse(noSubscription.body)).toMatchObject({ code: "UNAUTHORIZED" });
    // No invite yet: a guild id alone reveals nothing.
    const hidden = await EventStream.open(baseURL!, `guild_counts=${guild.id}`, anonymous);
    expect(hidden.status).toBe(404);
    expect(JSON.parse(hidden.body)).toMatchObject({ code: "UNKNOWN_GUILD" });
    const malformed = await EventStream.open(baseURL!, "guild_counts=abc", anonymous);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({
      code: "INVALID_FORM_BODY",
      errors: [{ path: "guild_counts" }],
    });
    const badToken = await EventStream.open(baseURL!, `guild_counts=${guild.id}`, {
      ...anonymous,
      authorization: "flx_not-a-real-token-at-all",
    });
    expect(badToken.status).toBe(401);

    await createInvite(request, owner, guild.general_channel_id!);
    const landing = await EventStream.open(baseURL!, `guild_counts=${guild.id}`, anonymous);
    expect(landing.status).toBe(200);
    expect((await landing.waitFor("READY")).data).toMatchObject({ user_id: null, guild_counts: [guild.id] });
    await landing.waitFor(
      "GUILD_COUNTS_UPDATE",
      (d) =>
        d.guild_id === guild.id && d.approximate_member_count === 1 && d.approximate_presence_count === 0,
    );
    expect((await presence(request, owner, guild.id)).online).toBe(0);

    // The owner opening the app shows up on the landing page.
    const ownerStream = await EventStream.open(baseURL!, "", owner.headers);
    await ownerStream.waitFor("READY");
    await landing.waitFor("GUILD_COUNTS_UPDATE", (d) => d.approximate_presence_count === 1, 5000);
    const beforeClose = landing.mark();
    ownerStream.close();
    await landing.waitFor(
      "GUILD_COUNTS_UPDATE",
      (d) => d.approximate_presence_count === 0,
      5000,
      beforeClose,
    );
    landing.close();
  });

  test("every stream gets a `: ping` comment about every 15 seconds", async ({ baseURL, user }) => {
    const stream = await EventStream.open(baseURL!, "", user.headers);
    await stream.waitFor("READY");
    await stream.waitForComment("ping", 20_000);
    stream.close();
  });

  test("a temporary member is removed after the grace period once their last stream closes", async ({
    request,
    baseURL,
    owner,
    guild,
  }) => {
    const invite = await createInvite(request, owner, guild.general_channel_id!, {
      temporary: true,
      max_age: 0,
    });
    expect(invite.temporary).toBe(true);
    const guest = await registerUser(request);
    const watcher = await EventStream.open(baseURL!, `guild_counts=${guild.id}`, owner.headers);
    await watcher.waitFor("READY");

    const tabs = [
      await EventStream.open(baseURL!, "", guest.headers),
      await EventStream.open(baseURL!, "", guest.headers),
    ];
    for (const tab of tabs) await tab.waitFor("READY");
    await acceptInvite(request, guest, invite.code);
    // The owner's watcher stream and the guest's tabs: two online members.
    expect(await presence(request, owner, guild.id)).toMatchObject({ online: 2, members: 2 });

    tabs[0]!.close(); // one tab closed: still connected, nothing happens
    const closedAt = Date.now();
    tabs[1]!.close();
    const removal = await watcher.waitFor(
      "GUILD_MEMBER_REMOVE",
      (d) => (d.user as { id: string }).id === guest.id,
      (GRACE_SECONDS + 10) * 1000,
    );
    const elapsed = (Date.now() - closedAt) / 1000;
    expect(elapsed).toBeGreaterThanOrEqual(GRACE_SECONDS - 1);
    expect(removal.data).toMatchObject({
      guild_id: guild.id,
      user: { id: guest.id, username: guest.username },
    });
    expect(await memberStatus(request, owner, guild.id, guest.id)).toBe(404);
    expect(await presence(request, owner, guild.id)).toMatchObject({ online: 1, members: 1 });
    watcher.close();
  });

  test("a temporary member who never opens a stream is removed after the grace period, unless given a role meanwhile", async ({
    request,
    baseURL,
    owner,
    guild,
  }) => {
    const invite = await createInvite(request, owner, guild.general_channel_id!, {
      temporary: true,
      max_age: 0,
    });
    const role = await createRole(request, owner, guild.id, 0n, "Keepers");
    const watcher = await EventStream.open(baseURL!, `guild_counts=${guild.id}`, owner.headers);
    await watcher.waitFor("READY");
    // Two API clients that accept and never connect: one is given a role at once, the other nothing.
    const [drifter, kept] = [await registerUser(request), await registerUser(request)];
    const joinedAt = Date.now();
    await acceptInvite(request, drifter, invite.code);
    await acceptInvite(request, kept, invite.code);
    await giveRole(request, owner, guild.id, kept.id, role.id);

    const removal = await watcher.waitFor(
      "GUILD_MEMBER_REMOVE",
      (d) => (d.user as { id: string }).id === drifter.id,
      (GRACE_SECONDS + 20) * 1000,
    );
    expect((Date.now() - joinedAt) / 1000).toBeGreaterThanOrEqual(GRACE_SECONDS - 1);
    expect(removal.data).toMatchObject({ guild_id: guild.id, user: { id: drifter.id } });
    expect(await memberStatus(request, owner, guild.id, drifter.id)).toBe(404);
    expect(await memberStatus(request, owner, guild.id, kept.id)).toBe(200);
    expect(watcher.received("GUILD_MEMBER_REMOVE").map((e) => (e.data.user as { id: string }).id)).toEqual([
      drifter.id,
    ]);
    watcher.close();
  });

  test("the removal of a never-connected temporary member survives a restart of the server", async () => {
    test.setTimeout(240_000);
    // A private instance over a database that outlives it: the suite's PostgreSQL, else a PGlite folder.
    const folder = process.env.TEST_DATABASE_URL?.startsWith("postgres")
      ? null
      : mkdtempSync(path.join(tmpdir(), "fluxer-restart-"));
    const env = {
      TEMP_MEMBER_GRACE_SECONDS: "20",
      RATE_LIMIT_SCALE: "100",
      ...(folder ? { DATABASE_URL: `pglite:${folder}` } : {}),
    };
    let instance = await startInstance(env);
    let api = await playwrightRequest.newContext({ baseURL: instance.baseURL });
    try {
      const { owner, guild } = await ownerWithGuild(api);
      const invite = await createInvite(api, owner, guild.general_channel_id!, {
        temporary: true,
        max_age: 0,
      });
      const guest = await registerUser(api);
      await acceptInvite(api, guest, invite.code);
      // Stopped well inside the grace period: nothing in this process's memory may be what removes the guest.
      await api.dispose();
      await instance.stop();
      instance = await startInstance(env);
      api = await playwrightRequest.newContext({ baseURL: instance.baseURL });
      await expect
        .poll(() => memberStatus(api, owner, guild.id, guest.id), { timeout: 90_000, intervals: [1000] })
        .toBe(404);
      expect(await memberStatus(api, owner, guild.id, owner.id)).toBe(200);
    } finally {
      await api.dispose();
      await instance.stop();
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  });

  test("a temporary member who reconnects in time, or is given a role, stays", async ({
    request,
    baseURL,
    owner,
    guild,
  }) => {
    const invite = await createInvite(request, owner, guild.general_channel_id!, {
      temporary: true,
      max_age: 0,
    });
    const role = await createRole(request, owner, guild.id, 0n, "Regulars");
    const [returning, promoted, control] = [
      await registerUser(request),
      await registerUser(request),
      await registerUser(request),
    ];
    const streams = new Map<string, EventStream>();
    for (const user of [returning, promoted, control]) {
      const stream = await EventStream.open(baseURL!, "", user.headers);
      await stream.waitFor("READY");
      streams.set(user.id, stream);
      await acceptInvite(request, user, invite.code);
    }
    await giveRole(request, owner, guild.id, promoted.id, role.id);
    const promotedMember = await (
      await request.get(`/api/v1/guilds/${guild.id}/members/${promoted.id}`, { headers: owner.headers })
    ).json();
    expect(promotedMember.temporary).toBe(false);

    for (const stream of streams.values()) stream.close();
    // All three offline as the server counts them: the grace period has started before the return.
    await expect.poll(async () => (await presence(request, owner, guild.id)).online).toBe(0);
    const back = await EventStream.open(baseURL!, "", returning.headers);
    await back.waitFor("READY");

    // The control, with neither, is removed: proof that the grace period has passed for all three.
    await expect
      .poll(() => memberStatus(request, owner, guild.id, control.id), {
        timeout: (GRACE_SECONDS + 10) * 1000,
        intervals: [1000],
      })
      .toBe(404);
    expect(await memberStatus(request, owner, guild.id, returning.id)).toBe(200);
    expect(await memberStatus(request, owner, guild.id, promoted.id)).toBe(200);
    expect(await presence(request, owner, guild.id)).toMatchObject({ online: 1, members: 3 });
    back.close();
  });
});
