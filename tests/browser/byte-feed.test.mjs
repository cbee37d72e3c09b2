// The reader thread's feed (web/src/worker/byte-feed.js) in node, with the reader's own code run
// in a stand-in Worker: messages asynchronous and transferred buffers detached, as between
// threads. Read as worker.js's chunk pump reads (the next read() asked for before the chunk in
// hand is copied), every byte of the file arrives once and in order, through the ring of four
// buffers; a reader that dies midway (or at once) leaves this thread reading on from the first
// byte it did not hand on; a file that cannot be read fails with the browser's own error. Each
// both ways a browser may stream a File: a byte stream (read "bring your own buffer", as Chromium
// allows) and a stream of its own chunks (the fallback). Needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { resolveObjectURL } from 'node:buffer';
import { openFeed, configureFeed, prepareReader, streamReader } from '../../web/src/worker/byte-feed.js';

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

// A File as the browser streams it: 64 KiB chunks (node's own Blob gives larger ones); as a byte
// stream (`byteStream`), a read into a buffer is filled in pieces of odd sizes, as Chromium fills
// them (a 1 MiB buffer gets 64-130 KiB a read), so pieces straddle every boundary.
// `cancelled` counts the streams of it (and of its slices) that were cancelled.
function browserBlob(bytes, cancelled = { count: 0 }, byteStream = false) {
  return {
    size: bytes.length,
    cancelled,
    slice: (from) => browserBlob(bytes.subarray(from), cancelled, byteStream),
    stream() {
      let at = 0;
      let turn = 0;
      if (byteStream) {
        return new ReadableStream({
          type: 'bytes',
          pull(c) {
            const request = c.byobRequest;
            if (at >= bytes.length) {
              c.close();
              if (request) request.respond(0);
              return;
            }
            const n = Math.min(bytes.length - at, [65536 + 77, 131072 - 5, 1000][turn++ % 3]);
            if (!request) {
              c.enqueue(new Uint8Array(bytes.subarray(at, at + n)));
              at += n;
              return;
            }
            const view = request.view;
            const k = Math.min(n, view.byteLength);
            new Uint8Array(view.buffer, view.byteOffset, k).set(bytes.subarray(at, at + k));
            at += k;
            request.respond(k);
          },
          cancel() { cancelled.count++; },
        });
      }
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
const KINDS = [['a byte stream', true], ['a stream of its own chunks', false]];

for (const [kind, byteStream] of KINDS) {
  test(`a file read through the reader thread arrives whole and in order, the ring of buffers reused (${kind})`, async () => {
    configureFeed({ readerMinBytes: 1 });
    crashAfter = Infinity;
    const before = started;
    const feed = openFeed(browserBlob(BYTES, undefined, byteStream));
    assert.equal(feed.thread, true);
    assert.ok((await readAll(feed)).equals(BYTES));
    assert.equal(started, before + 1);
    await feed.cancel();
  });

  test(`a file read in this thread arrives whole and in order (${kind})`, async () => {
    for (const bytes of [BYTES, BYTES.subarray(0, 1), BYTES.subarray(0, 0), BYTES.subarray(0, 1 << 20)]) {
      const reader = streamReader(browserBlob(bytes, undefined, byteStream));
      const got = await readAll(reader);
      assert.equal(got.length, bytes.length);
      assert.ok(got.equals(bytes), `${bytes.length} bytes`);
    }
  });
}

test('read in this thread "bring your own buffer": two buffers, each chunk intact until the read after next', async () => {
  const reader = streamReader(browserBlob(BYTES, undefined, true));
  const buffers = new Set();
  const out = [];
  let before = await reader.read();
  let copy = Buffer.from(before.value);
  for (;;) {
    const next = await reader.read(); // the chunk before is not written into by this read
    assert.ok(Buffer.from(before.value).equals(copy), 'a chunk overwritten before the read after next');
    out.push(copy);
    if (next.done) break;
    buffers.add(next.value.buffer.byteLength);
    before = next;
    copy = Buffer.from(next.value);
  }
  assert.ok(Buffer.concat(out).equals(BYTES));
  assert.deepEqual([...buffers], [1 << 20], 'reads go into 1 MiB buffers');
  // A stream that is not a byte stream: its own reader, as before.
  const plain = streamReader(browserBlob(BYTES.subarray(0, 100)));
  assert.equal((await plain.read()).value.length, 100);
});

test('this thread never reads in its own buffers, even a byte stream: the stream\'s own chunks', async () => {
  // (Chromium holds each finished own-buffer stream's last buffer until the worker ends, and the
  // main worker reads hundreds of files: byte-feed.js streamReader.)
  configureFeed({ readerMinBytes: BYTES.length + 1 });
  const feed = openFeed(browserBlob(BYTES, undefined, true));
  assert.equal(feed.thread, false);
  const first = await feed.read();
  assert.equal(first.value.byteLength, 65536 + 77, 'the source\'s first chunk as it gave it');
  assert.equal(first.value.buffer.byteLength, first.value.byteLength, 'a chunk of its own, not a 1 MiB buffer of ours');
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
    const feed = openFeed(browserBlob(BYTES, undefined, after % 2 === 1));
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
  const unreadableBytes = {
    size: 3 << 20,
    stream: () => new ReadableStream({
      type: 'bytes',
      start(c) { c.enqueue(new Uint8Array(1 << 20).fill(7)); },
      pull(c) { c.error(new DOMException('the file changed on disk', 'NotReadableError')); },
    }),
  };
  for (const blob of [unreadable, unreadableBytes]) {
    const feed = openFeed(blob);
    const first = await feed.read();
    assert.equal(first.value.length, 1 << 20);
    await assert.rejects(feed.read(), (e) => e instanceof DOMException && e.name === 'NotReadableError' && /changed on disk/.test(e.message));
  }
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
