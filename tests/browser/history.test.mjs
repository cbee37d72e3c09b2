// Browser tests of the history (web/src/history/, docs/history.md): off by default and then
// nothing stored; once on, readings survive a reload, are exported, imported into a fresh
// browser and deleted; the change since the last reading equals the difference of the two
// results' SPS (the CLI's, on the same sample at the same dates) and its metric split sums to
// it; a bad import file is refused in Chinese with nothing stored; axe and 375 px. With
// SHOPSCORE_SCREENS=DIR it saves the panel and the long-run chart in en and zh, 375 and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  SAMPLE, newContext, openPage, cliAvailable, cliScore, loadSample, useSite, resultSeq, waitForResult,
  foreignRequests, tempDir,
} from './helpers.mjs';
import histEn from '../../web/src/i18n/history-en.js';
import histZh from '../../web/src/i18n/history-zh.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const METRICS = ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht'];
const suite = useSite();
const skip = !cliAvailable() && 'build/native/cli/shopscore is absent: build the native CLI to run these checks';

// Every request is the page's own (file://) or a blob: no reading leaves the browser.
function noForeign(requests) {
  assert.deepEqual(foreignRequests(requests, 'file://'), []);
}

async function turnOn(page) {
  await page.check('#history-toggle');
  await page.waitForSelector('#history-body[data-enabled="true"]');
}

// Scores the sample as of `day` ('' = the sample's own date) through the shop-facts form and
// waits until the history has stored it (the panel lists `readings` rows).
async function scoreAsOf(page, day, readings) {
  if (!(await page.locator('#shop-facts[open]').count())) await page.click('#shop-facts summary');
  const seq = await resultSeq(page);
  await page.fill('#shop-as_of', day);
  await waitForResult(page, seq);
  if (readings != null) await page.waitForSelector(`#history-body[data-readings="${readings}"]`);
}

async function tableRows(page) {
  return page.locator('#history-table tbody tr').evaluateAll((rows) => rows.map((r) => ({ as_of: r.dataset.asOf, sps: r.dataset.sps })));
}

async function databases(page) {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
}

async function axe(page) {
  return page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    // preload: false: axe would fetch the stylesheet, which the page's CSP (connect-src 'none') refuses.
    const r = await window.axe.run(document, { resultTypes: ['violations'], preload: false });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  }, AXE);
}

const D1 = '2026-11-06', D2 = '2026-11-13', D3 = '2026-11-20'; // D3: the sample's own date

test('history: off by default, and then nothing is stored', { skip }, async () => {
  const { context, requests, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  assert.equal(await page.isChecked('#history-toggle'), false);
  assert.equal(await page.textContent('label[for="history-toggle"]'), histEn['hist.toggle']);
  await loadSample(page);
  await scoreAsOf(page, D1);
  assert.equal(await page.locator('#history-change, #history-table').count(), 0);
  assert.deepEqual(await databases(page), [], 'no IndexedDB database while history is off');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('shopscore.history'))), []);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.isChecked('#history-toggle'), false);
  noForeign(requests);
  assert.deepEqual(problems, []);
  await context.close();
});

test('history: the change since the last reading, a reload, export, import elsewhere, delete', { skip }, async () => {
  const cli = Object.fromEntries([D1, D2, D3].map((d) => [d, cliScore([SAMPLE, '--as-of', d])]));
  assert.notEqual(cli[D1].sps, cli[D2].sps, 'premise: the score moves between the two dates');
  const { context, requests, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await turnOn(page);
  await loadSample(page);
  await scoreAsOf(page, D1, 2); // the sample's own date is stored first, then D1
  // D1 has no earlier reading (D3 is later): the first of this shop.
  assert.equal(await page.getAttribute('#history-change', 'data-first'), 'true');
  await scoreAsOf(page, D2, 3);
  await page.waitForSelector('#history-change[data-change]');
  // The change is the difference of the two results' SPS, to the last bit.
  const change = Number(await page.getAttribute('#history-change', 'data-change'));
  assert.equal(change, cli[D2].sps - cli[D1].sps);
  assert.ok((await page.textContent('#history-change h3')).includes('Nov 6, 2026'));
  // Each metric's contribution is its part of the SPS at D2 minus at D1; together, the change.
  const parts = await page.locator('#history-change tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.metric, Number(r.dataset.contribution)]));
  assert.deepEqual(parts.map((p) => p[0]), METRICS);
  for (const [m, c] of parts) assert.equal(c, cli[D2].metrics[m].sps_part - cli[D1].metrics[m].sps_part, m);
  const sum = parts.reduce((s, p) => s + p[1], 0);
  assert.ok(Math.abs(sum - change) < 1e-12, `contributions ${sum} vs change ${change}`);
  // The stored readings, newest first, with the CLI's SPS.
  assert.deepEqual(await tableRows(page), [D3, D2, D1].map((d) => ({ as_of: d, sps: String(cli[d].sps) })));

  // A reload keeps them (same browser profile).
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#history-body[data-readings="3"]');
  assert.equal(await page.isChecked('#history-toggle'), true);

  // Export: a JSON file with the three readings' summaries and nothing of the raw data.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#history-export')]);
  const text = readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.schema, 'shopscore.history/1');
  assert.deepEqual(file.readings.map((r) => [r.shop, r.as_of, r.sps]), [D1, D2, D3].map((d) => ['My shop', d, cli[d].sps]));
  for (const r of file.readings) {
    assert.deepEqual(Object.keys(r).sort(), ['as_of', 'benefits', 'dimensions', 'metrics', 'profile', 'shop', 'source', 'sps', 'sps_range', 'status', 'version'].sort());
    assert.deepEqual(r.benefits, cli[r.as_of].benefits.filter((b) => b.eligible === true).map((b) => b.id));
    assert.equal(r.metrics.nrr.denominator, cli[r.as_of].metrics.nrr.denominator);
  }
  assert.ok(!/order_id|"orders"|review_text|"reviews"/.test(text), 'no raw data in the export');

  // Delete one (confirmed): gone, also after a reload.
  await page.click(`#history-table tr[data-as-of="${D2}"] .hist-delete`);
  await page.click('#history-confirm-yes');
  await page.waitForSelector('#history-body[data-readings="2"]');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#history-body[data-readings="2"]');
  assert.deepEqual((await tableRows(page)).map((r) => r.as_of), [D3, D1]);
  noForeign(requests);
  assert.deepEqual(problems, []);
  await context.close();

  // Import into a fresh browser: the same readings.
  const fresh = await newContext(suite.browser, { locale: 'en-US' });
  const other = await openPage(fresh.context, suite.site.indexUrl);
  await turnOn(other);
  const saved = path.join(tempDir('history'), 'history.json');
  writeFileSync(saved, text);
  await other.setInputFiles('#history-import', saved);
  await other.waitForSelector('#history-body[data-readings="3"]');
  assert.deepEqual(await tableRows(other), [D3, D2, D1].map((d) => ({ as_of: d, sps: String(cli[d].sps) })));
  // Delete all (confirmed): nothing left after a reload.
  await other.click('#history-delete-all');
  await other.click('#history-confirm-yes');
  await other.waitForSelector('#history-body[data-readings="0"]');
  await other.reload();
  await other.waitForSelector('body[data-ready="true"]');
  await other.waitForSelector('#history-empty');
  assert.deepEqual(await tableRows(other), []);
  noForeign(fresh.requests);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});

test('history: a bad import file is refused with a Chinese message naming the problem, nothing stored', { skip }, async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'zh-CN' });
  const page = await openPage(context, suite.site.indexUrl);
  await turnOn(page);
  const dir = tempDir('history-bad');
  // A reading with an SPS of 7 after a good one: the whole file is refused.
  const good = { shop: '店A', as_of: '2026-11-13', sps: 3.5, sps_range: { low: 3.5, high: 3.5 }, status: 'scored', dimensions: { product: { score: 3, effective_weight: 0.24 }, fulfillment: { score: 4, effective_weight: 0.52 }, service: { score: 3, effective_weight: 0.24 } }, metrics: Object.fromEntries(METRICS.map((m) => [m, { value: 0.01, numerator: 1, denominator: 100, score: 3.5, sps_part: 0.5, input: 'export' }])), benefits: [] };
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ schema: 'shopscore.history/1', readings: [good, { ...good, as_of: '2026-11-20', sps: 7 }] }));
  await page.setInputFiles('#history-import', bad);
  await page.waitForSelector('#history-message[role="alert"]');
  const what = histZh['hist.err.field'].replace('{n}', '2').replace('{field}', 'sps');
  assert.equal(await page.textContent('#history-message'), histZh['hist.err.import'].replace('{what}', what));
  assert.equal(await page.getAttribute('#history-body', 'data-readings'), '0');
  assert.equal(await page.evaluate(async () => {
    const db = await new Promise((res) => { const r = indexedDB.open('shopscore-history'); r.onsuccess = () => res(r.result); });
    const n = await new Promise((res) => { const r = db.transaction('readings').objectStore('readings').count(); r.onsuccess = () => res(r.result); });
    db.close();
    return n;
  }), 0);
  // Not JSON at all.
  const notJson = path.join(dir, 'not.json');
  writeFileSync(notJson, 'shop,as_of\n');
  await page.setInputFiles('#history-import', notJson);
  await page.waitForFunction((t) => document.querySelector('#history-message')?.textContent === t, histZh['hist.err.import'].replace('{what}', histZh['hist.err.not_json']));
  assert.deepEqual(problems, []);
  await context.close();
});

test('history: every text in both languages; axe finds nothing; 375 px does not scroll sideways', { skip }, async () => {
  assert.deepEqual(Object.keys(histZh).sort(), Object.keys(histEn).sort());
  const ph = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(histEn)) assert.deepEqual(ph(histZh[key]), ph(histEn[key]), key);
  const shotsDir = process.env.SHOPSCORE_SCREENS;
  if (shotsDir) mkdirSync(shotsDir, { recursive: true });
  // A reading before the trend's first day (Aug 23): a point of the long-run chart.
  const early = '2026-08-21';
  const days = shotsDir ? [early, D1, D2] : [early];
  for (const [lang, width] of shotsDir ? [['en', 375], ['zh', 375], ['en', 1280], ['zh', 1280]] : [['zh', 375], ['en', 1280]]) {
    const { context, requests, problems } = await newContext(suite.browser, { locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport: { width, height: width < 400 ? 800 : 900 }, isMobile: width < 400 });
    const page = await openPage(context, suite.site.indexUrl);
    await turnOn(page);
    await loadSample(page);
    let n = 1;
    for (const d of days) await scoreAsOf(page, d, ++n);
    await scoreAsOf(page, '', n); // back to the sample's date: its change and the long run
    await page.waitForSelector('#insight-chart[data-stored="1"] canvas');
    assert.equal(await page.locator('#chart-data tr[data-stored]').count(), 1);
    assert.ok(await page.isVisible('#trend-stored'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${lang} ${width}px: ${overflow}px sideways`);
    assert.deepEqual(await axe(page), [], `${lang} ${width}px`);
    // The confirmation is accessible too.
    await page.click('#history-delete-all');
    assert.deepEqual(await axe(page), [], `${lang} ${width}px, confirming`);
    await page.click('#history-confirm-no');
    if (shotsDir) {
      await page.evaluate(() => { document.querySelector('#sticky-score').style.display = 'none'; });
      const suffix = `${lang}-${width}`;
      await page.locator('#history').screenshot({ path: path.join(shotsDir, `history-${suffix}.png`) });
      await page.locator('#trend').screenshot({ path: path.join(shotsDir, `history-chart-${suffix}.png`) });
    }
    noForeign(requests);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
