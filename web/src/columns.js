// Column names of the Seller Center exports, from the core's own alias table
// (core/src/ingest/header_aliases.json, handed over by the module when the worker starts:
// setColumns): an error names a column in the page's language, and a header row the core did not
// recognise is compared with each kind's required columns to say which one is missing.
import { getLang } from './i18n.js';

const CJK = /[\u3400-\u9fff]/;
const norm = (s) => String(s).trim().toLowerCase().replace(/[\s_]+/g, ' ');

// {kind, field, en, zh, names:Set} for every field of every export kind.
let FIELDS = [];
let KINDS = [];

// The table's `kinds` (kind -> field -> {aliases, required}), from the worker's ready message.
export function setColumns(kinds) {
  KINDS = Object.keys(kinds);
  FIELDS = [];
  for (const [kind, fields] of Object.entries(kinds)) {
    for (const [field, def] of Object.entries(fields)) {
      const list = def.aliases || [];
      FIELDS.push({
        kind, field, required: !!def.required,
        en: list.find((a) => !CJK.test(a) && /[A-Z]/.test(a)) || list[0],
        zh: list.find((a) => CJK.test(a)) || list[0],
        names: new Set(list.map(norm)),
      });
    }
  }
}

// An export of `kind` with its header row only (the required columns, as Seller Center's English
// export names them): "I had no reviews in this period" is this file, so the core counts the
// export as given and empty, as it would Seller Center's own empty export.
export function emptyExport(kind) {
  return FIELDS.filter((f) => f.kind === kind && f.required).map((f) => f.en).join(',') + '\r\n';
}

// A column as Seller Center names it in the page's language ("Delivered Time" -> "送达时间").
export function columnName(name) {
  if (!name) return '';
  const n = norm(name);
  const f = FIELDS.find((x) => x.names.has(n));
  if (!f) return name;
  return getLang() === 'zh' ? f.zh : f.en;
}

// The export kind the header row is closest to (at least two known columns), and the required
// columns it lacks, named in the page's language. null when no kind is close.
export function closestKind(header) {
  if (!Array.isArray(header) || !header.length) return null;
  const cells = new Set(header.map(norm));
  let best = null;
  for (const kind of KINDS) {
    const fields = FIELDS.filter((f) => f.kind === kind);
    const hits = fields.filter((f) => [...f.names].some((a) => cells.has(a))).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { kind, hits, fields };
  }
  if (!best) return null;
  const missing = best.fields.filter((f) => f.required && ![...f.names].some((a) => cells.has(a)));
  if (!missing.length) return null;
  return { kind: best.kind, missing: missing.map((f) => (getLang() === 'zh' ? f.zh : f.en)) };
}
