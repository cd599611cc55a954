import { z } from "zod";

export const createApplicationSchema = z.object({
  name: z.string().trim().min(2, "Application name must be 2 to 32 characters").max(32, "Application name must be 2 to 32 characters"),
});

export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;
