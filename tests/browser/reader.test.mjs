// The page's reading of a large file (docs/web.md "Reading files": the reader thread, the score first):
// - a reader worker streams the File and hands the core's worker 1 MiB buffers from a ring of
//   four (web/src/worker/byte-feed.js): the result is the in-thread stream's, byte for byte, and
//   the CLI's; a bad cell late in the file is the same error, with its row;
// - after a large source is read, the score is shown before the insights (web/src/scoring.js):
//   first the score, its "what to fix first" block saying it is being worked out, then the
//   insights, and the result the tests wait for (body[data-seq]) is the complete one.
// Knobs (the page's address): ?reader-min=BYTES (the reader thread from that size; 4 MiB by
// default), ?score-first=BYTES (the score first from that size of the files read; 4 MiB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { useSite, newContext, openPage, addFiles, waitForResult, readFileInPage, tempDir, cliAvailable, CLI } from './helpers.mjs';

const suite = useSite({ fixtures: true });

const HEADER = 'Order ID,Order Status,Product Name,Created Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason,' +
  'Fulfillment Type,Product Category';

// `orders` orders of two SKU rows, CRLF, product names quoted with a line break and Chinese
// characters (three bytes each, so buffer ends fall inside characters and quoted cells): ~5.6 MB,
// five full buffers and a part, more than the ring holds, so buffers are reused.
function ordersExport(orders) {
  const lines = [HEADER];
  for (let i = 0; i < orders; i++) {
    const cancelled = i % 7 === 3;
    for (let sku = 0; sku < 2; sku++) {
      lines.push([
        8880001000 + i, cancelled ? 'Cancelled' : 'Delivered', `"杯子 ""经典"" ${i % 97}\r\n第二行, ${sku}"`,
        `11/0${1 + (i % 9)}/2026 09:${10 + (i % 50)}:00 AM`, cancelled ? '' : `11/${12 + (i % 9)}/2026 10:00:00 AM`,
        cancelled ? '11/09/2026 12:00:00 PM' : '', cancelled ? 'Buyer' : '', cancelled ? 'No longer needed' : '',
        i % 4 === 0 ? 'Fulfilled by TikTok' : 'Fulfilled by seller', sku === 0 ? 'Home' : 'Kitchen',
      ].join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

function fixtures() {
  const dir = tempDir('reader');
  const write = (name, text) => { const p = path.join(dir, name); writeFileSync(p, text); return p; };
  const clean = ordersExport(24000);
  // A created time that is no date near the end: the error names its row.
  const row = clean.indexOf('\r\n8880024990,');
  const cell = clean.indexOf('",11/', row) + 2;
  return {
    clean: write('orders-big.csv', clean),
    bad: write('orders-big-bad.csv', clean.slice(0, cell) + 'xx' + clean.slice(cell + 2)),
  };
}

// The page's result JSON (its download) or its error for one file, and how it was read.
async function pageRead(context, query, file) {
  const { json, error, body } = await readFileInPage(context, suite.site.indexUrl + query, file);
  return { json, error, thread: body.readerThread };
}

const THREAD = '?reader-min=1';
const NO_THREAD = '?reader-min=1000000000000';

test('a large export read through the reader thread gives the in-thread result bytes, the CLI\'s result, and the same error row', { skip: !cliAvailable() && 'no CLI' }, async () => {
  const fx = fixtures();
  const { context, problems } = await newContext(suite.browser);
  const inThread = await pageRead(context, NO_THREAD, fx.clean);
  const viaReader = await pageRead(context, THREAD, fx.clean);
  assert.equal(inThread.thread, 'false');
  assert.equal(viaReader.thread, 'true');
  assert.ok(inThread.json && viaReader.json, `${inThread.error} ${viaReader.error}`);
  assert.equal(viaReader.json, inThread.json, 'the same result JSON bytes');
  const cli = spawnSync(CLI, ['score', '--insights', '--orders', path.basename(fx.clean)], { cwd: path.dirname(fx.clean), encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(JSON.parse(viaReader.json), JSON.parse(cli.stdout), 'the page\'s download is the CLI\'s result JSON');

  const cliBad = spawnSync(CLI, ['score', '--orders', path.basename(fx.bad)], { cwd: path.dirname(fx.bad), encoding: 'utf8' });
  assert.equal(cliBad.status, 2);
  const where = cliBad.stderr.match(/orders-big-bad\.csv:(\d+):Created Time/);
  assert.ok(where, cliBad.stderr);
  for (const query of [THREAD, NO_THREAD]) {
    const bad = await pageRead(context, query, fx.bad);
    assert.ok(bad.error && bad.error.includes(`orders-big-bad.csv:${where[1]}:Created Time`), `${query}: ${bad.error} names row ${where[1]}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// What the result area showed, in order, while a file set was read and scored: one entry per
// change of the result body (is the score there, the pending line, the insights; body[data-seq]).
async function watchResult(page) {
  await page.evaluate(() => {
    window.__shown = [];
    const body = document.querySelector('#result-body');
    const note = () => {
      const last = window.__shown.at(-1);
      const now = {
        score: !!document.querySelector('#sps-display'),
        pending: !!document.querySelector('#insights-pending'),
        insights: !!document.querySelector('#insights'),
        seq: body.dataset.seq,
      };
      if (!last || JSON.stringify(last) !== JSON.stringify(now)) window.__shown.push(now);
    };
    new MutationObserver(note).observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-seq'] });
  });
}

// When the page asks the worker for a score with insights: the animation frame it was in, and
// whether the score was shown then; and the frame in which the score was first shown.
async function watchInsightsAsked(page) {
  await page.evaluate(() => {
    window.__frame = 0;
    const tick = () => { window.__frame++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    window.__insightsAsked = [];
    new MutationObserver(() => {
      if (window.__scoreFrame === undefined && document.querySelector('#sps-display')) window.__scoreFrame = window.__frame;
    }).observe(document.querySelector('#result-body'), { childList: true, subtree: true });
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      if (msg && msg.type === 'score' && msg.options && msg.options.insights)
        window.__insightsAsked.push({ frame: window.__frame, shown: !!document.querySelector('#sps-display') });
      return post.call(this, msg, ...rest);
    };
  });
}

test('after a large file set is read the score comes first, then the insights; the result waited for is the complete one', async () => {
  const { context, problems } = await newContext(suite.browser);
  const files = Object.values(suite.fx.files).filter((p) => !p.endsWith('bad-orders.csv'));
  const shown = {};
  const asked = {};
  const json = {};
  for (const [name, query] of [['first', '?score-first=1'], ['together', '?score-first=1000000000000']]) {
    const page = await openPage(context, suite.site.indexUrl + query);
    await watchResult(page);
    await watchInsightsAsked(page);
    const seqBefore = await page.evaluate(() => document.querySelector('#result-body').dataset.seq);
    const seq = await addFiles(page, files);
    await waitForResult(page, seq);
    await page.waitForSelector('#insights');
    shown[name] = await page.evaluate(() => window.__shown.filter((s) => s.score));
    asked[name] = await page.evaluate(() => ({ asks: window.__insightsAsked, scoreFrame: window.__scoreFrame }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    json[name] = readFileSync(await download.path(), 'utf8');
    // One new result sequence number: the tests' waitForResult sees only the complete result.
    const seqs = new Set(shown[name].map((s) => s.seq));
    assert.deepEqual([...seqs].filter((s) => s !== seqBefore).length, 1, `${name}: ${JSON.stringify(shown[name])}`);
    await page.close();
  }
  // Score first: the score with the pending line and no insights, under the old sequence number;
  // then the insights without the line, under the new one.
  const first = shown.first;
  assert.deepEqual(first[0], { score: true, pending: true, insights: false, seq: first[0].seq }, JSON.stringify(first));
  const done = first.at(-1);
  assert.deepEqual([done.pending, done.insights], [false, true], JSON.stringify(first));
  assert.notEqual(done.seq, first[0].seq, 'the complete result is the one the sequence number announces');
  // The insights were asked for once, after the score was shown and a frame had been painted
  // (so its layout did not share the machine with them).
  const { asks, scoreFrame } = asked.first;
  assert.equal(asks.length, 1, JSON.stringify(asked.first));
  assert.ok(asks[0].shown && asks[0].frame > scoreFrame, JSON.stringify(asked.first));
  // Together: never the pending line; the score arrives with its insights.
  assert.ok(shown.together.every((s) => !s.pending), JSON.stringify(shown.together));
  assert.ok(shown.together[0].insights, JSON.stringify(shown.together));
  assert.equal(json.first, json.together, 'the same result either way');
  assert.ok(JSON.parse(json.first).insights, 'the download has the insights');
  assert.deepEqual(problems, []);
  await context.close();
});

// The worker's warm-up (web/src/worker/warm-up.js): left alone it reads and scores its made-up
// export four times; asked for a thousand passes (a minute of work), a file given once the page
// is ready still ends it at the next step, and the file's result is the one a page without the
// warm-up gives, byte for byte.
test('the worker warms the core up while the page waits, gives way to a file, and changes no result', async () => {
  const { context, problems } = await newContext(suite.browser);
  const idle = await openPage(context, suite.site.indexUrl);
  await idle.waitForSelector('body[data-warmed-up]', { timeout: 30000 });
  assert.equal(await idle.evaluate(() => document.body.dataset.warmedUp), '4');
  await idle.close();
  const orders = suite.fx.files['orders.csv'];
  const long = await readFileInPage(context, suite.site.indexUrl + '?warm-up=1000', orders);
  const cold = await readFileInPage(context, suite.site.indexUrl + '?warm-up=0', orders);
  assert.ok(Number(long.body.warmedUp) < 1000, `the warm-up gave way (${long.body.warmedUp} passes)`);
  assert.equal(cold.body.warmedUp, '0');
  assert.ok(long.json && cold.json, `${long.error} ${cold.error}`);
  assert.equal(long.json, cold.json, 'the same result JSON bytes');
  assert.deepEqual(problems, []);
  await context.close();
});
