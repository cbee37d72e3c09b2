// ShopScore benchmark: the same generated shop through the native CLI and the WASM module
// (under node), as a canonical JSON dataset and as a Seller Center orders CSV read in 1 MiB
// chunks. Reported as times and ratios measured in one run on one machine, never asserted.
//   node bench/bench.mjs [ORDERS=200000] [NATIVE_CLI] [WASM_MODULE_JS]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [ordersArg, cliArg, moduleArg] = process.argv.slice(2);
const orderCount = Number(ordersArg ?? 200000);
const cli = cliArg ?? 'build/native/cli/shopscore';
const modulePath = path.resolve(moduleArg ?? 'build/wasm/wasm/shopscore.js');

// ---- data: a seeded shop over 90 days, written both ways -------------------------------
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(42);
const pad = (n) => String(n).padStart(2, '0');
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const us = (d) => {
  const h = d.getUTCHours();
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(h % 12 || 12)}:${pad(d.getUTCMinutes())}:00 ${h < 12 ? 'AM' : 'PM'}`;
};
const end = Date.parse('2026-11-20T23:00:00Z');
const orders = [];
for (let i = 0; i < orderCount; i++) {
  const created = new Date(end - Math.floor(rnd() * 92 * 86400000) - 86400000);
  const cancelled = rnd() < 0.04;
  const delivered = cancelled ? null : new Date(created.getTime() + (2 + Math.floor(rnd() * 8)) * 86400000);
  orders.push({ id: `5770${String(i).padStart(12, '0')}`, created, delivered: delivered && delivered.getTime() < end ? delivered : null,
                cancelled: cancelled ? new Date(created.getTime() + 3600000) : null, fbt: rnd() < 0.3,
                cancelBy: rnd() < 0.5 ? 'seller' : 'buyer' });
}
const dataset = {
  schema: 'shopscore.dataset/1', shop: { as_of: '2026-11-20', opened: '2025-01-01' },
  orders: orders.map((o) => ({ id: o.id, created: iso(o.created), delivered: o.delivered && iso(o.delivered),
    cancelled: o.cancelled && iso(o.cancelled), cancel_by: o.cancelled ? o.cancelBy : null,
    cancel_reason: o.cancelled ? (o.cancelBy === 'seller' ? 'Out of stock' : 'Changed my mind') : null,
    fulfillment: o.fbt ? 'fbt' : 'seller' })),
};
const header = 'Order ID,Order Status,Created Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason,Fulfillment Type,Product Name\r\n';
const csv = header + orders.map((o) => [o.id, o.cancelled ? 'Canceled' : o.delivered ? 'Delivered' : 'Shipped', us(o.created) + '\t',
  o.delivered ? us(o.delivered) + '\t' : '', o.cancelled ? us(o.cancelled) + '\t' : '', o.cancelled ? (o.cancelBy === 'seller' ? 'Seller' : 'Buyer') : '',
  o.cancelled ? (o.cancelBy === 'seller' ? 'Out of stock' : 'Changed my mind') : '', o.fbt ? 'Fulfillment by TikTok Shop' : 'Fulfilled by seller',
  '"Ceramic mug, 350 ml ""classic"""'].join(',')).join('\r\n') + '\r\n';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shopscore-bench-'));
const jsonPath = path.join(dir, 'dataset.json');
const csvPath = path.join(dir, 'orders.csv');
const shopPath = path.join(dir, 'shop.json');
writeFileSync(jsonPath, JSON.stringify(dataset));
writeFileSync(shopPath, JSON.stringify(dataset.shop));
writeFileSync(csvPath, csv);

// ---- runs ------------------------------------------------------------------------------
const time = (fn) => {
  const t0 = performance.now();
  const out = fn();
  return { ms: performance.now() - t0, out };
};
const best = (fn, runs = 3) => {
  let result = null;
  for (let i = 0; i < runs; i++) {
    const r = time(fn);
    if (!result || r.ms < result.ms) result = r;
  }
  return result;
};

const require = createRequire(import.meta.url);
const shopscore = await require(modulePath)();
const jsonText = readFileSync(jsonPath, 'utf8');
const csvBytes = readFileSync(csvPath);

function wasmIngest(bytes) {
  const ingest = new shopscore.Ingest(JSON.stringify(dataset.shop));
  try {
    ingest.begin('orders', 'orders.csv', 'text', true);
    const chunk = 1 << 20;
    for (let at = 0; at < bytes.length; at += chunk) {
      const part = bytes.subarray(at, Math.min(bytes.length, at + chunk));
      const ptr = ingest.reserve(part.length);
      shopscore.HEAPU8.set(part, ptr);  // one copy into the heap, one call per chunk
      ingest.commit(part.length);
    }
    ingest.end();
    return ingest.score('{}');
  } finally {
    ingest.delete();
  }
}

const rows = [];
const nativeJson = best(() => execFileSync(cli, ['score', jsonPath], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const wasmJson = best(() => shopscore.score(jsonText, '{}'));
rows.push(['JSON dataset', jsonText.length, nativeJson, wasmJson]);
let csvNote = '';
try {
  const nativeCsv = best(() => execFileSync(cli, ['score', '--orders', csvPath, '--shop', shopPath], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const wasmCsv = best(() => wasmIngest(csvBytes));
  rows.push(['orders CSV (1 MiB chunks)', csvBytes.length, nativeCsv, wasmCsv]);
  if (nativeCsv.out !== wasmCsv.out) csvNote = 'NOTE: native and WASM CSV results differ';
} catch (e) {
  csvNote = `orders CSV skipped: ${String(e.message).split('\n')[0]}`;
}
rmSync(dir, { recursive: true, force: true });

const mb = (bytes, ms) => (bytes / 1048576 / (ms / 1000)).toFixed(1);
console.log(`ShopScore benchmark: ${orderCount} orders, best of 3, ${os.cpus()[0].model}`);
console.log('input                      | size MiB | native ms | native MiB/s | wasm ms | wasm MiB/s | wasm/native');
for (const [name, bytes, n, w] of rows) {
  console.log(`${name.padEnd(26)} | ${(bytes / 1048576).toFixed(1).padStart(8)} | ${n.ms.toFixed(0).padStart(9)} | ${mb(bytes, n.ms).padStart(12)} | ${w.ms.toFixed(0).padStart(7)} | ${mb(bytes, w.ms).padStart(10)} | ${(w.ms / n.ms).toFixed(2).padStart(11)}`);
}
if (rows.length === 2)
  console.log(`CSV vs JSON (native): ${(rows[1][2].ms / rows[0][2].ms).toFixed(2)}x the time; native includes process start.`);
if (csvNote) console.log(csvNote);
