// The Shops view's filters (web/src/shops/filters.js, docs/web.md "Shops view") at their edges,
// worked by hand. Needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesFilters } from '../../web/src/shops/filters.js';

const shop = (row, forecast = [], error = null) => ({ row: { as_of: '2026-11-30', ...row }, forecast, error });
const BELOW = { below: true, cross: false };
const CROSS = { below: false, cross: true };

test('"below 3.5": 3.5 itself is not below; a range counts by its low end; a bad shop stays', () => {
  assert.equal(matchesFilters(shop({ sps: 3.49 }), BELOW), true);
  assert.equal(matchesFilters(shop({ sps: 3.5 }), BELOW), false);
  assert.equal(matchesFilters(shop({ sps: 4.2 }), BELOW), false);
  assert.equal(matchesFilters(shop({ sps: null, sps_low: 3.4, sps_high: 3.9 }), BELOW), true);
  assert.equal(matchesFilters(shop({ sps: null, sps_low: 3.5, sps_high: 3.9 }), BELOW), false);
  assert.equal(matchesFilters(shop({}, [], { code: 'unknown_header' }), BELOW), true);
  assert.equal(matchesFilters(shop({ sps: 4.2 }), { below: false, cross: false }), true);
});

test('"crosses 2.5 within 14 days": on day 14 in, day 15 out; only the 2.5 threshold; either direction', () => {
  const at = (date, threshold = 2.5, direction = 'reached') => [{ threshold, scenario: 'steady', direction, date }];
  assert.equal(matchesFilters(shop({ sps: 2.4 }, at('2026-12-14')), CROSS), true);
  assert.equal(matchesFilters(shop({ sps: 2.4 }, at('2026-12-15')), CROSS), false);
  assert.equal(matchesFilters(shop({ sps: 2.6 }, at('2026-12-01', 2.5, 'lost')), CROSS), true);
  assert.equal(matchesFilters(shop({ sps: 3.4 }, at('2026-12-01', 3.5)), CROSS), false);
  assert.equal(matchesFilters(shop({ sps: 3.4 }), CROSS), false);
  // Across a month and a year: 2026-12-25 + 14 days = 2027-01-08.
  assert.equal(matchesFilters(shop({ as_of: '2026-12-25', sps: 2.4 }, at('2027-01-08')), CROSS), true);
  assert.equal(matchesFilters(shop({ as_of: '2026-12-25', sps: 2.4 }, at('2027-01-09')), CROSS), false);
  assert.equal(matchesFilters(shop({}, [], { code: 'no_exports' }), CROSS), true);
});

test('both filters: a shop must pass each', () => {
  const both = { below: true, cross: true };
  const soon = [{ threshold: 2.5, scenario: 'clean', direction: 'reached', date: '2026-12-03' }];
  assert.equal(matchesFilters(shop({ sps: 2.4 }, soon), both), true);
  assert.equal(matchesFilters(shop({ sps: 3.6 }, soon), both), false);
  assert.equal(matchesFilters(shop({ sps: 2.4 }), both), false);
});
