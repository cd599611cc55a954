import { expect, expectError, test } from "../fixtures";
import { acceptInvite, createInvite, deleteInvite, getInvite } from "../support/invites";

test.describe("lapsed invites are 404 everywhere at once", () => {
  test("max_age=1: after 2 s the invite is gone from GET, accept, delete and both lists", async ({
    request,
    owner,
    guild,
    channelId,
    user,
  }) => {
    const [short, lasting] = [
      await createInvite(request, owner, channelId, { max_age: 1 }),
      await createInvite(request, owner, channelId, { max_age: 0 }),
    ];
    expect(Date.parse(short.expires_at) - Date.parse(short.created_at)).toBe(1000);
    expect((await getInvite(request, short.code)).status()).toBe(200);
    // Real time must pass for the 1 s max_age to run out.
    await new Promise((resolve) => setTimeout(resolve, 2100));

    await expectError(await getInvite(request, short.code), "UNKNOWN_INVITE");
    await expectError(await getInvite(request, short.code, owner.headers), "UNKNOWN_INVITE");
    await expectError(await acceptInvite(request, user, short.code), "UNKNOWN_INVITE");
    await expectError(await deleteInvite(request, owner, short.code), "UNKNOWN_INVITE");
    const channelList = await (
      await request.get(`/api/v1/channels/${channelId}/invites`, { headers: owner.headers })
    ).json();
    const guildList = await (
      await request.get(`/api/v1/guilds/${guild.id}/invites`, { headers: owner.headers })
    ).json();
    for (const list of [channelList, guildList])
      expect(list.map((i: { code: string }) => i.code)).toEqual([lasting.code]);
    // The user never joined.
    const guilds = await (await request.get("/api/v1/users/@me/guilds", { headers: user.headers })).json();
    expect(guilds).toEqual([]);
  });

  test("used up: the invite disappears from GET and the lists, and unique:false makes a new one", async ({
    request,
    owner,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 1, unique: false });
    expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
    await expectError(await getInvite(request, invite.code), "UNKNOWN_INVITE");
    await expectError(await getInvite(request, invite.code, owner.headers), "UNKNOWN_INVITE");
    const list = await (
      await request.get(`/api/v1/channels/${channelId}/invites`, { headers: owner.headers })
    ).json();
    expect(list).toEqual([]);
    const replacement = await createInvite(request, owner, channelId, { max_uses: 1, unique: false });
    expect(replacement.code).not.toBe(invite.code);
  });
});
