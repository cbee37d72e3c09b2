// The page's size limits (docs/limits.md): a 2 GB export streams through the page (issue 10), and
// a 5 GiB file, over the 4 GiB limit, is refused at once without reading it while the page keeps
// working. Neither is stored: the 2 GB file is a Blob of one 1.2 MB part repeated, the 5 GiB one
// is sparse (truncate: no disk blocks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { generate } from '../../bench/generate.mjs';
import { CLI, cliAvailable, newContext, openPage, waitForResult, resultSeq, moduleScore, readSample, tempDir, loadSample, addFiles, useSite } from './helpers.mjs';

const suite = useSite();

test('a 5 GiB file is refused at once with the limit, and the page keeps working', async () => {
  const huge = path.join(tempDir('huge'), 'huge-orders.csv');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 5 * 2 ** 30);
  closeSync(fd);
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  const t0 = Date.now();
  await page.setInputFiles('#file-input', huge);
  const row = page.locator('#file-list > li[data-file="huge-orders.csv"]');
  await page.waitForSelector('#file-list > li[data-file="huge-orders.csv"][data-status="error"]', { timeout: 30000 });
  assert.ok(Date.now() - t0 < 20000, 'refused without reading 2 GiB');
  // 5 GiB = 5120 MiB against the 4096 MiB limit.
  assert.equal(await row.locator('.file-error').textContent(),
    'huge-orders.csv:1:A: expected a file of at most 4096 MiB in the page (the command-line tool reads larger files), got 5120 MiB');
  await page.waitForSelector('body[data-ready="true"]');
  await loadSample(page);
  assert.equal(await page.textContent('#sps-display'), (await moduleScore(readSample())).sps_display);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged XLSX is refused in the page with the command line\'s words (the core\'s error, not a copy)', { skip: !cliAvailable() && 'the CLI is absent' }, async () => {
  const file = path.join(tempDir('xlsx'), 'damaged.xlsx');
  writeFileSync(file, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 0x61)]));
  const cli = spawnSync(CLI, ['score', '--orders', file], { encoding: 'utf8' });
  assert.equal(cli.status, 2);
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);
  await addFiles(page, [file]);
  const row = page.locator('#file-list > li[data-file="damaged.xlsx"]');
  assert.equal(await row.getAttribute('data-status'), 'error');
  // Worded for the seller from the error's code, with the core's line kept for support.
  assert.equal(await row.locator('.error-details code').textContent(), cli.stderr.trim().replace(path.dirname(file) + '/', ''));
  assert.match(await row.locator('.file-error').textContent(), /^damaged\.xlsx: The workbook cannot be read/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Gives the page a File made of `head` then `body` repeated `copies` times (Blob parts share the
// one body: nothing is copied or stored), through the file input as a drop would.
async function offerRepeated(page, name, head, body, copies) {
  await page.evaluate(({ name, head, body, copies }) => {
    const part = new Blob([body]);
    const file = new File([head, ...Array(copies).fill(part)], name, { type: 'text/csv' });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const input = document.querySelector('#file-input');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { name, head, body, copies });
}

test('a 2 GB orders export streams through the page', async () => {
  // 2500 SKU rows in the real 54-column shape (bench/generate.mjs), ~1.2 MB: the header and its
  // row of descriptions, then the rows. Repeated, the same orders come back as more SKU rows of
  // themselves with the same cells, so the dataset (and the score) is the one copy's, while every
  // byte of 2 GB goes through the reader.
  const dir = tempDir('stream');
  generate(2500, dir);
  const text = readFileSync(path.join(dir, 'orders.csv'), 'utf8');
  const secondLineEnd = text.indexOf('\r\n', text.indexOf('\r\n') + 2) + 2;
  const head = text.slice(0, secondLineEnd);
  const body = text.slice(secondLineEnd);
  const bodyRows = body.split('\r\n').length - 1;
  const copies = Math.ceil(2e9 / Buffer.byteLength(body));
  const { context, problems } = await newContext(suite.browser, { locale: 'en-US' });
  const page = await openPage(context, suite.site.indexUrl);

  let seq = await resultSeq(page);
  await offerRepeated(page, 'one-copy.csv', head, body, 1);
  await page.waitForSelector('#file-list > li[data-file="one-copy.csv"][data-status="ok"]', { timeout: 60000 });
  await waitForResult(page, seq);
  const oneCopy = await page.textContent('#sps-raw');
  const oneCopyStatus = await page.textContent('#status');

  await page.close();

  // A fresh page, so the result shown is the 2 GB file's alone.
  const big = await openPage(context, suite.site.indexUrl);
  seq = await resultSeq(big);
  await offerRepeated(big, 'two-gb.csv', head, body, copies);
  await big.waitForSelector('#file-list > li[data-file="two-gb.csv"][data-status="ok"]', { timeout: 180000 });
  await waitForResult(big, seq);
  const row = big.locator('#file-list > li[data-file="two-gb.csv"]');
  assert.equal(await row.locator('.file-rows').textContent(), `${(bodyRows * copies).toLocaleString('en-US')} rows`);
  assert.equal(await big.textContent('#sps-raw'), oneCopy);
  assert.equal(await big.textContent('#status'), oneCopyStatus);
  assert.deepEqual(problems, []);
  await context.close();
});
