import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Permissions } from "@/lib/permissions";
import { roleRefusal } from "./invite-roles";

// A guild (id 1) owned by user 100: @everyone, a manager role at 3, a plain role at 1, an admin role at 2.
const guild = { id: 1n, ownerId: 100n };
const roles = [
  { id: 1n, position: 0, permissions: 0n },
  { id: 10n, position: 3, permissions: Permissions.MANAGE_ROLES },
  { id: 11n, position: 1, permissions: 0n },
  { id: 12n, position: 2, permissions: Permissions.ADMINISTRATOR },
  { id: 13n, position: 4, permissions: 0n },
];
const role = (id: bigint) => roles.find((r) => r.id === id)!;
const manager = { guild, roles, memberRoleIds: [10n] };

void describe("roleRefusal: which roles an invite may give", () => {
  void it("gives a role below the caller's highest", () => {
    assert.equal(roleRefusal(manager, 200n, role(11n)), null);
  });
  void it("refuses a role at or above the caller's highest", () => {
    assert.equal(roleRefusal(manager, 200n, role(13n)), "above");
    assert.equal(roleRefusal(manager, 200n, role(10n)), "above");
  });
  void it("refuses ADMINISTRATOR to anyone but the owner, and @everyone to everyone", () => {
    assert.equal(roleRefusal(manager, 200n, role(12n)), "administrator");
    assert.equal(roleRefusal({ ...manager, memberRoleIds: [] }, 100n, role(12n)), null);
    assert.equal(roleRefusal({ ...manager, memberRoleIds: [] }, 100n, role(13n)), null);
    assert.equal(roleRefusal({ ...manager, memberRoleIds: [] }, 100n, role(1n)), "everyone");
  });
});
