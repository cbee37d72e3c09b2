// The page reads typed numbers (web/src/parse.js) by the core's rule (docs/scoring.md "Typed
// values"): the same inputs give the same value, the same "read as a fraction" note and the
// same refusals as the core's parseMetricValue (WASM under node). Needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeModule } from './helpers.mjs';
import { parseMetric } from '../../web/src/parse.js';

const RATES = ['93.4', '93.4%', '93.4 %', '９３．４％', '0.934', '0.0085', '0.85', '1', '100', '0', '93,4',
  'abc', '150', '-5', '93.4 percent', '', '1.000', '0.5', '.5', '12%', '101'];
const HOURS = ['18.5', '18.5 h', '18.5h', '18,5', '２０', '20 小时', 'abc', '-1'];

test('parse.js reads every typed value as the core does', async (t) => {
  const m = await nodeModule();
  if (typeof m.parseMetricValue !== 'function') return t.skip('this core has no parseMetricValue binding');
  const core = (id, text) => {
    try {
      const r = JSON.parse(m.parseMetricValue(id, text));
      return { value: r.value, note: !!r.note };
    } catch {
      return { error: true };
    }
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
