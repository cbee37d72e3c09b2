// Which shops the seller gave, read exactly as `shopscore batch DIR` reads a folder
// (cli/shop_folder.cpp, docs/cli.md "batch"): each folder directly inside DIR is one shop, in
// bytewise name order; hidden names (".x") and Excel's "~$x" lock files are skipped; in a shop's
// folder `shop.json` is the shop facts and every other file an export (its kind comes from its
// header row, in the worker); deeper folders are not read. A folder holding only files is itself
// one shop; a ZIP is one shop named after the ZIP (without .zip), its entries the shop's files.
//
// Nothing is read here: a shop is a list of File handles (the browser reads them from disk when
// the worker streams them), so many shops cost no memory until each one's turn.
import { hiddenName, byteCompare } from './names.js';

// paths: [{path: "DIR/shop/file", file: File|null}] under one root folder (file null = an empty
// folder "DIR/shop", which the folder picker cannot show but a drop can).
function shopsOfFolder(paths) {
  const parts = paths.map((p) => ({ seg: p.path.split('/').filter(Boolean), file: p.file }));
  const root = parts.length ? parts[0].seg[0] : '';
  const hasSubfolders = parts.some((p) => p.seg.length >= 3 || (p.seg.length === 2 && !p.file));
  if (!hasSubfolders) return [folderShop(root, root, parts.filter((p) => p.file && p.seg.length === 2))];
  const byShop = new Map();
  for (const p of parts) {
    if (p.seg.length < 2 || (p.seg.length === 2 && p.file)) continue; // files beside the shops: not a shop
    const name = p.seg[1];
    if (hiddenName(name)) continue;
    if (!byShop.has(name)) byShop.set(name, []);
    if (p.file && p.seg.length === 3) byShop.get(name).push(p);
  }
  return [...byShop].map(([name, files]) => folderShop(name, `${root}/${name}`, files));
}

// A shop folder's files, named by their path from the chosen folder ("DIR/shop/orders.csv"), as
// `shopscore batch DIR` run beside DIR names them in its errors.
function folderShop(name, folder, parts) {
  const shop = { name, folder, shopFile: null, files: [], zip: null };
  for (const p of parts) {
    const base = p.seg[p.seg.length - 1];
    if (hiddenName(base)) continue;
    const file = { name: p.seg.join('/'), blob: p.file };
    if (base === 'shop.json') shop.shopFile = file;
    else shop.files.push(file);
  }
  shop.files.sort((a, b) => byteCompare(a.name, b.name));
  return shop;
}

const zipShop = (file) => ({ name: file.name.replace(/\.zip$/i, ''), folder: file.name, shopFile: null, files: [], zip: file });
const isZipName = (name) => /\.zip$/i.test(name);

// The folder picker's files (<input webkitdirectory>): one root folder.
export function shopsFromPicker(files) {
  const list = [...files];
  const zips = list.filter((f) => isZipName(f.name) && !(f.webkitRelativePath || '').includes('/'));
  const paths = list.filter((f) => (f.webkitRelativePath || '').includes('/')).map((f) => ({ path: f.webkitRelativePath, file: f }));
  return inOrder([...(paths.length ? shopsOfFolder(paths) : []), ...zips.map(zipShop)]);
}

// ZIP files, one per shop.
export function shopsFromZips(files) {
  return inOrder([...files].filter((f) => isZipName(f.name)).map(zipShop));
}

// A drop: folders (FileSystemEntry, read two levels deep) and ZIP files.
export async function shopsFromDrop(dataTransfer) {
  const entries = [...dataTransfer.items].map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null)).filter(Boolean);
  const shops = [];
  for (const entry of entries) {
    if (entry.isDirectory) {
      if (hiddenName(entry.name)) continue;
      shops.push(...shopsOfFolder(await walk(entry, entry.name, 1)));
    } else if (isZipName(entry.name)) {
      shops.push(zipShop(await fileOf(entry)));
    }
  }
  return inOrder(shops);
}

// Paths under a dropped folder, down to DIR/shop/file (depth 3).
async function walk(dir, path, depth) {
  const out = [];
  for (const e of await readAll(dir.createReader())) {
    const p = `${path}/${e.name}`;
    if (e.isFile) out.push({ path: p, file: await fileOf(e) });
    else if (depth < 2) out.push({ path: p, file: null }, ...(await walk(e, p, depth + 1)));
  }
  return out;
}

// readEntries gives its entries in batches (100 in Chromium) until an empty one.
async function readAll(reader) {
  const all = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

const fileOf = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));

const inOrder = (shops) => shops.sort((a, b) => byteCompare(a.name, b.name));
