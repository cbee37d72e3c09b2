// The page state shared by the modules below main.js. One object, imported where it is read or
// written, so every module sees the same source, file set and result.
export const state = {
  engine: null,
  profile: null, // ProfileEditor
  source: 'none', // 'sample' | 'files' | 'quick'
  files: [], // {key, name, blob, size, status, summary, error, progress}
  session: false, // the worker holds an Ingest of the current files
  sessionOffset: '', // the time zone (utc_offset) that Ingest read the files with
  busy: false,
  result: null,
  resultSource: 'none', // the source the shown result came from
  typedMetrics: {}, // {metric: {value}} typed for files/sample: the `metrics` score option
  typedTexts: {}, // {metric: {text, error}} as typed, for the field
  features: {}, // what this core offers beyond the basics ({dateOrder: Ingest.setDateOrder exists})
  assumedOrders: false, // quick mode took the shop as scored (no count given)
  error: null,
  seq: 0,
  nextKey: 1,
};
