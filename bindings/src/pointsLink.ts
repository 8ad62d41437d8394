// Own data in a link: the URL key `points` carries drawn or imported points, compactly.
// Each coordinate in [-6, 6] is a multiple of POINT_STEP (0.005: 2,401 values, 12 bits), so
// x and y take 3 bytes; the classes (0, 1, 2) take 2 bits each. Bytes: count (2, big-endian),
// the coordinates, the classes; then base64url (no padding). At the cap of POINTS_IN_LINK
// points a link grows by about 4.3 kB. The page keeps own points on the same grid
// (quantizePoint), so a link reproduces them exactly.

export const POINTS_IN_LINK = 1000;
export const POINT_STEP = 0.005;
const STEPS_PER_UNIT = 200;  // 1 / POINT_STEP, as an integer so that decoding divides exactly
const OFFSET = 1200;         // 6 / POINT_STEP: -6 -> 0, 6 -> 2400
const MAX_Q = 2400;

export interface OwnPoints {
  points: number[];   // x0, y0, x1, y1, …
  classes: number[];  // 0, 1 or 2 per point
}

// A coordinate on the link's grid (clamped to [-6, 6]).
export function quantizePoint(v: number): number {
  const q = Math.round(Math.max(-6, Math.min(6, v)) * STEPS_PER_UNIT);
  return q / STEPS_PER_UNIT + 0;  // + 0: never -0
}

// The longest `points` value: POINTS_IN_LINK points.
export const POINTS_MAX_CHARS = Math.ceil(((2 + 3 * POINTS_IN_LINK + Math.ceil(POINTS_IN_LINK / 4)) * 4) / 3);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0, bits = 0, j = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 255;
    }
  }
  return bytes;
}

// null when the points do not fit a link (more than POINTS_IN_LINK) or there are none.
export function encodePoints(own: OwnPoints): string | null {
  const n = own.classes.length;
  if (n === 0 || n > POINTS_IN_LINK || own.points.length !== 2 * n) return null;
  const bytes = new Uint8Array(2 + 3 * n + Math.ceil(n / 4));
  bytes[0] = n >> 8;
  bytes[1] = n & 255;
  for (let i = 0; i < n; i++) {
    const qx = Math.round(quantizePoint(own.points[2 * i]) * STEPS_PER_UNIT) + OFFSET;
    const qy = Math.round(quantizePoint(own.points[2 * i + 1]) * STEPS_PER_UNIT) + OFFSET;
    const o = 2 + 3 * i;
    bytes[o] = qx >> 4;
    bytes[o + 1] = ((qx & 15) << 4) | (qy >> 8);
    bytes[o + 2] = qy & 255;
    const c = own.classes[i] === 1 || own.classes[i] === 2 ? own.classes[i] : 0;
    bytes[2 + 3 * n + (i >> 2)] |= c << (2 * (i & 3));
  }
  return toBase64url(bytes);
}

// undefined when the text is not a `points` value this encoder wrote (wrong characters,
// length, count over the cap, a coordinate outside [-6, 6], a class other than 0, 1, 2).
export function decodePoints(text: string): OwnPoints | undefined {
  if (text.length > POINTS_MAX_CHARS) return undefined;
  const bytes = fromBase64url(text);
  if (!bytes || bytes.length < 2) return undefined;
  const n = (bytes[0] << 8) | bytes[1];
  if (n === 0 || n > POINTS_IN_LINK || bytes.length !== 2 + 3 * n + Math.ceil(n / 4)) return undefined;
  const own: OwnPoints = { points: [], classes: [] };
  for (let i = 0; i < n; i++) {
    const o = 2 + 3 * i;
    const qx = (bytes[o] << 4) | (bytes[o + 1] >> 4);
    const qy = ((bytes[o + 1] & 15) << 8) | bytes[o + 2];
    if (qx > MAX_Q || qy > MAX_Q) return undefined;
    const c = (bytes[2 + 3 * n + (i >> 2)] >> (2 * (i & 3))) & 3;
    if (c === 3) return undefined;
    own.points.push((qx - OFFSET) / STEPS_PER_UNIT + 0, (qy - OFFSET) / STEPS_PER_UNIT + 0);
    own.classes.push(c);
  }
  // unused bits of the last class byte must be zero (one text per set of points)
  const used = n & 3;
  if (used && bytes[bytes.length - 1] >> (2 * used)) return undefined;
  return own;
}
