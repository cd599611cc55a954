// The vanity URL rules in words, shared by the live check in the browser and the server action, so both
// say the same thing. The rules themselves are the API's (lib/schemas/vanity.ts).
import { VANITY_MESSAGES } from "@/lib/messages";
import { updateVanitySchema } from "@/lib/schemas/vanity";

/** A sentence for an API error or element code; `fallback` for anything unexpected. */
export function vanityMessage(code: string, fallback = "Something went wrong. Try again."): string {
  return VANITY_MESSAGES[code] ?? fallback;
}

export type VanityDraft = { code: string; errorCode: string | null; error: string | null };

/** The code a draft would be saved as (trimmed, lowercased) and what is wrong with it, if anything. */
export function checkVanityDraft(value: string): VanityDraft {
  const normalized = value.trim().toLowerCase();
  const parsed = updateVanitySchema.safeParse({ code: value });
  if (parsed.success) return { code: normalized, errorCode: null, error: null };
  const issue = parsed.error.issues[0];
  const errorCode =
    (issue?.code === "custom" ? (issue.params?.code as string | undefined) : undefined) ??
    "VANITY_URL_INVALID_CHARACTERS";
  return { code: normalized, errorCode, error: vanityMessage(errorCode) };
}
