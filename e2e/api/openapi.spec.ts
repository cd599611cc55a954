// GET /api/v1/openapi.json: the generated OpenAPI 3.1 document covers every route handler in app/api/v1,
// shows the validators' real limits, names only real error codes, and its response schemas match what
// the server actually answers.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ERROR_CODES } from "../../lib/errors";
import {
  errorSchema,
  guildSchema,
  inviteSchema,
  partialUserSchema,
  vanityUrlSchema,
} from "../../lib/openapi/responses";
import { expect, registerUser, test } from "../fixtures";
import { anonymous, createInvite } from "../support/invites";
import type { APIRequestContext } from "@playwright/test";

const API_DIR = fileURLToPath(new URL("../../app/api/v1", import.meta.url));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

type Operation = {
  operationId: string;
  parameters: { name?: string; in?: string; $ref?: string }[];
  requestBody?: {
    content: { "application/json": { schema: { properties: Record<string, Record<string, unknown>> } } };
  };
  responses: Record<
    string,
    { content?: { "application/json"?: { schema: { properties?: { code?: { enum?: string[] } } } } } }
  >;
  "x-error-codes": string[];
};
type Document = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
};

/** Every `route.ts` under app/api/v1 with the HTTP methods it exports, as "METHOD /normalised/path". */
function routeHandlersOnDisk(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeHandlersOnDisk(full);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    const exported = new Set<string>();
    for (const match of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g))
      exported.add(match[1]!);
    for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}\s*=\s*(\w+)/g)) {
      if (match[2] === "methodNotAllowedHandlers") continue; // JSON 405s for methods the route lacks, not operations
      for (const name of match[1]!.split(",")) exported.add(name.trim().split(/\s+/)[0]!);
    }
    const routePath = `/${path.relative(API_DIR, path.dirname(full)).split(path.sep).join("/")}`.replace(
      /\/$/,
      "",
    );
    return [...exported]
      .filter((name) => METHODS.includes(name))
      .map((method) => `${method} ${normalise(routePath)}`);
  });
}

/** `[userId]`, `{user_id}` and the literal `@me` (served by the `[userId]` folder) all become `{}`. */
function normalise(routePath: string): string {
  return routePath
    .split("/")
    .map((segment) =>
      /^\[.+\]$/.test(segment) || /^\{.+\}$/.test(segment) || segment === "@me" ? "{}" : segment,
    )
    .join("/");
}

async function fetchDocument(request: APIRequestContext): Promise<Document> {
  const response = await request.get("/api/v1/openapi.json", { headers: anonymous() });
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toContain("public");
  return response.json();
}

test.describe("OpenAPI document: GET /api/v1/openapi.json", () => {
  test("is public OpenAPI 3.1 for this server and documents every route handler in app/api/v1", async ({
    request,
  }) => {
    const document = await fetchDocument(request);
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.servers).toEqual([
      { url: `${test.info().project.use.baseURL}/api/v1`, description: expect.any(String) },
    ]);
    expect(JSON.stringify(document)).not.toContain("fluxer.chat");

    const onDisk = routeHandlersOnDisk();
    expect(onDisk.length).toBeGreaterThanOrEqual(30);
    const documented = Object.entries(document.paths).flatMap(([p, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${normalise(p)}`),
    );
    const undocumented = onDisk.filter((handler) => !documented.includes(handler));
    expect(undocumented, "route handlers without an entry in lib/openapi/routes.ts").toEqual([]);
    const stale = documented.filter((operation) => !onDisk.includes(operation));
    expect(stale, "documented operations with no route handler").toEqual([]);
  });

  test("the create-invite body comes from the zod schema: max_age 0-604800, max_uses 0-100", async ({
    request,
  }) => {
    const document = await fetchDocument(request);
    const create = document.paths["/channels/{channel_id}/invites"]?.post;
    const properties = create?.requestBody?.content["application/json"].schema.properties;
    expect(properties?.max_age).toMatchObject({
      type: "integer",
      minimum: 0,
      maximum: 604800,
      default: 86400,
    });
    expect(properties?.max_uses).toMatchObject({ type: "integer", minimum: 0, maximum: 100, default: 0 });
    expect(properties?.temporary).toMatchObject({ type: "boolean", default: false });
    expect(properties?.unique).toMatchObject({ type: "boolean", default: true });
    const query = document.paths["/invites/{invite_code}"]?.get?.parameters
      .filter((p) => p.in === "query")
      .map((p) => p.name);
    expect(query).toEqual(["with_counts", "with_expiration"]);
  });

  test("every documented error code exists in lib/errors.ts and sits under its status", async ({
    request,
  }) => {
    const document = await fetchDocument(request);
    let checked = 0;
    for (const [p, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const label = `${method.toUpperCase()} ${p}`;
        expect(operation["x-error-codes"].length, label).toBeGreaterThan(0);
        for (const code of operation["x-error-codes"])
          expect(Object.keys(ERROR_CODES), label).toContain(code);
        for (const [status, response] of Object.entries(operation.responses)) {
          for (const code of response.content?.["application/json"]?.schema.properties?.code?.enum ?? []) {
            expect(Object.keys(ERROR_CODES), label).toContain(code);
            const expected = ERROR_CODES[code as keyof typeof ERROR_CODES].status;
            expect(status, `${label}: ${code}`).toBe(expected >= 500 ? "5XX" : String(expected));
            expect(operation["x-error-codes"], label).toContain(code);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    const errorComponent = document.components.schemas?.Error as { properties: { code: { enum: string[] } } };
    expect(errorComponent.properties.code.enum.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  test("live answers match the documented response schemas (invite, guild, vanity, user, error)", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const created = await createInvite(request, owner, channelId, { max_uses: 5 });
    expect(() => inviteSchema.parse(created)).not.toThrow();
    const preview = await request.get(
      `/api/v1/invites/${created.code}?with_counts=true&with_expiration=true`,
      { headers: anonymous() },
    );
    expect(inviteSchema.safeParse(await preview.json()).error).toBeUndefined();
    const guildResponse = await request.post("/api/v1/guilds", {
      data: { name: "schema check" },
      headers: owner.headers,
    });
    expect(guildSchema.safeParse(await guildResponse.json()).error).toBeUndefined();
    const vanity = await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers });
    expect(vanityUrlSchema.safeParse(await vanity.json()).error).toBeUndefined();
    const stranger = await registerUser(request);
    expect(partialUserSchema.safeParse(created.inviter).error).toBeUndefined();
    const denied = await request.get(`/api/v1/guilds/${guild.id}/invites`, { headers: stranger.headers });
    expect(denied.status()).toBe(403);
    expect(errorSchema.safeParse(await denied.json()).error).toBeUndefined();
    const invalid = await request.post(`/api/v1/channels/${channelId}/invites`, {
      data: { max_age: -1 },
      headers: owner.headers,
    });
    expect(invalid.status()).toBe(400);
    expect(errorSchema.safeParse(await invalid.json()).error).toBeUndefined();
  });
});
