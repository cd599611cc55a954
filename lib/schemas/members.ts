import { z } from "zod";
import { snowflakeQuerySchema } from "./ids";

/** Members list: `limit` 1-1000 (default 100), `after` a user id (pages by user id ascending). */
export const listMembersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: snowflakeQuerySchema.optional(),
});

export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;
