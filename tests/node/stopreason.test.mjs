// Why training stopped, as data: one set of names (bindings/src/stopReason.ts) for the engine,
// the page's worker (web/src/worker/pageRun.ts, run here in Node on the built engine), the
// host pages' `stopped` event (web/src/embed-events.ts documents its fields) and the CLI.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importTs, nn } from './helpers.mjs';

let PageRun, STOP_REASONS, stopMessage, EMBED_EVENTS;

before(async () => {
  ({ PageRun, STOP_REASONS, stopMessage, EMBED_EVENTS } = await importTs(
    "export { PageRun } from './web/src/worker/pageRun.ts'; export { STOP_REASONS, stopMessage } from './bindings/src/stopReason.ts'; export { EMBED_EVENTS } from './web/src/embed-events.ts';"));
});

test("the engine's stop reasons are the set's first five, in its order", () => {
  const header = readFileSync(new URL('../../core/include/nnplay/callbacks.hpp', import.meta.url), 'utf8');
  const engine = header.match(/enum class StopReason \{([^}]*)\}/)[1].split(',').map((s) => s.trim());
  assert.deepEqual(engine, STOP_REASONS.slice(0, engine.length));
  assert.deepEqual(STOP_REASONS.slice(engine.length), ['interrupted', 'paused']);
});

// Plays the page's model for a state until the worker stops it; its last snapshot.
function playToStop(hash) {
  const training = new PageRun(nn, () => {});
  training.configure(nn.state.parse(hash, '1').state, 'data');
  training.setSpeed(50);
  assert.equal(training.play(), true, `${hash}: there is something to train`);
  for (let frames = 0; training.snapshot().playing; frames++) {
    assert.ok(frames < 1000, `${hash}: the worker stops within 1000 frames`);
    training.frame();
  }
  const snapshot = training.snapshot();
  training.model.dispose();
  return snapshot;
}

function assertDocumented(stop) {
  const doc = EMBED_EVENTS.find((e) => e.type === 'stopped');
  for (const key of Object.keys(stop)) assert.ok(key in doc.fields, `the stopped event documents ${key}`);
  for (const key of Object.keys(doc.fields)) {
    if (!doc.optional.includes(key) && key !== 'message') assert.ok(key in stop, `${stop.reason}: ${key} is always there`);
  }
}

test('the worker stops at maxEpochs with a max_epochs reason as data, and says so in words', () => {
  const s = playToStop('#dataset=xor&maxEpochs=3');
  assert.deepEqual(s.stopped, { reason: 'max_epochs', epoch: 3, maxEpochs: 3 });
  assert.equal(s.epoch, 3);
  assert.equal(s.diverged, false);
  assert.deepEqual(s.stop, stopMessage(s.stopped));
  assert.equal(s.stop.text, 'reached the maximum of 3 epochs');
  assertDocumented(s.stopped);
});

test('early stopping: the reason carries the monitor, the patience and the best epoch', () => {
  const s = playToStop('#dataset=xor&noise=50&learningRate=3&maxEpochs=300&patience=0');
  assert.equal(s.stopped.reason, 'early_stopping', JSON.stringify(s.stopped));
  assert.equal(s.stopped.monitor, 'val_loss');
  assert.equal(s.stopped.patience, 0);
  assert.ok(s.stopped.epoch < 300 && s.stopped.bestEpoch === s.stopped.epoch - 1, JSON.stringify(s.stopped));
  assert.match(s.stop.text, /^early stopping: val_loss did not improve for 0 epoch\(s\); best \d\.\d{4} at epoch \d+$/);
  assertDocumented(s.stopped);
});

test('divergence: reason diverged, the non-finite loss and the learning rate; Play cannot go on', () => {
  const s = playToStop('#problem=regression&regDataset=reg-plane&activation=linear&networkShape=8,8&learningRate=10');
  assert.ok(['diverged', 'non_finite_weights'].includes(s.stopped.reason), JSON.stringify(s.stopped));
  assert.equal(s.diverged, true);
  assert.equal(s.stopped.learningRate, 10);
  assert.ok(s.stopped.reason === 'non_finite_weights' || !Number.isFinite(s.stopped.loss), String(s.stopped.loss));
  assert.equal(s.stop.code, 'stop.diverged');
  assert.equal(s.stop.params.epoch, s.epoch);
  assertDocumented(s.stopped);
});

test('paused and interrupted have no words of their own; nothing stopped, no message', () => {
  assert.equal(stopMessage({ reason: 'paused', epoch: 4 }), null);
  assert.equal(stopMessage({ reason: 'interrupted', epoch: 4 }), null);
  assert.equal(stopMessage(null), null);
  assertDocumented({ reason: 'paused', epoch: 4 });
});
