import { expect, expectError, registerUser, test, type TestUser } from "../fixtures";
import { createRole, giveRole, memberWith, ownerWithGuild, P } from "../support/members";
import type { APIRequestContext } from "@playwright/test";

async function channelNames(request: APIRequestContext, user: TestUser, guildId: string): Promise<string[]> {
  const response = await request.get(`/api/v1/guilds/${guildId}/channels`, { headers: user.headers });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).map((c: { name: string }) => c.name);
}

async function createChannel(
  request: APIRequestContext,
  user: TestUser,
  guildId: string,
  data: Record<string, unknown>,
) {
  const response = await request.post(`/api/v1/guilds/${guildId}/channels`, { headers: user.headers, data });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function putOverwrite(
  request: APIRequestContext,
  user: TestUser,
  channelId: string,
  targetId: string,
  data: Record<string, unknown>,
) {
  return request.put(`/api/v1/channels/${channelId}/permissions/${targetId}`, {
    headers: user.headers,
    data,
  });
}

test.describe("guild channels API", () => {
  test("list and create channels: text, voice and categories with a parent", async ({
    request,
    owner,
    guild,
  }) => {
    expect(guild.general_channel_id).toMatch(/^\d+$/);
    const category = await createChannel(request, owner, guild.id, { name: "Info", type: 4 });
    expect(category).toMatchObject({
      name: "Info",
      type: 4,
      guild_id: guild.id,
      parent_id: null,
      permission_overwrites: [],
    });
    const voice = await createChannel(request, owner, guild.id, {
      name: "Lounge",
      type: 2,
      parent_id: category.id,
    });
    expect(voice).toMatchObject({ type: 2, parent_id: category.id });
    const text = await createChannel(request, owner, guild.id, { name: "rules", parent_id: category.id });
    expect(text).toMatchObject({ type: 0, parent_id: category.id });
    expect(text.position).toBeGreaterThan(voice.position);

    const member = await memberWith(request, owner, guild.id);
    expect(await channelNames(request, member, guild.id)).toEqual(["general", "Info", "Lounge", "rules"]);
  });

  test("create and list refuse strangers, members without MANAGE_CHANNELS and bad input", async ({
    request,
    owner,
    guild,
  }) => {
    const url = `/api/v1/guilds/${guild.id}/channels`;
    const member = await memberWith(request, owner, guild.id);
    const stranger = await registerUser(request);
    await expectError(await request.get(url), "UNAUTHORIZED");
    await expectError(await request.post(url, { data: { name: "x" } }), "UNAUTHORIZED");
    await expectError(await request.get(url, { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(
      await request.post(url, { headers: stranger.headers, data: { name: "x" } }),
      "MISSING_ACCESS",
    );
    await expectError(
      await request.post(url, { headers: member.headers, data: { name: "x" } }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.get(`/api/v1/guilds/123456789012345678/channels`, { headers: owner.headers }),
      "UNKNOWN_GUILD",
    );

    await expectError(
      await request.post(url, { headers: owner.headers, data: {} }),
      "INVALID_FORM_BODY",
      "name",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: { name: "   " } }),
      "INVALID_FORM_BODY",
      "name",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: { name: "dm", type: 3 } }),
      "INVALID_FORM_BODY",
      "type",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: { name: "x", parent_id: "abc" } }),
      "INVALID_FORM_BODY",
      "parent_id",
    );
    await expectError(
      await request.post(url, {
        headers: owner.headers,
        data: { name: "x", parent_id: guild.general_channel_id },
      }),
      "INVALID_FORM_BODY",
      "parent_id",
    );

    // With MANAGE_CHANNELS the same member may create one.
    const manager = await memberWith(request, owner, guild.id, P.MANAGE_CHANNELS);
    await createChannel(request, manager, guild.id, { name: "made-by-manager" });
    expect(await channelNames(request, member, guild.id)).toContain("made-by-manager");
  });

  test("overwrites change who can see a channel: @everyone, role and member overwrites in order", async ({
    request,
    owner,
    guild,
  }) => {
    const secret = await createChannel(request, owner, guild.id, { name: "secret" });
    const alice = await memberWith(request, owner, guild.id);
    const bob = await memberWith(request, owner, guild.id);
    expect(await channelNames(request, alice, guild.id)).toContain("secret");

    // Hide from @everyone (the @everyone role's id is the guild id).
    const hide = await putOverwrite(request, owner, secret.id, guild.id, {
      type: 0,
      deny: P.VIEW_CHANNEL.toString(),
    });
    expect(hide.status(), await hide.text()).toBe(204);
    expect(await channelNames(request, alice, guild.id)).toEqual(["general"]);
    expect(await channelNames(request, owner, guild.id)).toEqual(["general", "secret"]);

    // A role overwrite lets role holders in.
    const staff = await createRole(request, owner, guild.id, 0n, "staff");
    expect(
      (
        await putOverwrite(request, owner, secret.id, staff.id, { type: 0, allow: Number(P.VIEW_CHANNEL) })
      ).status(),
    ).toBe(204);
    await giveRole(request, owner, guild.id, alice.id, staff.id);
    expect(await channelNames(request, alice, guild.id)).toContain("secret");
    expect(await channelNames(request, bob, guild.id)).not.toContain("secret");

    // A member overwrite beats the role overwrite.
    expect(
      (
        await putOverwrite(request, owner, secret.id, alice.id, { type: 1, deny: P.VIEW_CHANNEL.toString() })
      ).status(),
    ).toBe(204);
    expect(await channelNames(request, alice, guild.id)).not.toContain("secret");
    expect(
      (
        await putOverwrite(request, owner, secret.id, bob.id, { type: 1, allow: P.VIEW_CHANNEL.toString() })
      ).status(),
    ).toBe(204);
    expect(await channelNames(request, bob, guild.id)).toContain("secret");

    const listed = (
      await (await request.get(`/api/v1/guilds/${guild.id}/channels`, { headers: owner.headers })).json()
    ).find((c: { id: string }) => c.id === secret.id);
    expect(listed.permission_overwrites).toEqual(
      expect.arrayContaining([
        { id: guild.id, type: 0, allow: "0", deny: P.VIEW_CHANNEL.toString() },
        { id: staff.id, type: 0, allow: P.VIEW_CHANNEL.toString(), deny: "0" },
        { id: alice.id, type: 1, allow: "0", deny: P.VIEW_CHANNEL.toString() },
      ]),
    );

    // Removing the member overwrite gives alice her role's access back.
    const removed = await request.delete(`/api/v1/channels/${secret.id}/permissions/${alice.id}`, {
      headers: owner.headers,
    });
    expect(removed.status()).toBe(204);
    expect(await channelNames(request, alice, guild.id)).toContain("secret");
  });

  test("overwrites change permissions too: MANAGE_ROLES granted in one channel only", async ({
    request,
    owner,
    guild,
  }) => {
    const ops = await createChannel(request, owner, guild.id, { name: "ops" });
    const helper = await memberWith(request, owner, guild.id);
    const viewer = await memberWith(request, owner, guild.id);

    await expectError(
      await putOverwrite(request, helper, ops.id, viewer.id, { type: 1, deny: P.VIEW_CHANNEL.toString() }),
      "MISSING_PERMISSIONS",
    );
    const grant = (P.MANAGE_ROLES | P.VIEW_CHANNEL).toString();
    expect((await putOverwrite(request, owner, ops.id, helper.id, { type: 1, allow: grant })).status()).toBe(
      204,
    );
    expect(
      (
        await putOverwrite(request, helper, ops.id, viewer.id, { type: 1, deny: P.VIEW_CHANNEL.toString() })
      ).status(),
    ).toBe(204);
    expect(await channelNames(request, viewer, guild.id)).not.toContain("ops");
    // Only in that channel, and only bits the helper holds.
    await expectError(
      await putOverwrite(request, helper, guild.general_channel_id!, viewer.id, {
        type: 1,
        deny: P.VIEW_CHANNEL.toString(),
      }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await putOverwrite(request, helper, ops.id, viewer.id, { type: 1, allow: P.ADMINISTRATOR.toString() }),
      "MISSING_PERMISSIONS",
    );

    // A guild-level MANAGE_ROLES manager is stopped in a channel whose overwrite denies it.
    const manager = await memberWith(request, owner, guild.id, P.MANAGE_ROLES);
    expect(
      (await putOverwrite(request, manager, ops.id, viewer.id, { type: 1, allow: "0", deny: "0" })).status(),
    ).toBe(204);
    expect(
      (
        await putOverwrite(request, owner, ops.id, manager.id, { type: 1, deny: P.MANAGE_ROLES.toString() })
      ).status(),
    ).toBe(204);
    await expectError(
      await putOverwrite(request, manager, ops.id, viewer.id, { type: 1 }),
      "MISSING_PERMISSIONS",
    );
  });

  test("PUT overwrite validates the target and the input", async ({ request, owner, guild }) => {
    const other = await ownerWithGuild(request);
    const channelId = guild.general_channel_id!;
    const member = await memberWith(request, owner, guild.id);
    const stranger = await registerUser(request);
    const url = `/api/v1/channels/${channelId}/permissions/${member.id}`;

    await expectError(await request.put(url, { data: { type: 1 } }), "UNAUTHORIZED");
    await expectError(
      await request.put(url, { headers: stranger.headers, data: { type: 1 } }),
      "MISSING_ACCESS",
    );
    await expectError(
      await request.put(url, { headers: member.headers, data: { type: 1 } }),
      "MISSING_PERMISSIONS",
    );
    await expectError(await request.delete(url), "UNAUTHORIZED");
    await expectError(await request.delete(url, { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(await request.delete(url, { headers: member.headers }), "MISSING_PERMISSIONS");
    await expectError(
      await request.put(`/api/v1/channels/123456789012345678/permissions/${member.id}`, {
        headers: owner.headers,
        data: { type: 1 },
      }),
      "UNKNOWN_CHANNEL",
    );

    await expectError(
      await request.put(url, { headers: owner.headers, data: { type: 2 } }),
      "INVALID_FORM_BODY",
      "type",
    );
    await expectError(
      await request.put(url, { headers: owner.headers, data: {} }),
      "INVALID_FORM_BODY",
      "type",
    );
    await expectError(
      await request.put(url, { headers: owner.headers, data: { type: 1, allow: "abc" } }),
      "INVALID_FORM_BODY",
      "allow",
    );
    await expectError(
      await request.put(url, { headers: owner.headers, data: { type: 1, deny: -4 } }),
      "INVALID_FORM_BODY",
      "deny",
    );

    // The target must belong to this guild.
    await expectError(
      await putOverwrite(request, owner, channelId, stranger.id, { type: 1 }),
      "UNKNOWN_MEMBER",
    );
    await expectError(
      await putOverwrite(request, owner, channelId, other.guild.id, { type: 0 }),
      "UNKNOWN_ROLE",
    );
    await expectError(await putOverwrite(request, owner, channelId, member.id, { type: 0 }), "UNKNOWN_ROLE");

    const ok = await putOverwrite(request, owner, channelId, member.id, { type: 1, allow: 1024, deny: "2" });
    expect(ok.status()).toBe(204);
  });

  test("an ADMINISTRATOR role grants everything, overwrites included", async ({ request, owner, guild }) => {
    const hidden = await createChannel(request, owner, guild.id, { name: "hidden" });
    expect(
      (
        await putOverwrite(request, owner, hidden.id, guild.id, { type: 0, deny: P.VIEW_CHANNEL.toString() })
      ).status(),
    ).toBe(204);
    const admin = await memberWith(request, owner, guild.id, P.ADMINISTRATOR);
    expect(
      (
        await putOverwrite(request, owner, hidden.id, admin.id, { type: 1, deny: P.VIEW_CHANNEL.toString() })
      ).status(),
    ).toBe(204);
    expect(await channelNames(request, admin, guild.id)).toContain("hidden");

    await createChannel(request, admin, guild.id, { name: "by-admin" });
    const role = await request.post(`/api/v1/guilds/${guild.id}/roles`, {
      headers: admin.headers,
      data: { name: "mods", permissions: P.KICK_MEMBERS.toString() },
    });
    expect(role.status()).toBe(201);
    const rename = await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: admin.headers,
      data: { name: "Admin Renamed" },
    });
    expect(rename.status()).toBe(200);
    expect(
      (await request.get(`/api/v1/guilds/${guild.id}/audit-logs`, { headers: admin.headers })).status(),
    ).toBe(200);
    const victim = await memberWith(request, owner, guild.id);
    expect(
      (
        await request.put(`/api/v1/guilds/${guild.id}/bans/${victim.id}`, { headers: admin.headers })
      ).status(),
    ).toBe(204);
    expect(
      (
        await putOverwrite(request, admin, hidden.id, guild.id, { type: 0, allow: P.VIEW_CHANNEL.toString() })
      ).status(),
    ).toBe(204);
  });
});
