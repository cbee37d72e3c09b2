// Native/WASM parity for Seller Center exports: every fixture set in tests/data/exports/ goes
// through the native CLI (`shopscore score --orders ... --shop shop.json`) and through the embind
// module's Ingest under node, fed the same bytes in 1 MiB chunks copied into the heap (XLSX parts
// unzipped by the page's own zip reader). Results must be byte-identical, and every malformed
// file must give what MALFORMED below says: the position of its one-line error (exit 2, the same
// message both ways), or, for a file that is odd but readable, success with a warning code.
//   node tests/parity/exports.mjs NATIVE_CLI WASM_MODULE_JS
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { entryStream, entryText, isZip, readZipDirectory } from '../../web/src/worker/zip.js';

const [cli, modulePath] = process.argv.slice(2);
if (!cli || !modulePath) {
  console.error('usage: node tests/parity/exports.mjs NATIVE_CLI WASM_MODULE_JS');
  process.exit(2);
}
const shopscore = await createRequire(import.meta.url)(path.resolve(modulePath))();
const exportsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'exports');
const KINDS = ['orders', 'returns', 'reviews', 'chats', 'exclusions', 'diagnostics'];
const CHUNK = 1 << 20;
const { limits } = JSON.parse(shopscore.meta());

function native(files, shopPath, options = {}) {
  const args = ['score', ...files.flatMap(({ kind, file }) => [`--${kind}`, file])];
  if (shopPath) args.push('--shop', shopPath);
  if (options.date_order) args.push('--date-order', options.date_order);
  try {
    return { ok: true, out: execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { ok: false, status: e.status, out: String(e.stderr).trim() };
  }
}

function feed(ingest, bytes) {
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const part = bytes.subarray(at, Math.min(bytes.length, at + CHUNK));
    const ptr = ingest.reserve(part.length);
    shopscore.HEAPU8.set(part, ptr);  // re-read HEAPU8 after reserve: memory may have grown
    ingest.commit(part.length);
  }
}

async function streamBytes(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}

async function wasm(files, shopPath, options = {}) {
  const ingest = new shopscore.Ingest(shopPath ? readFileSync(shopPath, 'utf8') : '');
  try {
    if (options.date_order) ingest.setDateOrder(options.date_order);
    for (const { kind, file } of files) {
      const bytes = readFileSync(file);
      const blob = new Blob([bytes]);
      if (await isZip(blob)) {
        // As the page's worker does: the core's errors, limits and choice of parts.
        const fail = {
          bad: (what) => shopscore.badXlsxError(file, what),
          tooLarge: (part, limit) => shopscore.xlsxPartTooLargeError(file, part, limit),
        };
        const entries = await readZipDirectory(blob, fail);
        const text = async (p) => (entries.has(p) ? entryText(blob, entries.get(p), limits.xlsx_small_part_bytes, fail) : '');
        const parts = JSON.parse(shopscore.findWorkbookParts(file, await text('xl/workbook.xml'), await text('xl/_rels/workbook.xml.rels')));
        const shared = parts.shared_strings_path && entries.get(parts.shared_strings_path);
        if (shared) {
          ingest.begin(kind, file, 'xlsx-shared-strings', false);
          feed(ingest, await streamBytes(await entryStream(blob, shared, limits.xlsx_shared_strings_part_bytes, fail)));
          ingest.end();
        }
        const sheet = entries.get(parts.sheet_path);
        if (!sheet) throw fail.bad(`got a workbook without its sheet ${parts.sheet_path}`);
        ingest.begin(kind, file, 'xlsx-sheet', false);
        feed(ingest, await streamBytes(await entryStream(blob, sheet, limits.xlsx_sheet_part_bytes, fail)));
      } else {
        ingest.begin(kind, file, 'text', false);  // the core detects the encoding, as in the CLI
        feed(ingest, bytes);
      }
      ingest.end();
    }
    return { ok: true, out: ingest.score('{}') };
  } catch (e) {
    return { ok: false, name: e.name, out: String(e.message) };
  } finally {
    ingest.delete();
  }
}

// What each file in tests/data/exports/malformed/ must give. A file not listed here fails the
// check, so a new malformed fixture needs its expectation.
const MALFORMED = {
  'ambiguous_dates.csv': { warning: 'ambiguous_dates' },  // every slash date has day <= 12: read, with a warning
  'bad_date.csv': { error: 'bad_date.csv:14:Delivered Time: expected a date-time' },
  'blank_lines.csv': { error: 'blank_lines.csv:1:A: expected a header row' },
  'empty.csv': { error: 'empty.csv:1:A: expected a header row' },
  'garbage.bin': { error: 'garbage.bin:1:A: expected UTF-8 or GB18030 text' },
  'latin1.csv': { error: 'latin1.csv:2:Recipient: expected UTF-8 or GB18030 text' },
  'missing_column.csv': { error: 'missing_column.csv:1:Created Time: expected a column "Created Time"' },
  'mixed_date_order.csv': { error: 'mixed_date_order.csv:3:Delivered Time: expected a date-time' },
  'number_id.csv': { error: 'number_id.csv:5:Order ID: expected an order ID as text' },
  'second_header.csv': { error: 'second_header.csv:2:Order ID: expected data or a row of column descriptions' },
  'second_header_zh.csv': { error: 'second_header_zh.csv:2:Order ID: expected data or a row of column descriptions' },
  'unterminated_quote.csv': { error: 'unterminated_quote.csv:6:Product Name: expected a closing quote' },
  'zip_as_text.csv': { error: 'zip_as_text.csv:1:A: expected an XLSX workbook' },
};

const cases = [];
for (const name of readdirSync(exportsDir).sort()) {
  const dir = path.join(exportsDir, name);
  if (!statSync(dir).isDirectory()) continue;
  if (name === 'malformed') {
    for (const f of readdirSync(dir).sort()) cases.push({ name: `malformed/${f}`, files: [{ kind: 'orders', file: path.join(dir, f) }] });
    continue;
  }
  const files = [];
  for (const kind of KINDS) {
    const f = readdirSync(dir).find((x) => x.startsWith(`${kind}.`));
    if (f) files.push({ kind, file: path.join(dir, f) });
  }
  // A set may bring its own shop.json and options.json ({"date_order": "dmy"}: --date-order / setDateOrder).
  const own = path.join(dir, 'shop.json');
  const shop = existsSync(own) ? own : path.join(exportsDir, 'shop.json');
  const optionsPath = path.join(dir, 'options.json');
  const options = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {};
  cases.push({ name, files, shop: existsSync(shop) ? shop : null, options });
}

let failures = 0;
for (const c of cases) {
  const n = native(c.files, c.shop, c.options);
  const w = await wasm(c.files, c.shop, c.options);
  const problems = [];
  if (n.ok !== w.ok) problems.push(`native ${n.ok ? 'succeeded' : 'failed'}, wasm ${w.ok ? 'succeeded' : 'failed'}`);
  if (!n.ok && n.status !== 2) problems.push(`native exit ${n.status}, expected 2`);
  if (!w.ok && w.name !== 'InputError') problems.push(`wasm error ${w.name}, expected InputError`);
  if (n.out !== w.out) problems.push(`outputs differ:\n--- native\n${n.out.slice(0, 300)}\n--- wasm\n${w.out.slice(0, 300)}`);
  if (!c.name.startsWith('malformed/') && !n.ok) problems.push(`a fixture set failed: ${n.out}`);
  if (c.name.startsWith('malformed/')) {
    const want = MALFORMED[path.basename(c.name)];
    if (!want) problems.push('no expectation in MALFORMED for this file');
    else if (want.error) {
      if (n.ok) problems.push(`succeeded, expected the error ${want.error}`);
      else if (!n.out.includes(`${path.sep}${want.error}`) || n.out.includes('\n')) problems.push(`error '${n.out}', expected one line with '${want.error}'`);
    } else if (!n.ok) problems.push(`failed (${n.out}), expected success with warning ${want.warning}`);
    else if (!JSON.parse(n.out).warnings.some((x) => x.code === want.warning)) problems.push(`no ${want.warning} warning`);
  }
  if (problems.length) {
    failures++;
    console.error(`FAIL ${c.name}: ${problems.join('; ')}`);
  }
}
console.log(`export parity: ${cases.length - failures}/${cases.length} export sets and malformed files identical natively and in WASM`);
process.exit(failures ? 1 : 0);
