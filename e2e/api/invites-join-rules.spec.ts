import { CLIENT_ADDRESS_HEADER, expect, expectError, registerUser, test } from "../fixtures";
import { acceptInvite, anonymous, createInvite, getInvite, inviteAsManager } from "../support/invites";

test.describe("accept: who may join", () => {
  test("bots can preview but not accept: 403 ACCESS_DENIED", async ({ request, owner, channelId }) => {
    const invite = await createInvite(request, owner, channelId);
    const app = await request.post("/api/v1/applications", {
      headers: owner.headers,
      data: { name: "invite-bot" },
    });
    expect(app.status(), await app.text()).toBe(201);
    const { token } = await app.json();
    const botHeaders = { authorization: `Bot ${token}`, [CLIENT_ADDRESS_HEADER]: owner.ip };
    expect((await getInvite(request, invite.code, botHeaders)).status()).toBe(200);
    await expectError(
      await request.post(`/api/v1/invites/${invite.code}`, { headers: botHeaders }),
      "ACCESS_DENIED",
    );
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({ uses: 0, version: 1 });
  });

  test("a banned user gets 403 USER_BANNED_FROM_GUILD and no use is counted; unbanned, they can join", async ({
    request,
    owner,
    guild,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 5 });
    expect(
      (
        await request.put(`/api/v1/guilds/${guild.id}/bans/${user.id}`, { headers: owner.headers, data: {} })
      ).status(),
    ).toBe(204);
    await expectError(await acceptInvite(request, user, invite.code), "USER_BANNED_FROM_GUILD");
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({
      uses: 0,
      version: 1,
      approximate_member_count: 1,
    });
    expect(
      (
        await request.delete(`/api/v1/guilds/${guild.id}/bans/${user.id}`, { headers: owner.headers })
      ).status(),
    ).toBe(204);
    expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
  });

  test("paused invites (INVITES_DISABLED): 403 for everyone who accepts, the preview still works", async ({
    request,
    owner,
    guild,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId);
    const pause = await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { features: ["INVITES_DISABLED"] },
    });
    expect(pause.status(), await pause.text()).toBe(200);
    await expectError(await acceptInvite(request, user, invite.code), "INVITES_DISABLED");
    // Checked before membership: a paused invite is refused to everyone, even someone already in the guild.
    await expectError(await acceptInvite(request, owner, invite.code), "INVITES_DISABLED");
    const preview = await (await getInvite(request, invite.code)).json();
    expect(preview.guild.features).toContain("INVITES_DISABLED");
    expect(
      (
        await request.patch(`/api/v1/guilds/${guild.id}`, { headers: owner.headers, data: { features: [] } })
      ).status(),
    ).toBe(200);
    expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
  });

  test("temporary invites make temporary members", async ({ request, owner, guild, channelId }) => {
    const temporary = await createInvite(request, owner, channelId, { temporary: true });
    const normal = await createInvite(request, owner, channelId);
    const [a, b] = await Promise.all([registerUser(request), registerUser(request)]);
    const joined = await acceptInvite(request, a, temporary.code);
    expect(await joined.json()).toMatchObject({ temporary: true });
    expect((await acceptInvite(request, b, normal.code)).status()).toBe(200);
    const memberA = await (
      await request.get(`/api/v1/guilds/${guild.id}/members/${a.id}`, { headers: owner.headers })
    ).json();
    const memberB = await (
      await request.get(`/api/v1/guilds/${guild.id}/members/${b.id}`, { headers: owner.headers })
    ).json();
    expect(memberA).toMatchObject({ temporary: true, user: { id: a.id } });
    expect(memberB).toMatchObject({ temporary: false, user: { id: b.id } });
  });

  test("a user in 100 guilds gets 400 MAX_GUILDS and no use is counted", async ({
    request,
    owner,
    channelId,
    user,
    admin,
  }) => {
    test.setTimeout(180_000);
    const invite = await createInvite(request, owner, channelId, { max_uses: 3 });
    // 100 guilds from 10 owners (guild creation is limited to 10 a minute per user).
    const owners = await Promise.all(Array.from({ length: 10 }, () => registerUser(request)));
    const guildIds = (
      await Promise.all(
        owners.map((o) =>
          Promise.all(
            Array.from({ length: 10 }, async (_, i) => {
              const response = await request.post("/api/v1/guilds", {
                headers: o.headers,
                data: { name: `cap-${i}` },
              });
              expect(response.status(), await response.text()).toBe(201);
              return (await response.json()).id as string;
            }),
          ),
        ),
      )
    ).flat();
    // The instance admin seats the user in all of them, paced under its 50 requests/s.
    for (let i = 0; i < guildIds.length; i += 20) {
      const started = Date.now();
      await Promise.all(
        guildIds.slice(i, i + 20).map(async (guildId) => {
          const response = await request.put(`/api/v1/guilds/${guildId}/members/${user.id}`, {
            headers: admin.headers,
          });
          expect(response.status(), await response.text()).toBe(201);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1100 - (Date.now() - started))));
    }
    const mine = await (await request.get("/api/v1/users/@me/guilds", { headers: user.headers })).json();
    expect(mine).toHaveLength(100);
    await expectError(await acceptInvite(request, user, invite.code), "MAX_GUILDS");
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({
      uses: 0,
      version: 1,
      approximate_member_count: 1,
    });
    // Leaving one guild makes room again.
    expect(
      (await request.delete(`/api/v1/users/@me/guilds/${guildIds[0]}`, { headers: user.headers })).status(),
    ).toBe(204);
    expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
    expect(await getInvite(request, invite.code, anonymous()).then((r) => r.status())).toBe(200);
  });
});
