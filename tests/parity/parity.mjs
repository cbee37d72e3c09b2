// Native/WASM parity: every dataset in tests/data/ (and every bad input in tests/data/errors/)
// goes through the native CLI and through the embind module under node. Results must be
// byte-identical JSON; errors must carry the same one-line message.
//   node tests/parity/parity.mjs NATIVE_CLI WASM_MODULE_JS
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [cli, modulePath] = process.argv.slice(2);
if (!cli || !modulePath) {
  console.error('usage: node tests/parity/parity.mjs NATIVE_CLI WASM_MODULE_JS');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const createShopScore = require(path.resolve(modulePath));
// SINGLE_FILE inlines the wasm, so no fetch of a file path is needed under node.
const shopscore = await createShopScore();

const dataDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data');
const list = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f)) : [];

// A run: [file, CLI flags, the same as WASM options]. Besides plain and --insights, each good
// dataset runs with insight options (targets, why-it-moved days, scenario levers) and once per
// diagnostics table as CSV, so every insight field and the CSV text are compared too.
const insightFlags = ['--insights', '--target', '3.8', '--moved-from', '', '--warehouse-days', '3', '--aht-cap', '12',
  '--carrier-cut', '0.25', '--im-cut', '0.5', '--fbt-share', '0.2', '--diagnostics-rows', '5'];
const insightOptions = { insights: true, targets: [3.8], scenarios: { warehouse_delivery_days: 3, aht_cap_hours: 12,
  carrier_return_cut: 0.25, im_cut: 0.5, fbt_share: 0.2 }, diagnostics_rows: 5 };
const tables = ['negative_reviews_by_product', 'returns_by_product', 'late_orders', 'late_by_carrier', 'late_by_warehouse',
  'seller_cancellations_by_reason', 'slowest_after_sales', 'low_star_chats', 'unmapped_reasons'];

function native(file, flags) {
  try {
    return { ok: true, out: execFileSync(cli, ['score', file, ...flags], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { ok: false, status: e.status, out: String(e.stderr).trim() };
  }
}

function wasm(file, options) {
  try {
    return { ok: true, out: shopscore.score(readFileSync(file, 'utf8'), JSON.stringify({ file, ...options })) };
  } catch (e) {
    return { ok: false, name: e.name, out: String(e.message) };
  }
}

let failures = 0;
let checked = 0;
const plain = (file) => [[file, [], {}], [file, ['--insights'], { insights: true }]];
// moved_from: as_of - 3 of that dataset (read from a plain run), so the option is exercised.
function withOptions(file) {
  const r = native(file, []);
  if (!r.ok || !JSON.parse(r.out).as_of) return [];
  const asOf = new Date(JSON.parse(r.out).as_of + 'T00:00:00Z');
  const from = new Date(asOf.getTime() - 3 * 86400000).toISOString().slice(0, 10);
  const flags = insightFlags.map((f) => (f === '' ? from : f));
  return [[file, flags, { ...insightOptions, moved_from: from }],
    ...tables.map((t) => [file, ['--csv', t], { insights: true, csv: t }])];
}
const runs = [...list(dataDir).flatMap((f) => [...plain(f), ...withOptions(f)]), ...list(path.join(dataDir, 'errors')).flatMap(plain)];
for (const [file, flags, options] of runs) {
  const insights = flags.join(' ');
  const expectError = file.includes(`${path.sep}errors${path.sep}`);
  const n = native(file, flags);
  const w = wasm(file, options);
  checked++;
  const problems = [];
  if (n.ok !== !expectError) problems.push(`native ${n.ok ? 'succeeded' : 'failed: ' + n.out}`);
  if (w.ok !== !expectError) problems.push(`wasm ${w.ok ? 'succeeded' : 'failed: ' + w.out}`);
  if (expectError && !n.ok && n.status !== 2) problems.push(`native exit ${n.status}, expected 2`);
  if (expectError && !w.ok && w.name !== 'InputError') problems.push(`wasm error name ${w.name}, expected InputError`);
  // CSV: the CLI writes the file's UTF-8 BOM; the WASM text has none (the page adds it on download).
  if (flags[0] === '--csv' && n.ok) {
    if (!n.out.startsWith('\uFEFF')) problems.push('native CSV without a BOM');
    n.out = n.out.slice(1);
  }
  if (n.out !== w.out) problems.push(`outputs differ:\n--- native\n${n.out.slice(0, 400)}\n--- wasm\n${w.out.slice(0, 400)}`);
  if (problems.length) {
    failures++;
    console.error(`FAIL ${path.relative(process.cwd(), file)} ${insights}: ${problems.join('; ')}`);
  }
}
// Metrics typed by the seller: the CLI's --metric text and the WASM options' "metrics" object give
// the same result (docs/scoring.md).
{
  const file = path.join(dataDir, 'no-service-data.json');
  const args = ['score', file, '--metric', 'aht=31.2', '--metric', 'imd=15%:30/200'];
  const n = execFileSync(cli, args, { encoding: 'utf8' });
  const w = shopscore.score(readFileSync(file, 'utf8'),
    JSON.stringify({ file, metrics: { aht: { value: 31.2 }, imd: { value: 0.15, numerator: 30, denominator: 200 } } }));
  checked++;
  if (n !== w) {
    failures++;
    console.error(`FAIL --metric vs options.metrics:\n--- native\n${n.slice(0, 400)}\n--- wasm\n${w.slice(0, 400)}`);
  }
}
if (checked === 0) {
  console.error('parity: no datasets found');
  process.exit(1);
}
console.log(`parity: ${checked - failures}/${checked} runs (datasets with and without --insights, insight options, diagnostics CSV) identical natively and in WASM`);
process.exit(failures ? 1 : 0);
