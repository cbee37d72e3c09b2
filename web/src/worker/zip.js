// Minimal ZIP reader for XLSX files: the central directory is read from the end of the Blob,
// entries are inflated with the browser's own DecompressionStream('deflate-raw') and streamed
// (a large sheet is never held whole in memory). No dependency: about 100 lines beat a library.

// Which parts to read, the size limits and the words of every error are the core's: the caller
// passes `fail`, made from the module's bindings (docs/wasm.md "XLSX in the page"):
//   fail.bad(what)                 -> m.badXlsxError(fileName, what)
//   fail.tooLarge(partName, limit) -> m.xlsxPartTooLargeError(fileName, partName, limit)
// A limit (meta().limits) is checked against the directory before inflating and against the
// bytes produced while inflating (a zip bomb may declare a small size).

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

export async function isZip(blob) {
  if (blob.size < 4) return false;
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

// Returns Map(name -> {name, method, compressedSize, size, localOffset}).
export async function readZipDirectory(blob, fail) {
  const tailSize = Math.min(blob.size, 65557);
  const tail = new DataView(await blob.slice(blob.size - tailSize).arrayBuffer());
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD_SIG) { eocd = i; break; }
  }
  if (eocd < 0) throw fail.bad('got a damaged zip file (no central directory)');
  const count = tail.getUint16(eocd + 10, true);
  const dirSize = tail.getUint32(eocd + 12, true);
  const dirOffset = tail.getUint32(eocd + 16, true);
  if (dirOffset === 0xffffffff || count === 0xffff) throw fail.bad('got a ZIP64 file (not supported)');
  const dir = new DataView(await blob.slice(dirOffset, dirOffset + dirSize).arrayBuffer());
  const utf8 = new TextDecoder('utf-8');
  const entries = new Map();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.byteLength || dir.getUint32(p, true) !== CEN_SIG) throw fail.bad('got a damaged zip file (bad central directory)');
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
export async function entryStream(blob, entry, limit, fail) {
  if (!(limit >= 0)) throw new TypeError(`no size limit for ${entry.name}`);
  if (entry.size > limit) throw fail.tooLarge(entry.name, limit);
  return (await rawEntryStream(blob, entry, fail)).pipeThrough(sizeGuard(entry, limit, fail));
}

function sizeGuard(entry, limit, fail) {
  let produced = 0;
  return new TransformStream({
    transform(chunk, controller) {
      produced += chunk.length;
      if (produced > limit) throw fail.tooLarge(entry.name, limit);
      if (produced > entry.size) throw fail.bad(`got a damaged zip entry ${entry.name} (too long)`);
      controller.enqueue(chunk);
    },
  });
}

async function rawEntryStream(blob, entry, fail) {
  const local = new DataView(await blob.slice(entry.localOffset, entry.localOffset + 30).arrayBuffer());
  if (local.getUint32(0, true) !== LOC_SIG) throw fail.bad(`got a damaged zip entry ${entry.name}`);
  const start = entry.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const raw = blob.slice(start, start + entry.compressedSize).stream();
  if (entry.method === 0) return raw;
  if (entry.method === 8) return raw.pipeThrough(new DecompressionStream('deflate-raw'));
  throw fail.bad(`got ${entry.name} compressed with unsupported method ${entry.method}`);
}

export async function entryText(blob, entry, limit, fail) {
  const reader = (await entryStream(blob, entry, limit, fail)).getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
