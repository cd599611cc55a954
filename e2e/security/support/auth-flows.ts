// Signing in the ways an attacker can reach: Auth.js's own credentials callback (what a script or another
// site's form posts to, CSRF token first), the JSON API, and reading what came back.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { addressHeaders } from "../../fixtures";

export type CallbackAnswer = {
  status: number;
  location: string;
  /** The `code` of a refusal redirect (`/login?error=CredentialsSignin&code=…`), else null. */
  code: string | null;
  /** Whether a session cookie was set: the sign-in worked. */
  isSignedIn: boolean;
};

/** Whether a response sets a non-empty Auth.js session cookie. */
export function setsSession(response: APIResponse): boolean {
  return response
    .headersArray()
    .some(
      (header) =>
        header.name.toLowerCase() === "set-cookie" &&
        /authjs\.session-token=[^;]+/.test(header.value) &&
        !/authjs\.session-token=;/.test(header.value),
    );
}

function refusalCode(location: string): string | null {
  if (!location) return null;
  const url = new URL(location, "http://relative.invalid");
  return url.searchParams.get("error") === "CredentialsSignin" ? url.searchParams.get("code") : null;
}

/** POST /api/auth/callback/credentials from `ip`, with the CSRF token Auth.js hands out first. */
export async function callbackSignIn(
  request: APIRequestContext,
  input: { email: string; password: string; ip: string; callbackUrl?: string },
): Promise<CallbackAnswer> {
  const headers = addressHeaders(input.ip);
  const csrf = await request.get("/api/auth/csrf", { headers });
  expect(csrf.status(), await csrf.text()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form: Record<string, string> = { csrfToken, email: input.email, password: input.password };
  if (input.callbackUrl !== undefined) form.callbackUrl = input.callbackUrl;
  const response = await request.post("/api/auth/callback/credentials", { form, headers, maxRedirects: 0 });
  const location = response.headers()["location"] ?? "";
  return {
    status: response.status(),
    location,
    code: refusalCode(location),
    isSignedIn: setsSession(response),
  };
}

/** POST /api/v1/auth/login from `ip`. */
export async function apiLogin(
  request: APIRequestContext,
  input: { email: string; password: string; ip: string },
): Promise<APIResponse> {
  return request.post("/api/v1/auth/login", {
    data: { email: input.email, password: input.password },
    headers: addressHeaders(input.ip),
  });
}
