import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ALL_PERMISSIONS,
  applyOverwrites,
  computeBasePermissions,
  DEFAULT_EVERYONE_PERMISSIONS,
  hasPermission,
  Permissions as P,
} from "./permissions";

const guildId = 100n;
const everyone = { id: guildId, permissions: DEFAULT_EVERYONE_PERMISSIONS };

describe("computeBasePermissions", () => {
  it("gives the owner every bit", () => {
    assert.equal(
      computeBasePermissions({ userId: 1n, ownerId: 1n, everyoneRole: everyone, memberRoles: [] }),
      ALL_PERMISSIONS,
    );
  });
  it("ORs @everyone with the member's roles", () => {
    const result = computeBasePermissions({
      userId: 2n,
      ownerId: 1n,
      everyoneRole: everyone,
      memberRoles: [{ id: 5n, permissions: P.MANAGE_CHANNELS }],
    });
    assert.equal(result, DEFAULT_EVERYONE_PERMISSIONS | P.MANAGE_CHANNELS);
    assert.ok(!hasPermission(result, P.MANAGE_GUILD));
  });
  it("turns ADMINISTRATOR into every bit", () => {
    const result = computeBasePermissions({
      userId: 2n,
      ownerId: 1n,
      everyoneRole: everyone,
      memberRoles: [{ id: 5n, permissions: P.ADMINISTRATOR }],
    });
    assert.equal(result, ALL_PERMISSIONS);
  });
});

describe("applyOverwrites", () => {
  const base = DEFAULT_EVERYONE_PERMISSIONS;
  it("applies @everyone, then the union of role overwrites, then the member's, in that order", () => {
    const overwrites = [
      { targetId: guildId, type: 0, allow: 0n, deny: P.CREATE_INSTANT_INVITE | P.VIEW_CHANNEL },
      { targetId: 7n, type: 0, allow: P.VIEW_CHANNEL, deny: 0n },
      { targetId: 8n, type: 0, allow: P.CREATE_INSTANT_INVITE, deny: P.VIEW_CHANNEL },
      { targetId: 2n, type: 1, allow: P.VIEW_CHANNEL, deny: 0n },
    ];
    // Role overwrites: allow union has both bits, deny union has VIEW; allow wins within the role step.
    const withRoles = applyOverwrites({ base, guildId, userId: 3n, memberRoleIds: [7n, 8n], overwrites });
    assert.equal(
      withRoles & (P.VIEW_CHANNEL | P.CREATE_INSTANT_INVITE),
      P.VIEW_CHANNEL | P.CREATE_INSTANT_INVITE,
    );
    // Without roles, @everyone's deny stands.
    const plain = applyOverwrites({ base, guildId, userId: 3n, memberRoleIds: [], overwrites });
    assert.equal(plain & (P.VIEW_CHANNEL | P.CREATE_INSTANT_INVITE), 0n);
    // The member overwrite comes last.
    const member = applyOverwrites({ base, guildId, userId: 2n, memberRoleIds: [], overwrites });
    assert.ok(hasPermission(member, P.VIEW_CHANNEL));
    assert.ok(!hasPermission(member, P.CREATE_INSTANT_INVITE));
  });
  it("leaves administrators untouched by denies", () => {
    const overwrites = [{ targetId: guildId, type: 0, allow: 0n, deny: P.VIEW_CHANNEL }];
    assert.equal(
      applyOverwrites({ base: ALL_PERMISSIONS, guildId, userId: 1n, memberRoleIds: [], overwrites }),
      ALL_PERMISSIONS,
    );
  });
});
