// The reader thread's feed (web/src/worker/byte-feed.js) in node, with the reader's own code run
// in a stand-in Worker: messages asynchronous and transferred buffers detached, as between
// threads. Read as worker.js's chunk pump reads (the next read() asked for before the chunk in
// hand is copied), every byte of the file arrives once and in order, through the ring of four
// buffers; a reader that dies midway (or at once) leaves this thread reading on from the first
// byte it did not hand on; a file that cannot be read fails with the browser's own error.
// Needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { resolveObjectURL } from 'node:buffer';
import { openFeed, configureFeed, prepareReader } from '../../web/src/worker/byte-feed.js';

let crashAfter = Infinity; // 'bytes' messages a reader sends before it dies
let started = 0;
let failNextStart = false; // the next reader fails as it starts (an error event, no messages)

class StandInWorker {
  constructor(url) {
    started++;
    this.onmessage = null;
    this.onerror = null;
    this.sent = 0;
    this.dead = false;
    const scope = { onmessage: null, postMessage: (data, transfer = []) => this.fromReader(structuredClone(data, { transfer })) };
    this.scope = scope;
    // The reader's source (a Blob URL, revoked right after this constructor returns).
    this.ready = resolveObjectURL(url).text().then((text) => new Function('self', text)(scope));
    if (failNextStart) {
      failNextStart = false;
      this.dead = true;
      setTimeout(() => this.onerror && this.onerror({ preventDefault() {} }));
    }
  }
  fromReader(data) {
    if (this.dead) return;
    if (data.type === 'bytes' && this.sent++ >= crashAfter) {
      this.dead = true; // a crash: an error event and nothing more
      setTimeout(() => this.onerror({ preventDefault() {} }));
      return;
    }
    setTimeout(() => { if (!this.dead) this.onmessage({ data }); });
  }
  postMessage(data, transfer = []) {
    // The blob goes by reference (a test's unreadable blob is a plain object); buffers detach.
    const sent = data.type === 'free' ? structuredClone(data, { transfer }) : data;
    this.ready.then(() => setTimeout(() => { if (!this.dead) this.scope.onmessage({ data: sent }); }));
  }
  terminate() { this.dead = true; }
}
globalThis.Worker = StandInWorker;

// As worker.js's pump: read() for the next chunk, then copy the one in hand (after the reader had
// a turn, so a buffer given back too early would be detached or overwritten by then).
async function readAll(feed) {
  const out = [];
  let pending = feed.read();
  for (;;) {
    const { done, value } = await pending;
    if (done) break;
    pending = feed.read();
    await new Promise((resolve) => setTimeout(resolve));
    out.push(Buffer.from(value));
  }
  return Buffer.concat(out);
}

const BYTES = randomBytes((5 << 20) + 12345); // five full 1 MiB buffers and a part: the ring turns

// A File as the browser streams it: 64 KiB chunks (node's own Blob gives larger ones).
// `cancelled` counts the streams of it (and of its slices) that were cancelled.
function browserBlob(bytes, cancelled = { count: 0 }) {
  return {
    size: bytes.length,
    cancelled,
    slice: (from) => browserBlob(bytes.subarray(from), cancelled),
    stream() {
      let at = 0;
      return new ReadableStream({
        pull(c) {
          if (at >= bytes.length) return c.close();
          c.enqueue(new Uint8Array(bytes.subarray(at, at + 65536)));
          at += 65536;
        },
        cancel() { cancelled.count++; },
      });
    },
  };
}

test('a file read through the reader thread arrives whole and in order, the ring of buffers reused', async () => {
  configureFeed({ readerMinBytes: 1 });
  crashAfter = Infinity;
  const before = started;
  const feed = openFeed(browserBlob(BYTES));
  assert.equal(feed.thread, true);
  assert.ok((await readAll(feed)).equals(BYTES));
  assert.equal(started, before + 1);
  await feed.cancel();
});

test('below the size the reader thread is not started: the blob\'s own stream', async () => {
  configureFeed({ readerMinBytes: BYTES.length + 1 });
  const before = started;
  const feed = openFeed(new Blob([BYTES]));
  assert.equal(feed.thread, false);
  assert.ok((await readAll(feed)).equals(BYTES));
  assert.equal(started, before);
});

test('a reader that dies midway or at once: this thread reads on from the first byte not handed on', async () => {
  configureFeed({ readerMinBytes: 1 });
  for (const after of [0, 1, 2, 5]) {
    crashAfter = after;
    const feed = openFeed(browserBlob(BYTES));
    const got = await readAll(feed);
    assert.equal(got.length, BYTES.length, `dies after ${after} buffers`);
    assert.ok(got.equals(BYTES), `dies after ${after} buffers`);
    await feed.cancel();
  }
  // Cancelled after the reader died (the core failed on a row): this thread's stream stops too.
  crashAfter = 1;
  const blob = browserBlob(BYTES);
  const feed = openFeed(blob);
  for (let i = 0; i < 3; i++) assert.equal((await feed.read()).done, false);
  await feed.cancel();
  assert.equal(blob.cancelled.count, 1, 'the stream reading on was cancelled');
  crashAfter = Infinity;
});

test('a file that cannot be read fails with the browser\'s error, by name', async () => {
  configureFeed({ readerMinBytes: 1 });
  crashAfter = Infinity;
  const unreadable = {
    size: 3 << 20,
    stream: () => new ReadableStream({
      start(c) { c.enqueue(new Uint8Array(1 << 20).fill(7)); },
      pull(c) { c.error(new DOMException('the file changed on disk', 'NotReadableError')); },
    }),
  };
  const feed = openFeed(unreadable);
  const first = await feed.read();
  assert.equal(first.value.length, 1 << 20);
  await assert.rejects(feed.read(), (e) => e instanceof DOMException && e.name === 'NotReadableError' && /changed on disk/.test(e.message));
});

test('a reader started ahead is the one a file gets; one that failed to start is replaced', async () => {
  configureFeed({ readerMinBytes: 1 });
  crashAfter = Infinity;
  let before = started;
  prepareReader();
  prepareReader(); // one ready is enough
  assert.equal(started, before + 1);
  let feed = openFeed(browserBlob(BYTES));
  assert.equal(started, before + 1, 'no second reader started for the file');
  assert.ok((await readAll(feed)).equals(BYTES));
  await feed.cancel();

  failNextStart = true;
  before = started;
  prepareReader();
  await new Promise((resolve) => setTimeout(resolve, 10)); // its error event arrives
  feed = openFeed(browserBlob(BYTES));
  assert.equal(started, before + 2, 'a fresh reader for the file');
  assert.ok((await readAll(feed)).equals(BYTES));
  await feed.cancel();
});
