// Checks of the page's sources that need no browser: the privacy policy, no HTML from data,
// and one message table per language with the same keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';
import en from '../../web/src/i18n/en.js';
import zh from '../../web/src/i18n/zh.js';

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []);
}

test('CSP: no network, no eval, WASM and blob workers only', () => {
  const html = readFileSync(path.join(ROOT, 'web', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  assert.ok(csp, 'a CSP meta tag');
  const policy = csp[1];
  assert.match(policy, /connect-src 'none'/);
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /worker-src blob:/);
  assert.doesNotMatch(policy, /'unsafe-eval'/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'no remote script, style or font');
});

test('no HTML is built from strings: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
  for (const file of sources(path.join(ROOT, 'web', 'src'))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|new Function|\beval\(/, file);
  }
});

test('one message table per language, with the same keys and placeholders', () => {
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    const ph = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(ph(zh[key]), ph(en[key]), key);
  }
});

test('the LZMA decoder that unpacks the module gives back what xz packed, and refuses damaged bytes', async () => {
  const { lzmaDecode } = await import('../../web/src/worker/lzma.js');
  const { execFileSync } = await import('node:child_process');
  const { randomBytes } = await import('node:crypto');
  const inputs = {
    empty: Buffer.alloc(0),
    one: Buffer.from('a'),
    random: randomBytes(70000), // literals that do not compress
    repeated: Buffer.from('order,'.repeat(50000)), // long matches and repeats
    sample: readFileSync(path.join(ROOT, 'web', 'sample', 'sample-dataset.json')),
  };
  for (const [name, bytes] of Object.entries(inputs)) {
    // the site's options, xz's defaults and others (literal context and position bits)
    for (const options of ['preset=9e,lc=3,pb=0', 'preset=6', 'preset=1,lc=0,lp=2,pb=4', 'preset=9e,lc=4,pb=1']) {
      const packed = execFileSync('xz', ['--format=lzma', `--lzma1=${options}`, '--stdout'], { input: bytes, maxBuffer: 1 << 26 });
      assert.ok(Buffer.from(lzmaDecode(packed)).equals(bytes), `${name}, ${options}, size unknown in the header`);
      if (!bytes.length) continue;
      // the size written in the header, as the site build does
      packed.writeBigUInt64LE(BigInt(bytes.length), 5);
      assert.ok(Buffer.from(lzmaDecode(packed)).equals(bytes), `${name}, ${options}, size known`);
      // a damaged stream, or one cut short, is refused rather than read wrong
      const cut = packed.subarray(0, packed.length >> 1);
      assert.throws(() => lzmaDecode(cut), /lzma: truncated/, `${name}, ${options}, cut`);
    }
  }
  const packed = execFileSync('xz', ['--format=lzma', '--stdout'], { input: inputs.sample });
  for (const at of [20, 200, 2000]) {
    const bad = Buffer.from(packed);
    bad[at] ^= 0x55;
    let same = false;
    try { same = Buffer.from(lzmaDecode(bad)).equals(inputs.sample); } catch { /* refused */ }
    assert.equal(same, false, `a flipped byte at ${at} is not read as the original`);
  }
});

test('the file preview keeps a quoted cell with a line break as one cell', async () => {
  const { previewRows } = await import('../../web/src/worker/decode.js');
  assert.deepEqual(previewRows('Order ID,Note\n1,"two\nlines"\n2,plain\n', 6), [['Order ID', 'Note'], ['1', 'two\nlines'], ['2', 'plain']]);
});

test('the CSP allows the service worker and manifest from the site itself only', () => {
  const html = readFileSync(path.join(ROOT, 'web', 'index.html'), 'utf8');
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  assert.match(policy, /worker-src blob: 'self'(;|$)/);
  assert.match(policy, /manifest-src 'self'(;|$)/);
  assert.doesNotMatch(html, /<script src="sample\.js"/, 'the sample is loaded only when asked for');
});

test('the licenses of the bundled libraries ship beside the minified bundles, linked from the footer', () => {
  // esbuild drops the libraries' comments from the bundles; their MIT notices must still ship.
  const html = readFileSync(path.join(ROOT, 'web', 'index.html'), 'utf8');
  assert.match(html, /<a href="THIRD_PARTY_NOTICES\.txt" data-i18n="foot\.notices">/);
  assert.match(readFileSync(path.join(ROOT, 'scripts', 'build-site.mjs'), 'utf8'), /THIRD_PARTY_NOTICES\.txt/);
  const notices = readFileSync(path.join(ROOT, 'web', 'THIRD_PARTY_NOTICES.txt'), 'utf8');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const bundled = Object.keys(pkg.dependencies || {});
  assert.ok(bundled.length > 0, 'the site bundles npm dependencies');
  for (const name of bundled) {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    assert.ok(notices.includes(`${name} ${version}`) || notices.includes(`${name === 'uplot' ? 'uPlot' : name} ${version}`),
      `${name} ${version} named in web/THIRD_PARTY_NOTICES.txt`);
  }
  assert.match(notices, /Permission is hereby granted, free of charge/);
});
