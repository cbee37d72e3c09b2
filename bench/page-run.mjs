// One page run in headless Chromium (a child of bench/run.mjs): the built site opened from
// file://, then in the same page
//   1. a read-only pass: the File read through File.stream() and every chunk touched, nothing
//      else, twice: with the stream's own chunks and "bring your own buffer"; the faster is the
//      floor for anything the page does with the file (read_only_ms), and
//   2. end to end: the file given to the page's file input -> the score shown (#sps-display),
//      with the worker's own split of it (its 'file' and 'result' messages carry timings: time
//      waiting for File.stream() bytes, time in the core reading them, time scoring).
//   node bench/page-run.mjs SITE_DIR ORDERS_FILE  -> one JSON line
//   node bench/page-run.mjs SITE_DIR ORDERS_FILE --workers 1,2,4
//     -> the same in a fresh page per worker count (the page's ?slice-workers=N knob, docs/web.md
//        "Every core"; 1 = the one-worker path), a table with each run's ratio to its read-only
//        pass, then one JSON line with every run.
//   ... --query '?warm-up=0'  -> with more of the page's knobs (here: no warm-up of the core)
import path from 'node:path';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [siteDir, file, ...rest] = process.argv.slice(2);
const workersArg = rest.indexOf('--workers') >= 0 ? rest[rest.indexOf('--workers') + 1] : null;
// --query '?warm-up=0': the page's knobs (docs/web.md), e.g. a page without its warm-up.
const extraQuery = rest.indexOf('--query') >= 0 ? rest[rest.indexOf('--query') + 1].replace(/^\?/, '') : '';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
async function run(query) {
  const page = await browser.newPage();
  // Listen to the page's worker: the timings it sends with each file and score.
  await page.addInitScript(() => {
    const Base = window.Worker;
    window.__benchWorker = { files: [], scores: [] };
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          if (e.data.type === 'file' && e.data.timing) window.__benchWorker.files.push(e.data.timing);
          if (e.data.type === 'result' && typeof e.data.ms === 'number') window.__benchWorker.scores.push(e.data.ms);
        });
      }
    };
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const search = [query.replace(/^\?/, ''), extraQuery].filter(Boolean).join('&');
  await page.goto(pathToFileURL(path.join(siteDir, 'index.html')).href + (search ? `?${search}` : ''));
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  // The worker's warm-up (web/src/worker/warm-up.js) runs right after: over before the passes,
  // as in a seller's page open a few seconds before a file is picked, and not beside the read-only pass.
  await page.waitForSelector('body[data-warmed-up]', { timeout: 60000 });

  // 1. Read-only pass over the same File, through an input of our own (not the page's).
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-file', file);
  const readOnly = await page.evaluate(async () => {
    const f = document.querySelector('#bench-file').files[0];
    const t0 = performance.now();
    const reader = f.stream().getReader();
    let bytes = 0;
    let x = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      x ^= value[value.length - 1];  // touch the chunk
    }
    return { ms: performance.now() - t0, bytes, x };
  });
  // 1b. The same pass "bring your own buffer" (one 1 MiB buffer read into again and again): no
  // chunk allocated by the stream, the fastest way this Chromium hands over a File's bytes
  // (docs/performance.md, session 18), and the way the page reads since. The floor is the faster.
  const readOnlyByob = await page.evaluate(async () => {
    const f = document.querySelector('#bench-file').files[0];
    const t0 = performance.now();
    let reader;
    try {
      reader = f.stream().getReader({ mode: 'byob' });
    } catch {
      return null; // not a byte stream in this browser
    }
    let buf = new ArrayBuffer(1 << 20);
    let bytes = 0;
    let x = 0;
    for (;;) {
      const { done, value } = await reader.read(new Uint8Array(buf));
      if (done) break;
      bytes += value.length;
      if (value.length) x ^= value[value.length - 1];
      buf = value.buffer;
    }
    return { ms: performance.now() - t0, bytes, x };
  });

  // 2. End to end: file picked -> score shown. The end is found inside the page: a
  // MutationObserver sees the score and every file's status, then the frame that shows them is
  // painted (a requestAnimationFrame callback and the task after it). No polling over the DevTools
  // protocol beside the page's work on the same two cores (which the read-only pass did not have);
  // four alternating pairs against the polling took the same time (docs/performance.md, session 17).
  const shown = page.evaluate(() => new Promise((resolve) => {
    const input = document.querySelector('#file-input');
    input.addEventListener('change', () => { window.__benchStart = performance.now(); }, { capture: true, once: true });
    const done = () => {
      const display = document.querySelector('#sps-display') || document.querySelector('#result-error');
      const rows = [...document.querySelectorAll('#file-list > li')];
      return window.__benchStart !== undefined && display && rows.length > 0 && rows.every((li) => ['ok', 'error'].includes(li.dataset.status));
    };
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__benchEnd = performance.now(); resolve(); }));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  }));
  await page.setInputFiles('#file-input', file);
  let timer;
  await Promise.race([shown, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('no score shown in 600 s')), 600000); })]);
  clearTimeout(timer);
  const endToEnd = await page.evaluate(() => ({
    ms: window.__benchEnd - window.__benchStart,
    sps: document.querySelector('#sps-display')?.textContent ?? null,
    error: document.querySelector('#result-error')?.textContent ?? null,
    status: [...document.querySelectorAll('#file-list > li')].map((li) => li.dataset.status),
    worker: window.__benchWorker,
  }));
  const timing = endToEnd.worker.files.at(-1) || {};
  await page.close();
  // The floor: the faster of the two passes (each pass's own figures beside it).
  const floor = readOnlyByob ? Math.min(readOnly.ms, readOnlyByob.ms) : readOnly.ms;
  return { bytes: statSync(file).size, read_only_ms: floor, read_only_default_ms: readOnly.ms,
    read_only_byob_ms: readOnlyByob ? readOnlyByob.ms : null, end_to_end_ms: endToEnd.ms,
    sps_display: endToEnd.sps, error: endToEnd.error, status: endToEnd.status, page_errors: errors,
    read_wait_ms: timing.wait_ms, read_core_ms: timing.core_ms, reader_thread: !!timing.readerThread, read_copy_ms: timing.copy_ms, read_total_ms: timing.total_ms,
    workers: timing.slices ? timing.slices.workers : 1, fell_back: timing.slices ? !!timing.slices.fellBack : false,
    slices_ms: timing.slices ? timing.slices.ms : null,
    slices_extra_ms: timing.slices ? timing.slices.extraMs || null : null,
    score_ms: endToEnd.worker.scores.at(-1) };
}

try {
  if (!workersArg) {
    console.log(JSON.stringify(await run('')));
  } else {
    const runs = [];
    for (const n of workersArg.split(',').map(Number)) runs.push({ asked: n, ...(await run(`?slice-workers=${n}`)) });
    const mb = runs[0].bytes / 1e6;
    console.log('| workers | read-only File.stream() | page, file picked -> score shown | page / read-only |');
    console.log('|---|---|---|---|');
    for (const r of runs) {
      const fmt = (ms) => `${(ms / 1000).toFixed(2)} s (${(mb / (ms / 1000)).toFixed(0)} MB/s)`;
      const note = r.workers !== r.asked ? ` (read by ${r.workers})` : r.fell_back ? ' (fell back)' : '';
      console.log(`| ${r.asked}${note} | ${fmt(r.read_only_ms)} | ${fmt(r.end_to_end_ms)} | ${(r.read_only_ms / r.end_to_end_ms).toFixed(2)}x |`);
    }
    if (runs.some((r) => r.sps_display !== runs[0].sps_display)) console.log('DIFFERENT SCORES: ' + runs.map((r) => r.sps_display).join(' / '));
    console.log(JSON.stringify(runs));
  }
} finally {
  await browser.close();
}
