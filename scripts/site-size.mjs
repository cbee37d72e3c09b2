// The built site's size, gzipped (zlib level 9, as a static host sends it), split by when the
// page downloads each file (docs/performance.md "Site size"; docs/web.md "On demand"). Used by
// scripts/build-site.mjs and bench/run.mjs, so both print the same totals.
//
// "A visit" counts what the page loads before it can score: index.html, styles.css, app.js,
// worker-src.js, sw.js, manifest.webmanifest and icon.svg (the last three over http(s) only), and
// one language: the larger of lang-en.js and lang-zh.js (a visit gets the seller's). On demand:
// the other language (when the seller switches), uplot.js (when the first trend chart is drawn),
// sample.js (when the seller asks for the sample), THIRD_PARTY_NOTICES.txt (a link in the
// footer). Over http(s) the service worker also saves the other language and uplot.js after the
// page has loaded, for offline use ("once the service worker has saved...").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const PAGE_FILES = ['index.html', 'styles.css', 'app.js', 'worker-src.js', 'sw.js', 'manifest.webmanifest',
  'icon.svg'];
export const LANG_FILES = ['lang-en.js', 'lang-zh.js'];
export const CHART_FILE = 'uplot.js';
export const SAMPLE_FILE = 'sample.js';
export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';

export function siteSize(dir) {
  const files = {};
  for (const f of [...PAGE_FILES, ...LANG_FILES, CHART_FILE, SAMPLE_FILE, NOTICES_FILE]) {
    const bytes = readFileSync(path.join(dir, f));
    files[f] = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  }
  const [bigLang, otherLang] = [...LANG_FILES].sort((a, b) => files[b].gz - files[a].gz);
  const sum = (list, k) => list.reduce((s, f) => s + files[f][k], 0);
  const visit = [...PAGE_FILES, bigLang];
  return {
    files,
    visitLang: bigLang,
    otherLang,
    visit: { gz: sum(visit, 'gz'), raw: sum(visit, 'raw') },
    // what an http(s) visit downloads once the service worker has saved the site for offline use
    withServiceWorker: { gz: sum([...visit, otherLang, CHART_FILE], 'gz') },
    all: { gz: sum(Object.keys(files), 'gz'), raw: sum(Object.keys(files), 'raw') },
  };
}

const kib = (n) => (n / 1024).toFixed(1);

// The lines build-site prints.
export function sizeReport(dir) {
  const s = siteSize(dir);
  const rows = Object.entries(s.files).map(([f, v]) =>
    `  ${f.padEnd(22)} ${String(v.raw).padStart(9)} B  ${String(v.gz).padStart(8)} B gzipped` +
    ([s.otherLang, CHART_FILE, SAMPLE_FILE, NOTICES_FILE].includes(f) ? '  (on demand)' : ''));
  return rows.join('\n') + '\n' +
    `build-site: site ${kib(s.visit.gz)} KiB gzipped (${kib(s.visit.raw)} KiB raw) a visit downloads (the page with ${s.visitLang}, ` +
    `the larger language) without the on-demand ${s.otherLang}, ${CHART_FILE} (first chart), sample and notices; ` +
    `${kib(s.withServiceWorker.gz)} KiB once the service worker has saved the other language and the chart for offline use; ` +
    `${kib(s.all.gz)} KiB gzipped every file`;
}
