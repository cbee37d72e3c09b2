// Oracle time helpers, written from docs/rules.md §1-§2 and §7 (not from the C++ core).
//
// docs/rules.md §2: "Timestamps: ISO 8601 (`2026-11-02T09:30:00Z`, `2026-11-02 09:30:00+08:00`,
// `2026-11-02 09:30`), and the Seller Center US form `11/02/2026 09:30:00 AM` (a trailing tab or
// spaces are trimmed). A timestamp without an offset is shop-local; one with an offset is
// converted with the shop's `utc_offset` (default `+00:00`). Durations use absolute time."
//
// Everything here works in *shop-local seconds*: the seconds a UTC clock would show if it read
// the shop's wall clock. A day number is floor(seconds / 86400) (days since 1970-01-01).

export const DAY = 86400;

export function parseOffset(text) {
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(text);
  if (!m) throw new Error(`oracle: bad offset ${text}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
}

// Shop-local seconds of a timestamp; null for null/undefined/"".
export function parseTimestamp(text, shopOffset) {
  if (text === null || text === undefined) return null;
  const s = String(text).trim();
  if (s === '') return null;
  let m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?\s*(Z|z|[+-]\d\d:?\d\d)?$/.exec(s);
  if (m) {
    const local = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / 1000;
    // With an offset: the instant is local - offset; shown on the shop's clock it is + shopOffset.
    return m[7] === undefined ? local : local - parseOffset(m[7]) + shopOffset;
  }
  // US form, month first: 11/02/2026 09:30:00 AM
  m = /^(\d\d?)\/(\d\d?)\/(\d{4})(?:\s+(\d\d?):(\d\d)(?::(\d\d))?\s*(AM|PM|am|pm)?)?$/.exec(s);
  if (m) {
    let h = +(m[4] ?? 0);
    if (m[7]) h = (h % 12) + (/pm/i.test(m[7]) ? 12 : 0);
    return Date.UTC(+m[3], +m[1] - 1, +m[2], h, +(m[5] ?? 0), +(m[6] ?? 0)) / 1000;
  }
  throw new Error(`oracle: unparseable timestamp ${s}`);
}

export const dayOf = (seconds) => Math.floor(seconds / DAY);

// A date field (deliver_by, opened, as_of): its shop-local day. (docs/scoring.md: "A date-time
// where a date is expected names its shop-local day.")
export function parseDay(text, shopOffset) {
  const t = parseTimestamp(text, shopOffset);
  return t === null ? null : dayOf(t);
}

export function dayToIso(day) {
  return new Date(day * DAY * 1000).toISOString().slice(0, 10);
}

const dayFromYmd = (y, m, d) => Date.UTC(y, m - 1, d) / 1000 / DAY;
const weekday = (day) => new Date(day * DAY * 1000).getUTCDay();  // 0 = Sunday

// The n-th (1-based) given weekday of a month; n = -1 means the last one.
function nthWeekday(y, m, wd, n) {
  if (n > 0) {
    const first = dayFromYmd(y, m, 1);
    return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
  }
  const last = dayFromYmd(y, m + 1, 1) - 1;  // Date.UTC rolls month 13 into January
  return last - ((weekday(last) - wd + 7) % 7);
}

// docs/rules.md §7: "Federal holidays: 1 Jan, 3rd Mon Jan, 3rd Mon Feb, last Mon May, 19 Jun, 4 Jul,
// 1st Mon Sep, 2nd Mon Oct, 11 Nov, 4th Thu Nov, 25 Dec" ... "as observed: a Saturday holiday
// moves to Friday, a Sunday one to Monday".
function holidaysOf(y) {
  const fixed = [[1, 1], [6, 19], [7, 4], [11, 11], [12, 25]].map(([m, d]) => {
    const day = dayFromYmd(y, m, d);
    const wd = weekday(day);
    return wd === 6 ? day - 1 : wd === 0 ? day + 1 : day;
  });
  const floating = [nthWeekday(y, 1, 1, 3), nthWeekday(y, 2, 1, 3), nthWeekday(y, 5, 1, -1),
                    nthWeekday(y, 9, 1, 1), nthWeekday(y, 10, 1, 2), nthWeekday(y, 11, 4, 4)];
  return [...fixed, ...floating];
}

const holidayCache = new Map();
export function isHoliday(day) {
  const y = new Date(day * DAY * 1000).getUTCFullYear();
  for (const yy of [y - 1, y, y + 1]) {  // an observed 1 Jan can fall on 31 Dec of the year before
    if (!holidayCache.has(yy)) holidayCache.set(yy, new Set(holidaysOf(yy)));
    if (holidayCache.get(yy).has(day)) return true;
  }
  return false;
}

export const isBusinessDay = (day) => weekday(day) !== 0 && weekday(day) !== 6 && !isHoliday(day);

// docs/rules.md §7: "the Nth US business day after the order's creation date".
export function addBusinessDays(day, n) {
  let d = day;
  for (let left = n; left > 0;) {
    d++;
    if (isBusinessDay(d)) left--;
  }
  return d;
}
