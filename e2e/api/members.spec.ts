import { expect, expectError, registerUser, test } from "../fixtures";
import { joinGuild, memberCount, memberWith, P } from "../support/members";

test.describe("members API", () => {
  test("list members by user id with limit/after; get one member", async ({ request, owner, guild }) => {
    const users = [await registerUser(request), await registerUser(request), await registerUser(request)];
    for (const user of users) await joinGuild(request, guild.id, user);
    const allIds = [owner.id, ...users.map((u) => u.id)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));

    const url = `/api/v1/guilds/${guild.id}/members`;
    const first = await request.get(`${url}?limit=2`, { headers: users[0]!.headers });
    expect(first.status(), await first.text()).toBe(200);
    const page1 = await first.json();
    expect(page1.map((m: { user: { id: string } }) => m.user.id)).toEqual(allIds.slice(0, 2));
    const page2 = await (
      await request.get(`${url}?limit=2&after=${allIds[1]}`, { headers: users[0]!.headers })
    ).json();
    expect(page2.map((m: { user: { id: string } }) => m.user.id)).toEqual(allIds.slice(2));
    expect(await (await request.get(`${url}?after=${allIds[3]}`, { headers: owner.headers })).json()).toEqual(
      [],
    );
    expect((await (await request.get(url, { headers: owner.headers })).json()).length).toBe(4);

    const one = await request.get(`${url}/${users[1]!.id}`, { headers: users[2]!.headers });
    expect(one.status()).toBe(200);
    const member = await one.json();
    expect(member).toMatchObject({
      user: { id: users[1]!.id, username: users[1]!.username },
      roles: [],
      temporary: false,
    });
    expect(typeof member.user.discriminator).toBe("number");
    expect(member.user).not.toHaveProperty("email");
    expect(new Date(member.joined_at).toISOString()).toBe(member.joined_at);
    const ownerMember = await (await request.get(`${url}/${owner.id}`, { headers: owner.headers })).json();
    expect(ownerMember).toMatchObject({ user: { id: owner.id }, roles: [] });

    const stranger = await registerUser(request);
    await expectError(await request.get(url), "UNAUTHORIZED");
    await expectError(await request.get(url, { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(await request.get(`${url}/${owner.id}`), "UNAUTHORIZED");
    await expectError(
      await request.get(`${url}/${owner.id}`, { headers: stranger.headers }),
      "MISSING_ACCESS",
    );
    await expectError(
      await request.get(`${url}/${stranger.id}`, { headers: owner.headers }),
      "UNKNOWN_MEMBER",
    );
    await expectError(
      await request.get(`${url}?limit=0`, { headers: owner.headers }),
      "INVALID_FORM_BODY",
      "limit",
    );
    await expectError(
      await request.get(`${url}?limit=1001`, { headers: owner.headers }),
      "INVALID_FORM_BODY",
      "limit",
    );
    await expectError(
      await request.get(`${url}?limit=ten`, { headers: owner.headers }),
      "INVALID_FORM_BODY",
      "limit",
    );
    await expectError(
      await request.get(`${url}?after=xyz`, { headers: owner.headers }),
      "INVALID_FORM_BODY",
      "after",
    );
  });

  test("member_count follows joins, repeated joins, kicks, leaves and bans", async ({
    request,
    owner,
    guild,
    admin,
  }) => {
    const [a, b, c, d] = [
      await registerUser(request),
      await registerUser(request),
      await registerUser(request),
      await registerUser(request),
    ];
    for (const user of [a, b, c, d]) await joinGuild(request, guild.id, user);
    expect(await memberCount(request, owner, guild.id)).toBe(5);

    const again = await request.put(`/api/v1/guilds/${guild.id}/members/${a.id}`, { headers: admin.headers });
    expect(again.status()).toBe(204);
    expect(await memberCount(request, owner, guild.id)).toBe(5);

    expect(
      (
        await request.delete(`/api/v1/guilds/${guild.id}/members/${a.id}`, { headers: owner.headers })
      ).status(),
    ).toBe(204);
    await expectError(
      await request.delete(`/api/v1/guilds/${guild.id}/members/${a.id}`, { headers: owner.headers }),
      "UNKNOWN_MEMBER",
    );
    expect(await memberCount(request, owner, guild.id)).toBe(4);

    expect(
      (await request.delete(`/api/v1/users/@me/guilds/${guild.id}`, { headers: b.headers })).status(),
    ).toBe(204);
    await expectError(
      await request.delete(`/api/v1/users/@me/guilds/${guild.id}`, { headers: b.headers }),
      "MISSING_ACCESS",
    );
    expect(await memberCount(request, owner, guild.id)).toBe(3);

    expect(
      (await request.put(`/api/v1/guilds/${guild.id}/bans/${c.id}`, { headers: owner.headers })).status(),
    ).toBe(204);
    expect(await memberCount(request, owner, guild.id)).toBe(2);
    // Banning someone who is not a member (any more) changes nothing.
    expect(
      (await request.put(`/api/v1/guilds/${guild.id}/bans/${a.id}`, { headers: owner.headers })).status(),
    ).toBe(204);
    expect(
      (await request.put(`/api/v1/guilds/${guild.id}/bans/${c.id}`, { headers: owner.headers })).status(),
    ).toBe(204);
    expect(await memberCount(request, owner, guild.id)).toBe(2);

    const listed = await (
      await request.get(`/api/v1/guilds/${guild.id}/members?limit=1000`, { headers: owner.headers })
    ).json();
    expect(listed.map((m: { user: { id: string } }) => m.user.id).sort()).toEqual([owner.id, d.id].sort());
    const mine = await (await request.get("/api/v1/users/@me/guilds", { headers: d.headers })).json();
    expect(mine.find((g: { id: string }) => g.id === guild.id)).toMatchObject({ member_count: 2 });
  });

  test("concurrent joins and kicks of one user move member_count exactly once", async ({
    request,
    owner,
    guild,
    user,
    admin,
  }) => {
    const joins = await Promise.all(
      Array.from({ length: 6 }, () =>
        request.put(`/api/v1/guilds/${guild.id}/members/${user.id}`, { headers: admin.headers }),
      ),
    );
    expect(joins.map((r) => r.status()).sort()).toEqual([201, 204, 204, 204, 204, 204]);
    expect(await memberCount(request, owner, guild.id)).toBe(2);

    const kicks = await Promise.all(
      Array.from({ length: 6 }, () =>
        request.delete(`/api/v1/guilds/${guild.id}/members/${user.id}`, { headers: owner.headers }),
      ),
    );
    expect(kicks.map((r) => r.status()).sort()).toEqual([204, 404, 404, 404, 404, 404]);
    expect(await memberCount(request, owner, guild.id)).toBe(1);
  });

  test("kick needs KICK_MEMBERS, never reaches the owner or a higher member", async ({
    request,
    owner,
    guild,
  }) => {
    const kicker = await memberWith(request, owner, guild.id, P.KICK_MEMBERS);
    const plain = await memberWith(request, owner, guild.id);
    const peer = await memberWith(request, owner, guild.id, P.KICK_MEMBERS | P.MANAGE_CHANNELS); // created later: role sits just above @everyone
    const stranger = await registerUser(request);
    const url = (id: string) => `/api/v1/guilds/${guild.id}/members/${id}`;

    await expectError(await request.delete(url(plain.id)), "UNAUTHORIZED");
    await expectError(await request.delete(url(plain.id), { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(
      await request.delete(url(kicker.id), { headers: plain.headers }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.delete(url(owner.id), { headers: kicker.headers }),
      "MISSING_PERMISSIONS",
    );
    await expectError(await request.delete(url(kicker.id), { headers: peer.headers }), "MISSING_PERMISSIONS"); // kicker's role is now higher
    await expectError(
      await request.delete(url(kicker.id), { headers: kicker.headers }),
      "INVALID_FORM_BODY",
      "user_id",
    );
    await expectError(await request.delete(url(stranger.id), { headers: kicker.headers }), "UNKNOWN_MEMBER");

    expect((await request.delete(url(plain.id), { headers: kicker.headers })).status()).toBe(204);
    expect((await request.delete(url(peer.id), { headers: kicker.headers })).status()).toBe(204);
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}`, { headers: plain.headers }),
      "MISSING_ACCESS",
    );
  });

  test("leaving: members leave, the owner cannot", async ({ request, owner, guild }) => {
    const member = await memberWith(request, owner, guild.id);
    const url = `/api/v1/users/@me/guilds/${guild.id}`;
    await expectError(await request.delete(url), "UNAUTHORIZED");
    await expectError(await request.delete(url, { headers: owner.headers }), "INVALID_FORM_BODY", "guild_id");
    await expectError(
      await request.delete(`/api/v1/users/@me/guilds/123456789012345678`, { headers: member.headers }),
      "UNKNOWN_GUILD",
    );
    await expectError(
      await request.delete(`/api/v1/users/${member.id}/guilds/${guild.id}`, { headers: member.headers }),
      "NOT_FOUND",
    );

    expect((await request.delete(url, { headers: member.headers })).status()).toBe(204);
    const mine = await (await request.get("/api/v1/users/@me/guilds", { headers: member.headers })).json();
    expect(mine.map((g: { id: string }) => g.id)).not.toContain(guild.id);
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}/channels`, { headers: member.headers }),
      "MISSING_ACCESS",
    );
  });

  test("PUT member: managers add bots only; instance admins add anyone", async ({
    request,
    owner,
    guild,
    admin,
  }) => {
    const human = await registerUser(request);
    const plain = await memberWith(request, owner, guild.id);
    const stranger = await registerUser(request);
    const url = `/api/v1/guilds/${guild.id}/members/${human.id}`;

    await expectError(await request.put(url), "UNAUTHORIZED");
    await expectError(await request.put(url, { headers: owner.headers }), "INVALID_FORM_BODY", "user_id");
    await expectError(await request.put(url, { headers: plain.headers }), "MISSING_PERMISSIONS");
    await expectError(await request.put(url, { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(
      await request.put(`/api/v1/guilds/${guild.id}/members/123456789012345678`, { headers: owner.headers }),
      "UNKNOWN_USER",
    );

    await expectError(
      await request.put(`/api/v1/guilds/123456789012345678/members/${human.id}`, { headers: admin.headers }),
      "UNKNOWN_GUILD",
    );
    const added = await request.put(url, { headers: admin.headers });
    expect(added.status(), await added.text()).toBe(201);
    expect(await added.json()).toMatchObject({ user: { id: human.id }, roles: [], temporary: false });
    expect((await request.get(`/api/v1/guilds/${guild.id}`, { headers: human.headers })).status()).toBe(200);
    // The admin added someone else; it did not join itself.
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}/members/${admin.id}`, { headers: owner.headers }),
      "UNKNOWN_MEMBER",
    );
  });
});
