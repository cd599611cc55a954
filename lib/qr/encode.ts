// QR encoding of an invite link with the `qrcode` package, as a plain grid of modules for the SVG renderer
// beside this file. Pure code, used on the server (first render) and in the browser (the dialog).
import QRCode from "qrcode";

export type EcLevel = "L" | "M";

export type QrCode = {
  version: number;
  level: EcLevel;
  /** Modules per side (without quiet zone). */
  size: number;
  /** [row][column], true = dark. */
  modules: boolean[][];
};

/** The largest version drawn at level M: past it (links over 106 bytes) level L keeps the symbol this size up
 * to 134 bytes, so the modules stay large enough to scan from a phone screen at about 200 px. */
const MAX_VERSION_AT_M = 6;

function create(text: string, level: EcLevel) {
  // One byte-mode segment of the UTF-8 bytes: the library would otherwise split a link into numeric and
  // alphanumeric runs, and the symbol's size would no longer follow from the link's length alone.
  return QRCode.create([{ data: new TextEncoder().encode(text), mode: "byte" }], {
    errorCorrectionLevel: level,
  });
}

/** Encodes `text` (UTF-8): the smallest version at level M, or at L when M would need more than version 6. */
export function encodeQr(text: string): QrCode {
  let level: EcLevel = "M";
  let qr = create(text, level);
  if (qr.version > MAX_VERSION_AT_M) {
    level = "L";
    qr = create(text, level);
  }
  const { size } = qr.modules;
  const modules = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => qr.modules.get(row, column) === 1),
  );
  return { version: qr.version, level, size, modules };
}
