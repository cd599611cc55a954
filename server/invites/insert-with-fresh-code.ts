// Inserts an invite row under a new random code. Uniqueness is the database's job: the insert is
// ON CONFLICT DO NOTHING (a plain unique violation would abort the whole PostgreSQL transaction) against the
// primary key and the unique index on lower(code), and a trigger skips a name a guild gave up less than 30
// days ago; either way nothing is inserted and the code is simply drawn again. So a new code is never a case
// variant of another: a vanity code resolves in any case, and must not be mistaken for a random one.
import { generateInviteCode } from "@/lib/invite-code";
import { isReservedCode } from "@/lib/reserved-codes";
import type { Tx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

const MAX_DRAWS = 10;

/** `draw` makes the codes (tests pass a fixed sequence). */
export async function insertWithFreshCode(
  tx: Tx,
  data: Omit<Prisma.InviteCreateManyInput, "code">,
  draw: () => string = generateInviteCode,
): Promise<string> {
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const code = draw();
    if (isReservedCode(code)) continue; // e.g. "Settings": would shadow a page at /{code}
    const inserted = await tx.invite.createMany({ data: [{ ...data, code }], skipDuplicates: true });
    if (inserted.count === 1) return code;
  }
  // 62^8 codes: ten collisions in a row means something else is wrong.
  throw new Error("could not draw a free invite code");
}
