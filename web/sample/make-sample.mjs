#!/usr/bin/env node
// Writes the built-in sample (web/sample/sample-dataset.json): a made-up US shop with a few
// hundred orders over the 90 days ending 2026-11-20, in the canonical dataset format (docs/rules.md §22).
// Deterministic (seeded PRNG): running it again gives the same bytes.
//
//   node web/sample/make-sample.mjs [OUT.json]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), 'sample-dataset.json');

// mulberry32
let seed = 20261120;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const NEG_TEXTS = ['Arrived broken', 'Smaller than the photos', '与描述不符，质量很差', 'Arrived broken', 'Not as described'];
let negTexts = 0;

const AS_OF = Date.UTC(2026, 10, 20); // 2026-11-20, shop-local
const DAY = 86400000;
const HOUR = 3600000;

// Shop-local timestamps "YYYY-MM-DD HH:MM" (times are kept in UTC fields to avoid the host zone).
function ts(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
const day = (ms) => ts(ms).slice(0, 10);

const products = [
  { sku: 'MUG-450-WHT', weight: 6, product: '北欧风格大容量双层防烫陶瓷马克杯带盖带勺办公室家用男女情侣咖啡杯早餐牛奶杯礼盒装（莫兰迪奶油白·450毫升·附赠杯垫与清洁刷·可微波炉加热·可洗碗机清洗）', category: 'Home Supplies' },
  { sku: 'TWL-BATH-GRY', weight: 5, product: 'Organic Cotton Bath Towel Set, 4 pcs, Grey', category: 'Home Supplies' },
  { sku: 'LMP-DESK-LED', weight: 4, product: 'Dimmable LED Desk Lamp with USB-C Charging Port', category: 'Home Supplies' },
  { sku: 'ORG-DRAWER-6', weight: 4, product: 'Bamboo Drawer Organizer, 6 Compartments', category: 'Home Supplies' },
  { sku: 'CUP-SILI-4', weight: 3, product: 'Silicone Collapsible Travel Cups (4 pack)', category: 'Home Supplies' },
  { sku: 'PLT-CER-SET', weight: 2, product: 'Hand-glazed Ceramic Dinner Plates, Set of 6', category: 'Home Supplies' },
  { sku: 'CANDLE-SOY-3', weight: 3, product: 'Soy Wax Scented Candles, Lavender & Cedar, 3 pcs', category: 'Home Supplies' },
  { sku: 'STR-BOX-LG', weight: 2, product: '收纳箱 大号 可折叠 布艺 衣物整理箱 3个装', category: 'Home Supplies' },
];
const productBag = products.flatMap((p) => Array(p.weight).fill(p));

const orders = [];
const reviews = [];
const afterSales = [];
const chats = [];

const START = AS_OF - 95 * DAY;
let orderNo = 577012345600100000n;
const buyerCancelReasons = ['No longer needed', 'Changed my mind', 'Found a better price', 'Ordered by mistake'];
const sellerCancelReasons = ['Out of stock', 'Pricing error'];
const sellerFaultReturns = ['Damaged', 'Item not as described', 'Wrong item', 'Missing parts', 'Arrived late', 'Defective'];
const buyerFaultReturns = ['Changed my mind', 'No longer needed', 'Ordered by mistake', 'Better price elsewhere'];

for (let d = 0; d <= 95; d++) {
  const dayStart = START + d * DAY;
  const n = int(3, 6);
  for (let k = 0; k < n; k++) {
    const created = dayStart + int(7 * 60, 22 * 60) * 60000;
    if (created > AS_OF + DAY - HOUR) continue;
    const p = orders.length === 0 ? products[0] : pick(productBag);
    const id = String(orderNo++);
    const fbt = chance(0.08);
    const deliverBy = created + 9 * DAY; // about six US business days
    const order = {
      id, created: ts(created), delivered: null, deliver_by: day(deliverBy), cancelled: null, cancel_by: null,
      cancel_reason: null, fulfillment: fbt ? 'fbt' : 'seller', type: 'regular', category: p.category,
      sku: p.sku, product: p.product, flags: [],
    };
    if (chance(0.01)) order.flags.push(pick(['sample', 'fraud']));
    const r = rand();
    if (r < 0.025) {
      order.cancelled = ts(created + int(1, 20) * HOUR);
      order.cancel_by = 'buyer';
      order.cancel_reason = pick(buyerCancelReasons);
    } else if (r < 0.032) {
      order.cancelled = ts(created + int(12, 60) * HOUR);
      order.cancel_by = 'seller';
      order.cancel_reason = pick(sellerCancelReasons);
    } else if (r < 0.036) {
      order.cancelled = ts(created + 4 * DAY);
      order.cancel_by = 'system';
      order.cancel_reason = chance(0.5) ? "Package wasn't shipped in time" : 'Unpaid order';
    } else {
      const late = !fbt && chance(0.045);
      const transit = late ? 9 * DAY + int(20, 80) * HOUR : int(2, 7) * DAY + int(0, 10) * HOUR;
      const delivered = created + transit;
      if (delivered <= AS_OF + 18 * HOUR) order.delivered = ts(delivered);
    }
    orders.push(order);

    if (!order.delivered) continue;
    const deliveredMs = created + (Date.parse(order.delivered.replace(' ', 'T') + 'Z') - created);
    // Reviews: about half the buyers review; a few initial reviews are negative, a few
    // negative ones are edited later (the edit does not count).
    if (chance(0.5)) {
      const rc = deliveredMs + int(6, 200) * HOUR;
      if (rc <= AS_OF + 20 * HOUR) {
        const neg = chance(0.022);
        const rating = neg ? int(1, 2) : pick([5, 5, 5, 5, 4, 4, 3]);
        const review = { order_id: id, sku: p.sku, rating, created: ts(rc), flags: [] };
        // Negative reviews have words (the diagnostics table lists the most common); taken in
        // turn, not from the PRNG, so the rest of the sample stays as it was.
        if (neg) review.text = NEG_TEXTS[negTexts++ % NEG_TEXTS.length];
        if (fbt && neg) review.flags.push('fbt_logistics');
        reviews.push(review);
        if (neg && chance(0.3) && rc + 3 * DAY <= AS_OF) {
          reviews.push({ order_id: id, sku: p.sku, rating: 5, created: ts(rc + 3 * DAY), flags: [] });
        }
      }
    }
    // After-sales requests.
    if (chance(0.042)) {
      const requested = deliveredMs + int(10, 120) * HOUR;
      if (requested <= AS_OF) {
        const sellerFault = chance(0.5);
        const reason = chance(0.06) ? 'Gift for a party that got cancelled' : pick(sellerFault ? sellerFaultReturns : buyerFaultReturns);
        const type = chance(0.55) ? 'return' : 'refund';
        const decided = requested + int(2, 46) * HOUR;
        const req = {
          order_id: id, type, reason, requested: ts(requested), decided: decided <= AS_OF ? ts(decided) : null,
          item_received: null, inspected: null, handled_by: pick(['seller', 'seller', 'seller', 'seller_rule', 'timeout']), flags: [],
        };
        if (type === 'return' && decided + 5 * DAY <= AS_OF) {
          const received = decided + int(3, 5) * DAY;
          req.item_received = ts(received);
          req.inspected = ts(received + int(4, 30) * HOUR);
        }
        if (chance(0.05)) req.handled_by = 'platform';
        afterSales.push(req);
      }
    }
  }
}

// Chats: about three a day; most are rated, some 1-2 stars.
let chatNo = 1;
for (let d = 0; d < 62; d++) {
  const n = int(2, 4);
  for (let k = 0; k < n; k++) {
    const ended = AS_OF - d * DAY + int(8 * 60, 21 * 60) * 60000;
    const rated = chance(0.65);
    const rating = !rated ? null : chance(0.14) ? int(1, 2) : pick([5, 5, 5, 4, 4, 3]);
    const chat = { id: `C${String(chatNo++).padStart(4, '0')}`, ended: ts(ended), rating };
    chats.push(chat);
  }
}
chats.sort((a, b) => (a.ended < b.ended ? -1 : 1));

const dataset = {
  schema: 'shopscore.dataset/1',
  shop: {
    as_of: '2026-11-20', opened: '2025-06-01', utc_offset: '-08:00', category: 'Home Supplies',
    reputation_points: 2500, has_logo: true, products_for_sale: 14, violations_30d: 0,
  },
  orders, reviews, after_sales: afterSales, chats, metrics: {},
};

// One record per line: readable diffs, still valid JSON.
const lines = ['{"schema": "shopscore.dataset/1",', ` "shop": ${JSON.stringify(dataset.shop)},`];
for (const key of ['orders', 'reviews', 'after_sales', 'chats']) {
  lines.push(` "${key}": [`);
  dataset[key].forEach((r, i) => lines.push(`  ${JSON.stringify(r)}${i < dataset[key].length - 1 ? ',' : ''}`));
  lines.push(' ],');
}
lines.push(' "metrics": {}}');
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${out}: ${orders.length} orders, ${reviews.length} reviews, ${afterSales.length} requests, ${chats.length} chats`);
