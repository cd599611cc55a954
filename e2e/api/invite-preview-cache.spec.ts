// A link that goes viral is answered from a short-lived cache (the API preview and the signed-out landing
// page), so these tests pin down what a cache must never do: show an edit late, show a revoked invite, or
// give one visitor's page to another. Each change is read back several times in a row: on PostgreSQL the
// suite runs against two instances behind a round-robin proxy, so the reads land on both, including the
// one that did not make the change (it learns of it over the event bus).
import { expect, registerUser, test } from "../fixtures";
import { acceptInvite, anonymous, createInvite, deleteInvite, getInvite } from "../support/invites";
import { shownViewer } from "../support/landing";
import type { APIRequestContext } from "@playwright/test";

const READS = 4;

async function previews(request: APIRequestContext, code: string, query = "?with_counts=true") {
  const answers = [];
  for (let i = 0; i < READS; i++) {
    const response = await getInvite(request, code, anonymous(), query);
    answers.push({
      status: response.status(),
      body: response.status() === 200 ? await response.json() : await response.json().catch(() => null),
    });
  }
  return answers;
}

async function landingPages(request: APIRequestContext, path: string) {
  const answers = [];
  for (let i = 0; i < READS; i++) {
    const response = await request.get(path, { headers: anonymous(), maxRedirects: 0 });
    answers.push({
      status: response.status(),
      html: await response.text(),
      cacheControl: response.headers()["cache-control"] ?? "",
    });
  }
  return answers;
}

test.describe("cached invite previews stay true", () => {
  test("API: a rename, a pause, a join and a revoke show on the very next read, on every instance", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    // Warm the cache everywhere.
    for (const answer of await previews(request, invite.code))
      expect(answer.body).toMatchObject({ guild: { name: guild.name }, approximate_member_count: 1 });

    const renamed = await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { name: "Renamed Right Now" },
    });
    expect(renamed.status(), await renamed.text()).toBe(200);
    for (const answer of await previews(request, invite.code))
      expect(answer.body.guild.name).toBe("Renamed Right Now");

    const paused = await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { features: ["INVITES_DISABLED"] },
    });
    expect(paused.status(), await paused.text()).toBe(200);
    for (const answer of await previews(request, invite.code))
      expect(answer.body.guild.features).toContain("INVITES_DISABLED");
    await request.patch(`/api/v1/guilds/${guild.id}`, { headers: owner.headers, data: { features: [] } });

    const joiner = await registerUser(request);
    expect((await acceptInvite(request, joiner, invite.code)).status()).toBe(200);
    for (const answer of await previews(request, invite.code))
      expect(answer.body.approximate_member_count).toBe(2);

    expect((await deleteInvite(request, owner, invite.code)).status()).toBe(200);
    for (const answer of await previews(request, invite.code))
      expect(answer).toMatchObject({ status: 404, body: { code: "UNKNOWN_INVITE" } });
  });

  test("API: the cached answer still honours each query's fields and never carries metadata", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 3600 });
    await previews(request, invite.code, "?with_counts=true&with_expiration=true");
    const plain = (await previews(request, invite.code, ""))[READS - 1]!.body;
    expect(plain).not.toHaveProperty("approximate_member_count");
    expect(plain).not.toHaveProperty("expires_at");
    expect(plain).not.toHaveProperty("uses");
    const full = (await previews(request, invite.code, "?with_counts=true&with_expiration=true"))[READS - 1]!
      .body;
    expect(full).toMatchObject({ approximate_member_count: 1, expires_at: invite.expires_at });
    // The inviter still gets metadata (never from the anonymous cache).
    const own = await (await getInvite(request, invite.code, owner.headers, "?with_counts=true")).json();
    expect(own).toMatchObject({ uses: 0, max_uses: 0, max_age: 3600 });
  });

  test("landing page: signed-out views are the same page, never stored by shared caches, and follow edits at once", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    for (const path of [`/invite/${invite.code}`, `/${invite.code}`]) {
      for (const answer of await landingPages(request, path)) {
        expect(answer.status).toBe(200);
        expect(answer.html).toContain(guild.name);
        expect(answer.html).toContain("Log in to accept");
        expect(shownViewer(answer.html)).toBe("anonymous");
        // A shared cache must not hand this signed-out page to a signed-in visitor of the same URL.
        expect(answer.cacheControl).toMatch(/private|no-store/);
        expect(answer.cacheControl).not.toMatch(/s-maxage|public/);
      }
    }

    await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { features: ["INVITES_DISABLED"] },
    });
    for (const answer of await landingPages(request, `/invite/${invite.code}`)) {
      expect(answer.status).toBe(200);
      expect(answer.html).toContain("Invites paused");
      expect(answer.html).not.toContain("Log in to accept");
    }

    await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { name: "Fresh Paint", features: [] },
    });
    for (const answer of await landingPages(request, `/${invite.code}`)) {
      expect(answer.html).toContain("Fresh Paint");
      expect(answer.html).not.toContain(guild.name);
    }

    expect((await deleteInvite(request, owner, invite.code)).status()).toBe(200);
    for (const path of [`/invite/${invite.code}`, `/${invite.code}`]) {
      for (const answer of await landingPages(request, path)) {
        expect(answer.status).toBe(404);
        expect(answer.html).toContain("Invite invalid");
        expect(answer.html).not.toContain("Fresh Paint");
      }
    }
  });

  test("landing page: the cache's own URLs are not reachable from outside", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    await landingPages(request, `/invite/${invite.code}`);
    for (const path of [
      `/landing/invite/${invite.code}/x`,
      `/landing/short/${invite.code}/anything`,
      "/landing",
    ]) {
      const response = await request.get(path, { headers: anonymous(), maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain(invite.code);
    }
  });

  test("API: a method the invite route lacks is a JSON 405 with Allow, like every other route", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId);
    for (const [method, path] of [
      ["PUT", `/api/v1/invites/${invite.code}`],
      ["PUT", `/api/v1/guilds/${channelId}/invites`],
    ] as const) {
      const response = await request.fetch(path, { method, headers: owner.headers, data: {} });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(await response.json()).toEqual({
        code: "METHOD_NOT_ALLOWED",
        message: "405: Method Not Allowed",
      });
      expect(response.headers()["allow"]).toMatch(/GET/);
      if (path.startsWith("/api/v1/invites/")) expect(response.headers()["allow"]).toMatch(/PATCH/);
    }
    // The invite still exists: a refused method changed nothing.
    expect((await getInvite(request, invite.code)).status()).toBe(200);
  });
});
