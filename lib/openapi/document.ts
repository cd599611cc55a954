// Builds the OpenAPI 3.1 document of /api/v1 from the route registry (./routes.ts). Request bodies and
// query strings come from the handlers' own zod schemas through zod's JSON Schema conversion (input side:
// defaults make a field optional, transforms are described by what they accept); response shapes from
// ./responses.ts. Pure: the caller passes the server URL (APP_URL at request time).
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import packageJson from "@/package.json";
import { errorSchema, responseRegistry } from "./responses";
import { API_ROUTES, PATH_PARAMETERS, TAGS, type ApiRoute } from "./routes";

export type JsonSchema = Record<string, unknown>;

export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: JsonSchema[];
  requestBody?: { required: boolean; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<
    string,
    {
      description: string;
      content?: Record<string, { schema: JsonSchema }>;
      headers?: Record<string, JsonSchema>;
    }
  >;
  "x-error-codes": ErrorCode[];
};

export type OpenApiDocument = {
  openapi: string;
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
    parameters: Record<string, JsonSchema>;
    headers: Record<string, JsonSchema>;
  };
};

const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;
const JSON_TYPE = "application/json";
const SAFE_INTEGER_BOUND = Number.MAX_SAFE_INTEGER;

/** Drops what doesn't belong inside an OpenAPI document: per-schema `$schema`/`$id`, and the ±2^53 bounds zod adds to every `.int()`. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema" || key === "$id") continue;
    if (
      (key === "minimum" && value === -SAFE_INTEGER_BOUND) ||
      (key === "maximum" && value === SAFE_INTEGER_BOUND)
    )
      continue;
    out[key] = tidy(value);
  }
  return out;
}

/** A request schema as JSON Schema: what the validator accepts. */
export function requestJsonSchema(schema: z.ZodType): JsonSchema {
  return tidy(z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" })) as JsonSchema;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(responseRegistry, {
    target: "draft-2020-12",
    io: "output",
    uri: SCHEMA_REF,
  });
  return tidy(schemas) as Record<string, JsonSchema>;
}

/** The components id of a registered response schema. */
function componentId(schema: z.ZodType): string {
  const id = responseRegistry.get(schema)?.id;
  if (!id)
    throw new Error("Response schemas must be registered in responseRegistry (lib/openapi/responses.ts)");
  return id;
}

/** Errors the route wrapper and request parsing can answer on a route of this kind. */
export function wrapperErrorCodes(route: ApiRoute): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (route.auth !== "none") codes.push("UNAUTHORIZED");
  if (route.auth === "user") codes.push("ACCESS_DENIED");
  if (route.auth !== "none" && route.method !== "GET") codes.push("INVALID_ORIGIN");
  if (route.body) codes.push("INVALID_FORM_BODY", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE");
  if (route.query) codes.push("INVALID_FORM_BODY");
  codes.push("RATE_LIMITED", "INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE");
  return codes;
}

/** Every error code the route can answer, in the error table's order. */
export function routeErrorCodes(route: ApiRoute): ErrorCode[] {
  const all = new Set<ErrorCode>([...route.errors, ...wrapperErrorCodes(route)]);
  return (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => all.has(code));
}

type SecurityRequirement = Record<string, string[]>;
const USER_SCHEMES: SecurityRequirement[] = [{ userToken: [] }, { bearerToken: [] }, { sessionCookie: [] }];
const ANY_SCHEMES: SecurityRequirement[] = [
  { userToken: [] },
  { bearerToken: [] },
  { botToken: [] },
  { sessionCookie: [] },
];

function security(route: ApiRoute): SecurityRequirement[] {
  switch (route.auth) {
    case "none":
      return [];
    case "optional":
      return [{}, ...ANY_SCHEMES];
    case "user":
      return USER_SCHEMES;
    case "bot-or-user":
      return ANY_SCHEMES;
  }
}

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const parameter = PATH_PARAMETERS[name ?? ""];
    if (!parameter)
      throw new Error(`Path parameter {${name}} of ${path} is not described in PATH_PARAMETERS`);
    return { name, in: "path", required: true, description: parameter.description, schema: parameter.schema };
  });
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = requestJsonSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

function requestBody(route: ApiRoute, schema: z.ZodType): NonNullable<OpenApiOperation["requestBody"]> {
  const json = requestJsonSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  for (const [field, note] of Object.entries(route.bodyFieldNotes ?? {})) {
    const property = properties[field];
    if (!property)
      throw new Error(`${route.method} ${route.path}: bodyFieldNotes names unknown field ${field}`);
    property.description =
      typeof property.description === "string" ? `${property.description}. ${note}` : note;
  }
  const isRequired = Array.isArray(json.required) && json.required.length > 0;
  return { required: isRequired, content: { [JSON_TYPE]: { schema: json } } };
}

function successResponse(route: ApiRoute): OpenApiOperation["responses"][string] {
  const { description, schema, array, status } = route.success;
  if (status === 204) return { description };
  if (!schema) return { description, content: { [JSON_TYPE]: { schema: { type: "object" } } } };
  const ref = { $ref: SCHEMA_REF(componentId(schema)) };
  return { description, content: { [JSON_TYPE]: { schema: array ? { type: "array", items: ref } : ref } } };
}

const RATE_LIMIT_HEADERS = [
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
  "X-RateLimit-Reset-After",
  "X-RateLimit-Bucket",
];

function errorResponses(codes: ErrorCode[]): OpenApiOperation["responses"] {
  const errorRef = SCHEMA_REF(componentId(errorSchema));
  const byStatus = new Map<string, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CODES[code].status;
    const key = status >= 500 ? "5XX" : String(status);
    byStatus.set(key, [...(byStatus.get(key) ?? []), code]);
  }
  const responses: OpenApiOperation["responses"] = {};
  for (const [status, statusCodes] of byStatus) {
    responses[status] = {
      description: statusCodes.map((code) => `${code}: ${ERROR_CODES[code].message}`).join("; "),
      content: {
        [JSON_TYPE]: { schema: { allOf: [{ $ref: errorRef }], properties: { code: { enum: statusCodes } } } },
      },
      ...(status === "429"
        ? {
            headers: Object.fromEntries(
              ["Retry-After", "X-RateLimit-Global", ...RATE_LIMIT_HEADERS].map((name) => [
                name,
                { $ref: `#/components/headers/${name}` },
              ]),
            ),
          }
        : {}),
    };
  }
  return responses;
}

function operation(route: ApiRoute): OpenApiOperation {
  const codes = routeErrorCodes(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    security: security(route),
    parameters: [
      ...pathParameters(route.path),
      ...(route.query ? queryParameters(route.query) : []),
      ...(route.auditLogReason ? [{ $ref: "#/components/parameters/AuditLogReason" }] : []),
    ],
    ...(route.body ? { requestBody: requestBody(route, route.body) } : {}),
    responses: { [String(route.success.status)]: successResponse(route), ...errorResponses(codes) },
    "x-error-codes": codes,
  };
}

const DESCRIPTION = [
  "The REST API of Fluxer Invites, faithful to Fluxer's Invite Resource. JSON in and out; ids are snowflakes as decimal strings; timestamps ISO 8601 UTC.",
  "Authenticate with `Authorization: <token>` or `Authorization: Bearer <token>` (user tokens from /auth/register or /auth/login), `Authorization: Bot <token>` (bot tokens from /applications), or the browser session cookie (writes must then come from the app's own origin).",
  "Every error is `{code, message}` with a stable code; 400 INVALID_FORM_BODY adds `errors: [{path, code, message}]`. Every route is rate limited per caller (user, else client address) with a global 50 requests per second; a 429 carries `retry_after` and `global`.",
  "Generated from the zod schemas that validate the requests.",
].join("\n\n");

function securitySchemes(): Record<string, JsonSchema> {
  return {
    userToken: {
      type: "apiKey",
      in: "header",
      name: "Authorization",
      description: "A user API token sent as is: `Authorization: flx_…`",
    },
    bearerToken: {
      type: "http",
      scheme: "bearer",
      description: "A user API token: `Authorization: Bearer flx_…`",
    },
    botToken: {
      type: "apiKey",
      in: "header",
      name: "Authorization",
      description: "A bot token: `Authorization: Bot flxb_…`",
    },
    sessionCookie: {
      type: "apiKey",
      in: "cookie",
      name: "authjs.session-token",
      description:
        "The browser session (`__Secure-authjs.session-token` over HTTPS). Writes must come from the app's own Origin, else 403 INVALID_ORIGIN.",
    },
  };
}

function headerComponents(): Record<string, JsonSchema> {
  const text = (description: string) => ({ description, schema: { type: "string" } });
  return {
    "Retry-After": text("Whole seconds to wait before retrying"),
    "X-RateLimit-Global": text("`true` when the global per-caller limit was hit"),
    "X-RateLimit-Limit": text("Requests allowed in the bucket's window"),
    "X-RateLimit-Remaining": text("Requests left in the window"),
    "X-RateLimit-Reset": text("When the window resets (epoch seconds)"),
    "X-RateLimit-Reset-After": text("Seconds until the window resets"),
    "X-RateLimit-Bucket": text("The bucket's name"),
  };
}

export type BuildOptions = { serverUrl: string; version?: string; routes?: readonly ApiRoute[] };

/** The OpenAPI 3.1 document for the given server URL (`{APP_URL}/api/v1`). */
export function buildOpenApiDocument(options: BuildOptions): OpenApiDocument {
  const routes = options.routes ?? API_ROUTES;
  const paths: OpenApiDocument["paths"] = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    if (operationIds.has(route.operationId)) throw new Error(`Duplicate operationId ${route.operationId}`);
    operationIds.add(route.operationId);
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase();
    if (item[method]) throw new Error(`${route.method} ${route.path} is registered twice`);
    item[method] = operation(route);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Fluxer Invites API",
      version: options.version ?? packageJson.version,
      description: DESCRIPTION,
    },
    servers: [{ url: options.serverUrl, description: "This instance" }],
    tags: TAGS.map((tag) => ({ ...tag })),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: securitySchemes(),
      parameters: {
        AuditLogReason: {
          name: "X-Audit-Log-Reason",
          in: "header",
          required: false,
          description: "Why, for the guild's audit log (at most 512 characters)",
          schema: { type: "string", maxLength: 512 },
        },
      },
      headers: headerComponents(),
    },
  };
}

/** `{APP_URL}/api/v1` without a trailing slash. */
export function apiServerUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/v1`;
}
