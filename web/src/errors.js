// Errors from the core worded in the page's language from their stable code and parameters
// (docs/errors.md): "bad_date.csv · 第 14 行「送达时间」:无法识别的日期。读到:“31/31/2026”。".
// The core's English line stays available under "Details for support" (lang="en"); a code the
// page does not know falls back to it.
import { h } from './dom.js';
import { t, tf, getLang, has } from './i18n.js';
import { columnName, closestKind } from './columns.js';

// English text inside the Chinese page is marked lang="en" (screen readers switch voice).
export function en(text, tag = 'span') {
  return h(tag, { lang: getLang() === 'en' ? null : 'en', text });
}

// Errors about the file as a whole (its first row, its bytes) have no useful cell to name.
const WHOLE_FILE = new Set(['unknown_header', 'empty_file', 'wrong_format', 'line_too_long', 'too_many_columns', 'bad_xlsx', 'json_too_deep', 'cannot_open']);

function where(e) {
  if (WHOLE_FILE.has(e.code)) return '';
  const row = Number(e.row) || 0;
  if (e.code === 'json_syntax' && row) return t('err.where_line', { row, column: e.column });
  if (row && e.column && !/^[A-Z]{1,3}$/.test(e.column)) return t('err.where_cell', { row, column: columnName(e.column) });
  if (row && e.column) return t('err.where_cell', { row, column: e.column });
  if (row) return t('err.where_row', { row });
  if (e.field) return t('err.where_field', { field: e.field });
  return '';
}

function what(e) {
  const code = e.code || '';
  if (code === 'wrong_format') return t(e.got === 'json' ? 'err.wrong_format_json' : 'err.wrong_format_xlsx');
  if (code === 'missing_column') return t('err.missing_column', { column: columnName(e.column || e.got) });
  if (code === 'unknown_header') {
    const close = closestKind(e.header);
    const base = t('err.unknown_header');
    if (!close) return base;
    return `${base}${t('punct.space')}${t('err.unknown_header_kind', { kind: tf('kind.' + close.kind, close.kind), list: close.missing.map((c) => (getLang() === 'zh' ? `「${c}」` : `“${c}”`)).join(t('list.sep')) })}`;
  }
  if (has('err.' + code)) return t('err.' + code, { got: e.got ?? '' });
  return null;
}

// Codes whose `got` is already in the sentence, or is not the seller's text.
const GOT_IN_TEXT = new Set(['missing_column', 'unknown_header', 'wrong_format', 'bad_encoding', 'binary_data', 'empty_file', 'json_syntax']);
// Codes whose `expected` lists values of the export (English) worth showing.
const SHOW_EXPECTED = new Set(['invalid_value', 'bad_date', 'date_order_conflict', 'invalid_input', 'opened_after_as_of', 'as_of_before_data']);

// One line of text (for the result panel's announcement and for tests).
export function errorText(e) {
  if (!e) return '';
  const sentence = what(e);
  if (sentence == null) return String(e.message || t('err.internal'));
  const loc = where(e);
  const sep = t('punct.colon');
  const head = [e.file && e.file !== 'options' && e.file !== 'dataset.json' ? e.file : '', loc].filter(Boolean).join(' · ');
  const got = e.got && !GOT_IN_TEXT.has(e.code) ? t('punct.space') + t('err.got', { got: e.got }) : '';
  return (head ? head + sep : '') + sentence + got;
}

// The error as page content: the sentence, what was expected (English values, marked lang="en"),
// and the core's own line folded away.
export function errorNode(e, tag = 'span') {
  const text = errorText(e);
  const sentence = what(e);
  return h(tag + '.error-text', null,
    sentence == null ? en(text) : h('span', { text }),
    sentence != null && e.expected && SHOW_EXPECTED.has(e.code)
      ? h('span.error-expected', null, t('punct.space'), t('err.expected', { expected: '\u0000' }).split('\u0000')[0], en(e.expected), t('err.expected', { expected: '\u0000' }).split('\u0000')[1])
      : null,
    sentence != null && e.message ? h('details.error-details', null, h('summary', { text: t('err.details') }), en(e.message, 'code')) : null);
}
