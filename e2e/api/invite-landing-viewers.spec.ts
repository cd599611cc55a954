// One landing page is kept per invite and served to everyone who looks at it; only the viewer's variant and
// name are set per response. These tests hold that no viewer ever gets another's: one invite, viewers of every
// kind asking at once, round after round, on both URL forms. On PostgreSQL the requests alternate between two
// instances (a round-robin proxy), so pages kept on either instance are read by every kind of viewer.
import { expect, registerUser, test, type TestUser } from "../fixtures";
import { anonymous, createInvite, memberViaInvite } from "../support/invites";
import { sessionCookie, shownName, shownViewer } from "../support/landing";

const ROUNDS = 12;

type Viewer = {
  kind: "anonymous" | "member" | "not-member" | "banned";
  name: string;
  headers: Record<string, string>;
};

test.describe("a kept landing page shows each viewer only their own part", () => {
  test("anonymous, member, non-member and banned viewers, many rounds at once: each sees their variant and only their name", async ({
    request,
    playwright,
    baseURL,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    const member = await memberViaInvite(request, owner, channelId);
    const [outsider, banned] = await Promise.all([registerUser(request), registerUser(request)]);
    const ban = await request.put(`/api/v1/guilds/${guild.id}/bans/${banned.id}`, {
      data: {},
      headers: owner.headers,
    });
    expect(ban.status(), await ban.text()).toBe(204);

    const signedIn = async (kind: Viewer["kind"], user: TestUser): Promise<Viewer> => ({
      kind,
      name: user.username,
      headers: { ...anonymous(), cookie: await sessionCookie(playwright, baseURL!, user) },
    });
    const viewers: Viewer[] = [
      { kind: "anonymous", name: "", headers: anonymous() },
      await signedIn("member", member),
      await signedIn("not-member", outsider),
      await signedIn("banned", banned),
    ];
    const names = viewers.map((viewer) => viewer.name).filter(Boolean);

    for (let round = 0; round < ROUNDS; round++) {
      // Every viewer on both URL forms at once, in a different order each round.
      const asks = viewers.flatMap((viewer) =>
        [`/invite/${invite.code}`, `/${invite.code}`].map((path) => ({ viewer, path })),
      );
      asks.sort(() => Math.random() - 0.5);
      const answers = await Promise.all(
        asks.map(async ({ viewer, path }) => {
          const response = await request.get(path, { headers: viewer.headers, maxRedirects: 0 });
          return { viewer, path, status: response.status(), html: await response.text() };
        }),
      );
      for (const { viewer, path, status, html } of answers) {
        const label = `round ${round}, ${viewer.kind} on ${path}`;
        expect(status, label).toBe(200);
        expect(html, label).toContain(guild.name);
        expect(shownViewer(html), label).toBe(viewer.kind);
        expect(shownName(html), label).toBe(viewer.name);
        for (const other of names)
          if (other !== viewer.name) expect(html, `${label}: another viewer's name`).not.toContain(other);
      }
    }
  });

  test("a revoked session gets the signed-out page on the very next view, on every instance", async ({
    request,
    playwright,
    baseURL,
    owner,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    const headers = { ...anonymous(), cookie: await sessionCookie(playwright, baseURL!, user) };
    for (let i = 0; i < 4; i++) {
      await request.get(`/invite/${invite.code}`, { headers: anonymous() }); // keeps the page warm on every instance
      const html = await (await request.get(`/invite/${invite.code}`, { headers })).text();
      expect(shownViewer(html)).toBe("not-member");
      expect(shownName(html)).toBe(user.username);
    }
    const ended = await request.post("/api/v1/auth/logout-all", { headers: user.headers });
    expect(ended.status(), await ended.text()).toBe(204);
    for (let i = 0; i < 4; i++) {
      const html = await (await request.get(`/invite/${invite.code}`, { headers })).text();
      expect(shownViewer(html)).toBe("anonymous");
      expect(html).not.toContain(user.username);
    }
  });
});
