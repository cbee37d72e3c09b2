// Which shops a picked folder holds (web/src/shops/collect.js), as `shopscore batch DIR` reads
// it (docs/cli.md "batch"), on a file list in the scrambled order a folder picker may give.
// Needs no browser: File handles are stood in for by their names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shopsFromPicker } from '../../web/src/shops/collect.js';

const picked = (paths) => paths.map((p) => ({ name: p.split('/').pop(), webkitRelativePath: p, size: 1 }));
const names = (shop) => shop.files.map((f) => f.name);

test('a folder of shop folders: bytewise shop order, files by name, shop.json apart, the rest skipped', () => {
  const shops = shopsFromPicker(picked([
    'shops/s10/orders.csv', 'shops/s1/orders.csv', 'shops/s1/z-returns.csv', 'shops/README.txt',
    'shops/s1/.DS_Store', 'shops/s1/~$orders.csv', 'shops/s1/shop.json', 'shops/s1/old/orders.csv',
    'shops/.hidden/orders.csv', 'shops/店铺/orders.csv', 'shops/s1/A.csv',
  ]));
  assert.deepEqual(shops.map((s) => s.name), ['s1', 's10', '店铺']);
  const [s1] = shops;
  assert.equal(s1.folder, 'shops/s1');
  assert.equal(s1.shopFile.name, 'shops/s1/shop.json');
  // Bytewise: "A" (0x41) before "o" (0x6f) before "z"; hidden, lock and deeper files are not read.
  assert.deepEqual(names(s1), ['shops/s1/A.csv', 'shops/s1/orders.csv', 'shops/s1/z-returns.csv']);
  assert.deepEqual(names(shops[1]), ['shops/s10/orders.csv']);
});

test('a folder holding only files is one shop; a ZIP beside is a shop named after it', () => {
  const shops = shopsFromPicker([...picked(['mine/reviews.csv', 'mine/orders.csv']),
    { name: 'other.ZIP', webkitRelativePath: '', size: 1 }]);
  assert.deepEqual(shops.map((s) => s.name), ['mine', 'other']);
  assert.deepEqual(names(shops[0]), ['mine/orders.csv', 'mine/reviews.csv']);
  assert.equal(shops[1].folder, 'other.ZIP');
});
