#!/usr/bin/env node
// Builds the static calculator page into build/site/ (open index.html from file:// or serve the
// folder from any static host).
//
//   node scripts/build-site.mjs [MODULE.js] [--out DIR]
//
// MODULE.js is the Emscripten module built with -sSINGLE_FILE (the WASM inlined); default
// $SHOPSCORE_WASM_JS or build/wasm/wasm/shopscore.js.
//
// Why classic scripts and a worker from a Blob: from file:// Chromium refuses module scripts,
// fetch() and worker scripts by file URL. So the ES modules in web/src are bundled by esbuild
// into classic scripts, and the worker's whole source (the Emscripten glue plus worker.js) is
// written into worker-src.js as one string; the page starts the worker from a Blob URL.
//
// Size (docs/performance.md "Site size"): the bundles are minified, and the WASM binary, which
// the module carries as base64 (gzip shrinks base64 poorly), is taken out of the glue and put
// beside it compressed with LZMA (xz -9e: 25 % smaller than gzip -9 on this binary), then base64:
// the worker decompresses it (web/src/worker/lzma.js) and hands it to the module as `wasmBinary`. The script prints every file's size, raw and gzipped, and the total.
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizeReport } from './site-size.mjs';
import { lzmaDecode } from '../web/src/worker/lzma.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let out = path.join(root, 'build', 'site');
let modulePath = process.env.SHOPSCORE_WASM_JS || path.join(root, 'build', 'wasm', 'wasm', 'shopscore.js');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = path.resolve(args[++i]);
  else modulePath = path.resolve(args[i]);
}

if (!existsSync(modulePath)) {
  console.error(`build-site: the WASM module ${modulePath} does not exist.\n` +
    'Build it first: cmake --preset wasm && cmake --build --preset wasm (or pass its path).');
  process.exit(1);
}

const target = ['chrome100', 'firefox100', 'safari15'];

async function bundle(entry) {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'iife',
    target,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    minify: true,
  });
  return result.outputFiles[0].text;
}

const glue = await readFile(modulePath, 'utf8');
if (!glue.includes('createShopScore')) {
  console.error(`build-site: ${modulePath} does not define createShopScore (built with -sEXPORT_NAME=createShopScore?)`);
  process.exit(1);
}
const inlined = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(glue);
if (!inlined) {
  console.error(`build-site: ${modulePath} has no inlined WASM (built with -sSINGLE_FILE=1?)`);
  process.exit(1);
}
// The module's own base64 leaves the glue (an empty data: URL stays, so the glue still fetches
// nothing); the same bytes, LZMA-compressed by xz, go beside it for the worker to decompress
// (web/src/worker/lzma.js). lc=3,pb=0 suit this binary (1 % smaller than lc=1,pb=0 or plain -9e).
// The unpacked size goes in the header, so the decoder allocates the output once.
const wasmBinary = Buffer.from(inlined[1], 'base64');
let wasmLzma;
try {
  wasmLzma = execFileSync('xz', ['--format=lzma', '--lzma1=preset=9e,lc=3,pb=0', '--stdout'],
    { input: wasmBinary, maxBuffer: 1 << 28 });
} catch (e) {
  console.error(`build-site: xz failed (${e.message.split('\n')[0]}); install xz-utils (scripts/setup.sh)`);
  process.exit(1);
}
wasmLzma.writeBigUInt64LE(BigInt(wasmBinary.length), 5);
// Shipped only if the page's own decoder gives the binary back exactly.
if (Buffer.compare(Buffer.from(lzmaDecode(wasmLzma)), wasmBinary) !== 0) {
  console.error('build-site: web/src/worker/lzma.js does not decode the compressed module back to the module');
  process.exit(1);
}
const glueWithoutWasm = glue.slice(0, inlined.index) + 'data:application/octet-stream;base64,' +
  glue.slice(inlined.index + inlined[0].length);

// The glue runs inside a function where `fetch` is undefined: with SINGLE_FILE it would
// otherwise fetch() its own data: URL first (blocked by connect-src 'none'). It gets the binary
// as `wasmBinary` (worker.js), so the worker makes no request.
// The page's glue never runs in node (the tests under node load the module itself): its test
// for node goes, and esbuild, told it is false, drops the node-only code (0.4 kB gzipped).
const NODE_TEST = 'var ENVIRONMENT_IS_NODE=typeof process=="object"&&typeof process.versions=="object"&&typeof process.versions.node=="string";';
if (!glueWithoutWasm.includes(NODE_TEST)) {
  console.error(`build-site: ${modulePath} has no "${NODE_TEST}" (another Emscripten?): see scripts/build-site.mjs`);
  process.exit(1);
}
const glueWrapped = (await transform(
  'var createShopScore = (function () {\n  var fetch = undefined;\n' + glueWithoutWasm.replace(NODE_TEST, '') + '\n  return createShopScore;\n})();\n',
  { minify: true, target, legalComments: 'none', charset: 'utf8', define: { ENVIRONMENT_IS_NODE: 'false' } })).code;
if (/\brequire\(|ENVIRONMENT_IS_NODE/.test(glueWrapped)) {
  console.error('build-site: the node-only code is still in the page\'s glue');
  process.exit(1);
}
const workerSource = glueWrapped + `var SHOPSCORE_WASM_LZMA = "${wasmLzma.toString('base64')}";\n` +
  (await bundle('web/src/worker/worker.js'));

const app = await bundle('web/src/main.js');
// Loaded on demand (web/src/on-demand.js): each language's texts, the chart library.
const langs = { en: await bundle('web/src/i18n/bundle-en.js'), zh: await bundle('web/src/i18n/bundle-zh.js') };
const uplot = await bundle('web/src/insights/uplot-global.js');
const sample = await readFile(path.join(root, 'web', 'sample', 'sample-dataset.json'), 'utf8');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const banner = '// Generated by scripts/build-site.mjs; do not edit.\n';
await writeFile(path.join(out, 'worker-src.js'), `${banner}self.SHOPSCORE_WORKER_SOURCE = ${JSON.stringify(workerSource)};\n`);
await writeFile(path.join(out, 'sample.js'), `${banner}self.SHOPSCORE_SAMPLE_JSON = ${JSON.stringify(sample)};\n`);
await writeFile(path.join(out, 'app.js'), banner + app);
for (const [l, text] of Object.entries(langs)) await writeFile(path.join(out, `lang-${l}.js`), banner + text);
await writeFile(path.join(out, 'uplot.js'), banner + uplot);
await copyFile(path.join(root, 'web', 'index.html'), path.join(out, 'index.html'));
// One stylesheet (the CSP allows 'self' styles only): the page's, uPlot's (the bundled chart
// library), the insight panels' and the history panel's, minified by esbuild (same browser targets).
const css = (await Promise.all([
  path.join(root, 'web', 'styles.css'),
  path.join(root, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'),
  path.join(root, 'web', 'src', 'insights', 'insights.css'),
  path.join(root, 'web', 'src', 'history', 'history.css'),
].map((f) => readFile(f, 'utf8')))).join('\n');
await writeFile(path.join(out, 'styles.css'), (await transform(css, { loader: 'css', minify: true, target, charset: 'utf8' })).code);
await copyFile(path.join(root, 'web', 'manifest.webmanifest'), path.join(out, 'manifest.webmanifest'));
await copyFile(path.join(root, 'web', 'icon.svg'), path.join(out, 'icon.svg'));
// The bundles are minified without their libraries' comments: the licenses go beside them.
await copyFile(path.join(root, 'web', 'THIRD_PARTY_NOTICES.txt'), path.join(out, 'THIRD_PARTY_NOTICES.txt'));
// The service worker's cache is named after a hash of the site's files: a new build replaces it.
const hash = createHash('sha256');
for (const f of ['index.html', 'styles.css', 'app.js', 'lang-en.js', 'lang-zh.js', 'uplot.js', 'worker-src.js', 'sample.js', 'manifest.webmanifest', 'icon.svg']) {
  hash.update(await readFile(path.join(out, f)));
}
const sw = (await readFile(path.join(root, 'web', 'sw.js'), 'utf8')).replace('__SHOPSCORE_VERSION__', hash.digest('hex').slice(0, 16));
await writeFile(path.join(out, 'sw.js'), sw);
console.log(`build-site: wrote ${path.relative(process.cwd(), out) || out} (module ${path.relative(root, modulePath)})`);

// Sizes: what a static host sends gzipped, split by when the page downloads each file
// (scripts/site-size.mjs says what is counted).
console.log(sizeReport(out));
