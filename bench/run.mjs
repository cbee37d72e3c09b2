// ShopScore benchmark: one command, one table, every figure from the same run.
//   node bench/run.mjs [--rows N] [--page-rows N] [--no-page] [--no-scaling] [--native CLI] [--wasm MODULE.js]
// Generates (once, deterministically) a Seller Center orders export in the real 54-column shape
// with returns, reviews and chats into build/bench/N/, then times over the same bytes:
//   memchr      a tiny C program (compiled now) finding every line end: the floor
//   native      the CLI, orders export -> result JSON (process start included), peak RSS, with
//               --jobs 1 and --jobs 2 (one file read on N threads: docs/performance.md), speed-up
//   wasm        the module in node, 1 MiB chunks copied into HEAPU8 -> result, WASM heap,
//               bytes of heap per order, first score and re-score after a weight edit; cold (a
//               fresh module: V8's optimising compiles run inside the measurement) and warmed as
//               the page warms its worker before a file arrives (bench/wasm-run.mjs --warm); its
//               page faults, and what one costs on this machine (bench/page-fault.c, compiled now)
//   page        headless Chromium: the file picked -> the score shown, beside read-only
//               File.stream() passes over the same File in the same page, with the stream's own
//               chunks and "bring your own buffer"; the faster is the floor (--page-rows, default
//               min(N, 200000): the page's file is its own); then the same file read by 1, 2 and 4
//               workers (the scaling, ?slice-workers=N; --no-scaling leaves it out)
//   papaparse   PapaParse 5 streaming, header: true, Date.parse: the JavaScript way
//   duckdb      the anchors: DuckDB native (@duckdb/node-api, every core) and DuckDB-wasm (node
//               blocking bundle, one thread) computing the same per-order facts by SQL over the
//               same file (bench/orders-facts.mjs says what it computes and what not); the query's
//               own wall and CPU time (instantiation excluded), RSS of the process. Pinned in
//               bench/package.json, installed by bench/setup.sh (never by the root npm ci);
//               skipped with a message when not installed, or with --no-duckdb
//   site        the built site's size, gzipped as a static host sends it (scripts/build-site.mjs)
// The machine is shared: timings are noisy; the ratios are from one run. Nothing is asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { siteSize as siteSizeOf } from '../scripts/site-size.mjs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rows = Number(opt('--rows', 100000));
const pageRows = Number(opt('--page-rows', Math.min(rows, 200000)));
const cli = path.resolve(opt('--native', path.join(ROOT, 'build/native/cli/shopscore')));
const wasm = path.resolve(opt('--wasm', path.join(ROOT, 'build/wasm/wasm/shopscore.js')));
const work = path.join(ROOT, 'build', 'bench');
const anchors = !args.includes('--no-duckdb');
const anchorsInstalled = existsSync(path.join(ROOT, 'bench', 'node_modules', '@duckdb', 'node-api')) &&
  existsSync(path.join(ROOT, 'bench', 'node_modules', '@duckdb', 'duckdb-wasm'));
if (anchors && !anchorsInstalled) {
  process.stderr.write('DuckDB anchors not installed: run `sh bench/setup.sh` (npm ci in bench/, ~220 MB) to add their rows; ' +
    'going on without them\n');
}
mkdirSync(work, { recursive: true });

function data(n) {
  const dir = path.join(work, String(n));
  if (!existsSync(path.join(dir, 'meta.json'))) {
    process.stderr.write(`generating ${n} rows into ${dir} ...\n`);
    generate(n, dir);
  }
  return dir;
}

// Runs a command under /usr/bin/time -v: stdout, wall seconds, peak RSS bytes.
function timed(cmd, cmdArgs, env = process.env) {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 28, env });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]) * 1024;
  const [, h, m, s] = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)[1]);
  return { stdout: r.stdout, seconds: Number(h || 0) * 3600 + Number(m) * 60 + Number(s), cpu, rss };
}

const dir = data(rows);
const orders = path.join(dir, 'orders.csv');
const shop = path.join(dir, 'shop.json');
const bytes = statSync(orders).size;
const MB = bytes / 1e6;
readFileSync(orders); // into the page cache

// memchr
const memchrBin = path.join(work, 'memchr');
execFileSync('cc', ['-O2', '-o', memchrBin, path.join(ROOT, 'bench', 'memchr.c')]);
const [, lines, memchrSeconds, memchrCpu] = execFileSync(memchrBin, [orders], { encoding: 'utf8' }).trim().split(' ').map(Number);
// What a page fault costs here: the WASM heap's fresh pages are one each (bench/page-fault.c).
const pageFaultBin = path.join(work, 'page-fault');
execFileSync('cc', ['-O2', '-o', pageFaultBin, path.join(ROOT, 'bench', 'page-fault.c')]);
const [faultPages, faultCpu] = execFileSync(pageFaultBin, { encoding: 'utf8' }).trim().split(' ').map(Number);
const faultUs = (faultCpu / faultPages) * 1e6;

// native, one thread and two (the same result bytes: the CLI's contract)
const native = timed(cli, ['score', '--orders', orders, '--shop', shop, '--jobs', '1']);
const nativeResult = JSON.parse(native.stdout);
const native2 = timed(cli, ['score', '--orders', orders, '--shop', shop, '--jobs', '2']);
const sameJobs = native2.stdout === native.stdout;

// wasm in node
const w = timed(process.execPath, [path.join(ROOT, 'bench', 'wasm-run.mjs'), wasm, dir]);
const wasmRun = JSON.parse(w.stdout.trim().split('\n').pop());
const wasmResult = JSON.parse(wasmRun.result);
const ww = timed(process.execPath, [path.join(ROOT, 'bench', 'wasm-run.mjs'), wasm, dir, '--warm']);
const wasmWarm = JSON.parse(ww.stdout.trim().split('\n').pop());
const same = JSON.stringify(wasmResult) === JSON.stringify(nativeResult) && wasmWarm.result === wasmRun.result;

// papaparse
const p = timed(process.execPath, [path.join(ROOT, 'bench', 'papa-run.mjs'), orders]);
const papa = JSON.parse(p.stdout.trim());

// the anchors: DuckDB native and DuckDB-wasm, the same facts by SQL
let duck = null;
let duckw = null;
if (anchors && anchorsInstalled) {
  const d = timed(process.execPath, [path.join(ROOT, 'bench', 'duckdb-run.mjs'), orders]);
  duck = { ...JSON.parse(d.stdout.trim().split('\n').pop()), rss: d.rss };
  const dw = timed(process.execPath, [path.join(ROOT, 'bench', 'duckdb-wasm-run.mjs'), orders]);
  duckw = { ...JSON.parse(dw.stdout.trim().split('\n').pop()), rss: dw.rss };
}

// site size (the same build the page run opens)
const site = path.join(work, 'site');
execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-site.mjs'), wasm, '--out', site], { stdio: 'pipe' });
// what a visit downloads, and every file (scripts/site-size.mjs says what is counted)
const siteSize = siteSizeOf(site);

// page
let page = null;
if (!args.includes('--no-page')) {
  const pageDir = data(pageRows);
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bench', 'page-run.mjs'), site, path.join(pageDir, 'orders.csv')],
    { encoding: 'utf8', maxBuffer: 1 << 24 });
  page = JSON.parse(out.trim().split('\n').pop());
}
// The page's scaling (issue 21): the same file read by 1, 2 and 4 workers (the page's
// ?slice-workers=N knob; by itself it slices only on 4 cores or more), a fresh page each.
let scaling = null;
if (page && !args.includes('--no-scaling')) {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bench', 'page-run.mjs'), site, path.join(data(pageRows), 'orders.csv'),
    '--workers', '1,2,4'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  scaling = JSON.parse(out.trim().split('\n').pop());
}

// ---- the table ----
// Two clocks: wall time, and CPU time (user + system), which is what the code costs and is far
// less disturbed by other work on a shared machine. Ratios are of CPU-time throughput, except
// the page's (wall time, both passes in the same page one after the other).
const f1 = (x) => x.toFixed(1);
const mbs = (b, s) => b / 1e6 / s;
const ordersKept = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')).orderCount;
const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;
const runs = {
  memchr: { wall: memchrSeconds, cpu: memchrCpu, mem: '-' },
  native: { wall: native.seconds, cpu: native.cpu, mem: `RSS ${mib(native.rss)}` },
  native2: { wall: native2.seconds, cpu: native2.cpu, mem: `RSS ${mib(native2.rss)}` },
  wasm: { wall: (wasmRun.ingest_ms + wasmRun.first_score_ms) / 1000, cpu: wasmRun.cpu_ms / 1000,
    mem: `heap ${mib(wasmRun.heap_bytes)}, RSS ${mib(w.rss)}` },
  wasmw: { wall: (wasmWarm.ingest_ms + wasmWarm.first_score_ms) / 1000, cpu: wasmWarm.cpu_ms / 1000,
    mem: `heap ${mib(wasmWarm.heap_bytes)}, RSS ${mib(ww.rss)}` },
  papa: { wall: papa.ms / 1000, cpu: papa.cpu_ms / 1000, mem: `RSS ${mib(p.rss)}` },
};
if (duck) runs.duck = { wall: duck.ms / 1000, cpu: duck.cpu_ms / 1000, mem: `RSS ${mib(duck.rss)}` };
if (duckw) runs.duckw = { wall: duckw.ms / 1000, cpu: duckw.cpu_ms / 1000, mem: `heap ${mib(duckw.heap_bytes)}, RSS ${mib(duckw.rss)}` };
const cpuMBs = (k) => mbs(bytes, runs[k].cpu);
const table = [['path', 'wall s', 'MB/s wall', 'CPU s', 'MB/s CPU', 'rows/s CPU', 'peak memory', 'vs memchr', 'vs PapaParse']];
const wallMBs = (k) => mbs(bytes, runs[k].wall);
const names = { memchr: 'memchr, line ends (C)', native: 'native CLI --jobs 1, orders -> result',
  native2: 'native CLI --jobs 2, orders -> result', wasm: 'WASM in node, 1 MiB chunks -> result (cold module)',
  wasmw: 'WASM in node, the same, warmed as the page warms its worker',
  duck: duck ? `DuckDB ${duck.version} native (${duck.threads} threads), same facts` : '',
  duckw: duckw ? `DuckDB-wasm ${duckw.version} in node (1 thread), same facts` : '',
  papa: 'PapaParse 5 + Date.parse (node)' };
for (const k of ['memchr', 'native', 'native2', 'wasm', 'wasmw', 'duck', 'duckw', 'papa'].filter((k) => runs[k])) {
  const r = runs[k];
  table.push([names[k], r.wall.toFixed(2), f1(mbs(bytes, r.wall)), r.cpu.toFixed(2), f1(cpuMBs(k)),
    Math.round(rows / r.cpu).toLocaleString('en-US'), r.mem, `${(cpuMBs(k) / cpuMBs('memchr')).toFixed(3)}x`,
    `${(cpuMBs(k) / cpuMBs('papa')).toFixed(1)}x`]);
}
if (page) {
  const pb = page.bytes;
  table.push([`page: read-only File.stream() pass, ${pageRows} rows`, (page.read_only_default_ms / 1000).toFixed(2),
    f1(mbs(pb, page.read_only_default_ms / 1000)), '-', '-', '-', '-', '', '']);
  if (page.read_only_byob_ms !== null) {
    table.push([`page: the same pass "bring your own buffer", ${pageRows} rows`, (page.read_only_byob_ms / 1000).toFixed(2),
      f1(mbs(pb, page.read_only_byob_ms / 1000)), '-', '-', '-', '-', '', '']);
  }
  table.push([`page: file picked -> score shown, ${pageRows} rows`, (page.end_to_end_ms / 1000).toFixed(2),
    f1(mbs(pb, page.end_to_end_ms / 1000)), '-', '-', '-', '-', '', '']);
  if (page.read_core_ms !== undefined) {
    table.push([`page: worker, core reading the file (${pageRows} rows)`, (page.read_core_ms / 1000).toFixed(2),
      f1(mbs(pb, page.read_core_ms / 1000)), '-', '-', '-', '-', '', '']);
  }
}
const widths = table[0].map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
const line = (r) => `| ${r.map((v, c) => String(v).padEnd(widths[c])).join(' | ')} |`;
const cpu = (() => {
  try {
    const l = execFileSync('lscpu', { encoding: 'utf8' });
    return `${/Model name:\s*(.*)/.exec(l)?.[1] ?? os.cpus()[0].model}, ${/^CPU\(s\):\s*(\d+)/m.exec(l)?.[1] ?? os.cpus().length} CPUs`;
  } catch { return `${os.cpus()[0].model}, ${os.cpus().length} CPUs`; }
})();
console.log(`ShopScore benchmark — ${rows.toLocaleString('en-US')} SKU rows, ${f1(MB)} MB orders export (54 columns), ${lines} lines`);
console.log(`machine: ${cpu}; load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; node ${process.version}`);
console.log('');
console.log(line(table[0]));
console.log(line(widths.map((n) => '-'.repeat(n))));
for (const r of table.slice(1)) console.log(line(r));
console.log('');
console.log(`WASM: ingest ${f1(wasmRun.ingest_ms)} ms + first score ${f1(wasmRun.first_score_ms)} ms (wall); ` +
  `re-score after a weight edit ${wasmRun.rescore_ms.toFixed(2)} ms, after an SLA edit ${f1(wasmRun.rescore_sla_ms)} ms ` +
  `(CPU ${f1(wasmRun.rescore_sla_cpu_ms)} ms), after a fault-mapping edit ${f1(wasmRun.rescore_fault_ms)} ms (CPU ${f1(wasmRun.rescore_fault_cpu_ms)} ms); ` +
  `with insights, as the page asks, after a weight edit CPU ${f1(wasmRun.rescore_insights_cpu_ms)} ms (median of 5); heap ${mib(wasmRun.heap_bytes)} = ` +
  `${Math.round(wasmRun.heap_bytes / ordersKept)} bytes per order kept (${ordersKept.toLocaleString('en-US')} orders; ` +
  'the heap also holds the module, the chunk buffer and the scratch of reading)');
console.log(`WASM warmed as the page (bench/wasm-run.mjs --warm): ingest ${f1(wasmWarm.ingest_ms)} ms + first score ` +
  `${f1(wasmWarm.first_score_ms)} ms (wall); ${f1(cpuMBs('wasmw'))} MB/s of CPU against ${f1(cpuMBs('wasm'))} cold ` +
  `(the cold run's CPU includes V8's optimising compiles on background threads)`);
console.log(`WASM warmed: ${wasmWarm.page_faults.toLocaleString('en-US')} page faults while reading (the heap's fresh 4 KiB ` +
  `pages; WebAssembly cannot ask for huge pages), at ${faultUs.toFixed(2)} µs each on this machine (bench/page-fault.c) = ` +
  `${f1((wasmWarm.page_faults * faultUs) / 1000)} ms of its CPU (system ${f1(wasmWarm.sys_ms)} ms); ` +
  `${f1(mbs(bytes, wasmWarm.cpu_ms / 1000 - (wasmWarm.page_faults * faultUs) / 1e6))} MB/s of CPU without them`);
console.log(`native --jobs 2 over --jobs 1: ${(runs.native.wall / runs.native2.wall).toFixed(2)}x by wall ` +
  `(${f1(wallMBs('native'))} -> ${f1(wallMBs('native2'))} MB/s), CPU ${runs.native.cpu.toFixed(2)} -> ${runs.native2.cpu.toFixed(2)} s ` +
  `(${f1(cpuMBs('native'))} -> ${f1(cpuMBs('native2'))} MB/s of CPU); result bytes identical: ${sameJobs ? 'yes' : 'NO'}`);
if (duck) {
  const facts = (r) => `${r.orders.toLocaleString('en-US')} orders, ${r.cancelled.toLocaleString('en-US')} cancelled, ` +
    `${r.delivered.toLocaleString('en-US')} delivered, ${r.fbt.toLocaleString('en-US')} FBT`;
  console.log(`anchors: ShopScore native --jobs 2 / DuckDB native (both on 2 cores): ${(wallMBs('native2') / wallMBs('duck')).toFixed(1)}x by wall, ` +
    `${(cpuMBs('native2') / cpuMBs('duck')).toFixed(1)}x by CPU; --jobs 1 / DuckDB native by CPU ${(cpuMBs('native') / cpuMBs('duck')).toFixed(1)}x; ` +
    `ShopScore WASM / DuckDB-wasm (both one thread): ${(wallMBs('wasm') / wallMBs('duckw')).toFixed(1)}x by wall, ` +
    `${(cpuMBs('wasm') / cpuMBs('duckw')).toFixed(1)}x by CPU; DuckDB native / PapaParse by CPU ${(cpuMBs('duck') / cpuMBs('papa')).toFixed(1)}x`);
  console.log(`anchors' facts: DuckDB ${facts(duck)}; DuckDB-wasm ${facts(duckw)}; the generator wrote ` +
    `${ordersKept.toLocaleString('en-US')} orders (${duck.orders === ordersKept && duckw.orders === ordersKept ? 'same' : 'DIFFERENT'})`);
}
console.log(`ratios (CPU): WASM/native ${(cpuMBs('wasm') / cpuMBs('native')).toFixed(2)}x; native/PapaParse ` +
  `${(cpuMBs('native') / cpuMBs('papa')).toFixed(1)}x; WASM/PapaParse ${(cpuMBs('wasm') / cpuMBs('papa')).toFixed(1)}x` +
  (page ? `; page (wall): end to end / the faster read-only pass = ${(page.read_only_ms / page.end_to_end_ms).toFixed(2)}x of the read-only speed ` +
    `(/ the stream's own chunks ${(page.read_only_default_ms / page.end_to_end_ms).toFixed(2)}x; page SPS ${page.sps_display})` : ''));
if (page && page.read_core_ms !== undefined) {
  console.log(`page (wall, in the worker): ${f1(page.read_total_ms)} ms reading the file = ${f1(page.read_core_ms)} ms in the core + ` +
    `${f1(page.read_wait_ms)} ms waiting for bytes (from the reader thread: ${page.reader_thread ? 'yes' : 'no'}) + ` +
    `${f1(page.read_copy_ms)} ms copying into the heap + the rest the reads' own work; then the score shown: the worker's ` +
    `${f1(page.score_ms)} ms (the score alone when its insights follow, docs/web.md "Reading files")`);
}
if (scaling) {
  const ms = (x) => Math.round(x);
  console.log(`page by workers (?slice-workers=N, ${pageRows} rows, a fresh page each): ` + scaling.map((r) =>
    `${r.workers} ${(r.end_to_end_ms / 1000).toFixed(2)} s (${(r.read_only_ms / r.end_to_end_ms).toFixed(2)}x its read-only pass` +
    (r.slices_ms ? `; main worker: plan ${ms(r.slices_ms.plan)}, slice 0 ${ms(r.slices_ms.slice0)}, waiting ${ms(r.slices_ms.wait)}, merge ${ms(r.slices_ms.merge)} ms` : '') +
    (r.fell_back ? '; FELL BACK to one pass' : '') + ')').join('; '));
}
console.log(`site: ${(siteSize.visit.gz / 1024).toFixed(1)} KiB gzipped (${(siteSize.visit.raw / 1024).toFixed(1)} KiB raw) a visit ` +
  `downloads (with ${siteSize.visitLang}), ${(siteSize.all.gz / 1024).toFixed(1)} KiB with the files loaded on demand ` +
  `(the other language, uplot.js, sample.js)`);
console.log(`native and WASM results identical: ${same ? 'yes' : 'NO'} (SPS ${nativeResult.sps_display})`);
if (page && page.page_errors.length) console.log(`page errors: ${page.page_errors.join('; ')}`);
