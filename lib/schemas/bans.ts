import { z } from "zod";

export const createBanSchema = z.object({
  reason: z.string().trim().max(512, "Reason must be at most 512 characters").nullable().optional(),
});

export const listBansQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
});

export type CreateBanInput = z.infer<typeof createBanSchema>;
