// What the account page's password form answers when it does not redirect: errors by field, in words. (A
// successful change redirects to /account?password=changed: the page is then read with the new session.)
export type ChangePasswordField = "password" | "new_password" | "confirm_password";

export type ChangePasswordState = {
  status: "idle" | "error";
  fieldErrors?: Partial<Record<ChangePasswordField, string>>;
  formError?: string;
};

export type ChangePasswordAction = (
  state: ChangePasswordState,
  formData: FormData,
) => Promise<ChangePasswordState>;
