// The page's side of the Web Worker (messages in protocol.js). The worker's code (the Emscripten
// glue with the WASM inlined, plus worker.js) is a string the site build put in worker-src.js;
// it is started from a Blob URL because Chromium refuses worker scripts by file:// URL.
// Cancel = terminate the worker and start a fresh one; pending requests reject with
// CancelledError. Errors arrive as InputError / InternalError instances (protocol.js).
import { MSG, CancelledError, InternalError, errorFromData } from './protocol.js';

export class Engine {
  // `slicing`: the knobs of reading one large export in several workers (docs/web.md "Every core").
  constructor(source, slicing = {}) {
    this.source = source;
    this.slicing = slicing;
    this.worker = null;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, reject, onEvent}
    this.ready = null;
    // Sessions scored with insights since they were read: the first such score builds the
    // insights' tables, the later ones reuse them (scoring.js shows the score before that first).
    this.insightsBuilt = new Set();
  }

  start() {
    const bundle = new Blob([this.source], { type: 'text/javascript' });
    const url = URL.createObjectURL(bundle);
    this.worker = new Worker(url);
    URL.revokeObjectURL(url);
    this.ready = new Promise((resolve, reject) => {
      this.pending.set(0, { resolve, reject, onEvent: null });
    });
    this.warmedUp = new Promise((resolve) => { this.onWarmedUp = resolve; });
    this.worker.onmessage = (ev) => this.onMessage(ev.data);
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      const error = new InternalError(ev.message || 'worker error');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    // The bundle goes along: the worker starts extra workers from it for a large export.
    this.worker.postMessage({ type: MSG.init, id: 0, source: bundle, slicing: this.slicing });
    return this.ready;
  }

  onMessage(msg) {
    if (msg.type === MSG.warmedUp) return this.onWarmedUp(msg);
    const p = this.pending.get(msg.id ?? 0);
    if (!p) return;
    if (msg.type === MSG.ready || msg.type === MSG.result || msg.type === MSG.ingested) {
      this.pending.delete(msg.id ?? 0);
      p.resolve(msg);
    } else if (msg.type === MSG.error) {
      this.pending.delete(msg.id ?? 0);
      p.reject(errorFromData(msg.error));
    } else if (p.onEvent) {
      if (msg.type === MSG.fileError) msg.error = errorFromData(msg.error);
      p.onEvent(msg);
    }
  }

  request(msg, onEvent) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onEvent });
      this.worker.postMessage({ ...msg, id });
    });
  }

  // Reads files into the worker's Ingest named `session` (protocol.js IngestMessage).
  ingest(session, shop, files, onEvent) {
    this.insightsBuilt.delete(session);
    return this.request({ type: MSG.ingest, session, shop, files }, onEvent);
  }

  // Scores a session; resolves with the result JSON text.
  async score(session, options) {
    const { result } = await this.request({ type: MSG.score, session, options });
    if (options && options.insights) this.insightsBuilt.add(session);
    return result;
  }

  // Fits a profile to Seller Center snapshots on a session's data; resolves with the report
  // JSON text (protocol.js CalibrateMessage).
  async calibrate(session, snapshots, profile) {
    return (await this.request({ type: MSG.calibrate, session, snapshots, profile })).result;
  }

  // Scores many shops one after another (protocol.js ShopsMessage); onEvent hears each
  // progress and shop-row message; resolves with the batch CSV's header (a Uint8Array).
  async shops(shops, onEvent) {
    return (await this.request({ type: MSG.shops, shops }, onEvent)).result;
  }

  // Stops whatever the worker is doing; pending requests reject with CancelledError. The
  // sessions were in the old worker: the caller reads its sources again.
  cancel() {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
    this.insightsBuilt.clear();
    return this.start();
  }
}
