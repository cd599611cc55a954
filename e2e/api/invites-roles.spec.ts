// Role invites: `role_ids` on create and on edit, the rules on who may give which role, and the roles given
// on accept, to a new member and to someone already in the guild.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectError, registerUser, type TestUser } from "../fixtures";
import { acceptInvite, createInvite, getInvite, postInvite } from "../support/invites";
import { createRole, giveRole, joinGuild, memberWith, ownerWithGuild, P } from "../support/members";

/** The member's role ids, as the members API shows them. */
async function memberRoles(request: APIRequestContext, owner: TestUser, guildId: string, userId: string) {
  const response = await request.get(`/api/v1/guilds/${guildId}/members/${userId}`, {
    headers: owner.headers,
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()).roles as string[]).sort();
}

async function generalChannel(request: APIRequestContext, owner: TestUser, guildId: string) {
  const response = await request.get(`/api/v1/guilds/${guildId}/channels`, { headers: owner.headers });
  const channels = (await response.json()) as { id: string; name: string }[];
  return channels.find((channel) => channel.name === "general")!.id;
}

function patchInvite(
  request: APIRequestContext,
  user: TestUser,
  code: string,
  data: Record<string, unknown>,
) {
  return request.patch(`/api/v1/invites/${code}`, { headers: user.headers, data });
}

/**
 * A guild with a manager whose role has MANAGE_ROLES and CREATE_INSTANT_INVITE. New roles go in just above
 * @everyone, so `above` (made before the manager's role) sits over it, and `below`, `second` and `admin`
 * (made after) under it: the manager outranks `admin`, so only the ADMINISTRATOR rule can refuse it.
 */
async function guildWithRoleManager(request: APIRequestContext) {
  const { owner, guild } = await ownerWithGuild(request);
  const channelId = await generalChannel(request, owner, guild.id);
  const above = await createRole(request, owner, guild.id, 0n, "Veteran");
  const manager = await memberWith(request, owner, guild.id, P.MANAGE_ROLES | P.CREATE_INSTANT_INVITE);
  const admin = await createRole(request, owner, guild.id, P.ADMINISTRATOR, "Admins");
  const second = await createRole(request, owner, guild.id, 0n, "Reader");
  const below = await createRole(request, owner, guild.id, 0n, "Newcomer");
  return { owner, guild, channelId, manager, above, admin, below, second };
}

test.describe("role invites", () => {
  test("create with role_ids: the invite lists its roles, and accepting gives them", async ({ request }) => {
    const { owner, guild, channelId, manager, below, second } = await guildWithRoleManager(request);
    const invite = await createInvite(request, manager, channelId, { role_ids: [below.id, second.id] });
    expect(invite.flags).toBe(0);
    // Highest first (Reader was made before Newcomer, so it sits higher); roles have no icons here.
    expect(invite.roles).toEqual([
      { id: second.id, name: "Reader", color: 0, icon_hash: null },
      { id: below.id, name: "Newcomer", color: 0, icon_hash: null },
    ]);
    // Anyone with the link sees which roles they will get.
    const preview = await (await getInvite(request, invite.code)).json();
    expect(preview.roles.map((r: { name: string }) => r.name)).toEqual(["Reader", "Newcomer"]);

    const joiner = await registerUser(request);
    const accepted = await acceptInvite(request, joiner, invite.code);
    expect(accepted.status(), await accepted.text()).toBe(200);
    expect((await accepted.json()).roles.map((r: { id: string }) => r.id)).toEqual([second.id, below.id]);
    expect(await memberRoles(request, owner, guild.id, joiner.id)).toEqual([below.id, second.id].sort());

    // A plain invite has none, as an empty array.
    const plain = await createInvite(request, owner, channelId);
    expect(plain.roles).toEqual([]);
  });

  test("someone already a member gets the roles, and no use is counted", async ({ request }) => {
    const { owner, guild, channelId, manager, below } = await guildWithRoleManager(request);
    const member = await registerUser(request);
    await joinGuild(request, guild.id, member);
    const invite = await createInvite(request, manager, channelId, { role_ids: [below.id], max_uses: 5 });
    expect(await memberRoles(request, owner, guild.id, member.id)).toEqual([]);

    const response = await acceptInvite(request, member, invite.code);
    expect(response.status(), await response.text()).toBe(200);
    expect(await memberRoles(request, owner, guild.id, member.id)).toEqual([below.id]);
    // Accepting again changes nothing and still counts nothing.
    expect((await acceptInvite(request, member, invite.code)).status()).toBe(200);
    const asManager = await (await getInvite(request, invite.code, manager.headers)).json();
    expect(asManager.uses).toBe(0);
    expect(await memberRoles(request, owner, guild.id, member.id)).toEqual([below.id]);
  });

  test("who may give which role: MANAGE_ROLES, below the caller's highest, never @everyone or ADMINISTRATOR", async ({
    request,
  }) => {
    const { owner, guild, channelId, manager, above, admin, below } = await guildWithRoleManager(request);

    // A role above the manager's own.
    await expectError(
      await postInvite(request, manager, channelId, { role_ids: [below.id, above.id] }),
      "MISSING_PERMISSIONS",
    );
    // @everyone (the guild's id), for anyone, the owner included.
    const everyone = await expectError(
      await postInvite(request, owner, channelId, { role_ids: [guild.id] }),
      "INVALID_FORM_BODY",
      "role_ids.0",
    );
    expect(everyone.errors[0].code).toBe("CANNOT_ASSIGN_EVERYONE");
    // A role with ADMINISTRATOR, below the manager's: only the owner may put it on an invite.
    await expectError(
      await postInvite(request, manager, channelId, { role_ids: [admin.id] }),
      "MISSING_PERMISSIONS",
    );
    const ownerInvite = await createInvite(request, owner, channelId, { role_ids: [admin.id, above.id] });
    expect(ownerInvite.roles.map((r: { id: string }) => r.id).sort()).toEqual([admin.id, above.id].sort());

    // CREATE_INSTANT_INVITE alone is not enough to give roles.
    const inviter = await memberWith(request, owner, guild.id, P.CREATE_INSTANT_INVITE);
    await expectError(
      await postInvite(request, inviter, channelId, { role_ids: [below.id] }),
      "MISSING_PERMISSIONS",
    );
    // A role of another guild, and more than ten roles.
    const other = await ownerWithGuild(request);
    const foreign = await createRole(request, other.owner, other.guild.id, 0n, "Elsewhere");
    const unknown = await expectError(
      await postInvite(request, owner, channelId, { role_ids: [foreign.id] }),
      "INVALID_FORM_BODY",
      "role_ids.0",
    );
    expect(unknown.errors[0].code).toBe("UNKNOWN_ROLE");
    await expectError(
      await postInvite(request, owner, channelId, { role_ids: Array.from({ length: 11 }, () => below.id) }),
      "INVALID_FORM_BODY",
      "role_ids",
    );
    // Nothing was created by the refusals: the guild's invite list holds only the owner's one.
    const list = await request.get(`/api/v1/guilds/${guild.id}/invites`, { headers: owner.headers });
    expect((await list.json()).map((i: { code: string }) => i.code)).toEqual([ownerInvite.code]);
  });

  test("a bot creator follows the same rules as a person", async ({ request }) => {
    const { owner, guild, channelId, below, above } = await guildWithRoleManager(request);
    const created = await request.post("/api/v1/applications", {
      headers: owner.headers,
      data: { name: "Greeter", bot_public: false },
    });
    expect(created.status(), await created.text()).toBe(201);
    const app = (await created.json()) as { bot: { id: string }; token: string };
    const added = await request.put(`/api/v1/guilds/${guild.id}/members/${app.bot.id}`, {
      headers: owner.headers,
    });
    expect(added.status(), await added.text()).toBe(201);
    const bot = { headers: { authorization: `Bot ${app.token}` } } as unknown as TestUser;

    // Without MANAGE_ROLES the bot can make a plain invite but not a role invite.
    expect((await postInvite(request, bot, channelId)).status()).toBe(200);
    await expectError(
      await postInvite(request, bot, channelId, { role_ids: [below.id] }),
      "MISSING_PERMISSIONS",
    );

    // With a managing role made before `below` (so above it) and after `above` (so under it).
    const botRole = await createRole(
      request,
      owner,
      guild.id,
      P.MANAGE_ROLES | P.CREATE_INSTANT_INVITE,
      "Bots",
    );
    await giveRole(request, owner, guild.id, app.bot.id, botRole.id);
    const lower = await createRole(request, owner, guild.id, 0n, "Greeted");
    const invite = await createInvite(request, bot, channelId, { role_ids: [lower.id] });
    expect(invite.roles.map((r: { id: string }) => r.id)).toEqual([lower.id]);
    await expectError(
      await postInvite(request, bot, channelId, { role_ids: [above.id] }),
      "MISSING_PERMISSIONS",
    );

    const joiner = await registerUser(request);
    expect((await acceptInvite(request, joiner, invite.code)).status()).toBe(200);
    expect(await memberRoles(request, owner, guild.id, joiner.id)).toEqual([lower.id]);
  });

  test("PATCH role_ids: replaces the roles at the version read, with the same rules", async ({ request }) => {
    const { owner, guild, channelId, manager, above, below, second } = await guildWithRoleManager(request);
    const editor = await memberWith(request, owner, guild.id, P.MANAGE_CHANNELS | P.CREATE_INSTANT_INVITE);
    const invite = await createInvite(request, manager, channelId);
    expect(invite.version).toBe(1);

    // The inviter with MANAGE_ROLES adds a role: the version moves and the preview shows it at once.
    const edited = await patchInvite(request, manager, invite.code, { role_ids: [below.id], version: 1 });
    expect(edited.status(), await edited.text()).toBe(200);
    expect(await edited.json()).toMatchObject({ version: 2, roles: [{ id: below.id, name: "Newcomer" }] });
    expect((await (await getInvite(request, invite.code)).json()).roles).toHaveLength(1);

    // MANAGE_CHANNELS may edit the invite, but not its roles.
    await expectError(
      await patchInvite(request, editor, invite.code, { role_ids: [second.id], version: 2 }),
      "MISSING_PERMISSIONS",
    );
    // Nor may the manager add a role above their own, or @everyone.
    await expectError(
      await patchInvite(request, manager, invite.code, { role_ids: [above.id], version: 2 }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await patchInvite(request, manager, invite.code, { role_ids: [guild.id], version: 2 }),
      "INVALID_FORM_BODY",
      "role_ids.0",
    );
    // The owner put a role above the manager on it: the manager can't take it off either.
    const owned = await patchInvite(request, owner, invite.code, {
      role_ids: [below.id, above.id],
      version: 2,
    });
    expect(owned.status(), await owned.text()).toBe(200);
    await expectError(
      await patchInvite(request, manager, invite.code, { role_ids: [below.id], version: 3 }),
      "MISSING_PERMISSIONS",
    );
    // An empty list clears them; a stale version is a 409 as for any edit.
    await expectError(
      await patchInvite(request, owner, invite.code, { role_ids: [], version: 2 }),
      "INVITE_VERSION_MISMATCH",
    );
    const cleared = await patchInvite(request, owner, invite.code, { role_ids: [], version: 3 });
    expect(await cleared.json()).toMatchObject({ version: 4, roles: [] });
    const joiner = await registerUser(request);
    expect((await acceptInvite(request, joiner, invite.code)).status()).toBe(200);
    expect(await memberRoles(request, owner, guild.id, joiner.id)).toEqual([]);

    // The edit is in the audit log with the roles before and after.
    const log = await request.get(`/api/v1/guilds/${guild.id}/audit-logs?action_type=41`, {
      headers: owner.headers,
    });
    const entries = (await log.json()).audit_log_entries as { changes: { key: string }[] }[];
    expect(entries.some((entry) => entry.changes.some((change) => change.key === "role_ids"))).toBe(true);
  });

  test("renaming a role an invite gives shows at once in the cached preview", async ({ request }) => {
    const { owner, guild, channelId, below } = await guildWithRoleManager(request);
    const invite = await createInvite(request, owner, channelId, { max_age: 0, role_ids: [below.id] });
    // Twice: the first read fills the anonymous preview cache, the second is served from it.
    for (let read = 0; read < 2; read++)
      expect((await (await getInvite(request, invite.code)).json()).roles[0].name).toBe("Newcomer");
    const renamed = await request.patch(`/api/v1/guilds/${guild.id}/roles/${below.id}`, {
      headers: owner.headers,
      data: { name: "Welcome crew" },
    });
    expect(renamed.status(), await renamed.text()).toBe(200);
    expect((await (await getInvite(request, invite.code)).json()).roles[0].name).toBe("Welcome crew");
  });
});
