import { expect, expectError, registerUser, test } from "../fixtures";
import { joinGuild, memberWith, P } from "../support/members";

type Entry = {
  id: string;
  action_type: number;
  user_id: string;
  target_id: string;
  reason: string | null;
  changes: unknown;
  options: unknown;
  created_at: string;
};

test.describe("audit log API", () => {
  test("records guild, channel, role, member and ban actions, newest first, with filters and paging", async ({
    request,
    owner,
    guild,
  }) => {
    const reason = (text: string) => ({ ...owner.headers, "x-audit-log-reason": encodeURIComponent(text) });
    const victim = await registerUser(request);
    const troll = await registerUser(request);
    await joinGuild(request, guild.id, victim);
    await joinGuild(request, guild.id, troll);

    expect(
      (
        await request.patch(`/api/v1/guilds/${guild.id}`, {
          headers: reason("new name"),
          data: { name: "Audited" },
        })
      ).status(),
    ).toBe(200);
    const channel = await (
      await request.post(`/api/v1/guilds/${guild.id}/channels`, {
        headers: owner.headers,
        data: { name: "logs" },
      })
    ).json();
    const role = await (
      await request.post(`/api/v1/guilds/${guild.id}/roles`, {
        headers: owner.headers,
        data: { name: "auditors", permissions: P.VIEW_AUDIT_LOG.toString() },
      })
    ).json();
    expect(
      (
        await request.put(`/api/v1/guilds/${guild.id}/members/${victim.id}/roles/${role.id}`, {
          headers: owner.headers,
        })
      ).status(),
    ).toBe(204);
    expect(
      (
        await request.delete(`/api/v1/guilds/${guild.id}/members/${victim.id}`, {
          headers: reason("rude, très rude"),
        })
      ).status(),
    ).toBe(204);
    expect(
      (
        await request.put(`/api/v1/guilds/${guild.id}/bans/${troll.id}`, {
          headers: owner.headers,
          data: { reason: "spam links" },
        })
      ).status(),
    ).toBe(204);

    const response = await request.get(`/api/v1/guilds/${guild.id}/audit-logs`, { headers: owner.headers });
    expect(response.status(), await response.text()).toBe(200);
    const body = await response.json();
    const entries: Entry[] = body.audit_log_entries;
    expect(entries.map((e) => e.action_type)).toEqual([22, 20, 25, 30, 10, 1]);
    expect(entries.every((e) => e.user_id === owner.id)).toBe(true);
    expect(body.users).toEqual([expect.objectContaining({ id: owner.id, username: owner.username })]);
    const [ban, kick, roleUpdate, roleCreate, channelCreate, guildUpdate] = entries as [
      Entry,
      Entry,
      Entry,
      Entry,
      Entry,
      Entry,
    ];
    expect(ban).toMatchObject({ target_id: troll.id, reason: "spam links" });
    expect(kick).toMatchObject({ target_id: victim.id, reason: "rude, très rude" });
    expect(roleUpdate).toMatchObject({
      target_id: victim.id,
      changes: [{ key: "$add", new_value: [{ id: role.id, name: "auditors" }] }],
    });
    expect(roleCreate).toMatchObject({ target_id: role.id });
    expect(channelCreate).toMatchObject({ target_id: channel.id });
    expect(guildUpdate).toMatchObject({
      target_id: guild.id,
      reason: "new name",
      changes: [{ key: "name", old_value: guild.name, new_value: "Audited" }],
    });
    expect(new Date(guildUpdate.created_at).toISOString()).toBe(guildUpdate.created_at);

    const filtered = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs?action_type=20`, { headers: owner.headers })
    ).json();
    expect(filtered.audit_log_entries.map((e: Entry) => e.id)).toEqual([kick.id]);
    const page = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs?limit=2&before=${roleUpdate.id}`, {
        headers: owner.headers,
      })
    ).json();
    expect(page.audit_log_entries.map((e: Entry) => e.id)).toEqual([roleCreate.id, channelCreate.id]);
    const byUser = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs?user_id=${troll.id}`, {
        headers: owner.headers,
      })
    ).json();
    expect(byUser.audit_log_entries).toEqual([]);
  });

  test("needs VIEW_AUDIT_LOG; strangers, anonymous callers and bad queries are refused", async ({
    request,
    owner,
    guild,
  }) => {
    const url = `/api/v1/guilds/${guild.id}/audit-logs`;
    const plain = await memberWith(request, owner, guild.id);
    const auditor = await memberWith(request, owner, guild.id, P.VIEW_AUDIT_LOG);
    const stranger = await registerUser(request);
    await expectError(await request.get(url), "UNAUTHORIZED");
    await expectError(await request.get(url, { headers: stranger.headers }), "MISSING_ACCESS");
    await expectError(await request.get(url, { headers: plain.headers }), "MISSING_PERMISSIONS");
    const seen = await request.get(url, { headers: auditor.headers });
    expect(seen.status()).toBe(200);
    // The auditor sees the role that was created for them.
    expect((await seen.json()).audit_log_entries.map((e: Entry) => e.action_type)).toContain(30);

    await expectError(
      await request.get(`${url}?limit=0`, { headers: owner.headers }),
      "INVALID_FORM_BODY",
      "limit",
    );
    await expectError(
      await request.get(`${url}?limit=101`, { headers: owner.headers }),
      "INVALID_FORM_BODY",
      "limit",
    );
    await expectError(
      await request.get(`${url}?action_type=abc`, { headers: owner.headers }),
      "INVALID_FORM_BODY",
      "action_type",
    );
    await expectError(
      await request.get(`${url}?before=xyz`, { headers: owner.headers }),
      "INVALID_FORM_BODY",
      "before",
    );
  });
});
