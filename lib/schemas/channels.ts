import { z } from "zod";
import { OVERWRITE_MEMBER, OVERWRITE_ROLE } from "@/lib/permissions";
import { snowflakeSchema } from "./ids";
import { permissionsSchema } from "./roles";

export const channelNameSchema = z
  .string()
  .trim()
  .min(1, "Channel name must be 1 to 100 characters")
  .max(100, "Channel name must be 1 to 100 characters");

/** Guild channel types that can be created here: text (0), voice (2), category (4). */
export const createChannelSchema = z.object({
  name: channelNameSchema,
  type: z.union([z.literal(0), z.literal(2), z.literal(4)]).optional(),
  parent_id: snowflakeSchema.nullable().optional(),
});

export const permissionOverwriteSchema = z.object({
  type: z.union([z.literal(OVERWRITE_ROLE), z.literal(OVERWRITE_MEMBER)]),
  allow: permissionsSchema.optional(),
  deny: permissionsSchema.optional(),
});

export const createGroupDmSchema = z.object({
  recipients: z.array(snowflakeSchema).max(100),
  name: z.string().trim().min(1).max(100).nullable().optional(),
});

export type CreateChannelInput = z.infer<typeof createChannelSchema>;
export type PermissionOverwriteInput = z.infer<typeof permissionOverwriteSchema>;
export type CreateGroupDmInput = z.infer<typeof createGroupDmSchema>;
