// The WebAssembly binding's own shapes, as JavaScript receives them: meta() (docs/wasm.md) and
// the Error objects of docs/errors.md, built from the core's one serializer.
//   node tests/wasm/binding.mjs build/wasm/wasm/shopscore.js
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const modulePath = process.argv[2];
if (!modulePath) throw new Error('usage: node tests/wasm/binding.mjs PATH/TO/shopscore.js');
const m = await createRequire(import.meta.url)(path.resolve(modulePath))();

// meta(): the documented fields and the numbers of docs/rules.md (§6, §13, §20, §26) and
// docs/limits.md, written out here, not read from the module.
const meta = JSON.parse(m.meta());
assert.deepEqual(Object.keys(meta), ['version', 'metrics', 'dimensions', 'gate', 'benefit_tiers', 'priority', 'limits']);
assert.equal(meta.version, m.version());
assert.deepEqual(meta.metrics.map((x) => [x.id, x.dimension, x.window_days, x.unit, x.higher_is_better, x.default_weight]), [
  ['nrr', 'product', 60, 'rate', false, 1], ['nbfr', 'product', 60, 'rate', false, 1],
  ['otdr', 'fulfillment', 30, 'rate', true, 1], ['sfcr', 'fulfillment', 30, 'rate', false, 1],
  ['imd', 'service', 60, 'rate', false, 1], ['aht', 'service', 60, 'hours', false, 1],
]);
assert.deepEqual(meta.dimensions, [
  { id: 'product', metrics: ['nrr', 'nbfr'], default_weight: 0.24 },
  { id: 'fulfillment', metrics: ['otdr', 'sfcr'], default_weight: 0.52 },
  { id: 'service', metrics: ['imd', 'aht'], default_weight: 0.24 },
]);
assert.deepEqual(meta.gate, { orders: 30, window_days: 90 });
assert.deepEqual(meta.benefit_tiers, [2.5, 3.5, 4]);
assert.deepEqual(meta.priority, { target: 4, key_opportunity_min_gain: 0.05, needs_attention_below: 3.5 });
assert.deepEqual(meta.limits, {
  json_bytes: 64 * 2 ** 20, page_file_bytes: 4 * 2 ** 30, xlsx_small_part_bytes: 16 * 2 ** 20,
  xlsx_shared_strings_part_bytes: 2 ** 30, xlsx_sheet_part_bytes: 4 * 2 ** 30,
});

// A thrown InputError: an Error whose own fields are exactly docs/errors.md's.
const INPUT_ERROR_FIELDS = ['name', 'message', 'code', 'file', 'row', 'column', 'field', 'expected', 'got'];
const thrown = (body) => { try { body(); } catch (e) { return e; } assert.fail('no error thrown'); };
const bad = thrown(() => m.score('{"schema":"shopscore.dataset/1","orders":[{"id":"A"}]}', '{}'));
assert.ok(bad instanceof Error);
assert.deepEqual(Object.keys(bad), INPUT_ERROR_FIELDS);
assert.equal(bad.name, 'InputError');
assert.equal(bad.code, 'missing_value');
assert.equal(bad.field, 'orders[0].created');
assert.equal(bad.row, 0);
assert.ok(bad.message.startsWith('dataset.json: orders[0].created: expected a date-time'));

// An error from an Ingest method has the same shape (an unknown date order is bad input).
const ingest = new m.Ingest('');
const order = thrown(() => ingest.setDateOrder('ymd'));
ingest.delete();
assert.deepEqual(Object.keys(order), INPUT_ERROR_FIELDS);
assert.equal(order.code, 'invalid_value');
assert.equal(order.field, 'dateOrder');
assert.equal(order.got, 'ymd');

// Errors the page raises before the core reads: returned, worded and coded by the core.
const big = m.fileTooLargeError('orders.csv', 5 * 2 ** 30);
assert.ok(big instanceof Error);
assert.deepEqual(Object.keys(big), INPUT_ERROR_FIELDS);
assert.equal(big.message, 'orders.csv:1:A: expected a file of at most 4096 MiB in the page (the command-line tool reads larger files), got 5120 MiB');
assert.equal(big.code, 'file_too_large');
const part = m.xlsxPartTooLargeError('o.xlsx', 'xl/sharedStrings.xml', meta.limits.xlsx_shared_strings_part_bytes);
assert.equal(part.message, 'o.xlsx:1:A: expected xl/sharedStrings.xml of at most 1024 MiB unpacked, got a larger one');
assert.equal(part.code, 'xlsx_too_large');
assert.equal(part.got, 'xl/sharedStrings.xml');
const zip = m.badXlsxError('o.xlsx', 'got a ZIP64 file (not supported)');
assert.equal(zip.message, 'o.xlsx:1:A: expected an XLSX workbook, got a ZIP64 file (not supported)');
assert.equal(zip.code, 'bad_xlsx');

// findWorkbookParts: the core's choice (OrderSKUList, else the first sheet), as JSON.
const workbook = '<workbook xmlns:r="r"><sheets><sheet name="Summary" sheetId="1" r:id="rId1"/>' +
  '<sheet name="OrderSKUList" sheetId="2" r:id="rId2"/></sheets></workbook>';
const rels = '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="x/worksheet" Target="worksheets/sheet2.xml"/></Relationships>';
assert.deepEqual(JSON.parse(m.findWorkbookParts('o.xlsx', workbook, rels)),
  { sheet_path: 'xl/worksheets/sheet2.xml', sheet_name: 'OrderSKUList', shared_strings_path: 'xl/sharedStrings.xml' });
const noSheets = thrown(() => m.findWorkbookParts('o.xlsx', '<workbook/>', rels));
assert.deepEqual(Object.keys(noSheets), INPUT_ERROR_FIELDS);
assert.equal(noSheets.message, 'o.xlsx:1:A: expected an XLSX workbook, got a workbook without a readable sheet list');

console.log('binding: meta(), errors and findWorkbookParts have the documented shapes');
