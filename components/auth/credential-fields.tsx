// The email and password fields every account form asks for, written once so their autocomplete hints (which
// password managers read), length rules and hints stay the same on the login, register and password pages.
import { Field } from "@/components/ui/input";
import { PASSWORD_MIN_LENGTH } from "@/lib/account/password-rules";

type Common = { error?: string; autoFocus?: boolean };

export function EmailField({ defaultValue, error, autoFocus }: Common & { defaultValue?: string }) {
  return (
    <Field
      name="email"
      type="email"
      label="Email"
      autoComplete="email"
      required
      autoFocus={autoFocus}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

/**
 * A password field. `kind`: "current" is one the account has (log in, confirm a change); "new" is one being
 * chosen, with its length rule shown; "confirm" repeats a new one.
 */
export function PasswordField({
  name = "password",
  label = "Password",
  kind,
  error,
  autoFocus,
}: Common & { name?: string; label?: string; kind: "current" | "new" | "confirm" }) {
  const isNew = kind === "new";
  return (
    <Field
      name={name}
      type="password"
      label={label}
      autoComplete={kind === "current" ? "current-password" : "new-password"}
      required
      autoFocus={autoFocus}
      minLength={isNew ? PASSWORD_MIN_LENGTH : undefined}
      hint={isNew ? `At least ${PASSWORD_MIN_LENGTH} characters` : undefined}
      error={error}
    />
  );
}
