#!/usr/bin/env -S npx tsx
// Writes the app's icons from the one drawing of its mark (lib/brand-mark.ts): `npx tsx scripts/make-icons.mts`.
//   app/icon.svg               the tab icon for browsers that take SVG
//   app/favicon.ico            16, 32 and 48 px, for /favicon.ico (every browser asks for it)
//   app/apple-icon.png         180 px, full bleed: the home-screen icon on iOS
//   public/icons/icon-*.png    192 and 512 px, and a full-bleed maskable 512: the web app manifest's (app/manifest.ts)
// Raster sizes are drawn by Chromium (the browser the tests use) from the SVG. Run again after changing the mark.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { brandMarkSvg } from "../lib/brand-mark";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath: existsSync(executablePath) ? executablePath : undefined,
  args: ["--no-sandbox"],
});
const page = await browser.newPage({ deviceScaleFactor: 1 });

async function png(pixels: number, fullBleed = false): Promise<Buffer> {
  await page.setViewportSize({ width: pixels, height: pixels });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${brandMarkSvg({ fullBleed, pixels })}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: pixels, height: pixels } });
}

/** An .ico holding PNG images (supported by every browser that still reads .ico). */
function ico(images: { pixels: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ pixels, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(pixels >= 256 ? 0 : pixels, entry);
    header.writeUInt8(pixels >= 256 ? 0 : pixels, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

writeFileSync("app/icon.svg", brandMarkSvg());
writeFileSync(
  "app/favicon.ico",
  ico(await Promise.all([16, 32, 48].map(async (pixels) => ({ pixels, data: await png(pixels) })))),
);
writeFileSync("app/apple-icon.png", await png(180, true));
mkdirSync("public/icons", { recursive: true });
writeFileSync("public/icons/icon-192.png", await png(192));
writeFileSync("public/icons/icon-512.png", await png(512));
writeFileSync("public/icons/icon-maskable-512.png", await png(512, true));
await browser.close();
console.log("icons written: app/icon.svg, app/favicon.ico, app/apple-icon.png, public/icons/");
