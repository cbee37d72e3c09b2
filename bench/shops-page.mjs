// The agency's scale in the page (issue 20): the folder of shops bench/shops.mjs gives `batch`,
// through the page's Shops view in headless Chromium (the folder picked on #shops-folder, as
// tests/browser/shops.test.mjs does), once per shop count.
//   node bench/shops-page.mjs [--shops 100,1000] [--rows 11000] [--distinct 10] [--wasm MODULE.js]
// For each count, in a fresh page: wall time from the input's change event to the last row shown
// and the CSV download enabled, shops/s, MB/s, CPU seconds of the Chromium processes; peak memory sampled every 200 ms during the run:
// the sum of RSS and of PSS (shared pages counted once) over every Chromium process this script
// started (from /proc), the renderer's own RSS (the page and its worker live there), and the
// worker's WASM memory (its linear memory's size, read through a hook the bench adds to its own
// copy of the worker source, see WASM_HOOK; never in the shipped site). The page's CSV is compared
// with `batch`'s (build/bench/shops-R/batch-N.csv, written by bench/shops.mjs) when that file
// exists. After the run, garbage is collected in the page and its worker (Chromium started with
// --js-flags=--expose-gc) and memory read again: what stays is what the page keeps. Memory that
// does not grow from 100 to 1,000 shops is the "one shop at a time" of
// docs/web.md "Shops view". One run; nothing is asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, shopFolders } from './shop-folders.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const counts = String(opt('--shops', '100,1000')).split(',').map(Number);
const rows = Number(opt('--rows', 11000));
const distinct = Number(opt('--distinct', 10));
const wasm = path.resolve(opt('--wasm', process.env.SHOPSCORE_WASM_JS || path.join(ROOT, 'build/wasm/wasm/shopscore.js')));
const site = path.join(ROOT, 'build', 'bench', 'site-shops');
execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-site.mjs'), wasm, '--out', site], { stdio: 'pipe' });

// Put before the worker's source (which the page starts from a Blob, web/src/engine.js): keeps
// every WebAssembly.Memory the worker's modules export, so that the bench can read their sizes.
const WASM_HOOK = `(() => {
  const keep = (r) => { const inst = r && (r.instance || r);
    for (const v of Object.values((inst && inst.exports) || {})) if (v instanceof WebAssembly.Memory) (self.__benchMemories ||= []).push(v);
    return r; };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...a) { return instantiate.apply(this, a).then(keep); };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = function (...a) { return streaming.apply(this, a).then(keep); };
})();\n`;
function hookWorkers(hook) { // runs in the page before its scripts
  const NativeBlob = window.Blob;
  window.Blob = class extends NativeBlob {
    constructor(parts, options) {
      const worker = options && options.type === 'text/javascript' && parts && parts.length === 1 && typeof parts[0] === 'string';
      super(worker ? [hook, parts[0]] : parts, options);
    }
  };
}

// Every process below this one (Chromium's browser, renderer, GPU and utility processes).
function descendants() {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) if (!mine.has(pid) && mine.has(ppid)) { mine.add(pid); grew = true; }
  }
  mine.delete(process.pid);
  return [...mine];
}

// CPU seconds (user + system) of the Chromium processes alive now, by pid.
const TICK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
function cpuByPid() {
  const out = new Map();
  for (const pid of descendants()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(f[11]) + Number(f[12])) / TICK); // utime, stime (fields 14 and 15)
    } catch { /* gone */ }
  }
  return out;
}

function memorySample() {
  let rss = 0, pss = 0, renderer = 0;
  for (const pid of descendants()) {
    try {
      const roll = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const r = Number(/^Rss:\s+(\d+) kB/m.exec(roll)[1]) * 1024;
      rss += r;
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(roll)[1]) * 1024;
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) renderer = Math.max(renderer, r);
    } catch { /* gone, or not ours to read */ }
  }
  return { rss, pss, renderer };
}

async function wasmMemory(page) {
  let most = null;
  for (const w of page.workers()) {
    try {
      const sizes = await w.evaluate(() => (self.__benchMemories || []).map((m) => m.buffer.byteLength));
      for (const s of sizes) most = Math.max(most ?? 0, s);
    } catch { /* the worker is starting or gone */ }
  }
  return most;
}

async function run(browser, count) {
  const shops = shopFolders({ shops: count, rows, distinct });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(hookWorkers, WASM_HOOK);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  await page.click('#tab-shops');
  await page.evaluate(() => {
    document.querySelector('#shops-folder').addEventListener('change', () => { window.__benchStart = performance.now(); }, { capture: true });
  });
  const idle = memorySample();
  const peak = { ...idle, wasm: await wasmMemory(page) };
  const samples = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const m = memorySample();
      const w = await wasmMemory(page);
      samples.push({ ...m, wasm: w });
      peak.rss = Math.max(peak.rss, m.rss);
      peak.pss = Math.max(peak.pss, m.pss);
      peak.renderer = Math.max(peak.renderer, m.renderer);
      if (w != null) peak.wasm = Math.max(peak.wasm ?? 0, w);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const c0 = os.cpus().reduce((s, c) => s + c.times.user + c.times.sys, 0);
  const chromium0 = cpuByPid();
  await page.setInputFiles('#shops-folder', shops.root);
  const ms = await page.waitForFunction((n) => document.querySelectorAll('#shops-table tbody tr').length === n &&
    !document.querySelector('#shops-download').disabled && performance.now() - window.__benchStart,
  count, { timeout: 3600000, polling: 250 }).then((h) => h.jsonValue());
  const machineCpu = (os.cpus().reduce((s, c) => s + c.times.user + c.times.sys, 0) - c0) / 1000;
  let chromiumCpu = 0; // processes that started during the run count from zero
  for (const [pid, cpu] of cpuByPid()) chromiumCpu += cpu - (chromium0.get(pid) ?? 0);
  sampling = false;
  await sampler;
  // What stays after the run: garbage collected in the page and in its workers (--expose-gc),
  // then the processes' memory and the page's JavaScript heap read again.
  const end = memorySample();
  await page.evaluate(() => { gc(); gc(); });
  for (const w of page.workers()) await w.evaluate(() => { gc(); gc(); }).catch(() => {});
  await new Promise((r) => setTimeout(r, 1000));
  const afterGc = { ...memorySample(), pageHeap: await page.evaluate(() => performance.memory.usedJSHeapSize) };
  const errorRows = await page.$$eval('#shops-table tbody tr', (trs) => trs.filter((tr) => tr.querySelector('.shop-error, [data-error]')).length);
  // The page's CSV against batch's, when bench/shops.mjs wrote it for this count.
  const batchCsv = path.join(shops.work, `batch-${count}.csv`);
  let sameCsv = 'not compared (run bench/shops.mjs --shops N first)';
  if (existsSync(batchCsv)) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#shops-download')]);
    sameCsv = readFileSync(await download.path()).equals(readFileSync(batchCsv)) ? 'yes' : 'NO';
  }
  await context.close();
  // The WASM memory over the run's second half (the first shops are read by then).
  const late = samples.slice(Math.floor(samples.length / 2)).map((s) => s.wasm).filter((w) => w != null);
  return { count, bytes: shops.bytes, ordersBytes: shops.ordersBytes, ms, machineCpu, chromiumCpu, idle, peak, end, afterGc, sameCsv, errors, errorRows,
    wasmLate: late.length ? Math.max(...late) : null, samples: samples.length };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions', '--js-flags=--expose-gc'],
});
const results = [];
try {
  for (const n of counts) results.push(await run(browser, n));
} finally {
  await browser.close();
}

const mib = (b) => (b == null ? '-' : `${(b / 1048576).toFixed(0)} MiB`);
console.log(`ShopScore page, Shops view — shops of ~${rows} SKU rows (${distinct} distinct, hard links), ` +
  `orders ${(results[0].ordersBytes / 1e6).toFixed(1)} MB a shop; headless Chromium, site ${path.relative(ROOT, site)}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
  `load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, node ${process.version}`);
console.log('| shops | GB | wall s | Chromium CPU s | shops/s | MB/s | Chromium RSS sum, idle -> peak | PSS sum peak | renderer RSS peak | worker WASM memory peak (2nd half) | CSV = batch |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const s = r.ms / 1000;
  console.log(`| ${r.count} | ${(r.bytes / 1e9).toFixed(2)} | ${s.toFixed(1)} | ${r.chromiumCpu.toFixed(1)} | ${(r.count / s).toFixed(1)} | ${(r.bytes / 1e6 / s).toFixed(0)} | ` +
    `${mib(r.idle.rss)} -> ${mib(r.peak.rss)} | ${mib(r.peak.pss)} | ${mib(r.peak.renderer)} | ${mib(r.peak.wasm)} (${mib(r.wasmLate)}) | ${r.sameCsv} |`);
}
for (const r of results) {
  console.log(`${r.count} shops: at the end renderer RSS ${mib(r.end.renderer)}, RSS sum ${mib(r.end.rss)}; after a GC in the page ` +
    `and its worker: renderer RSS ${mib(r.afterGc.renderer)}, RSS sum ${mib(r.afterGc.rss)}, PSS sum ${mib(r.afterGc.pss)}, ` +
    `the page's JS heap ${mib(r.afterGc.pageHeap)}`);
  console.log(`${r.count} shops: ${r.samples} memory samples; machine CPU during the run ${r.machineCpu.toFixed(1)} s (all processes); ` +
    `rows with an error ${r.errorRows}; page errors: ${r.errors.length ? r.errors.join('; ') : 'none'}`);
}
