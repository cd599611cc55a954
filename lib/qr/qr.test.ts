import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encodeQr, qrPathData, qrToSvg, qrViewBoxSize } from "./index";

const rows = (modules: boolean[][]) => modules.map((row) => row.map((dark) => (dark ? "1" : "0")).join(""));

// Reference matrices from libqrencode (`qrencode -8 -l M -m 0 -t ASCII`), which picks the same mask here: the
// symbols we draw are the ones an independent encoder makes, module for module.
const FLUXER_V1_M_MASK2 = [
  "111111100011001111111",
  "100000100010101000001",
  "101110101100001011101",
  "101110101010001011101",
  "101110101001101011101",
  "100000101100101000001",
  "111111101010101111111",
  "000000001111100000000",
  "101111100100101111100",
  "011000011110100101001",
  "110101110001010010110",
  "101110010010000111101",
  "111110100011010011010",
  "000000001101111101100",
  "111111100100101101110",
  "100000101101111111101",
  "101110101010100101010",
  "101110101100100010000",
  "101110101111010000100",
  "100000100000000001100",
  "111111101101010000010",
];

// 43 bytes: version 4-M, two interleaved blocks of 32 data + 18 EC codewords, mask 6.
const INVITE_URL = "https://invites.example.com/invite/ZZ9aB3kq";
const INVITE_URL_V4_M_MASK6 = [
  "111111101101111001100110001111111",
  "100000101110011010111000101000001",
  "101110101101011110010100001011101",
  "101110100000101110101010101011101",
  "101110101100110110000111001011101",
  "100000100010111111010000101000001",
  "111111101010101010101010101111111",
  "000000000101111110100011000000000",
  "100111111001001011001001010010111",
  "110011010100010101110101000011100",
  "101010111100010110000011001011111",
  "000111010000010100101111110100100",
  "000000111000110001000100101100001",
  "001101010000101000111000111101100",
  "110011111001011100011010001011100",
  "100110010001100010001000110000101",
  "011101111011001100101001111111000",
  "010111011100100111111010001010111",
  "010011110101010101110111111101101",
  "010001001010101010011011010011101",
  "011001111101000010110110010001011",
  "101101000111111001000101010011000",
  "101101100011010000011011000110011",
  "101110011100010101111010110000111",
  "111000111111100010001000111110110",
  "000000001011101111100101100010110",
  "111111101100000101010001101010100",
  "100000101101111101101111100011100",
  "101110101110101011010111111110011",
  "101110101100111011100011010101001",
  "101110100100001100110100010111011",
  "100000100010110000011010011111111",
  "111111101010000111011001101111100",
];

describe("version choice", () => {
  // Byte capacities of versions 1-6: at level M 14, 26, 42, 62, 84, 106 bytes; at level L 17, 32, 53, 78, 106, 134.
  it("takes the smallest version at level M, then L when M would need more than version 6", () => {
    const cases = [
      [14, 1, "M"],
      [15, 2, "M"],
      [42, 3, "M"],
      [106, 6, "M"],
      [107, 6, "L"],
      [134, 6, "L"],
    ] as const;
    for (const [length, version, level] of cases) {
      const qr = encodeQr("x".repeat(length));
      assert.deepEqual([qr.version, qr.level], [version, level], `${length} bytes`);
    }
  });

  it("still draws a longer link, in a larger version", () => {
    const qr = encodeQr("x".repeat(200));
    assert.ok(qr.version > 6);
    assert.equal(qr.size, 17 + 4 * qr.version);
  });

  it("counts UTF-8 bytes, not characters", () => {
    assert.equal(encodeQr("é".repeat(14)).version, 3); // 28 bytes
  });

  it("sizes the symbol 17 + 4 × version modules", () => {
    for (const [text, version] of [
      ["a", 1],
      ["x".repeat(20), 2],
      [INVITE_URL, 4],
      ["x".repeat(100), 6],
    ] as const) {
      const qr = encodeQr(text);
      assert.equal(qr.version, version);
      assert.equal(qr.size, 17 + 4 * version);
      assert.equal(qr.modules.length, qr.size);
      assert.ok(qr.modules.every((row) => row.length === qr.size));
    }
  });
});

describe("whole symbols", () => {
  it("equal libqrencode's matrix for a short string (version 1-M)", () => {
    assert.deepEqual(rows(encodeQr("Fluxer").modules), FLUXER_V1_M_MASK2);
  });

  it("equal libqrencode's matrix for an invite link with two interleaved blocks (version 4-M)", () => {
    const qr = encodeQr(INVITE_URL);
    assert.equal(qr.version, 4);
    assert.deepEqual(rows(qr.modules), INVITE_URL_V4_M_MASK6);
  });
});

describe("SVG output", () => {
  it("has a quiet zone of 4 and one unit square per dark module", () => {
    const qr = encodeQr(INVITE_URL);
    assert.equal(qrViewBoxSize(qr), qr.size + 8);
    const path = qrPathData(qr);
    const area = [...path.matchAll(/h(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    assert.equal(area, qr.modules.flat().filter(Boolean).length);
    assert.match(path, /^M4 4h7v1h-7z/); // the top-left finder's first row starts at the quiet zone
    const svg = qrToSvg(qr, { pixelsPerModule: 5 });
    assert.match(svg, new RegExp(`viewBox="0 0 ${qr.size + 8} ${qr.size + 8}" width="${(qr.size + 8) * 5}"`));
  });
});
