// A small QR code encoder for invite links (byte mode, level M or L, versions 1-6) with SVG output.
export { chooseVersion, encodeQr, type QrCode, type QrOptions } from "./encode";
export { qrPathData, qrToSvg, qrViewBoxSize, QUIET_ZONE } from "./svg";
export { byteCapacity, symbolSize, type EcLevel } from "./tables";
