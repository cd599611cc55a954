// The app's mark (a rounded square with a flowing "F"), drawn once: the header's <Brand /> renders these
// shapes, and scripts/make-icons.mts turns brandMarkSvg() into app/icon.svg and every raster icon (favicon,
// home-screen and manifest icons), so they never drift apart.

export const BRAND_MARK = {
  size: 32,
  radius: 9,
  gradient: { from: "#818cf8", to: "#4f46e5" },
  /** The "F": a stroke, not a fill. */
  stroke: { d: "M11 24V10.5c0-1.4 1.1-2.5 2.5-2.5H22M11 16.5h7.5", width: 3.2, color: "#fff" },
} as const;

/**
 * The mark as a standalone SVG document. `fullBleed` drops the rounded corners (home-screen and maskable
 * icons: the phone cuts its own shape, and the "F" already sits inside the safe zone).
 */
export function brandMarkSvg({
  fullBleed = false,
  pixels,
}: { fullBleed?: boolean; pixels?: number } = {}): string {
  const { size, radius, gradient, stroke } = BRAND_MARK;
  const dimensions = pixels ? ` width="${pixels}" height="${pixels}"` : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}"${dimensions}>`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${gradient.from}"/><stop offset="1" stop-color="${gradient.to}"/></linearGradient></defs>`,
    `<rect width="${size}" height="${size}" rx="${fullBleed ? 0 : radius}" fill="url(#g)"/>`,
    `<path d="${stroke.d}" stroke="${stroke.color}" stroke-width="${stroke.width}" stroke-linecap="round" fill="none"/>`,
    `</svg>`,
    "",
  ].join("\n");
}
