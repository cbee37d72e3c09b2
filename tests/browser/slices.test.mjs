// Issue 21 "the page uses every core": one orders export read by several workers (web/src/worker/
// slices.js) gives the result of one worker, byte for byte, and the CLI's score. The page's
// knobs (docs/web.md "Every core") force slicing on small files: ?slice-min-file=1&slice-min=1
// &slice-workers=N. The fixtures are made so that slices straddle what matters: product names
// with quoted line breaks, CRLF, the two SKU rows of one order, a date order decided late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { useSite, newContext, readFileInPage, tempDir, cliAvailable, CLI } from './helpers.mjs';

const suite = useSite();

const HEADER = 'Order ID,Order Status,Product Name,Created Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason,' +
  'Fulfillment Type,Product Category';

// `orders` orders, two SKU rows each; days <= 12 until `decideAt` (the date order is decided by a
// later row); product names quoted, with a line break and a comma inside.
function ordersExport(orders, eol, decideAt) {
  const lines = [HEADER];
  for (let i = 0; i < orders; i++) {
    const day = i >= decideAt ? 13 + (i % 15) : 1 + (i % 9);
    const created = `11/0${1 + (i % 9)}/2026 09:${10 + (i % 50)}:00 AM`;
    const delivered = `11/${day < 10 ? 10 : day}/2026 10:00:00 AM`;
    const cancelled = i % 7 === 3;
    for (let sku = 0; sku < 2; sku++) {
      lines.push([
        5770001000 + i, cancelled ? 'Cancelled' : 'Delivered', `"Mug ""classic"" ${sku}${eol}second line, with a comma"`,
        sku === 1 && i % 5 === 0 ? '11/09/2026 11:11:00 AM' : created,
        cancelled ? '' : delivered, cancelled ? '11/09/2026 12:00:00 PM' : '', cancelled ? 'Buyer' : '',
        cancelled ? 'No longer needed' : '', i % 4 === 0 ? 'Fulfilled by TikTok' : 'Fulfilled by seller',
        sku === 0 ? 'Home' : 'Kitchen',
      ].join(','));
    }
  }
  return lines.join(eol) + eol;
}

function fixtures() {
  const dir = tempDir('slices');
  const write = (name, text) => { const p = path.join(dir, name); writeFileSync(p, text); return p; };
  const clean = ordersExport(3000, '\r\n', 1800); // ~650 KB
  // A UTF-8 file (杯 in its first row decides it) with a byte that is not UTF-8 in a cell at 80 %:
  // the slice there fails (one pass reads the cell as empty, with a warning), so the main worker
  // reads on in one pass.
  const damaged = Buffer.from(ordersExport(3000, '\n', 1800).replace('Mug', '杯'));
  const at = damaged.indexOf('Mug', Math.floor(damaged.length * 0.8));
  damaged[at] = 0xff;
  // A created time that is no date in a later slice: the one-pass error, with its row.
  const bad = ordersExport(3000, '\n', 1800);
  const row = bad.indexOf('\n5770003900,');
  const cell = bad.indexOf('",11/', row) + 2;
  return {
    clean: write('orders-clean.csv', clean),
    damaged: write('orders-damaged.csv', damaged),
    bad: write('orders-bad-cell.csv', bad.slice(0, cell) + 'xx' + bad.slice(cell + 2)),
  };
}

// The page's result JSON (its download) and what the page says of the slicing.
async function pageResult(context, query, file) {
  const { json, error, body } = await readFileInPage(context, suite.site.indexUrl + query, file);
  return { json, error, workers: body.sliceWorkers, ahead: body.sliceAhead, fellBack: body.sliceFellBack };
}

const ONE = '?slice-workers=1';
const MANY = (n) => `?slice-min-file=1&slice-min=1&slice-workers=${n}`;

// The CLI's result JSON for `file`, read by the same name (the page asks for insights too).
function cliJson(file) {
  const r = spawnSync(CLI, ['score', '--insights', '--orders', path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8' });
  return { status: r.status, json: r.status === 0 ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

test('an orders export read by 2 and 4 workers gives the one-worker result bytes and the CLI\'s result', { skip: !cliAvailable() && 'no CLI' }, async () => {
  const fx = fixtures();
  const { context, problems } = await newContext(suite.browser);
  const one = await pageResult(context, ONE, fx.clean);
  assert.equal(one.workers, undefined, 'one worker: the one-pass path');
  assert.ok(one.json && !one.error);
  assert.deepEqual(JSON.parse(one.json), cliJson(fx.clean).json, 'the page\'s download is the CLI\'s result JSON');
  for (const n of [2, 4]) {
    const many = await pageResult(context, MANY(n), fx.clean);
    assert.equal(many.workers, String(n), `${n} workers read it`);
    assert.equal(many.ahead, String(n - 1), 'the extra workers had been started ahead (with the page)');
    assert.equal(many.fellBack, 'false');
    assert.equal(many.json, one.json, `${n} workers: the same result JSON bytes`);
  }

  // A damaged byte in a later slice: that worker's slice fails, the main worker reads on alone.
  const damaged = await pageResult(context, MANY(4), fx.damaged);
  assert.equal(damaged.fellBack, 'true', 'the failed slice made the main worker read on');
  assert.ok(damaged.json.includes('bad_cell_encoding'));
  assert.deepEqual(JSON.parse(damaged.json), cliJson(fx.damaged).json);

  // A bad cell in a later slice: the one-pass error, with its row, as the CLI words it.
  const bad = await pageResult(context, MANY(4), fx.bad);
  const cli = cliJson(fx.bad);
  assert.equal(cli.status, 2);
  const where = cli.stderr.match(/orders-bad-cell\.csv:(\d+):Created Time/);
  assert.ok(where, cli.stderr);
  assert.ok(bad.error && bad.error.includes(`orders-bad-cell.csv:${where[1]}:Created Time`), `${bad.error} names row ${where[1]}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the warm-up reads its export in slices too where large files are read so (the slices\' code hot for the first file)', async () => {
  const { context, problems } = await newContext(suite.browser);
  // The worker's warmed-up message, heard by the page's side of the worker.
  await context.addInitScript(() => {
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => { if (e.data.type === 'warmed-up') window.__warmedUp = e.data; });
      }
    };
  });
  for (const [query, knob] of [[ONE, false], [MANY(2), true], ['', null]]) {
    const page = await context.newPage();
    await page.goto(suite.site.indexUrl + query);
    await page.waitForSelector('body[data-warmed-up]', { timeout: 60000 });
    const warmed = await page.evaluate(() => window.__warmedUp);
    // Without a knob: as the cores say (4 or more: slices).
    const slices = knob ?? (await page.evaluate(() => navigator.hardwareConcurrency >= 4));
    assert.equal(warmed.slices, slices, `${query || 'no knob'}: slices ${slices}`);
    assert.equal(warmed.passes, 4);
    await page.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});
