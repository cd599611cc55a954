// Shared test helpers: every test makes its own users and guilds with random names through the real API.
// `test` below extends Playwright's with fixtures for the usual set-ups (owner with a guild, a fresh user, the
// instance admin); the functions stay for tests that need several users of one kind or custom options.
import { randomBytes, randomInt } from "node:crypto";
import { test as base, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ERROR_CODES, type ErrorCode } from "../lib/errors";

export const PASSWORD = "correct-horse-battery";

export function randomName(prefix = "u"): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

/**
 * The header that tells the test proxy (scripts/test-proxy.mjs) which client address a request comes from; the
 * proxy appends it to X-Forwarded-For as a production proxy appends the peer it saw, and the app trusts that one
 * hop (TRUST_PROXY=1). Per-address limits of one test so never touch another.
 */
export const CLIENT_ADDRESS_HEADER = "x-test-client-address";

/** Headers that make a request come from `ip`. */
export function addressHeaders(ip: string): Record<string, string> {
  return { [CLIENT_ADDRESS_HEADER]: ip };
}

/** A fresh client address (10.x.y.z) for one test's user or visitor. */
export function randomIp(): string {
  return `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}

export type TestUser = {
  id: string;
  token: string;
  email: string;
  username: string;
  password: string;
  ip: string;
  headers: Record<string, string>;
};

export async function registerUser(
  request: APIRequestContext,
  options: { email?: string; username?: string } = {},
): Promise<TestUser> {
  const username = options.username ?? randomName("user");
  const email = options.email ?? `${randomName("mail")}@e2e.test`;
  const ip = randomIp();
  const response = await request.post("/api/v1/auth/register", {
    data: { username, email, password: PASSWORD },
    headers: { [CLIENT_ADDRESS_HEADER]: ip },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = await response.json();
  return {
    id: body.user_id,
    token: body.token,
    email,
    username,
    password: PASSWORD,
    ip,
    headers: { authorization: body.token, [CLIENT_ADDRESS_HEADER]: ip },
  };
}

/** The instance admin (email in ADMIN_EMAILS): registered on first use, logged in afterwards. */
export async function adminUser(request: APIRequestContext): Promise<TestUser> {
  const email = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
  const ip = randomIp();
  const login = await request.post("/api/v1/auth/login", {
    data: { email, password: PASSWORD },
    headers: { [CLIENT_ADDRESS_HEADER]: ip },
  });
  if (login.status() === 200) {
    const body = await login.json();
    return {
      id: body.user_id,
      token: body.token,
      email,
      username: "admin",
      password: PASSWORD,
      ip,
      headers: { authorization: body.token, [CLIENT_ADDRESS_HEADER]: ip },
    };
  }
  const user = await registerUser(request, { email, username: "admin" }).catch(async () => {
    // Another worker registered it between our login and register: log in again.
    const again = await request.post("/api/v1/auth/login", {
      data: { email, password: PASSWORD },
      headers: { [CLIENT_ADDRESS_HEADER]: ip },
    });
    const body = await again.json();
    return {
      id: body.user_id,
      token: body.token,
      email,
      username: "admin",
      password: PASSWORD,
      ip,
      headers: { authorization: body.token, [CLIENT_ADDRESS_HEADER]: ip },
    };
  });
  return user;
}

export async function createGuild(request: APIRequestContext, owner: TestUser, name = randomName("guild")) {
  const response = await request.post("/api/v1/guilds", { data: { name }, headers: owner.headers });
  expect(response.status(), await response.text()).toBe(201);
  const guild = await response.json();
  const channels = await request.get(`/api/v1/guilds/${guild.id}/channels`, { headers: owner.headers });
  const list = channels.ok() ? await channels.json() : [];
  const general = Array.isArray(list) ? list.find((c: { name: string }) => c.name === "general") : undefined;
  return { ...guild, general_channel_id: general?.id as string | undefined } as {
    id: string;
    name: string;
    owner_id: string;
    features: string[];
    general_channel_id: string | undefined;
  };
}

export type TestGuild = Awaited<ReturnType<typeof createGuild>>;

/** A user with a fresh guild and the id of its #general channel. */
export async function ownerWithGuild(request: APIRequestContext) {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  expect(guild.general_channel_id, "the guild's #general channel").toBeTruthy();
  return { owner, guild, channelId: guild.general_channel_id as string };
}

let admin: Promise<TestUser> | undefined;

/** The instance admin, logged in once per worker. */
export function instanceAdmin(request: APIRequestContext): Promise<TestUser> {
  admin ??= adminUser(request).catch((error) => {
    admin = undefined;
    throw error;
  });
  return admin;
}

type Fixtures = {
  /** A fresh registered user who owns `guild` (the same one whenever a test asks for owner, guild or channelId). */
  owner: TestUser;
  /** The owner's fresh guild. */
  guild: TestGuild;
  /** The id of the guild's #general channel. */
  channelId: string;
  /** A fresh registered user with no guild, a stranger to `owner`'s guild. */
  user: TestUser;
  /** The instance admin (email in ADMIN_EMAILS). */
  admin: TestUser;
  /** Owner, guild and channel made together, so the three fixtures always belong together. */
  ownerSetup: Awaited<ReturnType<typeof ownerWithGuild>>;
};

/**
 * Playwright's `test` with the common set-ups as fixtures, each made through the real API only when a test
 * names it. The callback is called `provide` rather than Playwright's usual `use`, which the React hooks lint
 * would take for a hook.
 */
export const test = base.extend<Fixtures>({
  ownerSetup: async ({ request }, provide) => provide(await ownerWithGuild(request)),
  owner: async ({ ownerSetup }, provide) => provide(ownerSetup.owner),
  guild: async ({ ownerSetup }, provide) => provide(ownerSetup.guild),
  channelId: async ({ ownerSetup }, provide) => provide(ownerSetup.channelId),
  user: async ({ request }, provide) => provide(await registerUser(request)),
  admin: async ({ request }, provide) => provide(await instanceAdmin(request)),
});

export { expect };

/** Asserts an error response: status from the shared error table, the `code`, and optionally a field path. */
export async function expectError(response: APIResponse, code: ErrorCode, field?: string) {
  const text = await response.text();
  expect(response.status(), text).toBe(ERROR_CODES[code].status);
  const body = JSON.parse(text);
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe("string");
  if (field !== undefined) {
    expect(
      body.errors?.map((e: { path: string }) => e.path),
      text,
    ).toContain(field);
  }
  return body;
}
