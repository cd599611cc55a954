// Structured logs: every line is one JSON object with time/level/msg/instance, bigints print as strings,
// LOG_LEVEL drops lower levels, errors go to stderr, credentials in fields are redacted; and the route
// wrapper's request line carries the route pattern, status and duration but no IP, token or query string.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { afterEach, before, describe, it } from "node:test";
import { log, reloadLogSettings } from "./log";

type Captured = { out: string[]; err: string[] };

/**
 * Runs fn with our log lines taken off stdout/stderr. Anything else (the test runner's own reports) still
 * goes through: swallowing those would corrupt the run's output.
 */
async function capture(fn: () => unknown): Promise<Captured> {
  const captured: Captured = { out: [], err: [] };
  const streams = [
    [process.stdout, captured.out],
    [process.stderr, captured.err],
  ] as const;
  // The unbound write methods are put back on their own streams afterwards, or called with .call(stream).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const originals = streams.map(([stream]) => stream.write);
  for (const [stream, lines] of streams) {
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const original = stream.write;
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === "string" && chunk.startsWith('{"level":')) {
        // Lines of one event-loop turn arrive together.
        lines.push(...(chunk.match(/[^\n]*\n/g) ?? [chunk]));
        return true;
      }
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    };
  }
  try {
    await fn();
    await new Promise((resolve) => setImmediate(resolve)); // lines below error are written once per turn
  } finally {
    streams.forEach(([stream], i) => (stream.write = originals[i]!));
  }
  return captured;
}

function parse(line: string | undefined): Record<string, unknown> {
  assert.ok(line, "a line was written");
  assert.ok(line.endsWith("\n") && !line.slice(0, -1).includes("\n"), "exactly one line");
  return JSON.parse(line) as Record<string, unknown>;
}

// The suite may run with LOG_LEVEL set (npm test quiets unit runs with warn): start from the defaults.
before(() => {
  delete process.env.LOG_LEVEL;
  delete process.env.LOG_REQUESTS;
  delete process.env.INSTANCE_NAME;
  reloadLogSettings();
});

afterEach(() => {
  delete process.env.LOG_LEVEL;
  delete process.env.LOG_REQUESTS;
  delete process.env.INSTANCE_NAME;
  reloadLogSettings();
});

describe("log lines", () => {
  it("written in the same turn as an exit still reach stdout", () => {
    const script =
      'const { log } = await import("./server/log.ts"); log.info("last words", { n: 1 }); log.info("and more"); process.exit(3);';
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: process.cwd(),
      encoding: "utf8",
    });
    assert.equal(child.status, 3, child.stderr);
    const messages = child.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    assert.deepEqual(messages, ["last words", "and more"]);
  });

  it("are one JSON object with time, level, msg and instance, and the fields", async () => {
    const { out, err } = await capture(() => log.info("database ready", { engine: "pglite", ms: 12 }));
    assert.equal(err.length, 0);
    assert.equal(out.length, 1);
    const line = parse(out[0]);
    assert.deepEqual(Object.keys(line).sort(), ["engine", "instance", "level", "ms", "msg", "time"]);
    assert.equal(new Date(line.time as string).toISOString(), line.time);
    assert.equal(line.level, "info");
    assert.equal(line.msg, "database ready");
    assert.match(line.instance as string, /^.+:\d+$/); // hostname:pid by default
    assert.equal(line.ms, 12);
  });

  it("name the instance from INSTANCE_NAME when it is set", async () => {
    process.env.INSTANCE_NAME = "web-2";
    reloadLogSettings();
    const { out } = await capture(() => log.info("hello"));
    assert.equal(parse(out[0]).instance, "web-2");
  });

  it("print bigints as strings and errors as name and message, without the stack", async () => {
    const { out } = await capture(() =>
      log.info("ids", {
        user_id: 987654321098765432n,
        nested: { ids: [1n, 2n] },
        error: new TypeError("boom"),
      }),
    );
    const line = parse(out[0]);
    assert.equal(line.user_id, "987654321098765432");
    assert.deepEqual(line.nested, { ids: ["1", "2"] });
    assert.deepEqual(line.error, { name: "TypeError", message: "boom" });
  });

  it("never throw, even on fields JSON cannot print", async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const { out } = await capture(() => log.info("cyclic", { cycle }));
    const line = parse(out[0]);
    assert.equal(line.msg, "cyclic");
    assert.match(line.log_error as string, /unserializable fields/);
  });

  it("print a message as it is, with no format placeholders filled in", async () => {
    const { out } = await capture(() => log.info("100% %s done"));
    assert.equal(parse(out[0]).msg, "100% %s done");
  });

  it("redact authorization and cookie headers passed as fields", async () => {
    const { out } = await capture(() =>
      log.warn("odd request", {
        authorization: "Bot secret-token",
        cookie: "authjs.session-token=secret-cookie",
        headers: {
          authorization: "Bearer secret-token",
          cookie: "a=secret-cookie",
          "set-cookie": "b=secret-cookie",
          accept: "text/html",
        },
      }),
    );
    const line = parse(out[0]);
    assert.equal(line.authorization, "[redacted]");
    assert.equal(line.cookie, "[redacted]");
    assert.deepEqual(line.headers, {
      authorization: "[redacted]",
      cookie: "[redacted]",
      "set-cookie": "[redacted]",
      accept: "text/html",
    });
    assert.doesNotMatch(out[0]!, /secret/);
  });

  it("keep working when a detached method is called", async () => {
    const { warn } = log;
    const { out } = await capture(() => warn("migration", { text: "warning: x" }));
    assert.equal(parse(out[0]).level, "warn");
  });

  it("follow LOG_LEVEL: warn drops debug and info, keeps warn and error", async () => {
    process.env.LOG_LEVEL = "warn";
    reloadLogSettings();
    const { out, err } = await capture(() => {
      log.debug("d");
      log.info("i");
      log.warn("w");
      log.error("e");
    });
    assert.deepEqual(
      out.map((l) => parse(l).msg),
      ["w"],
    );
    assert.deepEqual(
      err.map((l) => parse(l).msg),
      ["e"],
    );
  });

  it("treat an unknown LOG_LEVEL as info", async () => {
    process.env.LOG_LEVEL = "verbose";
    reloadLogSettings();
    const { out } = await capture(() => {
      log.debug("d");
      log.info("i");
    });
    assert.deepEqual(
      out.map((l) => parse(l).msg),
      ["i"],
    );
  });

  it("send errors to stderr and everything else to stdout", async () => {
    process.env.LOG_LEVEL = "debug";
    reloadLogSettings();
    const { out, err } = await capture(() => {
      log.debug("d");
      log.info("i");
      log.warn("w");
      log.error("e", { error: new Error("database down") });
    });
    assert.deepEqual(
      out.map((l) => parse(l).level),
      ["debug", "info", "warn"],
    );
    assert.equal(err.length, 1);
    assert.equal(parse(err[0]).level, "error");
  });
});

describe("request lines", async () => {
  // The wrapper resolves no caller with auth "none", so this needs no database.
  const { ApiError } = await import("@/lib/errors");
  const { ok, route, routePattern } = await import("@/server/http/route");
  const context = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
  const request = (url: string) =>
    new Request(url, {
      headers: { "x-fluxer-client-address": "203.0.113.9", authorization: "Bot secret-token" },
    });

  it("rebuild the route pattern from the path and its params", () => {
    assert.equal(routePattern("/api/v1/invites/abc123", { code: "abc123" }), "/api/v1/invites/[code]");
    assert.equal(
      routePattern("/api/v1/guilds/7/bans/7", { guildId: "7", userId: "7" }),
      "/api/v1/guilds/[guildId]/bans/[userId]",
    );
    assert.equal(routePattern("/api/v1/invites/invites", { code: "invites" }), "/api/v1/invites/[code]");
    assert.equal(routePattern("/api/v1/invites/a%20b", { code: "a b" }), "/api/v1/invites/[code]");
    assert.equal(routePattern("/api/v1/users/@me", {}), "/api/v1/users/@me");
    assert.equal(routePattern("/api/v1/users/@me", undefined), "/api/v1/users/@me");
  });

  it("log method, route, status and duration, and no IP, token or query string", async () => {
    const handler = route<{ code: string }, "none">({ auth: "none" }, async () => ok({ fine: true }));
    const { out, err } = await capture(() =>
      handler(
        request("http://app.test/api/v1/invites/abc123?with_counts=true&secret=1"),
        context({ code: "abc123" }),
      ),
    );
    assert.equal(err.length, 0);
    const line = parse(out[0]);
    assert.equal(line.msg, "request");
    assert.equal(line.level, "info");
    assert.equal(line.method, "GET");
    assert.equal(line.route, "/api/v1/invites/[code]");
    assert.equal(line.status, 200);
    assert.equal(typeof line.duration_ms, "number");
    assert.equal(Math.round((line.duration_ms as number) * 10) / 10, line.duration_ms);
    assert.equal("user_id" in line, false);
    assert.doesNotMatch(out[0]!, /203\.0\.113\.9|secret|with_counts|\?/);
  });

  it("log a 5xx at error level on stderr with the error's message", async () => {
    const handler = route({ auth: "none" }, async () => {
      throw new Error("disk on fire");
    });
    const { out, err } = await capture(() => handler(request("http://app.test/api/v1/guilds"), context({})));
    assert.equal(out.length, 0);
    const lines = err.map(parse);
    assert.deepEqual(
      lines.map((l) => l.msg),
      ["unhandled error", "request"],
    );
    assert.equal(lines[1]!.status, 500);
    assert.equal(lines[1]!.error, "disk on fire");
    assert.equal(lines[1]!.route, "/api/v1/guilds");
  });

  it("keep 4xx answers at info level", async () => {
    const handler = route({ auth: "none" }, async () => {
      throw new ApiError("UNKNOWN_INVITE");
    });
    const { out, err } = await capture(() =>
      handler(request("http://app.test/api/v1/invites/nope"), context({ code: "nope" })),
    );
    assert.equal(err.length, 0);
    assert.equal(parse(out[0]).status, 404);
  });

  it("are off with LOG_REQUESTS=off, while other lines stay", async () => {
    process.env.LOG_REQUESTS = "off";
    reloadLogSettings();
    const handler = route({ auth: "none" }, async () => ok({}));
    const { out } = await capture(async () => {
      await handler(request("http://app.test/api/v1/guilds"), context({}));
      log.info("still here");
    });
    assert.deepEqual(
      out.map((l) => parse(l).msg),
      ["still here"],
    );
  });
});
