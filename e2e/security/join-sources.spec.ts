// How someone joined (the invite code, who invited them, vanity or not) stays on record, but the plain member
// object shows it to nobody: a member who could read another's source invite code would hold a live code
// they were never given (a limited or targeted one, say), and would learn who brought whom.
import { expect, registerUser, test } from "../fixtures";
import { EventStream } from "../sse-stream";
import { acceptInvite, createInvite } from "../support/invites";

const JOIN_SOURCE_FIELDS = ["join_source_type", "source_invite_code", "inviter_id"];

function expectNoJoinSource(member: Record<string, unknown>) {
  for (const field of JOIN_SOURCE_FIELDS)
    expect(member, `member object of ${JSON.stringify(member.user)}`).not.toHaveProperty(field);
}

test.describe("join sources are not in the member object", () => {
  test("members, managers and the owner read no one's join source, and no live code, from the member routes and events", async ({
    request,
    baseURL,
    owner,
    guild,
    channelId,
  }) => {
    // A code the owner gave to one person only: five more uses left, never shared with the others.
    const privateInvite = await createInvite(request, owner, channelId, { max_uses: 6, max_age: 0 });
    const publicInvite = await createInvite(request, owner, channelId, { max_age: 0 });
    const [insider, curious] = [await registerUser(request), await registerUser(request)];
    expect((await acceptInvite(request, curious, publicInvite.code)).status()).toBe(200);

    const stream = await EventStream.open(baseURL!, "", curious.headers);
    await stream.waitFor("READY");
    const joined = await acceptInvite(request, insider, privateInvite.code);
    expect(joined.status(), await joined.text()).toBe(200);
    const event = await stream.waitFor(
      "GUILD_MEMBER_ADD",
      (data) => (data.user as { id: string }).id === insider.id,
    );
    expectNoJoinSource(event.data);
    expect(JSON.stringify(event.data)).not.toContain(privateInvite.code);

    for (const reader of [curious, owner]) {
      const list = await request.get(`/api/v1/guilds/${guild.id}/members?limit=1000`, {
        headers: reader.headers,
      });
      expect(list.status()).toBe(200);
      const text = await list.text();
      expect(text, "the member list names no invite code").not.toContain(privateInvite.code);
      expect(text).not.toContain(publicInvite.code);
      const members = JSON.parse(text) as Record<string, unknown>[];
      expect(members).toHaveLength(3);
      for (const member of members) expectNoJoinSource(member);

      const one = await request.get(`/api/v1/guilds/${guild.id}/members/${insider.id}`, {
        headers: reader.headers,
      });
      expect(one.status()).toBe(200);
      const body = await one.json();
      expect(body).toMatchObject({ user: { id: insider.id }, roles: [], temporary: false });
      expectNoJoinSource(body);
    }
    stream.close();
  });

  test("the answer to adding a member shows no join source either", async ({ request, guild, admin }) => {
    const person = await registerUser(request);
    const added = await request.put(`/api/v1/guilds/${guild.id}/members/${person.id}`, {
      headers: admin.headers,
    });
    expect(added.status(), await added.text()).toBe(201);
    const body = await added.json();
    expect(body).toMatchObject({ user: { id: person.id } });
    expectNoJoinSource(body);
  });
});
