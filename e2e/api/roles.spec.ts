import { expect, expectError, registerUser, test } from "../fixtures";
import { createRole, giveRole, joinGuild, memberWith, P } from "../support/members";

test.describe("roles API", () => {
  test("members list roles; MANAGE_ROLES creates them just above @everyone", async ({
    request,
    owner,
    guild,
  }) => {
    const url = `/api/v1/guilds/${guild.id}/roles`;
    const created = await request.post(url, {
      headers: owner.headers,
      data: { name: "Moderators", permissions: (P.KICK_MEMBERS | P.BAN_MEMBERS).toString(), color: 0x3366ff },
    });
    expect(created.status(), await created.text()).toBe(201);
    const role = await created.json();
    expect(role).toMatchObject({ name: "Moderators", permissions: "6", color: 0x3366ff, position: 1 });
    expect(role.id).toMatch(/^\d+$/);
    const second = await createRole(request, owner, guild.id, 0n, "Newest");
    expect(second.position).toBe(1);

    const member = await memberWith(request, owner, guild.id);
    const list = await request.get(url, { headers: member.headers });
    expect(list.status()).toBe(200);
    const roles = await list.json();
    expect(roles.map((r: { name: string }) => r.name)).toEqual(["@everyone", "Newest", "Moderators"]);
    expect(roles[0]).toMatchObject({ id: guild.id, position: 0 });

    const stranger = await registerUser(request);
    await expectError(await request.get(url), "UNAUTHORIZED");
    await expectError(await request.get(url, { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(await request.post(url, { data: { name: "x" } }), "UNAUTHORIZED");
    await expectError(
      await request.post(url, { headers: stranger.headers, data: { name: "x" } }),
      "MISSING_ACCESS",
    );
    await expectError(
      await request.post(url, { headers: member.headers, data: { name: "x" } }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: {} }),
      "INVALID_FORM_BODY",
      "name",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: { name: "x", permissions: "-1" } }),
      "INVALID_FORM_BODY",
      "permissions",
    );
    await expectError(
      await request.post(url, {
        headers: owner.headers,
        data: { name: "x", permissions: "99999999999999999999" },
      }),
      "INVALID_FORM_BODY",
      "permissions",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: { name: "x", color: 0x1000000 } }),
      "INVALID_FORM_BODY",
      "color",
    );
  });

  test("PATCH edits roles, @everyone included (its id is the guild id)", async ({
    request,
    owner,
    guild,
  }) => {
    const role = await createRole(request, owner, guild.id, 0n, "Helpers");
    const url = `/api/v1/guilds/${guild.id}/roles/${role.id}`;
    const edited = await request.patch(url, {
      headers: owner.headers,
      data: { name: "Helpers+", permissions: Number(P.MANAGE_CHANNELS), color: 255 },
    });
    expect(edited.status(), await edited.text()).toBe(200);
    expect(await edited.json()).toMatchObject({
      id: role.id,
      name: "Helpers+",
      permissions: P.MANAGE_CHANNELS.toString(),
      color: 255,
    });

    // Taking VIEW_CHANNEL from @everyone hides every channel from plain members.
    const member = await memberWith(request, owner, guild.id);
    const everyoneUrl = `/api/v1/guilds/${guild.id}/roles/${guild.id}`;
    const restricted = await request.patch(everyoneUrl, {
      headers: owner.headers,
      data: { permissions: P.CREATE_INSTANT_INVITE.toString() },
    });
    expect(restricted.status()).toBe(200);
    expect(
      await (await request.get(`/api/v1/guilds/${guild.id}/channels`, { headers: member.headers })).json(),
    ).toEqual([]);
    await expectError(
      await request.patch(everyoneUrl, { headers: owner.headers, data: { name: "everybody" } }),
      "INVALID_FORM_BODY",
      "name",
    );

    const stranger = await registerUser(request);
    await expectError(await request.patch(url, { data: { name: "x" } }), "UNAUTHORIZED");
    await expectError(
      await request.patch(url, { headers: stranger.headers, data: { name: "x" } }),
      "MISSING_ACCESS",
    );
    await expectError(
      await request.patch(url, { headers: member.headers, data: { name: "x" } }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.patch(url, { headers: owner.headers, data: { name: "" } }),
      "INVALID_FORM_BODY",
      "name",
    );
    await expectError(
      await request.patch(url, { headers: owner.headers, data: { permissions: true } }),
      "INVALID_FORM_BODY",
      "permissions",
    );
    await expectError(
      await request.patch(`/api/v1/guilds/${guild.id}/roles/123456789012345678`, {
        headers: owner.headers,
        data: { name: "x" },
      }),
      "UNKNOWN_ROLE",
    );
  });

  test("giving and taking roles changes what a member may do", async ({ request, owner, guild }) => {
    const builders = await createRole(request, owner, guild.id, P.MANAGE_CHANNELS, "builders");
    const member = await registerUser(request);
    const joined = await joinGuild(request, guild.id, member);
    expect(joined).toMatchObject({ roles: [], temporary: false });
    const channels = `/api/v1/guilds/${guild.id}/channels`;
    await expectError(
      await request.post(channels, { headers: member.headers, data: { name: "try" } }),
      "MISSING_PERMISSIONS",
    );

    const roleUrl = `/api/v1/guilds/${guild.id}/members/${member.id}/roles/${builders.id}`;
    expect((await request.put(roleUrl, { headers: owner.headers })).status()).toBe(204);
    expect((await request.put(roleUrl, { headers: owner.headers })).status()).toBe(204); // idempotent
    const after = await (
      await request.get(`/api/v1/guilds/${guild.id}/members/${member.id}`, { headers: owner.headers })
    ).json();
    expect(after).toMatchObject({ roles: [builders.id], temporary: false });
    expect(
      (await request.post(channels, { headers: member.headers, data: { name: "built" } })).status(),
    ).toBe(201);

    expect((await request.delete(roleUrl, { headers: owner.headers })).status()).toBe(204);
    await expectError(
      await request.post(channels, { headers: member.headers, data: { name: "again" } }),
      "MISSING_PERMISSIONS",
    );
    expect(
      (
        await (
          await request.get(`/api/v1/guilds/${guild.id}/members/${member.id}`, { headers: owner.headers })
        ).json()
      ).roles,
    ).toEqual([]);
  });

  test("member role routes refuse strangers, non-managers, unknown ids and @everyone", async ({
    request,
    owner,
    guild,
  }) => {
    const role = await createRole(request, owner, guild.id, 0n, "r");
    const member = await memberWith(request, owner, guild.id);
    const stranger = await registerUser(request);
    const url = `/api/v1/guilds/${guild.id}/members/${member.id}/roles/${role.id}`;
    for (const method of ["put", "delete"] as const) {
      await expectError(await request[method](url), "UNAUTHORIZED");
      await expectError(await request[method](url, { headers: stranger.headers }), "MISSING_ACCESS");
      await expectError(await request[method](url, { headers: member.headers }), "MISSING_PERMISSIONS");
      await expectError(
        await request[method](`/api/v1/guilds/${guild.id}/members/${stranger.id}/roles/${role.id}`, {
          headers: owner.headers,
        }),
        "UNKNOWN_MEMBER",
      );
      await expectError(
        await request[method](`/api/v1/guilds/${guild.id}/members/${member.id}/roles/123456789012345678`, {
          headers: owner.headers,
        }),
        "UNKNOWN_ROLE",
      );
      await expectError(
        await request[method](`/api/v1/guilds/${guild.id}/members/${member.id}/roles/${guild.id}`, {
          headers: owner.headers,
        }),
        "INVALID_FORM_BODY",
        "role_id",
      );
    }
  });

  test("role hierarchy: managers act only below their highest role and grant only what they hold", async ({
    request,
    owner,
    guild,
  }) => {
    const top = await createRole(request, owner, guild.id, P.ADMINISTRATOR, "top"); // will end up above the manager's role
    const manager = await memberWith(request, owner, guild.id, P.MANAGE_ROLES);
    const target = await memberWith(request, owner, guild.id);

    // `top` was created first, so the manager's role (created later, at position 1) sits below it.
    await expectError(
      await request.put(`/api/v1/guilds/${guild.id}/members/${target.id}/roles/${top.id}`, {
        headers: manager.headers,
      }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.put(`/api/v1/guilds/${guild.id}/members/${manager.id}/roles/${top.id}`, {
        headers: manager.headers,
      }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.patch(`/api/v1/guilds/${guild.id}/roles/${top.id}`, {
        headers: manager.headers,
        data: { name: "mine" },
      }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.post(`/api/v1/guilds/${guild.id}/roles`, {
        headers: manager.headers,
        data: { name: "sneaky", permissions: P.ADMINISTRATOR.toString() },
      }),
      "MISSING_PERMISSIONS",
    );

    // A role the manager creates lands below theirs, so they can hand it out.
    const low = await request.post(`/api/v1/guilds/${guild.id}/roles`, {
      headers: manager.headers,
      data: { name: "low", permissions: P.MANAGE_ROLES.toString() },
    });
    expect(low.status()).toBe(201);
    await giveRole(request, manager, guild.id, target.id, (await low.json()).id);
    await expectError(
      await request.patch(`/api/v1/guilds/${guild.id}/roles/${(await low.json()).id}`, {
        headers: manager.headers,
        data: { permissions: P.BAN_MEMBERS.toString() },
      }),
      "MISSING_PERMISSIONS",
    );
  });
});
