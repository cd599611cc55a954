// The HTTP server's landing fast path with a stand-in for Next (a handler that writes a page as Next does),
// over a real node:http server: which answers are kept, which requests may read a kept page, and that a kept
// page is set for each viewer without leaking the one it was rendered for. No request from outside can make
// the real landing page send a cookie or race a drop on cue, so those cases are proven here.
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, beforeEach, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import type { CachedPreview } from "@/server/invites/preview-cache-store";
import type { AddressInfo } from "node:net";

process.env.LOG_LEVEL = "warn";
process.env.INVITE_CACHE_TTL_MS = "60000";

const { serveLandingView } = await import("./landing-fast-path");
const { findViewerSlots, landingPageFrom, pageForViewer } = await import("./kept-landing-pages");
const { previewCacheState } = await import("@/server/invites/preview-cache-store");

const CODE = "Kept1234";

function page(guildName: string): string {
  return (
    `<!DOCTYPE html><html><head><title>${guildName}</title><meta property="og:title" content="${guildName}"/></head><body>` +
    `<h1>${guildName}</h1><div data-landing-viewer="anonymous" class="mt-6"><div data-landing-for="not-member">` +
    `<p>Signed in as <strong data-landing-viewer-name="" class="font-semibold"></strong></p></div></div>` +
    `<script>self.__next_f.push([1,"\\"data-landing-viewer\\":\\"anonymous\\""])</script></body></html>`
  );
}

type NextBehaviour = { status?: number; cookie?: string; body?: string; onRender?: () => void };

describe("landing fast path", () => {
  let server: http.Server;
  let base: string;
  let renders: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  let behaviour: NextBehaviour = {};

  function nextStandIn(request: http.IncomingMessage, response: http.ServerResponse) {
    renders.push({ url: request.url ?? "", headers: { ...request.headers } });
    behaviour.onRender?.();
    response.statusCode = behaviour.status ?? 200;
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
    if (behaviour.cookie) response.setHeader("set-cookie", behaviour.cookie);
    const body = behaviour.body ?? page("Night Owls");
    // Written in pieces, as Next streams a page.
    setImmediate(() => {
      response.write(body.slice(0, 40));
      setImmediate(() => response.end(body.slice(40)));
    });
  }

  function entry(): CachedPreview {
    const cached: CachedPreview = {
      invite: { code: CODE, type: 0, guild_id: "1", channel_id: "2" } as CachedPreview["invite"],
      guildId: "1",
      isVanity: false,
      storedAt: Date.now(),
      expiresAtMs: null,
      pausedUntilMs: null,
      isWanted: false,
    };
    previewCacheState.entries.set(CODE, cached);
    return cached;
  }

  /** A request of exactly this path (no client-side normalization); gzip bodies come back unzipped. */
  function get(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
    const url = new URL(base);
    return new Promise<{ status: number; body: string; headers: { get: (name: string) => string | null } }>(
      (resolve, reject) => {
        const request = http.request(
          {
            host: url.hostname,
            port: url.port,
            path,
            method: init.method ?? "GET",
            headers: init.headers,
            agent: false,
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => {
              const raw = Buffer.concat(chunks);
              const body = response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
              const headers = {
                get: (name: string) =>
                  ([] as string[]).concat(response.headers[name] ?? []).join(", ") || null,
              };
              resolve({ status: response.statusCode ?? 0, body: body.toString(), headers });
            });
          },
        );
        request.on("error", reject);
        request.end();
      },
    );
  }

  before(async () => {
    server = http.createServer(
      (request, response) =>
        void serveLandingView(request, response, "127.0.0.1", () => nextStandIn(request, response)),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    previewCacheState.entries.clear();
    previewCacheState.pageOwners.clear();
    renders = [];
    behaviour = {};
  });

  it("keeps a plain signed-out render and answers the next views from it, byte for byte", async () => {
    entry();
    const first = await get(`/invite/${CODE}`);
    const second = await get(`/invite/${CODE}`, { headers: { "accept-encoding": "gzip" } });
    assert.equal(renders.length, 1);
    assert.equal(first.body, page("Night Owls"));
    assert.equal(second.body, first.body);
    assert.equal(second.headers.get("content-encoding"), "gzip");
    assert.equal(
      second.headers.get("cache-control"),
      "private, no-cache, no-store, max-age=0, must-revalidate",
    );
    // The render reached Next without Accept-Encoding (its bytes are the page itself).
    assert.equal(renders[0]!.headers["accept-encoding"], undefined);
  });

  it("never keeps an answer that sets a cookie, and passes the cookie on to its own client", async () => {
    entry();
    behaviour = { cookie: "tracking=1; Path=/" };
    const first = await get(`/invite/${CODE}`);
    assert.equal(first.headers.get("set-cookie"), "tracking=1; Path=/");
    behaviour = {};
    await get(`/invite/${CODE}`);
    assert.equal(renders.length, 2, "the second view was rendered again: nothing was kept");
    assert.equal(previewCacheState.entries.get(CODE)!.pages?.size ?? 0, 1, "the clean render is kept");
  });

  it("never keeps a render that raced with a drop of the entry, nor a 404, nor a page without its markers", async () => {
    entry();
    behaviour = { onRender: () => entry() }; // the entry is replaced while Next renders (a drop and a reload)
    assert.equal((await get(`/invite/${CODE}`)).status, 200);
    assert.equal(previewCacheState.entries.get(CODE)!.pages, undefined);
    behaviour = { status: 404, body: "<html><body>Invite invalid</body></html>" };
    const missing = await get(`/invite/${CODE}`);
    assert.deepEqual([missing.status, missing.body], [404, "<html><body>Invite invalid</body></html>"]);
    behaviour = { body: "<html><head></head><body>Slow down</body></html>" };
    assert.equal((await get(`/invite/${CODE}`)).body, "<html><head></head><body>Slow down</body></html>");
    assert.equal(previewCacheState.entries.get(CODE)!.pages, undefined);
  });

  it("other spellings, queries, router requests, POST and a first HEAD go to Next and keep nothing", async () => {
    entry();
    const asks: [string, { method?: string; headers?: Record<string, string> }][] = [
      [`/invite/${CODE.toLowerCase()}`, {}],
      [`/INVITE/${CODE}`, {}],
      [`/invite/%4Bept1234`, {}],
      [`/invite/${CODE}/`, {}],
      [`/invite/${CODE}?accept=1`, {}],
      [`/invite/${CODE}?`, {}],
      [`/invite/${CODE}`, { headers: { rsc: "1" } }],
      [`/invite/${CODE}`, { headers: { "next-router-prefetch": "1" } }],
      [`/invite/${CODE}`, { method: "POST" }],
      [`/invite/${CODE}`, { method: "HEAD" }],
    ];
    for (const [path, init] of asks) {
      await get(path, init);
      await get(path, init);
    }
    assert.equal(renders.length, asks.length * 2);
    assert.equal(previewCacheState.entries.get(CODE)!.pages, undefined);
  });

  it("a request without an entry in the preview cache is Next's", async () => {
    await get(`/invite/${CODE}`);
    await get(`/${CODE}`);
    assert.equal(renders.length, 2);
  });

  it("a session cookie that doesn't decode goes to Next as it came", async () => {
    entry();
    await get(`/invite/${CODE}`);
    const cookie = "authjs.session-token=not-a-session";
    await get(`/invite/${CODE}`, { headers: { cookie } });
    assert.equal(renders.length, 2);
    assert.equal(renders[1]!.headers.cookie, cookie);
  });
});

describe("setting a kept page for a viewer", () => {
  const body = Buffer.from(page("Café <Owls>"));

  it("finds the wrapper's value and the name's place, and refuses pages without them exactly once", () => {
    assert.ok(findViewerSlots(body));
    assert.equal(findViewerSlots(Buffer.from("<div>no markers</div>")), null);
    const twice = page("x").replace("</body>", '<div data-landing-viewer="anonymous"></div></body>');
    assert.equal(findViewerSlots(Buffer.from(twice)), null);
  });

  it("sets the viewer and the HTML-escaped name, and leaves everything else as it was", () => {
    const kept = landingPageFrom(body, {})!;
    const html = Buffer.concat(
      pageForViewer(kept, "not-member", `<img src=x onerror="alert('hi')">&`),
    ).toString();
    assert.match(html, / data-landing-viewer="not-member" /);
    assert.match(
      html,
      /<strong data-landing-viewer-name="" class="font-semibold">&lt;img src=x onerror=&quot;alert\(&#x27;hi&#x27;\)&quot;&gt;&amp;<\/strong>/,
    );
    assert.equal(
      html.replace('"not-member"', '"anonymous"').replace(/(<strong[^>]*>)[^<]*/, "$1"),
      body.toString(),
    );
    assert.equal(Buffer.concat(pageForViewer(kept, "anonymous", "ignored")).toString(), body.toString());
  });
});
