// The page's size limits (docs/limits.md): a 2 GiB file is refused at once, without reading it,
// and the page keeps working. The file is sparse (truncate: no disk blocks, nothing stored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { buildSite, launch, newContext, openPage, waitForResult, resultSeq, moduleScore, readSample, tempDir, removeTempDirs } from './helpers.mjs';

let site;
let browser;

before(async () => {
  site = buildSite();
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  removeTempDirs();
});

test('a 2 GiB file is refused at once with the limit, and the page keeps working', async () => {
  const huge = path.join(tempDir('huge'), 'huge-orders.csv');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 2 * 2 ** 30);
  closeSync(fd);
  const { context, problems } = await newContext(browser, { locale: 'en-US' });
  const page = await openPage(context, site.indexUrl);
  const t0 = Date.now();
  await page.setInputFiles('#file-input', huge);
  const row = page.locator('#file-list > li[data-file="huge-orders.csv"]');
  await page.waitForSelector('#file-list > li[data-file="huge-orders.csv"][data-status="error"]', { timeout: 30000 });
  assert.ok(Date.now() - t0 < 20000, 'refused without reading 2 GiB');
  // 2 GiB = 2048 MiB against the 1024 MiB limit.
  assert.equal(await row.locator('.file-error').textContent(),
    'huge-orders.csv:1:A: expected a file of at most 1024 MiB in the page (the command-line tool reads larger files), got 2048 MiB');
  await page.waitForSelector('body[data-ready="true"]');
  const seq = await resultSeq(page);
  await page.click('#load-sample');
  await waitForResult(page, seq);
  assert.equal(await page.textContent('#sps-display'), (await moduleScore(readSample())).sps_display);
  assert.deepEqual(problems, []);
  await context.close();
});
