// Bodies: the bytes sent and the content type; the oracle says what the server would make of them.
import { ALNUM, junkString, junkValue } from "./values";
import { createInviteSchema } from "../../../lib/schemas/invites";
import { updateVanitySchema } from "../../../lib/schemas/vanity";
import type { Rng } from "./rng";

export type FuzzBody = { bytes: Buffer; contentType: string | null };

const MAX_BODY_CHARS = 64 * 1024;

const RAW_TEXTS = [
  "{",
  "}",
  "[",
  '{"max_age":}',
  "{'max_age': 1}",
  '{"max_age": 1,}',
  "NaN",
  "undefined",
  "\u0000",
  '{"a":1}{"b":2}',
  "[]",
  '"str"',
  "123",
  "true",
  "null",
  "-",
  '{"max_age":1e999}',
  '{"max_age":1,"max_age":-1}',
  '{"max_uses":100,"max_uses":101}',
  '{"code":null,"code":"-"}',
  '{"max_age":0x10}',
  '{"max_age":+1}',
  '{"max_age":.5}',
  '{"max_age":01}',
  '{"code":"\\ud800"}',
  '{"temporary":tru}',
  '\ufeff{"max_uses":-1}',
  "//{}",
  "/*x*/{}",
  '{"code":"a" "b"}',
  "<xml/>",
  "max_age=1&max_uses=2",
];

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "text/plain",
  "text/json",
  "application/jsonx",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/octet-stream",
  "",
  "*/*",
];

export function body(text: string, contentType: string | null): FuzzBody {
  return { bytes: Buffer.from(text, "utf8"), contentType };
}

/** A body for an object-shaped endpoint: corrupted fields, wrong top-level kinds, broken JSON, odd types. */
export function junkBody(rng: Rng, fields: readonly string[]): FuzzBody {
  const contentType = rng.chance(0.75) ? rng.pick(CONTENT_TYPES.slice(0, 2)) : rng.pick(CONTENT_TYPES);
  switch (rng.int(7)) {
    case 0:
    case 1:
    case 2: {
      // One to all fields corrupted, maybe with extra keys.
      const value: Record<string, unknown> = {};
      for (const field of fields) if (rng.chance(0.6)) value[field] = junkValue(rng);
      value[rng.pick(fields)] = junkValue(rng);
      if (rng.chance(0.2)) value[junkString(rng).slice(0, 40)] = junkValue(rng);
      return body(JSON.stringify(value), contentType);
    }
    case 3:
      return body(JSON.stringify(junkValue(rng)), contentType);
    case 4:
      return body(rng.pick(RAW_TEXTS), contentType);
    case 5: {
      // Too large (413) or deeply nested.
      const huge = rng.chance(0.5);
      return body(
        huge
          ? JSON.stringify({ [rng.pick(fields)]: rng.text(MAX_BODY_CHARS + rng.int(1024), ALNUM) })
          : "[".repeat(5000) + "]".repeat(rng.int(2) * 5000),
        contentType,
      );
    }
    default:
      return body(JSON.stringify({ [rng.pick(fields)]: junkValue(rng) }), rng.pick(CONTENT_TYPES));
  }
}

/** What the server's readJson would make of a body: the parsed value, or null when it answers 4xx first. */
export function serverView(fuzz: FuzzBody | undefined): { value: unknown } | null {
  if (!fuzz) return { value: {} };
  const text = new TextDecoder().decode(fuzz.bytes); // like Request.text(): UTF-8, a leading BOM dropped
  if (text.length > MAX_BODY_CHARS) return null;
  if (text.trim() === "") return { value: {} };
  if (fuzz.contentType && !fuzz.contentType.toLowerCase().includes("json")) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

export const isValidCreateBody = (fuzz: FuzzBody | undefined) => {
  const seen = serverView(fuzz);
  return seen !== null && createInviteSchema.safeParse(seen.value).success;
};

export const isValidVanityBody = (fuzz: FuzzBody | undefined) => {
  const seen = serverView(fuzz);
  return seen !== null && updateVanitySchema.safeParse(seen.value).success;
};

/** A body the oracle rejects (tries a few draws), or null when the generator kept producing valid ones. */
export function invalidBody(
  rng: Rng,
  fields: readonly string[],
  isValid: (fuzz: FuzzBody) => boolean,
): FuzzBody | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = junkBody(rng, fields);
    if (!isValid(candidate)) return candidate;
  }
  return null;
}
