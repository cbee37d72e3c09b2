// The page <-> worker protocol: every message type, its shape, and the errors that cross it.
// Both sides import this module (the worker bundle and the page bundle each get a copy).
// Errors cross as plain data (structured clone drops classes); errorFromData() rebuilds the
// class on the page's side, as duckdb-wasm does, so callers test `instanceof`, never strings.

/**
 * Page -> worker
 * @typedef {{type: 'init', id: 0, source: Blob, slicing: object}} InitMessage
 *   `source`: the worker's own bundle, for the extra workers of a large export (worker/slices.js);
 *   `slicing`: test and benchmark knobs {minFileBytes, minSliceBytes, workers, readerMinBytes,
 *   warmUpPasses}
 *   (docs/web.md "Every core"; worker/slices.js, worker/byte-feed.js).
 * @typedef {{type: 'ingest', id: number, session: SessionName, shop: string,
 *            files: {key: number, name: string, blob: Blob, dateOrder: string}[]}} IngestMessage
 *   Reads the files into a new Ingest named `session` (the old one is dropped). `shop` is a shop
 *   facts JSON ('' = none): its time zone converts timestamps while rows are read.
 * @typedef {{type: 'score', id: number, session: SessionName, options: object}} ScoreMessage
 *   Scores that session's Ingest (its ScoreCache keeps the per-day counts between calls).
 * @typedef {{type: 'calibrate', id: number, session: SessionName, snapshots: string, profile: string}} CalibrateMessage
 *   Fits a profile to Seller Center snapshots (JSON text) on that session's data, from the base
 *   `profile` (JSON text): answered by a ResultMessage whose `result` is the report JSON
 *   (docs/calibration.md "Report"; its `profile` is the fitted profile).
 * @typedef {{type: 'shops', id: number, shops: {name: string, folder: string,
 *            shopFile: {name: string, blob: Blob}|null, files: {name: string, blob: Blob}[], zip: Blob|null}[]}} ShopsMessage
 *   The Shops view: scores each shop in its own Ingest, one after another, as `shopscore batch`
 *   (worker/shops.js); answered by progress {shop, loaded, total}, one ShopRowMessage per shop,
 *   then a ResultMessage whose `result` is the batch CSV's BOM and header row (a Uint8Array).
 * @typedef {'files' | 'sample' | 'quick'} SessionName
 *
 * Main worker <-> its extra workers (worker/slices.js: one large orders export read in slices)
 * @typedef {{type: 'slice', id: number, wasmModule?: WebAssembly.Module|null, shop?: string, dateOrder?: string,
 *            name?: string, blob?: Blob, plan?: string, k?: number}} SliceMessage
 *   The first, {type, id: 0, wasmModule}, instantiates the module (a worker started ahead); a
 *   later one reads slice k of the plan (the core's JSON {head, starts, encoding, why}) from `blob`.
 * @typedef {{type: 'slice-progress', id: number, loaded: number}} SliceProgressMessage
 * @typedef {{type: 'slice-done', id: number, part: Uint8Array}} SliceDoneMessage
 *   The slice's partial read (the core's bytes; a failure travels inside them); an ErrorMessage
 *   or a crash instead makes the main worker read on in one pass.
 *
 * Worker -> page
 * @typedef {{type: 'ready', id: 0, version: string, defaultProfile: string, meta: object|null,
 *            columns: object}} ReadyMessage
 *   `columns`: the `kinds` of the core's header_aliases.json (web/src/columns.js).
 * @typedef {{type: 'warmed-up', id: 0, passes: number, slices: boolean, ms: number}} WarmedUpMessage
 *   `slices`: each pass read the made-up export in two slices too (large files are read so here).
 *   After ready: the worker's warm-up (worker/warm-up.js) is over: `passes` read and scored, fewer
 *   than asked when a request came meanwhile.
 * @typedef {{type: 'progress', id: number, key: number, loaded: number, total: number}} ProgressMessage
 * @typedef {{type: 'file', id: number, key: number, summary: object, timing: object|null}} FileMessage
 * @typedef {{type: 'file-error', id: number, key: number, error: ErrorData}} FileErrorMessage
 * @typedef {{type: 'ingested', id: number, failed: number[]}} IngestedMessage
 * @typedef {{type: 'result', id: number, result: string, ms: number}} ResultMessage
 * @typedef {{type: 'shop-row', id: number, index: number, csv: string, row: object,
 *            forecast: object[]|null, error: ErrorData|null}} ShopRowMessage
 * @typedef {{type: 'error', id: number, error: ErrorData}} ErrorMessage
 *
 * @typedef {{name: string, message: string, code?: string, params?: object, file?: string,
 *            row?: number, column?: string, field?: string, expected?: string, got?: string,
 *            header?: string[]}} ErrorData
 */
export const MSG = Object.freeze({
  init: 'init', ingest: 'ingest', score: 'score', calibrate: 'calibrate', shops: 'shops',
  slice: 'slice', sliceProgress: 'slice-progress', sliceDone: 'slice-done',
  ready: 'ready', progress: 'progress', file: 'file', fileError: 'file-error', ingested: 'ingested', shopRow: 'shop-row',
  result: 'result', error: 'error', warmedUp: 'warmed-up',
});

// The fields of an error that the page words (docs/errors.md).
export const ERROR_FIELDS = ['code', 'params', 'file', 'row', 'column', 'field', 'expected', 'got', 'header'];

// Bad input (a file, an option, a typed value): the seller can fix it.
export class InputError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = 'InputError';
    for (const k of ERROR_FIELDS) if (fields[k] != null) this[k] = fields[k];
  }

  // A score option (profile, shop fact, typed metric) was refused, not the data.
  get inOptions() {
    return this.file === 'options';
  }
}

// The seller pressed Cancel: the worker was stopped, nothing is wrong.
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

// Anything else (a bug, the worker crashed, out of memory).
export class InternalError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InternalError';
  }
}

// Worker side: any thrown value as ErrorData.
export function errorToData(e) {
  if (e && typeof e === 'object') {
    const data = { name: e.name || 'Error', message: String(e.message || e) };
    for (const k of ERROR_FIELDS) if (e[k] != null) data[k] = e[k];
    return data;
  }
  return { name: 'InternalError', message: String(e) };
}

// Page side: ErrorData back as an InputError (it has a stable code) or an InternalError.
export function errorFromData(d) {
  if (!d || typeof d !== 'object') return new InternalError(String(d));
  if (d.name === 'CancelledError') return new CancelledError();
  if (d.code || d.name === 'InputError') return new InputError(d.message, d);
  return new InternalError(d.message || 'error');
}
