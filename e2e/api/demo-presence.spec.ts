// The demo world looks alive: `npm run demo` keeps a realistic share of the demo guild's members online, so
// its landing page never shows "0 Online". The simulator is demo-only (DEMO_PRESENCE, set by scripts/demo.mjs).
import { expect, test } from "@playwright/test";
import { startInstance } from "../security/support/instance";

test("with DEMO_PRESENCE the demo guild has a realistic share of its members online", async () => {
  test.setTimeout(120_000);
  const demo = await startInstance({ DATABASE_URL: "pglite:memory", SEED_DEMO: "1", DEMO_PRESENCE: "1" });
  try {
    const counts = async () => {
      const response = await fetch(`${demo.baseURL}/api/v1/invites/fluxer?with_counts=true`);
      expect(response.status).toBe(200);
      const invite = await response.json();
      return {
        online: invite.approximate_presence_count as number,
        members: invite.approximate_member_count as number,
      };
    };
    await expect.poll(async () => (await counts()).online, { timeout: 30_000 }).toBeGreaterThan(0);
    const { online, members } = await counts();
    expect(members).toBe(301);
    expect(online / members).toBeGreaterThan(0.1);
    expect(online / members).toBeLessThan(0.5);
    // The landing page says so too.
    const page = await (await fetch(`${demo.baseURL}/invite/fluxer`)).text();
    const shown = /data-testid="invite-online".*?(\d+)(?:<!-- -->)?\s*Online/s.exec(page)?.[1];
    expect(Number(shown), "the landing page's online count").toBeGreaterThan(0);
  } finally {
    await demo.stop();
  }
});
