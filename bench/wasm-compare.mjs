// Two (or more) WASM builds of the module compared on the same data, runs interleaved so that a
// change in the machine's load falls on each alike (docs/performance.md "Site size" uses it for
// size changes that must not slow the ingest):
//   node bench/wasm-compare.mjs DIR --runs N [--warm] MODULE_A.js MODULE_B.js ...
// --warm: each run warmed as the page warms its worker (bench/wasm-run.mjs --warm), so the
// comparison is of the reading code's own CPU, without V8's compiles of it.
// Each run is bench/wasm-run.mjs in its own process; prints the medians (and the range) of the
// ingest and first-score CPU time, the ingest wall time and the re-score with insights.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let runs = 5;
const modules = [];
let dir = null;
let warm = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--warm') warm = true;
  else if (!dir) dir = args[i];
  else modules.push(args[i]);
}
if (!dir || !modules.length) {
  console.error('usage: node bench/wasm-compare.mjs DIR [--runs N] MODULE.js...');
  process.exit(2);
}

const keys = ['cpu_ms', 'ingest_ms', 'first_score_ms', 'rescore_sla_cpu_ms', 'rescore_fault_cpu_ms', 'rescore_insights_cpu_ms'];
const samples = modules.map(() => Object.fromEntries(keys.map((k) => [k, []])));
let result = null;
for (let r = 0; r < runs; r++) {
  modules.forEach((m, i) => {
    const out = JSON.parse(execFileSync(process.execPath, [path.join(here, 'wasm-run.mjs'), m, dir, ...(warm ? ['--warm'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
    for (const k of keys) samples[i][k].push(out[k]);
    if (result === null) result = out.result;
    else if (out.result !== result) throw new Error(`${m}: a different result than ${modules[0]}`);
  });
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`${runs} runs each${warm ? ', warmed' : ''}, interleaved, on ${dir} (results identical)`);
console.log(['module'.padEnd(40), ...keys.map((k) => k.padStart(25))].join(''));
modules.forEach((m, i) => {
  console.log([m.slice(-40).padEnd(40), ...keys.map((k) => {
    const a = samples[i][k];
    return `${median(a).toFixed(0)} (${Math.min(...a).toFixed(0)}-${Math.max(...a).toFixed(0)})`.padStart(25);
  })].join(''));
});
