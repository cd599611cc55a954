import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/account/password-rules";

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
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "Password must be at most 256 characters");

export const registerSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
  // Only its length is checked here: a code that names no live invite is refused as an accept refuses it.
  invite_code: z
    .string()
    .trim()
    .max(256, "Invite code is too long")
    .nullish()
    .describe(
      "A live guild invite code: required when registration is invite-only (REGISTRATION=invite; instance admins excepted). When given, the new account joins that guild in the same transaction, and nothing is created if the invite can't be used.",
    ),
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
