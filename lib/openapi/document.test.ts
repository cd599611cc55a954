import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import packageJson from "@/package.json";
import { apiServerUrl, buildOpenApiDocument, routeErrorCodes, type JsonSchema } from "./document";
import { inviteSchema } from "./responses";
import { API_ROUTES, PATH_PARAMETERS, type ApiRoute } from "./routes";

const document = buildOpenApiDocument({ serverUrl: "https://invites.example.org/api/v1" });
const operation = (path: string, method: string) => {
  const found = document.paths[path]?.[method];
  assert.ok(found, `${method.toUpperCase()} ${path} is documented`);
  return found;
};

// Fluxer's Invite object, field by field: the wire shape its clients read.
const FLUXER_INVITE_FIELDS = [
  "code",
  "type",
  "guild",
  "guild_id",
  "channel",
  "channel_id",
  "inviter",
  "inviter_id",
  "created_at",
  "expires_at",
  "uses",
  "max_uses",
  "max_age",
  "temporary",
  "approximate_member_count",
  "approximate_presence_count",
  "flags",
  "roles",
  "version",
];

function collectRefs(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, into));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") into.push(value);
      else collectRefs(value, into);
    }
  }
  return into;
}

function resolve(pointer: string): unknown {
  assert.ok(pointer.startsWith("#/"), `${pointer} is a local reference`);
  return pointer
    .slice(2)
    .split("/")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      document,
    );
}

describe("buildOpenApiDocument", () => {
  it("is an OpenAPI 3.1 document for the given server, versioned like the app", () => {
    assert.equal(document.openapi, "3.1.0");
    assert.deepEqual(
      document.servers.map((server) => server.url),
      ["https://invites.example.org/api/v1"],
    );
    assert.equal(document.info.version, packageJson.version);
    assert.ok(!JSON.stringify(document).includes("fluxer.chat"), "never points at fluxer.chat");
  });

  it("documents every registered route once, with its path parameters", () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    assert.equal(operations.length, API_ROUTES.length);
    for (const route of API_ROUTES) {
      const op = operation(route.path, route.method.toLowerCase());
      const names = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
      assert.deepEqual(
        names,
        [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        `${route.method} ${route.path}`,
      );
    }
    assert.equal(
      new Set(API_ROUTES.map((route) => route.operationId)).size,
      API_ROUTES.length,
      "operationIds are unique",
    );
  });

  it("takes the create-invite body from the zod schema the handler validates with", () => {
    const body = operation("/channels/{channel_id}/invites", "post").requestBody;
    assert.ok(body);
    assert.equal(body.required, false, "every field has a default, so {} is a valid body");
    const properties = body.content["application/json"].schema.properties as Record<string, JsonSchema>;
    assert.deepEqual(properties.max_age, { default: 86400, type: "integer", minimum: 0, maximum: 604800 });
    assert.deepEqual(properties.max_uses, { default: 0, type: "integer", minimum: 0, maximum: 100 });
    assert.deepEqual(properties.temporary, { default: false, type: "boolean" });
    assert.deepEqual(properties.unique, { default: true, type: "boolean" });
  });

  it("follows a schema change: a different body schema gives a different document", () => {
    const route: ApiRoute = {
      method: "POST",
      path: "/things/{guild_id}",
      operationId: "makeThing",
      summary: "x",
      tags: ["Meta"],
      auth: "bot-or-user",
      body: z.object({ size: z.number().int().min(1).max(7), label: z.string().max(3) }),
      query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
      success: { status: 200, description: "ok" },
      errors: ["UNKNOWN_GUILD"],
    };
    const op = buildOpenApiDocument({ serverUrl: "http://x/api/v1", routes: [route] }).paths[
      "/things/{guild_id}"
    ]?.post;
    assert.ok(op?.requestBody);
    const schema = op.requestBody.content["application/json"].schema;
    assert.deepEqual(schema.required, ["size", "label"]);
    assert.equal(op.requestBody.required, true);
    assert.deepEqual((schema.properties as Record<string, JsonSchema>).size, {
      type: "integer",
      minimum: 1,
      maximum: 7,
    });
    assert.deepEqual(
      op.parameters.find((p) => p.name === "page"),
      { name: "page", in: "query", required: false, schema: { default: 1, type: "integer", minimum: 1 } },
    );
  });

  it("describes the GET invite query flags and the vanity code rules", () => {
    const query = operation("/invites/{invite_code}", "get").parameters.filter((p) => p.in === "query");
    assert.deepEqual(
      query.map((p) => p.name),
      ["with_counts", "with_expiration"],
    );
    for (const parameter of query)
      assert.deepEqual((parameter.schema as JsonSchema).enum, ["0", "1", "true", "false"]);
    const vanity = operation("/guilds/{guild_id}/vanity-url", "patch").requestBody?.content[
      "application/json"
    ].schema;
    assert.deepEqual(vanity?.required, ["code"]);
    const code = (vanity?.properties as Record<string, JsonSchema>).code;
    assert.deepEqual(code?.type, ["string", "null"]);
    assert.match(String(code?.description), /3-32/);
  });

  it("lists only error codes from lib/errors.ts, each under its own status, plus what the wrapper answers", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const label = `${method.toUpperCase()} ${path}`;
        for (const code of op["x-error-codes"]) assert.ok(code in ERROR_CODES, `${label}: ${code}`);
        assert.ok(op["x-error-codes"].includes("RATE_LIMITED"), `${label} can be rate limited`);
        for (const [status, response] of Object.entries(op.responses)) {
          const schema = response.content?.["application/json"]?.schema;
          const codes = ((schema?.properties as Record<string, JsonSchema> | undefined)?.code?.enum ??
            []) as ErrorCode[];
          for (const code of codes) {
            const expected = ERROR_CODES[code].status;
            assert.equal(
              status,
              expected >= 500 ? "5XX" : String(expected),
              `${label}: ${code} under ${status}`,
            );
          }
        }
        assert.ok(op.responses["429"]?.headers?.["Retry-After"], `${label}: 429 carries Retry-After`);
      }
    }
    const accept = operation("/invites/{invite_code}", "post")["x-error-codes"];
    for (const code of [
      "UNKNOWN_INVITE",
      "UNAUTHORIZED",
      "ACCESS_DENIED",
      "INVALID_ORIGIN",
      "USER_BANNED_FROM_GUILD",
    ] as const)
      assert.ok(accept.includes(code), code);
    const preview = operation("/invites/{invite_code}", "get")["x-error-codes"];
    assert.ok(preview.includes("INVALID_FORM_BODY"), "a bad query flag is a 400");
    assert.ok(!preview.includes("INVALID_ORIGIN"), "a GET needs no Origin");
    const register = operation("/auth/register", "post")["x-error-codes"];
    assert.ok(!register.includes("UNAUTHORIZED") && register.includes("UNSUPPORTED_MEDIA_TYPE"));
  });

  it("routeErrorCodes keeps the error table's order and drops duplicates", () => {
    const route = API_ROUTES.find((r) => r.operationId === "createChannelInvite");
    assert.ok(route);
    const codes = routeErrorCodes(route);
    const order = Object.keys(ERROR_CODES);
    assert.deepEqual(
      codes,
      [...new Set(codes)].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
  });

  it("offers each way of authenticating, per route kind", () => {
    const schemes = document.components.securitySchemes;
    assert.deepEqual(schemes.userToken, {
      type: "apiKey",
      in: "header",
      name: "Authorization",
      description: schemes.userToken?.description,
    });
    assert.equal(schemes.bearerToken?.scheme, "bearer");
    assert.equal(schemes.botToken?.name, "Authorization");
    assert.match(String(schemes.botToken?.description), /Bot /);
    assert.deepEqual(
      [schemes.sessionCookie?.in, schemes.sessionCookie?.name],
      ["cookie", "authjs.session-token"],
    );
    const names = (path: string, method: string) =>
      operation(path, method).security.map((requirement) => Object.keys(requirement).join("+"));
    assert.deepEqual(
      names("/invites/{invite_code}", "get"),
      ["", "userToken", "bearerToken", "botToken", "sessionCookie"],
      "anonymous works",
    );
    assert.deepEqual(
      names("/invites/{invite_code}", "post"),
      ["userToken", "bearerToken", "sessionCookie"],
      "no bots",
    );
    assert.deepEqual(names("/invites/{invite_code}", "delete"), [
      "userToken",
      "bearerToken",
      "botToken",
      "sessionCookie",
    ]);
    assert.deepEqual(names("/auth/login", "post"), []);
  });

  it("resolves every $ref inside the document", () => {
    const refs = collectRefs(document);
    assert.ok(refs.length > 50);
    for (const ref of new Set(refs)) assert.ok(resolve(ref) !== undefined, ref);
  });

  it("emits the invite object with exactly Fluxer's invite fields and no schema noise", () => {
    const invite = document.components.schemas.Invite as JsonSchema;
    assert.deepEqual(Object.keys(invite.properties as object), FLUXER_INVITE_FIELDS);
    assert.deepEqual(Object.keys(inviteSchema.shape), FLUXER_INVITE_FIELDS);
    assert.equal(invite.additionalProperties, false);
    const text = JSON.stringify(document);
    assert.ok(!text.includes("9007199254740991") && !text.includes('"$schema"') && !text.includes('"$id"'));
  });

  it("refuses a route whose path parameter is not described, or a duplicate route", () => {
    const base: ApiRoute = {
      method: "GET",
      path: "/x/{nope}",
      operationId: "x",
      summary: "x",
      tags: [],
      auth: "none",
      success: { status: 200, description: "x" },
      errors: [],
    };
    assert.throws(() => buildOpenApiDocument({ serverUrl: "http://x", routes: [base] }), /nope/);
    const ok = { ...base, path: "/x/{guild_id}" };
    assert.throws(
      () => buildOpenApiDocument({ serverUrl: "http://x", routes: [ok, { ...ok, operationId: "y" }] }),
      /twice/,
    );
    assert.throws(
      () =>
        buildOpenApiDocument({
          serverUrl: "http://x",
          routes: [ok, { ...ok, path: "/y", operationId: "x" }],
        }),
      /Duplicate operationId/,
    );
    assert.ok(Object.keys(PATH_PARAMETERS).includes("guild_id"));
  });
});

describe("apiServerUrl", () => {
  it("appends /api/v1 to APP_URL once", () => {
    assert.equal(apiServerUrl("http://localhost:3000"), "http://localhost:3000/api/v1");
    assert.equal(apiServerUrl("https://chat.example.org/"), "https://chat.example.org/api/v1");
  });
});
