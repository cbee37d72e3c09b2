// The history's pure part (web/src/history/reading.js, docs/history.md): which reading a new one
// is compared with, and the change between two, worked by hand. Needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previousOf, changeBetween } from '../../web/src/history/reading.js';

const METRICS = ['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht'];
const reading = (as_of, sps, parts) => ({
  as_of, sps, metrics: Object.fromEntries(METRICS.map((id, i) => [id, { sps_part: parts ? parts[i] : null }])),
});

test('previousOf: the latest reading dated before, never one of the same day or later', () => {
  const rows = [reading('2026-11-16', 3.1), reading('2026-11-23', 3.3), reading('2026-11-30', 3.4), reading('2026-12-07', 3.6)];
  assert.equal(previousOf(rows, '2026-11-30').as_of, '2026-11-23'); // the same day is replaced, not compared
  assert.equal(previousOf(rows, '2026-12-01').as_of, '2026-11-30');
  assert.equal(previousOf(rows, '2026-11-16'), null);
  assert.equal(previousOf([...rows].reverse(), '2026-12-08').as_of, '2026-12-07'); // stored order does not matter
});

test('changeBetween: the SPS difference, split by the change of each metric\'s part', () => {
  // 3.20 -> 3.50: nrr's part 0.60 -> 0.75 (+0.15), otdr's 1.00 -> 1.20 (+0.20), aht's 0.50 -> 0.45 (-0.05).
  const from = reading('2026-11-23', 3.2, [0.6, 0.4, 1.0, 0.3, 0.4, 0.5]);
  const to = reading('2026-11-30', 3.5, [0.75, 0.4, 1.2, 0.3, 0.4, 0.45]);
  const c = changeBetween(from, to);
  assert.equal(c.previous_as_of, '2026-11-23');
  assert.equal(c.previous_sps, 3.2);
  assert.ok(Math.abs(c.change - 0.3) < 1e-12);
  assert.equal(c.range, false);
  const want = [0.15, 0, 0.2, 0, 0, -0.05];
  c.metrics.forEach((m, i) => {
    assert.equal(m.metric, METRICS[i]);
    assert.ok(Math.abs(m.contribution - want[i]) < 1e-12, `${m.metric}: ${m.contribution}`);
  });
});

test('changeBetween: a range on either side has no one number; a reading without parts is not split', () => {
  const scored = reading('2026-11-30', 3.5, [0.75, 0.4, 1.2, 0.3, 0.4, 0.45]);
  for (const [a, b] of [[reading('2026-11-23', null), scored], [scored, reading('2026-12-07', null)]]) {
    const c = changeBetween(a, b);
    assert.equal(c.change, null);
    assert.equal(c.metrics, null);
    assert.equal(c.range, true);
  }
  const c = changeBetween(reading('2026-11-23', 3.0), scored);
  assert.ok(Math.abs(c.change - 0.5) < 1e-12);
  assert.equal(c.metrics, null);
});
