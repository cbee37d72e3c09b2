// One large orders export read by several workers (docs/web.md "Every core"). The worker that
// owns the session (the main worker) reads the file's head and plans the slices (the core's
// Ingest.planSlices: split points after line feeds, proved at the merge); N-1 extra workers, each
// its own module instance and heap (no SharedArrayBuffer from file://), read one slice each from
// the File itself (a File crosses to a worker as a reference, not as bytes) and send back the
// slice's partial read as bytes (transferred, not copied); the main worker reads slice 0 meanwhile,
// then merges them in file order. Any failure of an extra worker (an error, a crash, a slice that
// did not end between records) leaves the main worker reading on in one pass from its slice's
// end: the result is always the one-pass result (the core's merge guarantees it).
import { MSG } from '../protocol.js';
import { openFeed, streamReader } from './byte-feed.js';

const MIN_FILE_BYTES = 8 << 20; // smaller files: one worker (starting more costs more than it saves)
const MAX_WORKERS = 4;
// Fewer cores: one pass. Measured on 2 cores (idle, 200 k rows, bench/page-run.mjs): one worker
// 1.30 s, two 1.77 s, four 1.91 s (docs/performance.md "The page on several workers"); the
// seller's page must not get slower where it cannot get faster. The knob still forces N.
const MIN_CORES = 4;
const MIN_SLICE_BYTES = 4 << 20; // the core's least slice (fewer slices for a file not much larger)

// The worker bundle (a Blob, from the page: its Blob URL is revoked once the main worker started),
// the compiled module for the extra workers, and the test/benchmark knobs (docs/web.md).
const config = { source: null, wasmModule: null, minFileBytes: MIN_FILE_BYTES, minSliceBytes: MIN_SLICE_BYTES, workers: 0 };

export function configureSlices(init, wasmModule) {
  config.source = init.source || null;
  config.wasmModule = wasmModule || null;
  const knobs = init.slicing || {};
  if (Number.isFinite(knobs.minFileBytes)) config.minFileBytes = knobs.minFileBytes;
  if (Number.isFinite(knobs.minSliceBytes)) config.minSliceBytes = knobs.minSliceBytes;
  if (Number.isFinite(knobs.workers)) config.workers = knobs.workers;
}

// How many workers read a large orders export (the main one included); 0: one pass.
function workerCount() {
  if (!config.source || typeof Worker === 'undefined' || typeof FileReaderSync === 'undefined') return 0;
  const cores = self.navigator?.hardwareConcurrency || 1;
  const n = config.workers || (cores >= MIN_CORES ? Math.min(cores, MAX_WORKERS) : 0);
  return n >= 2 ? n : 0;
}

// Whether large files are read in slices here (the warm-up then reads its export so too).
export const readsInSlices = () => workerCount() >= 2;

// How many workers read `f` (the main one included); 0: read it in one pass, as before.
export function sliceWorkers(f) {
  return f.blob.size < config.minFileBytes ? 0 : workerCount();
}

// Extra workers started ahead (prepareSliceWorkers), their module instantiated: starting one took
// ~0.1 s here, and a sliced read waited for it (docs/performance.md "Warm slices, spare workers").
const spares = [];

function startExtra() {
  const url = URL.createObjectURL(config.source);
  let w = null;
  try {
    w = new Worker(url);
    w.postMessage({ type: MSG.slice, id: 0, wasmModule: config.wasmModule }); // no plan: the module only
    return w;
  } catch {
    if (w) w.terminate();
    return null; // (a browser that cannot send a compiled module): one pass
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Keeps an extra worker ready for each slice but the main worker's (worker.js: when the module is
// ready, and after each score with insights); none where files are read in one pass.
export function prepareSliceWorkers() {
  while (spares.length < workerCount() - 1) {
    const w = startExtra();
    if (!w) return;
    const spare = { w, failed: false };
    // One that could not start is not given a slice: takeExtra starts another.
    w.onerror = (ev) => { ev.preventDefault(); spare.failed = true; };
    w.onmessage = ({ data }) => { if (data.type === MSG.error) spare.failed = true; };
    spares.push(spare);
  }
}

// A ready extra worker, else a new one (null: none can start). `ahead` says which, for the tests.
export function takeExtra() {
  while (spares.length) {
    const { w, failed } = spares.shift();
    if (!failed) return { w, ahead: true };
    w.terminate();
  }
  const w = startExtra();
  return w && { w, ahead: false };
}

// Copies bytes of `blob` into the module's heap, synchronously (the core asks for them: the
// head, to plan the slices).
function heapReader(m, blob) {
  const reader = new FileReaderSync();
  return (offset, ptr, size) => {
    // HEAPU8 afresh each time: the heap may have grown.
    m.HEAPU8.set(new Uint8Array(reader.readAsArrayBuffer(blob.slice(offset, offset + size))), ptr);
  };
}

// In the main worker: `f` read into `ing` by `n` workers. pump(reader, onBytes) feeds a stream
// to `ing` (worker.js's chunk pump); report(loaded) moves the progress bar. Answers what was done.
export async function readInSlices(m, ing, f, n, shop, pump, report) {
  const size = f.blob.size;
  const t0 = performance.now();
  const plan = JSON.parse(ing.planSlices('auto', f.name, size, n, config.minSliceBytes, heapReader(m, f.blob)));
  // This worker's own slice and any reading on: through a reader worker, as one pass reads (byte-feed.js).
  const stream = (from, to) => openFeed(f.blob.slice(from, to));
  const extra = plan.starts.length - 2; // slices read elsewhere
  if (extra < 1) {
    let loaded = plan.head;
    await pump(stream(plan.head, size), (bytes) => report((loaded += bytes)));
    return { workers: 1, why: plan.why };
  }
  const planText = JSON.stringify(plan);
  const loaded = new Array(extra + 1).fill(0);
  const progress = () => report(plan.head + loaded.reduce((a, b) => a + b, 0));
  const workers = [];
  const parts = [];
  const extraMs = []; // each extra worker's own split (ms), for the benchmark
  let ahead = 0; // extra workers that were ready before the file came
  for (let k = 1; k <= extra; k++) {
    parts.push(new Promise((resolve) => {
      const taken = takeExtra();
      if (!taken) return resolve(null);
      const { w } = taken;
      ahead += taken.ahead;
      workers.push(w);
      w.onmessage = ({ data }) => {
        if (data.type === MSG.sliceProgress) { loaded[k] = data.loaded; progress(); }
        else if (data.type === MSG.sliceDone) { extraMs[k - 1] = data.ms; resolve(data.part); }
        else if (data.type === MSG.error) resolve(null);
      };
      w.onerror = (ev) => { ev.preventDefault(); resolve(null); };
      try {
        w.postMessage({ type: MSG.slice, id: k, shop, dateOrder: f.dateOrder || '',
          name: f.name, blob: f.blob, plan: planText, k, sent: performance.now() + performance.timeOrigin });
      } catch {
        resolve(null);
      }
    }));
  }
  // Where the time goes (ms), for the benchmark: planning, slice 0, waiting for the others, merging.
  const ms = { plan: performance.now() - t0 };
  let t = performance.now();
  const lap = (name) => { const now = performance.now(); ms[name] = now - t; t = now; };
  try {
    await pump(stream(plan.starts[0], plan.starts[1]), (bytes) => { loaded[0] += bytes; progress(); });
    lap('slice0');
    const blobs = await Promise.all(parts);
    lap('wait');
    const why = ing.mergeSlices(planText, blobs);
    lap('merge');
    if (why === '') return { workers: extra + 1, fellBack: false, ahead, ms, extraMs };
    // A slice failed: nothing was merged; read on as one pass would.
    loaded.fill(0, 1);
    await pump(stream(plan.starts[1], size), (bytes) => { loaded[0] += bytes; progress(); });
    return { workers: extra + 1, fellBack: true, ahead, why };
  } finally {
    for (const w of workers) w.terminate();
  }
}

// In an extra worker: one slice streamed into an Ingest of its own (the file's head, then the
// slice: Ingest.startSlice, docs/web.md "Every core"), answered with its partial read (the bytes
// transferred). pump(ing, reader, options) is worker.js's chunk pump.
export async function readSliceHere(m, msg, pump) {
  let t = performance.now();
  const ms = { start: performance.timeOrigin + t - msg.sent }; // the worker started, the module ready
  const lap = (name) => { const now = performance.now(); ms[name] = now - t; t = now; };
  const plan = JSON.parse(msg.plan);
  const k = msg.k;
  const ing = new m.Ingest(msg.shop || '');
  let part;
  try {
    if (msg.dateOrder) ing.setDateOrder(msg.dateOrder);
    ing.begin('auto', msg.name, 'text', false);
    await pump(ing, streamReader(msg.blob.slice(0, plan.head)), {});
    lap('head');
    ing.startSlice(msg.plan, k);
    let done = 0;
    await pump(ing, streamReader(msg.blob.slice(plan.starts[k], plan.starts[k + 1])), {
      slice: true,
      onChunk(value) { done += value.length; },
      onCommit() { self.postMessage({ type: MSG.sliceProgress, id: msg.id, loaded: done }); },
    });
    lap('slice');
    part = ing.endSlice();
    lap('end');
  } finally {
    ing.delete();
  }
  self.postMessage({ type: MSG.sliceDone, id: msg.id, part, ms }, [part.buffer]);
}
