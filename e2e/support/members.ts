// Multi-user test helpers that go through the real API. People normally join guilds with invites; until a
// test needs that path, the instance admin adds them directly (PUT /guilds/{id}/members/{user_id} accepts
// humans only from an instance admin), so these helpers work without the invite API.
import { expect, type APIRequestContext } from "@playwright/test";
import { createGuild, instanceAdmin, registerUser, type TestUser } from "../fixtures";

export { instanceAdmin };

/** Adds `user` to the guild as a regular member (201), through the instance admin. */
export async function joinGuild(request: APIRequestContext, guildId: string, user: { id: string }) {
  const response = await request.put(`/api/v1/guilds/${guildId}/members/${user.id}`, {
    headers: (await instanceAdmin(request)).headers,
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export type TestRole = { id: string; name: string; permissions: string; position: number; color: number };

export async function createRole(
  request: APIRequestContext,
  owner: TestUser,
  guildId: string,
  permissions: bigint,
  name = "role",
): Promise<TestRole> {
  const response = await request.post(`/api/v1/guilds/${guildId}/roles`, {
    headers: owner.headers,
    data: { name, permissions: permissions.toString() },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export async function giveRole(
  request: APIRequestContext,
  owner: TestUser,
  guildId: string,
  userId: string,
  roleId: string,
) {
  const response = await request.put(`/api/v1/guilds/${guildId}/members/${userId}/roles/${roleId}`, {
    headers: owner.headers,
  });
  expect(response.status(), await response.text()).toBe(204);
}

/** A fresh user who joined the guild and holds a new role with exactly `permissions` (0n: plain member). */
export async function memberWith(
  request: APIRequestContext,
  owner: TestUser,
  guildId: string,
  permissions = 0n,
): Promise<TestUser> {
  const user = await registerUser(request);
  await joinGuild(request, guildId, user);
  if (permissions !== 0n) {
    const role = await createRole(request, owner, guildId, permissions, `perm-${permissions}`);
    await giveRole(request, owner, guildId, user.id, role.id);
  }
  return user;
}

/** A guild with its owner, ready for multi-user tests. */
export async function ownerWithGuild(request: APIRequestContext) {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  return { owner, guild };
}

export async function memberCount(
  request: APIRequestContext,
  owner: TestUser,
  guildId: string,
): Promise<number> {
  const response = await request.get(`/api/v1/guilds/${guildId}`, { headers: owner.headers });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).member_count;
}

export { Permissions as P } from "../../lib/permissions";
