// Property test of issue 22 (docs/scoring.md "Missing, typed and no data"): for generated shops
// with the reviews and chats lists removed (nrr and imd missing), the SPS computed with ANY typed
// values of those metrics lies inside the result's sps_range, and no benefit decided on the range
// (true/false) is contradicted by a typed completion; and the independent oracle
// (tests/oracle/oracle.mjs, written from the docs) agrees with the result: inputs, range, benefits.
//   node tests/random/missing_range.mjs WASM_MODULE_JS [--count N] [--start SEED]
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateShop, prng } from './generate.mjs';
import { score as oracleScore } from '../oracle/oracle.mjs';
import { compareResults } from '../oracle/compare.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const count = opt('--count', 200), start = opt('--start', 1);
const require = createRequire(import.meta.url);
const shopscore = await require(path.resolve(args[0]))();
const score = (dataset, options) => {
  try {
    return JSON.parse(shopscore.score(JSON.stringify(dataset), JSON.stringify(options)));
  } catch (e) {
    throw new Error(`${e.name}: ${e.message}`);  // an embind Error prints the whole module otherwise
  }
};
const EPS = 1e-9;
let failures = 0, checked = 0, ranged = 0;
for (let seed = start; seed < start + count; seed++) {
  const { dataset, profile } = generateShop(seed);
  if (dataset.metrics) { delete dataset.metrics.nrr; delete dataset.metrics.imd; }
  delete dataset.reviews;
  delete dataset.chats;
  const base = { file: `shop-${seed}.json`, ...(profile ? { profile } : {}) };
  const r = score(dataset, base);
  const { low, high } = r.sps_range;
  if (r.metrics.nrr.input !== 'missing' || r.metrics.imd.input !== 'missing') {
    failures++; console.error(`seed ${seed}: nrr/imd not missing`); continue;
  }
  if (low !== high) ranged++;
  const diffs = compareResults(r, oracleScore(dataset, profile ?? null));
  if (diffs.length) { failures++; console.error(`seed ${seed}: oracle disagrees: ${diffs.slice(0, 4).join('; ')}`); }
  if (r.sps !== null && (low !== r.sps || high !== r.sps)) { failures++; console.error(`seed ${seed}: sps ${r.sps} with range ${low}..${high}`); }
  const rnd = prng(seed);
  const typedValues = [{ value: 0 }, { value: 1 }, { value: 0, denominator: 0 }];
  for (let i = 0; i < 6; i++) typedValues.push({ value: rnd.next() * (i < 3 ? 0.05 : 1) });
  typedValues.push({ value: 0.02, numerator: 2, denominator: 100 });
  for (const nrr of typedValues) {
    for (const imd of typedValues) {
      const t = score(dataset, { ...base, metrics: { nrr, imd } });
      checked++;
      if (t.sps === null) continue;
      if (low === null || t.sps < low - EPS || t.sps > high + EPS) {
        failures++;
        console.error(`seed ${seed}: typed nrr ${JSON.stringify(nrr)} imd ${JSON.stringify(imd)} gives ${t.sps} outside ${low}..${high}`);
        break;
      }
      for (const b of r.benefits) {
        if (b.eligible === null) continue;
        const tb = t.benefits.find((x) => x.id === b.id);
        const meets = t.status === 'scored' && t.sps >= b.min_sps - EPS;
        if ((b.eligible === true && !meets) || (b.eligible === false && t.sps >= b.min_sps && t.status === 'scored' && tb.eligible === true)) {
          failures++;
          console.error(`seed ${seed}: ${b.id} decided ${b.eligible} but a typed completion gives sps ${t.sps}`);
        }
      }
    }
  }
}
console.log(`missing range: ${count} shops (${ranged} with a range), ${checked} typed completions, ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
