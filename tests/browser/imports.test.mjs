// The page's module graph (issue 19): no import cycle under web/src, the insight panels never
// import the scoring, and request building touches no DOM. Needs no browser (run with the
// browser tests by `npm run test:browser`, so by scripts/test.sh and CI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const SRC = path.join(ROOT, 'web', 'src');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []);
}

// file -> the files under web/src it imports (relative specifiers only; packages are leaves).
export function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const deps = [];
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) deps.push(path.resolve(path.dirname(file), m[1]));
    for (const m of text.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)) deps.push(path.resolve(path.dirname(file), m[1]));
    graph.set(file, deps);
  }
  return graph;
}

// The first cycle found (as a list of files), or null.
export function findCycle(graph) {
  const state = new Map(); // file -> 1 visiting, 2 done
  const stack = [];
  const visit = (f) => {
    if (state.get(f) === 2) return null;
    if (state.get(f) === 1) return stack.slice(stack.indexOf(f)).concat(f);
    state.set(f, 1);
    stack.push(f);
    for (const d of graph.get(f) || []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(f, 2);
    return null;
  };
  for (const f of graph.keys()) {
    const c = visit(f);
    if (c) return c;
  }
  return null;
}

const rel = (f) => path.relative(SRC, f);

test('the cycle finder finds a cycle (a graph with one) and none in a tree', () => {
  const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', []]]);
  assert.deepEqual(findCycle(g), ['a', 'b', 'c', 'a']);
  assert.equal(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), null);
});

test('no import cycle under web/src', () => {
  const graph = importGraph(sources(SRC));
  assert.ok(graph.size > 20, 'the page sources were read');
  const cycle = findCycle(graph);
  assert.equal(cycle && cycle.map(rel).join(' -> '), null);
});

test('the insight panels never import the scoring; request building touches no DOM', () => {
  const graph = importGraph(sources(SRC));
  // Everything an insight module reaches, directly or not.
  const reach = (f, seen = new Set()) => {
    for (const d of graph.get(f) || []) if (!seen.has(d)) { seen.add(d); reach(d, seen); }
    return seen;
  };
  for (const f of sources(path.join(SRC, 'insights'))) {
    const reached = [...reach(f)].map(rel);
    assert.ok(!reached.includes('scoring.js') && !reached.includes('request.js'), `${rel(f)} reaches ${reached.join(', ')}`);
  }
  for (const name of ['request.js', 'parse.js', 'model.js', 'protocol.js']) {
    const text = readFileSync(path.join(SRC, name), 'utf8');
    assert.doesNotMatch(text, /\bdocument\.|\blocalStorage\b|\bwindow\.|from '\.\/dom\.js'/, name);
  }
});
