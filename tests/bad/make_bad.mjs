// Writes the malformed inputs of tests/data/bad (node tests/bad/make_bad.mjs [--large OUT_DIR]).
// The small files are committed; the few large ones (over 1 MiB, or 65 MiB of JSON) are written
// by tests/bad/check.sh into a temporary folder at test time with --large. expected.txt says
// how each is read and the exact first stderr line (or warning code) it must give.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const large = process.argv[2] === '--large';
const out = large ? path.resolve(process.argv[3]) : path.join(here, '../data/bad');
fs.mkdirSync(out, { recursive: true });
const put = (name, data) => fs.writeFileSync(path.join(out, name), data);

const ORDERS_HEAD = 'Order ID,Created Time,Delivered Time\n';
const REVIEWS_HEAD = 'Order ID,Rating,Created Time\n';

if (!large) {
  // --- canonical dataset JSON ---
  const order = '{"id": "1", "created": "2026-03-01T10:00:00"}';
  put('json-number-overflow.json', `{"shop": {"as_of": "2026-03-31"},\n "orders": [${order}],\n "metrics": {"nrr": {"value": 1e309}}}\n`);
  put('json-negative-overflow.json', `{"orders": [{"id": "1", "created": "2026-03-01T10:00:00", "handling_days": -1e309}]}\n`);
  put('json-integer-1e300.json', `{"shop": {"delivered_orders_90d": 1e300}, "orders": [${order}]}\n`);
  put('json-integer-2p64.json', `{"shop": {"delivered_orders_90d": 18446744073709551615}, "orders": [${order}]}\n`);
  put('json-truncated.json', `{"shop": {"as_of": "2026-03-31"}, "orders": [{"id": "1", "created": "2026-03-`);
  put('json-nul-byte.json', `{"orders": [{"id": "1\u0000", "created": "2026-03-01T10:00:00"}]}\n`.replace('\\u0000', '\u0000'));
  put('json-invalid-utf8.json', Buffer.concat([Buffer.from('{"orders": [{"id": "'), Buffer.from([0xff, 0xfe]),
    Buffer.from('", "created": "2026-03-01T10:00:00"}]}\n')]));
  put('json-date-31-02.json', '{"orders": [{"id": "1", "created": "2026-02-31T10:00:00"}]}\n');
  put('json-date-month-13.json', '{"orders": [{"id": "1", "created": "2026-13-01T10:00:00"}]}\n');
  put('json-rating-0.json', `{"orders": [${order}], "reviews": [{"order_id": "1", "created": "2026-03-02T10:00:00", "rating": 0}]}\n`);
  put('json-rating-6.json', `{"orders": [${order}], "reviews": [{"order_id": "1", "created": "2026-03-02T10:00:00", "rating": 6}]}\n`);
  put('json-rating-nan.json', `{"orders": [${order}], "reviews": [{"order_id": "1", "created": "2026-03-02T10:00:00", "rating": NaN}]}\n`);
  put('json-rating-nan-string.json', `{"orders": [${order}], "reviews": [{"order_id": "1", "created": "2026-03-02T10:00:00", "rating": "NaN"}]}\n`);
  put('json-only-bom.json', Buffer.from([0xef, 0xbb, 0xbf]));

  // --- profiles (read with tests/data/spec-example.json) ---
  put('profile-number-overflow.json', '{"volume_prior": 1e309}\n');
  put('profile-weights-1e308.json', '{"weights": {"product": 1e308, "fulfillment": 1e308, "service": 1e308}}\n');
  put('profile-metric-weights-zero.json', '{"metric_weights": {"nrr": 0, "nbfr": 0, "otdr": 0, "sfcr": 0, "imd": 0, "aht": 0}}\n');
  put('profile-service-metrics-zero.json', '{"metric_weights": {"imd": 0, "aht": 0}}\n');
  put('profile-weights-zero.json', '{"weights": {"product": 0, "fulfillment": 0, "service": 0}}\n');
  put('profile-negative-weight.json', '{"weights": {"product": -0.5}}\n');
  put('profile-good-worse-than-poor.json', '{"benchmarks": {"nrr": {"good": 0.03, "poor": 0.02}}}\n');
  put('profile-otdr-good-worse-than-poor.json', '{"benchmarks": {"otdr": {"good": 0.9, "poor": 0.95}}}\n');
  put('profile-rate-over-1.json', '{"benchmarks": {"sfcr": {"good": 0.5, "poor": 2}}}\n');
  put('profile-floor-6.json', '{"protection": {"floor": 6}}\n');
  put('profile-shop-age-huge.json', '{"protection": {"max_shop_age_days": 1e12}}\n');

  // --- shop facts (read with a good orders file) ---
  put('orders-ok.csv', ORDERS_HEAD + '1,2026-03-01 10:00:00,2026-03-03 10:00:00\n');
  put('shop-number-overflow.json', '{"utc_offset": "-08:00", "reputation_points": 1e309}\n');
  put('shop-bad-offset.json', '{"utc_offset": "+25:00"}\n');

  // --- CSV exports ---
  put('csv-truncated.csv', ORDERS_HEAD + '1,2026-03-01 10:00:00,"2026-03-');
  put('csv-header-only.csv', ORDERS_HEAD);
  put('csv-empty.csv', '');
  put('csv-wrong-delimiter.csv', 'Order ID|Created Time|Delivered Time\n1|2026-03-01 10:00:00|2026-03-03 10:00:00\n');
  put('csv-duplicate-headers.csv', 'Order ID,Created Time,Order ID\n1,2026-03-01 10:00:00,2\n');
  put('csv-10000-columns.csv', 'Order ID,Created Time,' + Array.from({ length: 9998 }, (_, i) => `x${i}`).join(',') + '\n' +
    '1,2026-03-01 10:00:00' + ','.repeat(9998) + '\n');
  put('csv-16385-columns.csv', 'Order ID,Created Time,' + Array.from({ length: 16383 }, (_, i) => `x${i}`).join(',') + '\n');
  put('csv-nul-bytes.csv', ORDERS_HEAD + '1,2026-03-01\u000010:00:00,\n');
  put('csv-invalid-utf8.csv', Buffer.concat([Buffer.from(ORDERS_HEAD + '1,2026-03-01 10:00:00,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
  put('csv-date-31-02.csv', ORDERS_HEAD + '1,31/02/2026 10:00:00,\n');
  put('csv-date-month-13.csv', ORDERS_HEAD + '1,2026-13-01 10:00:00,\n');
  put('csv-delivered-garbage.csv', ORDERS_HEAD + '1,2026-03-01 10:00:00,soon\n');
  put('csv-unclosed-quote.csv', ORDERS_HEAD + '"1,2026-03-01 10:00:00,\n2,2026-03-02 10:00:00,\n');
  put('csv-ambiguous-dates.csv', ORDERS_HEAD + '1,03/04/2026 10:00,\n2,05/06/2026 10:00,\n');
  put('reviews-rating-0.csv', REVIEWS_HEAD + '1,0,2026-03-02 10:00:00\n');
  put('reviews-rating-6.csv', REVIEWS_HEAD + '1,6,2026-03-02 10:00:00\n');
  put('reviews-rating-nan.csv', REVIEWS_HEAD + '1,NaN,2026-03-02 10:00:00\n');
  put('csv-zip-named-csv.csv', Buffer.from('PK\x03\x04garbage'));

  // --- XLSX ---
  const sheet = (rows) => '<?xml version="1.0"?><worksheet><sheetData>' + rows + '</sheetData></worksheet>';
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Order ID</t></is></c><c r="B1" t="inlineStr"><is><t>Created Time</t></is></c></row>';
  const big = 'x'.repeat(4 << 20);
  put('xlsx-shared-string-4mib.xlsx', xlsx({
    shared: `<sst><si><t>${big}</t></si></sst>`,
    sheet: sheet(header + Array.from({ length: 2000 }, (_, i) => `<row r="${i + 2}"><c r="C${i + 2}" t="s"><v>0</v></c></row>`).join('')),
  }));
  const nearly = 'y'.repeat(1000000);
  put('xlsx-shared-string-expansion.xlsx', xlsx({
    shared: `<sst><si><t>${nearly}</t></si></sst>`,
    sheet: sheet(header + Array.from({ length: 600 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${i}</t></is></c>` +
      `<c r="B${i + 2}" t="inlineStr"><is><t>2026-03-01 10:00:00</t></is></c><c r="Z${i + 2}" t="s"><v>0</v></c></row>`).join('')),
  }));
  const piece = 'z'.repeat(60000) + '<!-- split -->';
  put('xlsx-cell-split-by-comments.xlsx', xlsx({
    sheet: sheet(header + `<row r="2"><c r="A2" t="inlineStr"><is><t>${piece.repeat(40)}</t></is></c></row>`),
  }));
  put('xlsx-row-too-long.xlsx', xlsx({
    shared: `<sst><si><t>${nearly}</t></si></sst>`,
    sheet: sheet(header + '<row r="2">' + Array.from({ length: 40 }, (_, i) => `<c t="s"><v>0</v></c>`).join('') + '</row>'),
  }));
  put('xlsx-many-shared-strings.xlsx', xlsx({ shared: '<sst>' + '<si><t>a</t></si>'.repeat(4000001) + '</sst>', sheet: sheet(header) }));
  put('xlsx-declared-2gb-shared-strings.xlsx', xlsx({ shared: '<sst><si><t>a</t></si></sst>', sheet: sheet(header), sharedSize: 2 ** 31 }));
  put('xlsx-lying-size.xlsx', xlsx({ sheet: sheet(header + '<row r="2"></row>'.repeat(1000)), sheetSize: 100 }));
  const ok = xlsx({ sheet: sheet(header + '<row r="2"><c t="inlineStr"><is><t>1</t></is></c><c t="inlineStr"><is><t>2026-03-01 10:00:00</t></is></c></row>') });
  put('xlsx-truncated.xlsx', ok.subarray(0, ok.length - 30));
  put('xlsx-bad-shared-index.xlsx', xlsx({ shared: '<sst><si><t>a</t></si></sst>', sheet: sheet(header + '<row r="2"><c t="s"><v>7</v></c></row>') }));
  put('xlsx-unclosed-cell.xlsx', xlsx({ sheet: sheet(header + '<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is><row r="3"></c></row>') }));
} else {
  // Written at test time: too big to keep in the repository.
  put('csv-quoted-field-5mb.csv', ORDERS_HEAD + '1,2026-03-01 10:00:00,"' + 'q'.repeat(5 << 20) + '"\n');
  put('csv-cell-2mb.csv', ORDERS_HEAD + '1,2026-03-01 10:00:00,' + 'q'.repeat(2 << 20) + '\n');
  put('json-65mib.json', '{"orders": []}' + ' '.repeat(65 << 20));
  const s = 'w'.repeat(1000000);
  put('xlsx-shared-strings-300mib.xlsx', xlsx({ shared: '<sst>' + `<si><t>${s}</t></si>`.repeat(300) + '</sst>',
    sheet: '<worksheet><sheetData></sheetData></worksheet>' }));
}

// A minimal XLSX (workbook, rels, one sheet, optional shared strings) with deflated parts.
// sharedSize / sheetSize override the uncompressed size written in the central directory.
function xlsx({ shared, sheet, sharedSize, sheetSize }) {
  const parts = [
    ['xl/workbook.xml', '<workbook><sheets><sheet name="OrderSKUList" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/>' +
      (shared ? '<Relationship Id="rId2" Type="http://x/sharedStrings" Target="sharedStrings.xml"/>' : '') + '</Relationships>'],
    ['xl/worksheets/sheet1.xml', sheet, sheetSize],
  ];
  if (shared) parts.push(['xl/sharedStrings.xml', shared, sharedSize]);
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text, size] of parts) {
    const data = Buffer.from(text);
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(size ?? data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc, 16); cen.writeUInt32LE(packed.length, 20); cen.writeUInt32LE(size ?? data.length, 24);
    cen.writeUInt16LE(nameBuf.length, 28); cen.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    central.push(cen, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
