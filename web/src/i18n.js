// One message table per language (i18n/en.js, i18n/zh.js); every string the page shows comes
// from there. The language defaults to the browser's and is remembered in localStorage.
// Each language is a classic script of its own (lang-en.js, lang-zh.js, built from
// i18n/bundle-*.js) that fills `tables`: a visit downloads only the seller's language, and the
// other is loaded when they switch (loadLang; docs/web.md "On demand"). Both tables have the
// same keys (tests/browser/static.test.mjs), so one language needs no other to fall back on.
import { loadScript } from './on-demand.js';

export const tables = globalThis.SHOPSCORE_LANG || (globalThis.SHOPSCORE_LANG = {});
export const LANGS = ['en', 'zh'];
const KEY = 'shopscore.lang';
let lang = 'en';

export function detectLang() {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored && LANGS.includes(stored)) return stored;
  } catch { /* storage may be unavailable */ }
  for (const l of navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']) {
    const s = String(l).toLowerCase();
    if (s.startsWith('zh')) return 'zh';
    if (s.startsWith('en')) return 'en';
  }
  return 'en';
}

// Resolves once language l's table is there (its script loaded, or already in the page).
export function loadLang(l) {
  return loadScript(`lang-${l}.js`, () => !!tables[l]);
}

// Call once loadLang(l) has resolved.
export function setLang(l, remember) {
  lang = tables[l] ? l : lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  if (remember) {
    try { localStorage.setItem(KEY, lang); } catch { /* ignore */ }
  }
}

export function getLang() {
  return lang;
}

export function locale() {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

// t("key", {n: 3}) replaces {n}; a missing key falls back to English, then to the key itself.
export function t(key, params) {
  let s = (tables[lang] && tables[lang][key]) ?? (tables.en && tables.en[key]) ?? key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] != null ? String(params[k]) : m));
  return s;
}

// Like t(), but `fallback` (e.g. the core's English message) when neither table has the key.
export function tf(key, fallback, params) {
  return has(key) ? t(key, params) : fallback;
}

// Whether the page's table (or the English one, if loaded) has the key.
export function has(key) {
  return (tables[lang] && tables[lang][key] != null) || (tables.en && tables.en[key] != null);
}

// Static text in index.html: data-i18n="key" (textContent), data-i18n-attr="attr:key;attr:key".
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
  document.title = t('app.title');
}

// Plural forms: tn("days", 1) uses "days.one" or "days.other" by the language's plural rules
// (Chinese has one form; both keys exist so the tables stay alike). {n} is the formatted count
// unless params give it.
// The plural rules and the count's number format, made once per locale: an Intl object costs
// ~0.1-1 ms to make, and a result's render counts in every metric and benefit row.
const counting = new Map();
export function tn(key, n, params) {
  const loc = locale();
  if (!counting.has(loc)) counting.set(loc, { plural: new Intl.PluralRules(loc), number: new Intl.NumberFormat(loc) });
  const { plural, number } = counting.get(loc);
  const form = plural.select(Number(n));
  const full = has(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`;
  return t(full, { n: number.format(n), ...params });
}

// Text from data (a profile's Chinese name) shown in the Chinese page gets full-width
// punctuation next to Chinese characters: "通用(估算)" -> "通用（估算）".
const FULL = { '(': '\uFF08', ')': '\uFF09', ',': '\uFF0C', ':': '\uFF1A', ';': '\uFF1B' };
export function zhPunct(s) {
  if (lang !== 'zh' || typeof s !== 'string') return s;
  return s.replace(/([\u4e00-\u9fff])\s*([(),:;])|([(),:;])\s*(?=[\u4e00-\u9fff])/g, (m, cjk, p1, p2) => (cjk ? cjk + FULL[p1] : FULL[p2]))
    .replace(/\uFF08([^()\uFF08\uFF09]*)\)/g, '\uFF08$1\uFF09');
}

// The insight panels' texts are the same tables' 'ins.' keys (web/src/insights/).
export function it(key, params) {
  return t('ins.' + key, params);
}
