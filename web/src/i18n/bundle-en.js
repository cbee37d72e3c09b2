// The English texts as a classic script of their own (lang-en.js, scripts/build-site.mjs): a visit
// downloads only the seller's language; i18n.js loads the other when they switch.
import main from './en.js';
import calibrate from './calibrate-en.js';
import history from './history-en.js';

// "Match my Seller Center" and the history keep their texts in their own files (cal., hist. keys).
(globalThis.SHOPSCORE_LANG = globalThis.SHOPSCORE_LANG || {}).en = { ...main, ...calibrate, ...history };
