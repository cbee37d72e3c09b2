// The parity datasets (tests/data/*.json: busy-shop, struggling-shop, new-shop-protected, ...)
// are checked natively and in WASM for identical bytes by tests/parity/parity.mjs; this checks
// that the number itself is right: the CLI's result must agree with the independent oracle.
//   node tests/oracle/datasets.mjs NATIVE_CLI
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { score } from './oracle.mjs';
import { compareResults } from './compare.mjs';

const [cli] = process.argv.slice(2);
if (!cli) {
  console.error('usage: node tests/oracle/datasets.mjs NATIVE_CLI');
  process.exit(2);
}
const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();
let failures = 0;
// Each dataset with the built-in profile, and with a profile that sets every curve end
// (best/worst, as calibrate writes them: docs/calibration.md).
const curveEnds = path.join(dataDir, 'calibration', 'curve-ends-profile.json');
for (const f of files) {
  const file = path.join(dataDir, f);
  for (const profile of [null, curveEnds]) {
    const args = ['score', file, ...(profile ? ['--profile', profile] : [])];
    const actual = JSON.parse(execFileSync(cli, args, { encoding: 'utf8' }));
    const expected = score(JSON.parse(readFileSync(file, 'utf8')), profile ? JSON.parse(readFileSync(profile, 'utf8')) : null);
    const diffs = compareResults(actual, expected);
    if (diffs.length) {
      failures++;
      console.error(`FAIL tests/data/${f}${profile ? ' --profile curve-ends' : ''}:\n  ${diffs.join('\n  ')}`);
    }
  }
}
if (files.length < 5) {
  console.error(`oracle: only ${files.length} datasets found in tests/data`);
  process.exit(1);
}
console.log(`oracle: ${2 * files.length - failures}/${2 * files.length} runs (tests/data datasets, built-in and curve-ends profiles) agree with the independent re-computation`);
process.exit(failures ? 1 : 0);
