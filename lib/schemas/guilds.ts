import { z } from "zod";
import { GUILD_FEATURES } from "@/lib/constants";

export const guildNameSchema = z.string().trim().min(2, "Guild name must be 2 to 100 characters").max(100, "Guild name must be 2 to 100 characters");

export const createGuildSchema = z.object({ name: guildNameSchema });

export const updateGuildSchema = z.object({
  name: guildNameSchema.optional(),
  features: z.array(z.enum(GUILD_FEATURES)).max(GUILD_FEATURES.length).optional(),
});

export type UpdateGuildInput = z.infer<typeof updateGuildSchema>;
