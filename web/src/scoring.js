// Scoring the current source in the worker. The request is built from the store by request.js
// (pure); this module sends it and puts the answer in the store (result or error); it writes no
// DOM (the result area renders from the store). Every source is an Ingest session in the worker,
// read again only when its content changed (the sample's time zone, quick mode's values).
import { state, set } from './store.js';
import { buildRequest } from './request.js';
import { CancelledError, InputError } from './protocol.js';

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function request() {
  return buildRequest(state, { today: today(), sampleJson: self.SHOPSCORE_SAMPLE_JSON, profile: state.profile.profile() });
}

// Reads the request's dataset into its session when that content is not already there.
async function ensureSession(req) {
  const ing = req.ingest;
  if (!ing || state.ingested[ing.session] === ing.key) return;
  const files = ing.files.map((f) => ({ key: f.key, name: f.name, blob: new Blob([f.text]), dateOrder: '' }));
  let failed = null;
  await state.engine.ingest(ing.session, ing.shop, files, (msg) => { if (msg.type === 'file-error') failed = msg.error; });
  if (failed) throw failed;
  set({ ingested: { ...state.ingested, [ing.session]: ing.key } });
}

// The current source scored with extra options (a scenario, a diagnostics table as CSV):
// answers the core's text without touching the store. Given to the panels as ctx.scoreWith.
export async function scoreWith(extra) {
  const req = request();
  if (!req.session || req.invalid || !state.engine) throw new Error('nothing to score');
  await ensureSession(req);
  return state.engine.score(req.session, { ...req.options, ...extra });
}

// The current source's data fitted to Seller Center snapshots (JSON text) from the profile in
// use (docs/calibration.md), in the worker: answers the parsed report without touching the
// store. Given to the calibration form by main.js.
export async function calibrateCurrent(snapshotsJson) {
  const req = request();
  if (!req.session || !state.engine) throw new Error('nothing to calibrate');
  await ensureSession(req);
  return JSON.parse(await state.engine.calibrate(req.session, snapshotsJson, JSON.stringify(state.profile.profile())));
}

// The first score of a large source read anew builds the insights' tables: at 200 k orders about
// 0.15 s of the worker's time after the score's own 0.04 s (docs/web.md "Reading files", the
// score first). Then the score is shown first and the insights follow; re-scores reuse the
// tables (10-20 ms at 1 M orders), and a small source is quick either way, so both come at once.
let scoreFirstBytes = 4 << 20;
export function configureScoreFirst(bytes) {
  if (Number.isFinite(bytes)) scoreFirstBytes = bytes; // the ?score-first= knob (docs/web.md)
}
function showScoreFirst(req) {
  if (!req.options.insights || req.session !== 'files' || state.engine.insightsBuilt.has(req.session)) return false;
  return state.files.reduce((sum, f) => sum + (f.status === 'ok' ? f.size : 0), 0) >= scoreFirstBytes;
}

// Resolves once the browser has painted what was rendered (a frame, then a task), or after
// 100 ms in a hidden tab, where frames do not come.
const painted = () => new Promise((resolve) => {
  const timer = setTimeout(resolve, 100);
  requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }));
});

// Scores the current source. Only the newest call's answer is kept (seq), so a slow reply
// cannot overwrite a later one. A typed value that cannot be read stops here: the last valid
// result of the same source stays, marked stale (not matching the inputs), and the field says
// why; another source's result (the sample's, a file's, before the seller turned to quick mode)
// is not left on screen as if it answered these inputs.
export async function rescore() {
  if (!state.engine || !state.profile) return;
  const seq = state.seq + 1;
  const req = request();
  set({ seq, fields: req.fields, assumedOrders: req.assumed });
  if (req.invalid) {
    // (A score shown before its insights stays as it is: they are no longer on the way.)
    const kept = state.result != null && state.resultSource === state.source;
    set({ result: kept ? state.result : null, stale: kept, error: null, insightsPending: false, shownSeq: seq });
    return;
  }
  if (!req.session) return;
  const source = state.source;
  try {
    await ensureSession(req);
    if (showScoreFirst(req)) {
      const score = await state.engine.score(req.session, { ...req.options, insights: false });
      if (seq !== state.seq) return;
      set({ result: JSON.parse(score), resultSource: source, error: null, stale: false, insightsPending: true });
      // The insights take the worker ~0.1-0.3 s of a core: asked once the score is on screen, so
      // on a 2-core machine its layout and paint do not wait behind them.
      await painted();
      if (seq !== state.seq) return;
    }
    const text = await state.engine.score(req.session, req.options);
    if (seq !== state.seq) return;
    set({ result: JSON.parse(text), resultSource: source, error: null, stale: false, insightsPending: false, shownSeq: seq });
  } catch (e) {
    if (seq !== state.seq || e instanceof CancelledError) return;
    // A bad option (profile, shop fact) or a quick-mode value must not wipe a good result: the
    // last valid one stays, marked as such. Other errors (the data itself) clear it.
    const keep = e instanceof InputError && (e.inOptions || source === 'quick') && state.resultSource === source;
    set({ error: e, result: keep ? state.result : null, stale: keep, insightsPending: false, shownSeq: seq });
  }
}
