// Worker-id leases against a real (in-memory PGlite) database: instances never share an id, and a lapsed
// lease is taken over.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useMemoryDatabase } from "./test-database";

describe("snowflake worker leases", () => {
  useMemoryDatabase();

  it("gives every instance its own worker id, and a lapsed one to the next", async () => {
    const { db } = await import("@/server/db");
    const { claimWorkerId } = await import("./snowflake-worker");
    const prisma = await db();
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claimWorkerId(prisma, `instance-${i}`)),
    );
    assert.equal(new Set(ids).size, 12, `distinct ids: ${ids.join(", ")}`);
    // Instance 3 stopped renewing: its lease lapses and the next instance to start gets that id.
    const lapsed = ids[3]!;
    await prisma.$executeRaw`UPDATE "snowflake_workers" SET "expires_at" = now() - interval '1 second' WHERE "worker_id" = ${lapsed}`;
    assert.equal(await claimWorkerId(prisma, "instance-new"), lapsed);
    assert.equal(new Set([...ids, await claimWorkerId(prisma, "instance-newer")]).size, 13);
  });
});
