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

function native(file, insights) {
  try {
    return { ok: true, out: execFileSync(cli, ['score', file, ...(insights ? ['--insights'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { ok: false, status: e.status, out: String(e.stderr).trim() };
  }
}

function wasm(file, insights) {
  try {
    return { ok: true, out: shopscore.score(readFileSync(file, 'utf8'), JSON.stringify({ file, insights })) };
  } catch (e) {
    return { ok: false, name: e.name, out: String(e.message) };
  }
}

let failures = 0;
let checked = 0;
const runs = [...list(dataDir), ...list(path.join(dataDir, 'errors'))].flatMap((file) => [[file, false], [file, true]]);
for (const [file, insights] of runs) {
  const expectError = file.includes(`${path.sep}errors${path.sep}`);
  const n = native(file, insights);
  const w = wasm(file, insights);
  checked++;
  const problems = [];
  if (n.ok !== !expectError) problems.push(`native ${n.ok ? 'succeeded' : 'failed: ' + n.out}`);
  if (w.ok !== !expectError) problems.push(`wasm ${w.ok ? 'succeeded' : 'failed: ' + w.out}`);
  if (expectError && !n.ok && n.status !== 2) problems.push(`native exit ${n.status}, expected 2`);
  if (expectError && !w.ok && w.name !== 'InputError') problems.push(`wasm error name ${w.name}, expected InputError`);
  if (n.out !== w.out) problems.push(`outputs differ:\n--- native\n${n.out.slice(0, 400)}\n--- wasm\n${w.out.slice(0, 400)}`);
  if (problems.length) {
    failures++;
    console.error(`FAIL ${path.relative(process.cwd(), file)}${insights ? ' --insights' : ''}: ${problems.join('; ')}`);
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
console.log(`parity: ${checked - failures}/${checked} runs (datasets with and without --insights) identical natively and in WASM`);
process.exit(failures ? 1 : 0);
