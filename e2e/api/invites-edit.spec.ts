// PATCH /invites/{code}: edits at the version the editor read. Two editors with one version: one 200, one
// 409 with the invite as it is now, on every engine and across instances; max_uses never below uses; who may
// edit (as who may revoke); vanity codes refused; the audit entry (41) and the INVITE_UPDATE event.
import { inviteSchema } from "../../lib/openapi/responses";
import { expect, expectError, registerUser, test, type TestUser } from "../fixtures";
import { EventStream } from "../sse-stream";
import {
  acceptInvite,
  anonymous,
  createInvite,
  getInvite,
  inviteAsManager,
  memberViaInvite,
  ownerWithGuild,
} from "../support/invites";
import { memberWith, P } from "../support/members";
import type { APIRequestContext } from "@playwright/test";

type Edit = {
  max_uses?: unknown;
  max_age?: unknown;
  temporary?: unknown;
  version?: unknown;
  [key: string]: unknown;
};

function patchInvite(
  request: APIRequestContext,
  user: TestUser,
  code: string,
  body: Edit,
  headers: Record<string, string> = {},
) {
  return request.patch(`/api/v1/invites/${code}`, { data: body, headers: { ...user.headers, ...headers } });
}

test.describe("edit invite: PATCH /invites/{code}", () => {
  test("changes the settings, restarts max_age from now, and raises the version by one", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 600, max_uses: 5 });
    const before = Date.now();
    const response = await patchInvite(request, owner, invite.code, {
      max_uses: 20,
      max_age: 3600,
      temporary: true,
      version: invite.version,
    });
    expect(response.status(), await response.text()).toBe(200);
    const edited = inviteSchema.parse(await response.json());
    expect(edited).toMatchObject({
      code: invite.code,
      max_uses: 20,
      max_age: 3600,
      temporary: true,
      uses: 0,
      version: invite.version + 1,
    });
    const expiresAt = Date.parse(edited.expires_at!);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000 - 2000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000 + 2000);
    // max_age 0: never expires.
    const forever = await patchInvite(request, owner, invite.code, { max_age: 0, version: edited.version });
    expect(forever.status(), await forever.text()).toBe(200);
    expect(await forever.json()).toMatchObject({ max_age: 0, expires_at: null, version: edited.version + 1 });
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({
      max_uses: 20,
      max_age: 0,
      temporary: true,
      version: edited.version + 1,
    });
  });

  test("two editors with one version: one 200, the other 409 INVITE_VERSION_MISMATCH with the invite as it is now", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const manager = await memberWith(request, owner, guild.id, P.MANAGE_CHANNELS);
    for (let round = 0; round < 5; round++) {
      const invite = await createInvite(request, owner, channelId, { max_uses: 10 });
      const [a, b] = await Promise.all([
        patchInvite(request, owner, invite.code, { max_uses: 30, version: invite.version }),
        patchInvite(request, manager, invite.code, {
          max_uses: 40,
          temporary: true,
          version: invite.version,
        }),
      ]);
      const statuses = [a.status(), b.status()].sort();
      expect(statuses, `round ${round}: ${await a.text()} ${await b.text()}`).toEqual([200, 409]);
      const [won, lost] = a.status() === 200 ? [a, b] : [b, a];
      const winner = await won.json();
      const conflict = await expectError(lost, "INVITE_VERSION_MISMATCH");
      // The loser sees exactly what the winner saved, with the version to retry with.
      expect(inviteSchema.parse(conflict.invite)).toEqual(winner);
      expect(winner.version).toBe(invite.version + 1);
      expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({
        max_uses: winner.max_uses,
        temporary: winner.temporary,
        version: winner.version,
      });
    }
  });

  test("a stale version after a use is refused, and max_uses may not go below uses", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 5 });
    for (const user of [await registerUser(request), await registerUser(request)]) {
      expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
    }
    // Each use moved the version: the one read at creation is stale.
    const stale = await expectError(
      await patchInvite(request, owner, invite.code, { max_uses: 8, version: invite.version }),
      "INVITE_VERSION_MISMATCH",
    );
    expect(stale.invite).toMatchObject({
      code: invite.code,
      uses: 2,
      max_uses: 5,
      version: invite.version + 2,
    });
    const current = stale.invite.version as number;
    const below = await expectError(
      await patchInvite(request, owner, invite.code, { max_uses: 1, version: current }),
      "INVALID_FORM_BODY",
      "max_uses",
    );
    expect(below.errors[0]).toMatchObject({ path: "max_uses", code: "MAX_USES_BELOW_USES" });
    expect(below.errors[0].message).toContain("2");
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({
      max_uses: 5,
      version: current,
    });
    // Unlimited is always allowed; exactly the uses closes the invite.
    const unlimited = await patchInvite(request, owner, invite.code, { max_uses: 0, version: current });
    expect(unlimited.status(), await unlimited.text()).toBe(200);
    const closed = await patchInvite(request, owner, invite.code, { max_uses: 2, version: current + 1 });
    expect(closed.status(), await closed.text()).toBe(200);
    expect(await closed.json()).toMatchObject({ uses: 2, max_uses: 2 });
    await expectError(await getInvite(request, invite.code), "UNKNOWN_INVITE");
  });

  test("validation: version required, types strict, ranges, unknown keys refused", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId);
    await expectError(
      await patchInvite(request, owner, invite.code, { max_uses: 3 }),
      "INVALID_FORM_BODY",
      "version",
    );
    await expectError(
      await patchInvite(request, owner, invite.code, { max_uses: "3", version: 1 }),
      "INVALID_FORM_BODY",
      "max_uses",
    );
    await expectError(
      await patchInvite(request, owner, invite.code, { max_uses: 101, version: 1 }),
      "INVALID_FORM_BODY",
      "max_uses",
    );
    await expectError(
      await patchInvite(request, owner, invite.code, { max_age: 604801, version: 1 }),
      "INVALID_FORM_BODY",
      "max_age",
    );
    await expectError(
      await patchInvite(request, owner, invite.code, { temporary: "yes", version: 1 }),
      "INVALID_FORM_BODY",
      "temporary",
    );
    const unknown = await expectError(
      await patchInvite(request, owner, invite.code, { target_user_ids: [], version: 1 }),
      "INVALID_FORM_BODY",
      "target_user_ids",
    );
    expect(unknown.errors).toEqual([
      expect.objectContaining({ path: "target_user_ids", code: "UNKNOWN_FIELD" }),
    ]);
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({ version: 1, max_uses: 0 });
  });

  test("who may edit: the inviter and MANAGE_CHANNELS; not a plain member, another guild, or anonymous", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const author = await memberViaInvite(request, owner, channelId);
    const plain = await memberWith(request, owner, guild.id);
    const manager = await memberWith(request, owner, guild.id, P.MANAGE_CHANNELS);
    const other = await ownerWithGuild(request);
    const invite = await createInvite(request, author, channelId);
    await expectError(
      await patchInvite(request, plain, invite.code, { max_uses: 3, version: 1 }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await patchInvite(request, other.owner, invite.code, { max_uses: 3, version: 1 }),
      "MISSING_ACCESS",
    );
    await expectError(
      await request.patch(`/api/v1/invites/${invite.code}`, {
        data: { max_uses: 3, version: 1 },
        headers: anonymous(),
      }),
      "UNAUTHORIZED",
    );
    await expectError(
      await patchInvite(request, owner, "NoSuchCode1", { max_uses: 3, version: 1 }),
      "UNKNOWN_INVITE",
    );
    const byAuthor = await patchInvite(request, author, invite.code, { max_uses: 3, version: 1 });
    expect(byAuthor.status(), await byAuthor.text()).toBe(200);
    const byManager = await patchInvite(request, manager, invite.code, { max_uses: 4, version: 2 });
    expect(byManager.status(), await byManager.text()).toBe(200);
    expect(await inviteAsManager(request, owner, invite.code)).toMatchObject({ max_uses: 4, version: 3 });
  });

  test("a vanity invite is edited through the vanity endpoints only (404 here)", async ({
    request,
    owner,
    guild,
    admin,
  }) => {
    const granted = await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: admin.headers,
      data: { features: ["VANITY_URL"] },
    });
    expect(granted.status(), await granted.text()).toBe(200);
    const code = `edit-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const set = await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
      headers: owner.headers,
      data: { code },
    });
    expect(set.status(), await set.text()).toBe(200);
    await expectError(await patchInvite(request, owner, code, { max_uses: 5, version: 1 }), "UNKNOWN_INVITE");
    const vanity = await getInvite(request, code, anonymous());
    expect(vanity.status()).toBe(200);
    expect(await vanity.json()).toMatchObject({ code, version: 1 });
  });

  test("recorded as audit entry 41 with the changed keys and the reason", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 5, max_age: 600 });
    const response = await patchInvite(
      request,
      owner,
      invite.code,
      { max_uses: 9, temporary: false, max_age: 600, version: 1 },
      { "x-audit-log-reason": "more seats" },
    );
    expect(response.status(), await response.text()).toBe(200);
    const log = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs?action_type=41`, { headers: owner.headers })
    ).json();
    expect(log.audit_log_entries).toHaveLength(1);
    const [entry] = log.audit_log_entries;
    expect(entry).toMatchObject({
      action_type: 41,
      user_id: owner.id,
      target_id: invite.code,
      reason: "more seats",
    });
    // temporary did not change; max_age is listed since sending it restarts the expiry.
    expect(entry.changes).toEqual([
      { key: "max_uses", old_value: 5, new_value: 9 },
      { key: "max_age", old_value: 600, new_value: 600 },
    ]);
  });

  test("INVITE_UPDATE reaches the channel's managers, not plain members; previews show the edit at once", async ({
    request,
    baseURL,
    owner,
    guild,
    channelId,
  }) => {
    const plain = await memberWith(request, owner, guild.id);
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    // An anonymous preview: cached (unlimited guild invite) on whichever instance answers.
    expect(await (await getInvite(request, invite.code, anonymous())).json()).toMatchObject({
      temporary: false,
    });
    const [ownerStream, plainStream] = await Promise.all([
      EventStream.open(baseURL!, "", owner.headers),
      EventStream.open(baseURL!, "", plain.headers),
    ]);
    try {
      await Promise.all([ownerStream.waitFor("READY"), plainStream.waitFor("READY")]);
      const response = await patchInvite(request, owner, invite.code, {
        temporary: true,
        version: invite.version,
      });
      expect(response.status(), await response.text()).toBe(200);
      const event = await ownerStream.waitFor("INVITE_UPDATE", (data) => data.code === invite.code);
      expect(event.data).toMatchObject({
        code: invite.code,
        guild_id: guild.id,
        channel_id: channelId,
        temporary: true,
        version: invite.version + 1,
      });
      // The edit answered only once every instance dropped its cached preview.
      for (let i = 0; i < 4; i++)
        expect(await (await getInvite(request, invite.code, anonymous())).json()).toMatchObject({
          temporary: true,
          version: invite.version + 1,
        });
      // A later join reaches the plain member; events arrive in the order they were published, so an
      // INVITE_UPDATE meant for them would have arrived before it.
      const latecomer = await memberWith(request, owner, guild.id);
      await plainStream.waitFor(
        "GUILD_MEMBER_ADD",
        (data) => (data.user as { id: string }).id === latecomer.id,
      );
      expect(plainStream.received("INVITE_UPDATE")).toEqual([]);
    } finally {
      ownerStream.close();
      plainStream.close();
    }
  });
});
