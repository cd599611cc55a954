// The world under test and its snapshot.
import { expect, type APIRequestContext } from "@playwright/test";
import { BUCKETS, type Usage } from "./budget";
import { Permissions } from "../../../lib/permissions";
import { CLIENT_ADDRESS_HEADER, createGuild, registerUser, type TestUser } from "../../fixtures";
import { acceptInvite, createInvite } from "../invites";
import { createRole, giveRole, instanceAdmin } from "../members";

export type FuzzWorld = {
  owner: TestUser;
  managers: TestUser[]; // the owner first
  guildId: string;
  channelId: string;
  codes: string[]; // live, non-vanity
  vanity: string;
  /** Rate-limited requests the setup made, for the Budget. */
  used: Usage[];
};

/** A guild with the VANITY_URL feature and a vanity code, some invites, and managers who joined by invite. */
export async function setupWorld(request: APIRequestContext, managerCount: number): Promise<FuzzWorld> {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  const channelId = guild.general_channel_id as string;
  const admin = await instanceAdmin(request);
  const features = await request.patch(`/api/v1/guilds/${guild.id}`, {
    headers: admin.headers,
    data: { features: ["VANITY_URL"] },
  });
  expect(features.status(), await features.text()).toBe(200);
  const vanity = `fz${Math.random().toString(36).slice(2, 10)}`;
  const setVanity = await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
    headers: owner.headers,
    data: { code: vanity },
  });
  expect(setVanity.status(), await setVanity.text()).toBe(200);

  const join = await createInvite(request, owner, channelId, { max_uses: managerCount + 5, max_age: 0 });
  const managers = await Promise.all(Array.from({ length: managerCount }, () => registerUser(request)));
  for (const manager of managers) {
    const accepted = await acceptInvite(request, manager, join.code);
    expect(accepted.status(), await accepted.text()).toBe(200);
  }
  const role = await createRole(
    request,
    owner,
    guild.id,
    Permissions.MANAGE_GUILD | Permissions.MANAGE_CHANNELS,
    "fuzz-managers",
  );
  for (const manager of managers) await giveRole(request, owner, guild.id, manager.id, role.id);

  const others = [
    await createInvite(request, owner, channelId, { max_uses: 5, max_age: 3600 }),
    await createInvite(request, owner, channelId, { temporary: true }),
    await createInvite(request, owner, channelId, { max_uses: 100, max_age: 604800 }),
    await createInvite(request, managers[0]!, channelId, { max_uses: 1, max_age: 60 * 60 * 24 * 3 }),
  ];
  const used: Usage[] = [
    { user: owner, bucket: BUCKETS.create(channelId), count: 4 },
    { user: owner, bucket: BUCKETS.vanityUpdate, count: 1 },
    { user: managers[0]!, bucket: BUCKETS.create(channelId), count: 1 },
    ...managers.map((user) => ({ user, bucket: BUCKETS.accept, count: 1 })),
  ];
  return {
    owner,
    managers: [owner, ...managers],
    guildId: guild.id,
    channelId,
    codes: [join.code, ...others.map((i) => i.code)],
    vanity,
    used,
  };
}

export type Snapshot = {
  invites: {
    code: string;
    uses: number;
    version: number;
    max_uses: number;
    max_age: number;
    temporary: boolean;
  }[];
  vanity: { code: string | null; uses: number; version: number | null };
  memberCount: number;
  members: string[];
  auditLog: string[];
};

async function ownerGet(request: APIRequestContext, world: FuzzWorld, path: string) {
  const response = await request.get(`/api/v1${path}`, {
    headers: {
      ...world.owner.headers,
      [CLIENT_ADDRESS_HEADER]: `10.250.${Math.floor(Math.random() * 250)}.1`,
    },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return response.json();
}

/** Everything a fuzz request could change: the guild's invites, its vanity code, members and audit log. */
export async function snapshot(request: APIRequestContext, world: FuzzWorld): Promise<Snapshot> {
  const invites = (await ownerGet(request, world, `/guilds/${world.guildId}/invites`)) as Snapshot["invites"];
  const vanity = (await ownerGet(request, world, `/guilds/${world.guildId}/vanity-url`)) as {
    code: string | null;
    uses: number;
  };
  const vanityInvite = vanity.code ? await ownerGet(request, world, `/invites/${vanity.code}`) : null;
  const guild = await ownerGet(request, world, `/guilds/${world.guildId}`);
  const members = (await ownerGet(request, world, `/guilds/${world.guildId}/members?limit=1000`)) as {
    user: { id: string };
    roles: string[];
    temporary: boolean;
  }[];
  const audit = (await ownerGet(request, world, `/guilds/${world.guildId}/audit-logs?limit=100`)) as {
    audit_log_entries: { id: string; action_type: number; target_id: string | null }[];
  };
  return {
    invites: invites
      .map(({ code, uses, version, max_uses, max_age, temporary }) => ({
        code,
        uses,
        version,
        max_uses,
        max_age,
        temporary,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    vanity: { code: vanity.code, uses: vanity.uses, version: vanityInvite?.version ?? null },
    memberCount: guild.member_count,
    members: members
      .map((m) => `${m.user.id} roles=${[...m.roles].sort().join(",")} temporary=${m.temporary}`)
      .sort(),
    auditLog: audit.audit_log_entries.map((e) => `${e.id} ${e.action_type} ${e.target_id}`),
  };
}

/** The snapshot without the invites (and their audit entries) that valid creates were answered for. */
export function withoutAccounted(snap: Snapshot, accounted: readonly string[]): Snapshot {
  const skip = new Set(accounted);
  return {
    ...snap,
    invites: snap.invites.filter((invite) => !skip.has(invite.code)),
    auditLog: snap.auditLog.filter(
      (line) => !(line.split(" ")[1] === "40" && skip.has(line.split(" ")[2] ?? "")),
    ),
  };
}
