// Browser tests of the insight panels (web/src/insights/): the chart with its threshold lines,
// a scenario slider re-scoring live, and a diagnostics CSV download equal to the CLI's. Expected
// values come from the native CLI on the same sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  SAMPLE, CLI, newContext, openPage, chooseLang, cliAvailable, cliScore, loadSample, useSite,
} from './helpers.mjs';
import en from '../../web/src/i18n/en.js';
import zh from '../../web/src/i18n/zh.js';

// The insight panels' texts: the 'ins.' keys of the page's one message table per language.
const strip = (table) => Object.fromEntries(Object.entries(table).filter(([k]) => k.startsWith('ins.')).map(([k, v]) => [k.slice(4), v]));
const insightTables = { en: strip(en), zh: strip(zh) };

const suite = useSite();
const skip = !cliAvailable() && 'build/native/cli/shopscore is absent: build the native CLI to run these checks';

async function sample(locale) {
  const { context, problems } = await newContext(suite.browser, { locale });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  await page.waitForSelector('#insights');
  return { context, page, problems };
}

test('insights: goal seek, why it moved and the chart with its threshold lines', { skip }, async () => {
  const cli = cliScore([SAMPLE, '--insights']);
  const { context, page, problems } = await sample('en-US');
  // The chart is drawn (a canvas) and its draw hook put the 2.5 / 3.5 / 4.0 lines in.
  await page.waitForSelector('#insight-chart[data-thresholds] canvas');
  assert.equal(await page.getAttribute('#insight-chart', 'data-thresholds'), '2.5,3.5,4');
  assert.equal(Number(await page.getAttribute('#insight-chart', 'data-points')),
    cli.insights.trend.length + cli.insights.forecast.days.length);
  // One goal-seek block per target, one sentence per metric when the target is not reached.
  assert.equal(await page.locator('#goal-seek .goal-target').count(), cli.insights.goal_seek.length);
  for (const g of cli.insights.goal_seek) {
    const n = await page.locator(`#goal-seek .goal-target[data-target="${g.target}"] li`).count();
    assert.equal(n, g.reached_today ? 0 : g.metrics.length, `target ${g.target}`);
  }
  assert.equal(await page.textContent('#goal-seek h3'), insightTables.en['goal.title']);
  // The crossing dates under the chart, one item per event of the CLI's forecast, in date order.
  const events = cli.insights.forecast.crossings.flatMap((c) => ['clean', 'steady'].flatMap((s) => [c[s].reached, c[s].lost].filter(Boolean)));
  const shown = await page.locator('#trend .crossings li').allTextContents();
  assert.equal(shown.length, events.length);
  const order = events.slice().sort();
  shown.forEach((text, i) => assert.ok(text.includes(new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(order[i] + 'T00:00:00Z'))), text));
  // The waterfall's parts are the core's contributions.
  const parts = await page.locator('#moved .wf-row').evaluateAll((els) => els.map((e) => [e.dataset.metric, Number(e.dataset.contribution)]));
  for (const [metric, c] of parts) assert.equal(c, cli.insights.moved.metrics.find((m) => m.metric === metric).contribution);
  // Chinese: the panels switch language.
  await chooseLang(page, 'zh');
  await page.waitForFunction((title) => document.querySelector('#goal-seek h3')?.textContent === title, insightTables.zh['goal.title']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('insights: moving a scenario slider re-scores that scenario live', { skip }, async () => {
  const expected = cliScore([SAMPLE, '--insights', '--im-cut', '0.9']);
  const before = cliScore([SAMPLE, '--insights']);
  const sps = (r, id) => r.insights.scenarios.find((s) => s.id === id).sps;
  assert.notEqual(sps(expected, 'im_replies'), sps(before, 'im_replies'), 'premise: the lever moves the score');
  const { context, page, problems } = await sample('en-US');
  const row = '#scenario-result tr[data-scenario="im_replies"]';
  assert.equal(Number(await page.getAttribute(row, 'data-sps')), sps(before, 'im_replies'));
  await page.$eval('input[data-lever="im_cut"]', (el) => {
    el.value = '0.9';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.dataset.sps === v, [row, String(sps(expected, 'im_replies'))]);
  assert.equal(Number(await page.getAttribute('#scenario-result tr[data-scenario="combined"]', 'data-sps')), sps(expected, 'combined'));
  // Today's score stays.
  assert.equal(Number(await page.getAttribute('#scenario-result tr[data-scenario="today"]', 'data-sps')), before.sps);
  assert.deepEqual(problems, []);
  await context.close();
});

test('insights: a diagnostics table sorts, and its CSV download equals the CLI\'s', { skip }, async () => {
  const cli = cliScore([SAMPLE, '--insights']);
  const table = cli.insights.diagnostics.find((t) => t.total_rows > 1) || cli.insights.diagnostics[0];
  // The page below is in Chinese, so its CSV has Chinese column names: the CLI's with --lang zh.
  const expected = spawnSync(CLI, ['score', SAMPLE, '--csv', table.id, '--lang', 'zh']).stdout;
  assert.equal(expected.subarray(0, 3).toString('hex'), 'efbbbf', 'premise: the CLI writes a BOM');
  const { context, page, problems } = await sample('zh-CN');
  await page.click(`.diag-tab[data-table="${table.id}"]`);
  await page.waitForSelector(`.diag-table[data-table="${table.id}"]`);
  assert.equal(await page.locator(`.diag-table[data-table="${table.id}"] tbody tr`).count(), table.rows.length);
  // Sorting by the first column ascending and descending puts the extremes first.
  await page.click(`.diag-table[data-table="${table.id}"] th:first-child button`);
  assert.equal(await page.getAttribute(`.diag-table[data-table="${table.id}"] th:first-child`, 'aria-sort'), 'descending');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.diag-csv[data-table="${table.id}"]`)]);
  const got = readFileSync(await download.path());
  assert.equal(got.toString('hex'), expected.toString('hex'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('insights: every panel string exists in both languages', () => {
  const en = Object.keys(insightTables.en).sort();
  assert.deepEqual(Object.keys(insightTables.zh).sort(), en);
  // Every diagnostics column the core writes has a heading.
  const cli = cliAvailable() ? cliScore([SAMPLE, '--insights']) : null;
  if (cli) for (const t of cli.insights.diagnostics) for (const c of t.columns) assert.ok(insightTables.en['col.' + c], c);
});

test('insights: each metric row has a 90-day sparkline with one point per day that has a value', { skip }, async () => {
  const cli = cliScore([SAMPLE, '--insights']);
  const { context, page, problems } = await sample('en-US');
  for (const id of ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht']) {
    // Expected: the CLI's trend days whose value for this metric is a number.
    const expected = cli.insights.trend.filter((d) => d.metrics[id].value != null).length;
    const spark = page.locator(`#metric-table tr[data-metric="${id}"] .spark`);
    if (!expected) { assert.equal(await spark.count(), 0, id); continue; }
    assert.equal(Number(await spark.getAttribute('data-points')), expected, id);
    // The path has one move/line command per point: what is drawn is what is counted.
    const commands = await spark.locator('path').evaluate((p) => (p.getAttribute('d').match(/[ML]/g) || []).length);
    assert.equal(commands, expected, id);
    const label = await spark.getAttribute('aria-label');
    assert.ok(label.startsWith(await page.textContent(`#metric-table tr[data-metric="${id}"] .metric-name`)), label);
    assert.equal(await spark.getAttribute('role'), 'img');
  }
  await chooseLang(page, 'zh');
  await page.waitForFunction(() => document.querySelector('#metric-table .spark')?.getAttribute('aria-label').includes('至'));
  assert.match(await page.locator('#metric-table .spark').first().getAttribute('aria-label'), /至/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('insights: diagnostics rates read as percentages on the page', { skip }, async () => {
  const cli = cliScore([SAMPLE, '--insights']);
  const table = cli.insights.diagnostics.find((t) => t.rows.length && t.columns.includes('rate'));
  assert.ok(table, 'premise: the sample has a table with a rate');
  const col = table.columns.indexOf('rate');
  const { context, page, problems } = await sample('en-US');
  await page.click(`.diag-tab[data-table="${table.id}"]`);
  const cell = await page.textContent(`.diag-panel .diag-table[data-table="${table.id}"] tbody tr:first-child td:nth-child(${col + 1})`);
  // The core's fraction, as the page formats a percentage in en-US with at most 2 decimals.
  const want = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(table.rows[0][col]);
  assert.equal(cell, want);
  assert.match(cell, /%$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('insights: the printed report shows the plan, the chart and every table\'s first rows', { skip }, async () => {
  const cli = cliScore([SAMPLE, '--insights']);
  const { context, page, problems } = await sample('en-US');
  await page.waitForSelector('#insight-chart[data-thresholds] canvas');
  await page.emulateMedia({ media: 'print' });
  const visible = (sel) => page.locator(sel).first().isVisible();
  assert.ok(await visible('#priorities'), 'what to fix first');
  assert.ok(await visible('#goal-seek'), 'goal seek');
  const open = cli.insights.goal_seek.find((g) => !g.reached_today);
  if (open) assert.ok(await visible(`#goal-seek .goal-target[data-target="${open.target}"] .goal-plan`), 'the plan');
  // The chart: drawn (its draw hook ran), visible and no wider than the printed page.
  assert.ok(await visible('#insight-chart canvas'), 'chart');
  const box = await page.locator('#insight-chart canvas').boundingBox();
  const pageWidth = await page.evaluate(() => document.querySelector('#insights').getBoundingClientRect().width);
  assert.ok(box.width > 100 && box.height > 40 && box.width <= pageWidth + 1, JSON.stringify({ box, pageWidth }));
  const blank = await page.locator('#insight-chart canvas').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i]) return false;
    return true;
  });
  assert.equal(blank, false, 'the canvas has ink');
  // The tabs and buttons give way to each non-empty table's first rows (at most 5).
  assert.equal(await visible('.diag-tabs'), false);
  for (const t of cli.insights.diagnostics) {
    const sel = `.diag-print-table[data-table="${t.id}"]`;
    if (!t.rows.length) { assert.equal(await page.locator(sel).count(), 0, t.id); continue; }
    assert.ok(await visible(sel), t.id);
    assert.equal(await page.locator(`${sel} tbody tr`).count(), Math.min(5, t.rows.length), t.id);
  }
  // On screen the print copy is hidden.
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await visible('.diag-print'), false);
  assert.deepEqual(problems, []);
  await context.close();
});
