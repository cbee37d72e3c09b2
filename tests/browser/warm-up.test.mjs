// The worker's warm-up (web/src/worker/warm-up.js) with the WASM module under node: its made-up
// export is read by the core as an orders export in the real shape (every row, no warning, past
// the 30-order gate, so scoring runs its full per-day path), it is read and scored every pass
// it is asked for, it stops when told, and it leaves no session behind. Needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeModule } from './helpers.mjs';
import { warmUpCsv, warmUp } from '../../web/src/worker/warm-up.js';

function read(m, bytes) {
  const ing = new m.Ingest('{"as_of":"2026-11-20"}');
  try {
    ing.begin('orders', 'warm-up.csv', 'text', false);
    m.HEAPU8.set(bytes, ing.reserve(bytes.length));
    ing.commit(bytes.length);
    return { summary: JSON.parse(ing.end()), result: JSON.parse(ing.score('{}')) };
  } finally {
    ing.delete();
  }
}

test('the made-up export is an orders export the core reads whole', async () => {
  const m = await nodeModule();
  const bytes = warmUpCsv(3000);
  assert.deepEqual(bytes, warmUpCsv(3000), 'the same bytes every time');
  // The shapes whose code it warms: orders of two SKU rows (one in ten: orders 0, 10, 20, ...,
  // so 2727 orders make the 3000 rows), cancellations with a canceller, quoted names.
  const lines = new TextDecoder().decode(bytes).split('\r\n').slice(1, -1);
  assert.equal(lines.length, 3000);
  assert.equal(new Set(lines.map((l) => l.split(',')[0])).size, 2727);
  assert.equal(lines.filter((l) => /,Cancelled,.*,(Seller|Buyer),/.test(l)).length, 119 + 12, 'orders 0, 23, 46, ... cancelled, 12 of them with two rows');
  assert.ok(lines.every((l) => /,"Product \d+, (red|blue)",/.test(l)));
  const { summary, result } = read(m, bytes);
  assert.equal(summary.kind, 'orders');
  assert.equal(summary.rows, 3000);
  assert.deepEqual(summary.warnings, []);
  assert.equal(result.status, 'scored');
  // One order in ten has two SKU rows: 3000 rows are 2728 orders; one in 23 is cancelled and
  // one in 11 of the rest not delivered, all created in the 90 days before as_of.
  assert.ok(result.delivered_orders_90d > 2000 && result.delivered_orders_90d < 2728, `${result.delivered_orders_90d} delivered`);
  assert.notEqual(result.metrics.otdr.value, null, 'the delivery rate is worked out from the rows');
  assert.notEqual(result.metrics.sfcr.value, null, 'the seller-fault cancellation rate too');
});

test('warmUp reads and scores every pass asked, stops when told, and frees its sessions', async () => {
  const m = await nodeModule();
  let scores = 0;
  let live = 0;
  // The module's Ingest, counted: each pass is a session of its own, scored once, deleted.
  const counted = {
    HEAPU8: null,
    Ingest: class {
      constructor(shop) { this.ing = new m.Ingest(shop); live++; counted.HEAPU8 = m.HEAPU8; }
      begin(...a) { return this.ing.begin(...a); }
      reserve(n) { const p = this.ing.reserve(n); counted.HEAPU8 = m.HEAPU8; return p; }
      commit(n) { return this.ing.commit(n); }
      end() { return this.ing.end(); }
      score(o) { const r = JSON.parse(this.ing.score(o)); assert.equal(r.status, 'scored'); scores++; return r; }
      delete() { this.ing.delete(); live--; }
    },
  };
  assert.equal(await warmUp(counted, () => false), 4);
  assert.equal(scores, 4);
  assert.equal(live, 0);
  assert.equal(await warmUp(counted, () => false, 2), 2);
  assert.equal(scores, 6);
  // A request after the first pass's reading: that pass is not scored, and no other starts.
  let asked = 0;
  assert.equal(await warmUp(counted, () => ++asked > 1), 0);
  assert.equal(scores, 6);
  assert.equal(live, 0);
  assert.equal(await warmUp(counted, () => false, 0), 0, '?warm-up=0: none');
});

test('with slices, each pass also reads the export in two slices, merged as one pass reads it, and frees those sessions', async () => {
  const m = await nodeModule();
  let live = 0;
  const merges = [];
  const summaries = [];
  const counted = {
    get HEAPU8() { return m.HEAPU8; },
    Ingest: class {
      constructor(shop) { this.ing = new m.Ingest(shop); live++; }
      begin(...a) { return this.ing.begin(...a); }
      reserve(n) { return this.ing.reserve(n); }
      commit(n) { return this.ing.commit(n); }
      commitSlice(n) { return this.ing.commitSlice(n); }
      planSlices(...a) { return this.ing.planSlices(...a); }
      startSlice(...a) { return this.ing.startSlice(...a); }
      endSlice() { return this.ing.endSlice(); }
      mergeSlices(plan, parts) { const why = this.ing.mergeSlices(plan, parts); merges.push({ why, slices: JSON.parse(plan).starts.length - 1 }); return why; }
      end() { const s = this.ing.end(); summaries.push(s); return s; }
      score(o) { return this.ing.score(o); }
      delete() { this.ing.delete(); live--; }
    },
  };
  assert.equal(await warmUp(counted, () => false, 2, true), 2);
  assert.deepEqual(merges, [{ why: '', slices: 2 }, { why: '', slices: 2 }], 'two slices each pass, merged (not read on in one pass)');
  assert.equal(summaries.length, 4);
  assert.equal(JSON.parse(summaries[0]).rows, 3000);
  assert.equal(summaries[1], summaries[0], 'the merged read sums up as the one-pass read: rows, orders, warnings');
  assert.equal(live, 0);
  assert.equal(await warmUp(counted, () => false, 2, false), 2);
  assert.equal(merges.length, 2, 'without slices: one-pass reads only');
});
