// `shopscore batch` against `shopscore score`: a folder of shops made from the export fixtures
// (tests/data/exports/*, each with shop.json; one copy without it) plus one broken shop.
// Checks: one row per shop in folder order; the broken shop's row carries its one-line error and
// the others are scored; every number in the CSV equals the same shop's `score` JSON (run with
// explicit --orders/--returns/... kinds, so the batch's kind detection is checked too); the JSON
// array says what the CSV says; --jobs 2 writes the same bytes as --jobs 1; a LIST file gives
// the same rows; exit codes (0 with a broken shop, 2 with --strict, 2 on a bad DIR).
//   node tests/cli/batch_check.mjs PATH/TO/shopscore
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.resolve(process.argv[2] ?? '');
const exportsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'exports');
const KINDS = ['orders', 'returns', 'reviews', 'chats', 'exclusions', 'diagnostics'];
let failures = 0;
const fail = (msg) => { failures++; console.error(`FAIL: ${msg}`); };

function run(args) {
  const r = spawnSync(cli, args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

// RFC 4180: quoted cells may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// The shops: every fixture set with the fixtures' shop.json, one without it, one broken.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'shopscore-batch-'));
const shopsDir = path.join(tmp, 'shops');
const fixtureSets = readdirSync(exportsDir).filter((n) => n !== 'malformed' && statSync(path.join(exportsDir, n)).isDirectory());
// A fixture folder also holds test artefacts (expected.json): only its exports are copied, and
// its own shop.json if it has one, else the fixtures' common one.
function copyShop(from, to) {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (KINDS.some((k) => f.startsWith(`${k}.`))) cpSync(path.join(from, f), path.join(to, f));
  const own = path.join(from, 'shop.json');
  cpSync(existsSync(own) ? own : path.join(exportsDir, 'shop.json'), path.join(to, 'shop.json'));
}
for (const name of fixtureSets) copyShop(path.join(exportsDir, name), path.join(shopsDir, name));
cpSync(path.join(exportsDir, 'us_bom_crlf'), path.join(shopsDir, 'no_shop_json'), { recursive: true });
// A Chinese folder name: the CSV must carry it as UTF-8 (behind the BOM) and sort it bytewise.
copyShop(path.join(exportsDir, 'zh_gb18030'), path.join(shopsDir, '店铺一'));
// A folder name a spreadsheet would run as a formula: the CSV cell gets a leading ' (the JSON not).
copyShop(path.join(exportsDir, 'us_bom_crlf'), path.join(shopsDir, '=1+1'));
mkdirSync(path.join(shopsDir, 'broken'));
cpSync(path.join(exportsDir, 'malformed', 'bad_date.csv'), path.join(shopsDir, 'broken', 'orders.csv'));
cpSync(path.join(exportsDir, 'us_bom_crlf', 'returns.csv'), path.join(shopsDir, 'broken', 'returns.csv'));
const shopNames = readdirSync(shopsDir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
// The broken shop's message, worked out from the fixture: row 14's Delivered Time is 31/31/2026.
const brokenError = `${path.join(shopsDir, 'broken', 'orders.csv')}:14:Delivered Time: expected a date-time`;

try {
  const csv1 = path.join(tmp, 'jobs1.csv'), json1 = path.join(tmp, 'jobs1.json');
  const csv2 = path.join(tmp, 'jobs2.csv'), json2 = path.join(tmp, 'jobs2.json');
  const r1 = run(['batch', shopsDir, '--insights', '--jobs', '1', '--out-csv', csv1, '--out-json', json1]);
  const r2 = run(['batch', shopsDir, '--insights', '--jobs', '2', '--out-csv', csv2, '--out-json', json2]);
  for (const [name, r] of [['--jobs 1', r1], ['--jobs 2', r2]]) {
    if (r.status !== 0) fail(`batch ${name} exited ${r.status}: ${r.err}`);
    if (r.out !== '') fail(`batch ${name} wrote to stdout with --out-csv/--out-json`);
    if (r.err !== `shopscore batch: 1 of ${shopNames.length} shops not scored (see their error column)\n`)
      fail(`batch ${name} stderr: ${JSON.stringify(r.err)}`);
  }
  const csvText = readFileSync(csv1, 'utf8');
  if (readFileSync(csv2, 'utf8') !== csvText) fail('--jobs 2 CSV differs from --jobs 1');
  if (readFileSync(json2, 'utf8') !== readFileSync(json1, 'utf8')) fail('--jobs 2 JSON differs from --jobs 1');
  if (!csvText.startsWith('\uFEFF')) fail('the CSV does not start with a UTF-8 BOM');

  const [header, ...rows] = parseCsv(csvText.replace(/^\uFEFF/, ''));
  const jsonRows = JSON.parse(readFileSync(json1, 'utf8'));
  if (rows.length !== shopNames.length) fail(`${rows.length} CSV rows for ${shopNames.length} shops`);
  if (jsonRows.length !== shopNames.length) fail(`${jsonRows.length} JSON rows for ${shopNames.length} shops`);
  const col = (row, name) => row[header.indexOf(name)];

  const guarded = (s) => (/^[=+\-@]/.test(s) ? `'${s}` : s);
  rows.forEach((row, i) => {
    const shop = col(row, 'shop').replace(/^'(?=[=+\-@])/, '');
    if (col(row, 'shop') !== guarded(shopNames[i])) fail(`row ${i + 1}'s shop cell ${col(row, 'shop')} is not guarded against formulas`);
    if (shop !== shopNames[i]) fail(`row ${i + 1} is ${shop}, expected ${shopNames[i]} (folder order)`);
    // The JSON array holds the same cells: numbers equal, nulls empty.
    const j = jsonRows[i];
    if (JSON.stringify(Object.keys(j)) !== JSON.stringify(header)) fail(`JSON keys of ${shop} differ from the CSV header`);
    header.forEach((h, c) => {
      const v = j[h];
      const same = v === null ? row[c] === '' : typeof v === 'number' ? Number(row[c]) === v : guarded(String(v)) === row[c];
      if (!same) fail(`${shop}.${h}: CSV ${JSON.stringify(row[c])}, JSON ${JSON.stringify(v)}`);
    });
    if (shop === 'broken') {
      if (!col(row, 'error').startsWith(brokenError)) fail(`broken shop's error: ${col(row, 'error')}`);
      if (col(row, 'error_code') !== 'bad_date') fail(`broken shop's error_code: ${col(row, 'error_code')}`);
      for (const h of header) if (!['shop', 'error', 'error_code'].includes(h) && col(row, h) !== '') fail(`broken shop has ${h}`);
      return;
    }
    if (col(row, 'error') !== '') fail(`${shop} has an error: ${col(row, 'error')}`);

    // The same shop through `score`, with kinds given explicitly.
    const dir = path.join(shopsDir, shop);
    const args = ['score', '--insights'];
    for (const kind of KINDS) for (const f of readdirSync(dir).sort()) if (f.startsWith(`${kind}.`)) args.push(`--${kind}`, path.join(dir, f));
    if (readdirSync(dir).includes('shop.json')) args.push('--shop', path.join(dir, 'shop.json'));
    const s = run(args);
    if (s.status !== 0) { fail(`score ${shop} exited ${s.status}: ${s.err}`); return; }
    const r = JSON.parse(s.out);
    const expect = {
      as_of: r.as_of, profile: r.profile, status: r.status, delivered_orders_90d: r.delivered_orders_90d,
      sps: r.sps, sps_display: r.sps_display, sps_low: r.sps_range.low, sps_high: r.sps_range.high,
      settlement_days: r.settlement_days,
      benefits: r.benefits.filter((b) => b.eligible === true).map((b) => b.id).join(' '),
      warnings: r.warnings.length,
      key_opportunity: r.insights.priorities.find((p) => p.label === 'key_opportunity')?.metric ?? null,
      key_opportunity_gain: r.insights.priorities.find((p) => p.label === 'key_opportunity')?.gain ?? null,
    };
    for (const d of ['product', 'fulfillment', 'service']) expect[d] = r.dimensions[d].score;
    for (const [m, x] of Object.entries(r.metrics)) {
      expect[m] = x.value;
      expect[`${m}_numerator`] = x.numerator;
      expect[`${m}_denominator`] = x.denominator;
      expect[`${m}_score`] = x.score;
    }
    // Goal seek: the lowest target not reached today, for the key opportunity (else the first
    // priority); forecast: the earliest reached/lost day per scenario (docs/cli.md).
    const pr = r.insights.priorities;
    const metric = (pr.find((p) => p.label === 'key_opportunity') ?? pr[0])?.metric;
    const target = r.insights.goal_seek.find((t) => !t.reached_today);
    const g = target?.metrics.find((m) => m.metric === metric);
    expect.next_target = g ? target.target : null;
    expect.goal_seek = !g ? null : !g.reachable ? `${metric} unreachable`
      : metric === 'aht' ? `aht <= ${g.value.toFixed(1)} h`
      : `${metric} ${metric === 'otdr' ? '>=' : '<='} ${g.limit} of ${g.denominator}`;
    for (const s of ['clean', 'steady']) {
      let best = null;
      for (const x of r.insights.forecast.crossings)
        for (const [ev, day] of [['reached', x[s].reached], ['lost', x[s].lost]])
          if (day && (!best || day < best.day)) best = { ev, day, threshold: x.threshold };
      expect[`forecast_${s}`] = best ? `${best.threshold} ${best.ev} ${best.day}` : 'none in 60 days';
    }
    for (const [h, v] of Object.entries(expect)) {
      const cell = col(row, h);
      const same = v === null ? cell === '' : typeof v === 'number' ? cell !== '' && Number(cell) === v : String(v) === cell;
      if (!same) fail(`${shop}.${h}: CSV ${JSON.stringify(cell)}, score JSON ${JSON.stringify(v)}`);
    }
    // `score --format csv` prints the header and this very row (its shop: the exports' folder).
    const one = run([...args, '--format', 'csv']);
    const line = csvText.split('\n').find((l) => l.startsWith(`${guarded(shop)},`));
    if (one.out !== `\uFEFF${header.join(',')}\n${line}\n`) fail(`score --format csv for ${shop} differs from its batch row`);
  });

  // A LIST file naming two folders (one relative to the list, one absolute), a comment, a blank line.
  const list = path.join(tmp, 'shops.txt');
  writeFileSync(list, `# two shops\nshops/tsv\n\n${path.join(shopsDir, 'broken')}\r\n`);
  const l = run(['batch', list, '--insights', '--format', 'json']);
  const listRows = l.status === 0 ? JSON.parse(l.out) : [];
  if (l.status !== 0) fail(`batch LIST exited ${l.status}: ${l.err}`);
  const byShop = Object.fromEntries(jsonRows.map((j) => [j.shop, j]));
  if (listRows.length !== 2) fail(`batch LIST gave ${listRows.length} rows, expected 2`);
  else {
    if (JSON.stringify({ ...listRows[0], shop: 'tsv' }) !== JSON.stringify(byShop.tsv)) fail('LIST row for shops/tsv differs from the DIR row');
    if (listRows[0].shop !== 'shops/tsv') fail(`LIST row named ${listRows[0].shop}, expected the line as written`);
    if (listRows[1].error !== byShop.broken.error) fail('LIST row for broken differs from the DIR row');
  }

  // Exit codes: --strict makes a broken shop exit 2; a missing DIR is bad input (one line, exit 2).
  const strict = run(['batch', shopsDir, '--strict', '--out-csv', path.join(tmp, 'strict.csv')]);
  if (strict.status !== 2) fail(`batch --strict exited ${strict.status}, expected 2`);
  const missing = run(['batch', path.join(tmp, 'nope')]);
  if (missing.status !== 2 || missing.err !== `${path.join(tmp, 'nope')}: cannot open the file\n`)
    fail(`batch on a missing DIR: exit ${missing.status}, stderr ${JSON.stringify(missing.err)}`);
  const empty = path.join(tmp, 'empty');
  mkdirSync(empty);
  const e = run(['batch', empty]);
  if (e.status !== 2 || !e.err.startsWith(`${empty}: expected a folder holding one folder per shop`) || e.err.split('\n').length !== 2)
    fail(`batch on an empty DIR: exit ${e.status}, stderr ${JSON.stringify(e.err)}`);
  const jobs = run(['batch', shopsDir, '--jobs', '0']);
  if (jobs.status !== 2 || !jobs.err.startsWith('shopscore: --jobs expects a whole number')) fail(`--jobs 0: exit ${jobs.status}, ${jobs.err}`);

  // --history FILE.csv (issue 20): each run appends its scored shops' rows (a later reading of the
  // same shop and as_of is not a new one) and the output gains the change since the shop's last
  // earlier reading; the file round-trips through the next run.
  const history = path.join(tmp, 'history.csv');
  const reading = (asOf) => {
    const out = path.join(tmp, `reading-${asOf}.csv`);
    const r = run(['batch', shopsDir, '--as-of', asOf, '--history', history, '--out-csv', out]);
    if (r.status !== 0) fail(`batch --history --as-of ${asOf}: exit ${r.status} ${r.err}`);
    return readFileSync(out, 'utf8');
  };
  const dataRows = (text) => parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  const historyByShop = (text) => {
    const [cols, ...rows] = dataRows(text);
    return new Map(rows.map((r) => [r[0], Object.fromEntries(cols.map((h, i) => [h, r[i]]))]));
  };
  const first = reading('2026-11-20');
  const second = reading('2026-11-27');
  // The same reading again: nothing appended, and its previous reading is still 11-20's, not itself
  // (the output is the second run's, byte for byte).
  if (reading('2026-11-27') !== second) fail('a re-run of the same as_of took itself as its previous reading');
  const one = historyByShop(first), two = historyByShop(second);
  const historyHead = dataRows(second)[0];
  if (historyHead.slice(-3).join() !== 'previous_as_of,previous_sps,sps_change') fail(`history columns: ${historyHead.slice(-3)}`);
  let changed = 0;
  for (const [shop, now] of two) {
    const before = one.get(shop);
    if (!before || before.error || now.error) {
      if (now.previous_as_of) fail(`${shop}: previous reading ${now.previous_as_of} without a scored earlier one`);
      continue;
    }
    if (now.previous_as_of !== '2026-11-20' || now.previous_sps !== before.sps) fail(`${shop}: previous ${now.previous_as_of} ${now.previous_sps}, first run ${before.sps}`);
    const want = before.sps && now.sps ? Number(now.sps) - Number(before.sps) : null;
    if ((want === null) !== (now.sps_change === '') || (want !== null && Number(now.sps_change) !== want)) fail(`${shop}: sps_change ${now.sps_change}, want ${want}`);
    if (want) changed++;
  }
  if (!changed) fail('the two readings should differ for some shop');
  const stored = dataRows(readFileSync(history, 'utf8'));
  const scoredRows = (text) => dataRows(text).slice(1).filter((r) => r[historyHead.indexOf('error')] === '').map((r) => r.slice(0, -3).join('\u0001'));
  const want = [...scoredRows(first), ...scoredRows(second)];
  if (JSON.stringify(stored.slice(1).map((r) => r.join('\u0001'))) !== JSON.stringify(want))
    fail(`history file: ${stored.length - 1} rows, want ${want.length} (the scored rows of both readings, once)`);
  // A file that is not a batch history: exit 2 naming FILE:ROW:COLUMN, before any shop is read.
  const badHead = path.join(tmp, 'bad-history.csv');
  writeFileSync(badHead, 'Shop,Date,SPS\nA,2026-11-20,3.1\n');
  const h1 = run(['batch', shopsDir, '--history', badHead]);
  if (h1.status !== 2 || !h1.err.startsWith(`${badHead}:1:A: expected the header row of a shopscore batch CSV`)) fail(`bad history header: ${h1.status} ${h1.err}`);
  const badDay = path.join(tmp, 'bad-day.csv');
  const lines = readFileSync(history, 'utf8').split('\n');
  lines[2] = lines[2].replace(/,2026-11-20,/, ',20/11/2026,');
  writeFileSync(badDay, lines.join('\n'));
  const h2 = run(['batch', shopsDir, '--history', badDay]);
  if (h2.status !== 2 || !h2.err.startsWith(`${badDay}:3:as_of: expected a date like 2026-11-20, got "20/11/2026"`)) fail(`bad history date: ${h2.status} ${h2.err}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (failures) {
  console.error(`${failures} batch check(s) failed`);
  process.exit(1);
}
console.log(`batch checks passed (${shopNames.length} shops)`);
