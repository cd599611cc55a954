// The vanity URL rules in words, shared by the live check in the browser and the server action, so both
// say the same thing. The rules themselves are the API's (lib/schemas/vanity.ts).
import { updateVanitySchema } from "@/lib/schemas/vanity";

const MESSAGES: Record<string, string> = {
  VANITY_URL_CODE_LENGTH_INVALID: "Use 3 to 32 characters.",
  VANITY_URL_INVALID_CHARACTERS: "Use only letters a-z, digits 0-9 and hyphens, with no hyphen at the start or end.",
  VANITY_URL_RESERVED: "That word is reserved for the app's own pages. Pick another.",
  VANITY_URL_CODE_ALREADY_TAKEN: "That vanity URL is already taken. Pick another.",
  VANITY_URL_REQUIRES_FEATURE: "Vanity URLs are not enabled for this guild.",
  VANITY_URL_NO_PUBLIC_CHANNEL: "Visitors need a text channel everyone can view to land in. Create one or open one to @everyone first.",
  MAX_INVITES: "This guild already has 1000 invites, the most allowed. Revoke some first.",
  RATE_LIMITED: "You changed the vanity URL too often. Wait a minute and try again.",
  MISSING_PERMISSIONS: "You no longer have permission to manage this guild.",
  MISSING_ACCESS: "You no longer have permission to manage this guild.",
};

/** A sentence for an API error or element code; `fallback` for anything unexpected. */
export function vanityMessage(code: string, fallback = "Something went wrong. Try again."): string {
  return MESSAGES[code] ?? fallback;
}

export type VanityDraft = { code: string; errorCode: string | null; error: string | null };

/** The code a draft would be saved as (trimmed, lowercased) and what is wrong with it, if anything. */
export function checkVanityDraft(value: string): VanityDraft {
  const normalized = value.trim().toLowerCase();
  const parsed = updateVanitySchema.safeParse({ code: value });
  if (parsed.success) return { code: normalized, errorCode: null, error: null };
  const issue = parsed.error.issues[0];
  const errorCode = (issue?.code === "custom" ? (issue.params?.code as string | undefined) : undefined) ?? "VANITY_URL_INVALID_CHARACTERS";
  return { code: normalized, errorCode, error: vanityMessage(errorCode) };
}
