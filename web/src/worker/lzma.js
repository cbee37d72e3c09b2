// An LZMA decoder (the ".lzma" format `xz --format=lzma` writes): the site carries the module's
// WASM binary compressed this way (scripts/build-site.mjs), and the worker decompresses it once at
// start. Written after the LZMA specification's reference decoder (LzmaSpec.cpp in the LZMA SDK,
// public domain); a few KB of JavaScript where a WASM build of xz-embedded cost ~10 KB gzipped
// (docs/performance.md "Site size"). The build decodes what it wrote with this file and refuses
// to ship bytes it does not give back exactly; tests/browser/static.test.mjs checks it on other
// inputs.
//
// Header: 1 byte lc/lp/pb, 4 bytes dictionary size, 8 bytes unpacked size (all 0xFF: unknown,
// then an end marker closes the stream). The whole output is the window (no ring buffer).

const kNumStates = 12;
const kNumPosBitsMax = 4;
const kNumLenToPosStates = 4;
const kEndPosModelIndex = 14;
const kNumFullDistances = 1 << (kEndPosModelIndex >> 1);
const kMatchMinLen = 2;

export function lzmaDecode(src) {
  if (src.length < 18) throw new Error('lzma: truncated'); // the header and the range coder's first 5 bytes
  let d = src[0];
  if (d >= 9 * 5 * 5) throw new Error('lzma: bad properties');
  const lc = d % 9;
  d = (d / 9) | 0;
  const lp = d % 5;
  const pb = (d / 5) | 0;
  const dictSize = Math.max((src[1] | (src[2] << 8) | (src[3] << 16) | (src[4] << 24)) >>> 0, 1 << 12);
  let sizeKnown = false;
  let unpackSize = 0;
  for (let i = 0; i < 8; i++) if (src[5 + i] !== 0xff) sizeKnown = true;
  if (sizeKnown) for (let i = 7; i >= 0; i--) unpackSize = unpackSize * 256 + src[5 + i];

  // The output, grown when the size is not in the header.
  let out = new Uint8Array(sizeKnown ? unpackSize : Math.max(src.length * 4, 1 << 16));
  let outPos = 0;
  const put = (b) => {
    if (outPos === out.length) {
      const bigger = new Uint8Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[outPos++] = b;
  };

  // The range decoder. range and code stay below 2^32 as plain numbers.
  let pos = 13;
  let range = 0xffffffff;
  let code = 0;
  if (src[pos++] !== 0) throw new Error('lzma: corrupted');
  for (let i = 0; i < 4; i++) code = code * 256 + src[pos++];
  if (code === range) throw new Error('lzma: corrupted');
  const normalize = () => {
    if (range < 0x1000000) {
      if (pos >= src.length) throw new Error('lzma: truncated');
      range *= 256;
      code = code * 256 + src[pos++];
    }
  };
  const bit = (probs, i) => {
    const v = probs[i];
    const bound = (range >>> 11) * v;
    let b;
    if (code < bound) {
      probs[i] = v + ((2048 - v) >>> 5);
      range = bound;
      b = 0;
    } else {
      probs[i] = v - (v >>> 5);
      code -= bound;
      range -= bound;
      b = 1;
    }
    normalize();
    return b;
  };
  const directBits = (n) => {
    let res = 0;
    do {
      range = Math.floor(range / 2);
      res *= 2;
      if (code >= range) {
        code -= range;
        res += 1;
      }
      normalize();
    } while (--n);
    return res;
  };
  const tree = (probs, base, numBits) => {
    let m = 1;
    for (let i = 0; i < numBits; i++) m = (m << 1) + bit(probs, base + m);
    return m - (1 << numBits);
  };
  const reverseTree = (probs, base, numBits) => {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < numBits; i++) {
      const b = bit(probs, base + m);
      m = (m << 1) + b;
      symbol |= b << i;
    }
    return symbol;
  };

  // Probabilities, all starting at one half.
  const fresh = (n) => new Uint16Array(n).fill(1024);
  const literal = fresh(0x300 << (lc + lp));
  const isMatch = fresh(kNumStates << kNumPosBitsMax);
  const isRep = fresh(kNumStates);
  const isRepG0 = fresh(kNumStates);
  const isRepG1 = fresh(kNumStates);
  const isRepG2 = fresh(kNumStates);
  const isRep0Long = fresh(kNumStates << kNumPosBitsMax);
  const posSlot = fresh(kNumLenToPosStates << 6);
  const posSpecial = fresh(1 + kNumFullDistances - kEndPosModelIndex);
  const align = fresh(1 << 4);
  const lengths = () => ({ choice: fresh(2), low: fresh(16 << 3), mid: fresh(16 << 3), high: fresh(256) });
  const len = lengths();
  const repLen = lengths();
  const decodeLen = (l, posState) => {
    if (bit(l.choice, 0) === 0) return tree(l.low, posState << 3, 3);
    if (bit(l.choice, 1) === 0) return 8 + tree(l.mid, posState << 3, 3);
    return 16 + tree(l.high, 0, 8);
  };
  const decodeDistance = (length) => {
    const slot = tree(posSlot, Math.min(length, kNumLenToPosStates - 1) << 6, 6);
    if (slot < 4) return slot;
    const numDirectBits = (slot >>> 1) - 1;
    let dist = (2 | (slot & 1)) * 2 ** numDirectBits;
    if (slot < kEndPosModelIndex) return dist + reverseTree(posSpecial, dist - slot, numDirectBits);
    dist += directBits(numDirectBits - 4) * 16;
    return dist + reverseTree(align, 0, 4);
  };

  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  for (;;) {
    if (sizeKnown && outPos === unpackSize && code === 0) break;
    const posState = outPos & pbMask;
    if (bit(isMatch, (state << kNumPosBitsMax) + posState) === 0) {
      if (sizeKnown && outPos === unpackSize) throw new Error('lzma: data after the end');
      const prev = outPos > 0 ? out[outPos - 1] : 0;
      const base = 0x300 * (((outPos & lpMask) << lc) + (prev >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        let matchByte = out[outPos - rep0 - 1];
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const b = bit(literal, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (matchBit !== b) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | bit(literal, base + symbol);
      put(symbol - 0x100);
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let length;
    if (bit(isRep, state) !== 0) {
      if (outPos === 0 || (sizeKnown && outPos === unpackSize)) throw new Error('lzma: corrupted');
      if (bit(isRepG0, state) === 0) {
        if (bit(isRep0Long, (state << kNumPosBitsMax) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          put(out[outPos - rep0 - 1]);
          continue;
        }
      } else {
        let dist;
        if (bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (bit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      length = decodeLen(repLen, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      length = decodeLen(len, posState);
      state = state < 7 ? 7 : 10;
      rep0 = decodeDistance(length);
      if (rep0 === 0xffffffff) {
        if (code !== 0 || (sizeKnown && outPos !== unpackSize)) throw new Error('lzma: corrupted end');
        break; // the end marker
      }
      if (sizeKnown && outPos === unpackSize) throw new Error('lzma: data after the end');
      if (rep0 >= dictSize || rep0 >= outPos) throw new Error('lzma: distance out of range');
    }
    length += kMatchMinLen;
    if (sizeKnown && unpackSize - outPos < length) throw new Error('lzma: data after the end');
    for (let i = 0; i < length; i++) put(out[outPos - rep0 - 1]);
  }
  return out.subarray(0, outPos);
}
