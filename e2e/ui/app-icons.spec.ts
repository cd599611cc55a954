// The app's icons: a favicon every browser asks for (/favicon.ico), the SVG and PNG icons the pages link,
// the icon a phone puts on its home screen, and the web app manifest that names them.
import { expect, test, type APIRequestContext } from "@playwright/test";

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)], "a PNG signature").toEqual([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
  ]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchImage(request: APIRequestContext, href: string, type: RegExp) {
  const response = await request.get(href);
  expect(response.status(), href).toBe(200);
  expect(response.headers()["content-type"], href).toMatch(type);
  return response.body();
}

test("/favicon.ico is a real icon with the sizes a tab and a bookmark need", async ({ request }) => {
  const bytes = await fetchImage(request, "/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/);
  // ICONDIR: reserved 0, type 1 (icon), then the number of images and one 16-byte entry each.
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  const sizes = Array.from({ length: count }, (_, i) => bytes[6 + 16 * i] || 256);
  expect(sizes).toEqual(expect.arrayContaining([16, 32]));
});

for (const path of ["/login", "/register"]) {
  test(`${path} links an SVG icon, a home-screen icon and a manifest whose icons all load`, async ({
    page,
    request,
  }) => {
    await page.goto(path);
    const links = await page.locator("head link").evaluateAll((elements) =>
      elements.map((link) => ({
        rel: link.getAttribute("rel"),
        href: (link as HTMLLinkElement).href,
        type: link.getAttribute("type"),
        sizes: link.getAttribute("sizes"),
      })),
    );
    const svg = links.find((link) => link.rel === "icon" && link.type === "image/svg+xml");
    expect(svg, "an SVG icon").toBeTruthy();
    const markup = (await fetchImage(request, svg!.href, /^image\/svg\+xml/)).toString("utf8");
    expect(markup).toContain("<svg");

    const apple = links.find((link) => link.rel === "apple-touch-icon");
    expect(apple, "a home-screen icon").toBeTruthy();
    expect(pngSize(await fetchImage(request, apple!.href, /^image\/png/))).toEqual({
      width: 180,
      height: 180,
    });

    const manifestLink = links.find((link) => link.rel === "manifest");
    expect(manifestLink, "a web app manifest").toBeTruthy();
    const manifest = await (await request.get(manifestLink!.href)).json();
    expect(manifest).toMatchObject({
      name: "Fluxer Invites",
      short_name: "Fluxer",
      start_url: "/guilds",
      display: "standalone",
    });
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    for (const size of [192, 512])
      expect(
        icons.some((icon) => icon.sizes === `${size}x${size}` && (icon.purpose ?? "any") === "any"),
        `a ${size} px icon`,
      ).toBe(true);
    expect(
      icons.some((icon) => icon.purpose === "maskable"),
      "a maskable icon for Android's shapes",
    ).toBe(true);
    for (const icon of icons) {
      const [width, height] = icon.sizes.split("x").map(Number);
      expect(icon.type).toBe("image/png");
      expect(
        pngSize(await fetchImage(request, new URL(icon.src, manifestLink!.href).href, /^image\/png/)),
        icon.src,
      ).toEqual({ width, height });
    }
  });
}
