// Landing views answered by the HTTP server from a kept page, before Next (scripts/http-server.mjs calls the
// function registered here, as it does the event-stream gate). Measured here (docs/benchmarks.md): a page
// with nothing but a path parameter renders at ~0.19× the static page, and Next's Cache Components make every
// request-time render 2-3× dearer and send a 200 before a page can answer 404, so no Next render of a
// signed-in view reaches the targets; a kept page with two values written in is a buffer write. See
// kept-landing-pages.ts for what is kept and when it goes, and docs/architecture.md#caching for the design.
//
// A request is answered here only when all of this holds, else Next serves it exactly as it would anyway:
// - GET or HEAD, no query string, none of Next's router headers (RSC, prefetch, state tree, server actions);
// - the path is exactly /invite/{code} or /{code}, with the code spelled as the invite's own code (no case
//   variant, percent-encoding, dot segment or trailing slash), and the preview cache holds that code's entry;
// - the entry holds the page of this URL form and language;
// - signed in: the session cookie decodes (Auth.js's own decode, secret and cookie name) and its session
//   version is current; anything else is Next's to answer.
// The unknown-code gate comes first, as proxy.ts applies it to the views Next serves.
//
// A GET of such a URL whose entry holds no page yet is the capture: Next renders it as a signed-out view (the
// request's session cookies removed), the answer is held, kept when it is a plain 200 HTML page without
// Set-Cookie, and sent to this request's own viewer as a kept page is. One capture per page at a time; views
// meanwhile go to Next as they are.
import { gzipSync } from "node:zlib";
import { decode, type JWT } from "next-auth/jwt";
import { isLookupCode } from "@/lib/invite-code";
import { processState } from "@/lib/process-state";
import { isReservedCode } from "@/lib/reserved-codes";
import { countView } from "@/server/analytics/counters";
import { viewSourceOfMessage } from "@/server/analytics/view-source";
import { SESSION_COOKIES } from "@/server/auth/caller";
import { isSessionCurrent, currentSessionVersion } from "@/server/auth/session-version";
import { isSecureApp } from "@/server/config/app-url";
import { isRouterRequest, registerFastPath } from "@/server/http/fast-path";
import {
  cachedPreview,
  isEnabled,
  previewCacheState,
  type CachedPreview,
  type KeptLandingPage,
} from "@/server/invites/preview-cache-store";
import { log } from "@/server/log";
import {
  keepLandingPage,
  keptPage,
  landingLanguage,
  landingPageFrom,
  landingVariantKey,
  pageForViewer,
  type LandingUrlForm,
} from "./kept-landing-pages";
import { signedInViewerKind } from "./landing-viewer";
import { lookupBlockedFor, slowDownAnswer } from "./lookup-limit";
import type { LandingViewerKind } from "@/lib/landing-viewer";
import type { IncomingMessage, ServerResponse } from "node:http";

type LandingTarget = { code: string; form: LandingUrlForm };

/** The landing URL this request is for, when it is one a kept page may answer: the exact spelling only. */
function landingTarget(request: IncomingMessage): LandingTarget | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = request.url ?? "";
  if (url.includes("?") || url.includes("#")) return null;
  const match = /^\/(?:(invite)\/)?([A-Za-z0-9-]+)$/.exec(url);
  if (!match) return null;
  const code = match[2]!;
  if (!isLookupCode(code) || isReservedCode(code)) return null;
  if (isRouterRequest(request)) return null;
  return { code, form: match[1] ? "invite" : "short" };
}

/** Cookie name → value; a name that appears twice keeps its first value, as Auth.js's parser does. */
function cookiesOf(request: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of String(request.headers.cookie ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    if (name && !jar.has(name)) jar.set(name, pair.slice(at + 1).trim());
  }
  return jar;
}

function hasSessionCookie(jar: Map<string, string>): boolean {
  for (const name of jar.keys())
    if (SESSION_COOKIES.some((session) => name === session || name.startsWith(`${session}.`))) return true;
  return false;
}

// The cookie Auth.js reads, and the secrets it tries, in its order (next-auth's setEnvDefaults).
const SESSION_COOKIE = isSecureApp() ? "__Secure-authjs.session-token" : "authjs.session-token";

function authSecrets(): string[] {
  const secrets = [process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET].filter(
    (secret): secret is string => !!secret,
  );
  for (const i of [1, 2, 3]) {
    const secret = process.env[`AUTH_SECRET_${i}`];
    if (secret) secrets.unshift(secret);
  }
  return secrets;
}

// Decoding a session costs a key derivation and a decryption (~0.5 ms here), so this instance remembers what
// recently seen session cookies decode to, for at most a minute and never past the session's own expiry. The
// session version is still checked on every view, so a revoked session ends here as soon as anywhere else.
const DECODED_MS = 60_000;
const MAX_DECODED = 10_000;
const decoded = processState<Map<string, { payload: JWT; until: number }>>(
  "__fluxerDecodedSessions",
  () => new Map(),
);

async function decodedSession(token: string, now = Date.now()): Promise<JWT | null> {
  const known = decoded.get(token);
  if (known && now < known.until) return known.payload;
  const secrets = authSecrets();
  if (secrets.length === 0) return null;
  let payload: JWT | null;
  try {
    payload = await decode({ token, secret: secrets, salt: SESSION_COOKIE });
  } catch {
    return null;
  }
  if (!payload) return null;
  const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : now;
  decoded.delete(token);
  if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { payload, until: Math.min(now + DECODED_MS, expiresAt) });
  return payload;
}

/**
 * The signed-in user of this cookie jar as the page's own load would find them (Auth.js decodes the session,
 * the jwt callback checks the session version), or null when Next must decide: a session that doesn't
 * decode, is revoked, is split over several cookies or sits under a cookie name Auth.js doesn't read here.
 */
async function sessionUser(jar: Map<string, string>): Promise<{ id: bigint; name: string } | null> {
  const token = jar.get(SESSION_COOKIE);
  if (!token) return null;
  const payload = await decodedSession(token);
  const sub = payload?.sub;
  if (!payload || typeof sub !== "string" || !/^\d+$/.test(sub)) return null;
  const id = BigInt(sub);
  if (!isSessionCurrent(payload.sv, await currentSessionVersion(id))) return null;
  return { id, name: typeof payload.name === "string" ? payload.name : "you" };
}

function acceptsGzip(request: IncomingMessage): boolean {
  return /\bgzip\b/i.test(String(request.headers["accept-encoding"] ?? ""));
}

/** Sends a kept page: the stored bytes for a signed-out viewer (gzipped once), the viewer's values set for others. */
function sendPage(
  request: IncomingMessage,
  response: ServerResponse,
  page: KeptLandingPage,
  viewer: LandingViewerKind,
  name: string,
) {
  const gzip = acceptsGzip(request);
  let parts = pageForViewer(page, viewer, name);
  if (gzip) parts = viewer === "anonymous" && page.gzip ? [page.gzip] : [gzipParts(parts)];
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  response.writeHead(200, {
    ...page.headers,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    "content-length": String(length),
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  response.cork();
  for (const part of parts) response.write(part);
  response.end();
}

/** A signed-in page is gzipped per response (the kept gzip is the anonymous page's). */
function gzipParts(parts: Buffer[]): Buffer {
  return gzipSync(Buffer.concat(parts));
}

type Viewer = { kind: LandingViewerKind; name: string };

/**
 * Hands the request to Next as a signed-out view (session cookies and Accept-Encoding removed) and holds its
 * answer: a plain 200 HTML page without cookies is kept on the entry (when the entry is still current) and
 * then sent as a kept page is, for this request's own viewer; anything else (a 404 of an invite revoked
 * meanwhile, a 429, an error) is sent on as Next wrote it. `viewer` resolves to this request's viewer.
 */
function captureFromNext(
  request: IncomingMessage,
  response: ServerResponse,
  entry: CachedPreview,
  key: string,
  viewer: Promise<Viewer>,
  next: () => void,
) {
  const capturing = (entry.capturing ??= new Set());
  capturing.add(key);
  const release = () => capturing.delete(key);
  response.once("close", release);
  delete request.headers["accept-encoding"];
  withoutSessionCookies(request);

  const chunks: Buffer[] = [];
  const hold = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array),
    );
  };
  // Put back onto this same response when Next is done, so they keep their receiver.
  /* eslint-disable @typescript-eslint/unbound-method */
  const real = {
    writeHead: response.writeHead,
    write: response.write,
    end: response.end,
    flushHeaders: response.flushHeaders,
  };
  /* eslint-enable @typescript-eslint/unbound-method */
  // Nothing reaches the client until Next has finished: headers stay on the response object, bytes here.
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    this.statusCode = status;
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(headers))
      for (let i = 0; i + 1 < headers.length; i += 2)
        this.appendHeader(String(headers[i]), headers[i + 1] as string);
    else if (headers)
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined) this.setHeader(name, value as string);
    return this;
  };
  response.flushHeaders = () => {};
  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    hold(chunk, encoding);
    if (typeof encoding === "function") (encoding as () => void)();
    else if (typeof callback === "function") (callback as () => void)();
    return true;
  }) as ServerResponse["write"];
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    hold(chunk, encoding);
    Object.assign(response, real);
    release();
    const body = Buffer.concat(chunks);
    void finishCapture(request, response, entry, key, body, viewer).then(
      () => {
        if (typeof encoding === "function") (encoding as () => void)();
        else if (typeof callback === "function") (callback as () => void)();
      },
      (error) => {
        log.error("landing capture failed", { error: String(error) });
        response.destroy();
      },
    );
    return response;
  }) as ServerResponse["end"];
  next();
}

async function finishCapture(
  request: IncomingMessage,
  response: ServerResponse,
  entry: CachedPreview,
  key: string,
  body: Buffer,
  viewer: Promise<Viewer>,
) {
  const page = isKeepable(response) ? landingPageFrom(body, keptHeaders(response)) : null;
  if (!page) {
    // Not a page for everyone (an error, a redirect, a 404 or 429, a cookie): Next's answer as it wrote it.
    response.end(body);
    return;
  }
  keepLandingPage(entry, key, page);
  const { kind, name } = await viewer;
  for (const header of response.getHeaderNames()) response.removeHeader(header);
  sendPage(request, response, page, kind, name);
}

/** Removes the session cookies from a request, so Next renders it as a signed-out view. */
function withoutSessionCookies(request: IncomingMessage) {
  const kept = String(request.headers.cookie ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .filter(
      (pair) =>
        pair &&
        !SESSION_COOKIES.some((session) => pair.startsWith(`${session}=`) || pair.startsWith(`${session}.`)),
    );
  if (kept.length > 0) request.headers.cookie = kept.join("; ");
  else delete request.headers.cookie;
}

function isKeepable(response: ServerResponse): boolean {
  const type = String(response.getHeader("content-type") ?? "");
  return (
    response.statusCode === 200 &&
    type.startsWith("text/html") &&
    response.getHeader("set-cookie") === undefined &&
    response.getHeader("content-encoding") === undefined
  );
}

/** The headers Next sent with the page, less those that belong to one response or one connection. */
const NOT_KEPT = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "set-cookie",
]);

function keptHeaders(response: ServerResponse): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value === undefined || NOT_KEPT.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return kept;
}

/**
 * Answers a landing view from a kept page, or hands the request to Next (`next`), capturing Next's answer when
 * it may become the kept page. Never throws: a failure here is logged and the request goes to Next.
 */
export async function serveLandingView(
  request: IncomingMessage,
  response: ServerResponse,
  address: string,
  next: () => void,
): Promise<void> {
  const target = landingTarget(request);
  const entry = target && isEnabled() ? cachedPreview(target.code) : null;
  if (!target || !entry) return next();
  const key = landingVariantKey(target.form, landingLanguage(request.headers["accept-language"]));
  const page = keptPage(entry, key);
  const jar = cookiesOf(request);
  const signedIn = hasSessionCookie(jar);
  try {
    if (!page) {
      // No page yet: this view is rendered by Next as a signed-out view and becomes the page, one at a time.
      // A HEAD has no body to keep; a session that doesn't pass is Next's to answer as it is.
      if (request.method !== "GET" || entry.capturing?.has(key)) return next();
      const user = signedIn ? await sessionUser(jar) : null;
      if (signedIn && !user) return next();
      const viewer: Promise<Viewer> = user
        ? signedInViewerKind(entry.invite, user.id).then((kind) => ({ kind, name: user.name }))
        : Promise.resolve({ kind: "anonymous", name: "" });
      viewer.catch(() => {}); // awaited once Next has answered
      return captureFromNext(request, response, entry, key, viewer, next);
    }
    // The gate first, as proxy.ts applies it to the views Next serves.
    const blockedFor = await lookupBlockedFor(address);
    if (blockedFor !== null) {
      const answer = slowDownAnswer(blockedFor, request.method);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
    const user = signedIn ? await sessionUser(jar) : null;
    if (signedIn && !user) return next();
    const kind = user ? await signedInViewerKind(entry.invite, user.id) : "anonymous";
    previewCacheState.pageHits += 1;
    // A view is served here: counted here, as the page's own load counts the views Next renders (a capture
    // included), never in the kept page, which serves many views. A HEAD shows nothing to anyone.
    if (request.method === "GET") countView(entry.invite.code, viewSourceOfMessage(request, address));
    sendPage(request, response, page, kind, user?.name ?? "");
  } catch (error) {
    log.error("landing fast path failed; Next answers", { error: String(error) });
    if (!response.headersSent) return next();
    response.destroy();
  }
}

/** Makes the fast path available to the HTTP server (same process, shared through globalThis). */
export function registerLandingFastPath() {
  registerFastPath("__fluxerLandingView", serveLandingView);
}
