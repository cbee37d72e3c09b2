// The JavaScript way, for reference: PapaParse 5 streaming with header: true over the same
// orders export, Date.parse on every timestamp, per-order counts kept in a Map (what a page
// written in plain JavaScript would do).   node bench/papa-run.mjs FILE -> one JSON line
import { createReadStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';

const file = process.argv[2];
const t0 = performance.now();
const c0 = process.cpuUsage();
const orders = new Map();
let rows = 0;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(file), {
    header: true,
    skipEmptyLines: true,
    step: ({ data }) => {
      rows++;
      const created = Date.parse(String(data['Created Time'] || '').trim());
      const delivered = Date.parse(String(data['Delivered Time'] || '').trim());
      const o = orders.get(data['Order ID']) || { created, delivered, cancelled: data['Cancel By'] !== '' };
      orders.set(data['Order ID'], o);
    },
    complete: resolve,
    error: reject,
  });
});
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ bytes: statSync(file).size, rows, orders: orders.size, ms, cpu_ms: (c.user + c.system) / 1000 }));
