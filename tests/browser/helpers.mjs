// Shared setup for the browser tests: builds the site into a temporary folder, launches
// Debian's Chromium through playwright-core, watches every request, and scores data through
// the native CLI and the WASM module under node to get the expected values.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { writeFixtures } from './fixtures.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MODULE = process.env.SHOPSCORE_WASM_JS || path.join(ROOT, 'build', 'wasm', 'wasm', 'shopscore.js');
export const CLI = process.env.SHOPSCORE_CLI || path.join(ROOT, 'build', 'native', 'cli', 'shopscore');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SAMPLE = path.join(ROOT, 'web', 'sample', 'sample-dataset.json');

const temps = [];
export function tempDir(name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `shopscore-${name}-`));
  temps.push(dir);
  return dir;
}

export function removeTempDirs() {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// Builds the site with the real module into a fresh folder; or, when SHOPSCORE_TEST_SITE names a
// site already built from that module (scripts/test.sh: build/site, just built by
// scripts/build.sh), opens that one: every test file built its own (xz -9e of the module each
// time, ~2.5 s a file), and no test writes into the site.
export function buildSite() {
  const shared = process.env.SHOPSCORE_TEST_SITE;
  if (shared) {
    if (!existsSync(path.join(shared, 'index.html'))) throw new Error(`SHOPSCORE_TEST_SITE: no site in ${shared}`);
    return { dir: shared, indexUrl: pathToFileURL(path.join(shared, 'index.html')).href };
  }
  if (!existsSync(MODULE)) {
    throw new Error(`the WASM module ${MODULE} is missing: build it (cmake --preset wasm && cmake --build --preset wasm)`);
  }
  const out = path.join(tempDir('site'), 'site');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-site.mjs'), MODULE, '--out', out], { stdio: 'pipe' });
  return { dir: out, indexUrl: pathToFileURL(path.join(out, 'index.html')).href };
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'],
  });
}

// A context whose every request (page, worker, blob) is recorded, and whose pages fail the
// test on an uncaught error or an alert() (the XSS check).
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (page) => watchPage(page, problems));
  return { context, requests, problems };
}

function watchPage(page, problems) {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
}

export async function openPage(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return page;
}

// Chooses a language in the menu and waits until the page has switched: the other language's
// texts are a script loaded on demand (web/src/on-demand.js), so the switch is not immediate.
export async function chooseLang(page, l) {
  await page.selectOption('#lang-select', l);
  await page.waitForFunction((want) => document.documentElement.lang === want, l === 'zh' ? 'zh-CN' : 'en');
}

// Waits for a new result render (the result area's sequence number changes and a score shows).
export async function waitForResult(page, previousSeq) {
  await page.waitForFunction((prev) => {
    const body = document.querySelector('#result-body');
    return body && body.dataset.seq !== String(prev) && (document.querySelector('#sps-display') || document.querySelector('#result-error'));
  }, previousSeq ?? -1, { timeout: 30000 });
}

export async function resultSeq(page) {
  return page.$eval('#result-body', (el) => el.dataset.seq);
}

// Every request must be the page's own files (file:// or the test server) or a blob: URL.
export function foreignRequests(requests, allowedPrefix) {
  return requests.filter((u) => !u.startsWith('blob:') && !u.startsWith(allowedPrefix));
}

// ---- expected values, computed by the core ----

// Without the CLI the comparisons with it are skipped, loudly; where the CLI must be there
// (scripts/test.sh sets SHOPSCORE_REQUIRE_CLI=1, and CI sets CI) its absence fails the run.
let warnedNoCli = false;
export function cliAvailable() {
  if (existsSync(CLI)) return true;
  const why = `${CLI} is absent, so the page-versus-CLI comparisons cannot run`;
  if (process.env.SHOPSCORE_REQUIRE_CLI || process.env.CI) throw new Error(`${why} (SHOPSCORE_REQUIRE_CLI/CI is set)`);
  if (!warnedNoCli) console.error(`WARNING: ${why}; they are SKIPPED. Build it: cmake --build --preset native`);
  warnedNoCli = true;
  return false;
}

export function cliScore(args) {
  const r = spawnSync(CLI, ['score', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`shopscore score ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

let modulePromise = null;
export function nodeModule() {
  if (!modulePromise) {
    const require = createRequire(import.meta.url);
    modulePromise = require(MODULE)();
  }
  return modulePromise;
}

export async function moduleScore(datasetJson, options = {}) {
  const m = await nodeModule();
  return JSON.parse(m.score(datasetJson, JSON.stringify(options)));
}

export function readSample() {
  return readFileSync(SAMPLE, 'utf8');
}

// The page shows the unrounded SPS with four decimals in the page's locale.
export function fourDecimals(x, locale = 'en-US') {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(x);
}

// ---- shared page actions ----

// Presses "Try the sample shop" and waits for its result.
export async function loadSample(page) {
  const seq = await resultSeq(page);
  await page.click('#load-sample');
  await waitForResult(page, seq);
}

// Gives the page files (paths) and waits until every one is read (or failed) and the progress
// bar is gone; returns the result sequence number from before, for waitForResult.
export async function addFiles(page, paths) {
  const seq = await resultSeq(page);
  await page.setInputFiles('#file-input', paths);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('#file-list > li')];
    return rows.length >= n && rows.every((li) => ['ok', 'error', 'cancelled'].includes(li.dataset.status)) &&
      document.querySelector('#progress').hidden;
  }, paths.length, { timeout: 60000 });
  return seq;
}

// Opens the page at `url`, gives it one file and answers the result JSON (its download) or the
// file's error, and <body>'s data attributes once the file was read (how it was read).
export async function readFileInPage(context, url, file) {
  const page = await openPage(context, url);
  const seq = await addFiles(page, [file]);
  const body = await page.evaluate(() => ({ ...document.body.dataset }));
  let json = null;
  let error = null;
  const row = await page.$('#file-list > li');
  if ((await row.getAttribute('data-status')) === 'error') {
    error = await row.textContent();
  } else {
    await waitForResult(page, seq);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    json = readFileSync(await download.path(), 'utf8');
  }
  await page.close();
  return { json, error, body };
}

// Types values into quick mode (fieldId suffix -> text), waiting for each answer.
export async function typeQuick(page, values) {
  if (!(await page.locator('#tab-quick[aria-selected="true"]').count())) await page.click('#tab-quick');
  for (const [id, v] of Object.entries(values)) {
    if (/-(numerator|denominator)$/.test(id)) {
      const details = page.locator(`fieldset[data-metric="${id.split('-')[0]}"] details.quick-counts`);
      if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    }
    const seq = await resultSeq(page);
    await page.fill('#quick-' + id, String(v));
    await waitForResult(page, seq);
  }
}

// The shared before/after of a browser test file: the site built once, one Chromium, the export
// fixtures when asked for; everything closed and removed after. Read its fields inside tests.
export function useSite({ fixtures = false } = {}) {
  const suite = { site: null, browser: null, fx: null, fxDir: null };
  before(async () => {
    suite.site = buildSite();
    suite.browser = await launch();
    if (fixtures) {
      suite.fxDir = tempDir('fixtures');
      suite.fx = writeFixtures(ROOT, suite.fxDir);
    }
  });
  after(async () => {
    if (suite.browser) await suite.browser.close();
    removeTempDirs();
  });
  return suite;
}
