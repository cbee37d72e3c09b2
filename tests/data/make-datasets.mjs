// Writes the parity datasets in tests/data/ (committed; re-run only to change them):
//   node tests/data/make-datasets.mjs
// A seeded PRNG keeps them identical run to run. Each shop exercises different rules.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);

function prng(seed) {  // mulberry32
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');
function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
const DAY = 86400000;
const HOUR = 3600000;

function makeShop({ seed, orders: count, asOf, opened, lateRate, cancelRate, fbtRate, negRate, returnRate, chats, extra = {} }) {
  const rnd = prng(seed);
  const end = Date.parse(`${asOf}T23:59:00Z`);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const orders = [], reviews = [], after_sales = [], chatList = [];
  for (let i = 0; i < count; i++) {
    const created = end - Math.floor(rnd() * 95 * DAY) - 2 * DAY;
    const id = `O${seed}-${i + 1}`;
    const fbt = rnd() < fbtRate;
    const o = { id, created: stamp(created), fulfillment: fbt ? 'fbt' : 'seller', type: 'regular',
                category: pick(['Home Supplies', 'Home Supplies', 'Kitchenware']), sku: pick(['S1', 'S2', 'S3']), flags: [] };
    if (rnd() < 0.02) o.flags.push(pick(['fraud', 'sample', 'gift']));
    if (rnd() < cancelRate) {
      o.cancelled = stamp(created + Math.floor(rnd() * 48) * HOUR);
      o.cancel_by = pick(['buyer', 'seller', 'system', 'buyer']);
      o.cancel_reason = { buyer: pick(['Changed my mind', 'No longer needed']), seller: pick(['Out of stock', 'Pricing error']),
                          system: pick(["Package wasn't shipped in time", 'Unpaid order']) }[o.cancel_by];
    } else {
      const days = rnd() < lateRate ? 9 + Math.floor(rnd() * 6) : 2 + Math.floor(rnd() * 5);
      const delivered = created + days * DAY + Math.floor(rnd() * 10) * HOUR;
      if (delivered < end) o.delivered = stamp(delivered);
      if (o.delivered && rnd() < 0.5) {
        const rating = rnd() < negRate ? pick([1, 2]) : pick([3, 4, 5, 5, 5]);
        reviews.push({ order_id: id, sku: o.sku, rating, created: stamp(delivered + 2 * DAY), flags: fbt && rating <= 2 && rnd() < 0.5 ? ['fbt_logistics'] : [] });
        if (rating <= 2 && rnd() < 0.3) reviews.push({ order_id: id, sku: o.sku, rating: 5, created: stamp(delivered + 5 * DAY), flags: [] });
      }
      if (o.delivered && rnd() < returnRate) {
        const requested = delivered + Math.floor(rnd() * 5 + 1) * DAY;
        const type = pick(['return', 'refund', 'return', 'replacement']);
        const a = { order_id: id, type, reason: pick(['Damaged', 'Changed my mind', 'Item not as described', '破损', 'Wrong size ordered', '不想要了']),
                    requested: stamp(requested), handled_by: pick(['seller', 'seller_rule', 'timeout', 'platform']), flags: [] };
        if (rnd() < 0.9) a.decided = stamp(requested + Math.floor(rnd() * 60 + 1) * HOUR);
        if (type === 'return' && a.decided) {
          a.item_received = stamp(requested + 4 * DAY);
          a.inspected = stamp(requested + 4 * DAY + Math.floor(rnd() * 40 + 1) * HOUR);
        }
        after_sales.push(a);
      }
    }
    orders.push(o);
    if (rnd() < 0.3) orders.push({ id, created: o.created, sku: 'S9', flags: [] });  // a second SKU row of the same order
  }
  for (let i = 0; i < chats; i++) {
    const c = { id: `C${seed}-${i + 1}`, ended: stamp(end - Math.floor(rnd() * 70 * DAY)) };
    if (rnd() < 0.7) c.rating = pick([1, 2, 3, 4, 5, 5, 5]);
    chatList.push(c);
  }
  return { schema: 'shopscore.dataset/1',
           shop: { as_of: asOf, opened, utc_offset: '-08:00', reputation_points: 2500, has_logo: true, products_for_sale: 12, violations_30d: 0, ...extra },
           orders, reviews, after_sales, chats: chatList, metrics: {} };
}

const datasets = {
  'busy-shop': makeShop({ seed: 1, orders: 420, asOf: '2026-11-20', opened: '2025-06-01', lateRate: 0.04, cancelRate: 0.05, fbtRate: 0.3, negRate: 0.05, returnRate: 0.05, chats: 120 }),
  'new-shop-protected': makeShop({ seed: 2, orders: 40, asOf: '2026-11-20', opened: '2026-08-15', lateRate: 0.08, cancelRate: 0.05, fbtRate: 0, negRate: 0.1, returnRate: 0.06, chats: 12 }),
  'struggling-shop': makeShop({ seed: 3, orders: 260, asOf: '2026-12-31', opened: '2024-01-10', lateRate: 0.15, cancelRate: 0.1, fbtRate: 0.1, negRate: 0.12, returnRate: 0.1, chats: 60, extra: { reputation_points: 12000, positive_rating_rate: 0.85 } }),
  'no-service-data': makeShop({ seed: 4, orders: 60, asOf: '2026-11-20', opened: '2025-01-01', lateRate: 0.02, cancelRate: 0.02, fbtRate: 0.2, negRate: 0.02, returnRate: 0, chats: 0, extra: { has_logo: null } }),
};
datasets['quick-mode'] = {
  schema: 'shopscore.dataset/1',
  shop: { as_of: '2026-11-20', opened: '2026-07-01', delivered_orders_90d: 812 },
  metrics: { nrr: { value: 0.0081, numerator: 6, denominator: 740 }, nbfr: { value: 0.012 }, otdr: { value: 0.96, numerator: 720, denominator: 750 },
             sfcr: { value: 0.004, numerator: 3, denominator: 760 }, imd: { value: 0.21 }, aht: { value: 30.5, numerator: 1525, denominator: 50 } },
};
for (const [name, data] of Object.entries(datasets)) {
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(data, null, 1) + '\n');
}
