import { randomBytes } from "node:crypto";
import { expect, expectError, registerUser, test, type TestUser } from "../fixtures";
import { acceptInvite, deleteInvite, getInvite, memberViaInvite, ownerWithGuild } from "../support/invites";
import { instanceAdmin } from "../support/members";
import type { APIRequestContext, APIResponse } from "@playwright/test";

const vanityCode = () => `v-${randomBytes(5).toString("hex")}`;

async function grantVanity(request: APIRequestContext, guildId: string) {
  const admin = await instanceAdmin(request);
  const response = await request.patch(`/api/v1/guilds/${guildId}`, {
    headers: admin.headers,
    data: { features: ["VANITY_URL"] },
  });
  expect(response.status(), await response.text()).toBe(200);
}

function setVanity(
  request: APIRequestContext,
  user: TestUser,
  guildId: string,
  data: unknown,
  headers: Record<string, string> = {},
) {
  return request.patch(`/api/v1/guilds/${guildId}/vanity-url`, {
    headers: { ...user.headers, ...headers },
    data,
  });
}

async function expectVanity(response: APIResponse, expected: { code: string | null; uses: number }) {
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toEqual(expected);
}

async function expectFieldError(response: APIResponse, elementCode: string) {
  const body = await expectError(response, "INVALID_FORM_BODY", "code");
  expect(body.errors[0].code).toBe(elementCode);
}

async function vanityWithGuild(request: APIRequestContext) {
  const setup = await ownerWithGuild(request);
  await grantVanity(request, setup.guild.id);
  return setup;
}

test.describe("vanity URL: /guilds/{id}/vanity-url", () => {
  test("needs MANAGE_GUILD, and the VANITY_URL feature to set one", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const member = await memberViaInvite(request, owner, channelId);
    const stranger = await registerUser(request);
    await expectVanity(
      await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers }),
      { code: null, uses: 0 },
    );
    await expectError(
      await setVanity(request, owner, guild.id, { code: vanityCode() }),
      "VANITY_URL_REQUIRES_FEATURE",
    );
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: member.headers }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await setVanity(request, member, guild.id, { code: vanityCode() }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: stranger.headers }),
      "MISSING_ACCESS",
    );
    await expectError(await setVanity(request, stranger, guild.id, { code: vanityCode() }), "MISSING_ACCESS");
    await expectError(
      await request.get("/api/v1/guilds/123456789012345678/vanity-url", { headers: owner.headers }),
      "UNKNOWN_GUILD",
    );
    await grantVanity(request, guild.id);
    await expectError(
      await setVanity(request, member, guild.id, { code: vanityCode() }),
      "MISSING_PERMISSIONS",
    );
  });

  test("code rules, one at a time: length, characters, hyphens at the ends, reserved names, type", async ({
    request,
  }) => {
    const { owner, guild } = await vanityWithGuild(request);
    await expectFieldError(
      await setVanity(request, owner, guild.id, { code: "ab" }),
      "VANITY_URL_CODE_LENGTH_INVALID",
    );
    await expectFieldError(
      await setVanity(request, owner, guild.id, { code: "a".repeat(33) }),
      "VANITY_URL_CODE_LENGTH_INVALID",
    );
    await expectFieldError(
      await setVanity(request, owner, guild.id, { code: "-abc" }),
      "VANITY_URL_INVALID_CHARACTERS",
    );
    await expectFieldError(
      await setVanity(request, owner, guild.id, { code: "abc-" }),
      "VANITY_URL_INVALID_CHARACTERS",
    );
    await expectFieldError(
      await setVanity(request, owner, guild.id, { code: "ab_cd" }),
      "VANITY_URL_INVALID_CHARACTERS",
    );
    await expectFieldError(
      await setVanity(request, owner, guild.id, { code: "login" }),
      "VANITY_URL_RESERVED",
    );
    await expectFieldError(
      await setVanity(request, owner, guild.id, { code: " Invite " }),
      "VANITY_URL_RESERVED",
    );
    await expectError(await setVanity(request, owner, guild.id, {}), "INVALID_FORM_BODY", "code");
    await expectError(
      await setVanity(request, owner, guild.id, { code: 12345 }),
      "INVALID_FORM_BODY",
      "code",
    );
    // 32 characters is fine; nothing was set by the refused attempts before it.
    const longest = `x${randomBytes(15).toString("hex")}z`.slice(0, 32);
    await expectVanity(await setVanity(request, owner, guild.id, { code: longest }), {
      code: longest,
      uses: 0,
    });
  });

  test("set (trimmed, lowercased), resolve in any case, join through it, and keep its own uses", async ({
    request,
    user,
  }) => {
    const { owner, guild, channelId } = await vanityWithGuild(request);
    const code = vanityCode();
    await expectVanity(
      await setVanity(
        request,
        owner,
        guild.id,
        { code: `  ${code.toUpperCase()} ` },
        { "x-audit-log-reason": "launch" },
      ),
      { code, uses: 0 },
    );
    await expectVanity(
      await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers }),
      { code, uses: 0 },
    );

    const preview = await (
      await getInvite(request, code.toUpperCase(), undefined, "?with_expiration=true")
    ).json();
    expect(preview).toMatchObject({
      code,
      type: 0,
      guild_id: guild.id,
      channel_id: channelId,
      inviter: null,
      inviter_id: null,
      expires_at: null,
      temporary: false,
    });
    expect(await (await getInvite(request, code, owner.headers)).json()).toMatchObject({
      uses: 0,
      max_uses: 0,
      max_age: 0,
    });

    const joined = await acceptInvite(request, user, code.toUpperCase());
    expect(joined.status(), await joined.text()).toBe(200);
    const member = await (
      await request.get(`/api/v1/guilds/${guild.id}/members/${user.id}`, { headers: owner.headers })
    ).json();
    expect(member).toMatchObject({ user: { id: user.id }, temporary: false });
    await expectVanity(
      await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers }),
      { code, uses: 1 },
    );

    // Not in the lists, not deletable as an invite.
    for (const path of [`/api/v1/channels/${channelId}/invites`, `/api/v1/guilds/${guild.id}/invites`]) {
      expect(
        (await (await request.get(path, { headers: owner.headers })).json()).map(
          (i: { code: string }) => i.code,
        ),
      ).not.toContain(code);
    }
    await expectError(await deleteInvite(request, owner, code), "UNKNOWN_INVITE");
    // The same code again changes nothing: uses stay, no new audit entry.
    await expectVanity(await setVanity(request, owner, guild.id, { code }), { code, uses: 1 });
    const log = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs?action_type=1`, { headers: owner.headers })
    ).json();
    const vanityEntries = log.audit_log_entries.filter((e: { changes: { key: string }[] | null }) =>
      e.changes?.some((c) => c.key === "vanity_url_code"),
    );
    expect(vanityEntries).toHaveLength(1);
    expect(vanityEntries[0]).toMatchObject({
      user_id: owner.id,
      reason: "launch",
      changes: [{ key: "vanity_url_code", old_value: null, new_value: code }],
    });
  });

  test("unique across guilds; a given-up code stays locked to its guild for 30 days; null clears", async ({
    request,
  }) => {
    const [a, b] = await Promise.all([vanityWithGuild(request), vanityWithGuild(request)]);
    const [first, second] = [vanityCode(), vanityCode()];
    await expectVanity(await setVanity(request, a.owner, a.guild.id, { code: first }), {
      code: first,
      uses: 0,
    });
    await expectError(
      await setVanity(request, b.owner, b.guild.id, { code: first.toUpperCase() }),
      "VANITY_URL_CODE_ALREADY_TAKEN",
    );

    await expectVanity(await setVanity(request, a.owner, a.guild.id, { code: second }), {
      code: second,
      uses: 0,
    });
    await expectError(await getInvite(request, first), "UNKNOWN_INVITE");
    expect((await getInvite(request, second)).status()).toBe(200);
    await expectError(
      await setVanity(request, b.owner, b.guild.id, { code: first }),
      "VANITY_URL_CODE_ALREADY_TAKEN",
    );
    // The guild that gave it up may take it back.
    await expectVanity(await setVanity(request, a.owner, a.guild.id, { code: first }), {
      code: first,
      uses: 0,
    });

    await expectVanity(await setVanity(request, a.owner, a.guild.id, { code: null }), {
      code: null,
      uses: 0,
    });
    await expectVanity(
      await request.get(`/api/v1/guilds/${a.guild.id}/vanity-url`, { headers: a.owner.headers }),
      { code: null, uses: 0 },
    );
    await expectError(await getInvite(request, first), "UNKNOWN_INVITE");
    await expectError(
      await setVanity(request, b.owner, b.guild.id, { code: first }),
      "VANITY_URL_CODE_ALREADY_TAKEN",
    );
    await expectError(
      await setVanity(request, b.owner, b.guild.id, { code: second }),
      "VANITY_URL_CODE_ALREADY_TAKEN",
    );
    // Clearing twice is a no-op.
    await expectVanity(await setVanity(request, a.owner, a.guild.id, { code: null }), {
      code: null,
      uses: 0,
    });
  });

  test("the vanity invite lands in the first text channel @everyone can view", async ({ request }) => {
    const { owner, guild, channelId } = await vanityWithGuild(request);
    const hide = await request.put(`/api/v1/channels/${channelId}/permissions/${guild.id}`, {
      headers: owner.headers,
      data: { type: 0, deny: (1n << 10n).toString() },
    });
    expect(hide.status(), await hide.text()).toBe(204);
    await expectFieldError(
      await setVanity(request, owner, guild.id, { code: vanityCode() }),
      "VANITY_URL_NO_PUBLIC_CHANNEL",
    );
    const lobby = await request.post(`/api/v1/guilds/${guild.id}/channels`, {
      headers: owner.headers,
      data: { name: "lobby" },
    });
    expect(lobby.status(), await lobby.text()).toBe(201);
    const lobbyId = (await lobby.json()).id;
    const code = vanityCode();
    await expectVanity(await setVanity(request, owner, guild.id, { code }), { code, uses: 0 });
    expect(await (await getInvite(request, code)).json()).toMatchObject({
      channel_id: lobbyId,
      channel: { id: lobbyId, name: "lobby", type: 0 },
    });
  });
});
