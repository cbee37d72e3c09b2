// Mutation testing of the core: each mutant in mutants.json is one literal replacement at one
// place in one file of core/src (the `from` text must occur exactly once). The committed tree
// (git HEAD, or --rev) is copied to a scratch directory, never touching the working copy; each mutant is
// applied there alone, the native build is rebuilt and the tests are run. A mutant is *killed*
// when a test fails, *survived* when all pass, *stillborn* when it does not compile.
//
// For speed, the quick Catch2 cases run first with --abort (a failure there already kills the
// mutant); only a mutant that passes them gets the full `ctest --preset native` (which includes
// the slow chunk-splitting cases and the CLI checks), so the verdict is the same as running
// ctest alone. Not part of CI: ~30-60 min on two cores.
//
//   node tests/mutation/mutate.mjs [--scratch DIR] [--only 1,5,9] [--from N] [--quick-only] [--report FILE.md] [--rev GIT_REV]
// --from N runs mutants N.. only (with --only: both apply). --keep reuses the --scratch directory
// of an earlier run (only changed files rewritten); --build-only prepares it and runs nothing.
// --rev runs the mutants (of this checkout's list) against another revision's tests, e.g. to
// measure what new tests added.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const scratch = path.resolve(opt('--scratch', path.join(os.tmpdir(), `shopscore-mutation-${process.pid}`)));
const only = opt('--only', null)?.split(',').map(Number);
const from = Number(opt('--from', '1'));
// --quick-only: the Catch2 suite alone per mutant (no ctest): what a shared machine can afford.
const quickOnly = args.includes('--quick-only');
const reportFile = opt('--report', null);
const rev = opt('--rev', 'HEAD');
const mutants = JSON.parse(readFileSync(path.join(here, 'mutants.json'), 'utf8'));

const sh = (cmd, cmdArgs, cwd = scratch) => spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
// --quick-only builds the test binary alone (the CLI is not run without ctest).
const build = () => sh('cmake', ['--build', '--preset', 'native', '-j2', ...(quickOnly ? ['--target', 'shopscore_tests'] : [])]);
// "~[.]" keeps the hidden measurements out: a lone negated tag would run them (tests/CMakeLists.txt).
const quick = () => sh(path.join(scratch, 'build/native/tests/shopscore_tests'), ['~[chunks]~[.]', '--abort']);
// doc_citations is left out: it reads the repository with git (the scratch is a plain copy), and
// it checks the docs, which no mutant of the code touches.
const full = () => sh('ctest', ['--preset', 'native', '-E', 'doc_citations']);

// A fresh copy of the committed tree. --keep (with --scratch): a scratch left by an earlier run
// is refreshed instead, writing only the files whose content changed, so its build is reused
// (a full build of the scratch costs as much as the whole run on a shared two-core machine).
const keep = args.includes('--keep');
if (keep && existsSync(path.join(scratch, 'build/native'))) {
  const fresh = `${scratch}.fresh`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  execFileSync('bash', ['-c', `git -C "${repo}" archive "${rev}" | tar -x -C "${fresh}"`]);
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: fresh, encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n').filter(Boolean);
  for (const f of files) {
    const to = path.join(scratch, f), text = readFileSync(path.join(fresh, f));
    if (existsSync(to) && readFileSync(to).equals(text)) continue;
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, text);
  }
  rmSync(fresh, { recursive: true, force: true });
} else {
  if (existsSync(scratch)) rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  execFileSync('bash', ['-c', `git -C "${repo}" archive "${rev}" | tar -x -C "${scratch}"`]);
}
// --O1: the scratch compiled at -O1 instead of -O3 (several times faster to rebuild per mutant;
// the same behaviour, -ffp-contract=off is kept).
const configure = sh('cmake', ['--preset', 'native', ...(args.includes('--O1') ? ['-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG'] : [])]);
if (configure.status !== 0) throw new Error(`configure failed:\n${configure.stderr}`);
let b = build();
if (b.status !== 0) throw new Error(`baseline build failed:\n${b.stdout.slice(-2000)}`);
if (args.includes('--build-only')) process.exit(0);  // prepare a --keep scratch, run nothing
if ((quickOnly ? quick() : full()).status !== 0) throw new Error('baseline tests fail: fix them before a mutation run');

const results = [];
mutants.forEach((m, index) => {
  const n = index + 1;
  if ((only && !only.includes(n)) || n < from) return;
  const file = path.join(scratch, m.file);
  const original = readFileSync(file, 'utf8');
  if (original.split(m.from).length !== 2) {
    results.push({ n, ...m, verdict: 'invalid' });
    console.log(`#${n} INVALID (the text is not found exactly once): ${m.file}`);
    return;
  }
  if (m.equivalent) {  // behaves like the original: listed, not run, not in the kill rate
    results.push({ n, ...m, verdict: 'equivalent' });
    console.log(`#${n} EQUIVALENT ${m.file}: ${m.why} (${m.equivalent})`);
    return;
  }
  writeFileSync(file, original.replace(m.from, () => m.to));
  const t0 = Date.now();
  let verdict;
  if (build().status !== 0) verdict = 'stillborn';
  else if (quick().status !== 0) verdict = 'killed';
  else verdict = quickOnly || full().status === 0 ? 'survived' : 'killed';
  writeFileSync(file, original);
  results.push({ n, ...m, verdict });
  console.log(`#${n} ${verdict.toUpperCase()} (${Math.round((Date.now() - t0) / 1000)} s) ${m.file}: ${m.why}`);
});
b = build();  // leave the scratch build unmutated

const count = (v) => results.filter((r) => r.verdict === v).length;
const valid = count('killed') + count('survived');
const rate = valid ? (100 * count('killed')) / valid : 0;
const lines = [`Mutants: ${results.length}; killed ${count('killed')}, survived ${count('survived')}, ` +
               `stillborn ${count('stillborn')}, equivalent ${count('equivalent')}, invalid ${count('invalid')}; ` +
               `kill rate ${rate.toFixed(1)} % of compiled, non-equivalent mutants.`];
for (const r of results.filter((x) => x.verdict === 'survived')) lines.push(`- survived #${r.n} ${r.file}: ${r.why}`);
console.log(lines.join('\n'));
if (reportFile) writeFileSync(reportFile, `${lines.join('\n')}\n\n${results.map((r) => `#${r.n} ${r.verdict} ${r.file}: ${r.why}`).join('\n')}\n`);
if (!keep) rmSync(scratch, { recursive: true, force: true });
