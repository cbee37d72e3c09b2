// Scores N generated shops (tests/random/generate.mjs) with the native CLI, the WASM module and
// the independent oracle (tests/oracle/). Native and WASM must give byte-identical JSON; the
// oracle must agree with the CLI on every metric, dimension, the SPS (1e-9), status, protection
// and benefits. Failing shops are written to OUT_DIR (default /tmp/shopscore-random-failures)
// so they can be replayed: node tests/oracle/oracle.mjs FILE.json [FILE.profile.json].
//
//   node tests/random/differential.mjs NATIVE_CLI WASM_MODULE_JS [--count N] [--start SEED] [--no-v11-cancels]
// --no-v11-cancels leaves out docs/rules.md §9's cancellation cases (see generate.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { generateShop } from './generate.mjs';
import { score as oracleScore } from '../oracle/oracle.mjs';
import { compareResults } from '../oracle/compare.mjs';

const args = process.argv.slice(2);
const [cli, modulePath] = args;
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
if (!cli || !modulePath) {
  console.error('usage: node tests/random/differential.mjs NATIVE_CLI WASM_MODULE_JS [--count N] [--start SEED] [--out DIR]');
  process.exit(2);
}
const count = Number(opt('--count', 1000));
const start = Number(opt('--start', 1));
const outDir = opt('--out', path.join(os.tmpdir(), 'shopscore-random-failures'));

const require = createRequire(import.meta.url);
const shopscore = await require(path.resolve(modulePath))();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'shopscore-random-'));

let parityFail = 0, oracleFail = 0, errors = 0;
const kinds = {};
for (let seed = start; seed < start + count; seed++) {
  const { kind, dataset, profile } = generateShop(seed, { v11Cancels: !args.includes('--no-v11-cancels') });
  kinds[kind] = (kinds[kind] ?? 0) + 1;
  const text = JSON.stringify(dataset);
  const file = path.join(tmp, `shop-${seed}.json`);
  writeFileSync(file, text);
  const cliArgs = ['score', file];
  if (profile) {
    writeFileSync(`${file}.profile.json`, JSON.stringify(profile));
    cliArgs.push('--profile', `${file}.profile.json`);
  }
  const problems = [];
  let native, wasm;
  try {
    native = execFileSync(cli, cliArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  } catch (e) {
    problems.push(`native exit ${e.status}: ${String(e.stderr).trim()}`);
  }
  try {
    wasm = shopscore.score(text, JSON.stringify({ file, ...(profile ? { profile } : {}) }));
  } catch (e) {
    problems.push(`wasm ${e.name}: ${e.message}`);
  }
  if (native !== undefined && wasm !== undefined && native !== wasm) { parityFail++; problems.push('native and WASM results differ'); }
  if (native !== undefined) {
    const diffs = compareResults(JSON.parse(native), oracleScore(dataset, profile));
    if (diffs.length) { oracleFail++; problems.push(...diffs.slice(0, 12)); }
  } else errors++;
  if (problems.length) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, `shop-${seed}.json`), JSON.stringify(dataset, null, 1));
    if (profile) writeFileSync(path.join(outDir, `shop-${seed}.json.profile.json`), JSON.stringify(profile, null, 1));
    console.error(`FAIL seed ${seed} (${kind}): ${problems.join('\n    ')}`);
  }
}
rmSync(tmp, { recursive: true, force: true });
const kindList = Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ');
console.log(`random: ${count} shops (${kindList}); native/WASM identical ${count - parityFail - errors}/${count}; ` +
            `oracle agrees ${count - oracleFail - errors}/${count}`);
if (parityFail || oracleFail || errors) {
  console.error(`random: failing shops written to ${outDir}`);
  process.exit(1);
}
