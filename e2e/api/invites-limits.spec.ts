import { expect, expectError, registerUser, test, type TestUser } from "../fixtures";
import { acceptInvite, createInvite, deleteInvite, postInvite } from "../support/invites";

test.describe("guild invite cap and audit log", () => {
  test("1000 live invites per guild, vanity included: the next create is 400 MAX_INVITES until one goes", async ({
    request,
    owner,
    guild,
    channelId,
    admin,
  }) => {
    test.setTimeout(240_000);
    expect(
      (
        await request.patch(`/api/v1/guilds/${guild.id}`, {
          headers: admin.headers,
          data: { features: ["VANITY_URL"] },
        })
      ).status(),
    ).toBe(200);
    const vanity = `cap-${guild.id}`;
    expect(
      (
        await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
          headers: owner.headers,
          data: { code: vanity },
        })
      ).status(),
    ).toBe(200);

    // Creation is limited to 20 a minute per user and channel, so 50 members share the work.
    const door = await createInvite(request, owner, channelId, { max_age: 0 }); // live invite no. 2 (after the vanity)
    const members = await Promise.all(Array.from({ length: 49 }, () => registerUser(request)));
    const joins = await Promise.all(members.map((member) => acceptInvite(request, member, door.code)));
    expect(joins.map((r) => r.status())).toEqual(members.map(() => 200));
    const creators: [TestUser, number][] = [[owner, 18], ...members.map((m): [TestUser, number] => [m, 20])];
    const codes = (
      await Promise.all(
        creators.map(async ([user, count]) => {
          const made: string[] = [];
          for (let i = 0; i < count; i++)
            made.push((await createInvite(request, user, channelId, { max_age: 0 })).code);
          return made;
        }),
      )
    ).flat();
    expect(codes).toHaveLength(998); // + the door invite + the vanity = 1000

    const another = await request.post(`/api/v1/guilds/${guild.id}/channels`, {
      headers: owner.headers,
      data: { name: "overflow" },
    });
    const overflowId = (await another.json()).id;
    await expectError(await postInvite(request, owner, overflowId), "MAX_INVITES");
    const list = await (
      await request.get(`/api/v1/guilds/${guild.id}/invites`, { headers: owner.headers })
    ).json();
    expect(list).toHaveLength(999); // the vanity counts toward the cap but is not listed

    expect((await deleteInvite(request, owner, codes[0]!)).status()).toBe(200);
    expect((await postInvite(request, owner, overflowId)).status()).toBe(200);
    await expectError(await postInvite(request, owner, overflowId), "MAX_INVITES");
  });

  test("create (40) and delete (42) are in the audit log with the invite's settings and the reason", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const created = await postInvite(
      request,
      owner,
      channelId,
      { max_age: 600, max_uses: 4, temporary: true },
      { "x-audit-log-reason": encodeURIComponent("for the meetup ✨") },
    );
    const invite = await created.json();
    expect(
      (await deleteInvite(request, owner, invite.code, { "x-audit-log-reason": "meetup is over" })).status(),
    ).toBe(200);
    const log = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs`, { headers: owner.headers })
    ).json();
    const create = log.audit_log_entries.find((e: { action_type: number }) => e.action_type === 40);
    const remove = log.audit_log_entries.find((e: { action_type: number }) => e.action_type === 42);
    const settings = {
      code: invite.code,
      channel_id: channelId,
      inviter_id: owner.id,
      uses: 0,
      max_uses: 4,
      max_age: 600,
      temporary: true,
    };
    expect(create).toMatchObject({ user_id: owner.id, target_id: invite.code, reason: "for the meetup ✨" });
    expect(
      Object.fromEntries(
        create.changes.map((c: { key: string; new_value: unknown }) => [c.key, c.new_value]),
      ),
    ).toEqual(settings);
    expect(remove).toMatchObject({ user_id: owner.id, target_id: invite.code, reason: "meetup is over" });
    expect(
      Object.fromEntries(
        remove.changes.map((c: { key: string; old_value: unknown }) => [c.key, c.old_value]),
      ),
    ).toEqual(settings);
  });
});
