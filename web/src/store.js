// The page's one store: inputs go in with set(), the scoring and the views subscribe. Every
// module reads `state`; writes go through set() so the subscribers hear of them (one-way:
// inputs -> store -> scoring -> result -> render).
export const state = {
  engine: null,
  profile: null, // ProfileEditor
  source: 'none', // 'sample' | 'files' | 'quick'
  files: [], // {key, name, blob, size, status, summary, error, progress}
  shopFile: null, // a dropped shop facts file: {key, name, text}
  session: false, // the worker holds an Ingest of the current files
  sessionOffset: '', // the time zone (utc_offset) that Ingest read the files with
  ingested: {}, // session name -> the content key the worker's Ingest holds (sample, quick)
  busy: false,
  shopText: {}, // the shop-facts form as typed: {key: text}
  quickText: {}, // quick mode as typed: {fieldId: text}
  typedText: {}, // metrics typed under the table (files, sample): {metric: text}
  fields: {}, // fieldId -> {error|note, params, value}: what request.js found in the typed texts
  result: null,
  resultSource: 'none', // the source the shown result came from
  stale: false, // the shown result is the last valid one, not the current inputs'
  insightsPending: false, // the shown result is the score alone; its insights are on the way
  assumedOrders: false, // quick mode took the shop as past the gate (no count given)
  error: null,
  seq: 0, // the newest score request
  shownSeq: 0, // the request whose answer is shown (body[data-seq], for the tests)
  nextKey: 1,
  // "Match my Seller Center" (calibrate-form.js): the readings as typed and what came of them.
  calib: { snaps: [], nextKey: 1, edited: false, fields: {}, invalid: false, fill: {}, report: null, error: null, busy: false, saved: null, savedJson: null },
};

const listeners = new Set();

export function set(patch) {
  Object.assign(state, patch);
  for (const fn of listeners) fn(patch);
}

// fn(patch) after every set(); returns the unsubscribe function.
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
