// Request parsing at the edge: JSON bodies and query strings validated by the shared zod schemas, every
// failure a 400 INVALID_FORM_BODY that names the field.
import { ApiError, invalidField, type FieldError } from "@/lib/errors";
import { zodIssuesToFieldErrors } from "@/lib/schemas/field-errors";
import { parseSnowflake } from "@/lib/snowflake";
import { resourceLimits } from "@/server/config/resource-limits";
import type { z } from "zod";

/**
 * The body as text, refused with 413 as soon as it passes `limit` bytes: a declared length is checked before
 * reading, and a chunked body is counted as it arrives, so nothing larger than the limit is ever held.
 */
async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new ApiError("PAYLOAD_TOO_LARGE");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new ApiError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** How a body that is not JSON is reported: the field path and element code of the 400. */
export type InvalidJsonError = { path: string; code: string };

const INVALID_JSON: InvalidJsonError = { path: "", code: "INVALID_JSON" };

export async function readJson(
  request: Request,
  invalidJson: InvalidJsonError = INVALID_JSON,
): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  const text = await readText(request, resourceLimits().requestBodyBytes);
  if (text.trim() === "") return {};
  if (type && !type.toLowerCase().includes("json")) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  try {
    return JSON.parse(text);
  } catch {
    throw invalidField(invalidJson.path, invalidJson.code, "The request body is not valid JSON");
  }
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  // reportInput: the issue then says what was sent, so a value of the wrong type reads INVALID_TYPE rather
  // than BASE_TYPE_REQUIRED (which zod can't tell apart otherwise). The value itself is never echoed back.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const errors: FieldError[] = zodIssuesToFieldErrors(result.error.issues);
  throw new ApiError("INVALID_FORM_BODY", { errors });
}

export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  invalidJson?: InvalidJsonError,
): Promise<z.infer<S>> {
  return validate(schema, await readJson(request, invalidJson));
}

/** The request's parsed URL: Next's own (NextRequest.nextUrl) when there is one, else parsed here. */
export function requestUrl(request: Request): URL {
  return (request as { nextUrl?: URL }).nextUrl ?? new URL(request.url);
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const url = requestUrl(request);
  return validate(schema, Object.fromEntries(url.searchParams.entries()));
}

/** A snowflake from the path; anything else is the given 404 so ids can't be probed by shape. */
export function pathId(
  value: string | undefined,
  notFound: ConstructorParameters<typeof ApiError>[0],
): bigint {
  const id = parseSnowflake(value);
  if (id === null) throw new ApiError(notFound);
  return id;
}
