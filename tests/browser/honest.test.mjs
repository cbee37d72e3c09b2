// Issue 22, the page's side: a missing export or a mistyped number never gives a better score.
// Each test failed on the page before the fix (see the commit message); expected values come
// from the core (the WASM module under node, or the CLI), never from numbers written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT, newContext, openPage, waitForResult, resultSeq, cliAvailable, cliScore, moduleScore,
  tempDir, loadSample, addFiles, typeQuick, fourDecimals,
  useSite,
} from './helpers.mjs';
import en from '../../web/src/i18n/en.js';
import zh from '../../web/src/i18n/zh.js';

const suite = useSite({ fixtures: true });

const AS_OF = '2026-11-20';
// The six values of issue 22, as a seller types them.
const SIX = { 'nrr-value': '0.85', 'nbfr-value': '1.2', 'otdr-value': '93.4', 'sfcr-value': '0.9', 'imd-value': '12', 'aht-value': '18.5' };

async function openQuick(context) {
  const page = await openPage(context, suite.site.indexUrl);
  await page.click('#tab-quick');
  await page.click('#shop-facts summary');
  await page.fill('#shop-as_of', AS_OF);
  return page;
}

// The dataset quick mode must build from SIX (and a delivered-order count).
function sixDataset(delivered) {
  const v = (x) => Number(x) / 100;
  return {
    schema: 'shopscore.dataset/1',
    shop: { as_of: AS_OF, delivered_orders_90d: delivered },
    metrics: { nrr: { value: v(SIX['nrr-value']) }, nbfr: { value: v(SIX['nbfr-value']) }, otdr: { value: v(SIX['otdr-value']) },
      sfcr: { value: v(SIX['sfcr-value']) }, imd: { value: v(SIX['imd-value']) }, aht: { value: Number(SIX['aht-value']) } },
  };
}

test('quick mode: a typo never raises the score; it is an error at its field and the last result stays, marked', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openQuick(context);
  await typeQuick(page, SIX);
  const good = await moduleScore(JSON.stringify(sixDataset(31)), { insights: true });
  assert.equal(await page.textContent('#sps-display'), good.sps_display);
  const raw = await page.textContent('#sps-raw');
  for (const typo of ['abc', '150', '-5', '93.4 percent']) {
    const seq = await resultSeq(page);
    await page.fill('#quick-otdr-value', typo);
    await waitForResult(page, seq);
    assert.equal(await page.getAttribute('#quick-otdr-value', 'aria-invalid'), 'true', typo);
    assert.ok((await page.textContent('#quick-otdr-value-msg')).length > 0, `${typo}: a message at the field`);
    assert.equal(await page.getAttribute('#result-body', 'data-stale'), 'true', typo);
    assert.equal(await page.locator('#result-stale').count(), 1, typo);
    assert.equal(await page.textContent('#sps-raw'), raw, `${typo}: the score is the last valid one`);
    assert.equal(await page.locator('tr[data-metric="otdr"] [data-badge="no-data"]').count(), 0, typo);
    assert.equal(await page.textContent('#sticky-status'), en['result.stale'], typo);
  }
  // Full-width digits and ％ read as the same value: the same score, not stale.
  const seq = await resultSeq(page);
  await page.fill('#quick-otdr-value', '９３．４％');
  await waitForResult(page, seq);
  assert.equal(await page.getAttribute('#result-body', 'data-stale'), 'false');
  assert.equal(await page.textContent('#sps-raw'), raw);
  assert.deepEqual(problems, []);
  await context.close();
});

test('quick mode: a typo before any result gives no score, and the result area says why', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'zh-CN' });
  const page = await openQuick(context);
  await page.fill('#quick-otdr-value', '９３．４ 百分比');
  await page.waitForSelector('#result-fix-fields');
  assert.equal(await page.locator('#sps-display').count(), 0);
  assert.equal(await page.textContent('#result-fix-fields'), zh['result.fix_fields']);
  assert.equal(await page.textContent('#quick-otdr-value-msg'), zh['quick.err_number']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('quick mode: the delivered-orders field is always there; 420 orders is scored like the core', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openQuick(context);
  assert.equal(await page.locator('#quick-delivered_orders_90d').isVisible(), true);
  await typeQuick(page, { ...SIX, delivered_orders_90d: '420' });
  const expected = await moduleScore(JSON.stringify(sixDataset(420)), { insights: true });
  assert.equal(expected.status, 'scored');
  assert.equal(await page.getAttribute('#status [data-status]', 'data-status'), 'scored');
  assert.equal(await page.textContent('#sps-display'), expected.sps_display);
  assert.equal(await page.getAttribute('#quick-delivered_orders_90d', 'aria-invalid'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('one rule for every rate: 0.934 and 0.0085 read as fractions with the same note, 0.85 as percent', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openQuick(context);
  await typeQuick(page, { 'otdr-value': '0.934', 'nrr-value': '0.0085', 'nbfr-value': '0.85' });
  assert.equal(await page.textContent('#quick-otdr-value-msg'), en['quick.read_fraction'].replace('{v}', '93.40%'));
  assert.equal(await page.textContent('#quick-nrr-value-msg'), en['quick.read_fraction'].replace('{v}', '0.85%'));
  assert.equal(await page.textContent('#quick-nbfr-value-msg'), '');
  assert.equal(await page.textContent('tr[data-metric="nrr"] td.num'), await page.textContent('tr[data-metric="nbfr"] td.num'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('quick mode shows only the panels it can fill', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openQuick(context);
  await typeQuick(page, SIX);
  for (const id of ['#moved', '#trend', '#scenarios', '#diagnostics']) assert.equal(await page.locator(id).count(), 0, id);
  assert.equal(await page.locator('svg.sparkline, .sparkline').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shop facts file dropped with the exports is the shop\'s facts (as --shop)', { skip: !cliAvailable() && 'build/native/cli/shopscore is absent' }, async () => {
  const dir = tempDir('shopjson');
  const shopFile = path.join(dir, 'shop.json');
  // The opening date: without it the core warns that it was not given (and cannot apply the
  // small-shop protection).
  writeFileSync(shopFile, JSON.stringify({ opened: '2026-10-01', category: 'beauty' }));
  // Every export the score reads, so that the SPS is a point (a missing export gives a range).
  const exportArgs = ['--orders', suite.fx.files['orders.csv'], '--returns', suite.fx.files['returns.csv'],
    '--reviews', suite.fx.files['reviews.tsv'], '--chats', suite.fx.files['chats.xlsx']];
  const cli = cliScore([...exportArgs, '--shop', shopFile]);
  const without = cliScore(exportArgs);
  assert.equal(typeof cli.sps, 'number', 'premise: every export given, the SPS is a point');
  const codes = (r) => r.warnings.map((w) => w.code);
  assert.ok(codes(without).includes('no_opened_date') && !codes(cli).includes('no_opened_date'), 'the fixture must make the facts matter');
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const seq = await addFiles(page, [suite.fx.files['orders.csv'], suite.fx.files['returns.csv'], suite.fx.files['reviews.tsv'],
    suite.fx.files['chats.xlsx'], shopFile]);
  await waitForResult(page, seq);
  assert.equal(await page.getAttribute('#file-list li[data-file="shop.json"] .file-kind', 'data-kind'), 'shop');
  assert.match(await page.textContent('#sps-raw'), new RegExp(fourDecimals(cli.sps).replace('.', '\\.')));
  assert.deepEqual(await page.locator('#warnings [data-warning]').evaluateAll((els) => els.map((e) => e.dataset.warning)), codes(cli));
  assert.deepEqual(problems, []);
  await context.close();
});

test('dimension cards show the weights the score used, and the profile\'s while the SPS is a range', async () => {
  // Orders only: reviews, returns and chats not given, so the SPS is a range and no weighting was
  // used: each card shows the profile's weight, never "used 0.0 %".
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  let seq = await addFiles(page, [suite.fx.files['orders.csv']]);
  await waitForResult(page, seq);
  assert.equal(await page.getAttribute('#sps-display', 'data-range'), 'true');
  const pct = (x, digits) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
  for (const [id, w] of [['product', 0.24], ['fulfillment', 0.52], ['service', 0.24]]) {
    const text = await page.textContent(`[data-dimension="${id}"] .dim-weights`);
    assert.equal(text, en['dim.weight'].replace('{w}', pct(w, 0)), `${id}: ${text}`);
  }
  assert.equal(await page.textContent('[data-dimension="product"] .dim-score'), en['dim.not_computed']);
  // Returns given and empty (its header row alone), no reviews and no chats said with the range's
  // links: product and service have no data, so fulfillment carries the whole score.
  const returnsHeader = path.join(tempDir('returns'), 'returns-empty.csv');
  writeFileSync(returnsHeader, readFileSync(suite.fx.files['returns.csv'], 'utf8').split(/\r?\n/)[0] + '\r\n');
  seq = await addFiles(page, [returnsHeader]);
  await waitForResult(page, seq);
  for (const metric of ['nrr', 'imd']) {
    const before = await resultSeq(page);
    await page.click(`#sps-range [data-none-metric="${metric}"]`);
    await waitForResult(page, before);
  }
  assert.equal(await page.getAttribute('#sps-display', 'data-range'), null);
  const used = await page.textContent('[data-dimension="fulfillment"] .dim-weights');
  assert.equal(used, en['dim.weight_used'].replace('{w}', pct(1, 1)).replace('{set}', pct(0.52, 0)), used);
  assert.equal(await page.textContent('[data-dimension="product"] .dim-score'), en['badge.no_data']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a returns-only upload is told to add the Orders export, not the Returns one', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const seq = await addFiles(page, [suite.fx.files['returns.csv']]);
  await waitForResult(page, seq);
  // A missing export is `metric_missing` (the score is a range); its tip names the export to add.
  const tips = await page.locator('#warnings [data-warning="metric_missing"]').allTextContents();
  assert.ok(tips.length > 0);
  for (const tip of tips) assert.doesNotMatch(tip, new RegExp(en['kind.returns'].replace('/', '\\/')), tip);
  assert.ok(tips.some((tip) => tip.includes(en['kind.orders'])), tips.join(' | '));
  assert.deepEqual(problems, []);
  await context.close();
});

test('profile editor: abc, empty, a negative weight get a message (no TypeError); the old error goes', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'zh-CN' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  if ((await page.locator('#profile-details').getAttribute('open')) === null) await page.click('#profile-details summary');
  for (const bad of ['abc', '', '-5']) {
    await page.fill('#pf-weights-product', bad);
    await page.waitForSelector('#pf-weights-product[aria-invalid="true"]');
    assert.ok((await page.textContent('#pf-weights-product-err')).includes(zh['profile.err_number']), bad);
  }
  await page.fill('#pf-weights-product', '２４');
  await page.waitForSelector('#pf-weights-product[aria-invalid="false"]');
  assert.equal(await page.textContent('#pf-weights-product-err'), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the FBT slider says when metrics lose their data', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  const slider = page.locator('input[data-lever="fbt_share"]');
  await slider.fill('1');
  await page.waitForSelector('#scenario-notes li[data-scenario="fbt"]');
  const note = await page.textContent('#scenario-notes li[data-scenario="fbt"]');
  assert.ok(note.includes(en['metric.otdr']), note);
  assert.equal(await slider.getAttribute('aria-valuetext'), '100%');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the trend draws days under the order gate as provisional, and says how many', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  const sample = await moduleScore((await import('node:fs')).readFileSync(path.join(ROOT, 'web', 'sample', 'sample-dataset.json'), 'utf8'), { insights: true });
  const provisional = sample.insights.trend.filter((d) => d.provisional === true || d.scored === false).length;
  assert.ok(provisional > 0, 'the sample starts with days under the gate');
  await page.waitForSelector('#insight-chart[data-provisional]');
  assert.equal(await page.getAttribute('#insight-chart', 'data-provisional'), String(provisional));
  assert.ok((await page.textContent('#trend-provisional')).includes(String(provisional)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a missing export shows the SPS as a range in words, with one click to type the value or say there were none', async (t) => {
  // Orders and returns only: no reviews and no chats export.
  const cli = cliAvailable() ? cliScore(['--orders', suite.fx.files['orders.csv'], '--returns', suite.fx.files['returns.csv']]) : null;
  if (!cli || !cli.sps_range) return t.skip('the core has no sps_range yet (issue 22, core side)');
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const seq = await addFiles(page, [suite.fx.files['orders.csv'], suite.fx.files['returns.csv']]);
  await waitForResult(page, seq);
  assert.ok(cli.sps_range.low < cli.sps_range.high);
  assert.equal(await page.getAttribute('#sps-display', 'data-range'), 'true');
  const words = await page.textContent('#sps-range .range-words');
  assert.ok(words.includes(en['kind.reviews']), words);
  assert.equal(await page.locator('tr[data-metric="nrr"] [data-badge="missing"]').count(), 1);
  assert.notEqual(await page.textContent('tr[data-metric="nrr"] td.num'), '0.00%');
  // "I had no reviews in this period": the reviews export, given and empty (a header-only file in
  // the list, removable); the metric is no longer missing.
  const before = await resultSeq(page);
  await page.click('#sps-range [data-none-metric="nrr"]');
  await page.waitForSelector('#file-list li[data-file="no-reviews.csv"][data-status="ok"]');
  await waitForResult(page, before);
  assert.equal(await page.getAttribute('#file-list li[data-file="no-reviews.csv"] .file-kind', 'data-kind'), 'reviews');
  assert.equal(await page.locator('tr[data-metric="nrr"] [data-badge="missing"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('dates that cannot be right are errors at their field in the page\'s language, never facts', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'zh-CN' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  const raw = await page.textContent('#sps-raw');
  await page.click('#shop-facts summary');
  let seq = await resultSeq(page);
  await page.fill('#shop-as_of', '2026-11-20');
  await waitForResult(page, seq);
  const asOfRaw = await page.textContent('#sps-raw');
  // Opened after the evaluation date: no small-shop protection from it.
  seq = await resultSeq(page);
  await page.fill('#shop-opened', '2026-12-01');
  await waitForResult(page, seq);
  assert.equal(await page.textContent('#shop-opened-msg'), zh['shop.err_opened_after']);
  assert.equal(await page.getAttribute('#result-body', 'data-stale'), 'true');
  assert.equal(await page.textContent('#sps-raw'), asOfRaw);
  await page.fill('#shop-opened', '');
  // An evaluation date in the future: said, not "no data" everywhere.
  seq = await resultSeq(page);
  await page.fill('#shop-as_of', '2099-01-01');
  await waitForResult(page, seq);
  assert.equal(await page.textContent('#shop-as_of-msg'), zh['shop.err_as_of_future']);
  assert.equal(await page.locator('[data-badge="no-data"]').count(), 0);
  // Years before the sample's shop opened and its first order: the core refuses the date
  // (opened_after_as_of / as_of_before_data), worded in Chinese; no protection, no "no data".
  seq = await resultSeq(page);
  await page.fill('#shop-as_of', '2020-01-01');
  await waitForResult(page, seq);
  const error = await page.textContent('#result-error');
  assert.ok(error.includes(zh['err.opened_after_as_of']) || error.includes(zh['err.as_of_before_data']), error);
  assert.equal(await page.locator('[data-badge="no-data"]').count(), 0);
  assert.ok(raw.length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"How to reach 4.0" never says nothing reaches it under metrics that each do', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openQuick(context);
  await typeQuick(page, SIX);
  const expected = await moduleScore(JSON.stringify(sixDataset(31)), { insights: true });
  const four = expected.insights.goal_seek.find((g) => g.target === 4);
  assert.ok(four && !four.plan.reachable && four.metrics.some((m) => m.reachable), 'premise: the issue\'s case');
  const target = page.locator('.goal-target[data-target="4"]');
  assert.ok((await target.locator('li[data-reachable="true"]').count()) > 0);
  assert.equal(await target.locator('.goal-plan').textContent(), en['ins.goal.plan_orders_none']);
  assert.deepEqual(problems, []);
  await context.close();
});
