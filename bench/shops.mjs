// The agency's scale (issue 20): many shops of ~10 k orders each through `shopscore batch`.
//   node bench/shops.mjs [--shops 1000] [--rows 11000] [--distinct 10] [--jobs 2] [--native CLI]
// Generates --distinct different shops (bench/generate.mjs, ~--rows SKU rows each: about 10 k
// orders) once into build/bench/shops-R/, then lays out --shops shop folders whose files are hard
// links to them (shop i gets distinct shop i mod D: the same bytes a real folder would hold,
// without gigabytes of disk), and times `batch DIR --jobs J --out-csv` and `--jobs 1`: wall and
// CPU seconds, peak RSS (the whole process: it holds at most J shops' records at a time), shops
// per second. The page's Shops view is timed by the browser side (tests/browser/shops.test.mjs
// measures nothing; see docs/performance.md). One run; nothing is asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const shops = Number(opt('--shops', 1000));
const rows = Number(opt('--rows', 11000));
const distinct = Math.min(shops, Number(opt('--distinct', 10)));
const jobs = Number(opt('--jobs', 2));
const cli = path.resolve(opt('--native', path.join(ROOT, 'build/native/cli/shopscore')));
const work = path.join(ROOT, 'build', 'bench', `shops-${rows}`);

// The exports a shop folder holds (generate.mjs also writes meta.json, which batch would read as
// a stray file: a shop folder's every other file is an export).
const EXPORTS = ['orders.csv', 'returns.csv', 'reviews.csv', 'chats.csv', 'diagnostics.csv', 'shop.json'];

function sources() {
  const dirs = [];
  for (let i = 0; i < distinct; i++) {
    const dir = path.join(work, 'distinct', String(i));
    if (!existsSync(path.join(dir, 'meta.json'))) generate(rows + i, dir); // seeded by the row count
    dirs.push(dir);
  }
  return dirs;
}

function layout(dirs) {
  const root = path.join(work, `folders-${shops}`);
  if (existsSync(path.join(root, '.complete'))) return root;
  rmSync(root, { recursive: true, force: true });
  for (let i = 0; i < shops; i++) {
    const shop = path.join(root, `shop-${String(i).padStart(4, '0')}`);
    mkdirSync(shop, { recursive: true });
    for (const name of EXPORTS) {
      const from = path.join(dirs[i % dirs.length], name);
      if (existsSync(from)) linkSync(from, path.join(shop, name));
    }
  }
  writeFileSync(path.join(root, '.complete'), '');
  return root;
}

function timed(cmdArgs) {
  const r = spawnSync('/usr/bin/time', ['-v', cli, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`shopscore ${cmdArgs.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]) * 1024;
  const [, h, m, s] = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)[1]);
  return { seconds: Number(h || 0) * 3600 + Number(m) * 60 + Number(s), cpu, rss };
}

const root = layout(sources());
const folders = readdirSync(root).filter((n) => !n.startsWith('.'));
const bytes = folders.reduce((sum, f) => sum + readdirSync(path.join(root, f)).reduce((s, n) => s + statSync(path.join(root, f, n)).size, 0), 0);
const orders = readdirSync(path.join(work, 'distinct', '0')).includes('orders.csv') ? statSync(path.join(work, 'distinct', '0', 'orders.csv')).size : 0;
const out = path.join(work, 'batch.csv');

const runs = [jobs, 1].filter((j, i, all) => all.indexOf(j) === i).map((j) => ({ jobs: j, ...timed(['batch', root, '--jobs', String(j), '--out-csv', out]) }));
const mib = (b) => (b / 1048576).toFixed(1);
console.log(`ShopScore batch — ${folders.length} shops (${distinct} distinct, ~${rows} SKU rows each), ` +
  `${(bytes / 1e9).toFixed(2)} GB of exports (orders ${(orders / 1e6).toFixed(1)} MB a shop)`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
console.log('| run | wall s | CPU s | shops/s wall | MB/s wall | peak RSS |');
console.log('|---|---|---|---|---|---|');
for (const r of runs) {
  console.log(`| batch --jobs ${r.jobs} | ${r.seconds.toFixed(1)} | ${r.cpu.toFixed(1)} | ${(folders.length / r.seconds).toFixed(1)} | ` +
    `${(bytes / 1e6 / r.seconds).toFixed(0)} | ${mib(r.rss)} MiB |`);
}
if (runs.length === 2) console.log(`speed-up of --jobs ${runs[0].jobs} over --jobs 1: ${(runs[1].seconds / runs[0].seconds).toFixed(2)}×`);
