// Vanity URL code rules: trimmed, lowercased, 3-32 of a-z 0-9 -, no leading or trailing
// hyphen, not a reserved route name. Each rule has its own element code so clients can say what is wrong.
import { z } from "zod";
import { isReservedCode } from "@/lib/reserved-codes";

export const VANITY_MIN_LENGTH = 3;
export const VANITY_MAX_LENGTH = 32;

const vanityCodeSchema = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .superRefine((code, context) => {
    if (code.length < VANITY_MIN_LENGTH || code.length > VANITY_MAX_LENGTH) {
      context.addIssue({
        code: "custom",
        params: { code: "VANITY_URL_CODE_LENGTH_INVALID" },
        message: "Vanity URL must be 3 to 32 characters",
      });
      return;
    }
    if (!/^[a-z0-9-]+$/.test(code) || code.startsWith("-") || code.endsWith("-")) {
      context.addIssue({
        code: "custom",
        params: { code: "VANITY_URL_INVALID_CHARACTERS" },
        message: "Vanity URL may use letters, digits and hyphens, and cannot start or end with a hyphen",
      });
      return;
    }
    if (isReservedCode(code)) {
      context.addIssue({
        code: "custom",
        params: { code: "VANITY_URL_RESERVED" },
        message: "This vanity URL is reserved",
      });
    }
  });

export const updateVanitySchema = z.object({
  // Required, but may be null (clears the vanity URL).
  code: vanityCodeSchema.nullable(),
});

export type UpdateVanityInput = z.infer<typeof updateVanitySchema>;
