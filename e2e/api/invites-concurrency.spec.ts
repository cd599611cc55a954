import { expect, registerUser, test } from "../fixtures";
import { acceptInvite, createInvite, inviteAsManager, memberCount } from "../support/invites";

const USERS = 50;
const MAX_USES = 5;

test.describe("accept under contention", () => {
  test(`${USERS} users accept a max_uses ${MAX_USES} invite at once: exactly ${MAX_USES} get in`, async ({
    request,
    playwright,
    baseURL,
    owner,
    guild,
    channelId,
  }) => {
    test.setTimeout(120_000);
    const invite = await createInvite(request, owner, channelId, { max_uses: MAX_USES, max_age: 0 });
    // A second, unlimited invite to read the member count once the first is used up.
    const counter = await createInvite(request, owner, channelId, { max_age: 0 });
    const before = await memberCount(request, counter.code);
    const users = await Promise.all(Array.from({ length: USERS }, () => registerUser(request)));

    // A fresh client for the burst: sockets left idle while 50 passwords were hashed may be closing
    // server-side (keep-alive timeout), and reusing one at that moment resets the connection.
    const burst = await playwright.request.newContext({ baseURL });
    const responses = await Promise.all(users.map((user) => acceptInvite(burst, user, invite.code)));
    const statuses = responses.map((r) => r.status());
    const bodies = await Promise.all(responses.map((r) => r.json()));
    await burst.dispose();
    const admitted = users.filter((_, i) => statuses[i] === 200);
    console.log(
      `concurrency (${process.env.TEST_DATABASE_NAME ?? "db"}): ${admitted.length} × 200, ${statuses.filter((s) => s === 404).length} × 404, others: ${statuses.filter((s) => s !== 200 && s !== 404).join(", ")}`,
    );

    expect(admitted).toHaveLength(MAX_USES);
    expect(statuses.filter((s) => s === 404)).toHaveLength(USERS - MAX_USES);
    for (const [i, body] of bodies.entries()) {
      if (statuses[i] === 404) expect(body.code).toBe("UNKNOWN_INVITE");
    }
    // The used-up invite is gone for everyone, its owner included.
    expect(await inviteAsManager(request, owner, invite.code)).toBeNull();
    expect(await memberCount(request, counter.code)).toBe(before + MAX_USES);

    // Exactly the admitted users are members.
    const memberships = await Promise.all(
      users.map(async (user) => {
        const guilds = await (
          await request.get("/api/v1/users/@me/guilds", { headers: user.headers })
        ).json();
        return guilds.some((g: { id: string }) => g.id === guild.id);
      }),
    );
    expect(memberships.filter(Boolean)).toHaveLength(MAX_USES);
    expect(
      users
        .filter((_, i) => memberships[i])
        .map((u) => u.id)
        .sort(),
    ).toEqual(admitted.map((u) => u.id).sort());
    const members = await (
      await request.get(`/api/v1/guilds/${guild.id}/members?limit=1000`, { headers: owner.headers })
    ).json();
    const joined = members.filter((m: { user: { id: string } }) => m.user.id !== owner.id);
    expect(joined.map((m: { user: { id: string } }) => m.user.id).sort()).toEqual(
      admitted.map((u) => u.id).sort(),
    );
    for (const member of joined) expect(member).toMatchObject({ temporary: false });
  });
});
