// The oracle's own checks against the worked examples in docs/rules.md §6-§19 (so the oracle is not merely
// "whatever agrees with the core").   node tests/oracle/selftest.mjs
import assert from 'node:assert/strict';
import { curve, display } from './oracle.mjs';
import { addBusinessDays, isHoliday, parseDay, dayToIso } from './time.mjs';

const day = (iso) => parseDay(iso, 0);
const nrr = { good: 0.012, poor: 0.0227 };
// docs/rules.md §15: "Example, nrr good 1.2 %, poor 2.27 %: 0.6 % → 4.5; 1.735 % → 2.5; 3 % → 0."
assert.ok(Math.abs(curve('nrr', 0.006, nrr) - 4.5) < 1e-12);
assert.ok(Math.abs(curve('nrr', 0.01735, nrr) - 2.5) < 1e-12);
assert.equal(curve('nrr', 0.03, nrr), 0);
// OTDR is higher-is-better: 1.0 scores 5, good 4, poor 1.
const otdr = { good: 0.9516, poor: 0.9084 };
assert.equal(curve('otdr', 1, otdr), 5);
assert.ok(Math.abs(curve('otdr', 0.9516, otdr) - 4) < 1e-12);
assert.ok(Math.abs(curve('otdr', 0.9084, otdr) - 1) < 1e-12);
// docs/rules.md §19: half up, "3.45 → 3.5"; 0.35 * 3 = 1.0499999999999998 in binary must show "1.1".
assert.equal(display(3.45), '3.5');
assert.equal(display(0.35 * 3), '1.1');
assert.equal(display(3.44), '3.4');
// docs/rules.md §7 holidays: last Monday of May 2027 is the 31st (May has five Mondays; the 4th is the 24th).
assert.ok(isHoliday(day('2027-05-31')));
assert.ok(!isHoliday(day('2027-05-24')));
assert.ok(isHoliday(day('2026-09-07')));   // Labor Day
assert.ok(isHoliday(day('2027-02-15')));   // Washington's Birthday
assert.ok(isHoliday(day('2026-07-03')));   // 4 July 2026 is a Saturday: observed Friday
assert.ok(isHoliday(day('2027-12-31')));   // 1 Jan 2028 is a Saturday: observed 31 Dec 2027
// Created Wed 2026-11-18: business days Thu 19, Fri 20, Mon 23, Tue 24, Wed 25, (Thu 26 is
// Thanksgiving) Fri 27 → the 6th business day is 2026-11-27.
assert.equal(dayToIso(addBusinessDays(day('2026-11-18'), 6)), '2026-11-27');
console.log('oracle self-test: passed');
