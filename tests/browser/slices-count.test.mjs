// How many workers read one orders export (web/src/worker/slices.js, docs/web.md "Every core"):
// 4 cores or more (capped at 4) for a file of 8 MiB or more; fewer cores or a smaller file, one
// pass (0); the address knob forces N. Needs no browser: the worker's globals are stood in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.self = { navigator: { hardwareConcurrency: 2 }, postMessage() {} };
globalThis.Worker ??= function Worker() {};
globalThis.FileReaderSync ??= function FileReaderSync() {};
const { configureSlices, sliceWorkers } = await import('../../web/src/worker/slices.js');

const MiB = 1 << 20;
const file = (bytes) => ({ blob: { size: bytes } });
const withCores = (n) => { self.navigator.hardwareConcurrency = n; };

test('one pass below 4 cores or 8 MiB; 4 cores and more: one worker per core, at most 4', () => {
  configureSlices({ source: {} }, null);
  withCores(2);
  assert.equal(sliceWorkers(file(100 * MiB)), 0);
  withCores(3);
  assert.equal(sliceWorkers(file(100 * MiB)), 0);
  withCores(4);
  assert.equal(sliceWorkers(file(100 * MiB)), 4);
  assert.equal(sliceWorkers(file(8 * MiB)), 4);
  assert.equal(sliceWorkers(file(8 * MiB - 1)), 0);
  withCores(16);
  assert.equal(sliceWorkers(file(100 * MiB)), 4);
});

test('the knob forces N, even on 2 cores', () => {
  withCores(2);
  configureSlices({ source: {}, slicing: { workers: 2, minFileBytes: 1000 } }, null);
  assert.equal(sliceWorkers(file(2000)), 2);
  assert.equal(sliceWorkers(file(999)), 0);
});
