import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chooseVersion, encodeQr, qrPathData, qrToSvg, qrViewBoxSize, symbolSize } from "./index";
import { applyMask, formatBits, penaltyScore } from "./mask";
import { createSymbol, formatPositions } from "./matrix";
import { reedSolomonRemainder } from "./reed-solomon";
import { byteCapacity } from "./tables";

const rows = (modules: boolean[][]) => modules.map((row) => row.map((dark) => (dark ? "1" : "0")).join(""));

// Reference matrices from libqrencode (`qrencode -8 -l M -m 0 -t ASCII`), which picks the same mask here.
const FLUXER_V1_M_MASK2 = [
  "111111100011001111111", "100000100010101000001", "101110101100001011101", "101110101010001011101", "101110101001101011101",
  "100000101100101000001", "111111101010101111111", "000000001111100000000", "101111100100101111100", "011000011110100101001",
  "110101110001010010110", "101110010010000111101", "111110100011010011010", "000000001101111101100", "111111100100101101110",
  "100000101101111111101", "101110101010100101010", "101110101100100010000", "101110101111010000100", "100000100000000001100",
  "111111101101010000010",
];

// 43 bytes: version 4-M, two interleaved blocks of 32 data + 18 EC codewords, mask 6.
const INVITE_URL = "https://invites.example.com/invite/ZZ9aB3kq";
const INVITE_URL_V4_M_MASK6 = [
  "111111101101111001100110001111111", "100000101110011010111000101000001", "101110101101011110010100001011101",
  "101110100000101110101010101011101", "101110101100110110000111001011101", "100000100010111111010000101000001",
  "111111101010101010101010101111111", "000000000101111110100011000000000", "100111111001001011001001010010111",
  "110011010100010101110101000011100", "101010111100010110000011001011111", "000111010000010100101111110100100",
  "000000111000110001000100101100001", "001101010000101000111000111101100", "110011111001011100011010001011100",
  "100110010001100010001000110000101", "011101111011001100101001111111000", "010111011100100111111010001010111",
  "010011110101010101110111111101101", "010001001010101010011011010011101", "011001111101000010110110010001011",
  "101101000111111001000101010011000", "101101100011010000011011000110011", "101110011100010101111010110000111",
  "111000111111100010001000111110110", "000000001011101111100101100010110", "111111101100000101010001101010100",
  "100000101101111101101111100011100", "101110101110101011010111111110011", "101110101100111011100011010101001",
  "101110100100001100110100010111011", "100000100010110000011010011111111", "111111101010000111011001101111100",
];

describe("Reed-Solomon over GF(256)", () => {
  it("gives the textbook error correction of HELLO WORLD at 1-M", () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    assert.deepEqual([...reedSolomonRemainder(data, 10)], [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });
});

describe("format information", () => {
  it("matches the standard's table for levels L and M and every mask", () => {
    const table = {
      L: ["111011111000100", "111001011110011", "111110110101010", "111100010011101", "110011000101111", "110001100011000", "110110001000001", "110100101110110"],
      M: ["101010000010010", "101000100100101", "101111001111100", "101101101001011", "100010111111001", "100000011001110", "100111110010111", "100101010100000"],
    } as const;
    for (const level of ["L", "M"] as const) {
      table[level].forEach((expected, mask) => assert.equal(formatBits(level, mask).toString(2).padStart(15, "0"), expected, `${level} mask ${mask}`));
    }
  });

  it("is drawn in both copies of the symbol", () => {
    const qr = encodeQr("https://example.com/invite/AbCdEfGh");
    const expected = formatBits(qr.level, qr.mask);
    for (const copy of formatPositions(qr.size)) {
      const read = copy.reduce((bits, [row, column]) => (bits << 1) | (qr.modules[row]![column] ? 1 : 0), 0);
      assert.equal(read, expected);
    }
  });
});

describe("version choice", () => {
  it("has the standard byte capacities", () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((v) => byteCapacity(v, "M")), [14, 26, 42, 62, 84, 106]);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((v) => byteCapacity(v, "L")), [17, 32, 53, 78, 106, 134]);
  });

  it("takes the smallest version at M, then falls back to L, then gives up", () => {
    assert.deepEqual(chooseVersion(14), { version: 1, level: "M" });
    assert.deepEqual(chooseVersion(15), { version: 2, level: "M" });
    assert.deepEqual(chooseVersion(42), { version: 3, level: "M" });
    assert.deepEqual(chooseVersion(106), { version: 6, level: "M" });
    assert.deepEqual(chooseVersion(107), { version: 6, level: "L" });
    assert.deepEqual(chooseVersion(134), { version: 6, level: "L" });
    assert.equal(chooseVersion(135), null);
    assert.throws(() => encodeQr("x".repeat(135)), RangeError);
  });

  it("sizes the symbol 17 + 4 × version modules", () => {
    for (const [text, version] of [["a", 1], ["x".repeat(20), 2], [INVITE_URL, 4], ["x".repeat(100), 6]] as const) {
      const qr = encodeQr(text);
      assert.equal(qr.version, version);
      assert.equal(qr.size, symbolSize(version));
      assert.equal(qr.modules.length, qr.size);
      assert.ok(qr.modules.every((row) => row.length === qr.size));
    }
  });
});

describe("function patterns", () => {
  const finder = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"];

  it("has the three finders with light separators, the timing lines and the dark module", () => {
    const qr = encodeQr(INVITE_URL);
    const grid = rows(qr.modules);
    const n = qr.size;
    for (const [top, left] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
      assert.deepEqual(grid.slice(top, top + 7).map((row) => row.slice(left, left + 7)), finder, `finder at ${top},${left}`);
    }
    // Separators: the row and column between each finder and the data area are light.
    assert.equal(grid[7]!.slice(0, 8), "00000000");
    assert.equal(grid[7]!.slice(n - 8), "00000000");
    assert.equal(grid[n - 8]!.slice(0, 8), "00000000");
    // Timing: alternating, starting dark, between the finders.
    for (let i = 8; i < n - 8; i++) {
      assert.equal(qr.modules[6]![i], i % 2 === 0);
      assert.equal(qr.modules[i]![6], i % 2 === 0);
    }
    assert.equal(qr.modules[n - 8]![8], true);
    // The alignment pattern of versions 2-6 sits at (n-7, n-7).
    assert.deepEqual(grid.slice(n - 9, n - 4).map((row) => row.slice(n - 9, n - 4)), ["11111", "10001", "10101", "10001", "11111"]);
  });

  it("leaves exactly 26 codewords of room in version 1", () => {
    // Version 1 has 208 data modules = 26 codewords: everything else is function pattern or format.
    const symbol = createSymbol(1);
    const free = symbol.isFunction.flat().filter((isFunction) => !isFunction).length;
    assert.equal(free, 26 * 8);
  });
});

describe("whole symbols", () => {
  it("equals libqrencode's matrix for a short string (version 1-M)", () => {
    const qr = encodeQr("Fluxer");
    assert.equal(qr.mask, 2);
    assert.deepEqual(rows(qr.modules), FLUXER_V1_M_MASK2);
  });

  it("equals libqrencode's matrix for an invite link with two interleaved blocks (version 4-M)", () => {
    const qr = encodeQr(INVITE_URL, { mask: 6 });
    assert.equal(qr.version, 4);
    assert.deepEqual(rows(qr.modules), INVITE_URL_V4_M_MASK6);
  });

  it("chooses the mask with the lowest penalty", () => {
    for (const text of ["Fluxer", INVITE_URL, "http://localhost:3000/invite/q8Zr0LmX"]) {
      const chosen = encodeQr(text);
      const scores = Array.from({ length: 8 }, (_, mask) => penaltyScore(encodeQr(text, { mask }).modules));
      assert.equal(penaltyScore(chosen.modules), Math.min(...scores), text);
      assert.equal(scores.indexOf(Math.min(...scores)), chosen.mask, "ties go to the lowest mask number");
    }
  });

  it("scores an all-light symbol by the four rules", () => {
    const light = Array.from({ length: 21 }, () => new Array<boolean>(21).fill(false));
    // runs: 42 lines × (3 + 16); blocks: 20 × 20 × 3; no finder look-alikes; 0% dark: 9 steps × 10.
    assert.equal(penaltyScore(light), 42 * 19 + 1200 + 0 + 90);
  });

  it("masks only data modules", () => {
    const symbol = createSymbol(2);
    const masked = applyMask(symbol, "M", 0);
    symbol.isFunction.forEach((row, r) =>
      row.forEach((isFunction, c) => {
        const isFormat = formatPositions(symbol.size).flat().some(([fr, fc]) => fr === r && fc === c);
        if (isFunction && !isFormat) assert.equal(masked[r]![c], symbol.modules[r]![c], `function module ${r},${c}`);
      }),
    );
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
