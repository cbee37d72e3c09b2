// The agency's folder of shops for the benchmark (bench/shops.mjs for `batch`, bench/shops-page.mjs
// for the page's Shops view): `distinct` different shops (bench/generate.mjs, ~`rows` SKU rows
// each: about 10 k orders at 11 000) generated once into build/bench/shops-R/distinct/, then
// `shops` shop folders whose files are hard links to them (shop i gets distinct shop i mod D: the
// same bytes a real folder would hold, without gigabytes of disk) in build/bench/shops-R/folders-N/.
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The exports a shop folder holds (generate.mjs also writes meta.json, which batch would read as
// a stray file: a shop folder's every other file is an export).
const EXPORTS = ['orders.csv', 'returns.csv', 'reviews.csv', 'chats.csv', 'diagnostics.csv', 'shop.json'];

// -> {root, work, folders (names), bytes (all exports), ordersBytes (one shop's orders.csv)}
export function shopFolders({ shops, rows, distinct }) {
  const work = path.join(ROOT, 'build', 'bench', `shops-${rows}`);
  const dirs = [];
  for (let i = 0; i < Math.min(shops, distinct); i++) {
    const dir = path.join(work, 'distinct', String(i));
    if (!existsSync(path.join(dir, 'meta.json'))) generate(rows + i, dir); // seeded by the row count
    dirs.push(dir);
  }
  const root = path.join(work, `folders-${shops}`);
  if (!existsSync(path.join(root, '.complete'))) {
    rmSync(root, { recursive: true, force: true });
    for (let i = 0; i < shops; i++) {
      const shop = path.join(root, `shop-${String(i).padStart(4, '0')}`);
      mkdirSync(shop, { recursive: true });
      for (const name of EXPORTS) {
        const from = path.join(dirs[i % dirs.length], name);
        if (existsSync(from)) linkSync(from, path.join(shop, name));
      }
    }
    writeFileSync(path.join(root, '.complete'), '');
  }
  const folders = readdirSync(root).filter((n) => !n.startsWith('.'));
  const bytes = folders.reduce((sum, f) => sum + readdirSync(path.join(root, f)).reduce((s, n) => s + statSync(path.join(root, f, n)).size, 0), 0);
  const ordersBytes = statSync(path.join(dirs[0], 'orders.csv')).size;
  return { root, work, folders, bytes, ordersBytes };
}
