import { expect, test } from "@playwright/test";
import { expectError, registerUser } from "../fixtures";
import {
  acceptInvite,
  anonymous,
  createInvite,
  getInvite,
  inviteAsManager,
  memberViaInvite,
  ownerWithGuild,
  randomCode,
} from "../support/invites";

const ALWAYS = [
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

test.describe("get invite: GET /invites/{code}", () => {
  test("anonymous preview: exactly the always-present fields, no metadata, counts or expiry", async ({
    request,
  }) => {
    const { owner, guild, channelId } = await ownerWithGuild(request);
    const invite = await createInvite(request, owner, channelId, { max_uses: 10 });
    const response = await getInvite(request, invite.code);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(ALWAYS.sort());
    expect(body).toMatchObject({
      code: invite.code,
      type: 0,
      guild_id: guild.id,
      channel_id: channelId,
      inviter_id: owner.id,
      temporary: false,
      version: 1,
    });
    expect(body.inviter).toEqual({
      id: owner.id,
      username: owner.username,
      discriminator: expect.any(Number),
      avatar_hash: null,
    });
    expect(JSON.stringify(body)).not.toContain(owner.email);
  });

  test("with_counts adds member and presence counts; with_expiration adds expires_at; both accept true/false/1/0", async ({
    request,
  }) => {
    const { owner, channelId } = await ownerWithGuild(request);
    const invite = await createInvite(request, owner, channelId, { max_age: 3600 });
    const counted = await (await getInvite(request, invite.code, anonymous(), "?with_counts=true")).json();
    expect(counted).toMatchObject({ approximate_member_count: 1, approximate_presence_count: 0 });
    expect(counted).not.toHaveProperty("expires_at");
    const one = await (
      await getInvite(request, invite.code, anonymous(), "?with_counts=1&with_expiration=1")
    ).json();
    expect(one).toMatchObject({ approximate_member_count: 1, expires_at: invite.expires_at });
    const off = await (
      await getInvite(request, invite.code, anonymous(), "?with_counts=false&with_expiration=0")
    ).json();
    expect(Object.keys(off).sort()).toEqual(ALWAYS.sort());
    const expiring = await (
      await getInvite(request, invite.code, anonymous(), "?with_expiration=true")
    ).json();
    expect(expiring.expires_at).toBe(invite.expires_at);
    expect(expiring).not.toHaveProperty("approximate_member_count");

    await expectError(
      await getInvite(request, invite.code, anonymous(), "?with_counts=yes"),
      "INVALID_FORM_BODY",
      "with_counts",
    );
    await expectError(
      await getInvite(request, invite.code, anonymous(), "?with_expiration=2"),
      "INVALID_FORM_BODY",
      "with_expiration",
    );

    // A member joining shows up in the count at once.
    await memberViaInvite(request, owner, channelId);
    expect(
      (await (await getInvite(request, invite.code, anonymous(), "?with_counts=true")).json())
        .approximate_member_count,
    ).toBe(2);
  });

  test("metadata only for the inviter and members with MANAGE_CHANNELS", async ({ request }) => {
    const { owner, channelId } = await ownerWithGuild(request);
    const member = await memberViaInvite(request, owner, channelId);
    const ownersInvite = await createInvite(request, owner, channelId, { max_uses: 7, max_age: 600 });
    const membersInvite = await createInvite(request, member, channelId, { max_uses: 3 });
    const stranger = await registerUser(request);

    const seen = async (headers: Record<string, string>, code: string) =>
      (await getInvite(request, code, headers)).json();
    // Owner: all permissions, so MANAGE_CHANNELS on every channel.
    expect(await seen(owner.headers, ownersInvite.code)).toMatchObject({
      uses: 0,
      max_uses: 7,
      max_age: 600,
    });
    expect(await seen(owner.headers, membersInvite.code)).toMatchObject({
      uses: 0,
      max_uses: 3,
      max_age: 86400,
    });
    // A plain member sees metadata of their own invite only.
    expect(await seen(member.headers, membersInvite.code)).toMatchObject({ max_uses: 3 });
    expect(await seen(member.headers, ownersInvite.code)).not.toHaveProperty("uses");
    // Strangers and anonymous visitors never.
    for (const headers of [stranger.headers, anonymous()]) {
      const body = await seen(headers, ownersInvite.code);
      expect(body).not.toHaveProperty("uses");
      expect(body).not.toHaveProperty("max_uses");
      expect(body).not.toHaveProperty("max_age");
    }
  });

  test("a bad token is 401 even though the route works anonymously", async ({ request }) => {
    const { owner, channelId } = await ownerWithGuild(request);
    const invite = await createInvite(request, owner, channelId);
    await expectError(
      await getInvite(request, invite.code, {
        ...anonymous(),
        authorization: "flx_this-token-does-not-exist-anywhere",
      }),
      "UNAUTHORIZED",
    );
    await expectError(
      await getInvite(request, invite.code, { ...anonymous(), authorization: "Nonsense scheme" }),
      "UNAUTHORIZED",
    );
  });

  test("unknown, malformed and wrong-case random codes are the same 404", async ({ request }) => {
    const { owner, channelId } = await ownerWithGuild(request);
    const invite = await createInvite(request, owner, channelId);
    const headers = anonymous();
    await expectError(await getInvite(request, randomCode(), headers), "UNKNOWN_INVITE");
    await expectError(await getInvite(request, "a", headers), "UNKNOWN_INVITE");
    await expectError(await getInvite(request, "x".repeat(33), headers), "UNKNOWN_INVITE");
    await expectError(await getInvite(request, "bad_code!", headers), "UNKNOWN_INVITE");
    await expectError(await getInvite(request, "%20%20%20", headers), "UNKNOWN_INVITE");
    // Random codes are case-sensitive: another case is another (unknown) code unless it is all lowercase vanity.
    const swapped = invite.code.replace(/[A-Za-z]/g, (c: string) =>
      c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase(),
    );
    if (swapped !== invite.code)
      await expectError(await getInvite(request, swapped, headers), "UNKNOWN_INVITE");
  });

  test("GET never changes state: many loads leave uses and version as they were", async ({ request }) => {
    const { owner, channelId } = await ownerWithGuild(request);
    const invite = await createInvite(request, owner, channelId, { max_uses: 2 });
    const member = await registerUser(request);
    expect((await acceptInvite(request, member, invite.code)).status()).toBe(200);
    const before = await inviteAsManager(request, owner, invite.code);
    expect(before).toMatchObject({ uses: 1, version: 2 });
    for (let i = 0; i < 15; i++) {
      const headers = i % 3 === 0 ? owner.headers : i % 3 === 1 ? member.headers : anonymous();
      expect(
        (await getInvite(request, invite.code, headers, "?with_counts=true&with_expiration=true")).status(),
      ).toBe(200);
    }
    const after = await inviteAsManager(request, owner, invite.code);
    expect(after).toMatchObject({
      uses: 1,
      version: 2,
      approximate_member_count: before.approximate_member_count,
    });
  });
});
