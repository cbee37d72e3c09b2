// The Web Worker: loads the WASM module (createShopScore, prepended to this code by the site
// build) and does all reading and scoring, so the page stays responsive. Cancelling is done by
// the page terminating this worker. The messages are described in ../protocol.js.
//
// Every source is an Ingest session (files, the sample dataset, quick mode's dataset), so every
// score call goes through Ingest.score and its ScoreCache: one scoring path.
/* global createShopScore, SHOPSCORE_WASM_LZMA */
import { lzmaDecode } from './lzma.js';
import { previewRows } from './decode.js';
import { isZip, readZipDirectory, entryStream, entryText } from './zip.js';
import { MSG, errorToData } from '../protocol.js';
import { scoreShops } from './shops.js';
import { configureSlices, sliceWorkers, readInSlices, readSliceHere, prepareSliceWorkers, readsInSlices } from './slices.js';
import { openFeed, configureFeed, prepareReader } from './byte-feed.js';
import { warmUp } from './warm-up.js';

const CHUNK = 1 << 20; // bytes per call into the core (>= 1 MiB, except a file's last chunk)

let modulePromise = null;
let meta = null; // the core's meta() (docs/wasm.md), read with the module: limits come from it
// The module compiled once (WebAssembly.Module); the main worker sends it to its extra workers,
// which then share its compiled code: no second decompression, no second compile.
let wasmModule = null;
const sessions = new Map(); // session name -> Ingest

function getModule() {
  if (!modulePromise) {
    modulePromise = moduleOptions().then((options) => createShopScore(options)).then((m) => {
      meta = JSON.parse(m.meta());
      return m;
    });
  }
  return modulePromise;
}

// The site build puts the WASM binary beside the glue LZMA-compressed and base64-encoded (about
// half the gzipped size of the module's own base64; scripts/build-site.mjs): decompressed here,
// once per worker, without any request.
async function moduleOptions() {
  if (!wasmModule) {
    if (typeof SHOPSCORE_WASM_LZMA !== 'string') return {}; // the module's own inlined binary
    const text = atob(SHOPSCORE_WASM_LZMA);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    wasmModule = await WebAssembly.compile(lzmaDecode(bytes));
  }
  return {
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), (e) => {
        setTimeout(() => { throw e; }); // uncaught: the worker's owner hears it as an error event
      });
      return {}; // the exports arrive through receive()
    },
  };
}

let seen = 0; // messages after init: the warm-up gives way to the first
self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type !== MSG.init) seen++;
  try {
    if (msg.type === MSG.init) {
      const m = await getModule();
      configureSlices(msg, wasmModule);
      configureFeed(msg.slicing || {});
      prepareReader();
      prepareSliceWorkers();
      self.postMessage({ type: MSG.ready, id: 0, version: m.version(), defaultProfile: m.defaultProfile(), meta,
        columns: JSON.parse(m.headerAliases()).kinds });
      // The core's code made hot before the seller's first file (worker/warm-up.js).
      const t = performance.now();
      const slices = readsInSlices();
      const passes = await warmUp(m, () => seen > 0, msg.slicing && msg.slicing.warmUpPasses, slices);
      self.postMessage({ type: MSG.warmedUp, id: 0, passes, slices, ms: performance.now() - t });
    } else if (msg.type === MSG.score) {
      const ing = sessions.get(msg.session);
      if (!ing) throw new Error(`no ${msg.session} session has been read`);
      const t = performance.now();
      const result = ing.score(JSON.stringify(msg.options || {}));
      self.postMessage({ type: MSG.result, id: msg.id, result, ms: performance.now() - t });
      // A score with insights is the last step after files are read: a reader worker for the next
      // files starts now, not while the page lays the score out and the insights are worked out.
      if (msg.options && msg.options.insights) {
        prepareReader();
        prepareSliceWorkers();
      }
    } else if (msg.type === MSG.calibrate) {
      const ing = sessions.get(msg.session);
      if (!ing) throw new Error(`no ${msg.session} session has been read`);
      const t = performance.now();
      const result = ing.calibrate(msg.snapshots, msg.profile || '');
      self.postMessage({ type: MSG.result, id: msg.id, result, ms: performance.now() - t });
    } else if (msg.type === MSG.ingest) {
      await ingest(msg);
    } else if (msg.type === MSG.slice) {
      // An extra worker, started by the main one (slices.js): its module first (started ahead, the
      // first message has no plan), then one slice of one file.
      if (msg.wasmModule) wasmModule = msg.wasmModule;
      const m = await getModule();
      if (msg.plan) await readSliceHere(m, msg, (ing, reader, options) => pump(m, ing, reader, options, newTiming()));
    } else if (msg.type === MSG.shops) {
      await scoreShops(await getModule(), meta, readFile, msg);
    }
  } catch (e) {
    self.postMessage({ type: MSG.error, id: msg.id, error: errorToData(e) });
  }
};

// Reads every file into one new Ingest. A file that fails is reported and left out; the
// others are then read again into a fresh session (the failed one may have left half its rows).
async function ingest(msg) {
  const m = await getModule();
  const old = sessions.get(msg.session);
  if (old) { old.delete(); sessions.delete(msg.session); }
  const failed = new Set();
  const total = msg.files.reduce((sum, f) => sum + f.blob.size, 0);
  for (;;) {
    const ing = new m.Ingest(msg.shop || '');
    let loadedBefore = 0;
    let restart = false;
    for (const f of msg.files) {
      if (failed.has(f.key)) continue;
      const report = (done) => {
        self.postMessage({ type: MSG.progress, id: msg.id, key: f.key, loaded: loadedBefore + done, total });
      };
      try {
        const { summary, timing } = await readFile(m, ing, f, report, msg.shop || '');
        self.postMessage({ type: MSG.file, id: msg.id, key: f.key, summary, timing });
      } catch (e) {
        failed.add(f.key);
        self.postMessage({ type: MSG.fileError, id: msg.id, key: f.key, error: errorToData(e) });
        restart = true;
        break;
      }
      loadedBefore += f.blob.size;
    }
    if (!restart) { sessions.set(msg.session, ing); break; }
    ing.delete();
  }
  self.postMessage({ type: MSG.ingested, id: msg.id, failed: [...failed] });
}

// The page keeps every order it reads in the WASM heap: about 90 bytes per order since the compact
// dataset, so a 2 GB export (about 4 M SKU rows) needs a few hundred MiB of the 2 GiB heap. Past
// the core's limit (meta().limits.page_file_bytes, docs/limits.md) the seller is sent to the
// command-line tool instead; checked before any byte is read, so an oversized file is refused at
// once, with the core's words (fileTooLargeError).
// `shop` (the session's shop JSON) lets a large orders export be read by several workers
// (slices.js); without it (the Shops view) every file is read in one pass.
async function readFile(m, ing, f, report, shop) {
  if (f.blob.size > meta.limits.page_file_bytes) throw m.fileTooLargeError(f.name, f.blob.size);
  // The seller's answer for a file whose dates read both ways ("mdy"/"dmy"; "" = from the data).
  ing.setDateOrder(f.dateOrder || '');
  if (await isZip(f.blob)) return readXlsx(m, ing, f, report);
  return readText(m, ing, f, report, shop);
}

// Progress goes to the page at most this often (ms), and once more when a part is done.
const PROGRESS_MS = 100;

// The one chunk pump (text files and XLSX parts): the stream's chunks (64 KiB-2 MiB, as the
// browser gives them) are copied once, straight into the heap buffer the core reserved, until it
// holds CHUNK bytes; then one commit() parses them. The next read() is asked for before that
// commit, so the browser reads (or inflates) on its own threads while the core parses.
// onChunk(value) sees each chunk first (the preview's head); onCommit(bytes) after each commit.
// `slice`: the bytes are an extra worker's slice (ing.commitSlice), not a file (ing.commit).
async function pump(m, ing, reader, { onChunk, onCommit = () => {}, slice = false }, timing) {
  let ptr = ing.reserve(CHUNK);
  let filled = 0;
  let lastReport = -Infinity;
  const commit = () => {
    if (filled === 0) return;
    const t = performance.now();
    if (slice) ing.commitSlice(filled);
    else ing.commit(filled);
    const n = filled;
    filled = 0;
    ptr = ing.reserve(CHUNK);
    timing.core_ms += performance.now() - t;
    timing.commits++;
    if (t - lastReport >= PROGRESS_MS) { lastReport = t; onCommit(n); }
  };
  let pending = reader.read();
  for (;;) {
    const t = performance.now();
    const { done, value } = await pending;
    timing.wait_ms += performance.now() - t;
    if (done) break;
    pending = reader.read(); // in flight while the core parses this chunk
    timing.chunks++;
    if (onChunk) onChunk(value);
    const c0 = performance.now();
    const core0 = timing.core_ms;
    let pos = 0;
    while (pos < value.length) {
      const n = Math.min(value.length - pos, CHUNK - filled);
      // Read HEAPU8 afresh each time: reserve() and commit() may grow the memory.
      m.HEAPU8.set(pos === 0 && n === value.length ? value : value.subarray(pos, pos + n), ptr + filled);
      filled += n;
      pos += n;
      if (filled === CHUNK) commit();
    }
    timing.copy_ms += performance.now() - c0 - (timing.core_ms - core0);
  }
  commit();
}

const newTiming = () => ({ wait_ms: 0, core_ms: 0, copy_ms: 0, chunks: 0, commits: 0, total_ms: performance.now() });

// Text exports go to the core as the file's bytes: the core detects the encoding (UTF-8, GB18030,
// UTF-16), validates and decodes, the same way for the CLI and the page; only the 16 KiB preview
// is decoded here. The header row goes with an unknown-header error, so the page can say which
// required column an export of the closest kind lacks.
const PREVIEW_BYTES = 16384;

async function readText(m, ing, f, report, shop) {
  const head = new Uint8Array(Math.min(PREVIEW_BYTES, f.blob.size));
  let headLen = 0;
  let loaded = 0;
  const timing = newTiming();
  // The core routes a text file starting with "{" to the JSON reader itself; a .json name is
  // read as JSON whatever it starts with (its error is then a JSON one).
  // The Shops view asks for 'auto' on every file (f.auto), as `shopscore batch` reads a folder.
  const asDataset = /\.json$/i.test(f.name) && !f.auto;
  const workers = shop === undefined || asDataset ? 0 : sliceWorkers(f);
  // One pass: every byte through this worker (the head kept for the preview as it goes).
  // The bytes come from a reader thread (byte-feed.js), so reading and parsing overlap.
  async function readOnePass() {
    const feed = openFeed(f.blob);
    timing.readerThread = feed.thread;
    try {
      await pump(m, ing, feed, {
        onChunk(value) {
          if (headLen < head.length) {
            const n = Math.min(head.length - headLen, value.length);
            head.set(value.subarray(0, n), headLen);
            headLen += n;
          }
          loaded += value.length;
        },
        onCommit() { report(loaded); },
      }, timing);
    } finally {
      feed.cancel().catch(() => {}); // a read that failed must not leave its reader running
    }
  }
  try {
    if (workers) {
      head.set(new Uint8Array(await f.blob.slice(0, head.length).arrayBuffer()));
      headLen = head.length;
      // The chunk pump over one stream; onBytes(n) after the bytes it has fed.
      const feed = (reader, onBytes) => {
        let fed = 0;
        return pump(m, ing, reader, {
          onChunk(value) { fed += value.length; },
          onCommit() { onBytes(fed); fed = 0; },
        }, timing).then(() => onBytes(fed)).finally(() => reader.cancel().catch(() => {})); // (a failed read stops its reader)
      };
      timing.slices = await readInSlices(m, ing, f, workers, shop, feed, report);
      loaded = f.blob.size;
    } else {
      ing.begin(asDataset ? 'dataset' : 'auto', f.name, 'text', false);
      ing.expectBytes(f.blob.size); // its orders' ID index sized once, not grown step by step
      await readOnePass();
    }
  } catch (e) {
    if (e && typeof e === 'object' && e.code === 'unknown_header') {
      const utf8 = decodeHead(head.subarray(0, headLen), 'utf-8');
      const text = utf8.includes('\uFFFD') ? decodeHead(head.subarray(0, headLen), 'gb18030') : utf8;
      e.header = previewRows(text, 1)[0] || [];
    }
    throw e;
  }
  const t = performance.now();
  const summary = JSON.parse(ing.end());
  timing.core_ms += performance.now() - t;
  report(loaded);
  timing.total_ms = performance.now() - timing.total_ms;
  summary.preview = summary.kind === 'dataset_json' ? [] : previewRows(decodeHead(head.subarray(0, headLen), summary.encoding), 6);
  return { summary, timing };
}

// The preview's text: the first bytes in the encoding the core found.
function decodeHead(bytes, encoding) {
  const label = encoding === 'gb18030' ? 'gb18030' : encoding === 'utf-16le' ? 'utf-16le' : encoding === 'utf-16be' ? 'utf-16be' : 'utf-8';
  return new TextDecoder(label).decode(bytes);
}

// Which parts to read: the core's choice (findWorkbookParts, the same code as the CLI's) from
// the workbook and its relationships.
async function workbookParts(m, blob, entries, name, fail) {
  const text = async (path) => (entries.has(path) ? entryText(blob, entries.get(path), meta.limits.xlsx_small_part_bytes, fail) : '');
  const parts = JSON.parse(m.findWorkbookParts(name, await text('xl/workbook.xml'), await text('xl/_rels/workbook.xml.rels')));
  const sheet = entries.get(parts.sheet_path);
  if (!sheet) throw fail.bad(`got a workbook without its sheet ${parts.sheet_path}`);
  return { sheet, strings: parts.shared_strings_path ? entries.get(parts.shared_strings_path) : undefined };
}

async function readXlsx(m, ing, f, report) {
  // The zip reader's errors, worded and shaped by the core (docs/wasm.md).
  const fail = {
    bad: (what) => m.badXlsxError(f.name, what),
    tooLarge: (part, limit) => m.xlsxPartTooLargeError(f.name, part, limit),
  };
  const entries = await readZipDirectory(f.blob, fail);
  const { sheet, strings } = await workbookParts(m, f.blob, entries, f.name, fail);
  // The inflated-size limits are the core's (meta().limits, docs/limits.md).
  const parts = strings
    ? [['xlsx-shared-strings', strings, meta.limits.xlsx_shared_strings_part_bytes], ['xlsx-sheet', sheet, meta.limits.xlsx_sheet_part_bytes]]
    : [['xlsx-sheet', sheet, meta.limits.xlsx_sheet_part_bytes]];
  const unpacked = parts.reduce((s, [, e]) => s + e.size, 0) || 1;
  let out = 0;
  let summary = null;
  // Progress: uncompressed bytes scaled to the file's size.
  const progress = () => report(Math.min(f.blob.size, Math.round((out / unpacked) * f.blob.size)));
  const timing = newTiming();
  for (const [format, entry, limit] of parts) {
    ing.begin('auto', f.name, format, true);
    const reader = (await entryStream(f.blob, entry, limit, fail)).getReader();
    await pump(m, ing, reader, { onChunk(value) { out += value.length; }, onCommit: progress }, timing);
    progress();
    summary = JSON.parse(ing.end());
  }
  summary.encoding = 'xlsx';
  summary.preview = [];
  return { summary, timing: null };
}
