// Writes the seed corpora (one folder per harness) and the dictionary from the repository's test
// data: node fuzz/make_seeds.mjs OUT_DIR. Seeds are generated, not stored, so they follow the
// fixtures; see fuzz/README.md for each harness's input layout.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] || 'build/fuzz/corpus');
const data = path.join(root, 'tests/data');
const SEP = Buffer.from([0, 0]);
const dirs = {};
for (const h of ['fuzz_score_json', 'fuzz_profile_json', 'fuzz_ingest', 'fuzz_xlsx']) {
  dirs[h] = path.join(out, h);
  fs.mkdirSync(dirs[h], { recursive: true });
}
let n = 0;
const put = (h, name, bytes) => { fs.writeFileSync(path.join(dirs[h], `seed-${name}`), bytes); n++; };
const files = (dir, re) => fs.readdirSync(dir).filter((f) => re.test(f)).map((f) => path.join(dir, f));

// Canonical datasets (valid and erroneous).
for (const f of [...files(data, /\.json$/), ...files(path.join(data, 'errors'), /\.json$/)]) {
  if (fs.statSync(f).size > 65536) continue;  // run.sh caps inputs at 64 KiB: small inputs run faster
  put('fuzz_score_json', path.basename(f), fs.readFileSync(f));
}

// Profiles and options: "PROFILE\0\0OPTIONS".
const profile = fs.readFileSync(path.join(root, 'core/src/default_profile.json'));
const options = [
  '{}',
  '{"as_of": "2026-11-20", "insights": true, "file": "x.json"}',
  '{"shop": {"utc_offset": "-08:00", "opened": "2026-01-01", "delivered_orders_90d": 12}, "profile": {"weights": {"product": 1}}}',
  '{"profile": [{"id": "beauty", "categories": ["Beauty"], "volume_prior": 0}]}',
];
options.forEach((o, i) => {
  put('fuzz_profile_json', `default-${i}`, Buffer.concat([profile, SEP, Buffer.from(o)]));
  put('fuzz_profile_json', `small-${i}`, Buffer.concat([Buffer.from('{"benchmarks": {"aht": {"good": 10, "poor": 20}}, "metric_weights": {"imd": 0}}'), SEP, Buffer.from(o)]));
});

// Exports: mode byte (kind in bits 0-2, 0x40 = already UTF-8, 0x80 = XLSX parts), 4 seed bytes.
const exportsDir = path.join(data, 'exports');
const kindOf = (name) => ({ orders: 1, returns: 2, reviews: 3, chats: 4, exclusions: 5 })[name.replace(/\..*$/, '')] ?? 0;
for (const sub of fs.readdirSync(exportsDir)) {
  const dir = path.join(exportsDir, sub);
  if (!fs.statSync(dir).isDirectory()) continue;
  for (const f of files(dir, /\.(csv|tsv|txt|bin)$/)) {
    const bytes = fs.readFileSync(f).subarray(0, 60000);
    const kind = sub === 'malformed' ? 0 : kindOf(path.basename(f));
    put('fuzz_ingest', `${sub}-${path.basename(f)}`, Buffer.concat([Buffer.from([kind, 1, 2, 3, 4]), bytes]));
    put('fuzz_ingest', `${sub}-auto-${path.basename(f)}`, Buffer.concat([Buffer.from([0, 9, 8, 7, 6]), bytes]));
  }
  for (const f of files(dir, /\.xlsx$/)) {
    const parts = unzip(fs.readFileSync(f));
    const shared = parts.get('xl/sharedStrings.xml') || Buffer.alloc(0);
    const sheet = parts.get('xl/worksheets/sheet1.xml') || [...parts].find(([k]) => k.startsWith('xl/worksheets/'))?.[1];
    put('fuzz_ingest', `${sub}-${path.basename(f)}`, Buffer.concat([Buffer.from([0x81, 5, 6, 7, 8]), shared, SEP, sheet]));
    const zipTail = fs.readFileSync(f);
    put('fuzz_xlsx', `${sub}-${path.basename(f)}`, Buffer.concat([zipTail, SEP, parts.get('xl/workbook.xml'), SEP,
      parts.get('xl/_rels/workbook.xml.rels'), SEP, shared, SEP, sheet]));
  }
}
put('fuzz_xlsx', 'shared-ref', Buffer.from('\0\0\0\0\0\0<sst><si><t>abc</t></si><si><r><t>x</t></r><rPh><t>y</t></rPh></si></sst>\0\0' +
  '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>_x000D_</t></is></c></row></sheetData></worksheet>'));

// Minimal zip reader for the seeds (stored and deflated entries).
function unzip(buf) {
  const parts = new Map();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(p + 10), csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28), extra = buf.readUInt16LE(p + 30), comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    parts.set(name, method === 8 ? zlib.inflateRawSync(raw) : raw);
    p += 46 + nameLen + extra + comment;
  }
  return parts;
}
console.log(`make_seeds: ${n} seeds in ${out}`);
