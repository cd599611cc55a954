// The registry of every /api/v1 route for the OpenAPI document. Request bodies and query strings are the
// very zod schemas the handlers validate with (lib/schemas/*), so the document can't drift from the
// validation. A route handler added under app/api/v1 without an entry here fails e2e/api/openapi.spec.ts.
//
// Errors: list what the route itself can answer (its permission checks, unknown ids, conflicts). The
// builder adds what the wrapper answers for every route of a kind: 401 for authenticated routes, 403
// ACCESS_DENIED for users-only routes, 403 INVALID_ORIGIN for writes, 400/413/415 for routes with a body,
// 400 for routes with a query, and 429 everywhere.
import { guildInviteAnalyticsQuerySchema, inviteAnalyticsQuerySchema } from "@/lib/schemas/analytics";
import { createApplicationSchema } from "@/lib/schemas/applications";
import { auditLogQuerySchema } from "@/lib/schemas/audit-log";
import { changePasswordSchema, loginSchema, registerSchema } from "@/lib/schemas/auth";
import { createBanSchema, listBansQuerySchema } from "@/lib/schemas/bans";
import { createChannelSchema, createGroupDmSchema, permissionOverwriteSchema } from "@/lib/schemas/channels";
import { gatewayQuerySchema } from "@/lib/schemas/gateway";
import { createGuildSchema, incidentActionsSchema, updateGuildSchema } from "@/lib/schemas/guilds";
import {
  createInviteSchema,
  getInviteQuerySchema,
  inviteTargetUsersSchema,
  listInviteTargetUsersQuerySchema,
  updateInviteSchema,
} from "@/lib/schemas/invites";
import { memberSearchSchema } from "@/lib/schemas/member-search";
import { listMembersQuerySchema } from "@/lib/schemas/members";
import { createRoleSchema, updateRoleSchema } from "@/lib/schemas/roles";
import { updateVanitySchema } from "@/lib/schemas/vanity";
import * as R from "./responses";
import type { ErrorCode } from "@/lib/errors";
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call: `none` (no credentials read), `optional` (anonymous works; bad credentials are still 401),
 * `user` (a user token or the browser session; bot tokens get 403 ACCESS_DENIED), `bot-or-user` (any token
 * or the session).
 */
export type RouteAuth = "none" | "optional" | "user" | "bot-or-user";

export type ApiRoute = {
  method: HttpMethod;
  /** Path below /api/v1 with `{snake_case}` parameters (see PATH_PARAMETERS); `@me` is written literally. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: RouteAuth;
  body?: z.ZodType;
  /** Extra words for body fields whose rules live in a refinement (JSON Schema can't show them). */
  bodyFieldNotes?: Record<string, string>;
  query?: z.ZodType;
  /** Whether the route reads the optional `X-Audit-Log-Reason` header. */
  auditLogReason?: boolean;
  success: { status: number; description: string; schema?: z.ZodType; array?: boolean };
  /** Error codes the route's own logic can answer (the wrapper's are added by the builder). */
  errors: ErrorCode[];
};

export type PathParameter = { description: string; schema: Record<string, unknown> };

const snowflakeParameter = (what: string): PathParameter => ({
  description: `${what} (snowflake, decimal string); anything that is not one is a 404`,
  schema: { type: "string", pattern: "^\\d{1,20}$" },
});

/** Every path parameter used below, described once. */
export const PATH_PARAMETERS: Record<string, PathParameter> = {
  guild_id: snowflakeParameter("Guild id"),
  channel_id: snowflakeParameter("Channel id"),
  user_id: snowflakeParameter("User id"),
  role_id: snowflakeParameter("Role id (the guild id for @everyone)"),
  overwrite_id: snowflakeParameter("Role or user id the overwrite targets"),
  invite_code: {
    description:
      "Invite or vanity code; lookups accept 2-32 of A-Z a-z 0-9 -, anything else is a 404. Exact match first, then lowercased.",
    schema: { type: "string" },
  },
};

export const TAGS = [
  { name: "Auth", description: "Accounts and API tokens" },
  { name: "Users", description: "The caller" },
  { name: "Guilds", description: "Guilds" },
  { name: "Channels", description: "Guild channels, permission overwrites and group DMs" },
  { name: "Roles", description: "Roles and member roles" },
  { name: "Members", description: "Guild members" },
  { name: "Bans", description: "Guild bans" },
  { name: "Invites", description: "The Fluxer Invite Resource: invites and vanity URLs" },
  { name: "Events", description: "Presence and the live event stream" },
  { name: "Audit Log", description: "Guild audit log" },
  { name: "Applications", description: "Applications and their bot users" },
  { name: "Meta", description: "This document" },
] as const;

type Tag = (typeof TAGS)[number]["name"];
type Route = Omit<ApiRoute, "tags"> & { tags: Tag[] };

const noContent = (description: string) => ({ status: 204, description });

export const API_ROUTES: Route[] = [
  // Auth
  {
    method: "POST",
    path: "/auth/register",
    operationId: "register",
    summary: "Create an account and get an API token",
    tags: ["Auth"],
    auth: "none",
    body: registerSchema,
    description:
      "Who may register is the instance's REGISTRATION setting: `open` (default) anyone; `invite` only with a live guild invite in `invite_code`; `closed` nobody (403 `REGISTRATION_CLOSED`). Instance admins (ADMIN_EMAILS) may register in every mode without a code. With `invite_code` (in any mode) the account joins the invite's guild in the same transaction, the invite's use counted once; when the invite can't be used the answer is the one accepting it would get (404 `UNKNOWN_INVITE` for an unknown, expired, used-up or revoked code, 403 `INVITES_DISABLED` while the guild's invites are paused) and no account is created. Missing `invite_code` in invite mode: 400 `INVALID_FORM_BODY` with element code `BASE_TYPE_REQUIRED`; a group DM invite: 400 with `INVITE_NOT_FOR_GUILD`.",
    success: { status: 201, description: "The account's first API token", schema: R.tokenSchema },
    errors: [
      "EMAIL_ALREADY_REGISTERED",
      "REGISTRATION_CLOSED",
      "UNKNOWN_INVITE",
      "INVITES_DISABLED",
      "SERVICE_UNAVAILABLE",
    ],
  },
  {
    method: "POST",
    path: "/auth/login",
    operationId: "login",
    summary: "Exchange email and password for a new API token",
    tags: ["Auth"],
    auth: "none",
    body: loginSchema,
    description:
      "Limited per client address (10 attempts in 30 minutes) and per account (5 failed attempts in 15 minutes, counted per email whether or not it has an account; while used up even the right password is refused). 503 when too many password hashes are already waiting.",
    success: { status: 200, description: "A new API token", schema: R.tokenSchema },
    errors: ["UNAUTHORIZED", "SERVICE_UNAVAILABLE"],
  },
  {
    method: "POST",
    path: "/auth/logout",
    operationId: "logout",
    summary: "Revoke the token this request was made with",
    tags: ["Auth"],
    auth: "bot-or-user",
    success: {
      status: 200,
      description: "Whether a token was revoked (false for a browser session)",
      schema: R.logoutSchema,
    },
    errors: [],
  },
  {
    method: "POST",
    path: "/auth/logout-all",
    operationId: "logoutAll",
    summary: "Log out everywhere: end every browser session and revoke every user token",
    description:
      "Every browser session of the caller ends (on every instance, at once) and every user token, the one making this request included, is revoked. Bot tokens of the caller's applications are left alone.",
    tags: ["Auth"],
    auth: "user",
    success: noContent("Every session has ended"),
    errors: [],
  },

  // Users
  {
    method: "GET",
    path: "/users/@me",
    operationId: "getCurrentUser",
    summary: "The caller",
    tags: ["Users"],
    auth: "bot-or-user",
    success: { status: 200, description: "The caller's own user", schema: R.selfUserSchema },
    errors: ["NOT_FOUND"],
  },
  {
    method: "PATCH",
    path: "/users/@me",
    operationId: "changePassword",
    summary: "Change the password (Discord's `{password, new_password}`)",
    description:
      "The current password must be right (else 400 with the field code INVALID_PASSWORD on `password`; wrong attempts count toward the account's sign-in limit, 429 once used up). Every browser session and every user token ends, the one making this request included; the answer carries a fresh token.",
    tags: ["Users"],
    auth: "user",
    body: changePasswordSchema,
    success: {
      status: 200,
      description: "The caller's own user and a fresh token",
      schema: R.passwordChangedSchema,
    },
    errors: ["NOT_FOUND", "CONFLICT", "SERVICE_UNAVAILABLE"],
  },
  {
    method: "GET",
    path: "/users/@me/guilds",
    operationId: "listCurrentUserGuilds",
    summary: "Guilds the caller is a member of",
    tags: ["Users", "Guilds"],
    auth: "bot-or-user",
    success: { status: 200, description: "The caller's guilds", schema: R.userGuildSchema, array: true },
    errors: ["NOT_FOUND"],
  },
  {
    method: "DELETE",
    path: "/users/@me/guilds/{guild_id}",
    operationId: "leaveGuild",
    summary: "Leave a guild (the owner cannot)",
    tags: ["Users", "Members"],
    auth: "bot-or-user",
    success: noContent("Left the guild"),
    errors: ["NOT_FOUND", "UNKNOWN_GUILD", "MISSING_ACCESS", "INVALID_FORM_BODY"],
  },
  {
    method: "POST",
    path: "/users/@me/channels",
    operationId: "createGroupDm",
    summary: "Create a group DM owned by the caller",
    tags: ["Users", "Channels"],
    auth: "user",
    body: createGroupDmSchema,
    success: { status: 200, description: "The new group DM", schema: R.groupDmSchema },
    errors: ["NOT_FOUND", "MAX_GROUP_DM_RECIPIENTS"],
  },

  // Guilds
  {
    method: "POST",
    path: "/guilds",
    operationId: "createGuild",
    summary: "Create a guild owned by the caller",
    description: "The guild starts with an @everyone role and a #general text channel.",
    tags: ["Guilds"],
    auth: "bot-or-user",
    body: createGuildSchema,
    success: { status: 201, description: "The new guild", schema: R.guildSchema },
    errors: ["MAX_GUILDS"],
  },
  {
    method: "GET",
    path: "/guilds/{guild_id}",
    operationId: "getGuild",
    summary: "A guild with its roles",
    description: "Members only; instance admins see any guild.",
    tags: ["Guilds"],
    auth: "bot-or-user",
    success: { status: 200, description: "The guild", schema: R.guildWithRolesSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS"],
  },
  {
    method: "PATCH",
    path: "/guilds/{guild_id}",
    operationId: "updateGuild",
    summary: "Rename a guild or toggle self-service features (MANAGE_GUILD)",
    description:
      "Members with MANAGE_GUILD may rename the guild and pause invites (INVITES_DISABLED); instance admins may set any feature, e.g. VANITY_URL.",
    tags: ["Guilds"],
    auth: "bot-or-user",
    body: updateGuildSchema,
    auditLogReason: true,
    success: { status: 200, description: "The updated guild", schema: R.guildWithRolesSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "PUT",
    path: "/guilds/{guild_id}/incident-actions",
    operationId: "setIncidentActions",
    summary: "Pause invites (and DMs) until a time at most 24 hours ahead (MANAGE_GUILD)",
    description:
      "Discord's incident actions. While `invites_disabled_until` is in the future, every accept of the guild's invites answers 403 INVITES_DISABLED, as the INVITES_DISABLED feature does, and invite previews show that feature; the pause ends by itself when the time passes. A PUT: a field left out counts as null (that action ends); null or a time already past ends it. `dms_disabled_until` is stored and shown but stops nothing here (there are no direct messages). Recorded as a guild update (action 1). Instance admins may set it on any guild.",
    tags: ["Guilds"],
    auth: "bot-or-user",
    body: incidentActionsSchema,
    auditLogReason: true,
    bodyFieldNotes: {
      invites_disabled_until:
        "ISO 8601 with Z or an offset; at most 24 hours from now (else field code TIMESTAMP_TOO_FAR_IN_FUTURE); null ends the pause.",
      dms_disabled_until:
        "ISO 8601 with Z or an offset; at most 24 hours from now (else field code TIMESTAMP_TOO_FAR_IN_FUTURE); null ends it.",
    },
    success: { status: 200, description: "The guild's incidents data now", schema: R.incidentsDataSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },

  // Channels
  {
    method: "GET",
    path: "/guilds/{guild_id}/channels",
    operationId: "listGuildChannels",
    summary: "The guild's channels the caller can view",
    tags: ["Channels"],
    auth: "bot-or-user",
    success: { status: 200, description: "Channels by position", schema: R.channelSchema, array: true },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS"],
  },
  {
    method: "POST",
    path: "/guilds/{guild_id}/channels",
    operationId: "createGuildChannel",
    summary: "Create a text, voice or category channel (MANAGE_CHANNELS)",
    tags: ["Channels"],
    auth: "bot-or-user",
    body: createChannelSchema,
    auditLogReason: true,
    success: { status: 201, description: "The new channel", schema: R.channelSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "PUT",
    path: "/channels/{channel_id}/permissions/{overwrite_id}",
    operationId: "setChannelPermissionOverwrite",
    summary: "Set a role or member permission overwrite on a channel (MANAGE_ROLES)",
    tags: ["Channels"],
    auth: "bot-or-user",
    body: permissionOverwriteSchema,
    auditLogReason: true,
    success: noContent("Overwrite saved"),
    errors: [
      "UNKNOWN_CHANNEL",
      "NOT_FOUND",
      "UNKNOWN_ROLE",
      "UNKNOWN_MEMBER",
      "MISSING_ACCESS",
      "MISSING_PERMISSIONS",
    ],
  },
  {
    method: "DELETE",
    path: "/channels/{channel_id}/permissions/{overwrite_id}",
    operationId: "deleteChannelPermissionOverwrite",
    summary: "Remove a permission overwrite (MANAGE_ROLES)",
    tags: ["Channels"],
    auth: "bot-or-user",
    auditLogReason: true,
    success: noContent("Overwrite removed (or there was none)"),
    errors: ["UNKNOWN_CHANNEL", "NOT_FOUND", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },

  // Roles
  {
    method: "GET",
    path: "/guilds/{guild_id}/roles",
    operationId: "listRoles",
    summary: "The guild's roles, lowest position first",
    tags: ["Roles"],
    auth: "bot-or-user",
    success: { status: 200, description: "Roles", schema: R.roleSchema, array: true },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS"],
  },
  {
    method: "POST",
    path: "/guilds/{guild_id}/roles",
    operationId: "createRole",
    summary: "Create a role (MANAGE_ROLES)",
    description: "A role can't grant permissions its creator lacks.",
    tags: ["Roles"],
    auth: "bot-or-user",
    body: createRoleSchema,
    auditLogReason: true,
    success: { status: 201, description: "The new role", schema: R.roleSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "PATCH",
    path: "/guilds/{guild_id}/roles/{role_id}",
    operationId: "updateRole",
    summary: "Edit a role (MANAGE_ROLES)",
    tags: ["Roles"],
    auth: "bot-or-user",
    body: updateRoleSchema,
    auditLogReason: true,
    success: { status: 200, description: "The updated role", schema: R.roleSchema },
    errors: ["UNKNOWN_GUILD", "UNKNOWN_ROLE", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "PUT",
    path: "/guilds/{guild_id}/members/{user_id}/roles/{role_id}",
    operationId: "addMemberRole",
    summary: "Give a member a role; makes a temporary membership permanent (MANAGE_ROLES)",
    tags: ["Roles", "Members"],
    auth: "bot-or-user",
    auditLogReason: true,
    success: noContent("Role given (or already held)"),
    errors: [
      "UNKNOWN_GUILD",
      "UNKNOWN_MEMBER",
      "UNKNOWN_ROLE",
      "MISSING_ACCESS",
      "MISSING_PERMISSIONS",
      "INVALID_FORM_BODY",
    ],
  },
  {
    method: "DELETE",
    path: "/guilds/{guild_id}/members/{user_id}/roles/{role_id}",
    operationId: "removeMemberRole",
    summary: "Take a role away from a member (MANAGE_ROLES)",
    tags: ["Roles", "Members"],
    auth: "bot-or-user",
    auditLogReason: true,
    success: noContent("Role taken away (or was not held)"),
    errors: [
      "UNKNOWN_GUILD",
      "UNKNOWN_MEMBER",
      "UNKNOWN_ROLE",
      "MISSING_ACCESS",
      "MISSING_PERMISSIONS",
      "INVALID_FORM_BODY",
    ],
  },

  // Members
  {
    method: "GET",
    path: "/guilds/{guild_id}/members",
    operationId: "listMembers",
    summary: "Members by user id ascending",
    tags: ["Members"],
    auth: "bot-or-user",
    query: listMembersQuerySchema,
    success: { status: 200, description: "A page of members", schema: R.memberSchema, array: true },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS"],
  },
  {
    method: "GET",
    path: "/guilds/{guild_id}/members/{user_id}",
    operationId: "getMember",
    summary: "One member",
    tags: ["Members"],
    auth: "bot-or-user",
    success: { status: 200, description: "The member", schema: R.memberSchema },
    errors: ["UNKNOWN_GUILD", "UNKNOWN_MEMBER", "MISSING_ACCESS"],
  },
  {
    method: "PUT",
    path: "/guilds/{guild_id}/members/{user_id}",
    operationId: "addMember",
    summary: "Add a bot to the guild (MANAGE_GUILD); instance admins may add anyone",
    description:
      "People join through invites; only bots can be added directly (201 with the member, 204 when already a member). A private bot (`bot_public: false`) only by its application's owner (403 `BOT_IS_PRIVATE`).",
    tags: ["Members"],
    auth: "bot-or-user",
    auditLogReason: true,
    success: {
      status: 201,
      description: "The new member (204 No Content when already a member)",
      schema: R.memberSchema,
    },
    errors: [
      "UNKNOWN_GUILD",
      "UNKNOWN_USER",
      "UNKNOWN_MEMBER",
      "MISSING_ACCESS",
      "MISSING_PERMISSIONS",
      "BOT_IS_PRIVATE",
      "USER_BANNED_FROM_GUILD",
      "MAX_GUILDS",
      "INVALID_FORM_BODY",
    ],
  },
  {
    method: "DELETE",
    path: "/guilds/{guild_id}/members/{user_id}",
    operationId: "kickMember",
    summary: "Kick a member (KICK_MEMBERS)",
    tags: ["Members"],
    auth: "bot-or-user",
    auditLogReason: true,
    success: noContent("Kicked"),
    errors: ["UNKNOWN_GUILD", "UNKNOWN_MEMBER", "MISSING_ACCESS", "MISSING_PERMISSIONS", "INVALID_FORM_BODY"],
  },

  // Member search (Fluxer's guild member search)
  {
    method: "POST",
    path: "/guilds/{guild_id}/members-search",
    operationId: "searchGuildMembers",
    summary:
      "Search members by name, role and join (KICK_MEMBERS, BAN_MEMBERS, MANAGE_ROLES, MANAGE_NICKNAMES, MODERATE_MEMBERS or MANAGE_GUILD)",
    description:
      "Every body field is optional; an empty body returns the newest members. Sorted by join time, newest first, unless `sort_by`/`sort_order` say otherwise (ties: descending user id). `join_source_type` and `source_invite_code` filter only for callers with MANAGE_GUILD and are ignored for others, whose `supplemental` fields are all null. A non-member gets the same 403 MISSING_PERMISSIONS as a member without the permissions. Shares the bucket `guild:members:{guild_id}` (40 per 10 s per caller and guild) with the member list, one member and the ban list. Answered from database indexes: `total_result_count` is exact and `indexing` always false. A body that is not JSON is 400 INVALID_FORM_BODY with `INVALID_FORMAT` at `body`.",
    tags: ["Members"],
    auth: "bot-or-user",
    body: memberSearchSchema,
    success: {
      status: 200,
      description: "A page of matching members and the exact total",
      schema: R.memberSearchResponseSchema,
    },
    errors: ["UNKNOWN_GUILD", "MISSING_PERMISSIONS"],
  },

  // Bans
  {
    method: "GET",
    path: "/guilds/{guild_id}/bans",
    operationId: "listBans",
    summary: "The guild's bans (BAN_MEMBERS)",
    tags: ["Bans"],
    auth: "bot-or-user",
    query: listBansQuerySchema,
    success: { status: 200, description: "Bans", schema: R.banSchema, array: true },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "PUT",
    path: "/guilds/{guild_id}/bans/{user_id}",
    operationId: "banUser",
    summary: "Ban a user and remove them from the guild (BAN_MEMBERS)",
    tags: ["Bans"],
    auth: "bot-or-user",
    body: createBanSchema,
    auditLogReason: true,
    success: noContent("Banned"),
    errors: ["UNKNOWN_GUILD", "UNKNOWN_USER", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "DELETE",
    path: "/guilds/{guild_id}/bans/{user_id}",
    operationId: "unbanUser",
    summary: "Lift a ban (BAN_MEMBERS)",
    tags: ["Bans"],
    auth: "bot-or-user",
    auditLogReason: true,
    success: noContent("Ban lifted"),
    errors: ["UNKNOWN_GUILD", "UNKNOWN_BAN", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },

  // Audit log
  {
    method: "GET",
    path: "/guilds/{guild_id}/audit-logs",
    operationId: "listAuditLog",
    summary: "The guild's audit log, newest first (VIEW_AUDIT_LOG)",
    tags: ["Audit Log"],
    auth: "bot-or-user",
    query: auditLogQuerySchema,
    success: { status: 200, description: "Entries and the users who acted", schema: R.auditLogSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },

  // Applications
  {
    method: "POST",
    path: "/applications",
    operationId: "createApplication",
    summary: "Create an application with its bot user",
    description:
      "The bot token is returned once; the bot authenticates with `Authorization: Bot <token>`. `bot_public` (default true, as on Discord): whether any guild manager may add the bot, or only the application's owner.",
    tags: ["Applications"],
    auth: "user",
    body: createApplicationSchema,
    success: {
      status: 201,
      description: "The application, its bot and the bot token",
      schema: R.applicationSchema,
    },
    errors: [],
  },

  // Presence and live events
  {
    method: "GET",
    path: "/gateway/events",
    operationId: "openEventStream",
    summary: "Server-sent event stream (text/event-stream)",
    description:
      "Signed-in streams (session cookie or token) count as presence while open and receive INVITE_CREATE / INVITE_UPDATE / INVITE_DELETE (MANAGE_CHANNELS on the channel), GUILD_MEMBER_ADD / GUILD_MEMBER_REMOVE (members) and GUILD_COUNTS_UPDATE for `guild_counts`. Anonymous streams may only follow counts of guilds with a live invite. First event READY; `: ping` comments every ~15 s. See docs/presence.md.",
    tags: ["Events"],
    auth: "optional",
    query: gatewayQuerySchema,
    success: { status: 200, description: "An open text/event-stream" },
    errors: ["UNKNOWN_GUILD"],
  },
  {
    method: "GET",
    path: "/guilds/{guild_id}/presence",
    operationId: "getGuildPresence",
    summary: "How many members are online (members only)",
    tags: ["Events"],
    auth: "bot-or-user",
    success: { status: 200, description: "Online and total member counts", schema: R.guildPresenceSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS"],
  },

  // Invites (the Fluxer Invite Resource)
  {
    method: "GET",
    path: "/invites/{invite_code}",
    operationId: "getInvite",
    summary: "Preview an invite",
    description:
      "Works anonymously. `uses`, `max_uses` and `max_age` are included only for the inviter and members with MANAGE_CHANNELS on the invite's channel. Unknown, expired and used-up codes are all 404 UNKNOWN_INVITE; too many 404s from one client address turn into 429. A targeted invite (flags IS_TARGETED) is 404 UNKNOWN_INVITE to anonymous callers and to everyone but its targets, its inviter, members with MANAGE_GUILD and members with MANAGE_CHANNELS on its channel.",
    tags: ["Invites"],
    auth: "optional",
    query: getInviteQuerySchema,
    success: { status: 200, description: "The invite", schema: R.inviteSchema },
    errors: ["UNKNOWN_INVITE"],
  },
  {
    method: "POST",
    path: "/invites/{invite_code}",
    operationId: "acceptInvite",
    summary: "Accept an invite: join its guild or group DM",
    description:
      "Users only. Already a member: 200 with the invite and no use counted, and the invite's `roles` are given all the same. A new member gets them too. A targeted invite is 404 UNKNOWN_INVITE to anyone not on its target list (nothing is counted). Counts are included in the answer.",
    tags: ["Invites"],
    auth: "user",
    success: { status: 200, description: "The invite that was accepted", schema: R.inviteSchema },
    errors: [
      "UNKNOWN_INVITE",
      "INVITES_DISABLED",
      "USER_BANNED_FROM_GUILD",
      "MAX_GUILDS",
      "MAX_GROUP_DM_RECIPIENTS",
      "CONFLICT",
    ],
  },
  {
    method: "PATCH",
    path: "/invites/{invite_code}",
    operationId: "updateInvite",
    summary: "Edit an invite at the version you read (its inviter, or MANAGE_CHANNELS on its channel)",
    description:
      "Changes `max_uses`, `max_age` (the expiry restarts from now; 0 = never), `temporary` and `role_ids` (replaces the roles accepting gives; needs MANAGE_ROLES too, and every role added or taken off must be below the caller's highest role, not @everyone, and without ADMINISTRATOR unless the caller owns the guild). `version` must be the invite's current version, else 409 INVITE_VERSION_MISMATCH with the invite as it is now in `invite`; on success the version goes up by one. Of two editors who read the same version, one gets 200 and the other 409. Unknown fields are refused (field code UNKNOWN_FIELD). Group DM invites: the inviter or the channel owner. Vanity codes are managed with PATCH /guilds/{guild_id}/vanity-url and are 404 here. Recorded as INVITE_UPDATE (action 41) with the changed keys; managers' streams receive INVITE_UPDATE.",
    tags: ["Invites"],
    auth: "bot-or-user",
    body: updateInviteSchema,
    auditLogReason: true,
    bodyFieldNotes: {
      max_uses:
        "0 = unlimited; never below the invite's `uses` (400, field code MAX_USES_BELOW_USES). Equal to `uses` closes the invite.",
    },
    success: { status: 200, description: "The edited invite with its metadata", schema: R.inviteSchema },
    errors: ["UNKNOWN_INVITE", "MISSING_ACCESS", "MISSING_PERMISSIONS", "INVITE_VERSION_MISMATCH"],
  },
  {
    method: "DELETE",
    path: "/invites/{invite_code}",
    operationId: "deleteInvite",
    summary: "Revoke an invite (its inviter, or MANAGE_CHANNELS on its channel)",
    description:
      "Group DM invites: the inviter or the channel owner. Vanity codes are managed with PATCH /guilds/{guild_id}/vanity-url and are 404 here.",
    tags: ["Invites"],
    auth: "bot-or-user",
    auditLogReason: true,
    success: { status: 200, description: "The deleted invite with its metadata", schema: R.inviteSchema },
    errors: ["UNKNOWN_INVITE", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "GET",
    path: "/channels/{channel_id}/invites",
    operationId: "listChannelInvites",
    summary: "The channel's live invites (MANAGE_CHANNELS)",
    description: "Newest first, with metadata; the vanity invite is left out.",
    tags: ["Invites"],
    auth: "bot-or-user",
    success: { status: 200, description: "Invites", schema: R.inviteSchema, array: true },
    errors: ["UNKNOWN_CHANNEL", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "POST",
    path: "/channels/{channel_id}/invites",
    operationId: "createChannelInvite",
    summary: "Create an invite (CREATE_INSTANT_INVITE)",
    description:
      "Needs VIEW_CHANNEL and CREATE_INSTANT_INVITE on the channel after overwrites; for a group DM, any recipient. `unique: false` returns the caller's live invite with the same settings when there is one (never for an invite with `role_ids` or `target_user_ids`). A guild holds at most 1000 live invites. `role_ids` (guild invites, up to 10): roles accepting gives, also to someone already a member; needs MANAGE_ROLES too, each role below the caller's highest (the owner is exempt), never @everyone (field code CANNOT_ASSIGN_EVERYONE), never a role with ADMINISTRATOR unless the caller owns the guild. `target_user_ids` (guild invites, 1-1000 ids, kept as given: an id with no account never matches): only those users may see or accept the invite (flags IS_TARGETED); manage the list with /invites/{invite_code}/target-users.",
    tags: ["Invites"],
    auth: "bot-or-user",
    body: createInviteSchema,
    auditLogReason: true,
    success: { status: 200, description: "The invite with its metadata", schema: R.inviteSchema },
    errors: ["UNKNOWN_CHANNEL", "MISSING_ACCESS", "MISSING_PERMISSIONS", "MAX_INVITES"],
  },
  {
    method: "GET",
    path: "/invites/{invite_code}/target-users",
    operationId: "listInviteTargetUsers",
    summary: "The user ids a targeted invite is for (its inviter or MANAGE_GUILD)",
    description:
      "Ascending, `limit` at a time (1-1000, default 100) after the id `after`. An invite that is not targeted has an empty list. To anyone who may not see the invite it is 404 UNKNOWN_INVITE.",
    tags: ["Invites"],
    auth: "bot-or-user",
    query: listInviteTargetUsersQuerySchema,
    success: { status: 200, description: "User ids", schema: R.inviteTargetUserIdsSchema },
    errors: ["UNKNOWN_INVITE", "MISSING_PERMISSIONS"],
  },
  {
    method: "PUT",
    path: "/invites/{invite_code}/target-users/{user_id}",
    operationId: "addInviteTargetUser",
    summary: "Add a user to a targeted invite (its inviter or MANAGE_GUILD)",
    description:
      "Idempotent. The id is kept as given (an id with no account is accepted and never matches). A list holds at most 1000 users (field code MAX_INVITE_TARGETS); an invite that is not targeted can't get one (field code INVITE_NOT_TARGETED). Managers' streams receive INVITE_UPDATE.",
    tags: ["Invites"],
    auth: "bot-or-user",
    success: noContent("Added (or already on the list)"),
    errors: ["UNKNOWN_INVITE", "MISSING_PERMISSIONS", "INVALID_FORM_BODY"],
  },
  {
    method: "DELETE",
    path: "/invites/{invite_code}/target-users/{user_id}",
    operationId: "removeInviteTargetUser",
    summary: "Take a user off a targeted invite (its inviter or MANAGE_GUILD)",
    description:
      "Idempotent. From then on the invite is 404 UNKNOWN_INVITE to that user, accepting included. Managers' streams receive INVITE_UPDATE.",
    tags: ["Invites"],
    auth: "bot-or-user",
    success: noContent("Removed (or was not on the list)"),
    errors: ["UNKNOWN_INVITE", "MISSING_PERMISSIONS", "INVALID_FORM_BODY"],
  },
  {
    method: "POST",
    path: "/invites/{invite_code}/target-users/bulk-add",
    operationId: "bulkAddInviteTargetUsers",
    summary: "Add up to 1000 users to a targeted invite (its inviter or MANAGE_GUILD)",
    description:
      "All or nothing: ids already on the list are skipped; a list holds at most 1000 users (field code MAX_INVITE_TARGETS); an invite that is not targeted can't get one (field code INVITE_NOT_TARGETED).",
    tags: ["Invites"],
    auth: "bot-or-user",
    body: inviteTargetUsersSchema,
    success: noContent("Added"),
    errors: ["UNKNOWN_INVITE", "MISSING_PERMISSIONS"],
  },
  {
    method: "POST",
    path: "/invites/{invite_code}/target-users/bulk-delete",
    operationId: "bulkDeleteInviteTargetUsers",
    summary: "Take up to 1000 users off a targeted invite (its inviter or MANAGE_GUILD)",
    description: "Ids not on the list are skipped.",
    tags: ["Invites"],
    auth: "bot-or-user",
    body: inviteTargetUsersSchema,
    success: noContent("Removed"),
    errors: ["UNKNOWN_INVITE", "MISSING_PERMISSIONS"],
  },
  {
    method: "GET",
    path: "/guilds/{guild_id}/invites",
    operationId: "listGuildInvites",
    summary: "The guild's live invites (MANAGE_GUILD)",
    description: "Newest first, with metadata; the vanity invite is left out.",
    tags: ["Invites"],
    auth: "bot-or-user",
    success: { status: 200, description: "Invites", schema: R.inviteSchema, array: true },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "GET",
    path: "/guilds/{guild_id}/vanity-url",
    operationId: "getVanityUrl",
    summary: "The guild's vanity code and its uses (MANAGE_GUILD)",
    tags: ["Invites"],
    auth: "bot-or-user",
    success: { status: 200, description: "The vanity URL", schema: R.vanityUrlSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "PATCH",
    path: "/guilds/{guild_id}/vanity-url",
    operationId: "updateVanityUrl",
    summary: "Set, change or clear the vanity code (MANAGE_GUILD and the VANITY_URL feature)",
    description:
      "Setting the current code again is a no-op. A code a guild gives up stays locked to that guild for 30 days. The vanity invite never expires, has unlimited uses and lands in the first text channel @everyone can view.",
    tags: ["Invites"],
    auth: "bot-or-user",
    body: updateVanitySchema,
    auditLogReason: true,
    bodyFieldNotes: {
      code: "Trimmed and lowercased; 3-32 of a-z 0-9 and -, no leading or trailing hyphen, not a reserved route name; null clears it. Field error codes: VANITY_URL_CODE_LENGTH_INVALID, VANITY_URL_INVALID_CHARACTERS, VANITY_URL_RESERVED.",
    },
    success: { status: 200, description: "The vanity URL now", schema: R.vanityUrlSchema },
    errors: [
      "UNKNOWN_GUILD",
      "MISSING_ACCESS",
      "MISSING_PERMISSIONS",
      "VANITY_URL_REQUIRES_FEATURE",
      "VANITY_URL_CODE_ALREADY_TAKEN",
      "MAX_INVITES",
    ],
  },

  // Invite analytics
  {
    method: "GET",
    path: "/invites/{invite_code}/analytics",
    operationId: "getInviteAnalytics",
    summary: "An invite's views, unique visitors, joins, unfurls and referrers (its inviter or MANAGE_GUILD)",
    description:
      "Counts per UTC hour or day in `[from, to)`, every bucket present (zeros included), totals over the range and the top referring hosts. Counts reach the database every 10 s, so the latest may lag by that much. Unique visitors are counted per UTC day by each instance (a visitor seen by two instances the same day counts on each); no address or visitor hash is stored. An invite that lapsed (expired, used up) keeps its analytics until it is purged, for the callers allowed to read them; to anyone else it is unknown.",
    tags: ["Invites"],
    auth: "bot-or-user",
    query: inviteAnalyticsQuerySchema,
    success: { status: 200, description: "The invite's analytics", schema: R.inviteAnalyticsSchema },
    errors: ["UNKNOWN_INVITE", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },
  {
    method: "GET",
    path: "/guilds/{guild_id}/invite-analytics",
    operationId: "getGuildInviteAnalytics",
    summary: "Every invite of the guild with its views, joins and conversion (MANAGE_GUILD)",
    description:
      "Over `[from, to)` (default the last 30 days), the guild's invites (the vanity invite included) ranked by joins, then conversion, then views.",
    tags: ["Invites"],
    auth: "bot-or-user",
    query: guildInviteAnalyticsQuerySchema,
    success: { status: 200, description: "The ranking", schema: R.guildInviteAnalyticsSchema },
    errors: ["UNKNOWN_GUILD", "MISSING_ACCESS", "MISSING_PERMISSIONS"],
  },

  // Meta
  {
    method: "GET",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI 3.1 document",
    tags: ["Meta"],
    auth: "none",
    success: { status: 200, description: "The document" },
    errors: [],
  },
];
