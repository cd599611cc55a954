import { errorMessage } from "@/lib/error-message";
import { ApiError, ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { log } from "@/server/log";

/** A body already in its JSON text (a cached answer serialized once): json() sends it as it is. */
export class PreSerialized {
  constructor(readonly text: string) {}
}

function bigintToString(_key: string, value: unknown) {
  return typeof value === "bigint" ? value.toString() : value;
}

/** JSON text; a replacer (slow: called for every key) only when the value holds a bigint. */
function toJsonText(data: unknown): string {
  if (data instanceof PreSerialized) return data.text;
  try {
    return JSON.stringify(data);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(data, bigintToString);
  }
}

/** JSON response; bigint values (snowflakes) become decimal strings. */
export function json(
  data: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  // One plain object, converted once by Response: Headers.set() per header costs more on the hot path.
  const headers = {
    ...init.headers,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  };
  return new Response(toJsonText(data), { status: init.status ?? 200, headers });
}

/** 405 in the error envelope with `Allow` (proxy.ts for most routes, methodNotAllowedHandlers for the rest). */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return json(
    { code: "METHOD_NOT_ALLOWED", message: ERROR_CODES.METHOD_NOT_ALLOWED.message },
    { status: 405, headers: { allow: allowed.join(", ") } },
  );
}

/** Handlers for methods a route file lacks, answering the JSON 405 (not operations: the OpenAPI test skips them). */
export function methodNotAllowedHandlers(allowed: readonly string[]) {
  const handler = () => methodNotAllowed(allowed);
  return { PUT: handler, PATCH: handler, POST: handler, DELETE: handler };
}

export function errorResponse(code: ErrorCode, message?: string): Response {
  return json({ code, message: message ?? ERROR_CODES[code].message }, { status: ERROR_CODES[code].status });
}

function isDatabaseDown(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P01|57P03|08006|08001|Connection terminated|timeout exceeded when trying to connect|Can't reach database/i.test(
    text,
  );
}

/**
 * Turns any thrown value into the Fluxer error envelope; unknown errors are logged and masked. The client
 * gets a fixed message; the log line gets the real one (and, for a bug, the stack).
 */
export function toErrorResponse(error: unknown, requestLabel: string, requestId?: string): Response {
  if (error instanceof ApiError) {
    return json(error.toBody(), { status: error.status, headers: error.headers });
  }
  if (isDatabaseDown(error)) {
    log.error("database unavailable", {
      request_id: requestId,
      request: requestLabel,
      error: errorMessage(error),
    });
    return json(
      { code: "SERVICE_UNAVAILABLE", message: ERROR_CODES.SERVICE_UNAVAILABLE.message },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
  log.error("unhandled error", {
    request_id: requestId,
    request: requestLabel,
    error: errorMessage(error),
    stack: (error as Error | undefined)?.stack,
  });
  return json(
    { code: "INTERNAL_SERVER_ERROR", message: ERROR_CODES.INTERNAL_SERVER_ERROR.message },
    { status: 500 },
  );
}

/** 204 No Content: the answer of writes that return nothing. */
export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
