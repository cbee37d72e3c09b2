// Browser tests of the insight panels (web/src/insights/): the chart with its threshold lines,
// a scenario slider re-scoring live, and a diagnostics CSV download equal to the CLI's. Expected
// values come from the native CLI on the same sample.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  SAMPLE, CLI, buildSite, launch, newContext, openPage, waitForResult, resultSeq, cliAvailable, cliScore, removeTempDirs,
} from './helpers.mjs';
import { insightTables } from '../../web/src/insights/strings.js';

let site;
let browser;
const skip = !cliAvailable() && 'build/native/cli/shopscore is absent: build the native CLI to run these checks';

before(async () => {
  site = buildSite();
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  removeTempDirs();
});

async function sample(locale) {
  const { context, problems } = await newContext(browser, { locale });
  const page = await openPage(context, site.indexUrl);
  const seq = await resultSeq(page);
  await page.click('#load-sample');
  await waitForResult(page, seq);
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
  // The waterfall's parts are the core's contributions.
  const parts = await page.locator('#moved .wf-row').evaluateAll((els) => els.map((e) => [e.dataset.metric, Number(e.dataset.contribution)]));
  for (const [metric, c] of parts) assert.equal(c, cli.insights.moved.metrics.find((m) => m.metric === metric).contribution);
  // Chinese: the panels switch language.
  await page.selectOption('#lang-select', 'zh');
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
  const expected = spawnSync(CLI, ['score', SAMPLE, '--csv', table.id]).stdout;
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
