// Invite test helpers: every call goes through the real API with the caller's own token and client IP.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { CLIENT_ADDRESS_HEADER, randomIp, registerUser, type TestUser } from "../fixtures";

export { ownerWithGuild } from "../fixtures";

export type InviteBody = {
  max_age?: unknown;
  max_uses?: unknown;
  temporary?: unknown;
  unique?: unknown;
  [key: string]: unknown;
};

/** Headers of an anonymous visitor with a client IP of its own (per-IP limits never leak between tests). */
export function anonymous(): Record<string, string> {
  return { [CLIENT_ADDRESS_HEADER]: randomIp() };
}

export function postInvite(
  request: APIRequestContext,
  user: TestUser,
  channelId: string,
  body: InviteBody = {},
  headers: Record<string, string> = {},
) {
  return request.post(`/api/v1/channels/${channelId}/invites`, {
    data: body,
    headers: { ...user.headers, ...headers },
  });
}

/** Creates an invite (expects 200) and returns it. */
export async function createInvite(
  request: APIRequestContext,
  user: TestUser,
  channelId: string,
  body: InviteBody = {},
) {
  const response = await postInvite(request, user, channelId, body);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

export function getInvite(
  request: APIRequestContext,
  code: string,
  headers: Record<string, string> = anonymous(),
  query = "",
) {
  return request.get(`/api/v1/invites/${code}${query}`, { headers });
}

export function acceptInvite(request: APIRequestContext, user: TestUser, code: string): Promise<APIResponse> {
  return request.post(`/api/v1/invites/${code}`, { headers: user.headers });
}

export function deleteInvite(
  request: APIRequestContext,
  user: TestUser,
  code: string,
  headers: Record<string, string> = {},
) {
  return request.delete(`/api/v1/invites/${code}`, { headers: { ...user.headers, ...headers } });
}

/** The invite as its inviter sees it (with metadata), or null when it is gone. */
export async function inviteAsManager(request: APIRequestContext, manager: TestUser, code: string) {
  const response = await getInvite(request, code, manager.headers, "?with_counts=true&with_expiration=true");
  if (response.status() === 404) return null;
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** A fresh user who joined the guild through an invite of the owner's. */
export async function memberViaInvite(
  request: APIRequestContext,
  owner: TestUser,
  channelId: string,
): Promise<TestUser> {
  const [user, invite] = await Promise.all([
    registerUser(request),
    createInvite(request, owner, channelId, { max_uses: 1 }),
  ]);
  const response = await acceptInvite(request, user, invite.code);
  expect(response.status(), await response.text()).toBe(200);
  return user;
}

/** The guild's member count as an invite preview shows it. */
export async function memberCount(request: APIRequestContext, code: string): Promise<number> {
  const response = await getInvite(request, code, anonymous(), "?with_counts=true");
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).approximate_member_count;
}

export function randomCode(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
}
