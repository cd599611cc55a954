// Gateway events: each event reaches only the streams allowed to see it, on whichever app
// instance they are held.
import { spawn, type ChildProcess } from "node:child_process";
import { createGuild, expect, registerUser, test, type TestUser } from "../fixtures";
import { EventStream } from "../sse-stream";
import { createRole, giveRole, joinGuild, memberWith, ownerWithGuild, P } from "../support/members";
import type { APIRequestContext } from "@playwright/test";

async function createInvite(request: APIRequestContext, user: TestUser, channelId: string) {
  const response = await request.post(`/api/v1/channels/${channelId}/invites`, {
    headers: user.headers,
    data: {},
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { code: string };
}

async function openReady(baseURL: string, user: TestUser, query = ""): Promise<EventStream> {
  const stream = await EventStream.open(baseURL, query, user.headers);
  expect(stream.status, stream.body).toBe(200);
  await stream.waitFor("READY");
  return stream;
}

/**
 * Events reach a stream in the order they were published (one bus, delivered one after another), so once an
 * event published later has arrived, any earlier one meant for that stream has arrived too: the way to show
 * that an event did not reach a stream without waiting for a fixed time.
 */

test.describe("gateway events", () => {
  test("GUILD_MEMBER_ADD and GUILD_MEMBER_REMOVE reach the guild's members and not outsiders", async ({
    request,
    baseURL,
    owner,
    guild,
  }) => {
    const member = await memberWith(request, owner, guild.id);
    const outsider = await registerUser(request);
    // A member of another guild: that guild's invites are the later events that do reach the outsider.
    const elsewhere = await createGuild(request, outsider);
    const newcomer = await registerUser(request);
    const [ownerStream, memberStream, outsiderStream, newcomerStream] = await Promise.all([
      openReady(baseURL!, owner),
      openReady(baseURL!, member),
      openReady(baseURL!, outsider),
      openReady(baseURL!, newcomer),
    ]);

    await joinGuild(request, guild.id, newcomer);
    for (const stream of [ownerStream, memberStream, newcomerStream]) {
      const added = await stream.waitFor("GUILD_MEMBER_ADD", (d) => d.guild_id === guild.id);
      expect(added.data).toMatchObject({
        guild_id: guild.id,
        user: { id: newcomer.id, username: newcomer.username },
        temporary: false,
      });
      expect(added.data.user).not.toHaveProperty("email");
    }

    const kick = await request.delete(`/api/v1/guilds/${guild.id}/members/${newcomer.id}`, {
      headers: owner.headers,
    });
    expect(kick.status(), await kick.text()).toBe(204);
    // The kicked user learns it too, though no longer a member.
    for (const stream of [ownerStream, memberStream, newcomerStream]) {
      const removed = await stream.waitFor("GUILD_MEMBER_REMOVE", (d) => d.guild_id === guild.id);
      expect(removed.data).toMatchObject({
        guild_id: guild.id,
        user: { id: newcomer.id, username: newcomer.username },
      });
    }
    const marker = await createInvite(request, outsider, elsewhere.general_channel_id!);
    await outsiderStream.waitFor("INVITE_CREATE", (d) => d.code === marker.code);
    expect(outsiderStream.events.map((e) => e.type)).toEqual(["READY", "INVITE_CREATE"]);
    for (const stream of [ownerStream, memberStream, outsiderStream, newcomerStream]) stream.close();
  });

  test("INVITE_CREATE and INVITE_DELETE reach members who can manage the channel, not plain members", async ({
    request,
    baseURL,
    owner,
    guild,
  }) => {
    const channelId = guild.general_channel_id!;
    const manager = await memberWith(request, owner, guild.id, P.MANAGE_CHANNELS);
    const plain = await memberWith(request, owner, guild.id);
    // Has MANAGE_CHANNELS from a role, but this channel's overwrite takes it away.
    const deniedRole = await createRole(request, owner, guild.id, P.MANAGE_CHANNELS, "denied");
    const denied = await registerUser(request);
    await joinGuild(request, guild.id, denied);
    await giveRole(request, owner, guild.id, denied.id, deniedRole.id);
    const overwrite = await request.put(`/api/v1/channels/${channelId}/permissions/${denied.id}`, {
      headers: owner.headers,
      data: { type: 1, allow: "0", deny: P.MANAGE_CHANNELS.toString() },
    });
    expect(overwrite.status(), await overwrite.text()).toBe(204);
    const [ownerStream, managerStream, plainStream, deniedStream] = await Promise.all([
      openReady(baseURL!, owner),
      openReady(baseURL!, manager),
      openReady(baseURL!, plain),
      openReady(baseURL!, denied),
    ]);

    // A plain member may create an invite but is not told about invites.
    const invite = await createInvite(request, plain, channelId);
    for (const stream of [ownerStream, managerStream]) {
      const created = await stream.waitFor("INVITE_CREATE", (d) => d.code === invite.code);
      expect(created.data).toMatchObject({ code: invite.code, guild_id: guild.id, channel_id: channelId });
    }
    const deleted = await request.delete(`/api/v1/invites/${invite.code}`, { headers: manager.headers });
    expect(deleted.status(), await deleted.text()).toBe(200);
    for (const stream of [ownerStream, managerStream]) {
      const gone = await stream.waitFor("INVITE_DELETE", (d) => d.code === invite.code);
      expect(gone.data).toMatchObject({ code: invite.code, guild_id: guild.id, channel_id: channelId });
    }
    // Both are members: a later join reaches them, and with it everything published before.
    const latecomer = await registerUser(request);
    await joinGuild(request, guild.id, latecomer);
    for (const stream of [plainStream, deniedStream]) {
      await stream.waitFor("GUILD_MEMBER_ADD", (d) => (d.user as { id: string }).id === latecomer.id);
      expect(stream.events.map((e) => e.type)).toEqual(["READY", "GUILD_MEMBER_ADD"]);
    }
    for (const stream of [ownerStream, managerStream, plainStream, deniedStream]) stream.close();
  });

  test("two app instances on one PostgreSQL share events and counts", async ({
    request,
    baseURL,
    playwright,
  }) => {
    const databaseUrl = process.env.TEST_DATABASE_URL ?? "";
    test.skip(
      !databaseUrl.startsWith("postgres"),
      "needs PostgreSQL: several instances cannot share one PGlite database (TEST_DATABASE_URL is not postgres)",
    );
    test.setTimeout(120_000);
    const port = Number(process.env.TEST_PORT ?? 3101) + 98;
    const otherURL = `http://127.0.0.1:${port}`;
    const other = await startInstance(port, databaseUrl);
    const otherRequest = await playwright.request.newContext({ baseURL: otherURL });
    try {
      const { owner, guild } = await ownerWithGuild(request);
      const plain = await memberWith(request, owner, guild.id);
      // The plain member's own guild, whose invites are the later events that do reach them.
      const plainGuild = await createGuild(request, plain);
      const ownerStream = await openReady(baseURL!, owner, `guild_counts=${guild.id}`);
      const plainStream = await openReady(baseURL!, plain);
      await ownerStream.waitFor(
        "GUILD_COUNTS_UPDATE",
        (d) => d.approximate_member_count === 2 && d.approximate_presence_count === 2,
      );

      // A join through instance B reaches streams held by instance A.
      const newcomer = await registerUser(otherRequest);
      await joinGuild(otherRequest, guild.id, newcomer);
      for (const stream of [ownerStream, plainStream])
        await stream.waitFor("GUILD_MEMBER_ADD", (d) => (d.user as { id: string }).id === newcomer.id);
      await ownerStream.waitFor(
        "GUILD_COUNTS_UPDATE",
        (d) => d.approximate_member_count === 3 && d.approximate_presence_count === 2,
      );

      // Coming online on B is counted on A; both instances report the same numbers.
      const newcomerStream = await openReady(otherURL, newcomer);
      await ownerStream.waitFor(
        "GUILD_COUNTS_UPDATE",
        (d) => d.approximate_member_count === 3 && d.approximate_presence_count === 3,
        5000,
      );
      const fromA = await (
        await request.get(`/api/v1/guilds/${guild.id}/presence`, { headers: owner.headers })
      ).json();
      const fromB = await (
        await otherRequest.get(`/api/v1/guilds/${guild.id}/presence`, { headers: newcomer.headers })
      ).json();
      expect(fromA).toMatchObject({ online: 3, members: 3 });
      expect(fromB).toEqual(fromA);

      // An invite created through B reaches the owner's stream on A (a manager) and not the plain member's.
      const invite = await createInvite(otherRequest, owner, guild.general_channel_id!);
      await ownerStream.waitFor("INVITE_CREATE", (d) => d.code === invite.code);
      const marker = await createInvite(otherRequest, plain, plainGuild.general_channel_id!);
      await plainStream.waitFor("INVITE_CREATE", (d) => d.code === marker.code);
      expect(plainStream.received("INVITE_CREATE").map((e) => e.data.code)).toEqual([marker.code]);

      newcomerStream.close();
      await ownerStream.waitFor(
        "GUILD_COUNTS_UPDATE",
        (d) => d.approximate_member_count === 3 && d.approximate_presence_count === 2,
        5000,
      );
      ownerStream.close();
      plainStream.close();
    } finally {
      await otherRequest.dispose();
      await stopInstance(other);
    }
  });
});

/** A second production server on the same database and secret as the test server (playwright.config.ts). */
async function startInstance(port: number, databaseUrl: string): Promise<ChildProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/start.mjs", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      APP_URL: url,
      AUTH_URL: url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
      SEED_DEMO: "0",
      TRUST_PROXY: "1",
      ADMIN_EMAILS: process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test",
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`second instance exited (${child.exitCode}): ${stderr}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopInstance(child);
  throw new Error(`second instance did not start on ${url}: ${stderr}`);
}

async function stopInstance(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // start.mjs forwards SIGTERM to next; the process group catches anything left.
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
}
