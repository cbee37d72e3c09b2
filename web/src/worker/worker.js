// The Web Worker: loads the WASM module (createShopScore, prepended to this code by the site
// build) and does all reading and scoring, so the page stays responsive. Cancelling is done by
// the page terminating this worker.
//
// Messages in:  {type: "init"}
//               {type: "score", id, source: "json", dataset: string, options: object}
//               {type: "score", id, source: "session", options: object}
//               {type: "ingest", id, shop: string, files: [{key, name, blob}]}
// Messages out: {type: "ready", version, defaultProfile} | {type: "result", id, result, ms}
//               {type: "progress", id, key, loaded, total}   (at most every 100 ms per file)
//               {type: "file", id, key, summary, timing} | {type: "file-error", id, key, error}
//               (timing = {wait_ms, core_ms, copy_ms, chunks, commits, total_ms} of a text file, for bench/page-run.mjs)
//               {type: "ingested", id} | {type: "error", id, error}
/* global createShopScore, SHOPSCORE_WASM_XZ */
import { XzReadableStream } from 'xz-decompress';
import { previewRows } from './decode.js';
import { isZip, readZipDirectory, entryStream, findSheet, MAX_SHARED_STRINGS_PART, MAX_SHEET_PART } from './zip.js';

const CHUNK = 1 << 20; // bytes per call into the core (>= 1 MiB, except a file's last chunk)

let modulePromise = null;
let session = null; // the Ingest of the current file set

function getModule() {
  if (!modulePromise) modulePromise = moduleOptions().then((options) => createShopScore(options));
  return modulePromise;
}

// The site build puts the WASM binary beside the glue xz-compressed and base64-encoded (about
// half the gzipped size of the module's own base64; scripts/build-site.mjs): decompressed here,
// once per worker, without any request (the decoder is itself inlined WASM).
async function moduleOptions() {
  if (typeof SHOPSCORE_WASM_XZ !== 'string') return {}; // the module's own inlined binary
  const text = atob(SHOPSCORE_WASM_XZ);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const stream = new XzReadableStream(new Blob([bytes]).stream());
  return { wasmBinary: new Uint8Array(await new Response(stream).arrayBuffer()) };
}

// An error crosses to the page as plain data: the core's stable code and parameters (docs/errors.md)
// beside the English line, so the page can word it in either language.
const ERROR_PARAMS = ['code', 'file', 'row', 'column', 'field', 'expected', 'got', 'header'];
function errorInfo(e) {
  if (e && typeof e === 'object') {
    const info = { name: e.name || 'Error', message: String(e.message || e) };
    for (const k of ERROR_PARAMS) if (e[k] != null) info[k] = e[k];
    return info;
  }
  return { name: 'InternalError', message: String(e) };
}

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      const m = await getModule();
      // Features of this core that the page uses when present (they land separately).
      const features = { dateOrder: typeof m.Ingest.prototype.setDateOrder === 'function' };
      self.postMessage({ type: 'ready', version: m.version(), defaultProfile: m.defaultProfile(), features });
    } else if (msg.type === 'score') {
      const m = await getModule();
      const options = JSON.stringify(msg.options || {});
      const t = performance.now();
      let result;
      if (msg.source === 'session') {
        if (!session) throw new Error('no files have been read');
        result = session.score(options);
      } else {
        result = m.score(msg.dataset, options);
      }
      self.postMessage({ type: 'result', id: msg.id, result, ms: performance.now() - t });
    } else if (msg.type === 'ingest') {
      await ingest(msg);
    }
  } catch (e) {
    self.postMessage({ type: 'error', id: msg.id, error: errorInfo(e) });
  }
};

// Reads every file into one new Ingest. A file that fails is reported and left out; the
// others are then read again into a fresh session (the failed one may have left half its rows).
async function ingest(msg) {
  const m = await getModule();
  if (session) { session.delete(); session = null; }
  const failed = new Set();
  const total = msg.files.reduce((sum, f) => sum + f.blob.size, 0);
  for (;;) {
    const ing = new m.Ingest(msg.shop || '');
    let loadedBefore = 0;
    let restart = false;
    for (const f of msg.files) {
      if (failed.has(f.key)) continue;
      const report = (done) => {
        self.postMessage({ type: 'progress', id: msg.id, key: f.key, loaded: loadedBefore + done, total });
      };
      try {
        const { summary, timing } = await readFile(m, ing, f, report);
        self.postMessage({ type: 'file', id: msg.id, key: f.key, summary, timing });
      } catch (e) {
        failed.add(f.key);
        self.postMessage({ type: 'file-error', id: msg.id, key: f.key, error: errorInfo(e) });
        restart = true;
        break;
      }
      loadedBefore += f.blob.size;
    }
    if (!restart) { session = ing; break; }
    ing.delete();
  }
  self.postMessage({ type: 'ingested', id: msg.id, failed: [...failed] });
}

// The page keeps every order it reads in the WASM heap: about 90 bytes per order since the compact
// dataset, so a 2 GB export (about 4 M SKU rows) needs a few hundred MiB of the 2 GiB heap. Past
// 4 GiB the seller is sent to the command-line tool instead (docs/limits.md); checked before any
// byte is read, so an oversized file is refused at once.
const MAX_FILE = 4096 * 2 ** 20;

function fileTooLarge(name, size) {
  const expected = `a file of at most ${MAX_FILE / 2 ** 20} MiB in the page (the command-line tool reads larger files)`;
  const got = `${Math.ceil(size / 2 ** 20)} MiB`;
  const e = new Error(`${name}:1:A: expected ${expected}, got ${got}`);
  e.name = 'InputError';
  Object.assign(e, { code: 'file_too_large', file: name, row: 1, column: 'A', expected, got });
  return e;
}

async function readFile(m, ing, f, report) {
  if (f.blob.size > MAX_FILE) throw fileTooLarge(f.name, f.blob.size);
  // The seller's answer for a file whose dates read both ways ("mdy"/"dmy"; "" = from the data).
  if (typeof ing.setDateOrder === 'function') ing.setDateOrder(f.dateOrder || '');
  if (await isZip(f.blob)) return readXlsx(m, ing, f, report);
  return readText(m, ing, f, report);
}

// Text exports go to the core as the file's bytes: the core detects the encoding (UTF-8, GB18030,
// UTF-16), validates and decodes, the same way for the CLI and the page, so the page does no
// TextDecoder pass of its own over the file (only the 16 KiB preview is decoded here).
//
// The pipeline (docs/web.md "Reading files"): File.stream() chunks (64 KiB-2 MiB, as the
// browser gives them) are copied once, straight into the heap buffer the core reserved, until it
// holds CHUNK bytes; then one commit() parses them. The next read() is already asked for before
// that commit, so the browser reads the file on its own threads while the core parses (the two
// overlap; the worker only ever waits for bytes the core is ready for).
const PREVIEW_BYTES = 16384;
// Progress goes to the page at most this often (ms), and once more when a file is done.
const PROGRESS_MS = 100;

// The header row goes with an unknown-header error, so the page can say which required column
// an export of the closest kind lacks (the core's message names only the first cells).
async function readText(m, ing, f, report) {
  const seen = { head: new Uint8Array(0) };
  try {
    return await readTextInner(m, ing, f, report, seen);
  } catch (e) {
    if (e && typeof e === 'object' && e.code === 'unknown_header') {
      const utf8 = decodeHead(seen.head, 'utf-8');
      const text = utf8.includes('\uFFFD') ? decodeHead(seen.head, 'gb18030') : utf8;
      e.header = previewRows(text, 1)[0] || [];
    }
    throw e;
  }
}

async function readTextInner(m, ing, f, report, seen) {
  // The core routes a text file starting with "{" to the JSON reader itself; a .json name is
  // read as JSON whatever it starts with (its error is then a JSON one).
  ing.begin(/\.json$/i.test(f.name) ? 'dataset' : 'auto', f.name, 'text', false);
  const reader = f.blob.stream().getReader();
  const head = new Uint8Array(Math.min(PREVIEW_BYTES, f.blob.size));
  let headLen = 0;
  let ptr = ing.reserve(CHUNK);
  let filled = 0;
  let loaded = 0;
  let lastReport = -Infinity;
  const timing = { wait_ms: 0, core_ms: 0, copy_ms: 0, chunks: 0, commits: 0, total_ms: performance.now() };
  const commit = () => {
    if (filled === 0) return;
    const t = performance.now();
    ing.commit(filled);
    filled = 0;
    ptr = ing.reserve(CHUNK);
    timing.core_ms += performance.now() - t;
    timing.commits++;
    if (t - lastReport >= PROGRESS_MS) { lastReport = t; report(loaded); }
  };
  let pending = reader.read();
  for (;;) {
    const t = performance.now();
    const { done, value } = await pending;
    timing.wait_ms += performance.now() - t;
    if (done) break;
    pending = reader.read(); // in flight while the core parses this chunk
    timing.chunks++;
    if (headLen < head.length) {
      const n = Math.min(head.length - headLen, value.length);
      head.set(value.subarray(0, n), headLen);
      seen.head = head.subarray(0, headLen += n);
    }
    loaded += value.length;
    let pos = 0;
    const tc = performance.now();
    while (pos < value.length) {
      const n = Math.min(value.length - pos, CHUNK - filled);
      // Read HEAPU8 afresh each time: reserve() and commit() may grow the memory.
      m.HEAPU8.set(pos === 0 && n === value.length ? value : value.subarray(pos, pos + n), ptr + filled);
      filled += n;
      pos += n;
      if (filled === CHUNK) { timing.copy_ms += performance.now(); commit(); timing.copy_ms -= performance.now(); }
    }
    timing.copy_ms += performance.now() - tc;
  }
  commit();
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

async function readXlsx(m, ing, f, report) {
  const entries = await readZipDirectory(f.blob, f.name);
  const strings = entries.get('xl/sharedStrings.xml');
  const { entry: sheet } = await findSheet(f.blob, entries, f.name);
  const parts = strings
    ? [['xlsx-shared-strings', strings, MAX_SHARED_STRINGS_PART], ['xlsx-sheet', sheet, MAX_SHEET_PART]]
    : [['xlsx-sheet', sheet, MAX_SHEET_PART]];
  const unpacked = parts.reduce((s, [, e]) => s + e.size, 0) || 1;
  let out = 0;
  let summary = null;
  const progress = () => report(Math.min(f.blob.size, Math.round((out / unpacked) * f.blob.size)));
  for (const [format, entry, limit] of parts) {
    ing.begin('auto', f.name, format, true);
    const reader = (await entryStream(f.blob, entry, f.name, limit)).getReader();
    // As for text: inflated bytes straight into the heap buffer, 1 MiB per commit, the next
    // chunk asked for before the core parses this one, progress at most every PROGRESS_MS.
    let ptr = ing.reserve(CHUNK);
    let filled = 0;
    let lastReport = -Infinity;
    const commit = () => {
      if (filled === 0) return;
      ing.commit(filled);
      out += filled;
      filled = 0;
      ptr = ing.reserve(CHUNK);
      const t = performance.now();
      if (t - lastReport >= PROGRESS_MS) { lastReport = t; progress(); }
    };
    let pending = reader.read();
    for (;;) {
      const { done, value } = await pending;
      if (done) break;
      pending = reader.read();
      let pos = 0;
      while (pos < value.length) {
        const n = Math.min(value.length - pos, CHUNK - filled);
        m.HEAPU8.set(value.subarray(pos, pos + n), ptr + filled); // HEAPU8 afresh: memory may grow
        filled += n;
        pos += n;
        if (filled === CHUNK) commit();
      }
    }
    commit();
    progress();
    summary = JSON.parse(ing.end());
  }
  summary.encoding = 'xlsx';
  summary.preview = [];
  return { summary, timing: null };
}
