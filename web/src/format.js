// Locale-aware formatting for the chosen language (numbers, percentages, hours, dates).
import { locale, t } from './i18n.js';

// Intl formatters made once per locale and options: making one costs ~0.1-1 ms, and a result's
// render or a chart's axis formats many values.
const cache = new Map();
function made(Kind, opts) {
  const key = Kind.name + locale() + JSON.stringify(opts);
  if (!cache.has(key)) cache.set(key, new Kind(locale(), opts));
  return cache.get(key);
}
const nf = (opts) => made(Intl.NumberFormat, opts);
export const dateFormat = (opts) => made(Intl.DateTimeFormat, opts);

export function fmtNumber(v, maxDigits = 2, minDigits = 0) {
  if (v == null || !Number.isFinite(v)) return '—';
  return nf({ maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits }).format(v);
}

export function fmtInt(v) {
  if (v == null || !Number.isFinite(v)) return '—';
  return nf({ maximumFractionDigits: 0 }).format(v);
}

// A fraction as a percentage: 0.0123 -> "1.23%".
export function fmtPercent(v, digits = 2) {
  if (v == null || !Number.isFinite(v)) return '—';
  return nf({ style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) }).format(v);
}

export function fmtBytes(n) {
  if (n < 1024) return `${fmtInt(n)} B`;
  if (n < 1024 * 1024) return `${fmtNumber(n / 1024, 1)} KB`;
  return `${fmtNumber(n / (1024 * 1024), 1)} MB`;
}

// "2026-11-20" -> "Nov 20, 2026" / "2026年11月20日" (a calendar day, no time zone shift).
export function fmtDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso || '—';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return dateFormat({ year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

// Metric values: rates as percentages, aht in hours.
export function fmtMetricValue(id, v) {
  if (v == null) return '—';
  return id === 'aht' ? `${fmtNumber(v, 1)} ${t('unit.hours')}` : fmtPercent(v, 2);
}
