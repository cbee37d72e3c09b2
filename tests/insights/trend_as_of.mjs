// Issue 17: every trend point is the score Seller Center showed that day, i.e. exactly
// `shopscore score DATASET --as-of D` (same JSON numbers: SPS, each metric's value and score,
// the 30-order gate), for all (up to) 90 days of generated shops (tests/random/generate.mjs); and
// why-it-moved splits exactly the difference of the two days' scores.
//
//   node tests/insights/trend_as_of.mjs NATIVE_CLI|WASM_MODULE_JS [--count N] [--start SEED]
// With the WASM module (fast: everything in-process) the CLI's bytes are the same by the parity
// checks; with the native CLI it runs one process per (shop, day).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { generateShop } from '../random/generate.mjs';

const args = process.argv.slice(2);
const target = args[0];
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
if (!target) {
  console.error('usage: node tests/insights/trend_as_of.mjs NATIVE_CLI|WASM_MODULE_JS [--count N] [--start SEED]');
  process.exit(2);
}
const count = Number(opt('--count', 50));
const start = Number(opt('--start', 1));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'shopscore-trend-'));

let scoreWith;
if (target.endsWith('.js')) {
  const shopscore = await createRequire(import.meta.url)(path.resolve(target))();
  scoreWith = (text, file, profile, extra) => JSON.parse(shopscore.score(text, JSON.stringify({ ...(profile ? { profile } : {}), ...extra })));
} else {
  scoreWith = (text, file, profile, extra) => {
    const cliArgs = ['score', file];
    if (profile) cliArgs.push('--profile', `${file}.profile.json`);
    if (extra.as_of) cliArgs.push('--as-of', extra.as_of);
    if (extra.insights) cliArgs.push('--insights');
    return JSON.parse(execFileSync(target, cliArgs, { encoding: 'utf8', maxBuffer: 1 << 26 }));
  };
}

const METRICS = ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht'];
let points = 0, failures = 0, shops = 0;
const fail = (seed, what) => { failures++; if (failures <= 20) console.error(`FAIL seed ${seed}: ${what}`); };
for (let seed = start; seed < start + count; seed++) {
  const { dataset, profile } = generateShop(seed);
  const text = JSON.stringify(dataset);
  const file = path.join(tmp, `shop-${seed}.json`);
  writeFileSync(file, text);
  if (profile) writeFileSync(`${file}.profile.json`, JSON.stringify(profile));
  const today = scoreWith(text, file, profile, { insights: true });
  if (!today.insights) continue;  // no as_of: no insights
  shops++;
  const byDay = new Map();
  const scoreOn = (day) => {
    if (!byDay.has(day)) byDay.set(day, scoreWith(text, file, profile, { as_of: day }));
    return byDay.get(day);
  };
  for (const p of today.insights.trend) {
    points++;
    const r = scoreOn(p.date);
    if (p.sps !== r.sps) fail(seed, `${p.date} trend SPS ${p.sps}, score --as-of ${r.sps}`);
    if (p.scored !== (r.status !== 'not_enough_orders')) fail(seed, `${p.date} trend scored ${p.scored}, score status ${r.status}`);
    for (const m of METRICS) {
      const a = p.metrics[m], b = r.metrics[m];
      if (a.value !== b.value || a.score !== b.score)
        fail(seed, `${p.date} ${m}: trend ${a.value} (${a.score}), score --as-of ${b.value} (${b.score})`);
    }
  }
  const moved = today.insights.moved;
  if (moved && moved.from) {
    const from = scoreOn(moved.from).sps, to = scoreOn(moved.to).sps;
    if (moved.sps_from !== from || moved.sps_to !== to) fail(seed, `moved ${moved.from}..${moved.to}: ${moved.sps_from}..${moved.sps_to}, scores ${from}..${to}`);
    const sum = moved.metrics.reduce((s, m) => s + m.contribution, 0);
    if (from != null && to != null && Math.abs(sum - (to - from)) > 1e-12) fail(seed, `moved contributions sum to ${sum}, scores differ by ${to - from}`);
  }
}
rmSync(tmp, { recursive: true, force: true });
console.log(`trend = score --as-of: ${shops} shops, ${points} trend points, ${failures} differences`);
if (failures || shops < Math.min(count, 50) * 0.9) process.exit(1);
