// Mutation testing of the page's code (web/src): each mutant in web-mutants.json is one literal
// replacement at one place in one file (the `from` text must occur exactly once), checked by the
// browser test files it names. The committed tree (git HEAD) is copied to a scratch directory,
// never touching the working copy; the tests run there against this checkout's WASM module and
// CLI (SHOPSCORE_WASM_JS, SHOPSCORE_CLI: no C++ is mutated, so they need no rebuild). A mutant is
// *killed* when a test fails, *survived* when all pass; one marked `equivalent` (with why) is not
// run. Not part of CI: ~1 min per mutant on two cores.
//
//   node tests/mutation/mutate-web.mjs [--only 1,5,9] [--report FILE.md]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const only = opt('--only', null)?.split(',').map(Number);
const reportFile = opt('--report', null);
const mutants = JSON.parse(readFileSync(path.join(here, 'web-mutants.json'), 'utf8'));

const env = {
  ...process.env,
  SHOPSCORE_WASM_JS: process.env.SHOPSCORE_WASM_JS || path.join(repo, 'build/wasm/wasm/shopscore.js'),
  SHOPSCORE_CLI: process.env.SHOPSCORE_CLI || path.join(repo, 'build/native/cli/shopscore'),
  SHOPSCORE_REQUIRE_CLI: '1', // a test that would skip without the CLI must not pass a mutant
};
delete env.SHOPSCORE_TEST_SITE; // each test file builds the site from the mutated sources
for (const f of [env.SHOPSCORE_WASM_JS, env.SHOPSCORE_CLI]) {
  if (!existsSync(f)) {
    console.error(`mutate-web: ${f} is missing; build first (scripts/build.sh)`);
    process.exit(2);
  }
}

const scratch = path.join(os.tmpdir(), `shopscore-web-mutation-${process.pid}`);
mkdirSync(scratch, { recursive: true });
execFileSync('bash', ['-c', `git -C "${repo}" archive HEAD | tar -x -C "${scratch}"`]);
symlinkSync(path.join(repo, 'node_modules'), path.join(scratch, 'node_modules'));

const run = (tests) => spawnSync(process.execPath, ['--test', ...tests.map((t) => path.join('tests/browser', t))],
  { cwd: scratch, env, encoding: 'utf8', maxBuffer: 1 << 28 });

// The tests must pass on the unmutated tree, or every mutant would look killed.
const allTests = [...new Set(mutants.filter((m, i) => !only || only.includes(i + 1)).flatMap((m) => m.tests))];
const base = run(allTests);
if (base.status !== 0) {
  console.error(`mutate-web: the tests fail without a mutant:\n${base.stdout.slice(-3000)}`);
  process.exit(2);
}

const rows = [];
mutants.forEach((m, i) => {
  const n = i + 1;
  if (only && !only.includes(n)) return;
  if (m.equivalent) {
    rows.push({ n, m, verdict: `equivalent: ${m.equivalent}` });
    console.log(`#${n} ${m.file}: equivalent — ${m.why}`);
    return;
  }
  const file = path.join(scratch, m.file);
  const original = readFileSync(file, 'utf8');
  if (original.split(m.from).length !== 2) {
    rows.push({ n, m, verdict: 'stale (`from` not found exactly once)' });
    return;
  }
  writeFileSync(file, original.replace(m.from, m.to));
  const t0 = Date.now();
  const r = run(m.tests);
  writeFileSync(file, original);
  const failed = (r.stdout.match(/^not ok .*$/gm) || []).map((l) => l.replace(/^not ok \d+ - /, ''));
  const verdict = r.status === 0 ? 'SURVIVED' : `killed (${failed[0] || 'test run failed'})`;
  rows.push({ n, m, verdict, s: Math.round((Date.now() - t0) / 1000) });
  console.log(`#${n} ${m.file}: ${verdict} [${rows.at(-1).s} s] — ${m.why}`);
});
rmSync(scratch, { recursive: true, force: true });

const killed = rows.filter((r) => r.verdict.startsWith('killed')).length;
const equivalent = rows.filter((r) => r.verdict.startsWith('equivalent')).length;
console.log(`mutate-web: ${killed} of ${rows.length - equivalent} killed (${equivalent} equivalent)`);
if (reportFile) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  writeFileSync(reportFile, ['| # | file | mutant | verdict |', '|---|---|---|---|',
    ...rows.map((r) => `| ${r.n} | ${r.m.file} | ${esc(r.m.why)} | ${esc(r.verdict)} |`)].join('\n') + '\n');
}
process.exit(rows.every((r) => /^(killed|equivalent)/.test(r.verdict)) ? 0 : 1);
