// Reading a landing page as its HTML says it: which viewer's variant is the visible one, whose name it shows,
// and the page without what Next numbers or orders per render. Kept pages set these per response
// (server/landing/landing-fast-path.ts), so tests read them from every answer.
import { expect, type PlaywrightWorkerArgs } from "@playwright/test";
import { addressHeaders, randomIp, type TestUser } from "../fixtures";
import { callbackSignIn } from "../security/support/auth-flows";

/** The value of the primary action's data-landing-viewer attribute (the page must have exactly one). */
export function shownViewer(html: string): string {
  const values = [...html.matchAll(/ data-landing-viewer="([^"]*)"/g)].map((match) => match[1]!);
  expect(values, "one data-landing-viewer attribute").toHaveLength(1);
  return values[0]!;
}

/** The text of the signed-in name element, or null when the page has none. */
export function shownName(html: string): string | null {
  const match = /data-landing-viewer-name=""[^>]*>([^<]*)</.exec(html);
  return match ? match[1]! : null;
}

/**
 * The page as a person (or a browser without JavaScript) gets it: the HTML less Next's flight-data scripts
 * (rows in the order their data arrived) and with the no-JavaScript form fields of server actions renumbered
 * (Next numbers them in the order a render reaches them). Two renders of one page for one viewer are equal here.
 */
export function visiblePage(html: string): string {
  return html
    .replace(/<script>self\.__next_f\.push\(.*?\)<\/script>/gs, "")
    .replace(/(?:<input type="hidden" name="\$ACTION_[^>]*\/>)+/g, (run) =>
      (run.match(/<input[^>]*\/>/g) ?? [])
        .map((input) => input.replace(/\$ACTION_(REF_)?\d+/g, "$ACTION_$1N"))
        .sort()
        .join(""),
    );
}

/** An Auth.js session cookie ("name=value") for `user`, signed in through Auth.js's credentials callback. */
export async function sessionCookie(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  user: TestUser,
): Promise<string> {
  const ip = randomIp();
  const browser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: addressHeaders(ip) });
  try {
    expect(await callbackSignIn(browser, { email: user.email, password: user.password, ip })).toMatchObject({
      isSignedIn: true,
    });
    const cookie = (await browser.storageState()).cookies.find((entry) =>
      entry.name.endsWith("authjs.session-token"),
    );
    expect(cookie, "a session cookie").toBeTruthy();
    return `${cookie!.name}=${cookie!.value}`;
  } finally {
    await browser.dispose();
  }
}
