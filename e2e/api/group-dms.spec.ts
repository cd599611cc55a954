import { expect, test } from "@playwright/test";
import { expectError, registerUser } from "../fixtures";

test.describe("group DMs API", () => {
  test("creates a group DM owned by the caller, who is a recipient too", async ({ request }) => {
    const [owner, a, b] = [
      await registerUser(request),
      await registerUser(request),
      await registerUser(request),
    ];
    const response = await request.post("/api/v1/users/@me/channels", {
      headers: owner.headers,
      data: { recipients: [a.id, b.id, a.id, owner.id], name: "Weekend" },
    });
    expect(response.status(), await response.text()).toBe(200);
    const channel = await response.json();
    expect(channel).toMatchObject({ type: 3, owner_id: owner.id, name: "Weekend" });
    expect(channel.id).toMatch(/^\d+$/);
    expect(channel.recipients.map((r: { id: string }) => r.id)).toEqual([owner.id, a.id, b.id]);
    expect(channel.recipients[1]).toEqual({
      id: a.id,
      username: a.username,
      discriminator: expect.any(Number),
      avatar_hash: null,
    });

    const unnamed = await (
      await request.post("/api/v1/users/@me/channels", {
        headers: owner.headers,
        data: { recipients: [a.id] },
      })
    ).json();
    expect(unnamed).toMatchObject({ type: 3, name: null });
  });

  test("at most 10 recipients in total", async ({ request }) => {
    const owner = await registerUser(request);
    const others = [];
    for (let i = 0; i < 10; i++) others.push(await registerUser(request));
    const nine = others.slice(0, 9).map((u) => u.id);
    const full = await request.post("/api/v1/users/@me/channels", {
      headers: owner.headers,
      data: { recipients: nine },
    });
    expect(full.status(), await full.text()).toBe(200);
    expect((await full.json()).recipients).toHaveLength(10);
    await expectError(
      await request.post("/api/v1/users/@me/channels", {
        headers: owner.headers,
        data: { recipients: others.map((u) => u.id) },
      }),
      "MAX_GROUP_DM_RECIPIENTS",
    );
  });

  test("refuses anonymous callers, bots, unknown users and bad input", async ({ request }) => {
    const owner = await registerUser(request);
    const url = "/api/v1/users/@me/channels";
    await expectError(await request.post(url, { data: { recipients: [] } }), "UNAUTHORIZED");
    await expectError(
      await request.post(url, { headers: owner.headers, data: {} }),
      "INVALID_FORM_BODY",
      "recipients",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: { recipients: "nope" } }),
      "INVALID_FORM_BODY",
      "recipients",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: { recipients: ["abc"] } }),
      "INVALID_FORM_BODY",
      "recipients.0",
    );
    await expectError(
      await request.post(url, {
        headers: owner.headers,
        data: { recipients: [owner.id, "123456789012345678"] },
      }),
      "INVALID_FORM_BODY",
      "recipients.1",
    );
    await expectError(
      await request.post(url, { headers: owner.headers, data: { recipients: [], name: "x".repeat(101) } }),
      "INVALID_FORM_BODY",
      "name",
    );
    await expectError(
      await request.post(`/api/v1/users/${owner.id}/channels`, {
        headers: owner.headers,
        data: { recipients: [] },
      }),
      "NOT_FOUND",
    );

    const app = await (
      await request.post("/api/v1/applications", { headers: owner.headers, data: { name: "dm-bot" } })
    ).json();
    await expectError(
      await request.post(url, {
        headers: { authorization: `Bot ${app.token}` },
        data: { recipients: [owner.id] },
      }),
      "ACCESS_DENIED",
    );
  });
});
