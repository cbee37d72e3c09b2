// Minimal ZIP reader for XLSX files: the central directory is read from the end of the Blob,
// entries are inflated with the browser's own DecompressionStream('deflate-raw') and streamed
// (a large sheet is never held whole in memory). No dependency: about 100 lines beat a library.

// Inflated-size limits, the same as the CLI's (cli/export_files.cpp, docs/limits.md): checked
// against the directory before inflating and against the bytes produced while inflating (a zip
// bomb may declare a small size).
export const MAX_SMALL_PART = 16 * 2 ** 20; // workbook.xml and its .rels
export const MAX_SHARED_STRINGS_PART = 2 ** 30;
export const MAX_SHEET_PART = 4 * 2 ** 30;

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

export async function isZip(blob) {
  if (blob.size < 4) return false;
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

// Returns Map(name -> {name, method, compressedSize, size, localOffset}).
export async function readZipDirectory(blob, fileName) {
  const tailSize = Math.min(blob.size, 65557);
  const tail = new DataView(await blob.slice(blob.size - tailSize).arrayBuffer());
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD_SIG) { eocd = i; break; }
  }
  if (eocd < 0) throw zipError(fileName, 'got a damaged zip file (no central directory)');
  const count = tail.getUint16(eocd + 10, true);
  const dirSize = tail.getUint32(eocd + 12, true);
  const dirOffset = tail.getUint32(eocd + 16, true);
  if (dirOffset === 0xffffffff || count === 0xffff) throw zipError(fileName, 'got a ZIP64 file (not supported)');
  const dir = new DataView(await blob.slice(dirOffset, dirOffset + dirSize).arrayBuffer());
  const utf8 = new TextDecoder('utf-8');
  const entries = new Map();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.byteLength || dir.getUint32(p, true) !== CEN_SIG) throw zipError(fileName, 'got a damaged zip file (bad central directory)');
    const method = dir.getUint16(p + 10, true);
    const compressedSize = dir.getUint32(p + 20, true);
    const size = dir.getUint32(p + 24, true);
    const nameLen = dir.getUint16(p + 28, true);
    const extraLen = dir.getUint16(p + 30, true);
    const commentLen = dir.getUint16(p + 32, true);
    const localOffset = dir.getUint32(p + 42, true);
    const name = utf8.decode(new Uint8Array(dir.buffer, dir.byteOffset + p + 46, nameLen));
    entries.set(name, { name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

// A ReadableStream of the entry's uncompressed bytes, at most `limit` bytes.
export async function entryStream(blob, entry, fileName, limit = MAX_SMALL_PART) {
  if (entry.size > limit) throw tooLarge(fileName, entry, limit);
  return (await rawEntryStream(blob, entry, fileName)).pipeThrough(sizeGuard(fileName, entry, limit));
}

function sizeGuard(fileName, entry, limit) {
  let produced = 0;
  return new TransformStream({
    transform(chunk, controller) {
      produced += chunk.length;
      if (produced > limit) throw tooLarge(fileName, entry, limit);
      if (produced > entry.size) throw zipError(fileName, `got a damaged zip entry ${entry.name} (too long)`);
      controller.enqueue(chunk);
    },
  });
}

async function rawEntryStream(blob, entry, fileName) {
  const local = new DataView(await blob.slice(entry.localOffset, entry.localOffset + 30).arrayBuffer());
  if (local.getUint32(0, true) !== LOC_SIG) throw zipError(fileName, `got a damaged zip entry ${entry.name}`);
  const start = entry.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const raw = blob.slice(start, start + entry.compressedSize).stream();
  if (entry.method === 0) return raw;
  if (entry.method === 8) return raw.pipeThrough(new DecompressionStream('deflate-raw'));
  throw zipError(fileName, `got ${entry.name} compressed with unsupported method ${entry.method}`);
}

export async function entryText(blob, entry, fileName) {
  const reader = (await entryStream(blob, entry, fileName)).getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

// Finds the order sheet: the one named OrderSKUList, else the workbook's first sheet.
export async function findSheet(blob, entries, fileName) {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const wb = await entryText(blob, workbook, fileName);
    const relsText = await entryText(blob, rels, fileName);
    const sheets = [...wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => ({
      name: xmlUnescape(attr(m[1], 'name') || ''),
      rid: attr(m[1], '(?:\\w+:)?id'),
    }));
    const chosen = sheets.find((s) => s.name === 'OrderSKUList') || sheets[0];
    if (chosen && chosen.rid) {
      for (const m of relsText.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
        if (attr(m[1], 'Id') !== chosen.rid) continue;
        let target = xmlUnescape(attr(m[1], 'Target') || '');
        target = target.startsWith('/') ? target.slice(1) : 'xl/' + target;
        target = normalizePath(target);
        if (entries.has(target)) return { entry: entries.get(target), sheetName: chosen.name };
      }
    }
  }
  const first = [...entries.keys()].filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k)).sort()[0];
  if (!first) throw zipError(fileName, 'got a workbook without a readable sheet list');
  return { entry: entries.get(first), sheetName: first };
}

function attr(attrs, name) {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[2] ?? m[3]) : null;
}

function normalizePath(p) {
  const out = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function xmlUnescape(s) {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]);
}

// Same words as the CLI's XLSX reader (cli/export_files.cpp), so a damaged workbook gives the
// same "FILE:1:A: expected an XLSX workbook, got ..." line in the page and on the command line.
function zipError(fileName, what) {
  const e = new Error(`${fileName}:1:A: expected an XLSX workbook, ${what}`);
  e.name = 'InputError';
  e.code = 'bad_xlsx';
  return e;
}

function tooLarge(fileName, entry, limit) {
  const expected = `${entry.name} of at most ${limit / 2 ** 20} MiB unpacked`;
  const e = new Error(`${fileName}:1:A: expected ${expected}, got a larger one`);
  e.name = 'InputError';
  Object.assign(e, { code: 'xlsx_too_large', file: fileName, row: 1, column: 'A', expected, got: entry.name });
  return e;
}
