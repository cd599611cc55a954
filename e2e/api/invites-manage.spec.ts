import { CLIENT_ADDRESS_HEADER, expect, expectError, registerUser, test } from "../fixtures";
import {
  createInvite,
  deleteInvite,
  getInvite,
  inviteAsManager,
  memberViaInvite,
  ownerWithGuild,
} from "../support/invites";

const listChannel = (
  request: Parameters<typeof createInvite>[0],
  headers: Record<string, string>,
  channelId: string,
) => request.get(`/api/v1/channels/${channelId}/invites`, { headers });
const listGuild = (
  request: Parameters<typeof createInvite>[0],
  headers: Record<string, string>,
  guildId: string,
) => request.get(`/api/v1/guilds/${guildId}/invites`, { headers });

test.describe("delete invite: DELETE /invites/{code}", () => {
  test("the inviter may revoke their own invite; the answer is the deleted invite; then it is 404", async ({
    request,
    owner,
    channelId,
  }) => {
    const member = await memberViaInvite(request, owner, channelId);
    const invite = await createInvite(request, member, channelId, { max_uses: 4, max_age: 900 });
    const response = await deleteInvite(request, member, invite.code);
    expect(response.status(), await response.text()).toBe(200);
    const deleted = await response.json();
    expect(deleted).toMatchObject({
      code: invite.code,
      inviter_id: member.id,
      uses: 0,
      max_uses: 4,
      max_age: 900,
      version: 1,
    });
    await expectError(await getInvite(request, invite.code), "UNKNOWN_INVITE");
    await expectError(await deleteInvite(request, member, invite.code), "UNKNOWN_INVITE");
    expect(await inviteAsManager(request, owner, invite.code)).toBeNull();
  });

  test("a member with MANAGE_CHANNELS (the owner) may revoke anyone's invite; a plain member may not", async ({
    request,
    owner,
    channelId,
  }) => {
    const [author, bystander] = [
      await memberViaInvite(request, owner, channelId),
      await memberViaInvite(request, owner, channelId),
    ];
    const invite = await createInvite(request, author, channelId);
    await expectError(await deleteInvite(request, bystander, invite.code), "MISSING_PERMISSIONS");
    expect((await getInvite(request, invite.code)).status()).toBe(200);
    const response = await deleteInvite(request, owner, invite.code, { "x-audit-log-reason": "spam wave" });
    expect(response.status()).toBe(200);
    expect((await response.json()).code).toBe(invite.code);
    await expectError(await getInvite(request, invite.code), "UNKNOWN_INVITE");
  });

  test("another guild's owner can neither delete nor list our invites", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const other = await ownerWithGuild(request);
    const invite = await createInvite(request, owner, channelId);
    await expectError(await deleteInvite(request, other.owner, invite.code), "MISSING_ACCESS");
    await expectError(await listChannel(request, other.owner.headers, channelId), "MISSING_ACCESS");
    await expectError(await listGuild(request, other.owner.headers, guild.id), "MISSING_ACCESS");
    // ...and can't create invites into our channel either.
    await expectError(
      await request.post(`/api/v1/channels/${channelId}/invites`, { data: {}, headers: other.owner.headers }),
      "MISSING_ACCESS",
    );
    expect((await getInvite(request, invite.code)).status()).toBe(200);
    await expectError(
      await request.delete(`/api/v1/invites/${invite.code}`, {
        headers: { [CLIENT_ADDRESS_HEADER]: owner.ip },
      }),
      "UNAUTHORIZED",
    );
  });
});

test.describe("invite lists", () => {
  test("channel and guild lists: live invites with metadata, newest first", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const codes: string[] = [];
    for (const max_uses of [1, 2, 3]) {
      codes.push((await createInvite(request, owner, channelId, { max_uses })).code);
      await new Promise((resolve) => setTimeout(resolve, 15)); // distinct creation times
    }
    const gone = await createInvite(request, owner, channelId);
    expect((await deleteInvite(request, owner, gone.code)).status()).toBe(200);

    for (const response of [
      await listChannel(request, owner.headers, channelId),
      await listGuild(request, owner.headers, guild.id),
    ]) {
      expect(response.status(), await response.text()).toBe(200);
      const list = await response.json();
      expect(list.map((i: { code: string }) => i.code)).toEqual([...codes].reverse());
      expect(list[0]).toMatchObject({
        code: codes[2],
        uses: 0,
        max_uses: 3,
        max_age: 86400,
        temporary: false,
        channel_id: channelId,
        guild_id: guild.id,
      });
      expect(list[0]).toHaveProperty("expires_at");
      expect(list[0].inviter).toMatchObject({ id: owner.id });
    }
  });

  test("lists need MANAGE_CHANNELS / MANAGE_GUILD: a plain member gets 403; unknown ids are 404", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const member = await memberViaInvite(request, owner, channelId);
    await expectError(await listChannel(request, member.headers, channelId), "MISSING_PERMISSIONS");
    await expectError(await listGuild(request, member.headers, guild.id), "MISSING_PERMISSIONS");
    await expectError(await listChannel(request, owner.headers, "123456789012345678"), "UNKNOWN_CHANNEL");
    await expectError(await listGuild(request, owner.headers, "123456789012345678"), "UNKNOWN_GUILD");
    await expectError(await listGuild(request, owner.headers, "nope"), "UNKNOWN_GUILD");
    const stranger = await registerUser(request);
    await expectError(await listGuild(request, stranger.headers, guild.id), "MISSING_ACCESS");
  });
});
