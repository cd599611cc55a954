// Response shapes for the OpenAPI document. Requests are validated by lib/schemas/*; responses are built by
// the DTO mappers in server/dto, so these small zod schemas describe what those mappers emit. They are
// strict (no extra keys) and the API tests parse live answers with them, so a DTO that drifts from its
// documented shape fails a test instead of silently making the document wrong.
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

/** Each schema registered here becomes `#/components/schemas/<id>` in the document. */
export const responseRegistry = z.registry<{ id: string; description?: string }>();

const snowflake = z
  .string()
  .regex(/^\d{1,20}$/)
  .describe("Snowflake id as a decimal string");
const timestamp = z
  .string()
  .describe("ISO 8601 UTC timestamp with milliseconds, e.g. 2026-03-01T10:00:00.000Z");
const permissionMask = z
  .string()
  .regex(/^\d{1,19}$/)
  .describe("64-bit permission mask as a decimal string");

export const partialUserSchema = z
  .strictObject({
    id: snowflake,
    username: z.string(),
    discriminator: z.number().int(),
    avatar_hash: z.string().nullable(),
    bot: z.literal(true).optional().describe("Present (true) only for bot users"),
  })
  .register(responseRegistry, {
    id: "PartialUser",
    description: "The public user: never an email or anything private",
  });

export const selfUserSchema = z
  .strictObject({
    id: snowflake,
    username: z.string(),
    discriminator: z.number().int(),
    avatar_hash: z.string().nullable(),
    email: z.string().nullable(),
    is_admin: z.boolean(),
    bot: z.boolean(),
  })
  .register(responseRegistry, { id: "SelfUser", description: "The caller's own user" });

export const passwordChangedSchema = selfUserSchema
  .extend({
    token: z.string().describe("A new user token, shown once: every other session and token has ended"),
  })
  .register(responseRegistry, {
    id: "PasswordChanged",
    description: "The caller's own user, with a fresh API token",
  });

export const partialGuildSchema = z
  .strictObject({
    id: snowflake,
    name: z.string(),
    icon_hash: z.string().nullable(),
    banner_hash: z.string().nullable(),
    splash_hash: z.string().nullable(),
    features: z.array(z.string()),
  })
  .register(responseRegistry, {
    id: "PartialGuild",
    description:
      "The partial guild carried by an invite; while a timed pause runs, its features include INVITES_DISABLED",
  });

export const roleSchema = z
  .strictObject({
    id: snowflake,
    name: z.string(),
    permissions: permissionMask,
    position: z.number().int(),
    color: z.number().int(),
  })
  .register(responseRegistry, { id: "Role", description: "A role; @everyone's id is the guild id" });

export const incidentsDataSchema = z
  .strictObject({
    invites_disabled_until: timestamp
      .nullable()
      .describe("Accepts are refused (403 INVITES_DISABLED) until then; null when no timed pause runs"),
    dms_disabled_until: timestamp
      .nullable()
      .describe("Stored and shown; this service has no direct messages to stop"),
    raid_detected_at: timestamp.nullable().describe("Always null here (no raid detection)"),
    dm_spam_detected_at: timestamp.nullable().describe("Always null here (no DM spam detection)"),
  })
  .register(responseRegistry, {
    id: "IncidentsData",
    description:
      "The guild's timed pauses (Discord's incident actions). A time that has passed reads as null: that pause has ended by itself.",
  });

export const guildSchema = z
  .strictObject({
    ...partialGuildSchema.shape,
    owner_id: snowflake,
    member_count: z.number().int(),
    incidents_data: incidentsDataSchema,
  })
  .register(responseRegistry, { id: "Guild", description: "A guild" });

export const guildWithRolesSchema = z
  .strictObject({ ...guildSchema.shape, roles: z.array(roleSchema) })
  .register(responseRegistry, {
    id: "GuildWithRoles",
    description: "A guild with its roles, lowest position first",
  });

export const userGuildSchema = z
  .strictObject({
    ...partialGuildSchema.shape,
    owner: z.boolean(),
    permissions: permissionMask,
    member_count: z.number().int(),
  })
  .register(responseRegistry, {
    id: "UserGuild",
    description: "A guild the caller is in, with the caller's guild-level permissions",
  });

export const channelSchema = z
  .strictObject({
    id: snowflake,
    type: z.number().int().describe("0 text, 2 voice, 3 group DM, 4 category"),
    guild_id: snowflake.nullable(),
    name: z.string().nullable(),
    position: z.number().int(),
    parent_id: snowflake.nullable(),
    permission_overwrites: z.array(
      z.strictObject({
        id: snowflake,
        type: z.number().int().describe("0 role, 1 member"),
        allow: permissionMask,
        deny: permissionMask,
      }),
    ),
  })
  .register(responseRegistry, {
    id: "Channel",
    description: "A guild channel with its permission overwrites",
  });

export const groupDmSchema = z
  .strictObject({
    id: snowflake,
    type: z.literal(3),
    owner_id: snowflake,
    name: z.string().nullable(),
    recipients: z.array(partialUserSchema),
  })
  .register(responseRegistry, { id: "GroupDm", description: "A group DM channel" });

export const memberSchema = z
  .strictObject({
    user: partialUserSchema,
    nick: z.string().nullable(),
    roles: z.array(snowflake).describe("Role ids, never @everyone"),
    joined_at: timestamp,
    temporary: z.boolean(),
  })
  .register(responseRegistry, {
    id: "Member",
    description:
      "A guild member. How they joined (join source, source invite code, inviter) is recorded but never part of this object.",
  });

export const memberSearchResultSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^\d{1,20}_\d{1,20}$/)
      .describe("`{guild_id}_{user_id}`; no other route takes it as an id"),
    guild_id: snowflake,
    user_id: snowflake,
    username: z.string(),
    discriminator: z
      .string()
      .regex(/^\d{4}$/)
      .describe("Four digits, zero-padded"),
    global_name: z.string().nullable().describe("Always null here: accounts have no global display name"),
    nickname: z.string().nullable().describe("The member's nick in this guild"),
    role_ids: z.array(snowflake).describe("Role ids, never @everyone"),
    joined_at: z.number().int().describe("Unix seconds"),
    supplemental: z
      .strictObject({
        join_source_type: z
          .number()
          .int()
          .nullable()
          .describe(
            "0 creator, 1 invite, 2 vanity URL, 3 bot invite, 4 added by an instance admin, 6 discovery",
          ),
        source_invite_code: z.string().nullable(),
        inviter_id: snowflake.nullable().describe("Who created the invite (or added the bot or account)"),
      })
      .describe(
        "How the member joined: every field null unless the caller has MANAGE_GUILD (or when nothing was recorded)",
      ),
    is_bot: z.boolean(),
  })
  .register(responseRegistry, {
    id: "MemberSearchResult",
    description: "A member as the search returns it (Fluxer's guild member search result)",
  });

export const memberSearchResponseSchema = z
  .strictObject({
    guild_id: snowflake,
    members: z.array(memberSearchResultSchema),
    page_result_count: z.number().int().describe("The length of members"),
    total_result_count: z.number().int().describe("Exact number of members matching the filters"),
    indexing: z.boolean().describe("Always false: searches read the database's own indexes"),
  })
  .register(responseRegistry, { id: "MemberSearchResponse", description: "One page of a member search" });

/** The Invite object of the Fluxer Invite Resource doc: exactly its fields, in its order. */
export const inviteSchema = z
  .strictObject({
    code: z.string().describe("Unique invite code"),
    type: z.number().int().describe("0 guild, 1 group DM"),
    guild: partialGuildSchema.nullable().describe("Partial guild (null for group DM invites)"),
    guild_id: snowflake.nullable(),
    channel: z
      .strictObject({
        id: snowflake,
        name: z.string().nullable(),
        type: z.number().int(),
        recipients: z
          .array(z.strictObject({ username: z.string() }))
          .optional()
          .describe("Group DM invites only"),
      })
      .nullable(),
    channel_id: snowflake.nullable(),
    inviter: partialUserSchema.nullable(),
    inviter_id: snowflake.nullable(),
    created_at: timestamp,
    expires_at: timestamp
      .nullable()
      .optional()
      .describe(
        "In create, accept, delete and list answers; in GET only with with_expiration=true; null = never",
      ),
    uses: z.number().int().optional().describe("Metadata: for the inviter and channel managers"),
    max_uses: z.number().int().optional().describe("Metadata; 0 = unlimited"),
    max_age: z.number().int().optional().describe("Metadata; seconds, 0 = never expires"),
    temporary: z.boolean(),
    approximate_member_count: z.number().int().optional().describe("With with_counts=true, and on accept"),
    approximate_presence_count: z.number().int().optional().describe("With with_counts=true, and on accept"),
    flags: z
      .number()
      .int()
      .describe("Bits: 1 << 1 IS_TARGETED (only the users on its target list may see or accept it)"),
    roles: z
      .array(
        z.object({
          id: snowflake,
          name: z.string(),
          color: z.number().int(),
          icon_hash: z.string().nullable().describe("Always null: roles have no icons here"),
        }),
      )
      .describe(
        "The roles accepting gives (also to someone already a member), highest first; empty when none",
      ),
    version: z.number().int().describe("Optimistic-concurrency token: starts at 1, +1 on every change"),
  })
  .register(responseRegistry, { id: "Invite", description: "An invite (Fluxer Invite Resource)" });

export const vanityUrlSchema = z
  .strictObject({ code: z.string().nullable(), uses: z.number().int() })
  .register(responseRegistry, {
    id: "VanityUrl",
    description: "The guild's vanity code (null when none) and its uses",
  });

const analyticsCounts = {
  views: z
    .number()
    .int()
    .describe("Landing-page views and API previews by visitors (link-preview fetchers are unfurls)"),
  unique_visitors: z
    .number()
    .int()
    .describe("Visitors first seen that UTC day, per instance (see docs/api.md)"),
  joins: z.number().int().describe("Successful accepts"),
  unfurls: z.number().int().describe("Fetches by link-preview bots (Discordbot, Twitterbot, Slackbot, ...)"),
};

export const inviteAnalyticsSchema = z
  .strictObject({
    code: z.string(),
    totals: z.strictObject(analyticsCounts),
    buckets: z.array(
      z.strictObject({
        start: z.string().describe("Start of the UTC hour or day (ISO 8601)"),
        ...analyticsCounts,
      }),
    ),
    referrers: z
      .array(
        z.strictObject({
          host: z.string().describe('Referring host name; "(other)" gathers hosts past the 20 kept per hour'),
          views: z.number().int(),
        }),
      )
      .describe("Top 10 referring hosts in the range, most views first"),
  })
  .register(responseRegistry, {
    id: "InviteAnalytics",
    description: "An invite's counts in the range, per bucket; counts may lag by the flush interval (10 s)",
  });

export const guildInviteAnalyticsSchema = z
  .strictObject({
    invites: z.array(
      z.strictObject({
        code: z.string(),
        inviter_id: snowflake.nullable(),
        views: z.number().int(),
        joins: z.number().int(),
        conversion: z.number().nullable().describe("joins / views, 4 decimals; null without views"),
      }),
    ),
  })
  .register(responseRegistry, {
    id: "GuildInviteAnalytics",
    description: "The guild's invites ranked by joins, then conversion",
  });

export const guildPresenceSchema = z
  .strictObject({ guild_id: snowflake, online: z.number().int(), members: z.number().int() })
  .register(responseRegistry, {
    id: "GuildPresence",
    description: "Members online (with a live presence connection) and in total",
  });

export const tokenSchema = z
  .strictObject({
    token: z.string().describe("Shown once; send it as `Authorization: <token>`"),
    user_id: snowflake,
  })
  .register(responseRegistry, { id: "TokenGrant", description: "A new API token" });

export const logoutSchema = z
  .strictObject({ revoked: z.boolean() })
  .register(responseRegistry, { id: "LogoutResult" });

export const applicationSchema = z
  .strictObject({
    id: snowflake,
    name: z.string(),
    bot_public: z
      .boolean()
      .describe(
        "Whether anyone with MANAGE_GUILD may add the bot to a guild; false: only the application's owner",
      ),
    bot: partialUserSchema,
    token: z.string().describe("Bot token, shown once: `Authorization: Bot <token>`"),
  })
  .register(responseRegistry, { id: "Application", description: "An application with its bot user" });

export const banSchema = z
  .strictObject({ user: partialUserSchema, reason: z.string().nullable() })
  .register(responseRegistry, { id: "Ban" });

export const auditLogSchema = z
  .strictObject({
    audit_log_entries: z.array(
      z.strictObject({
        id: snowflake,
        action_type: z.number().int(),
        user_id: snowflake.nullable(),
        target_id: z.string().nullable(),
        reason: z.string().nullable(),
        changes: z.unknown(),
        options: z.unknown(),
        created_at: timestamp,
      }),
    ),
    users: z.array(partialUserSchema),
  })
  .register(responseRegistry, {
    id: "AuditLog",
    description: "Audit log entries, newest first, and the users who acted",
  });

const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const errorSchema = z
  .strictObject({
    code: z.enum(errorCodes).describe("Stable UPPER_SNAKE error code"),
    message: z.string().describe("For people; may change"),
    errors: z
      .array(
        z.strictObject({
          path: z.string().describe("Dotted field path"),
          code: z.string(),
          message: z.string(),
        }),
      )
      .optional()
      .describe("Field errors of INVALID_FORM_BODY"),
    retry_after: z.number().optional().describe("RATE_LIMITED only: seconds until a retry may succeed"),
    global: z.boolean().optional().describe("RATE_LIMITED only: whether the global limit was hit"),
    invite: inviteSchema
      .optional()
      .describe(
        "INVITE_VERSION_MISMATCH only: the invite as it is now, with its metadata and current version",
      ),
  })
  .register(responseRegistry, { id: "Error", description: "The error envelope of every failed request" });

export const inviteTargetUserIdsSchema = z.array(snowflake).register(responseRegistry, {
  id: "InviteTargetUserIds",
  description: "User ids on a targeted invite's list, ascending",
});
