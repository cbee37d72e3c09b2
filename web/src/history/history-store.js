// The history of readings in this browser (docs/history.md): opt-in, off by default, kept in
// IndexedDB per shop, never sent anywhere. While it is off, IndexedDB is not opened at all and
// every read answers null / nothing. The opt-in itself (a yes/no, no data) and the shop name the
// seller typed are remembered in localStorage, as the language is.
//
// The Shops view calls lastReading / changeSinceLast / record with a shop's name; the single-shop
// page uses the name typed in the history panel (default "My shop", shopName()).
import { readingOf, recordable, previousOf, changeBetween, parseHistoryFile, historyFile } from './reading.js';

const DB = 'shopscore-history';
const STORE = 'readings';
const ON_KEY = 'shopscore.history.on';
const SHOP_KEY = 'shopscore.history.shop';
export const DEFAULT_SHOP = 'My shop';

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage may be unavailable (private mode): history stays off
  }
}

export function isEnabled() {
  return stored(ON_KEY) === '1';
}

// Turning history off forgets the opt-in only; deleteAll() removes the readings (the panel asks).
export function setEnabled(on) {
  try {
    if (on) localStorage.setItem(ON_KEY, '1');
    else {
      localStorage.removeItem(ON_KEY);
      localStorage.removeItem(SHOP_KEY);
    }
  } catch { /* ignore */ }
}

// The single-shop page's shop: the name the seller typed, or "My shop".
export function shopName() {
  const s = isEnabled() ? stored(SHOP_KEY) : null;
  return s && s.trim() ? s.trim() : DEFAULT_SHOP;
}

export function setShopName(name) {
  if (!isEnabled()) return;
  try {
    const s = String(name || '').trim().slice(0, 200);
    if (s && s !== DEFAULT_SHOP) localStorage.setItem(SHOP_KEY, s);
    else localStorage.removeItem(SHOP_KEY);
  } catch { /* ignore */ }
}

// ---- IndexedDB: one object store keyed [shop, as_of], so a shop's reading of a day replaces
// the earlier one of the same day (as `batch --history` does).
let dbPromise = null;
function db() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const open = indexedDB.open(DB, 1);
      open.onupgradeneeded = () => {
        const s = open.result.createObjectStore(STORE, { keyPath: ['shop', 'as_of'] });
        s.createIndex('shop', 'shop');
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => { dbPromise = null; reject(open.error); };
    });
  }
  return dbPromise;
}

// Runs fn(store) in one transaction; resolves with fn's request result once it is committed.
async function tx(mode, fn) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    let value;
    const req = fn(t.objectStore(STORE));
    if (req) req.onsuccess = () => { value = req.result; };
    t.oncomplete = () => resolve(value);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

const byDate = (a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : 0);

// A shop's readings, oldest first ([] while history is off).
export async function list(shopKey) {
  if (!isEnabled()) return [];
  const rows = await tx('readonly', (s) => s.index('shop').getAll(String(shopKey)));
  return (rows || []).sort(byDate);
}

// Every shop's readings, by shop then date.
export async function listAll() {
  if (!isEnabled()) return [];
  const rows = (await tx('readonly', (s) => s.getAll())) || [];
  return rows.sort((a, b) => (a.shop < b.shop ? -1 : a.shop > b.shop ? 1 : byDate(a, b)));
}

// The latest stored reading of a shop, or null (also while history is off).
export async function lastReading(shopKey) {
  const rows = await list(shopKey);
  return rows.length ? rows[rows.length - 1] : null;
}

// Stores `result`'s summary for the shop (replacing that shop's reading of the same as_of);
// answers the stored reading, or null when history is off or the result cannot be a reading.
// extra: {profile, version, source}.
export async function record(shopKey, result, extra = {}) {
  if (!isEnabled() || !recordable(result)) return null;
  const reading = readingOf(String(shopKey), result, extra);
  await tx('readwrite', (s) => s.put(reading));
  return reading;
}

// The change of `result` since the shop's latest reading dated before it (docs/history.md):
// {previous_as_of, previous_sps, change, metrics, range} or null (history off, no earlier
// reading). change is null when either SPS is a range.
export async function changeSinceLast(shopKey, result) {
  if (!isEnabled() || !recordable(result)) return null;
  const prev = previousOf(await list(shopKey), result.as_of);
  return prev ? changeBetween(prev, readingOf(String(shopKey), result)) : null;
}

export async function deleteReading(shopKey, asOf) {
  if (!isEnabled()) return;
  await tx('readwrite', (s) => s.delete([String(shopKey), asOf]));
}

// Every reading of every shop: the database itself goes.
export async function deleteAll() {
  if (dbPromise) {
    (await dbPromise).close();
    dbPromise = null;
  }
  await new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve(); // another tab holds it: deleted once that tab closes it
  });
}

// The export file's text: every shop's readings (schema shopscore.history/1).
export async function exportText() {
  return historyFile(await listAll());
}

// Reads an export file's text: all of it is checked first (a problem throws {code, params} and
// nothing is stored), then every reading is stored in one transaction (same shop and day
// replace). Answers the number of readings.
export async function importText(text) {
  const readings = parseHistoryFile(text);
  if (!isEnabled()) return 0;
  await tx('readwrite', (s) => {
    for (const r of readings) s.put(r);
    return null;
  });
  return readings.length;
}
