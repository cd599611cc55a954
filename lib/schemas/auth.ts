import { z } from "zod";

export const usernameSchema = z
  .string()
  .trim()
  .min(2, "Username must be 2 to 32 characters")
  .max(32, "Username must be 2 to 32 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "Username may use letters, digits, _ . and -");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("Enter a valid email address"));

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(256, "Password must be at most 256 characters");

export const registerSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(256),
});

export type RegisterInput = z.infer<typeof registerSchema>;

/** PATCH /users/@me (and the account page): the current password, and the new one (Discord's field names). */
export const changePasswordSchema = z.object({
  password: z.string().min(1, "Enter your current password").max(256),
  new_password: passwordSchema,
});

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
