// The page reads typed numbers (web/src/parse.js) by the core's rule (docs/scoring.md "Typed
// values"): the same inputs give the same value, the same "read as a fraction" note and the
// same refusals as the core reading a dataset whose metric value is that text (the WASM module
// under node, as for `--metric` and a dataset's text values). Needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, nodeModule, cliAvailable, cliScore } from './helpers.mjs';
import { parseMetric, parseCount } from '../../web/src/parse.js';
import { quickDataset, readShopFacts } from '../../web/src/request.js';
import { applyMeta } from '../../web/src/model.js';

const RATES = ['93.4', '93.4%', '93.4 %', '９３．４％', '0.934', '0.0085', '0.85', '1', '100', '0', '93,4',
  'abc', '150', '-5', '93.4 percent', '', '1.000', '0.5', '.5', '12%', '101'];
const HOURS = ['18.5', '18.5 h', '18.5h', '18,5', '２０', '20 小时', 'abc', '-1', '1,000', '1,234 h', '12,345', '0,500', '１，０００'];

test('parse.js reads every typed value as the core does', async () => {
  const m = await nodeModule();
  const core = (id, text) => {
    const dataset = { schema: 'shopscore.dataset/1', shop: { as_of: '2026-11-20', delivered_orders_90d: 40 }, metrics: { [id]: { value: text } } };
    let r;
    try {
      r = JSON.parse(m.score(JSON.stringify(dataset), '{}'));
    } catch (e) {
      assert.match(String(e.message), new RegExp(`metrics\\.${id}\\.value`), `${id} "${text}": refused at the value, not for another reason`);
      return { error: true };
    }
    return { value: r.metrics[id].value, note: r.warnings.some((w) => w.code === 'rate_read_as_fraction') };
  };
  for (const [id, inputs] of [['otdr', RATES], ['nrr', RATES], ['aht', HOURS]]) {
    for (const text of inputs) {
      const page = parseMetric(id, text);
      const expected = core(id, text);
      const got = page.error ? { error: true } : { value: page.value, note: !!page.note && page.note === 'quick.read_fraction' };
      if (expected.error) assert.deepEqual(got, { error: true }, `${id} "${text}": the core refuses it`);
      else {
        assert.ok(!got.error, `${id} "${text}": the core reads ${expected.value}`);
        assert.ok(Math.abs(got.value - expected.value) < 1e-12, `${id} "${text}": ${got.value} vs ${expected.value}`);
        assert.equal(got.note, expected.note, `${id} "${text}": note`);
      }
    }
  }
});

test('counts: digits, or grouped in threes by commas as Seller Center writes them; nothing that could be a thousand or one', () => {
  for (const [text, value] of [['420', 420], ['0', 0], ['１２００', 1200], ['1,200', 1200], ['１，２００', 1200], ['12,345,678', 12345678], ['1 200', 1200]]) {
    assert.deepEqual(parseCount(text), { value }, text);
  }
  // "1,000" was 1 by the decimal-comma rule of the other numbers; "1.000" and "12.0" still would be.
  for (const text of ['1.000', '12.0', '1,5', '1,00', '1,0000', '0,500', ',100', '1,000,', '1234,567', '-5', '+5', '1e3', 'abc']) {
    assert.deepEqual(parseCount(text), { error: 'quick.err_count' }, text);
  }
  assert.deepEqual(parseMetric('aht', '1,000'), { error: 'quick.err_grouped' });
});

test('quick mode: a shop of "1,000" days is 1,000 days old, not one day (small-seller protection is for new shops)', async () => {
  applyMeta(JSON.parse((await nodeModule()).meta())); // as main.js does once the worker is ready
  const texts = { 'quick-shop_age_days': '1,000', 'quick-nrr-value': '4' };
  const { dataset, invalid } = quickDataset(texts, {}, '2026-11-08');
  assert.equal(invalid, false);
  assert.equal(dataset.shop.opened, '2024-02-12'); // 2026-11-08 minus 1,000 days
  const dotted = quickDataset({ ...texts, 'quick-shop_age_days': '1.000' }, {}, '2026-11-08');
  assert.equal(dotted.invalid, true);
  assert.deepEqual(dotted.fields['quick-shop_age_days'], { error: 'quick.err_count' });
});

test('shop facts: points, products and violations are whole counts as Seller Center shows them', () => {
  const { facts, fields } = readShopFacts({ reputation_points: '12,500', products_for_sale: '１２', violations_30d: '2.5' });
  // 12,500 points was 12.5 by the decimal comma: below Gold Star's 10,000.
  assert.equal(facts.reputation_points, 12500);
  assert.equal(facts.products_for_sale, 12);
  assert.equal(facts.violations_30d, undefined); // 2.5 violations: no such count, so no fact
  assert.deepEqual(fields['shop-violations_30d'], { error: 'shop.err_number' });
  assert.deepEqual(readShopFacts({ reputation_points: '10.000' }).fields['shop-reputation_points'], { error: 'shop.err_number' });
});

test('counts: the page reads a count as the CLI reads --metric\'s (digits, or grouped in threes)', (t) => {
  if (!cliAvailable()) return t.skip('no CLI');
  const dataset = path.join(ROOT, 'tests', 'data', 'busy-shop.json');
  for (const text of ['420', '１２００', '1,200', '１，２００', '12,345,678', '1.000', '12.0', '1,5', '1,00', '1,0000', '0,500', ',100', '1,000,', '1234,567', 'abc']) {
    let cli;
    try {
      cli = { value: cliScore([dataset, '--metric', `nrr=1%:${text}`]).metrics.nrr.denominator };
    } catch (e) {
      assert.match(String(e.message), /exited 2: --metric: expected a whole count/, text);
      cli = { error: 'quick.err_count' };
    }
    assert.deepEqual(parseCount(text), cli, text);
  }
});
