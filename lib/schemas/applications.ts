import { z } from "zod";

export const createApplicationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Application name must be 2 to 32 characters")
    .max(32, "Application name must be 2 to 32 characters"),
  bot_public: z
    .boolean()
    .default(true)
    .describe(
      "Whether anyone with MANAGE_GUILD may add the bot to a guild; false: only the application's owner",
    ),
});

export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;
