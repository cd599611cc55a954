import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { barLayout, niceMax, ticks } from "./chart";
import { formatConversion, rangeWindow } from "./ranges";

describe("analytics chart geometry", () => {
  it("rounds the axis up to 1, 2 or 5 times a power of ten", () => {
    assert.deepEqual([0, 1, 3, 7, 12, 48, 99, 101, 4200].map(niceMax), [1, 1, 5, 10, 20, 50, 100, 200, 5000]);
    assert.deepEqual(ticks(20), [0, 5, 10, 15, 20]);
    assert.deepEqual(ticks(1), [0, 1]);
  });

  it("places groups side by side and scales bars to the top value", () => {
    const layout = barLayout(
      [
        [10, 5],
        [0, 20],
      ],
      200,
      100,
      20,
    );
    assert.equal(layout.length, 2);
    assert.ok(layout[1]!.x >= 100);
    assert.deepEqual(layout[0]!.heights, [50, 25]);
    assert.deepEqual(layout[1]!.heights, [0, 100]);
  });
});

describe("analytics ranges", () => {
  it("cuts daily ranges at UTC midnight and hourly ones at now", () => {
    const now = Date.UTC(2026, 11, 10, 15, 30);
    assert.equal(rangeWindow("7d", now).from.toISOString(), "2026-12-04T00:00:00.000Z");
    assert.equal(rangeWindow("24h", now).from.toISOString(), "2026-12-09T15:30:00.000Z");
    assert.equal(formatConversion(0.25), "25%");
    assert.equal(formatConversion(0.0333), "3.3%");
    assert.equal(formatConversion(null), "—");
  });
});
