// Issue 19 "finish the page": keyboard, phone, words. Each check failed on the page before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  newContext, openPage, loadSample, addFiles, waitForResult, moduleScore, readSample,
  useSite,
} from './helpers.mjs';
import { startStaticServer } from './static-server.mjs';
import en from '../../web/src/i18n/en.js';
import zh from '../../web/src/i18n/zh.js';

const suite = useSite({ fixtures: true });

const PHONE = { viewport: { width: 375, height: 700 }, isMobile: true };
const LANGS = [['en-US', en], ['zh-CN', zh]];
// The printable width of Letter (8.5 in) and A4 (210 mm) less the 14 mm margins, in CSS px.
const PAPERS = [['Letter', Math.round(8.5 * 96 - 2 * 14 * 96 / 25.4)], ['A4', Math.round((210 - 28) * 96 / 25.4)]];

test('keyboard: diagnostics tabs move with the arrows; sliders say their value; the chart has a data table', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  const tabs = page.locator('.diag-tab');
  const n = await tabs.count();
  assert.ok(n > 1);
  assert.equal(await page.locator('.diag-tab[tabindex="0"]').count(), 1, 'one tab stop');
  await tabs.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.table), await tabs.nth(1).getAttribute('data-table'));
  assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.table), await tabs.nth(n - 1).getAttribute('data-table'));
  for (const slider of await page.locator('input[type="range"]').all()) {
    assert.ok((await slider.getAttribute('aria-valuetext') || '').length > 0);
  }
  assert.equal(await page.getAttribute('input[data-lever="fbt_share"]', 'aria-valuetext'), '50%');
  await page.click('#chart-data summary');
  const rows = await page.locator('#chart-data tbody tr').count();
  assert.equal(rows, Number(await page.getAttribute('#insight-chart', 'data-points')) || rows);
  assert.ok(rows > 90);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard on a phone: a focused field is never under the sticky score bar', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US', ...PHONE });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.focus('#load-sample');
  let checked = 0;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    // Measured once the page has settled (two frames): the bar shows and hides from an
    // IntersectionObserver, whose callback comes a frame after the focus scroll that moved the
    // headline. Measured at once, a loaded machine once caught a field 1.03 px under a bar in
    // that frame (session 17's CI); settled, every Tab stop is checked with the bar as shown.
    const r = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const bar = document.querySelector('#sticky-score');
      const el = document.activeElement;
      if (!el || bar.hidden || bar.contains(el)) return null;
      const a = el.getBoundingClientRect();
      // A region taller than the screen (the result panel) cannot fit above the bar.
      if (a.height > bar.getBoundingClientRect().top) return null;
      return { id: el.id || el.tagName, bottom: a.bottom, top: a.top, bar: bar.getBoundingClientRect().top };
    });
    if (!r) continue;
    checked++;
    assert.ok(r.bottom <= r.bar + 1 || r.top >= r.bar + 100, `${r.id} hidden under the bar: ${JSON.stringify(r)}`);
  }
  assert.ok(checked > 5, `fields checked with the bar shown: ${checked}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone: finger-sized sliders and links; diagnostics columns readable (the table scrolls instead)', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'zh-CN', ...PHONE });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  for (const sel of ['input[data-lever="fbt_share"]', '#file-list button.link, #sticky-jump, .range-actions button.link']) {
    for (const el of await page.locator(sel).all()) {
      if (!(await el.isVisible())) continue;
      const box = await el.boundingBox();
      assert.ok(box.height >= 44, `${sel}: ${box.height}px`);
    }
  }
  const widths = await page.locator('.diag-panel .diag-table td:not(.num)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  assert.ok(widths.length > 0);
  assert.ok(Math.min(...widths) >= 60, `narrowest text cell ${Math.min(...widths)}px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('words: a warning never shows a raw {placeholder}; why-it-moved says it is rounded and has no +0.00 row', async () => {
  for (const [locale, table] of [['en-US', en], ['zh-CN', zh]]) {
    const { context, problems } = await newContext(suite.browser, { locale });
    const page = await openPage(context, suite.site.indexUrl);
    const seq = await addFiles(page, [suite.fx.files['orders.csv'], suite.fx.files['returns.csv']]);
    await waitForResult(page, seq);
    const text = await page.evaluate(() => document.querySelector('main').innerText);
    assert.doesNotMatch(text, /\{[a-z_]+\}/, locale);
    await page.click('#tab-files');
    await loadSample(page);
    if (await page.locator('#moved').count()) {
      assert.equal(await page.textContent('#moved-rounded'), table['ins.moved.rounded']);
      for (const v of await page.locator('#moved .wf-value').allTextContents()) assert.doesNotMatch(v, /^[+−]0[.,]00$/, v);
    }
    // A late order is never "0 days late".
    await page.click('.diag-tab[data-table="late_orders"]');
    const days = await page.locator('.diag-panel .diag-table').evaluate((t) => {
      const i = [...t.querySelectorAll('thead th')].findIndex((th) => th.querySelector('[data-column="days_late"]'));
      return [...t.querySelectorAll('tbody tr')].map((tr) => tr.children[i].textContent);
    });
    assert.ok(days.length > 0);
    assert.ok(!days.includes('0'), days.join(' '));
    // The boot line ("ready") leaves once a result is shown.
    assert.equal(await page.locator('#boot-status').isVisible(), false);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('words: the metric CSV from the Chinese page has Chinese headers and values', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'zh-CN' });
  const page = await openPage(context, suite.site.indexUrl);
  await loadSample(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
  assert.ok(lines[0].startsWith(`${zh['csv.metric']},${zh['csv.name']},`), lines[0]);
  assert.ok(lines[1].startsWith(`nrr,${zh['metric.nrr']},`), lines[1]);
  assert.ok(lines[1].endsWith(`,${zh['csv.no']},${zh['csv.no']}`), lines[1]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('words: the first visit says only Orders is required and where the exclusions come from', async () => {
  for (const [locale, table] of [['en-US', en], ['zh-CN', zh]]) {
    const { context } = await newContext(suite.browser, { locale });
    const page = await openPage(context, suite.site.indexUrl);
    const guide = await page.textContent('#guide');
    assert.ok(guide.includes(table['guide.export_exclusions']), locale);
    assert.ok(guide.includes(table['guide.step_download']), locale);
    await context.close();
  }
});

test('print (Letter and A4, both languages): no crushed table, no box to type in, headings kept with their text', async () => {
  for (const [paper, width] of PAPERS) {
    for (const locale of ['en-US', 'zh-CN']) {
      const { context, problems } = await newContext(suite.browser, { locale, viewport: { width: width, height: 1000 } });
      const page = await openPage(context, suite.site.indexUrl);
      await loadSample(page);
      await page.emulateMedia({ media: 'print' });
      const what = `${paper} ${locale}`;
      const inputs = await page.locator('#result-body input[type="text"]').evaluateAll((els) => els.filter((e) => e.getClientRects().length).length);
      assert.equal(inputs, 0, `${what}: text boxes on paper`);
      const cells = await page.locator('.diag-print td:not(.num), #metric-table td').evaluateAll((els) => els.filter((e) => e.getClientRects().length && e.textContent.trim().length > 3).map((e) => {
        const s = getComputedStyle(e);
        const lineHeight = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.3;
        return { lines: e.getBoundingClientRect().height / lineHeight, chars: e.textContent.trim().length, width: e.getBoundingClientRect().width };
      }));
      assert.ok(cells.length > 10, what);
      // Crushed: a cell of a few words stretched over nearly one line per character.
      const crushed = cells.filter((c) => c.width < 30);
      assert.deepEqual(crushed, [], `${what}: crushed cells`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${what}: wider than the paper by ${overflow}px`);
      const headings = await page.$$eval('#result-body h3, #result-body h4', (els) => els.filter((e) => e.getClientRects().length).map((e) => getComputedStyle(e).breakAfter));
      assert.ok(headings.length > 3 && headings.every((b) => b === 'avoid'), `${what}: ${headings.join(',')}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test('phone: the sticky bar is one line (en); a typed metric\'s unit stays inside its card', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US', ...PHONE });
  const page = await openPage(context, suite.site.indexUrl);
  await page.click('#tab-quick');
  await page.fill('#quick-nrr-value', '0.8');
  await page.waitForSelector('#sps-display');
  await page.locator('#quick-aht-value').scrollIntoViewIfNeeded();
  await page.waitForSelector('#sticky-score:not([hidden])');
  const bar = await page.locator('#sticky-score').boundingBox();
  assert.ok(bar.height <= 64, `sticky bar ${bar.height}px tall`);
  // Orders only: metrics without data get a field to type them.
  await page.click('#tab-files');
  const seq = await addFiles(page, [suite.fx.files['orders.csv']]);
  await waitForResult(page, seq);
  const boxes = await page.locator('.type-metric').evaluateAll((els) => els.map((e) => {
    const card = e.closest('tr').getBoundingClientRect();
    const unit = e.querySelector('.unit').getBoundingClientRect();
    return { unit: unit.right, card: card.right };
  }));
  assert.ok(boxes.length > 0);
  for (const b of boxes) assert.ok(b.unit <= b.card, JSON.stringify(b));
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone: after the files are read, the result is brought into view', async () => {
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US', ...PHONE });
  const page = await openPage(context, suite.site.indexUrl);
  const seq = await addFiles(page, [suite.fx.files['orders.csv'], suite.fx.files['returns.csv']]);
  await waitForResult(page, seq);
  await page.waitForFunction(() => Math.abs(document.querySelector('#result').getBoundingClientRect().top) < 5);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'result');
  assert.deepEqual(problems, []);
  await context.close();
});

test('print (Letter and A4, both languages): no chart label clipped, whether the page was opened on paper width or on a desktop', async () => {
  for (const [paper, width] of PAPERS) {
    for (const [locale] of LANGS) {
      // Printing from a desktop keeps the chart drawn for the screen: it must shrink, not be cut.
      for (const opened of [width, 1280]) {
        const what = `${paper} ${locale} opened at ${opened}px`;
        const { context, problems } = await newContext(suite.browser, { locale, viewport: { width: opened, height: 1000 } });
        const page = await openPage(context, suite.site.indexUrl);
        await loadSample(page);
        await page.waitForSelector('#insight-chart[data-thresholds] canvas');
        await page.setViewportSize({ width, height: 1000 });
        await page.emulateMedia({ media: 'print' });
        const c = await page.evaluate(() => {
          const box = document.querySelector('#insight-chart').getBoundingClientRect();
          const canvas = document.querySelector('#insight-chart canvas');
          const r = canvas.getBoundingClientRect();
          // Ink in the canvas's outermost pixels is a label (or line) cut by its edge.
          const ctx = canvas.getContext('2d');
          const inked = (x, y, w, h) => ctx.getImageData(x, y, w, h).data.some((v, i) => i % 4 === 3 && v > 0);
          const w = canvas.width, h = canvas.height;
          const cut = (e) => {
            const b = e.getBoundingClientRect();
            return e.scrollWidth > e.clientWidth + 1 || b.left < box.left - 1 || b.right > box.right + 1;
          };
          const labels = [...document.querySelectorAll('#insight-chart .u-legend th, #insight-chart .u-legend td, #trend h3, #trend li')]
            .filter((e) => e.getClientRects().length && e.textContent.trim());
          return {
            box: [box.left, box.right], canvas: [r.left, r.right], shape: [r.width / r.height, w / h], paper: document.documentElement.clientWidth,
            edges: { left: inked(0, 0, 1, h), right: inked(w - 1, 0, 1, h), top: inked(0, 0, w, 1), bottom: inked(0, h - 1, w, 1) },
            labels: labels.length, cut: labels.filter(cut).map((e) => e.textContent.trim()),
          };
        });
        assert.ok(c.canvas[0] >= c.box[0] - 1 && c.canvas[1] <= c.box[1] + 1 && c.canvas[1] <= c.paper + 1, `${what}: the chart is cut at the side ${JSON.stringify(c)}`);
        assert.ok(Math.abs(c.shape[0] / c.shape[1] - 1) < 0.02, `${what}: the chart is squashed ${JSON.stringify(c.shape)}`);
        assert.deepEqual(c.edges, { left: false, right: false, top: false, bottom: false }, `${what}: ink at the chart's edge`);
        assert.ok(c.labels > 3, what);
        assert.deepEqual(c.cut, [], `${what}: labels cut`);
        assert.deepEqual(problems, []);
        await context.close();
      }
    }
  }
});

test('words: a diagnostics CSV from the Chinese page has Chinese headers and values; from the English page, English', async () => {
  const csvs = {};
  for (const [locale] of LANGS) {
    const { context, problems } = await newContext(suite.browser, { locale });
    const page = await openPage(context, suite.site.indexUrl);
    await loadSample(page);
    await page.click('.diag-tab[data-table="late_orders"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.diag-csv[data-table="late_orders"]')]);
    csvs[locale] = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
    assert.deepEqual(problems, []);
    await context.close();
  }
  const han = /\p{Script=Han}/u;
  const [zhHead, ...zhRows] = csvs['zh-CN'];
  const [enHead, ...enRows] = csvs['en-US'];
  assert.ok(zhRows.length > 0 && zhRows.length === enRows.length);
  assert.ok(zhHead.every((c) => han.test(c)), `zh header: ${zhHead}`);
  assert.ok(enHead.every((c) => !han.test(c)), `en header: ${enHead}`);
  // The order type column: a word, in the page's language.
  const type = enHead.indexOf('type');
  const zhType = zhRows.map((r) => r[type]), enType = enRows.map((r) => r[type]);
  assert.ok(type > 0 && zhType.every((v) => han.test(v)), `zh types: ${zhType}`);
  assert.ok(enType.every((v) => v && !han.test(v)), `en types: ${enType}`);
});

test('words: the plan says which orders to wait for to leave which window, never "reduce"', async () => {
  const core = await moduleScore(readSample(), { insights: true });
  const goal = core.insights.goal_seek.find((g) => !g.reached_today && g.plan.reachable && g.plan.steps.length);
  assert.ok(goal, 'premise: the sample has a plan with steps');
  for (const [locale, table] of LANGS) {
    const { context, problems } = await newContext(suite.browser, { locale });
    const page = await openPage(context, suite.site.indexUrl);
    await loadSample(page);
    const plan = await page.textContent(`#goal-seek .goal-target[data-target="${goal.target}"] .goal-plan`);
    for (const step of goal.plan.steps) {
      const days = core.metrics[step.metric].window_days;
      const words = table['ins.goal.plan_step'].replace('{n}', String(step.fewer)).replace('{what}', table[`ins.what.${step.metric}.${step.fewer === 1 && locale === 'en-US' ? 'one' : 'other'}`]).replace('{days}', String(days));
      assert.ok(plan.includes(words), `${locale}: "${plan}" lacks "${words}"`);
    }
    assert.doesNotMatch(plan, /reduc|减少/i, locale);
    // One order is "1 order", not "1 orders" (the sample's plan: one seller-fault cancellation).
    const form = (n) => (n === 1 && locale === 'en-US' ? 'one' : 'other');
    if (goal.plan.steps.length === 1) {
      const [step] = goal.plan.steps;
      const words = table['ins.goal.plan_step'].replace('{n}', String(step.fewer)).replace('{what}', table[`ins.what.${step.metric}.${form(step.fewer)}`])
        .replace('{days}', String(core.metrics[step.metric].window_days));
      assert.equal(plan, table[`ins.goal.plan.${form(goal.plan.orders)}`].replace('{steps}', words).replace('{n}', String(goal.plan.orders)));
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('words: offline without the sample saved, the sample button says so where the seller looks', async () => {
  const server = await startStaticServer(suite.site.dir);
  try {
    for (const [locale, table] of LANGS) {
      const { context, problems } = await newContext(suite.browser, { locale });
      const page = await openPage(context, server.url);
      await page.waitForSelector('body[data-offline="registered"]');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await context.setOffline(true);
      await page.click('#load-sample');
      await page.waitForFunction(() => document.querySelector('#sample-msg').textContent !== '');
      assert.equal(await page.textContent('#sample-msg'), table['input.sample_offline']);
      // Just under the button, on screen.
      const button = await page.locator('#load-sample').boundingBox();
      const msg = await page.locator('#sample-msg').boundingBox();
      assert.ok(msg.y >= button.y && msg.y - (button.y + button.height) < 60, JSON.stringify({ button, msg }));
      assert.ok(msg.y + msg.height <= 1000 && (await page.locator('#sample-msg').isVisible()));
      assert.equal(await page.locator('#sps-display').count(), 0, 'no score without the sample');
      assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
      await context.close();
    }
  } finally {
    await server.close();
  }
});

test('words: an unknown Order Status is told with its file, never a raw {file}, in both languages', async () => {
  const text = readFileSync(suite.fx.files['orders.csv'], 'utf8');
  const odd = path.join(suite.fxDir, 'odd-status.csv');
  writeFileSync(odd, text.replace(/\r\n([^,]+),Delivered,/, '\r\n$1,On the moon,'));
  for (const [locale, table] of LANGS) {
    const { context, problems } = await newContext(suite.browser, { locale });
    const page = await openPage(context, suite.site.indexUrl);
    const seq = await addFiles(page, [odd]);
    await waitForResult(page, seq);
    const items = await page.locator('li[data-warning="unknown_status"]').allTextContents();
    assert.ok(items.length > 0, `${locale}: the warning is shown`);
    for (const item of items) {
      assert.doesNotMatch(item, /\{[a-z_]+\}/, item);
      assert.ok(item.includes('odd-status.csv') || item.includes(table['warn.this_file']), item);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('keyboard: every field that cannot be read says why beside it (quick mode, shop facts, profile, a typed metric)', async () => {
  for (const [locale] of LANGS) {
    const { context, problems } = await newContext(suite.browser, { locale });
    const page = await openPage(context, suite.site.indexUrl);
    // Orders only: the metrics without data get a field under the table.
    const seq = await addFiles(page, [suite.fx.files['orders.csv']]);
    await waitForResult(page, seq);
    for (const d of ['#shop-facts', '#profile-details']) if ((await page.locator(d).getAttribute('open')) === null) await page.click(`${d} summary`);
    const numeric = 'input[inputmode="decimal"]';
    // The fields shown now that cannot be read, each with its message (read from the page).
    const unread = () => page.$$eval(numeric, (els) => els.filter((e) => e.value === 'abc' && e.getClientRects().length).map((e) => ({
      id: e.id,
      invalid: e.getAttribute('aria-invalid'),
      // The error is the text of a described-by element (not the hint under the field).
      message: (e.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => !id.endsWith('-hint'))
        .map((id) => document.getElementById(id)).filter((m) => m && m.getClientRects().length).map((m) => m.textContent.trim()).join(' '),
    })));
    const typed = page.locator(`.type-metric ${numeric}`).first();
    await typed.fill('abc');
    await typed.press('Tab');
    await page.waitForSelector(`.type-metric ${numeric}[aria-invalid="true"]`);
    const underTable = await unread();
    assert.equal(underTable.length, 1, locale);
    assert.ok(underTable[0].message.length > 0, `${locale}: ${JSON.stringify(underTable)}`);
    await page.click('#tab-quick');
    for (const d of await page.locator('#quick-form details.quick-counts').all()) await d.locator('summary').click();
    let filled = 0;
    for (const root of ['#quick-form', '#shop-facts', '#profile-body']) {
      for (const el of await page.locator(`${root} ${numeric}`).all()) {
        if (!(await el.isVisible())) continue;
        await el.fill('abc');
        await el.press('Tab');
        filled++;
      }
    }
    await page.waitForTimeout(500);
    const fields = await unread();
    assert.ok(filled > 10 && fields.length >= filled, `${locale}: ${fields.length} of ${filled}`);
    const silent = fields.filter((f) => f.invalid !== 'true' || !f.message);
    assert.deepEqual(silent, [], `${locale}: fields without their message`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// The words of the result broken across two lines. Each run of Latin letters and digits
// ("Settlement", "3.84", "refund") stays on one line; Chinese text may wrap between any two
// characters, and a too-long word (an order ID) in a diagnostics table may break.
function brokenWords(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('#result-body'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.getClientRects().length || n.parentElement.closest('.diag-table')) continue;
      for (const m of n.data.matchAll(/[A-Za-z0-9.%]+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
}

test('desktop: with an export missing (a field to type beside each such metric), no metric name breaks inside a word', async () => {
  for (const [locale] of LANGS) {
    const { context, problems } = await newContext(suite.browser, { locale, viewport: { width: 1280, height: 900 } });
    const page = await openPage(context, suite.site.indexUrl);
    const seq = await addFiles(page, [suite.fx.files['orders.csv'], suite.fx.files['returns.csv']]);
    await waitForResult(page, seq);
    assert.ok(await page.locator('.type-metric').count() > 0, 'premise: fields to type');
    assert.deepEqual(await brokenWords(page), [], `${locale}: words broken across lines`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('phone: no word or number in the result breaks across lines; a benefit\'s mark stays by its name; the chart legend names its lines without "--"', async () => {
  for (const [locale] of LANGS) {
    const { context, problems } = await newContext(suite.browser, { locale, ...PHONE, hasTouch: true });
    const page = await openPage(context, suite.site.indexUrl);
    await loadSample(page);
    await page.waitForSelector('#insight-chart[data-thresholds] canvas');
    assert.deepEqual(await brokenWords(page), [], `${locale}: words broken across lines`);
    // A benefit's mark (✓ ✕) stands on the line of its name, never alone above it.
    const marks = await page.$$eval('#benefits .benefit', (els) => els.map((e) => {
      const icon = e.querySelector('.benefit-icon').getBoundingClientRect();
      const name = e.querySelector('.benefit-name').getClientRects()[0];
      return { id: e.dataset.benefit, gap: Math.abs(icon.top - name.top) };
    }));
    assert.ok(marks.length > 5 && marks.every((m) => m.gap < 8), `${locale}: ${JSON.stringify(marks)}`);
    const legend = await page.locator('#insight-chart .u-legend').innerText();
    assert.doesNotMatch(legend, /--/, `${locale}: ${legend}`);
    assert.ok(legend.includes(locale === 'en-US' ? en['ins.chart.trend'] : zh['ins.chart.trend']), legend);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('words: a range (exports missing) shows each dimension\'s profile weight, never "weight used 0.0 %"', async () => {
  for (const [locale, table] of LANGS) {
    const { context, problems } = await newContext(suite.browser, { locale });
    const page = await openPage(context, suite.site.indexUrl);
    const seq = await addFiles(page, [suite.fx.files['orders.csv'], suite.fx.files['returns.csv']]);
    await waitForResult(page, seq);
    assert.ok(await page.locator('#result-body [data-dimension]').count() === 3);
    const weights = await page.locator('#result-body [data-dimension] .dim-weights').allTextContents();
    const used = table['dim.weight_used'].split('{w}')[0];
    for (const w of weights) assert.ok(!w.includes(used), `${locale}: ${w}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
