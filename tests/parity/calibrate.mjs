// Native/WASM parity of calibrate() (docs/calibration.md): each dataset in tests/data/ with each
// snapshot file in tests/data/calibration/ (readings that match, and readings of another shop that
// cannot, which runs the fit's every path), with and without a base profile, through the native
// CLI (--format json) and the embind module. The report JSON must be byte-identical; a refused
// snapshot file must be refused with the same code and field.
//   node tests/parity/calibrate.mjs NATIVE_CLI WASM_MODULE_JS
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const [cli, modulePath] = process.argv.slice(2);
if (!cli || !modulePath) {
  console.error('usage: node tests/parity/calibrate.mjs NATIVE_CLI WASM_MODULE_JS');
  process.exit(2);
}
const shopscore = await createRequire(import.meta.url)(path.resolve(modulePath))();
const dataDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data');
const calDir = path.join(dataDir, 'calibration');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'calibrate-parity-'));

const datasets = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dataDir, f));
const snapshots = ['busy-shop-snapshots.json', 'api-responses.json'].map((f) => path.join(calDir, f));
const badUnit = path.join(tmp, 'bad-unit.json');
writeFileSync(badUnit, '{"data": {"metrics": [{"metric_code": "NRR", "value": "0.85", "value_unit": "HOURS"}]}}');
const profile = path.join(calDir, 'hidden-profile.json');

function native(dataset, snap, base) {
  const args = ['calibrate', dataset, '--seller-center', snap, '--out', path.join(tmp, 'out.json'), '--format', 'json'];
  if (base) args.push('--profile', base);
  try {
    return { ok: true, out: execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    // "FILE: FIELD: expected ..." -> the field, to compare with the JS error's
    return { ok: false, out: String(e.stderr).trim().split(': ')[1] };
  }
}

function wasm(dataset, snap, base) {
  try {
    return { ok: true, out: shopscore.calibrate(readFileSync(dataset, 'utf8'), readFileSync(snap, 'utf8'), base ? readFileSync(base, 'utf8') : '') };
  } catch (e) {
    return { ok: false, out: e.field, name: e.name, code: e.code };
  }
}

let failures = 0;
let checked = 0;
const runs = [];
for (const d of datasets) for (const s of snapshots) runs.push([d, s, '']);
runs.push([path.join(dataDir, 'busy-shop.json'), snapshots[0], profile]);
runs.push([path.join(dataDir, 'busy-shop.json'), badUnit, '']);
for (const [d, s, p] of runs) {
  const a = native(d, s, p);
  const b = wasm(d, s, p);
  ++checked;
  const label = `${path.basename(d)} + ${path.basename(s)}${p ? ' --profile' : ''}`;
  if (a.ok !== b.ok || a.out !== b.out) {
    ++failures;
    console.error(`DIFFERS: ${label}\n  native: ${a.out.slice(0, 300)}\n  wasm:   ${String(b.out).slice(0, 300)}`);
  } else if (!a.ok && b.code !== (s === badUnit ? 'snapshot_bad_unit' : 'as_of_before_data')) {
    // The bad unit is refused; a snapshot dated before every order of the dataset is too (the
    // other datasets' snapshots are busy-shop's days, before spec-example's data for one).
    ++failures;
    console.error(`${label}: expected ${s === badUnit ? 'snapshot_bad_unit' : 'as_of_before_data'}, got ${b.code}`);
  } else if (s === badUnit && a.ok) {
    ++failures;
    console.error(`${label}: the bad unit was accepted`);
  }
}
rmSync(tmp, { recursive: true, force: true });
if (failures) {
  console.error(`${failures} of ${checked} calibrate runs differ between native and WASM`);
  process.exit(1);
}
console.log(`calibrate parity: ${checked} runs byte-identical (native = WASM)`);
