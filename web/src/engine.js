// The page's side of the Web Worker. The worker's code (the Emscripten glue with the WASM
// inlined, plus worker.js) is a string the site build put in worker-src.js; it is started from
// a Blob URL because Chromium refuses worker scripts by file:// URL. Cancel = terminate the
// worker and start a fresh one.

export class Engine {
  constructor(source) {
    this.source = source;
    this.worker = null;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, reject, onEvent}
    this.ready = null;
  }

  start() {
    const url = URL.createObjectURL(new Blob([this.source], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    URL.revokeObjectURL(url);
    this.ready = new Promise((resolve, reject) => {
      this.pending.set(0, { resolve, reject, onEvent: null });
    });
    this.worker.onmessage = (ev) => this.onMessage(ev.data);
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      const error = { name: 'InternalError', message: ev.message || 'worker error' };
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker.postMessage({ type: 'init', id: 0 });
    return this.ready;
  }

  onMessage(msg) {
    if (msg.type === 'ready') {
      const p = this.pending.get(0);
      this.pending.delete(0);
      if (p) p.resolve({ version: msg.version, defaultProfile: msg.defaultProfile, features: msg.features || {} });
      return;
    }
    const p = this.pending.get(msg.id ?? 0);
    if (!p) return;
    if (msg.type === 'result' || msg.type === 'ingested') {
      this.pending.delete(msg.id);
      p.resolve(msg);
    } else if (msg.type === 'error') {
      this.pending.delete(msg.id ?? 0);
      p.reject(msg.error);
    } else if (p.onEvent) {
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

  // Stops whatever the worker is doing; pending requests reject with {cancelled: true}.
  cancel() {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject({ cancelled: true, name: 'Cancelled', message: 'cancelled' });
    this.pending.clear();
    return this.start();
  }
}
