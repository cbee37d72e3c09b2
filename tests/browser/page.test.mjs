// Browser tests of the calculator page: Debian's Chromium driven by playwright-core.
// Expected scores always come from the core (the native CLI, or the WASM module under node),
// never from numbers written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT, SAMPLE, CLI, newContext, openPage, chooseLang, waitForResult, resultSeq, foreignRequests, loadSample, addFiles, typeQuick,
  cliAvailable, cliScore, moduleScore, nodeModule, readSample, fourDecimals, tempDir, useSite,
} from './helpers.mjs';
import { writeBigOrders, XSS_NAME } from './fixtures.mjs';
import { startStaticServer } from './static-server.mjs';
import zh from '../../web/src/i18n/zh.js';
import en from '../../web/src/i18n/en.js';

const suite = useSite({ fixtures: true });

const EXPORTS = ['orders.csv', 'returns.csv', 'reviews.tsv', 'chats.xlsx', 'exclusions.csv'];

// Gives the page fixture exports by name (or files by path): helpers.mjs addFiles.
const addExports = (page, names) => addFiles(page, names.map((n) => suite.fx.files[n] || n));

// The expected result for the export fixtures: the module's Ingest reading the raw bytes
// (encoding detected by the core, not by the page).
async function moduleScoreExports(names) {
  const m = await nodeModule();
  const ing = new m.Ingest('');
  try {
    for (const name of names) {
      const bytes = readFileSync(suite.fx.files[name]);
      if (name.endsWith('.xlsx')) continue; // XLSX needs unzipping: covered by the CLI comparison
      ing.begin('auto', name, 'text', false);
      for (let off = 0; off < bytes.length; off += 1 << 20) {
        const chunk = bytes.subarray(off, off + (1 << 20));
        const ptr = ing.reserve(chunk.length);
        m.HEAPU8.set(chunk, ptr);
        ing.commit(chunk.length);
      }
      ing.end();
    }
    return JSON.parse(ing.score('{}'));
  } finally {
    ing.delete();
  }
}

test('file://: the sample scores like the core, with no request beyond the page itself', async () => {
  const { context, requests, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  const expected = await moduleScore(readSample());
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(expected.sps).replace('.', '\\.')));
  assert.equal(await page.getAttribute('#status [data-status]', 'data-status'), expected.status);
  assert.equal(await page.locator('.dim').count(), 3);
  assert.equal(await page.locator('tr[data-metric]').count(), 6);
  assert.equal(await page.locator('li.tier').count(), 3);
  for (const b of expected.benefits) {
    const state = b.eligible === true ? 'yes' : b.eligible === false ? 'no' : 'unknown';
    assert.equal(await page.getAttribute(`[data-benefit="${b.id}"]`, 'data-eligible'), state, b.id);
  }
  const siteUrl = pathToFileURL(suite.site.dir).href + '/';
  assert.deepEqual(foreignRequests(requests, siteUrl), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the sample SPS equals the CLI\'s on the same data', { skip: !cliAvailable() && 'build/native/cli/shopscore is absent: build the native CLI to run this check' }, async () => {
  const { context } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  const cli = cliScore([SAMPLE]);
  assert.equal(await page.textContent('#sps-display'), cli.sps_display);
  assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(cli.sps).replace('.', '\\.')));
  await context.close();
});

test('served by a static server: only the page\'s own files are requested, nothing after load', async () => {
  const server = await startStaticServer(suite.site.dir);
  try {
    const { context, requests, problems } = await newContext(suite.browser, { locale: 'en-US' });
    const page = await openPage(context, server.url);
    // Served over http: the service worker caches the site's own files once, after load.
    // (registered first: `ready` would wait forever without a service worker)
    await page.waitForSelector('body[data-offline="registered"]');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const afterLoad = requests.length;
    assert.ok(!server.requests.some((u) => u.endsWith('sample.js')), 'nor cached ahead by the service worker');
    await loadSample(page);
    // The sample is fetched only when asked for (by the page, and by the service worker that
    // caches it then); its result draws the first chart, whose library the page then asks for
    // (the service worker answers it from the files it saved at install).
    assert.deepEqual([...new Set(requests.slice(afterLoad).filter((u) => !u.startsWith('blob:')))], [server.url + 'sample.js', server.url + 'uplot.js']);
    assert.equal(server.requests.filter((u) => u.endsWith('uplot.js')).length, 1, 'uplot.js from the server once (the service worker\'s install)');
    const afterSample = requests.length;
    await page.click('#tab-quick');
    await page.fill('#quick-nrr-value', '0.5');
    await page.waitForSelector('#result-body[data-source="quick"] #sps-display');
    assert.deepEqual(foreignRequests(requests, server.url), []);
    assert.deepEqual(requests.slice(afterSample).filter((u) => !u.startsWith('blob:')), []);
    const files = new Set(server.requests.map((u) => u.replace(/\?.*/, '')));
    for (const f of files) {
      assert.ok(['/', '/index.html', '/styles.css', '/app.js', '/lang-en.js', '/lang-zh.js', '/uplot.js', '/worker-src.js', '/sample.js', '/sw.js', '/manifest.webmanifest', '/icon.svg'].includes(f), f);
    }
    // Saved for offline use: both languages and the chart library (the page asked for English only).
    for (const f of ['/lang-en.js', '/lang-zh.js', '/uplot.js']) assert.ok(files.has(f), f);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('on demand: a visit loads the seller\'s language only, the other when they switch, the chart library with the first chart', async () => {
  const { context, requests, problems } = await newContext(suite.browser, { locale: 'zh-CN' });
  const page = await openPage(context, suite.site.indexUrl);
  const asked = (f) => requests.some((u) => u.endsWith('/' + f));
  assert.ok(asked('lang-zh.js') && !asked('lang-en.js') && !asked('uplot.js'), requests.join(' '));
  assert.equal(await page.textContent('#load-sample'), zh['input.sample']);
  // Quick mode has no trend to draw: still no chart library.
  await page.click('#tab-quick');
  await page.fill('#quick-nrr-value', '0.5');
  await page.waitForSelector('#result-body[data-source="quick"] #sps-display');
  assert.ok(!asked('uplot.js') && (await page.locator('#insight-chart').count()) === 0);
  await chooseLang(page, 'en');
  assert.ok(asked('lang-en.js'));
  assert.equal(await page.textContent('#load-sample'), en['input.sample']);
  assert.equal(await page.textContent('#tab-quick'), en['tab.quick']);
  await loadSample(page);
  await page.waitForSelector('#insight-chart[data-thresholds] canvas');
  assert.ok(asked('uplot.js'));
  // Back to Chinese: already in the page, so the switch loads nothing more.
  const before = requests.length;
  await chooseLang(page, 'zh');
  assert.equal(await page.textContent('#load-sample'), zh['input.sample']);
  assert.deepEqual(requests.slice(before).filter((u) => /lang-|uplot/.test(u)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('exports: each recognised with rows and encoding; score equals the core; names shown as text', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const seq = await addExports(page, EXPORTS);
  await waitForResult(page, seq);
  const expectKind = { 'orders.csv': 'orders', 'returns.csv': 'returns', 'reviews.tsv': 'reviews', 'chats.xlsx': 'chats', 'exclusions.csv': 'exclusions' };
  const expectEnc = { 'orders.csv': 'utf-8', 'returns.csv': 'gb18030', 'reviews.tsv': 'utf-8-bom', 'chats.xlsx': 'xlsx', 'exclusions.csv': 'utf-8' };
  const expectRows = { 'orders.csv': suite.fx.counts.orders, 'returns.csv': suite.fx.counts.returns, 'reviews.tsv': suite.fx.counts.reviews, 'chats.xlsx': suite.fx.counts.chats, 'exclusions.csv': suite.fx.counts.exclusions };
  for (const name of EXPORTS) {
    const row = page.locator(`#file-list > li[data-file="${name}"]`);
    assert.equal(await row.getAttribute('data-status'), 'ok', `${name}: ${await row.textContent()}`);
    assert.equal(await row.locator('.file-kind').getAttribute('data-kind'), expectKind[name], name);
    assert.equal(await row.locator('.file-enc').getAttribute('data-encoding'), expectEnc[name], name);
    assert.equal(await row.locator('.file-rows').textContent(), `${expectRows[name].toLocaleString('en-US')} rows`, name);
  }
  // Without the XLSX (the module under node gets raw bytes), the page and the core agree.
  const textOnly = EXPORTS.filter((n) => !n.endsWith('.xlsx'));
  if (cliAvailable()) {
    const cli = cliScore(['--orders', suite.fx.files['orders.csv'], '--returns', suite.fx.files['returns.csv'], '--reviews', suite.fx.files['reviews.tsv'],
      '--chats', suite.fx.files['chats.xlsx'], '--exclusions', suite.fx.files['exclusions.csv']]);
    assert.equal(await page.textContent('#sps-display'), cli.sps_display);
    assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(cli.sps).replace('.', '\\.')));
  }
  // The product name with markup is shown as text in the preview, never parsed.
  await page.click('#file-list > li[data-file="orders.csv"] .preview summary');
  const cells = await page.locator('#file-list > li[data-file="orders.csv"] .preview td').allTextContents();
  assert.ok(cells.includes(XSS_NAME), 'the product name is shown verbatim');
  assert.equal(await page.locator('img').count(), 0);
  assert.deepEqual(problems, []);

  // Same files without the XLSX, against the module reading the raw bytes itself.
  const page2 = await openPage(context, suite.site.indexUrl);
  const seq2 = await addExports(page2, textOnly);
  await waitForResult(page2, seq2);
  // Without the chats export imd and aht are missing: the SPS is the core's range, not a point.
  const expected = await moduleScoreExports(textOnly);
  assert.equal(expected.sps, null, 'premise: chats missing');
  assert.equal(await page2.getAttribute('#sps-range', 'data-low'), String(expected.sps_range.low));
  assert.equal(await page2.getAttribute('#sps-range', 'data-high'), String(expected.sps_range.high));
  await context.close();
});

test('a bad file shows the core\'s FILE:ROW:COLUMN message next to it; the rest keeps working', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const seq = await addExports(page, ['bad-orders.csv', 'reviews.tsv']);
  const bad = page.locator('#file-list > li[data-file="bad-orders.csv"]');
  assert.equal(await bad.getAttribute('data-status'), 'error');
  // Worded from the core's code and parameters (file, row, column, got) for the seller; the
  // core's own one-line message is kept under "Details for support".
  const message = await bad.locator('.error-text > span').first().textContent();
  assert.match(message, /^bad-orders\.csv · row \d+, column “[^”]+”: This date cannot be read\. Found: “[^”]+”\.$/);
  const line = await bad.locator('.error-details code').textContent();
  assert.match(line, /^bad-orders\.csv:\d+:[^:]+: \S/);
  if (cliAvailable()) {
    // The same one-line message as the CLI's (run on the file by the same name).
    const r = spawnSync(CLI, ['score', '--orders', 'bad-orders.csv'], { cwd: suite.fxDir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(line, r.stderr.trim());
  }
  assert.equal(await page.getAttribute('#file-list > li[data-file="reviews.tsv"]', 'data-status'), 'ok');
  await waitForResult(page, seq);
  await loadSample(page);
  assert.equal(await page.textContent('#sps-display'), (await moduleScore(readSample())).sps_display);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pasted text and a dataset JSON file are read like any export', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const expected = await moduleScore(readSample());
  // A dataset JSON file.
  let seq = await addExports(page, [SAMPLE]);
  await waitForResult(page, seq);
  assert.equal(await page.getAttribute('#file-list > li[data-file="sample-dataset.json"]', 'data-status'), 'ok');
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(expected.sps).replace('.', '\\.')));
  await page.click('#file-list > li[data-file="sample-dataset.json"] button');
  await page.waitForSelector('#result-body[data-source="none"]');
  // The same data pasted as text, then a pasted CSV (reviews) added to it.
  await page.click('#tab-paste');
  await page.fill('#paste-text', readSample());
  await page.fill('#paste-name', 'pasted.json');
  seq = await resultSeq(page);
  await page.click('#paste-add');
  await waitForResult(page, seq);
  assert.equal(await page.getAttribute('#file-list > li[data-file="pasted.json"]', 'data-status'), 'ok');
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  assert.deepEqual(problems, []);
  await context.close();
});

test('files dropped on the drop zone are read (several at once)', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const seq = await resultSeq(page);
  const files = ['orders.csv', 'reviews.tsv'].map((n) => ({ name: n, data: readFileSync(suite.fx.files[n]).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    document.querySelector('#dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await waitForResult(page, seq);
  assert.deepEqual(await page.locator('#file-list > li').evaluateAll((els) => els.map((e) => [e.dataset.file, e.dataset.status])),
    [['orders.csv', 'ok'], ['reviews.tsv', 'ok']]);
  assert.deepEqual(problems, []);
  await context.close();
});

// The export variants of tests/data/exports (UTF-8 BOM/CRLF, GB18030 Chinese, TSV, semicolon
// day-first, LibreOffice XLSX), with the shop facts of shop.json typed into the form, against the
// CLI on the same files with --shop.
const VARIANTS = path.join(ROOT, 'tests', 'data', 'exports');
test('the export fixtures of every variant score like the CLI, shop facts typed in', { skip: !cliAvailable() && 'build/native/cli/shopscore is absent: build the native CLI to run this check' }, async () => {
  const shop = JSON.parse(readFileSync(path.join(VARIANTS, 'shop.json'), 'utf8'));
  // malformed/ holds files that must fail (tests/unit/ingest/test_ingest_malformed.cpp), not an export variant.
  // A set with options.json needs a stated date order (the page's question, not typed here).
  const variants = readdirSync(VARIANTS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'malformed' && !existsSync(path.join(VARIANTS, e.name, 'options.json')))
    .map((e) => e.name);
  assert.ok(variants.length >= 5, 'the export fixtures are there');
  for (const variant of variants) {
    const dir = path.join(VARIANTS, variant);
    // Export files only: a set's own shop.json and expected.json are for the CLI/WASM tests.
    const files = readdirSync(dir).filter((f) => /^(orders|returns|reviews|chats|exclusions)\./.test(f)).sort();
    const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
    const page = await openPage(context, suite.site.indexUrl);
    await page.click('#shop-facts summary');
    await page.fill('#shop-as_of', shop.as_of);
    await page.fill('#shop-opened', shop.opened);
    await page.fill('#shop-utc_offset', shop.utc_offset);
    await page.fill('#shop-category', shop.category);
    await page.fill('#shop-reputation_points', String(shop.reputation_points));
    await page.selectOption('#shop-has_logo', String(shop.has_logo));
    await page.fill('#shop-products_for_sale', String(shop.products_for_sale));
    await page.fill('#shop-violations_30d', String(shop.violations_30d));
    const seq = await addExports(page, files.map((f) => path.join(dir, f)));
    await waitForResult(page, seq);
    const statuses = await page.locator('#file-list > li').evaluateAll((els) => els.map((e) => `${e.dataset.file}:${e.dataset.status}`));
    assert.deepEqual(statuses, files.map((f) => `${f}:ok`), variant);
    const args = ['--shop', path.join(VARIANTS, 'shop.json')];
    for (const f of files) args.push('--' + f.replace(/\..*$/, ''), path.join(dir, f));
    const cli = cliScore(args);
    if (cli.sps == null) {
      // A set without some export (e.g. no chats): the core's range, shown as such.
      assert.equal(await page.getAttribute('#sps-range', 'data-low'), String(cli.sps_range.low), variant);
      assert.equal(await page.getAttribute('#sps-range', 'data-high'), String(cli.sps_range.high), variant);
    } else {
      assert.equal(await page.textContent('#sps-display'), cli.sps_display, variant);
      assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(cli.sps).replace('.', '\\.')), variant);
    }
    for (const b of cli.benefits) {
      const state = b.eligible === true ? 'yes' : b.eligible === false ? 'no' : 'unknown';
      assert.equal(await page.getAttribute(`[data-benefit="${b.id}"]`, 'data-eligible'), state, `${variant} ${b.id}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// Quick mode always has the delivered-order count; left empty, the shop is taken as past the
// gate (30 or more).
async function quick(page, values, asOf = '2026-11-20') {
  await page.click('#tab-quick');
  if ((await page.locator('#shop-facts').getAttribute('open')) === null) await page.click('#shop-facts summary');
  await page.fill('#shop-as_of', asOf);
  await typeQuick(page, values);
}

// The dataset the page should build from quick-mode values (docs/rules.md §11 direct input).
function quickDataset(v, asOf = '2026-11-20') {
  const shop = { as_of: asOf };
  if (v.shop_age_days != null) shop.opened = new Date(Date.parse(asOf + 'T00:00:00Z') - v.shop_age_days * 86400000).toISOString().slice(0, 10);
  // As typed; else taken as scored: 31 (so that small-shop protection, for at most 30 orders,
  // is not applied on a guess) or the larger delivered-order count typed for nrr/nbfr.
  if (v.delivered_orders_90d != null) shop.delivered_orders_90d = v.delivered_orders_90d;
  else shop.delivered_orders_90d = Math.max(31, Number(v['nrr-denominator'] ?? 0), Number(v['nbfr-denominator'] ?? 0));
  const metrics = {};
  for (const m of ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht']) {
    if (v[`${m}-value`] == null) continue;
    metrics[m] = { value: m === 'aht' ? Number(v[`${m}-value`]) : Number(v[`${m}-value`]) / 100 };
    if (v[`${m}-numerator`] != null && v[`${m}-denominator`] != null) {
      metrics[m].numerator = Number(v[`${m}-numerator`]);
      metrics[m].denominator = Number(v[`${m}-denominator`]);
    }
  }
  return JSON.stringify({ schema: 'shopscore.dataset/1', shop, metrics });
}

// "I had none" typed in quick mode for each metric given (value 0 of 0: no data, docs/scoring.md
// "Missing, typed and no data"): a metric left empty is missing and makes the SPS a range.
function noneTyped(ids) {
  const v = {};
  for (const m of ids) Object.assign(v, { [`${m}-value`]: 0, [`${m}-numerator`]: 0, [`${m}-denominator`]: 0 });
  return v;
}

test('quick mode: the score updates as values are typed and equals the core', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const values = {
    shop_age_days: 400, delivered_orders_90d: 812,
    'nrr-value': 0.81, 'nrr-numerator': 6, 'nrr-denominator': 740,
    'otdr-value': 96, 'otdr-numerator': 720, 'otdr-denominator': 750,
    'aht-value': 30.5, 'nbfr-value': 0.4, 'sfcr-value': 1.2, 'imd-value': 8,
  };
  // One metric typed: the others are missing, so the core gives a range and no point score;
  // the headline shows that range (docs/scoring.md "Missing, typed and no data").
  await quick(page, { shop_age_days: 400, delivered_orders_90d: 812, 'nrr-value': 0.81 });
  const first = await moduleScore(quickDataset({ shop_age_days: 400, delivered_orders_90d: 812, 'nrr-value': 0.81 }));
  assert.equal(first.sps_display, null, 'five metrics missing: no point score (test premise)');
  assert.ok(first.sps_range.high > first.sps_range.low, 'a range (test premise)');
  assert.equal(await page.getAttribute('#sps-display', 'data-range'), 'true');
  assert.equal(Number(await page.getAttribute('#sps-range', 'data-low')), first.sps_range.low);
  assert.equal(Number(await page.getAttribute('#sps-range', 'data-high')), first.sps_range.high);
  assert.match(await page.textContent('#sps-display'), /^\d\.\d–\d\.\d$/);
  // All six typed: a point score, the core's.
  await quick(page, values);
  const expected = await moduleScore(quickDataset(values));
  assert.notEqual(expected.sps_display, null, 'every metric typed: a point score (test premise)');
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(expected.sps).replace('.', '\\.')));
  assert.equal(await page.getAttribute('#status [data-status]', 'data-status'), expected.status);
  assert.deepEqual(problems, []);
  await context.close();
});

test('protection and no-data badges follow the core', async () => {
  const { context } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  // Every metric typed (aht as "I had none"): an untyped one would be missing, not no data.
  const values = { shop_age_days: 60, delivered_orders_90d: 40, 'nrr-value': 10, 'nrr-numerator': 2, 'nrr-denominator': 20, 'otdr-value': 99,
    'nbfr-value': 0.1, 'sfcr-value': 1, 'imd-value': 90, ...noneTyped(['aht']) };
  await quick(page, values);
  const expected = await moduleScore(quickDataset(values));
  assert.equal(expected.metrics.nrr.protected, true, 'the core protects this nrr (test premise)');
  assert.equal(expected.metrics.aht.no_data, true, 'aht has no data (test premise)');
  for (const [id, m] of Object.entries(expected.metrics)) {
    const row = page.locator(`tr[data-metric="${id}"]`);
    assert.equal(await row.locator('[data-badge="protected"]').count(), m.protected ? 1 : 0, id);
    assert.equal(await row.locator('[data-badge="no-data"]').count(), m.no_data ? 1 : 0, id);
  }
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  await context.close();
});

test('benefits at the edge: 3.46 shows "3.5" but the 3.5 benefits are not granted', async () => {
  const m = await nodeModule();
  const imd = JSON.parse(m.defaultProfile()).benchmarks.imd;
  // Only imd has data (every other metric typed as "I had none"), so the SPS is the imd score:
  // 4 - 3*(v-good)/(poor-good) = 3.46.
  const v = imd.good + ((4 - 3.46) / 3) * (imd.poor - imd.good);
  const values = { shop_age_days: 400, delivered_orders_90d: 100, ...noneTyped(['nrr', 'nbfr', 'otdr', 'sfcr', 'aht']), 'imd-value': (v * 100).toFixed(6) };
  const expected = await moduleScore(quickDataset(values));
  assert.ok(expected.sps >= 3.45 && expected.sps < 3.5, `premise: sps ${expected.sps}`);
  assert.equal(expected.status, 'scored');
  const { context } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await quick(page, values);
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  assert.equal(expected.sps_display, '3.5');
  for (const b of expected.benefits) {
    const state = b.eligible === true ? 'yes' : b.eligible === false ? 'no' : 'unknown';
    assert.equal(await page.getAttribute(`[data-benefit="${b.id}"]`, 'data-eligible'), state, b.id);
  }
  assert.equal(await page.getAttribute('[data-benefit="affiliate"]', 'data-eligible'), 'no');
  assert.equal(await page.getAttribute('[data-benefit="flash_deals"]', 'data-eligible'), 'yes');
  assert.equal(await page.locator('li.tier[data-tier="3.5"].reached').count(), 0);
  assert.equal(await page.locator('li.tier[data-tier="2.5"].reached').count(), 1);
  await context.close();
});

test('language: browser default, switch at any time, remembered; locale formats', async () => {
  const { context } = await newContext(suite.browser, { locale: 'zh-CN' });
  const page = await openPage(context, suite.site.indexUrl);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('#load-sample'), zh['input.sample']);
  await loadSample(page);
  assert.equal(await page.textContent('[data-benefit="flash_deals"] .benefit-name'), zh['benefit.flash_deals']);
  assert.match(await page.textContent('.status-box'), /2026年11月20日/);
  await chooseLang(page, 'en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#load-sample'), en['input.sample']);
  assert.equal(await page.textContent('[data-benefit="flash_deals"] .benefit-name'), en['benefit.flash_deals']);
  assert.match(await page.textContent('.status-box'), /Nov 20, 2026/);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('#lang-select'), 'en');
  await context.close();
});

test('profile: edits rescore without re-reading files; saved, loaded and remembered', async () => {
  const { context } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const m = await nodeModule();
  const builtin = JSON.parse(m.defaultProfile());

  // On the sample: the edited profile gives the core's result for that profile.
  await loadSample(page);
  await page.click('#profile-details summary');
  let seq = await resultSeq(page);
  await page.fill('#pf-weights-fulfillment', '90'); // dimension weights are typed in percent
  await waitForResult(page, seq);
  const edited = { ...builtin, id: 'custom', name: { en: 'My profile', zh: '我的配置' }, weights: { ...builtin.weights, fulfillment: 0.9 } };
  const expected = await moduleScore(readSample(), { profile: edited });
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(expected.sps).replace('.', '\\.')));
  assert.equal(await page.locator('.field:has(#pf-weights-fulfillment) .badge-est').isHidden(), true, 'an edited number is no longer marked as an estimate');
  assert.equal(await page.locator('.field:has(#pf-benchmarks-nbfr-good) .badge-est').isVisible(), true, 'built-in estimates are marked');

  // With files: a profile change rescored the session, no second read. (Every export, so no
  // metric is missing and the SPS is a point, not a range.)
  seq = await addExports(page, EXPORTS);
  await waitForResult(page, seq);
  const ingests = await page.getAttribute('body', 'data-ingests');
  const before = await page.textContent('#sps-raw');
  seq = await resultSeq(page);
  await page.fill('#pf-benchmarks-nrr-good', '0.2');
  await waitForResult(page, seq);
  assert.notEqual(await page.textContent('#sps-raw'), before);
  assert.equal(await page.getAttribute('body', 'data-ingests'), ingests);

  // Save to a JSON file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#profile-save')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.weights.fulfillment, 0.9);
  assert.equal(saved.benchmarks.nrr.good, 0.002);

  // Remembered after a reload.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#pf-weights-fulfillment'), '90');

  // Load from a file.
  const file = path.join(tempDir('profile'), 'mine.profile.json');
  writeFileSync(file, JSON.stringify({ id: 'home', name: { en: 'Home' }, benchmarks: { aht: { good: 12, poor: 40 } } }));
  await loadSample(page);
  seq = await resultSeq(page);
  await page.setInputFiles('#profile-file', file);
  await waitForResult(page, seq);
  assert.equal(await page.inputValue('#pf-benchmarks-aht-good'), '12');
  const loaded = { ...builtin, id: 'home', name: { ...builtin.name, en: 'Home' }, benchmarks: { ...builtin.benchmarks, aht: { good: 12, poor: 40 } } };
  assert.equal(await page.textContent('#sps-display'), (await moduleScore(readSample(), { profile: loaded })).sps_display);
  await context.close();
});

test('a large file shows bytes read, the page stays responsive, and cancel stops the work', async () => {
  const big = writeBigOrders(tempDir('big'), 80 * 1024 * 1024);
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await page.setInputFiles('#file-input', big);
  await page.waitForSelector('#progress:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#progress-bar').value > 0, null, { timeout: 30000 });
  assert.match(await page.textContent('#progress-label'), /Read .+ of 80(\.0)? MB/);
  const t0 = Date.now();
  await page.evaluate(() => document.querySelector('#load-sample').textContent);
  assert.ok(Date.now() - t0 < 1000, 'the page answers while the worker reads');
  await page.click('#cancel');
  await page.waitForSelector('#file-list > li[data-status="cancelled"]');
  assert.equal(await page.locator('#progress').isHidden(), true);
  await page.waitForSelector('body[data-ready="true"]');
  await loadSample(page);
  assert.equal(await page.textContent('#sps-display'), (await moduleScore(readSample())).sps_display);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a 375 px phone: no horizontal overflow, long Chinese names wrap, every control labelled, keyboard works', async () => {
  const { context } = await newContext(suite.browser, { locale: 'zh-CN', viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const page = await openPage(context, suite.site.indexUrl);
  await page.focus('#load-sample');
  const seq = await resultSeq(page);
  await page.keyboard.press('Enter');
  await waitForResult(page, seq);
  await addExports(page, ['orders.csv']);
  await page.click('#file-list > li[data-file="orders.csv"] .preview summary');
  await page.click('#shop-facts summary');
  await page.click('#tab-quick');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width}px wide`);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => el.type !== 'file' && el.getAttribute('aria-hidden') !== 'true')
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !(el.textContent || '').trim())
    .map((el) => el.id || el.outerHTML.slice(0, 60)));
  assert.deepEqual(unlabelled, []);
  await context.close();
});

// ---- "What to fix first" (docs/rules.md §26 priority labels, computed by the core) ----

// The gain line the page should show for a priority, from the message table and the locale.
function gainLine(table, locale, gain) {
  const fmt = (v, d) => new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
  const key = gain < 0.005 ? 'priority.gain_small' : 'priority.gain';
  return table[key].replace('{gain}', fmt(gain < 0.005 ? 0.01 : gain, 2)).replace('{target}', fmt(4, 1));
}

// The labelled priorities on the page, in order, and each metric row's priority badge.
async function pagePriorities(page) {
  const list = await page.locator('#priorities li.priority').evaluateAll((els) => els.map((e) => ({
    metric: e.dataset.metric, label: e.dataset.label, gain: Number(e.dataset.gain),
    badge: e.querySelector('.badge').textContent, text: e.querySelector('.priority-gain').textContent,
  })));
  const badges = await page.locator('tr[data-metric]').evaluateAll((rows) => Object.fromEntries(rows.map((r) => {
    const b = r.querySelector('[data-badge="key_opportunity"], [data-badge="needs_attention"]');
    return [r.dataset.metric, b ? b.dataset.badge : null];
  })));
  return { list, badges };
}

function assertPriorities(actual, expected, table, locale) {
  const labelled = expected.insights.priorities.filter((p) => p.label);
  assert.deepEqual(actual.list.map((p) => [p.metric, p.label]), labelled.map((p) => [p.metric, p.label]));
  labelled.forEach((p, i) => {
    assert.ok(Math.abs(actual.list[i].gain - p.gain) < 1e-9, `${p.metric}: gain ${actual.list[i].gain} vs ${p.gain}`);
    assert.equal(actual.list[i].text, gainLine(table, locale, p.gain), p.metric);
    assert.equal(actual.list[i].badge, table['priority.' + p.label], p.metric);
  });
  const byMetric = Object.fromEntries(labelled.map((p) => [p.metric, p.label]));
  for (const m of ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht']) assert.equal(actual.badges[m], byMetric[m] ?? null, `${m} row badge`);
}

test('what to fix first: the sample\'s labelled metrics and gains are the CLI\'s (--insights)', { skip: !cliAvailable() && 'build/native/cli/shopscore is absent: build the native CLI to run this check' }, async () => {
  const cli = cliScore([SAMPLE, '--insights']);
  const labelled = cli.insights.priorities.filter((p) => p.label);
  assert.ok(labelled.length >= 1, 'premise: the sample has a labelled metric');
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  assert.equal(await page.textContent('#priorities h3'), en['priority.title']);
  const actual = await pagePriorities(page);
  assert.equal(actual.list[0].metric, labelled[0].metric);
  assert.equal(actual.list[0].text, gainLine(en, 'en-US', labelled[0].gain));
  assertPriorities(actual, cli, en, 'en-US');
  assert.equal(await page.locator('#priorities .priority-none').count(), 0);
  // The panel sits above the dimension cards.
  assert.ok(await page.evaluate(() => document.querySelector('#priorities').compareDocumentPosition(document.querySelector('.dims')) & Node.DOCUMENT_POSITION_FOLLOWING));
  assert.deepEqual(problems, []);
  await context.close();
});

test('what to fix first: a friendly line when no metric is labelled', async () => {
  // The other metrics typed as "I had none": left empty they would be missing and the SPS a range.
  const values = { shop_age_days: 400, delivered_orders_90d: 812, 'otdr-value': 99.5, 'otdr-numerator': 796, 'otdr-denominator': 800,
    ...noneTyped(['nrr', 'nbfr', 'sfcr', 'imd', 'aht']) };
  const expected = await moduleScore(quickDataset(values), { insights: true });
  assert.ok(expected.sps != null && expected.insights.priorities.every((p) => !p.label), 'premise: nothing labelled');
  const { context } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await quick(page, values);
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  assert.equal(await page.locator('#priorities li.priority').count(), 0);
  const line = await page.textContent('#priorities .priority-none');
  assert.equal(line, en['priority.none'].replace('{low}', '3.5').replace('{gain}', '0.05'));
  assert.equal(await page.locator('[data-badge="key_opportunity"], [data-badge="needs_attention"]').count(), 0);
  await context.close();
});

test('what to fix first: labels and gains in Chinese and in English', async () => {
  const expected = await moduleScore(readSample(), { insights: true });
  assert.ok(expected.insights.priorities.some((p) => p.label), 'premise: the sample has a labelled metric');
  const { context, problems } = await newContext(suite.browser, { locale: 'zh-CN' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  assert.equal(await page.textContent('#priorities h3'), zh['priority.title']);
  assertPriorities(await pagePriorities(page), expected, zh, 'zh-CN');
  await chooseLang(page, 'en');
  assert.equal(await page.textContent('#priorities h3'), en['priority.title']);
  assertPriorities(await pagePriorities(page), expected, en, 'en-US');
  assert.deepEqual(problems, []);
  await context.close();
});

// ---- shop facts: rescored through the `shop` score option, files not read again ----

test('shop facts edited after reading exports rescore without a re-read and match the CLI with --shop', { skip: !cliAvailable() && 'build/native/cli/shopscore is absent: build the native CLI to run this check' }, async () => {
  const dir = tempDir('shop');
  const exportArgs = ['--orders', suite.fx.files['orders.csv'], '--returns', suite.fx.files['returns.csv'], '--reviews', suite.fx.files['reviews.tsv'],
    '--chats', suite.fx.files['chats.xlsx'], '--exclusions', suite.fx.files['exclusions.csv'], '--insights'];
  const cliWith = (shop) => {
    const file = path.join(dir, `shop-${Object.keys(shop).join('-') || 'none'}.json`);
    writeFileSync(file, JSON.stringify(shop));
    return cliScore([...exportArgs, '--shop', file]);
  };
  const benefitStates = (r) => Object.fromEntries(r.benefits.map((b) => [b.id, b.eligible === true ? 'yes' : b.eligible === false ? 'no' : 'unknown']));
  const pageBenefits = (page) => page.locator('[data-benefit]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.benefit, e.dataset.eligible])));
  const pageWarnings = (page) => page.locator('#result-body > .warnings [data-warning]').evaluateAll((els) => els.map((e) => e.dataset.warning));
  async function assertLikeCli(page, cli, what) {
    assert.equal(await page.textContent('#sps-display'), cli.sps_display, what);
    assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(cli.sps).replace('.', '\\.')), what);
    assert.deepEqual(await pageBenefits(page), benefitStates(cli), what);
    assert.deepEqual(await pageWarnings(page), cli.warnings.map((w) => w.code), what);
    assert.equal(await page.locator('.status-box').textContent().then((s) => s.includes(en['result.shop_protected'])), cli.protection.shop_qualifies, what);
    for (const [id, m] of Object.entries(cli.metrics)) {
      assert.equal(await page.locator(`tr[data-metric="${id}"] [data-badge="protected"]`).count(), m.protected ? 1 : 0, `${what} ${id}`);
    }
    assertPriorities(await pagePriorities(page), cli, en, 'en-US');
  }

  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  let seq = await addExports(page, EXPORTS);
  await waitForResult(page, seq);
  await assertLikeCli(page, cliWith({}), 'before');
  const ingests = await page.getAttribute('body', 'data-ingests');
  const progressEvents = await page.getAttribute('body', 'data-progress-events');
  assert.ok(Number(progressEvents) >= EXPORTS.length, 'progress was reported while reading');

  // A young shop with reputation points and no violations: protection, benefits and warnings change.
  const base = cliWith({});
  const opened = new Date(Date.parse(base.as_of + 'T00:00:00Z') - 50 * 86400000).toISOString().slice(0, 10);
  const facts = { opened, reputation_points: 12000, violations_30d: 0 };
  const expected = cliWith(facts);
  assert.ok(expected.protection.shop_qualifies !== base.protection.shop_qualifies, 'premise: the opened date changes protection');
  assert.notDeepEqual(benefitStates(expected), benefitStates(base), 'premise: the facts change the benefits');
  await page.click('#shop-facts summary');
  seq = await resultSeq(page);
  await page.fill('#shop-opened', facts.opened);
  await waitForResult(page, seq);
  seq = await resultSeq(page);
  await page.fill('#shop-reputation_points', String(facts.reputation_points));
  await waitForResult(page, seq);
  seq = await resultSeq(page);
  await page.fill('#shop-violations_30d', String(facts.violations_30d));
  await waitForResult(page, seq);
  await assertLikeCli(page, expected, 'after shop facts');
  assert.equal(await page.getAttribute('body', 'data-ingests'), ingests, 'the files were not read again');
  assert.equal(await page.getAttribute('body', 'data-progress-events'), progressEvents, 'the worker posted no progress');
  assert.deepEqual(await page.locator('#file-list > li').evaluateAll((els) => els.map((e) => e.dataset.status)), EXPORTS.map(() => 'ok'));

  // Cleared again: back to the data's facts.
  seq = await resultSeq(page);
  await page.fill('#shop-violations_30d', '');
  await waitForResult(page, seq);
  await assertLikeCli(page, cliWith({ opened, reputation_points: 12000 }), 'violations cleared');

  // The time zone is applied while reading, so it alone reads the files again.
  seq = await resultSeq(page);
  await page.fill('#shop-utc_offset', '+08:00');
  await page.press('#shop-utc_offset', 'Tab');
  await waitForResult(page, seq);
  await page.waitForFunction(() => document.querySelector('#progress').hidden && [...document.querySelectorAll('#file-list > li')].every((li) => li.dataset.status === 'ok'));
  assert.equal(Number(await page.getAttribute('body', 'data-ingests')), Number(ingests) + 1, 'a time-zone change re-reads');
  assert.ok(Number(await page.getAttribute('body', 'data-progress-events')) > Number(progressEvents));
  await assertLikeCli(page, cliWith({ utc_offset: '+08:00', opened, reputation_points: 12000 }), 'utc_offset');
  assert.deepEqual(problems, []);
  await context.close();
});

test('screenshots of the sample result in both languages', async () => {
  const outDir = process.env.SHOPSCORE_SCREENSHOTS ? path.join(ROOT, 'docs') : tempDir('shots');
  mkdirSync(outDir, { recursive: true });
  // Desktop (docs/screenshot-en.png, -zh.png) and a 375 px phone (-375.png).
  for (const [lang, width] of [['en', 1280], ['zh', 1280], ['en', 375], ['zh', 375]]) {
    const { context } = await newContext(suite.browser, { locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport: { width, height: 900 }, isMobile: width < 400 });
    const page = await openPage(context, suite.site.indexUrl);
    await loadSample(page);
    await page.waitForSelector('#insight-chart[data-thresholds] canvas'); // the chart library comes on demand
    const file = path.join(outDir, `screenshot-${lang}${width < 400 ? '-375' : ''}.png`);
    await page.screenshot({ path: file, fullPage: true });
    assert.ok(readFileSync(file).length > 10000);
    // A partial-input result (orders and returns only): the headline as the seller sees it
    // (docs/screenshot-partial-*.png), the viewport from the result's top.
    await page.click('#tab-files');
    const seq = await addExports(page, ['orders.csv', 'returns.csv']);
    await waitForResult(page, seq);
    await page.locator('#result').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#result').scrollIntoView({ block: 'start' }));
    const partial = path.join(outDir, `screenshot-partial-${lang}${width < 400 ? '-375' : ''}.png`);
    await page.screenshot({ path: partial });
    assert.ok(readFileSync(partial).length > 10000);
    await context.close();
  }
});

test('no copied asset is missing from the build', () => {
  const html = readFileSync(path.join(suite.site.dir, 'index.html'), 'utf8');
  for (const ref of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    if (ref[1].startsWith('data:') || ref[1].startsWith('#')) continue;
    assert.doesNotThrow(() => copyFileSync(path.join(suite.site.dir, ref[1]), path.join(tempDir('x'), 'probe')), ref[1]);
  }
});
