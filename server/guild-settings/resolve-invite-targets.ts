// The "Only for specific people" box of the create-invite form: what a guild admin types (usernames, name#tag
// or user ids, one per line or separated by commas or spaces) turned into user ids. An id is kept as typed,
// like the API keeps ids (one with no account never matches); a name must name exactly one account.
import { LIMITS } from "@/lib/constants";
import { CREATE_INVITE_MESSAGES } from "@/lib/messages";
import { parseSnowflake } from "@/lib/snowflake";
import { db } from "@/server/db";

export type ResolvedTargets = { ids: bigint[] } | { error: string };

const TAGGED = /^(.+)#(\d{1,4})$/;

function quoted(names: string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

export async function resolveInviteTargets(text: string): Promise<ResolvedTargets> {
  const tokens = [...new Set(text.split(/[\s,;]+/).filter((token) => token.length > 0))];
  if (tokens.length === 0) return { error: CREATE_INVITE_MESSAGES.noTargets };
  if (tokens.length > LIMITS.MAX_INVITE_TARGETS)
    return { error: CREATE_INVITE_MESSAGES.tooManyTargets(LIMITS.MAX_INVITE_TARGETS) };
  const ids: bigint[] = [];
  const names: string[] = [];
  for (const token of tokens) {
    const id = /^\d{15,20}$/.test(token) ? parseSnowflake(token) : null;
    if (id !== null) ids.push(id);
    else names.push(token.replace(/^@/, ""));
  }
  if (names.length === 0) return { ids };
  const plain = names.filter((name) => !TAGGED.test(name));
  const prisma = await db();
  const users = await prisma.user.findMany({
    where: { username: { in: names.map((name) => TAGGED.exec(name)?.[1] ?? name) } },
    select: { id: true, username: true, discriminator: true },
    take: 5 * names.length,
  });
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  for (const name of names) {
    const tagged = TAGGED.exec(name);
    const matches = tagged
      ? users.filter((u) => u.username === tagged[1] && u.discriminator === Number(tagged[2]))
      : users.filter((u) => u.username === name);
    if (matches.length === 0) unknown.push(name);
    else if (matches.length > 1 && plain.includes(name)) ambiguous.push(name);
    else ids.push(matches[0]!.id);
  }
  if (unknown.length > 0) return { error: CREATE_INVITE_MESSAGES.unknownTargets(quoted(unknown)) };
  if (ambiguous.length > 0) return { error: CREATE_INVITE_MESSAGES.ambiguousTargets(quoted(ambiguous)) };
  return { ids: [...new Set(ids)] };
}
