import { CLIENT_ADDRESS_HEADER, expect, expectError, registerUser, test } from "../fixtures";
import { acceptInvite, createInvite, inviteAsManager } from "../support/invites";

test.describe("accept invite: POST /invites/{code}", () => {
  test("joins the guild: 200 with the invite and counts, one use counted, version up, member count up", async ({
    request,
    owner,
    guild,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 3 });
    const response = await acceptInvite(request, user, invite.code);
    expect(response.status(), await response.text()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      code: invite.code,
      guild_id: guild.id,
      channel_id: channelId,
      approximate_member_count: 2,
      approximate_presence_count: 0,
      version: 2,
    });
    // The joiner is neither inviter nor manager: no metadata for them.
    expect(body).not.toHaveProperty("uses");

    const guilds = await (await request.get("/api/v1/users/@me/guilds", { headers: user.headers })).json();
    expect(guilds.map((g: { id: string }) => g.id)).toContain(guild.id);
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({
      uses: 1,
      version: 2,
      approximate_member_count: 2,
    });
  });

  test("already a member: 200 with the invite and no use counted (owner included)", async ({
    request,
    owner,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 2 });
    const ownAccept = await acceptInvite(request, owner, invite.code);
    expect(ownAccept.status()).toBe(200);
    expect(await ownAccept.json()).toMatchObject({ code: invite.code, uses: 0, version: 1 });

    expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
    for (let i = 0; i < 3; i++) expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({
      uses: 1,
      version: 2,
      approximate_member_count: 2,
    });
  });

  test("a double click joins once: concurrent accepts by one user count one use", async ({
    request,
    owner,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 5 });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => acceptInvite(request, user, invite.code)),
    );
    expect(responses.map((r) => r.status())).toEqual([200, 200, 200, 200, 200]);
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({
      uses: 1,
      version: 2,
      approximate_member_count: 2,
    });
  });

  test("the last use admits exactly one more user, then the invite is gone", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 1 });
    const [first, second] = await Promise.all([registerUser(request), registerUser(request)]);
    expect((await acceptInvite(request, first, invite.code)).status()).toBe(200);
    await expectError(await acceptInvite(request, second, invite.code), "UNKNOWN_INVITE");
    expect(await inviteAsManager(request, owner, invite.code)).toBeNull();
  });

  test("needs a user token: none is 401, unknown code is 404", async ({ request, owner, channelId }) => {
    const invite = await createInvite(request, owner, channelId);
    await expectError(
      await request.post(`/api/v1/invites/${invite.code}`, {
        headers: { [CLIENT_ADDRESS_HEADER]: owner.ip },
      }),
      "UNAUTHORIZED",
    );
    await expectError(await acceptInvite(request, owner, "NoSuchCode"), "UNKNOWN_INVITE");
  });
});
