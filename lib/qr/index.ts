// QR codes for invite links: encoded by the `qrcode` package (byte mode, level M or L), drawn as SVG here.
export { encodeQr, type EcLevel, type QrCode } from "./encode";
export { qrPathData, qrToSvg, qrViewBoxSize, QUIET_ZONE } from "./svg";
