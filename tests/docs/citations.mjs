// Every "§N" in the project's files names a section of docs/rules.md that exists, and nothing cites
// a document outside the repository (the old spec, cited as SPEC and a section sign). Run from anywhere:  node tests/docs/citations.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rules = readFileSync(join(root, 'docs/rules.md'), 'utf8');
const sections = new Set([...rules.matchAll(/^### §(\d+) /gm)].map((m) => Number(m[1])));
// The sections are numbered 1..N without a gap, so a citation can be checked by number alone.
const highest = Math.max(...sections);
for (let n = 1; n <= highest; n++) if (!sections.has(n)) throw new Error(`docs/rules.md: no §${n}`);

const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n')
  .filter((f) => f && !f.startsWith('third_party/') && /\.(cpp|h|mjs|js|md|sh|json|txt|cmake)$|CMakeLists\.txt$/.test(f));
const problems = [];
for (const file of files) {
  let text;
  try { text = readFileSync(join(root, file), 'utf8'); } catch { continue; }  // deleted, not yet committed
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (/\bSPEC\s*§/.test(line)) problems.push(`${where}: cites SPEC, not docs/rules.md`);
    for (const m of line.matchAll(/§(\d+)(?:\.\d+)?/g)) {
      if (m[0].includes('.')) problems.push(`${where}: "${m[0]}": docs/rules.md has no sub-sections`);
      else if (!sections.has(Number(m[1]))) problems.push(`${where}: "${m[0]}" is not a section of docs/rules.md`);
    }
  });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`citations: every § in ${files.length} files names one of docs/rules.md's ${highest} sections`);
