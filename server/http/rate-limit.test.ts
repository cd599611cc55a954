import assert from "node:assert/strict";
import { test } from "node:test";
import { createMemoryStore } from "./rate-limit";

test("the in-memory rate-limit store counts per key and window", async () => {
  const store = createMemoryStore(10);
  assert.equal((await store.increment("a", 1000, 0)).count, 1);
  assert.equal((await store.increment("a", 1000, 10)).count, 2);
  assert.equal((await store.increment("a", 1000, 1000)).count, 1, "a new window after the old one ends");
  assert.equal(await store.peek("b", 0), null);
});

test("the in-memory rate-limit store holds a bounded number of windows", async () => {
  const store = createMemoryStore(1000);
  for (let i = 0; i < 5000; i++) await store.increment(`ip:${i}`, 60_000, 1);
  // The newest identities are still counted; the oldest made room for them.
  assert.equal((await store.peek("ip:4999", 2))?.count, 1);
  assert.equal(await store.peek("ip:0", 2), null);
  let kept = 0;
  for (let i = 0; i < 5000; i++) if (await store.peek(`ip:${i}`, 2)) kept += 1;
  assert.equal(kept, 1000);
  // Expired windows make room before anything live is evicted.
  const second = createMemoryStore(1000);
  for (let i = 0; i < 1000; i++) await second.increment(`old:${i}`, 1000, 0);
  await second.increment("live", 60_000, 500);
  for (let i = 0; i < 999; i++) await second.increment(`new:${i}`, 60_000, 20_000);
  assert.equal((await second.peek("live", 20_000))?.count, 1);
});
