// Invite request shapes (the body of POST /channels/{id}/invites). Strict types: "5" is not 5, as in
// Fluxer's API, so a client that sends the wrong type learns it here rather than in production.
import { z } from "zod";
import { LIMITS } from "@/lib/constants";
import { snowflakeQuerySchema, snowflakeSchema } from "./ids";

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
  /** Roles given on accept, also to someone already a member (MANAGE_ROLES, each below the caller's highest). */
  role_ids: z.array(snowflakeSchema).max(LIMITS.MAX_INVITE_ROLES, "At most 10 roles").optional(),
  /** Makes the invite targeted: only these users may see or accept it. */
  target_user_ids: z
    .array(snowflakeSchema)
    .min(1, "List at least one user, or leave target_user_ids out")
    .max(LIMITS.MAX_INVITE_TARGETS, "At most 1000 users")
    .optional(),
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
 * (UNKNOWN_FIELD) rather than ignored: an edit that silently skipped a field would answer 200 for a change it
 * never made.
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
  /** Replaces the roles the invite grants ([] grants none). */
  role_ids: z.array(snowflakeSchema).max(LIMITS.MAX_INVITE_ROLES, "At most 10 roles").optional(),
  version: z.number({ message: "version is required: the invite's version as you read it" }).int().min(1),
});

export type UpdateInviteInput = z.infer<typeof updateInviteSchema>;

/** POST /invites/{code}/target-users/bulk-add and bulk-delete. */
export const inviteTargetUsersSchema = z.strictObject({
  user_ids: z
    .array(snowflakeSchema)
    .min(1, "List at least one user")
    .max(LIMITS.MAX_INVITE_TARGETS, "At most 1000 users per request"),
});

export type InviteTargetUsersInput = z.infer<typeof inviteTargetUsersSchema>;

/** GET /invites/{code}/target-users: ids in ascending order, `limit` at a time, after the id `after`. */
export const listInviteTargetUsersQuerySchema = z.object({
  after: snowflakeQuerySchema.optional(),
  limit: z.coerce
    .number({ message: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1)
    .max(LIMITS.MAX_INVITE_TARGETS, "limit must be 1-1000")
    .default(100),
});

export type ListInviteTargetUsersQuery = z.infer<typeof listInviteTargetUsersQuerySchema>;
