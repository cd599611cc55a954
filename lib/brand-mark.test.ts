import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { brandMarkSvg } from "./brand-mark";

test("app/icon.svg is the mark as lib/brand-mark.ts draws it (run scripts/make-icons.mts after changing it)", () => {
  assert.equal(readFileSync("app/icon.svg", "utf8"), brandMarkSvg());
});
