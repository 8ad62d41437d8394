// The page owns the play state (web/src/playback.ts): a snapshot that says "not playing"
// switches Play off only when the worker made it after the page's last Play or Pause.
// (In WebKit the start-up snapshot used to arrive after a quick Play and undo it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPage } from './page-modules.mjs';

const { Playback } = await importPage("export { Playback } from './web/src/playback.ts';");

// A page without a DOM: a button that keeps its class, display frames run by hand, and a
// counter of the messages sent to the worker (as main.ts counts them).
function page() {
  const frames = [];
  globalThis.requestAnimationFrame = (f) => frames.push(f);
  const classes = new Set();
  const button = { textContent: '', title: '', dataset: {}, setAttribute() {}, classList: { toggle: (c, on) => (on ? classes.add(c) : classes.delete(c)) } };
  const sent = [];
  const drawn = [];
  const playback = new Playback((m) => sent.push(m), (s) => drawn.push(s), button, () => false, () => sent.length);
  playback.start();
  const frame = () => frames.shift()();
  frame();  // the loop is running
  return { playback, sent, drawn, frame, playing: () => classes.has('playing') };
}
const snapshot = (handled, playing, epoch = 0) => ({ type: 'snapshot', handled, playing, epoch });

test('a snapshot made before Play (the start-up one) does not undo it', () => {
  const p = page();
  p.sent.push({ type: 'configure' });  // the start-up configure: the worker answers it with a snapshot
  p.playback.setPlaying(true);
  p.sent.push({ type: 'play' });
  p.playback.received(snapshot(1, false));  // the worker had handled the configure only
  p.frame();
  assert.equal(p.drawn.length, 1, 'drawn');
  assert.equal(p.playback.playing, true);
  assert.equal(p.playing(), true, 'the button still says Pause');
  assert.deepEqual(p.sent.at(-1), { type: 'frame' }, 'and training frames are asked for');
});

test('a snapshot made after Play that says stopped (finished, diverged) switches Play off', () => {
  const p = page();
  p.playback.setPlaying(true);
  p.sent.push({ type: 'play' });
  p.playback.received(snapshot(1, false, 100));  // the answer to play: nothing to train
  p.frame();
  assert.equal(p.playback.playing, false);
  assert.equal(p.playing(), false);
});

test('Play pressed again after a stop holds against the stop snapshot already on its way', () => {
  const p = page();
  p.playback.setPlaying(true);
  p.sent.push({ type: 'play' });
  p.playback.received(snapshot(1, true, 5));
  p.frame();
  p.playback.setPlaying(false);
  p.sent.push({ type: 'pause' });
  p.playback.setPlaying(true);
  p.sent.push({ type: 'play' });
  p.playback.received(snapshot(2, false, 5));  // the answer to the pause, made before the second play
  p.frame();
  assert.equal(p.playback.playing, true);
});
