// One WASM run in node (a child of bench/run.mjs, so its memory is its own): the orders export
// read in 1 MiB chunks copied into HEAPU8 (as the page's worker does), then scored, then scored
// again after a profile edit (a dimension weight), and once more as first scored (best of two).
//   node bench/wasm-run.mjs MODULE.js DIR [--warm]  -> one JSON line
// --warm: first the page's own warm-up (web/src/worker/warm-up.js: a made-up 3,000-row export read
// and scored four times), then a pause for V8's optimising compiles, which run on background
// threads and count in this process's CPU time. The page does the same before a seller's file
// arrives, so the warm run is the page's per-core figure; the cold run pays the compiles inside
// its measurement (~150-250 ms of CPU whatever the file's size: docs/performance.md).
import { readFileSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [modulePath, dir, ...flags] = process.argv.slice(2);
const m = await createRequire(import.meta.url)(path.resolve(modulePath))();
const warm = flags.includes('--warm');
if (warm) {
  const { warmUp } = await import('../web/src/worker/warm-up.js');
  await warmUp(m, () => false);
  await new Promise((resolve) => setTimeout(resolve, 500)); // the compiles V8 started meanwhile
}
const shop = readFileSync(path.join(dir, 'shop.json'), 'utf8');
const profile = JSON.parse(m.defaultProfile());

const heapBefore = m.HEAPU8.length;
const t0 = performance.now();
const c0 = process.cpuUsage();
const faults0 = process.resourceUsage().minorPageFault; // the heap's fresh pages (bench/page-fault.c)
const ing = new m.Ingest(shop);
const file = path.join(dir, 'orders.csv');
const fd = openSync(file, 'r');
const size = fstatSync(fd).size;
const chunk = Buffer.allocUnsafe(1 << 20);
let readMs = 0;
ing.begin('orders', 'orders.csv', 'text', false);
if (ing.expectBytes) ing.expectBytes(size); // as the page tells it the File's size
for (;;) {
  const r0 = performance.now();
  const n = readSync(fd, chunk, 0, chunk.length, null);
  readMs += performance.now() - r0;
  if (n === 0) break;
  const ptr = ing.reserve(n);
  m.HEAPU8.set(chunk.subarray(0, n), ptr);
  ing.commit(n);
}
closeSync(fd);
const summary = JSON.parse(ing.end());
const t1 = performance.now();
const first = ing.score('{}');
const t2 = performance.now();
const c1 = process.cpuUsage(c0);
const faults = process.resourceUsage().minorPageFault - faults0;
// A weight edit: only the arithmetic after the per-day counts changes.
const rescoreOptions = JSON.stringify({ profile: { weights: { product: 1, fulfillment: 2, service: 1 } } });
const r0 = performance.now();
ing.score(rescoreOptions);
const r1 = performance.now();
ing.score('{}');
const r2 = performance.now();
// An SLA edit changes the deliver-by days, a fault-mapping edit which cancellations are the
// seller's: the profile's part of the per-day counts is made again. CPU time beside the wall
// time (the machine may be loaded).
const slaCpu0 = process.cpuUsage();
ing.score(JSON.stringify({ profile: { delivery_sla_business_days: 5 } }));
const r3 = performance.now();
const slaCpu = process.cpuUsage(slaCpu0);
const faultCpu0 = process.cpuUsage();
ing.score(JSON.stringify({ profile: { fault_reasons: { seller_cancel: [...profile.fault_reasons.seller_cancel, 'Address unreachable'] } } }));
const r4 = performance.now();
const faultCpu = process.cpuUsage(faultCpu0);
// As the page re-scores: every score with insights. The first builds the insights' diagnostics
// (a walk over every record, kept by ScoreCache); then weight edits, median CPU of five.
ing.score(JSON.stringify({ insights: true }));
const insightCpu = [];
for (let i = 0; i < 5; i++) {
  const c = process.cpuUsage();
  ing.score(JSON.stringify({ insights: true, profile: { weights: { product: 1 + i, fulfillment: 2, service: 1 } } }));
  const u = process.cpuUsage(c);
  insightCpu.push((u.user + u.system) / 1000);
}
insightCpu.sort((a, b) => a - b);
const heapAfter = m.HEAPU8.length;
const result = JSON.parse(first);
console.log(JSON.stringify({
  // CPU time includes reading the file, as the native run's does (readMs is wall time: under
  // load it includes waiting, so it is not subtracted).
  warm, bytes: size, rows: summary.rows, cpu_ms: (c1.user + c1.system) / 1000, sys_ms: c1.system / 1000, page_faults: faults, ingest_ms: t1 - t0 - readMs, read_ms: readMs, first_score_ms: t2 - t1,
  rescore_ms: Math.min(r1 - r0, r2 - r1), rescore_sla_ms: r3 - r2, rescore_sla_cpu_ms: (slaCpu.user + slaCpu.system) / 1000,
  rescore_fault_ms: r4 - r3, rescore_fault_cpu_ms: (faultCpu.user + faultCpu.system) / 1000,
  rescore_insights_cpu_ms: insightCpu[2], heap_bytes: heapAfter, heap_before: heapBefore,
  sps: result.sps, result: first,
}));
ing.delete();
