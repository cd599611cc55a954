// Renders a QR code as one SVG path: each horizontal run of dark modules is one rectangle, drawn in module
// units inside a viewBox that includes the quiet zone (4 light modules on each side, as scanners need).
import type { QrCode } from "./encode";

export const QUIET_ZONE = 4;

/** Path data for the dark modules, offset by the quiet zone. */
export function qrPathData(qr: QrCode, quietZone = QUIET_ZONE): string {
  const parts: string[] = [];
  qr.modules.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (end + 1 < row.length && row[end + 1]) end++;
      parts.push(`M${c + quietZone} ${r + quietZone}h${end - c + 1}v1h-${end - c + 1}z`);
      c = end;
    }
  });
  return parts.join("");
}

/** Modules per side including the quiet zone: the viewBox width and height. */
export function qrViewBoxSize(qr: QrCode, quietZone = QUIET_ZONE): number {
  return qr.size + 2 * quietZone;
}

/** A standalone SVG document (dark on white), e.g. for a download link. */
export function qrToSvg(qr: QrCode, options: { pixelsPerModule?: number; quietZone?: number } = {}): string {
  const quietZone = options.quietZone ?? QUIET_ZONE;
  const box = qrViewBoxSize(qr, quietZone);
  const pixels = box * (options.pixelsPerModule ?? 4);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" width="${pixels}" height="${pixels}" shape-rendering="crispEdges">` +
    `<rect width="${box}" height="${box}" fill="#fff"/><path d="${qrPathData(qr, quietZone)}" fill="#000"/></svg>`
  );
}
