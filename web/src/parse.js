// Every number the seller types is read here, by one set of rules (docs/web.md "Typed numbers"):
// full-width digits and signs (９３．４％), a decimal comma, spaces. A reader returns
// {value} or {value, note} (the value was read in a way worth saying) or {error} (an i18n key;
// the caller shows it at the field and never scores with the text).

const FULL_WIDTH = /[\uFF01-\uFF5E]/g; // ！..～ -> ! .. ~ (digits, ．, ％, ＋, －, letters)

// Full-width forms to ASCII, ideographic and no-break spaces removed, lower case.
export function normalize(text) {
  return String(text ?? '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/[\s\u3000\u00A0]/g, '')
    .replace(/，/g, ',')
    .replace(/。/g, '.')
    .toLowerCase();
}

// "95.6", "95,6", "９５．６"; a trailing % is ignored here. null when it is not a plain number.
export function parseNumber(text) {
  const s = normalize(text).replace(/%$/, '').replace(/,/g, '.');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

// A rate as a fraction, the same rule for every rate metric. Seller Center shows rates in
// percent with two decimals, so "95.6", "95.6 %", "0.85" are percent. A number of at most 1 with
// three or more decimals and no % sign ("0.934", "0.0085") is a fraction copied from a
// spreadsheet: read as 93.4 % / 0.85 % and said so (note), for NRR as for OTDR.
export function parseRate(text) {
  const s = normalize(text);
  const hasPct = /%$/.test(s);
  const n = parseNumber(s);
  if (n == null) return { error: 'quick.err_number' };
  if (n < 0 || n > 100) return { error: 'quick.err_percent' };
  const decimals = (/\.(\d+)$/.exec(s.replace(/%$/, '').replace(/,/g, '.')) || ['', ''])[1].length;
  if (!hasPct && n <= 1 && decimals >= 3) return { value: n, note: 'quick.read_fraction' };
  return { value: n / 100 };
}

// Digits grouped in threes by commas, as Seller Center writes counts ("1,000", "12,345,678").
const GROUPED = /^[1-9]\d{0,2}(,\d{3})+$/;

// Hours: "20", "20 h", "20 hours", "20 小时"; minutes ("90 min", "90 分钟") are converted.
// "1,000" could be a thousand hours or one (a decimal comma): refused, never guessed, since the
// smaller reading would make the handling time look better than it is.
export function parseHours(text) {
  const s = normalize(text);
  const m = /^([-+]?[\d.,]+)(h|hr|hrs|hour|hours|小时|小時|min|mins|minute|minutes|分钟|分)?$/.exec(s);
  if (!m) return { error: 'quick.err_hours' };
  if (GROUPED.test(m[1])) return { error: 'quick.err_grouped' };
  const n = parseNumber(m[1]);
  if (n == null || n < 0) return { error: 'quick.err_hours' };
  if (m[2] && /^(min|分)/.test(m[2])) return { value: n / 60, note: 'quick.read_minutes' };
  return { value: n };
}

// A whole count of 0 or more: digits ("420", "１２００"), or grouped in threes by commas as
// Seller Center shows counts ("1,200", "１，２００"). Nothing else: not the decimal-comma rule of
// the other numbers (it read "1,000" days or orders as 1, and a shop of 1,000 days as new enough
// for small-seller protection), nor "1.000" or "12.0" (a thousand or one: not guessed).
export function parseCount(text) {
  const s = normalize(text);
  if (/^\d+$/.test(s)) return { value: Number(s) };
  if (GROUPED.test(s)) return { value: Number(s.replace(/,/g, '')) };
  return { error: 'quick.err_count' };
}

// A metric's typed value: hours for aht, a rate for the others.
export function parseMetric(id, text) {
  return id === 'aht' ? parseHours(text) : parseRate(text);
}
