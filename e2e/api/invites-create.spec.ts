import { expect, expectError, registerUser, test } from "../fixtures";
import { createInvite, getInvite, memberViaInvite, postInvite } from "../support/invites";

const BASE_KEYS = [
  "channel",
  "channel_id",
  "code",
  "created_at",
  "flags",
  "guild",
  "guild_id",
  "inviter",
  "inviter_id",
  "roles",
  "temporary",
  "type",
  "version",
];
const METADATA_KEYS = ["max_age", "max_uses", "uses"];

test.describe("create invite: POST /channels/{id}/invites", () => {
  test("defaults: 24 h, unlimited, not temporary; the answer carries metadata and the doc's fields only", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId);
    expect(Object.keys(invite).sort()).toEqual([...BASE_KEYS, ...METADATA_KEYS, "expires_at"].sort());
    expect(invite.code).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(invite).toMatchObject({
      type: 0,
      guild_id: guild.id,
      channel_id: channelId,
      inviter_id: owner.id,
      uses: 0,
      max_uses: 0,
      max_age: 86400,
      temporary: false,
      version: 1,
    });
    expect(Object.keys(invite.guild).sort()).toEqual([
      "banner_hash",
      "features",
      "icon_hash",
      "id",
      "name",
      "splash_hash",
    ]);
    expect(invite.guild).toMatchObject({ id: guild.id, name: guild.name });
    expect(invite.channel).toEqual({ id: channelId, name: "general", type: 0 });
    expect(invite.inviter).toEqual({
      id: owner.id,
      username: owner.username,
      discriminator: expect.any(Number),
      avatar_hash: null,
    });
    expect(invite.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(invite.expires_at) - Date.parse(invite.created_at)).toBe(86400 * 1000);
  });

  test("range edges: 0 and the maximum are accepted, max+1 and negatives are 400 naming the field", async ({
    request,
    owner,
    channelId,
  }) => {
    const never = await createInvite(request, owner, channelId, { max_age: 0, max_uses: 0 });
    expect(never).toMatchObject({ max_age: 0, max_uses: 0, expires_at: null });
    const longest = await createInvite(request, owner, channelId, {
      max_age: 604800,
      max_uses: 100,
      temporary: true,
    });
    expect(longest).toMatchObject({ max_age: 604800, max_uses: 100, temporary: true });
    expect(Date.parse(longest.expires_at) - Date.parse(longest.created_at)).toBe(604800 * 1000);

    await expectError(
      await postInvite(request, owner, channelId, { max_age: 604801 }),
      "INVALID_FORM_BODY",
      "max_age",
    );
    await expectError(
      await postInvite(request, owner, channelId, { max_age: -1 }),
      "INVALID_FORM_BODY",
      "max_age",
    );
    await expectError(
      await postInvite(request, owner, channelId, { max_uses: 101 }),
      "INVALID_FORM_BODY",
      "max_uses",
    );
    await expectError(
      await postInvite(request, owner, channelId, { max_uses: -1 }),
      "INVALID_FORM_BODY",
      "max_uses",
    );
  });

  test("types are strict: strings, fractions and null are 400; unknown keys are ignored", async ({
    request,
    owner,
    channelId,
  }) => {
    await expectError(
      await postInvite(request, owner, channelId, { max_uses: "5" }),
      "INVALID_FORM_BODY",
      "max_uses",
    );
    await expectError(
      await postInvite(request, owner, channelId, { max_uses: 2.5 }),
      "INVALID_FORM_BODY",
      "max_uses",
    );
    await expectError(
      await postInvite(request, owner, channelId, { max_age: "3600" }),
      "INVALID_FORM_BODY",
      "max_age",
    );
    await expectError(
      await postInvite(request, owner, channelId, { max_age: null }),
      "INVALID_FORM_BODY",
      "max_age",
    );
    await expectError(
      await postInvite(request, owner, channelId, { max_age: 1.5 }),
      "INVALID_FORM_BODY",
      "max_age",
    );
    await expectError(
      await postInvite(request, owner, channelId, { temporary: "true" }),
      "INVALID_FORM_BODY",
      "temporary",
    );
    await expectError(
      await postInvite(request, owner, channelId, { unique: 0 }),
      "INVALID_FORM_BODY",
      "unique",
    );
    const invite = await createInvite(request, owner, channelId, {
      max_uses: 5,
      colour: "red",
      channel_id: "1",
    });
    expect(invite).toMatchObject({ max_uses: 5, channel_id: channelId });
    expect(invite).not.toHaveProperty("colour");
  });

  test("unique:false reuses the caller's live invite with the same settings; unique:true always makes a new one", async ({
    request,
    owner,
    channelId,
  }) => {
    const first = await createInvite(request, owner, channelId, {
      max_age: 3600,
      max_uses: 3,
      unique: false,
    });
    const again = await createInvite(request, owner, channelId, {
      max_age: 3600,
      max_uses: 3,
      unique: false,
    });
    expect(again.code).toBe(first.code);
    const otherSettings = await createInvite(request, owner, channelId, {
      max_age: 3600,
      max_uses: 4,
      unique: false,
    });
    expect(otherSettings.code).not.toBe(first.code);
    const temporary = await createInvite(request, owner, channelId, {
      max_age: 3600,
      max_uses: 3,
      temporary: true,
      unique: false,
    });
    expect(temporary.code).not.toBe(first.code);
    const fresh = await createInvite(request, owner, channelId, { max_age: 3600, max_uses: 3 });
    expect(fresh.code).not.toBe(first.code);
    // Another member asking for the same settings gets an invite of their own, never someone else's code.
    const member = await memberViaInvite(request, owner, channelId);
    const theirs = await createInvite(request, member, channelId, {
      max_age: 3600,
      max_uses: 3,
      unique: false,
    });
    expect(theirs.code).not.toBe(first.code);
    expect(theirs.inviter_id).toBe(member.id);
  });

  test("unknown or malformed channel is 404; a channel of another guild is 403 MISSING_ACCESS; no token is 401", async ({
    request,
    owner,
    channelId,
  }) => {
    await expectError(await postInvite(request, owner, "123456789012345678"), "UNKNOWN_CHANNEL");
    await expectError(await postInvite(request, owner, "not-a-channel"), "UNKNOWN_CHANNEL");
    const stranger = await registerUser(request);
    await expectError(await postInvite(request, stranger, channelId), "MISSING_ACCESS");
    await expectError(
      await request.post(`/api/v1/channels/${channelId}/invites`, { data: {} }),
      "UNAUTHORIZED",
    );
  });

  test("codes are distinct and each resolves to its own invite", async ({ request, owner, channelId }) => {
    const invites = await Promise.all(
      Array.from({ length: 8 }, () => createInvite(request, owner, channelId, { max_age: 0 })),
    );
    const codes = new Set(invites.map((i) => i.code));
    expect(codes.size).toBe(8);
    for (const invite of invites) {
      const response = await getInvite(request, invite.code);
      expect(response.status()).toBe(200);
      expect((await response.json()).code).toBe(invite.code);
    }
  });
});
