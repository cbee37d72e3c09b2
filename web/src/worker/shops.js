// The Shops view's side of the worker: scores many shops one after another, as `shopscore
// batch` does (docs/web.md "Shops view"). Each shop gets a fresh Ingest that is deleted before
// the next shop is read, so the WASM heap never holds more than one shop's records; per shop only
// its batch row (the core's CSV line and cells, shopscore/batch_row.h) and a few forecast dates
// cross back to the page.
import { readZipDirectory, entryStream } from './zip.js';
import { MSG, errorToData } from '../protocol.js';
import { hiddenName, byteCompare } from '../shops/names.js';

// The options `shopscore batch` scores with: the built-in profile, as_of from the data, and the
// insights on (the key opportunity column comes from them, and the forecast's dates with them).
const BATCH_OPTIONS = JSON.stringify({ insights: true });

// msg.shops: [{name, folder, shopFile: {name, blob} | null, files: [{name, blob}], zip: Blob | null}]
// in batch order. Posts MSG.progress {shop, loaded, total} and MSG.shopRow {index, csv, row,
// forecast, error} per shop, then the header (bytes: BOM and header row) in MSG.result.
export async function scoreShops(m, meta, readFile, msg) {
  const total = msg.shops.reduce((s, shop) => s + shopBytes(shop), 0);
  let before = 0;
  for (let i = 0; i < msg.shops.length; i++) {
    const shop = msg.shops[i];
    const report = (done) => self.postMessage({ type: MSG.progress, id: msg.id, shop: i, loaded: before + done, total });
    report(0);
    let out;
    try {
      out = await scoreShop(m, meta, readFile, shop, report);
    } catch (e) {
      const error = errorToData(e);
      // As batch writes a shop that hit a bug: "internal error: ..." (cli/batch.cpp).
      const internal = !error.code || error.code === 'internal_error';
      const message = internal ? `internal error: ${error.message}` : error.message;
      out = { ...JSON.parse(m.batchErrorRow(shop.name, message, internal ? 'internal_error' : error.code)), forecast: null, error };
    }
    before += shopBytes(shop);
    report(0);
    self.postMessage({ type: MSG.shopRow, id: msg.id, index: i, ...out });
  }
  self.postMessage({ type: MSG.result, id: msg.id, result: m.batchCsvHeader(), ms: 0 });
}

const shopBytes = (shop) => (shop.zip ? shop.zip.size : shop.files.reduce((s, f) => s + f.blob.size, 0) + (shop.shopFile ? shop.shopFile.blob.size : 0));

// One shop, in cli/shop_folder.cpp's order: shop.json first (its errors first), then "no
// exports", then every export in name order; the first error is the shop's.
async function scoreShop(m, meta, readFile, shop, report) {
  const files = shop.zip ? await zipFiles(m, meta, shop) : { shopFile: shop.shopFile, files: shop.files };
  const shopText = files.shopFile ? await files.shopFile.blob.text() : '';
  const ing = new m.Ingest(shopText, files.shopFile ? files.shopFile.name : 'shop.json');
  try {
    if (!files.files.length) throw m.noExportsError(shop.folder);
    let before = 0;
    for (const f of files.files) {
      // kind 'auto' for every file, .json too, as batch reads a shop folder.
      await readFile(m, ing, { name: f.name, blob: f.blob, auto: true }, (done) => report(shop.zip ? 0 : before + done));
      before += f.blob.size;
    }
    const result = JSON.parse(ing.score(BATCH_OPTIONS));
    const out = JSON.parse(ing.batchRow(shop.name));
    return { ...out, forecast: forecastEvents(result), error: null };
  } finally {
    ing.delete();
  }
}

// A ZIP per shop: its entries are the shop's files (those at its top level, or inside its one
// top folder when the ZIP was made from a folder); hidden entries, "~$x" and deeper folders are
// skipped as in a shop folder. Each entry is inflated into a Blob when its shop is read.
async function zipFiles(m, meta, shop) {
  const fail = {
    bad: (what) => m.badXlsxError(shop.folder, what),
    tooLarge: (part, limit) => m.xlsxPartTooLargeError(shop.folder, part, limit),
  };
  const entries = [...(await readZipDirectory(shop.zip, fail)).values()].filter((e) => !e.name.endsWith('/'));
  const tops = new Set(entries.map((e) => (e.name.includes('/') ? e.name.slice(0, e.name.indexOf('/')) : '')));
  const prefix = tops.size === 1 && !tops.has('') ? [...tops][0] + '/' : '';
  const out = { shopFile: null, files: [] };
  const picked = entries
    .map((e) => ({ e, name: e.name.slice(prefix.length) }))
    .filter(({ e, name }) => e.name.startsWith(prefix) && !name.includes('/') && !hiddenName(name))
    .sort((a, b) => byteCompare(a.name, b.name));
  for (const { e, name } of picked) {
    const blob = await new Response(await entryStream(shop.zip, e, meta.limits.page_file_bytes, fail)).blob();
    const file = { name: `${shop.folder}/${name}`, blob };
    if (name === 'shop.json') out.shopFile = file;
    else out.files.push(file);
  }
  return out;
}

// The forecast's threshold dates, per scenario, for the table and its "crosses 2.5" filter:
// [{threshold, scenario: 'clean'|'steady', direction: 'reached'|'lost', date}] by date.
function forecastEvents(result) {
  const crossings = result.insights && result.insights.forecast ? result.insights.forecast.crossings : [];
  const events = [];
  for (const x of crossings || []) {
    for (const scenario of ['clean', 'steady']) {
      for (const direction of ['reached', 'lost']) {
        const date = x[scenario] && x[scenario][direction];
        if (date) events.push({ threshold: x.threshold, scenario, direction, date });
      }
    }
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
