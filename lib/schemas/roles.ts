import { z } from "zod";

// Stored in a signed 64-bit column, so the highest usable bit is 62 (Fluxer and Discord use far fewer).
const MAX_PERMISSIONS = (1n << 63n) - 1n;

/** A permission mask: a decimal string (as the API returns it) or a non-negative safe integer. */
export const permissionsSchema = z.union([z.string(), z.number()]).transform((value, context) => {
  const text =
    typeof value === "number"
      ? Number.isSafeInteger(value) && value >= 0
        ? String(value)
        : ""
      : value.trim();
  if (!/^\d{1,19}$/.test(text) || BigInt(text) > MAX_PERMISSIONS) {
    context.addIssue({
      code: "custom",
      message: "Permissions must be a non-negative integer or decimal string",
      params: { code: "INVALID_PERMISSIONS" },
    });
    return z.NEVER;
  }
  return BigInt(text);
});

const roleNameSchema = z
  .string()
  .trim()
  .min(1, "Role name must be 1 to 100 characters")
  .max(100, "Role name must be 1 to 100 characters");
const colorSchema = z.number().int().min(0).max(0xffffff);

export const createRoleSchema = z.object({
  name: roleNameSchema,
  permissions: permissionsSchema.optional(),
  color: colorSchema.optional(),
});

export const updateRoleSchema = z.object({
  name: roleNameSchema.optional(),
  permissions: permissionsSchema.optional(),
  color: colorSchema.optional(),
});

export type CreateRoleInput = z.infer<typeof createRoleSchema>;
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>;
