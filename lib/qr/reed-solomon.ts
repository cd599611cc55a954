// Reed-Solomon error correction over GF(256) as QR codes use it (ISO/IEC 18004 section 7.5): the field is
// built on the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) with generator element α = 2.

const EXP = new Uint8Array(512); // α^i, doubled in length so EXP[a + b] needs no "mod 255"
const LOG = new Uint8Array(256); // i such that α^i = n (LOG[0] is unused)

{
  let value = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = value;
    LOG[value] = i;
    value <<= 1;
    if (value & 0x100) value ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}

/** Product of two field elements. */
export function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

/** The generator polynomial (x - α^0)(x - α^1)…(x - α^(degree-1)), coefficients highest power first, leading 1 dropped. */
export function generatorPolynomial(degree: number): Uint8Array {
  // coefficients[0] is the x^(degree-1) term; the monic x^degree term is implicit.
  const coefficients = new Uint8Array(degree);
  coefficients[degree - 1] = 1; // start from the polynomial "1"
  let root = 1; // α^0
  for (let i = 0; i < degree; i++) {
    // Multiply the current polynomial by (x - root); in GF(2^8) minus is plus (XOR).
    for (let j = 0; j < degree; j++) {
      coefficients[j] = gfMultiply(coefficients[j]!, root) ^ (j + 1 < degree ? coefficients[j + 1]! : 0);
    }
    root = gfMultiply(root, 2);
  }
  return coefficients;
}

/** The `degree` error-correction codewords for `data`: the remainder of data·x^degree divided by the generator. */
export function reedSolomonRemainder(data: ArrayLike<number>, degree: number): Uint8Array {
  const generator = generatorPolynomial(degree);
  const remainder = new Uint8Array(degree);
  // Polynomial long division, one data codeword at a time (a linear-feedback shift register).
  for (let i = 0; i < data.length; i++) {
    const factor = data[i]! ^ remainder[0]!;
    remainder.copyWithin(0, 1);
    remainder[degree - 1] = 0;
    for (let j = 0; j < degree; j++) remainder[j]! ^= gfMultiply(generator[j]!, factor);
  }
  return remainder;
}
