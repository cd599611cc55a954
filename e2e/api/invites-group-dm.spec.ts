import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectError, registerUser, type TestUser } from "../fixtures";
import {
  acceptInvite,
  anonymous,
  createInvite,
  deleteInvite,
  getInvite,
  postInvite,
} from "../support/invites";

async function createGroupDm(request: APIRequestContext, owner: TestUser, recipients: TestUser[]) {
  const response = await request.post("/api/v1/users/@me/channels", {
    headers: owner.headers,
    data: { recipients: recipients.map((r) => r.id), name: "crew" },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).id as string;
}

test.describe("group DM invites", () => {
  test("any recipient can invite; the invite has no guild and lists recipients; joining adds a recipient", async ({
    request,
  }) => {
    const [owner, friend, newcomer, stranger] = await Promise.all([
      registerUser(request),
      registerUser(request),
      registerUser(request),
      registerUser(request),
    ]);
    const channelId = await createGroupDm(request, owner, [friend]);
    const invite = await createInvite(request, friend, channelId, { max_uses: 5 });
    expect(invite).toMatchObject({
      type: 1,
      guild: null,
      guild_id: null,
      channel_id: channelId,
      inviter_id: friend.id,
      uses: 0,
    });
    expect(invite.channel).toMatchObject({ id: channelId, name: "crew", type: 3 });
    expect(invite.channel.recipients.map((r: { username: string }) => r.username).sort()).toEqual(
      [owner.username, friend.username].sort(),
    );
    expect(Object.keys(invite.channel.recipients[0])).toEqual(["username"]);
    await expectError(await postInvite(request, stranger, channelId), "MISSING_ACCESS");

    const preview = await (await getInvite(request, invite.code, anonymous(), "?with_counts=true")).json();
    expect(preview).toMatchObject({
      type: 1,
      guild: null,
      approximate_member_count: 2,
      approximate_presence_count: 0,
    });
    expect(preview).not.toHaveProperty("uses");
    // The group's owner sees metadata of a recipient's invite.
    expect(await (await getInvite(request, invite.code, owner.headers)).json()).toMatchObject({
      max_uses: 5,
    });

    const joined = await acceptInvite(request, newcomer, invite.code);
    expect(joined.status(), await joined.text()).toBe(200);
    expect(await joined.json()).toMatchObject({ approximate_member_count: 3 });
    expect((await acceptInvite(request, newcomer, invite.code)).status()).toBe(200);
    const after = await (await getInvite(request, invite.code, friend.headers, "?with_counts=true")).json();
    expect(after).toMatchObject({ uses: 1, version: 2, approximate_member_count: 3 });
    expect(after.channel.recipients.map((r: { username: string }) => r.username)).toContain(
      newcomer.username,
    );
    // The newcomer is a recipient now, so they may invite too.
    expect((await postInvite(request, newcomer, channelId)).status()).toBe(200);
  });

  test("revoking: the channel owner or the inviter; other recipients 403 MISSING_PERMISSIONS, outsiders MISSING_ACCESS", async ({
    request,
  }) => {
    const [owner, friend, other, stranger] = await Promise.all([
      registerUser(request),
      registerUser(request),
      registerUser(request),
      registerUser(request),
    ]);
    const channelId = await createGroupDm(request, owner, [friend, other]);
    const first = await createInvite(request, friend, channelId);
    const second = await createInvite(request, friend, channelId, { max_uses: 2 });
    await expectError(await deleteInvite(request, other, first.code), "MISSING_PERMISSIONS");
    await expectError(await deleteInvite(request, stranger, first.code), "MISSING_ACCESS");
    await expectError(
      await request.get(`/api/v1/channels/${channelId}/invites`, { headers: other.headers }),
      "MISSING_PERMISSIONS",
    );
    const list = await request.get(`/api/v1/channels/${channelId}/invites`, { headers: owner.headers });
    expect((await list.json()).map((i: { code: string }) => i.code)).toEqual([second.code, first.code]);
    expect((await deleteInvite(request, owner, first.code)).status()).toBe(200);
    expect((await deleteInvite(request, friend, second.code)).status()).toBe(200);
    await expectError(await getInvite(request, second.code), "UNKNOWN_INVITE");
  });

  test("a full group DM (10 recipients) refuses an 11th: 400 MAX_GROUP_DM_RECIPIENTS, no use counted", async ({
    request,
  }) => {
    const users = await Promise.all(Array.from({ length: 11 }, () => registerUser(request)));
    const [owner, ...rest] = users as [TestUser, ...TestUser[]];
    const channelId = await createGroupDm(request, owner, rest.slice(0, 9));
    const invite = await createInvite(request, owner, channelId);
    await expectError(await acceptInvite(request, rest[9]!, invite.code), "MAX_GROUP_DM_RECIPIENTS");
    expect(
      await (await getInvite(request, invite.code, owner.headers, "?with_counts=true")).json(),
    ).toMatchObject({ uses: 0, approximate_member_count: 10 });
  });
});
