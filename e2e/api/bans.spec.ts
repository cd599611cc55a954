import { expect, expectError, registerUser, test } from "../fixtures";
import { memberCount, memberWith, P } from "../support/members";

test.describe("bans API", () => {
  test("ban removes the member and keeps them out until unbanned", async ({
    request,
    owner,
    guild,
    admin,
  }) => {
    const moderator = await memberWith(request, owner, guild.id, P.BAN_MEMBERS);
    const troll = await memberWith(request, owner, guild.id);
    expect(await memberCount(request, owner, guild.id)).toBe(3);

    const ban = await request.put(`/api/v1/guilds/${guild.id}/bans/${troll.id}`, {
      headers: moderator.headers,
      data: { reason: "spam" },
    });
    expect(ban.status(), await ban.text()).toBe(204);
    expect(await memberCount(request, owner, guild.id)).toBe(2);
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}`, { headers: troll.headers }),
      "MISSING_ACCESS",
    );

    const list = await request.get(`/api/v1/guilds/${guild.id}/bans`, { headers: moderator.headers });
    expect(list.status()).toBe(200);
    const bans = await list.json();
    expect(bans).toEqual([
      { user: expect.objectContaining({ id: troll.id, username: troll.username }), reason: "spam" },
    ]);
    expect(bans[0].user).not.toHaveProperty("email");

    await expectError(
      await request.put(`/api/v1/guilds/${guild.id}/members/${troll.id}`, { headers: admin.headers }),
      "USER_BANNED_FROM_GUILD",
    );

    expect(
      (
        await request.delete(`/api/v1/guilds/${guild.id}/bans/${troll.id}`, { headers: moderator.headers })
      ).status(),
    ).toBe(204);
    await expectError(
      await request.delete(`/api/v1/guilds/${guild.id}/bans/${troll.id}`, { headers: moderator.headers }),
      "UNKNOWN_BAN",
    );
    expect(
      await (await request.get(`/api/v1/guilds/${guild.id}/bans`, { headers: moderator.headers })).json(),
    ).toEqual([]);
    expect(
      (
        await request.put(`/api/v1/guilds/${guild.id}/members/${troll.id}`, { headers: admin.headers })
      ).status(),
    ).toBe(201);
    expect(await memberCount(request, owner, guild.id)).toBe(3);
  });

  test("a user who never joined can be banned in advance", async ({ request, owner, guild, admin }) => {
    const outsider = await registerUser(request);
    expect(
      (
        await request.put(`/api/v1/guilds/${guild.id}/bans/${outsider.id}`, { headers: owner.headers })
      ).status(),
    ).toBe(204);
    expect(await memberCount(request, owner, guild.id)).toBe(1);
    await expectError(
      await request.put(`/api/v1/guilds/${guild.id}/members/${outsider.id}`, { headers: admin.headers }),
      "USER_BANNED_FROM_GUILD",
    );
    expect(await memberCount(request, owner, guild.id)).toBe(1);
  });

  test("ban routes refuse strangers, members without BAN_MEMBERS, the owner, yourself and bad input", async ({
    request,
    owner,
    guild,
  }) => {
    const moderator = await memberWith(request, owner, guild.id, P.BAN_MEMBERS);
    const plain = await memberWith(request, owner, guild.id);
    const stranger = await registerUser(request);
    const ban = (id: string) => `/api/v1/guilds/${guild.id}/bans/${id}`;
    const list = `/api/v1/guilds/${guild.id}/bans`;

    await expectError(await request.put(ban(plain.id)), "UNAUTHORIZED");
    await expectError(await request.delete(ban(plain.id)), "UNAUTHORIZED");
    await expectError(await request.get(list), "UNAUTHORIZED");
    await expectError(await request.put(ban(plain.id), { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(await request.delete(ban(plain.id), { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(await request.get(list, { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(
      await request.put(ban(moderator.id), { headers: plain.headers }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.delete(ban(moderator.id), { headers: plain.headers }),
      "MISSING_PERMISSIONS",
    );
    await expectError(await request.get(list, { headers: plain.headers }), "MISSING_PERMISSIONS");

    await expectError(
      await request.put(ban(owner.id), { headers: moderator.headers }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.put(ban(moderator.id), { headers: moderator.headers }),
      "INVALID_FORM_BODY",
      "user_id",
    );
    await expectError(
      await request.put(ban("123456789012345678"), { headers: moderator.headers }),
      "UNKNOWN_USER",
    );
    await expectError(
      await request.put(ban(plain.id), { headers: moderator.headers, data: { reason: "x".repeat(513) } }),
      "INVALID_FORM_BODY",
      "reason",
    );
    await expectError(
      await request.put(ban(plain.id), { headers: moderator.headers, data: { reason: 42 } }),
      "INVALID_FORM_BODY",
      "reason",
    );
    await expectError(
      await request.get(`${list}?limit=0`, { headers: moderator.headers }),
      "INVALID_FORM_BODY",
      "limit",
    );
    await expectError(await request.delete(ban(plain.id), { headers: moderator.headers }), "UNKNOWN_BAN");
    expect(await memberCount(request, owner, guild.id)).toBe(3);
  });
});
