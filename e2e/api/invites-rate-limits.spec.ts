import { ERROR_CODES } from "../../lib/errors";
import { CLIENT_ADDRESS_HEADER, expect, expectError, randomIp, registerUser, test } from "../fixtures";
import { acceptInvite, createInvite, getInvite, postInvite, randomCode } from "../support/invites";

test.describe("invite rate limits", () => {
  test("answers carry the X-RateLimit headers of their bucket", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const created = await postInvite(request, owner, channelId);
    expect(created.headers()["x-ratelimit-limit"]).toBe("20");
    expect(created.headers()["x-ratelimit-remaining"]).toBe("19");
    expect(created.headers()["x-ratelimit-bucket"]).toContain(channelId);
    const { code } = await created.json();

    const checks: [Promise<import("@playwright/test").APIResponse>, string][] = [
      [getInvite(request, code, owner.headers), "100"],
      [request.get(`/api/v1/channels/${channelId}/invites`, { headers: owner.headers }), "40"],
      [request.get(`/api/v1/guilds/${guild.id}/invites`, { headers: owner.headers }), "40"],
      [request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers }), "100"],
      [
        request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
          headers: owner.headers,
          data: { code: null },
        }),
        "10",
      ],
      [acceptInvite(request, owner, code), "10"],
      [request.delete(`/api/v1/invites/${code}`, { headers: owner.headers }), "20"],
    ];
    for (const [pending, limit] of checks) {
      const response = await pending;
      const headers = response.headers();
      expect(headers["x-ratelimit-limit"], response.url()).toBe(limit);
      expect(Number(headers["x-ratelimit-remaining"])).toBeLessThan(Number(limit));
      expect(Number(headers["x-ratelimit-reset"])).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      expect(Number(headers["x-ratelimit-reset-after"])).toBeGreaterThan(0);
      expect(headers["x-ratelimit-bucket"]).toBeTruthy();
    }
  });

  test("the 11th accept within 10 s is a 429 with the RATE_LIMITED body, Retry-After and X-RateLimit-Global", async ({
    request,
    owner,
    channelId,
    user,
  }) => {
    const invite = await createInvite(request, owner, channelId);
    for (let i = 0; i < 10; i++) expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
    const limited = await acceptInvite(request, user, invite.code);
    const body = await expectError(limited, "RATE_LIMITED");
    expect(body).toEqual({
      code: "RATE_LIMITED",
      message: ERROR_CODES.RATE_LIMITED.message,
      retry_after: expect.any(Number),
      global: false,
    });
    expect(body.retry_after).toBeGreaterThan(0);
    expect(body.retry_after).toBeLessThanOrEqual(10);
    const headers = limited.headers();
    expect(Number(headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(headers["x-ratelimit-global"]).toBe("false");
    expect(headers["x-ratelimit-remaining"]).toBe("0");
    // Other buckets are unaffected: the same user can still look the invite up.
    expect((await getInvite(request, invite.code, user.headers)).status()).toBe(200);
  });

  test("guessing codes is throttled per IP: after 30 unknown codes even a real one is 429", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId);
    const ip = randomIp();
    const guesser = await registerUser(request);
    const guesserHeaders = { ...guesser.headers, [CLIENT_ADDRESS_HEADER]: ip };
    for (let i = 0; i < 25; i++)
      await expectError(
        await getInvite(request, randomCode(), { [CLIENT_ADDRESS_HEADER]: ip }),
        "UNKNOWN_INVITE",
      );
    // Accept's 404s count against the same IP budget.
    for (let i = 0; i < 5; i++)
      await expectError(
        await request.post(`/api/v1/invites/${randomCode()}`, { headers: guesserHeaders }),
        "UNKNOWN_INVITE",
      );
    const blocked = await getInvite(request, invite.code, { [CLIENT_ADDRESS_HEADER]: ip });
    const body = await expectError(blocked, "RATE_LIMITED");
    expect(body.global).toBe(false);
    expect(blocked.headers()["retry-after"]).toBeTruthy();
    await expectError(
      await request.post(`/api/v1/invites/${invite.code}`, { headers: guesserHeaders }),
      "RATE_LIMITED",
    );
    // Someone else, from another address, is not affected.
    expect((await getInvite(request, invite.code, { [CLIENT_ADDRESS_HEADER]: randomIp() })).status()).toBe(
      200,
    );
  });
});
