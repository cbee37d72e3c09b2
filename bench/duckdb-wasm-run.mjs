// DuckDB-wasm (@duckdb/duckdb-wasm, its node blocking bundle; bench/package.json), an anchor of
// bench/run.mjs: the per-order facts of bench/orders-facts.mjs by SQL over the orders export, in
// one thread (the blocking bundle has none other), the file read through node's fs
// (DuckDBDataProtocol.NODE_FS), as ShopScore's WASM run reads it (bench/wasm-run.mjs).
//   node bench/duckdb-wasm-run.mjs FILE -> one JSON line
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { factsSql, SUMMARY_SQL } from './orders-facts.mjs';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
const bundles = {
  mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
  eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
};
const file = path.resolve(process.argv[2]);
const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
await db.instantiate(() => {});
db.registerFileURL('orders.csv', file, duckdb.DuckDBDataProtocol.NODE_FS, false);
const conn = db.connect();
const row = (sql) => conn.query(sql).toArray()[0].toJSON();
const version = row('SELECT version() AS v').v;
const t0 = performance.now();
const c0 = process.cpuUsage();
conn.query(factsSql('orders.csv'));
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
const summary = row(SUMMARY_SQL);
const heap = db.mod?.HEAPU8?.length ?? null; // the module's linear memory, when the bindings expose it
console.log(JSON.stringify({ bytes: statSync(file).size, ms, cpu_ms: (c.user + c.system) / 1000, version, heap_bytes: heap, ...summary }));
conn.close();
