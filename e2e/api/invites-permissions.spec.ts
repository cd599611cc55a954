import { expect, expectError, test } from "../fixtures";
import { createInvite, deleteInvite, getInvite, memberViaInvite, postInvite } from "../support/invites";
import { createRole, giveRole, P } from "../support/members";
import type { TestUser } from "../fixtures";
import type { APIRequestContext } from "@playwright/test";

async function setOverwrite(
  request: APIRequestContext,
  owner: TestUser,
  channelId: string,
  targetId: string,
  type: 0 | 1,
  allow: bigint,
  deny: bigint,
) {
  const response = await request.put(`/api/v1/channels/${channelId}/permissions/${targetId}`, {
    headers: owner.headers,
    data: { type, allow: allow.toString(), deny: deny.toString() },
  });
  expect(response.status(), await response.text()).toBe(204);
}

async function memberWithRole(
  request: APIRequestContext,
  owner: TestUser,
  guildId: string,
  channelId: string,
  permissions: bigint,
) {
  const user = await memberViaInvite(request, owner, channelId);
  const role = await createRole(request, owner, guildId, permissions, `p-${permissions}`);
  await giveRole(request, owner, guildId, user.id, role.id);
  return { user, role };
}

test.describe("invite permissions through roles and channel overwrites", () => {
  test("MANAGE_CHANNELS from a role: sees metadata, lists the channel, revokes others' invites; not the guild list", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const { user: moderator } = await memberWithRole(request, owner, guild.id, channelId, P.MANAGE_CHANNELS);
    const invite = await createInvite(request, owner, channelId, { max_uses: 9 });
    expect(await (await getInvite(request, invite.code, moderator.headers)).json()).toMatchObject({
      max_uses: 9,
      uses: 0,
    });
    const list = await request.get(`/api/v1/channels/${channelId}/invites`, { headers: moderator.headers });
    expect(list.status()).toBe(200);
    expect((await list.json()).map((i: { code: string }) => i.code)).toContain(invite.code);
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}/invites`, { headers: moderator.headers }),
      "MISSING_PERMISSIONS",
    );
    expect((await deleteInvite(request, moderator, invite.code)).status()).toBe(200);
  });

  test("MANAGE_GUILD from a role lists the guild's invites", async ({ request, owner, guild, channelId }) => {
    const { user: manager } = await memberWithRole(request, owner, guild.id, channelId, P.MANAGE_GUILD);
    const invite = await createInvite(request, owner, channelId);
    const list = await request.get(`/api/v1/guilds/${guild.id}/invites`, { headers: manager.headers });
    expect(list.status(), await list.text()).toBe(200);
    expect((await list.json()).map((i: { code: string }) => i.code)).toContain(invite.code);
  });

  test("a channel overwrite denying MANAGE_CHANNELS hides metadata and blocks revoking there", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const { user: moderator, role } = await memberWithRole(
      request,
      owner,
      guild.id,
      channelId,
      P.MANAGE_CHANNELS,
    );
    await setOverwrite(request, owner, channelId, role.id, 0, 0n, P.MANAGE_CHANNELS);
    const invite = await createInvite(request, owner, channelId, { max_uses: 9 });
    expect(await (await getInvite(request, invite.code, moderator.headers)).json()).not.toHaveProperty(
      "max_uses",
    );
    await expectError(await deleteInvite(request, moderator, invite.code), "MISSING_PERMISSIONS");
    await expectError(
      await request.get(`/api/v1/channels/${channelId}/invites`, { headers: moderator.headers }),
      "MISSING_PERMISSIONS",
    );
  });

  test("creating needs CREATE_INSTANT_INVITE and VIEW_CHANNEL after overwrites, in order @everyone → roles → member", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const member = await memberViaInvite(request, owner, channelId);
    // @everyone may create by default.
    expect((await postInvite(request, member, channelId)).status()).toBe(200);
    // @everyone denied on this channel.
    await setOverwrite(request, owner, channelId, guild.id, 0, 0n, P.CREATE_INSTANT_INVITE);
    await expectError(await postInvite(request, member, channelId), "MISSING_PERMISSIONS");
    // A role overwrite allows it again for the role's members.
    const role = await createRole(request, owner, guild.id, 0n, "inviters");
    await giveRole(request, owner, guild.id, member.id, role.id);
    await setOverwrite(request, owner, channelId, role.id, 0, P.CREATE_INSTANT_INVITE, 0n);
    expect((await postInvite(request, member, channelId)).status()).toBe(200);
    // The member's own overwrite comes last and wins.
    await setOverwrite(request, owner, channelId, member.id, 1, 0n, P.CREATE_INSTANT_INVITE);
    await expectError(await postInvite(request, member, channelId), "MISSING_PERMISSIONS");
    // CREATE_INSTANT_INVITE alone is not enough when the channel is hidden.
    await setOverwrite(request, owner, channelId, member.id, 1, P.CREATE_INSTANT_INVITE, P.VIEW_CHANNEL);
    await expectError(await postInvite(request, member, channelId), "MISSING_PERMISSIONS");
    // The owner is never limited by overwrites.
    expect((await postInvite(request, owner, channelId)).status()).toBe(200);
  });

  test("a role without CREATE_INSTANT_INVITE when @everyone lacks it: 403; invites to a category are refused", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const member = await memberViaInvite(request, owner, channelId);
    const everyone = await request.patch(`/api/v1/guilds/${guild.id}/roles/${guild.id}`, {
      headers: owner.headers,
      data: { permissions: P.VIEW_CHANNEL.toString() },
    });
    expect(everyone.status(), await everyone.text()).toBe(200);
    await expectError(await postInvite(request, member, channelId), "MISSING_PERMISSIONS");
    const category = await request.post(`/api/v1/guilds/${guild.id}/channels`, {
      headers: owner.headers,
      data: { name: "Area", type: 4 },
    });
    expect(category.status(), await category.text()).toBe(201);
    await expectError(
      await postInvite(request, owner, (await category.json()).id),
      "INVALID_FORM_BODY",
      "channel_id",
    );
  });
});
