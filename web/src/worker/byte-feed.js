// A Blob's bytes read on another thread. File.stream() read chunk by chunk costs its reader about
// as much CPU as the core's parsing of the same bytes (3-4 ms a MB in Chromium: a new chunk
// object for every read, then collected), and in one worker the two took turns. Here a small
// reader worker does the streaming and hands the bytes on in 1 MiB buffers, so on a second core
// the browser's reading and the core's parsing run side by side (docs/web.md "Reading files").
// Where the stream is a byte stream, the reader worker reads "bring your own buffer" into the
// buffers it keeps (about a third of that cost: no chunk allocated per read).
//
// openFeed(blob) answers a reader with the stream reader's read() -> {done, value}, so the chunk
// pump does not know which it got. The buffers go back to the reader worker for reuse once the
// pump has copied them: a ring of RING buffers, so the reader is at most RING MiB ahead (memory
// stays flat for a 2 GB file) and allocates nothing per chunk.

const CHUNK = 1 << 20;
const RING = 4;
// Below this the one-thread stream is as fast: starting the reader worker costs a few ms.
// The ?reader-min= knob (docs/web.md) changes it for the tests.
let minBytes = 4 << 20;
export function configureFeed(knobs) {
  if (Number.isFinite(knobs.readerMinBytes)) minBytes = knobs.readerMinBytes;
}

// The reader worker's whole code, started from a Blob of its source: it must not use anything
// from outside the function.
function readerMain() {
  const free = [];
  let wake = null;
  const take = async () => {
    while (!free.length) await new Promise((resolve) => { wake = resolve; });
    return free.pop();
  };
  self.onmessage = async ({ data }) => {
    if (data.type === 'free') {
      free.push(data.buf);
      if (wake) { const w = wake; wake = null; w(); }
      return;
    }
    try {
      for (let i = 0; i < data.ring; i++) free.push(new ArrayBuffer(data.chunk));
      const stream = data.blob.stream();
      let byob = null;
      try { byob = stream.getReader({ mode: 'byob' }); } catch { /* not a byte stream here */ }
      let buf = await take();
      let filled = 0;
      const ship = async () => {
        self.postMessage({ type: 'bytes', buf, length: filled }, [buf]);
        buf = await take();
        filled = 0;
      };
      if (byob) {
        for (;;) {
          // Straight into the buffer's free space (it comes back as a new ArrayBuffer object over
          // the same memory): no chunk allocated, nothing copied here.
          const { done, value } = await byob.read(new Uint8Array(buf, filled, data.chunk - filled));
          if (value) { buf = value.buffer; filled += value.length; }
          if (done) break;
          if (filled === data.chunk) await ship();
        }
      } else {
        const reader = stream.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (let pos = 0; pos < value.length;) {
            const n = Math.min(value.length - pos, data.chunk - filled);
            new Uint8Array(buf, filled, n).set(value.subarray(pos, pos + n));
            filled += n;
            pos += n;
            if (filled === data.chunk) await ship();
          }
        }
      }
      if (filled) self.postMessage({ type: 'bytes', buf, length: filled }, [buf]);
      self.postMessage({ type: 'done' });
    } catch (e) {
      // A file that cannot be read (moved, changed on disk): the same DOMException, rebuilt there.
      self.postMessage({ type: 'error', name: (e && e.name) || 'Error', message: String((e && e.message) || e) });
    }
  };
}

// A reader of `blob`'s own stream in this thread, with the stream reader's read() -> {done, value}
// and cancel(). Where the stream is a byte stream it is read "bring your own buffer" into two
// buffers taken in turn: a value stays valid until the read after next is asked for (the chunk
// pump copies each before that). Otherwise the stream's default reader.
// Only for a worker that ends with its file (the reader worker, an extra worker of slices.js):
// Chromium keeps each finished own-buffer stream's last buffer until the worker ends, and once
// ~60 MB of them are held every later read stalls (measured: the 60th stream of 2 MB read in
// 1 MiB buffers in one worker never ended; docs/web.md "Reading files"). The main worker reads
// hundreds of files in its life (the Shops view, every re-read), so it never reads this way.
export function streamReader(blob) {
  const stream = blob.stream();
  let byob;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch {
    return stream.getReader();
  }
  // Read k goes into buffer k % 2, so the value of read k - 1 is not touched by it. A small file
  // (the Shops view reads hundreds) gets buffers of its own size.
  const size = Math.max(1, Math.min(CHUNK, blob.size));
  const buffers = [new ArrayBuffer(size), new ArrayBuffer(size)];
  let turn = 0;
  return {
    async read() {
      const k = turn;
      turn ^= 1;
      for (;;) {
        // The buffer comes back as a new ArrayBuffer object over the same memory.
        const { done, value } = await byob.read(new Uint8Array(buffers[k]));
        if (done) return { done: true, value: undefined };
        buffers[k] = value.buffer;
        if (value.length) return { done: false, value };
      }
    },
    cancel: () => byob.cancel(),
  };
}

let readerSource = null;
// A reader worker started before a file needs it (prepareReader): a worker takes ~30 ms to start
// in Chromium here, and a file's first bytes would wait for it.
let spare = null;
let spareFailed = false;

// Starts a reader worker to keep ready for the next large file (worker.js: when the module is
// ready, and after each score with insights), unless one is ready already.
export function prepareReader() {
  if (spare) return;
  spare = startReader();
  spareFailed = false;
  // One that could not start is not given a file: takeReader starts another.
  if (spare) spare.onerror = (ev) => { ev.preventDefault(); spareFailed = true; };
}

function takeReader() {
  let worker = spare;
  if (worker && spareFailed) { worker.terminate(); worker = null; }
  spare = null;
  return worker || startReader();
}

function startReader() {
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL === 'undefined') return null;
  readerSource = readerSource || new Blob([`(${readerMain.toString()})()`], { type: 'text/javascript' });
  const url = URL.createObjectURL(readerSource);
  try {
    return new Worker(url);
  } catch {
    return null; // no workers inside workers here: the stream in this thread
  } finally {
    URL.revokeObjectURL(url);
  }
}

// A reader of `blob`'s bytes: from the reader worker for a large blob, else the blob's own stream.
// cancel() stops the reading (the pump failed or finished early); `thread` says which it is.
export function openFeed(blob) {
  const worker = blob.size >= minBytes ? takeReader() : null;
  // (In this long-lived thread, the stream's own chunks: see streamReader.)
  if (!worker) return Object.assign(blob.stream().getReader(), { thread: false });
  const queue = []; // messages not yet asked for
  let waiting = null; // the read() waiting for the next message
  const held = []; // buffers given out; each goes back once the pump has copied it
  let delivered = 0; // bytes given out
  let finished = false;
  // The reader worker stopped without a word (it could not start here, or it crashed): the rest
  // is read in this thread, from the blob's own stream at the first byte not given out yet.
  let rest = null;
  const stop = () => { if (!finished) { finished = true; worker.terminate(); } };
  const settle = (msg, resolve, reject) => {
    if (msg.type === 'bytes') {
      held.push(msg.buf);
      delivered += msg.length;
      resolve({ done: false, value: new Uint8Array(msg.buf, 0, msg.length) });
    } else if (msg.type === 'done') {
      stop();
      resolve({ done: true, value: undefined });
    } else if (msg.type === 'error') {
      stop();
      reject(new DOMException(msg.message, msg.name)); // the file itself: the same in this thread
    } else {
      stop();
      rest = blob.slice(delivered).stream().getReader();
      rest.read().then(resolve, reject);
    }
  };
  worker.onmessage = ({ data }) => {
    if (waiting) { const w = waiting; waiting = null; settle(data, w.resolve, w.reject); } else queue.push(data);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    worker.onmessage({ data: { type: 'crashed' } });
  };
  worker.postMessage({ type: 'read', blob, chunk: CHUNK, ring: RING });
  return {
    read() {
      if (rest) return rest.read();
      // The pump asks for the next chunk before copying the one it holds: the one before that is
      // copied by now and goes back to the reader.
      while (held.length > 1 && !finished) {
        const buf = held.shift();
        worker.postMessage({ type: 'free', buf }, [buf]);
      }
      return new Promise((resolve, reject) => {
        if (queue.length) settle(queue.shift(), resolve, reject);
        else if (finished) resolve({ done: true, value: undefined });
        else waiting = { resolve, reject };
      });
    },
    cancel() {
      stop();
      return rest ? rest.cancel() : Promise.resolve();
    },
    thread: true,
  };
}
