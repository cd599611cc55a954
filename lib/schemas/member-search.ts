// The body of POST /guilds/{id}/members-search, field for field as Fluxer documents it. Every field is
// optional and an omitted one applies no filter; values of the wrong type or out of range are a 400 naming
// the field. Strict types, as elsewhere: "25" is not 25.
import { z } from "zod";
import { JoinSourceType } from "@/lib/constants";
import { snowflakeSchema } from "./ids";

export const MEMBER_SEARCH_MAX_QUERY = 100;
export const MEMBER_SEARCH_MAX_LIMIT = 100;
export const MEMBER_SEARCH_DEFAULT_LIMIT = 25;
export const MEMBER_SEARCH_MAX_LIST = 10;

const unixSeconds = (what: string) =>
  z
    .number()
    .int(`${what} must be whole Unix seconds`)
    .min(0)
    .max(253402300799, "Must be before the year 10000")
    .describe(`Unix seconds, inclusive: ${what}`);

const joinSourceType = z.union(
  [
    z.literal(JoinSourceType.CREATOR),
    z.literal(JoinSourceType.INSTANT_INVITE),
    z.literal(JoinSourceType.VANITY_URL),
    z.literal(JoinSourceType.BOT_INVITE),
    z.literal(JoinSourceType.ADMIN_FORCE_ADD),
    z.literal(JoinSourceType.DISCOVERY),
  ],
  { message: "Must be a join source type: 0, 1, 2, 3, 4 or 6" },
);

export const memberSearchSchema = z.object({
  query: z
    .string()
    .min(1, "query may not be empty; omit it, or send a space, to match everyone")
    .max(MEMBER_SEARCH_MAX_QUERY, `query is at most ${MEMBER_SEARCH_MAX_QUERY} characters`)
    .optional()
    .describe(
      "Matched (case-insensitive) anywhere in the username or nickname, or exactly against the 4-digit discriminator or the user id; trimmed, and whitespace alone matches everyone",
    ),
  limit: z
    .number()
    .int("limit must be a whole number")
    .min(1)
    .max(MEMBER_SEARCH_MAX_LIMIT, "limit must be 1-100")
    .default(MEMBER_SEARCH_DEFAULT_LIMIT),
  offset: z
    .number()
    .int("offset must be a whole number")
    .min(0, "offset may not be negative")
    .default(0)
    .describe("Matching results to skip; past the last match the page is empty"),
  role_ids: z
    .array(snowflakeSchema)
    .max(MEMBER_SEARCH_MAX_LIST)
    .optional()
    .describe("Every listed role must be held"),
  joined_at_gte: unixSeconds("joined at or after").optional(),
  joined_at_lte: unixSeconds("joined at or before").optional(),
  join_source_type: z
    .array(joinSourceType)
    .max(MEMBER_SEARCH_MAX_LIST)
    .optional()
    .describe("Any of these join sources (MANAGE_GUILD only; ignored for other callers)"),
  source_invite_code: z
    .array(z.string().min(1).max(32))
    .max(MEMBER_SEARCH_MAX_LIST)
    .optional()
    .describe(
      "Joined through any of these invite codes, exact case (MANAGE_GUILD only; ignored for other callers)",
    ),
  is_bot: z.boolean().optional().describe("true: bots only; false: people only"),
  user_created_at_gte: unixSeconds("account created at or after").optional(),
  user_created_at_lte: unixSeconds("account created at or before").optional(),
  sort_by: z
    .enum(["joinedAt", "relevance"], { message: "sort_by must be joinedAt or relevance" })
    .optional()
    .describe("Default joinedAt"),
  sort_order: z
    .enum(["asc", "desc"], { message: "sort_order must be asc or desc" })
    .optional()
    .describe("Default desc; relevance ignores it"),
});

export type MemberSearchInput = z.infer<typeof memberSearchSchema>;
