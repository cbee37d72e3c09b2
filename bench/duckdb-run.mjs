// DuckDB native (@duckdb/node-api, bench/package.json), an anchor of bench/run.mjs: the per-order
// facts of bench/orders-facts.mjs by SQL over the orders export, on all cores (DuckDB's default:
// one thread per core). CPU time is the whole process's (every DuckDB thread).
//   node bench/duckdb-run.mjs FILE [THREADS] -> one JSON line
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { factsSql, SUMMARY_SQL } from './orders-facts.mjs';

const [file, threads] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
const conn = await instance.connect();
const version = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v;
const usedThreads = (await conn.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0].t;
const t0 = performance.now();
const c0 = process.cpuUsage();
await conn.run(factsSql(file));
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
const summary = (await conn.runAndReadAll(SUMMARY_SQL)).getRowObjectsJS()[0];
console.log(JSON.stringify({ bytes: statSync(file).size, ms, cpu_ms: (c.user + c.system) / 1000, version,
  threads: Number(usedThreads), ...summary }));
