// Inserts an invite row under a new random code. Uniqueness is the primary key's job: the insert is
// ON CONFLICT DO NOTHING (a plain unique violation would abort the whole PostgreSQL transaction), and a
// collision simply draws again.
import { generateInviteCode } from "@/lib/invite-code";
import { isReservedCode } from "@/lib/reserved-codes";
import type { Tx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

const MAX_DRAWS = 10;

export async function insertWithFreshCode(tx: Tx, data: Omit<Prisma.InviteCreateManyInput, "code">): Promise<string> {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const code = generateInviteCode();
    if (isReservedCode(code)) continue; // e.g. "Settings": would shadow a page at /{code}
    const inserted = await tx.invite.createMany({ data: [{ ...data, code }], skipDuplicates: true });
    if (inserted.count === 1) return code;
  }
  // 62^8 codes: ten collisions in a row means something else is wrong.
  throw new Error("could not draw a free invite code");
}
