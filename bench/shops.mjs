// The agency's scale (issue 20): many shops of ~10 k orders each through `shopscore batch`.
//   node bench/shops.mjs [--shops 1000] [--rows 11000] [--distinct 10] [--jobs 2] [--native CLI]
// Lays out --shops shop folders of --distinct generated shops (bench/shop-folders.mjs), and
// times `batch DIR --jobs J --out-csv build/bench/shops-R/batch-N.csv` and `--jobs 1`: wall and CPU seconds, peak RSS (the whole process: it holds at most J shops' records at a time), shops
// per second. The page's Shops view over the same folders: bench/shops-page.mjs. One run; nothing
// is asserted.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ROOT, shopFolders } from './shop-folders.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const shops = Number(opt('--shops', 1000));
const rows = Number(opt('--rows', 11000));
const distinct = Math.min(shops, Number(opt('--distinct', 10)));
const jobs = Number(opt('--jobs', 2));
const cli = path.resolve(opt('--native', path.join(ROOT, 'build/native/cli/shopscore')));

function timed(cmdArgs) {
  const r = spawnSync('/usr/bin/time', ['-v', cli, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`shopscore ${cmdArgs.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]) * 1024;
  const [, h, m, s] = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)[1]);
  return { seconds: Number(h || 0) * 3600 + Number(m) * 60 + Number(s), cpu, rss };
}

const { root, work, folders, bytes, ordersBytes: orders } = shopFolders({ shops, rows, distinct });
const out = path.join(work, `batch-${shops}.csv`); // bench/shops-page.mjs compares the page's CSV with it

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
