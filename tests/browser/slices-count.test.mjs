// How many workers read one orders export (web/src/worker/slices.js, docs/web.md "Every core"):
// 4 cores or more (capped at 4) for a file of 8 MiB or more; fewer cores or a smaller file, one
// pass (0); the address knob forces N. The extra workers are started ahead, as many as a file
// would use. Needs no browser: the worker's globals are stood in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.self = { navigator: { hardwareConcurrency: 2 }, postMessage() {} };
globalThis.Worker ??= function Worker() {};
globalThis.FileReaderSync ??= function FileReaderSync() {};
const { configureSlices, sliceWorkers, prepareSliceWorkers, takeExtra } = await import('../../web/src/worker/slices.js');

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

test('the extra workers are started ahead, sent the module only; a ready one is taken first, one that failed never', () => {
  const started = [];
  globalThis.Worker = class {
    constructor() { this.sent = []; this.terminated = false; started.push(this); }
    postMessage(message) { this.sent.push(message); }
    terminate() { this.terminated = true; }
  };
  configureSlices({ source: new Blob(['']), slicing: { workers: 0 } }, 'MODULE');
  withCores(2);
  prepareSliceWorkers();
  assert.equal(started.length, 0, 'one pass on 2 cores: none');
  withCores(8);
  prepareSliceWorkers();
  assert.equal(started.length, 3, '4 workers read a file: 3 extra ones');
  for (const w of started) assert.deepEqual(w.sent, [{ type: 'slice', id: 0, wasmModule: 'MODULE' }], 'the module, no plan');
  prepareSliceWorkers();
  assert.equal(started.length, 3, 'ready ones are kept, not started again');
  started[1].onerror({ preventDefault() {} }); // could not start
  started[2].onmessage({ data: { type: 'error' } }); // its module failed
  assert.deepEqual(takeExtra(), { w: started[0], ahead: true });
  const next = takeExtra();
  assert.deepEqual(next, { w: started[3], ahead: false }, 'the failed ones skipped: a new one');
  assert.ok(started[1].terminated && started[2].terminated && !started[0].terminated);
  assert.deepEqual(started[3].sent, [{ type: 'slice', id: 0, wasmModule: 'MODULE' }]);
  prepareSliceWorkers();
  assert.equal(started.length, 7, 'three ready again');
});
