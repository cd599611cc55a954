// One invite namespace, compared without case: a vanity code may not be a case variant of another guild's
// random code (whoever retypes the link in lower case would land in the wrong guild), random codes stay
// case-sensitive on lookup, and the in-memory preview cache keeps one entry per invite however many
// spellings of it are requested.
import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { createGuild, expect, expectError, registerUser, test, type TestUser } from "../fixtures";
import { anonymous, createInvite, getInvite, ownerWithGuild } from "../support/invites";
import { instanceAdmin } from "../support/members";
import { startInstance, type Instance } from "./support/instance";

async function grantVanity(request: APIRequestContext, admin: TestUser, guildId: string) {
  const response = await request.patch(`/api/v1/guilds/${guildId}`, {
    headers: admin.headers,
    data: { features: ["VANITY_URL"] },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A live random invite whose code has at least one capital letter, so its lower-case spelling is another string. */
async function inviteWithCapital(
  request: APIRequestContext,
  owner: TestUser,
  channelId: string,
): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const { code } = await createInvite(request, owner, channelId, { max_age: 0 });
    if (code !== code.toLowerCase()) return code;
  }
  throw new Error("ten random codes without a capital letter");
}

/** Every way of writing `code` with its letters in upper or lower case, but `code` itself (at most `limit`). */
function caseVariants(code: string, limit: number): string[] {
  const letters = [...code]
    .map((char, index) => (char.toLowerCase() !== char.toUpperCase() ? index : -1))
    .filter((index) => index >= 0);
  const variants: string[] = [];
  for (let mask = 1; mask < 2 ** letters.length && variants.length < limit; mask++) {
    const chars = [...code.toLowerCase()];
    letters.forEach((index, bit) => {
      if (mask & (1 << bit)) chars[index] = chars[index]!.toUpperCase();
    });
    variants.push(chars.join(""));
  }
  return variants.filter((variant) => variant !== code);
}

test.describe("one case-insensitive namespace for invite codes", () => {
  test("a guild can't take another guild's random code in lower case as its vanity URL", async ({
    request,
  }) => {
    const a = await ownerWithGuild(request);
    const code = await inviteWithCapital(request, a.owner, a.channelId);
    const lower = code.toLowerCase();

    const b = await ownerWithGuild(request);
    await grantVanity(request, await instanceAdmin(request), b.guild.id);
    // The settings page's live check and the API agree: taken.
    const check = await request.get(`/guilds/${b.guild.id}/settings/vanity/availability?code=${lower}`, {
      headers: b.owner.headers,
    });
    expect(check.status(), await check.text()).toBe(200);
    expect(await check.json()).toEqual({ code: lower, status: "taken" });
    await expectError(
      await request.patch(`/api/v1/guilds/${b.guild.id}/vanity-url`, {
        headers: b.owner.headers,
        data: { code: lower },
      }),
      "VANITY_URL_CODE_ALREADY_TAKEN",
    );
    const vanity = await request.get(`/api/v1/guilds/${b.guild.id}/vanity-url`, { headers: b.owner.headers });
    expect(await vanity.json()).toEqual({ code: null, uses: 0 });

    // Retyping the link in lower case leads nowhere (random codes are case-sensitive), never to guild B.
    await expectError(await getInvite(request, lower), "UNKNOWN_INVITE");
    const landing = await request.get(`/invite/${lower}`, { headers: anonymous() });
    expect(landing.status()).toBe(404);
    expect(await landing.text()).not.toContain(b.guild.name);
    // The real code still leads to guild A.
    expect(await (await getInvite(request, code)).json()).toMatchObject({ code, guild_id: a.guild.id });
  });

  test("a case variant of a random code is unknown everywhere; a vanity code resolves in any case", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const code = await inviteWithCapital(request, owner, channelId);
    for (const variant of [code.toLowerCase(), code.toUpperCase(), ...caseVariants(code, 3)]) {
      if (variant === code) continue;
      await expectError(await getInvite(request, variant), "UNKNOWN_INVITE");
    }
    const joiner = await registerUser(request);
    await expectError(
      await request.post(`/api/v1/invites/${code.toLowerCase()}`, { headers: joiner.headers }),
      "UNKNOWN_INVITE",
    );

    await grantVanity(request, await instanceAdmin(request), guild.id);
    const vanity = `ns-${randomBytes(4).toString("hex")}`;
    expect(
      (
        await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
          headers: owner.headers,
          data: { code: vanity },
        })
      ).status(),
    ).toBe(200);
    for (const variant of caseVariants(vanity, 3))
      expect(await (await getInvite(request, variant)).json()).toMatchObject({
        code: vanity,
        guild_id: guild.id,
      });
  });
});

test.describe("the invite preview cache is keyed by the invite, not by how a visitor spelled it", () => {
  let instance: Instance;
  let api: APIRequestContext;
  const adminEmail = `cache-admin-${randomBytes(4).toString("hex")}@e2e.test`;

  test.beforeAll(async () => {
    // Its own process, so the cache's entry count is this test's alone; a long TTL so nothing expires meanwhile.
    // Every request comes from one address here: limits scaled up so none of them gets in the way.
    instance = await startInstance({
      ADMIN_EMAILS: adminEmail,
      INVITE_CACHE_TTL_MS: "60000",
      RATE_LIMIT_SCALE: "100",
    });
    api = await playwrightRequest.newContext({ baseURL: instance.baseURL });
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  const cacheEntries = async () =>
    ((await (await api.get("/api/health")).json()) as { invite_preview_cache: { entries: number } })
      .invite_preview_cache.entries;

  test("39 spellings of a vanity code make one cache entry, and misses make none", async () => {
    test.setTimeout(180_000);
    const admin = await registerUser(api, { email: adminEmail });
    const owner = await registerUser(api);
    const guild = await createGuild(api, owner);
    await grantVanity(api, admin, guild.id);
    const vanity = `cache${randomBytes(3).toString("hex").replace(/[0-9]/g, "q")}`; // eleven letters: 2047 spellings
    expect(
      (
        await api.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
          headers: owner.headers,
          data: { code: vanity },
        })
      ).status(),
    ).toBe(200);

    // The canonical spelling first; the entry is stored once the event bus is up.
    await expect
      .poll(async () => (await getInvite(api, vanity, {})).status() === 200 && (await cacheEntries()) === 1, {
        timeout: 30_000,
      })
      .toBe(true);
    const variants = caseVariants(vanity, 39);
    expect(variants).toHaveLength(39);
    for (const variant of variants) {
      const response = await getInvite(api, variant, {}, "?with_counts=true");
      expect(response.status(), variant).toBe(200);
      expect((await response.json()).code).toBe(vanity);
    }
    for (const variant of variants.slice(0, 3))
      expect((await api.get(`/invite/${variant}`)).status()).toBe(200);
    expect(await cacheEntries()).toBe(1);

    // Misses are never stored: unknown codes, and case variants of a random code (which are unknown).
    const random = await inviteWithCapital(api, owner, guild.general_channel_id!);
    expect((await getInvite(api, random, {})).status()).toBe(200);
    const stored = await cacheEntries();
    for (const miss of [random.toLowerCase(), random.toUpperCase(), `zz${randomBytes(3).toString("hex")}`]) {
      if (miss !== random) expect((await getInvite(api, miss, {})).status()).toBe(404);
    }
    expect(await cacheEntries()).toBe(stored);
  });
});
