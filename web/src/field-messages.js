// The message beside a typed field (shop facts, quick mode, a metric typed under the table),
// from what request.js found: an error (the value is not used, the result is marked stale) or
// a note (how the value was read: "Read as 93.40 %"). Shown in the page's language.
import { t, tf } from './i18n.js';
import { fmtPercent, fmtNumber } from './format.js';

export function fieldText(f) {
  if (!f) return '';
  if (f.error) {
    const params = {};
    for (const [k, v] of Object.entries(f.params || {})) params[k] = tf(v, v);
    return t(f.error, params);
  }
  if (f.note === 'quick.read_minutes') return t(f.note, { v: `${fmtNumber(f.value, 2)} ${t('unit.hours')}` });
  if (f.note) return t(f.note, { v: fmtPercent(f.value, 2) });
  return '';
}

// Every input under root with an id gets its state: aria-invalid and the text of #ID-msg.
export function showFieldMessages(root, fields) {
  if (!root) return;
  for (const el of root.querySelectorAll('input[id], select[id]')) {
    const f = fields[el.id];
    el.setAttribute('aria-invalid', f && f.error ? 'true' : 'false');
    const msg = document.getElementById(el.id + '-msg');
    if (!msg) continue;
    msg.classList.toggle('error', !!(f && f.error));
    msg.textContent = fieldText(f);
  }
}
