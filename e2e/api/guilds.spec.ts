import { expect, expectError, registerUser, test } from "../fixtures";
import { memberWith, P } from "../support/members";

test.describe("guilds API", () => {
  test("GET /guilds/{id} returns the guild with its roles to members only", async ({
    request,
    owner,
    guild,
  }) => {
    const response = await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      id: guild.id,
      name: guild.name,
      owner_id: owner.id,
      member_count: 1,
      features: [],
      icon_hash: null,
    });
    const everyone = body.roles.find((r: { id: string }) => r.id === guild.id);
    expect(everyone).toMatchObject({ name: "@everyone", position: 0 });
    expect(BigInt(everyone.permissions) & P.VIEW_CHANNEL).toBe(P.VIEW_CHANNEL);

    const member = await memberWith(request, owner, guild.id);
    expect((await request.get(`/api/v1/guilds/${guild.id}`, { headers: member.headers })).status()).toBe(200);

    const stranger = await registerUser(request);
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}`, { headers: stranger.headers }),
      "MISSING_ACCESS",
    );
    await expectError(await request.get(`/api/v1/guilds/${guild.id}`), "UNAUTHORIZED");
    await expectError(
      await request.get(`/api/v1/guilds/123456789012345678`, { headers: owner.headers }),
      "UNKNOWN_GUILD",
    );
    await expectError(
      await request.get(`/api/v1/guilds/not-an-id`, { headers: owner.headers }),
      "UNKNOWN_GUILD",
    );
  });

  test("PATCH renames and pauses invites with MANAGE_GUILD; other features are refused", async ({
    request,
    owner,
    guild,
  }) => {
    const url = `/api/v1/guilds/${guild.id}`;

    const renamed = await request.patch(url, { headers: owner.headers, data: { name: "  Renamed Guild  " } });
    expect(renamed.status(), await renamed.text()).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: guild.id, name: "Renamed Guild" });

    const paused = await request.patch(url, {
      headers: owner.headers,
      data: { features: ["INVITES_DISABLED"] },
    });
    expect((await paused.json()).features).toEqual(["INVITES_DISABLED"]);
    await expectError(
      await request.patch(url, {
        headers: owner.headers,
        data: { features: ["INVITES_DISABLED", "VANITY_URL"] },
      }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.patch(url, { headers: owner.headers, data: { features: ["VERIFIED"] } }),
      "MISSING_PERMISSIONS",
    );
    const resumed = await request.patch(url, { headers: owner.headers, data: { features: [] } });
    expect((await resumed.json()).features).toEqual([]);

    // A manager (role with MANAGE_GUILD) may do the same; a plain member and a stranger may not.
    const manager = await memberWith(request, owner, guild.id, P.MANAGE_GUILD);
    const byManager = await request.patch(url, { headers: manager.headers, data: { name: "Managed" } });
    expect(byManager.status()).toBe(200);
    const plain = await memberWith(request, owner, guild.id);
    await expectError(
      await request.patch(url, { headers: plain.headers, data: { name: "Nope" } }),
      "MISSING_PERMISSIONS",
    );
    const stranger = await registerUser(request);
    await expectError(
      await request.patch(url, { headers: stranger.headers, data: { name: "Nope" } }),
      "MISSING_ACCESS",
    );
    await expectError(await request.patch(url, { data: { name: "Nope" } }), "UNAUTHORIZED");

    await expectError(
      await request.patch(url, { headers: owner.headers, data: { name: "x" } }),
      "INVALID_FORM_BODY",
      "name",
    );
    await expectError(
      await request.patch(url, { headers: owner.headers, data: { features: ["NOT_A_FEATURE"] } }),
      "INVALID_FORM_BODY",
      "features.0",
    );
    await expectError(
      await request.patch(url, { headers: owner.headers, data: { features: "VANITY_URL" } }),
      "INVALID_FORM_BODY",
      "features",
    );

    const after = await (await request.get(url, { headers: owner.headers })).json();
    expect(after).toMatchObject({ name: "Managed", features: [] });
  });

  test("an instance admin sets VANITY_URL on a guild it is not in; the owner cannot", async ({
    request,
    owner,
    guild,
    admin,
  }) => {
    const url = `/api/v1/guilds/${guild.id}`;

    await expectError(
      await request.patch(url, { headers: owner.headers, data: { features: ["VANITY_URL"] } }),
      "MISSING_PERMISSIONS",
    );

    const granted = await request.patch(url, {
      headers: { ...admin.headers, "x-audit-log-reason": "partner programme" },
      data: { features: ["VANITY_URL", "VERIFIED"] },
    });
    expect(granted.status(), await granted.text()).toBe(200);
    expect((await granted.json()).features).toEqual(["VANITY_URL", "VERIFIED"]);
    expect((await (await request.get(url, { headers: owner.headers })).json()).features).toEqual([
      "VANITY_URL",
      "VERIFIED",
    ]);

    // The admin did not join; the owner may still pause invites without touching the granted features,
    // but may not drop them.
    expect((await (await request.get(url, { headers: owner.headers })).json()).member_count).toBe(1);
    const paused = await request.patch(url, {
      headers: owner.headers,
      data: { features: ["VANITY_URL", "VERIFIED", "INVITES_DISABLED"] },
    });
    expect((await paused.json()).features).toEqual(["INVITES_DISABLED", "VANITY_URL", "VERIFIED"]);
    await expectError(
      await request.patch(url, { headers: owner.headers, data: { features: ["INVITES_DISABLED"] } }),
      "MISSING_PERMISSIONS",
    );

    const log = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs?action_type=1`, { headers: owner.headers })
    ).json();
    const byAdmin = log.audit_log_entries.find((e: { user_id: string }) => e.user_id === admin.id);
    expect(byAdmin).toMatchObject({
      action_type: 1,
      target_id: guild.id,
      reason: "partner programme",
      changes: [{ key: "features", old_value: [], new_value: ["VANITY_URL", "VERIFIED"] }],
    });
  });
});
