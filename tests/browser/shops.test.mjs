// Browser tests of the Shops view (issue 20, docs/web.md "Shops view"): a folder of 54 generated
// shops (bench/generate.mjs, small) with a broken export, a shop without exports, a shop missing
// its reviews (a range), hidden and lock files, given through the folder picker. The downloaded
// CSV must be byte for byte what the native `shopscore batch shops --out-csv` writes beside the
// folder; a sort, both filters (expected values from the CLI's own results), the bad row worded
// in Chinese, a click opening one shop in the single-shop view, axe-core, no request leaving the
// page; and a ZIP per shop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, CLI, useSite, newContext, openPage, chooseLang, foreignRequests, tempDir, cliAvailable } from './helpers.mjs';
import { zip } from './fixtures.mjs';
import { generate } from '../../bench/generate.mjs';
import en from '../../web/src/i18n/en.js';
import zh from '../../web/src/i18n/zh.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const suite = useSite();
const SHOPS = 50;

// ---- the shops ----

// DIR/shops: s00..s49 (30 to 275 order rows each), plus a Chinese name (bytewise order), a name
// that is the start of others ("s1" before "s10"), a name a spreadsheet would run as a formula, a
// shop without reviews, one with two broken exports (the first in name order is its error) and
// one holding only shop.json. A hidden file, an Excel lock file and a file beside the shops are
// skipped, as batch skips them.
function writeShops(dir) {
  const shops = path.join(dir, 'shops');
  for (let i = 0; i < SHOPS; i++) {
    const d = path.join(shops, `s${String(i).padStart(2, '0')}`);
    generate(30 + i * 5, d);
    rmSync(path.join(d, 'meta.json'));
  }
  cpSync(path.join(shops, 's07'), path.join(shops, '店铺一'), { recursive: true });
  cpSync(path.join(shops, 's11'), path.join(shops, '=SUM(A1)'), { recursive: true });
  cpSync(path.join(shops, 's19'), path.join(shops, 's1'), { recursive: true });
  cpSync(path.join(shops, 's13'), path.join(shops, 'no-reviews'), { recursive: true });
  rmSync(path.join(shops, 'no-reviews', 'reviews.csv'));
  cpSync(path.join(shops, 's17'), path.join(shops, 'broken'), { recursive: true });
  writeFileSync(path.join(shops, 'broken', 'notes.csv'), 'Shop notes,Owner\nCall Monday,Ana\n');
  writeFileSync(path.join(shops, 'broken', 'zz-notes.csv'), 'Supplier,Phone\nAcme,555\n');
  mkdirSync(path.join(shops, 'only-facts'));
  cpSync(path.join(shops, 's00', 'shop.json'), path.join(shops, 'only-facts', 'shop.json'));
  writeFileSync(path.join(shops, 's03', '.DS_Store'), 'junk');
  writeFileSync(path.join(shops, 's04', '~$orders.csv'), 'lock');
  writeFileSync(path.join(shops, 'README.txt'), 'not a shop');
  return shops;
}

function cliBatch(cwd, args) {
  const r = spawnSync(CLI, ['batch', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`shopscore batch exited ${r.status}: ${r.stderr}`);
  return r;
}

// RFC 4180 rows (quoted cells may hold commas and quotes).
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  return rows;
}

// The CLI's rows as objects by shop folder name.
function cliRows(csvBytes) {
  const [header, ...rows] = parseCsv(csvBytes.toString('utf8').replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]])));
}

async function axe(page) {
  return page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  }, AXE);
}

async function loadFolder(page, shopsDir, count) {
  await page.click('#tab-shops');
  await page.setInputFiles('#shops-folder', shopsDir);
  await page.waitForFunction((n) => document.querySelectorAll('#shops-table tbody tr').length === n &&
    !document.querySelector('#shops-download').disabled, count, { timeout: 120000 });
}

const shownShops = (page) => page.$$eval('#shops-table tbody tr', (trs) => trs.map((tr) => tr.dataset.shop));

async function downloadCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#shops-download')]);
  return readFileSync(await download.path());
}

// The shops' names as the CLI wrote them (the ' guard undone for a name starting with =).
const unguard = (name) => name.replace(/^'(?=[=+\-@])/, '');

test('Shops view: a folder of 55 shops gives the CSV bytes of shopscore batch; sort, filters, zh error, open', { skip: !cliAvailable() }, async () => {
  const dir = tempDir('shops');
  const shopsDir = writeShops(dir);
  const cliCsvPath = path.join(dir, 'cli.csv');
  cliBatch(dir, ['shops', '--out-csv', cliCsvPath]); // run beside the folder: errors name "shops/..."
  const cliCsv = readFileSync(cliCsvPath);
  const rows = cliRows(cliCsv);
  const count = readdirSync(shopsDir).filter((n) => n !== 'README.txt').length;
  assert.equal(rows.length, count);
  assert.ok(count >= 50);

  const { context, requests, problems } = await newContext(suite.browser, { viewport: { width: 1280, height: 900 } });
  const page = await openPage(context, suite.site.indexUrl);
  await loadFolder(page, shopsDir, count);

  // Byte for byte, BOM and LF included.
  const pageCsv = await downloadCsv(page);
  assert.equal(pageCsv.length, cliCsv.length, 'CSV length');
  assert.ok(pageCsv.equals(cliCsv), `the page's CSV differs from shopscore batch's:\n${pageCsv.toString('utf8').slice(0, 600)}`);

  // The bad shops carry their errors; the shop without reviews shows its range.
  const broken = rows.find((r) => r.shop === 'broken');
  assert.equal(broken.error_code, 'unknown_header');
  assert.equal(rows.find((r) => r.shop === 'only-facts').error_code, 'no_exports');
  const noReviews = rows.find((r) => r.shop === 'no-reviews');
  assert.equal(noReviews.sps, '');
  const rangeText = await page.textContent('#shops-table tr[data-shop="no-reviews"] td.shop-sps');
  assert.match(rangeText, /^\d\.\d–\d\.\d$/);

  // Sort by SPS (a range by its low end), then descending; blanks (errors) last either way.
  const spsOf = (r) => (r.sps !== '' ? Number(r.sps) : r.sps_low !== '' ? Number(r.sps_low) : null);
  const order = (dir) => rows.map((r, i) => ({ r, i })).sort((a, b) => {
    const x = spsOf(a.r), y = spsOf(b.r);
    if (x == null || y == null) return (x == null) - (y == null) || a.i - b.i;
    return (x - y) * dir || a.i - b.i;
  }).map(({ r }) => unguard(r.shop));
  await page.click('#shops-table th[data-key="sps"] button');
  assert.deepEqual(await shownShops(page), order(1));
  assert.equal(await page.getAttribute('#shops-table th[data-key="sps"]', 'aria-sort'), 'ascending');
  await page.keyboard.press('Enter'); // the header button keeps the focus: the keyboard sorts too
  assert.deepEqual(await shownShops(page), order(-1));

  // "Below 3.5": a range by its low end; a shop that could not be scored stays in view.
  await page.check('#shops-filter-below');
  const below = rows.filter((r) => r.error_code !== '' || spsOf(r) < 3.5).map((r) => unguard(r.shop)).sort();
  assert.ok(below.length > 3 && below.length < rows.length - 3, `a filter that selects some: ${below.length}`);
  assert.deepEqual((await shownShops(page)).sort(), below);
  await page.uncheck('#shops-filter-below');

  // "Crosses 2.5 within 14 days": each shop's forecast from `shopscore score --insights`.
  const crossing = [];
  const scoreShop = (name) => new Promise((resolve, reject) => {
    const d = path.join(shopsDir, name);
    const args = ['score', '--insights', '--shop', path.join(d, 'shop.json')];
    for (const kind of ['orders', 'returns', 'reviews', 'chats', 'diagnostics']) {
      if (readdirSync(d).includes(`${kind}.csv`)) args.push(`--${kind}`, path.join(d, `${kind}.csv`));
    }
    execFile(CLI, args, { maxBuffer: 1 << 26 }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))));
  });
  const scored = rows.filter((r) => r.error_code === '').map((r) => unguard(r.shop));
  crossing.push(...rows.filter((r) => r.error_code !== '').map((r) => unguard(r.shop)));
  for (let i = 0; i < scored.length; i += 4) {
    const results = await Promise.all(scored.slice(i, i + 4).map(scoreShop));
    results.forEach((res, k) => {
      const limit = new Date(Date.parse(res.as_of + 'T00:00:00Z') + 14 * 86400000).toISOString().slice(0, 10);
      const x = res.insights.forecast.crossings.find((c) => c.threshold === 2.5);
      const dates = x ? [x.clean.reached, x.clean.lost, x.steady.reached, x.steady.lost].filter(Boolean) : [];
      if (dates.some((day) => day <= limit)) crossing.push(scored[i + k]);
    });
  }
  crossing.sort();
  assert.ok(crossing.length > 3 && crossing.length < rows.length - 3, `a filter that selects some: ${crossing.length}`);
  await page.check('#shops-filter-cross');
  assert.deepEqual((await shownShops(page)).sort(), crossing);
  await page.uncheck('#shops-filter-cross');

  // axe-core (run below) tries to read styles.css, which the page's CSP (connect-src 'none')
  // refuses: that console line is axe's, so the page's own problems are checked before it runs.
  assert.deepEqual(problems, []);

  // In Chinese the bad rows are worded from their codes.
  await chooseLang(page, 'zh');
  const brokenText = await page.textContent('#shops-table tr[data-shop="broken"] .shop-error');
  assert.ok(brokenText.startsWith('shops/broken/notes.csv') && brokenText.includes(zh['err.unknown_header']), brokenText);
  assert.ok(!brokenText.includes('expected'), 'no English in the Chinese message');
  const factsText = await page.textContent('#shops-table tr[data-shop="only-facts"] .shop-error');
  assert.equal(factsText, `shops/only-facts${zh['punct.colon']}${zh['err.no_exports']}`);
  assert.equal(await page.textContent('#tab-shops'), zh['tab.shops']);
  assert.deepEqual(await axe(page), [], 'axe (zh, with the table, a range and the bad rows)');

  // A click opens that shop's full result in the single-shop view.
  const s05 = rows.find((r) => r.shop === 's05');
  await page.click('#shops-table tr[data-shop="s05"] th button');
  await page.waitForFunction(() => document.querySelector('#tab-files').getAttribute('aria-selected') === 'true' &&
    document.querySelector('#sps-display') && document.querySelector('#progress').hidden, null, { timeout: 60000 });
  assert.equal((await page.textContent('#sps-display')).trim(), s05.sps_display);
  assert.equal(await page.$$eval('#file-list > li', (li) => li.length), 6); // 5 exports + shop.json

  const axeFetch = /^console: Connecting to 'file:.*\/styles\.css' violates .*"connect-src 'none'"/;
  assert.deepEqual(problems.filter((p) => !axeFetch.test(p)), []);
  assert.deepEqual(foreignRequests(requests, 'file://'), [], 'no request leaves the page');
  await context.close();
});

test('Shops view: one ZIP per shop, named after the ZIP', { skip: !cliAvailable() }, async () => {
  const dir = tempDir('shops-zip');
  const shopsDir = path.join(dir, 'shops');
  const zips = [];
  for (const [name, rows] of [['beta', 60], ['alpha', 45], ['gamma', 80]]) {
    generate(rows, path.join(shopsDir, name));
    rmSync(path.join(shopsDir, name, 'meta.json'));
    const files = {};
    // A ZIP made from the folder: its entries sit in one top folder.
    for (const f of readdirSync(path.join(shopsDir, name))) files[`${name}/${f}`] = readFileSync(path.join(shopsDir, name, f));
    const file = path.join(dir, `${name}.zip`);
    writeFileSync(file, zip(files));
    zips.push(file);
  }
  // A ZIP whose entries sit in two top folders: like a shop folder holding only folders, it has
  // no exports of its own (batch does not read deeper folders).
  const split = {};
  for (const f of readdirSync(path.join(shopsDir, 'alpha'))) split[`${f.startsWith('o') ? 'x' : 'y'}/${f}`] = readFileSync(path.join(shopsDir, 'alpha', f));
  for (const [name, bytes] of Object.entries(split)) {
    mkdirSync(path.join(shopsDir, 'delta', path.dirname(name)), { recursive: true });
    writeFileSync(path.join(shopsDir, 'delta', name), bytes);
  }
  writeFileSync(path.join(dir, 'delta.zip'), zip(split));
  zips.push(path.join(dir, 'delta.zip'));
  const cli = cliRows(Buffer.from(cliBatch(dir, ['shops', '--out-csv', '-']).stdout, 'utf8'));
  assert.equal(cli.find((r) => r.shop === 'delta').error_code, 'no_exports');
  const { context, requests, problems } = await newContext(suite.browser, { viewport: { width: 375, height: 800 } });
  const page = await openPage(context, suite.site.indexUrl);
  await page.click('#tab-shops');
  await page.setInputFiles('#shops-zips', zips);
  await page.waitForFunction(() => !document.querySelector('#shops-download').disabled, null, { timeout: 60000 });
  // The shops' rows equal the CLI's on the same folders (the same bytes: no error names a path).
  const pageCsv = await downloadCsv(page);
  const fromPage = cliRows(pageCsv);
  assert.deepEqual(fromPage.map((r) => r.shop), ['alpha', 'beta', 'delta', 'gamma']);
  // The same rows; the error's message names the ZIP on the page and the folder in the CLI.
  const withoutMessage = (rows) => rows.map(({ error, ...r }) => r);
  assert.deepEqual(withoutMessage(fromPage), withoutMessage(cli));
  assert.match(fromPage.find((r) => r.shop === 'delta').error, /^delta\.zip: /);
  // At 375 px the table scrolls inside its box; the page itself does not scroll sideways.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.deepEqual(problems, []);
  assert.deepEqual(foreignRequests(requests, 'file://'), [], 'no request leaves the page');
  await context.close();
});

// Screenshots for looking at (SHOPSCORE_SCREENSHOTS=DIR): ~10 shops, one bad, en and zh, 375 px
// and desktop.
test('Shops view: screenshots', { skip: !process.env.SHOPSCORE_SCREENSHOTS }, async () => {
  const out = path.resolve(process.env.SHOPSCORE_SCREENSHOTS);
  mkdirSync(out, { recursive: true });
  const dir = tempDir('shops-shots');
  const shopsDir = path.join(dir, 'shops');
  const names = ['Acme Home', 'Blue Garden', 'Cozy Kids', 'Daily Tech', 'Evergreen', 'Fresh Pantry', 'Golden Pets', 'Happy Feet', '小红书好物', '优选家居'];
  names.forEach((n, i) => { generate(40 + i * 23, path.join(shopsDir, n)); rmSync(path.join(shopsDir, n, 'meta.json')); });
  rmSync(path.join(shopsDir, 'Daily Tech', 'reviews.csv'));
  writeFileSync(path.join(shopsDir, 'Evergreen', 'orders.csv'), 'Shop notes,Owner\nCall Monday,Ana\n');
  for (const [lang, width] of [['en', 375], ['en', 1280], ['zh', 375], ['zh', 1280]]) {
    const { context } = await newContext(suite.browser, { viewport: { width, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const page = await openPage(context, suite.site.indexUrl);
    await loadFolder(page, shopsDir, names.length);
    await page.screenshot({ path: path.join(out, `shops-${lang}-${width}.png`), fullPage: true });
    // The columns past the first screen: the table scrolled to its end.
    await page.$eval('.shops-scroll', (el) => { el.scrollLeft = el.scrollWidth; });
    await page.screenshot({ path: path.join(out, `shops-${lang}-${width}-scrolled.png`), fullPage: true });
    await context.close();
  }
});

// Keep the names the test uses in both tables.
test('the Shops view has every text in both languages', () => {
  const keys = Object.keys(en).filter((k) => k.startsWith('shops.') || k === 'tab.shops' || k === 'err.no_exports');
  assert.ok(keys.length > 20);
  for (const k of keys) assert.ok(zh[k], `zh has ${k}`);
  assert.equal(ROOT.length > 0, true);
});
