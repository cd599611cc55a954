// What the login and register server actions answer when they do not redirect: errors to show by the
// fields, and the values to put back (never the password).
export type AuthField = "email" | "password" | "username" | "invite_code";

export type AuthFormState = {
  fieldErrors?: Partial<Record<AuthField, string>>;
  formError?: string;
  values?: { email?: string; username?: string; invite_code?: string };
};

export type AuthAction = (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
