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
import { StreamingDecoder, previewRows } from './decode.js';
import { isZip, readZipDirectory, entryStream, findSheet, MAX_SHARED_STRINGS_PART, MAX_SHEET_PART } from './zip.js';

const CHUNK = 1 << 20; // bytes per call into the core (>= 1 MiB, except a file's last chunk)

let modulePromise = null;
let session = null; // the Ingest of the current file set

function getModule() {
  if (!modulePromise) modulePromise = createShopScore();
  return modulePromise;
}

function errorInfo(e) {
  if (e && typeof e === 'object') {
    const info = { name: e.name || 'Error', message: String(e.message || e) };
    for (const k of ['code', 'file', 'row', 'column', 'field', 'expected', 'got']) if (e[k] !== undefined) info[k] = e[k];
    return info;
  }
  return { name: 'InternalError', message: String(e) };
}

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      const m = await getModule();
      self.postMessage({ type: 'ready', version: m.version(), defaultProfile: m.defaultProfile() });
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

async function readText(m, ing, f, report) {
  const decoder = new StreamingDecoder();
  const encoder = new TextEncoder();
  const size = f.blob.size;
  let began = false;
  let previewText = '';
  let kind = 'auto';
  for (let offset = 0; offset < size || (offset === 0 && !began); offset += CHUNK) {
    const bytes = new Uint8Array(await f.blob.slice(offset, offset + CHUNK).arrayBuffer());
    const last = offset + CHUNK >= size;
    const text = decoder.decode(bytes, last);
    if (!began) {
      const head = text.replace(/^\uFEFF/, '').trimStart();
      if (head.startsWith('{') || /\.json$/i.test(f.name)) kind = 'dataset';
      ing.begin(kind, f.name, 'text', true);
      began = true;
    }
    if (kind !== 'dataset' && previewText.length < 16384) previewText += text.slice(0, 16384);
    feed(m, ing, encoder.encode(text));
    report(Math.min(size, offset + CHUNK));
    if (size === 0) break;
  }
  const summary = JSON.parse(ing.end());
  summary.encoding = decoder.encoding || 'utf-8';
  if (decoder.invalid) summary.invalid_bytes = true;
  summary.preview = kind === 'dataset' ? [] : previewRows(previewText, 6);
  return summary;
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
