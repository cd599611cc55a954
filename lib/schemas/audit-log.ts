import { z } from "zod";
import { snowflakeQuerySchema } from "./ids";

/** Audit log filters: action type, acting user, `before` an entry id, `limit` 1-100 (default 50). */
export const auditLogQuerySchema = z.object({
  action_type: z.coerce.number().int().min(0).max(1000).optional(),
  user_id: snowflakeQuerySchema.optional(),
  before: snowflakeQuerySchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;
