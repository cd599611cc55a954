import { encodeQr, qrPathData, qrToSvg, qrViewBoxSize } from "@/lib/qr";

type QrCodeProps = { value: string; label: string; className?: string };

/** `value` as a QR code: dark modules on white with the quiet zone, sharp at about 4-6 px per module. */
export function QrCode({ value, label, className }: QrCodeProps) {
  const qr = encodeQr(value);
  const box = qrViewBoxSize(qr);
  const pixels = box * Math.max(4, Math.round(200 / box));
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${box} ${box}`}
      width={pixels}
      height={pixels}
      shapeRendering="crispEdges"
      data-testid="invite-qr"
      data-qr-version={qr.version}
      data-qr-modules={qr.size}
      className={className}
    >
      <rect width={box} height={box} fill="#fff" />
      <path d={qrPathData(qr)} fill="#000" />
    </svg>
  );
}

/** A data: URL of the same QR code as an SVG file, for a download link (posters, slides). */
export function qrDownloadHref(value: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrToSvg(encodeQr(value), { pixelsPerModule: 10 }))}`;
}
