// The Web Worker: loads the WASM module (createShopScore, prepended to this code by the site
// build) and does all reading and scoring, so the page stays responsive. Cancelling is done by
// the page terminating this worker.
//
// Messages in:  {type: "init"}
//               {type: "score", id, source: "json", dataset: string, options: object}
//               {type: "score", id, source: "session", options: object}
//               {type: "ingest", id, shop: string, files: [{key, name, blob}]}
// Messages out: {type: "ready", version, defaultProfile} | {type: "result", id, result}
//               {type: "progress", id, key, loaded, total}
//               {type: "file", id, key, summary} | {type: "file-error", id, key, error}
//               {type: "ingested", id} | {type: "error", id, error}
/* global createShopScore */
import { previewRows } from './decode.js';
import { isZip, readZipDirectory, entryStream, findSheet, MAX_SHARED_STRINGS_PART, MAX_SHEET_PART } from './zip.js';

const CHUNK = 1 << 20; // bytes per call into the core (>= 1 MiB, except a file's last chunk)

let modulePromise = null;
let session = null; // the Ingest of the current file set

function getModule() {
  if (!modulePromise) modulePromise = createShopScore();
  return modulePromise;
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
      let result;
      if (msg.source === 'session') {
        if (!session) throw new Error('no files have been read');
        result = session.score(options);
      } else {
        result = m.score(msg.dataset, options);
      }
      self.postMessage({ type: 'result', id: msg.id, result });
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
        const summary = await readFile(m, ing, f, report);
        self.postMessage({ type: 'file', id: msg.id, key: f.key, summary });
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

// The page holds every order it reads in the WASM heap (at most 2 GiB); past 1 GiB of file the
// seller is sent to the command-line tool instead of a tab that runs out of memory
// (docs/limits.md). Checked before any byte is read, so a 2 GB file is refused at once.
const MAX_FILE = 1024 * 2 ** 20;

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

// Copies bytes into the heap at the address the core reserved: one call per chunk.
function feed(m, ing, bytes) {
  if (bytes.length === 0) return;
  const ptr = ing.reserve(bytes.length);
  m.HEAPU8.set(bytes, ptr); // read HEAPU8 after reserve(): memory may have grown
  ing.commit(bytes.length);
}

// Text exports go to the core as the file's bytes: the core detects the encoding (UTF-8, GB18030,
// UTF-16), validates and decodes, the same way for the CLI and the page, so the page does no
// TextDecoder pass of its own over the whole file. The File is streamed straight into the heap
// buffer the core reserved (1 MiB per call); only the first 16 KiB are kept, for the preview.
const PREVIEW_BYTES = 16384;

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
  let head = new Uint8Array(0);
  let ptr = ing.reserve(CHUNK);
  let filled = 0;
  let loaded = 0;
  const commit = () => {
    if (filled === 0) return;
    ing.commit(filled);
    filled = 0;
    ptr = ing.reserve(CHUNK);
    report(loaded);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (head.length < PREVIEW_BYTES) seen.head = head = concat(head, value.subarray(0, PREVIEW_BYTES - head.length));
    loaded += value.length;
    let pos = 0;
    while (pos < value.length) {
      const n = Math.min(value.length - pos, CHUNK - filled);
      m.HEAPU8.set(value.subarray(pos, pos + n), ptr + filled); // HEAPU8 re-read: memory may grow
      filled += n;
      pos += n;
      if (filled === CHUNK) commit();
    }
  }
  commit();
  const summary = JSON.parse(ing.end());
  summary.preview = summary.kind === 'dataset_json' ? [] : previewRows(decodeHead(head, summary.encoding), 6);
  return summary;
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
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
  for (const [format, entry, limit] of parts) {
    ing.begin('auto', f.name, format, true);
    const reader = (await entryStream(f.blob, entry, f.name, limit)).getReader();
    let buffer = new Uint8Array(CHUNK);
    let filled = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let pos = 0;
      while (pos < value.length) {
        const n = Math.min(value.length - pos, CHUNK - filled);
        buffer.set(value.subarray(pos, pos + n), filled);
        filled += n;
        pos += n;
        if (filled === CHUNK) {
          feed(m, ing, buffer);
          out += filled;
          filled = 0;
          report(Math.min(f.blob.size, Math.round((out / unpacked) * f.blob.size)));
        }
      }
    }
    feed(m, ing, buffer.subarray(0, filled));
    out += filled;
    report(Math.min(f.blob.size, Math.round((out / unpacked) * f.blob.size)));
    buffer = null;
    summary = JSON.parse(ing.end());
  }
  summary.encoding = 'xlsx';
  summary.preview = [];
  return summary;
}
