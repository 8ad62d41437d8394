// Own data in a link (bindings/src/pointsLink.ts, URL key `points`): points round-trip
// exactly on the 0.005 grid, a set over the cap is not encoded (the page then says the link
// leaves them out), and a value the encoder never wrote is refused with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

const m = await importPage("export * from './bindings/src/pointsLink.ts'; export { parseHash, serializeHash, defaultState } from './bindings/src/state.ts'; export { compactHash } from './web/src/embed-snippets.ts';");

// n points spread over the square, every class, coordinates on the grid
function grid(n) {
  const points = [], classes = [];
  for (let i = 0; i < n; i++) {
    points.push(m.quantizePoint(-6 + ((i * 7.31) % 12)), m.quantizePoint(6 - ((i * 3.17) % 12)));
    classes.push(i % 3);
  }
  return { points, classes };
}

test('points on the grid round-trip exactly, corners and every class included', () => {
  const own = { points: [-6, -6, 6, 6, 0, 0, 0.5, -1.25, 5.995, -5.995], classes: [0, 1, 2, 1, 0] };
  const text = m.encodePoints(own);
  assert.match(text, /^[A-Za-z0-9_-]+$/, 'base64url, nothing to escape in a URL');
  assert.deepEqual(m.decodePoints(text), own);
  const many = grid(777);
  assert.deepEqual(m.decodePoints(m.encodePoints(many)), many);
});

test('the link is compact: 3 bytes a point and 2 bits a class, about 4.3 kB at the cap', () => {
  const text = m.encodePoints(grid(m.POINTS_IN_LINK));
  assert.equal(text.length, Math.ceil((2 + 3 * 1000 + 250) * 4 / 3));
  assert.ok(text.length <= m.POINTS_MAX_CHARS);
  assert.ok(text.length < 4400, `${text.length} characters`);
});

test('over the cap, or no points: nothing to encode', () => {
  assert.equal(m.encodePoints(grid(m.POINTS_IN_LINK + 1)), null);
  assert.equal(m.encodePoints({ points: [], classes: [] }), null);
});

test('quantizePoint puts a drawn coordinate on the 0.005 grid, clamped to [-6, 6], never -0', () => {
  assert.equal(m.quantizePoint(1.23456), 1.235);
  assert.equal(m.quantizePoint(-7), -6);
  assert.equal(m.quantizePoint(9), 6);
  assert.ok(Object.is(m.quantizePoint(-0.001), 0));
  // a drawn point off the grid decodes to its grid point
  assert.deepEqual(m.decodePoints(m.encodePoints({ points: [1.23456, -2.0001], classes: [1] })), { points: [1.235, -2], classes: [1] });
});

test('values the encoder never wrote are refused', () => {
  const good = m.encodePoints({ points: [1, 2, 3, 4], classes: [0, 1] });
  for (const bad of ['', 'A', '!!!!', good + 'A', good.slice(0, -1), 'AAA', '_____']) assert.equal(m.decodePoints(bad), undefined, bad);
  // class 3 does not exist
  const bytes = Buffer.from(good, 'base64url');
  bytes[bytes.length - 1] |= 3;
  assert.equal(m.decodePoints(bytes.toString('base64url')), undefined);
  // a coordinate past 6 (12-bit value 4095)
  const far = Buffer.from(good, 'base64url');
  far[2] = 255;
  assert.equal(m.decodePoints(far.toString('base64url')), undefined);
  // a count over the cap
  const big = Buffer.from(good, 'base64url');
  big[0] = 255;
  assert.equal(m.decodePoints(big.toString('base64url')), undefined);
});

test('the URL key points: the page\'s hash and the embed snippet carry the points; a bad value is a notice, not a crash', () => {
  const own = grid(40);
  const state = { ...m.defaultState('0.5'), dataset: 'custom', points: own };
  const hash = m.serializeHash(state);
  assert.match(hash, /&points=[A-Za-z0-9_-]+$/);
  assert.deepEqual(m.parseHash(hash).state.points, own);
  assert.deepEqual(m.parseHash(m.compactHash(state)).state.points, own);
  assert.equal(m.parseHash('#dataset=custom').state.points, null);
  const bad = m.parseHash('#dataset=custom&points=%21%21');
  assert.equal(bad.state.points, null);
  assert.deepEqual(bad.messages.map((x) => x.code), ['hash.notAllowed']);
  assert.match(bad.notices[0], /points="!!" is not allowed \(up to 1000 points/);
});
