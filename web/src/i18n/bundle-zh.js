// The Chinese texts as a classic script of their own (lang-zh.js, scripts/build-site.mjs): a visit
// downloads only the seller's language; i18n.js loads the other when they switch.
import main from './zh.js';
import calibrate from './calibrate-zh.js';
import history from './history-zh.js';

// "Match my Seller Center" and the history keep their texts in their own files (cal., hist. keys).
(globalThis.SHOPSCORE_LANG = globalThis.SHOPSCORE_LANG || {}).zh = { ...main, ...calibrate, ...history };
