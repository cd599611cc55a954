import assert from "node:assert/strict";
import { test } from "node:test";
import { config } from "../proxy";
import { SHORT_LANDING_CODE } from "./landing-routing";

test("the proxy sees every short link the cached-landing rewrite can apply to (same pattern)", () => {
  // A rewrite the proxy never saw could be steered by a client-sent header: the proxy is what strips it.
  assert.ok(config.matcher.includes(`/:code(${SHORT_LANDING_CODE})`));
  assert.ok(config.matcher.includes("/invite/:code"));
});
