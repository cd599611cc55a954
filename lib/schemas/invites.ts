// Invite request shapes (the body of POST /channels/{id}/invites). Strict types: "5" is not 5, as in
// Fluxer's API, so a client that sends the wrong type learns it here rather than in production.
import { z } from "zod";

export const MAX_INVITE_AGE_SECONDS = 604800;
export const MAX_INVITE_USES = 100;

export const createInviteSchema = z.object({
  max_age: z
    .number()
    .int("max_age must be a whole number of seconds")
    .min(0)
    .max(MAX_INVITE_AGE_SECONDS, "max_age must be 0-604800")
    .default(86400),
  max_uses: z
    .number()
    .int("max_uses must be a whole number")
    .min(0)
    .max(MAX_INVITE_USES, "max_uses must be 0-100")
    .default(0),
  temporary: z.boolean().default(false),
  unique: z.boolean().default(true),
});

export type CreateInviteInput = z.infer<typeof createInviteSchema>;

/** A boolean query flag: "true"/"1" or "false"/"0"; absent is false; anything else is a 400 naming the flag. */
const queryFlag = z
  .enum(["true", "false", "1", "0"], { message: "Must be true, false, 1 or 0" })
  .optional()
  .transform((value) => value === "true" || value === "1");

export const getInviteQuerySchema = z.object({
  with_counts: queryFlag,
  with_expiration: queryFlag,
});

export type GetInviteQuery = z.infer<typeof getInviteQuerySchema>;

/**
 * PATCH /invites/{code}: the settings to change and the `version` the caller read. Unknown keys are refused
 * (UNKNOWN_FIELD) rather than ignored: an edit that silently skipped a field (role_ids, say, before role
 * invites exist) would answer 200 for a change it never made.
 */
export const updateInviteSchema = z.strictObject({
  max_age: z
    .number()
    .int("max_age must be a whole number of seconds")
    .min(0)
    .max(MAX_INVITE_AGE_SECONDS, "max_age must be 0-604800")
    .optional(),
  max_uses: z
    .number()
    .int("max_uses must be a whole number")
    .min(0)
    .max(MAX_INVITE_USES, "max_uses must be 0-100")
    .optional(),
  temporary: z.boolean().optional(),
  version: z.number({ message: "version is required: the invite's version as you read it" }).int().min(1),
});

export type UpdateInviteInput = z.infer<typeof updateInviteSchema>;
