// A deterministic generator of valid canonical datasets (docs/rules.md §22) for differential and parity
// checks. generateShop(seed) always gives the same shop for the same seed. The shops lean on the
// places where mistakes hide: window boundaries (a day inside and the day just outside every
// window), events after as_of, deliveries on the deliver-by day and the day after across US
// federal holidays (Memorial Day in a May with five Mondays, Labor Day, Washington's Birthday,
// observed Saturday/Sunday holidays), timestamps with offsets that cross midnight, review ties,
// dimensions without data, tiny shops at exactly 29/30/31 delivered orders, shop ages around the
// 180-day protection edge, direct metrics with and without counts, and a few large shops.
//
// Reason texts are kept to ones whose fault class is plain (docs/rules.md §8), so the comparison does not
// depend on fine details of the keyword mapping.
import { addBusinessDays, dayToIso, DAY } from '../oracle/time.mjs';

export function prng(seed) {  // mulberry32
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = { next, int: (a, b) => a + Math.floor(next() * (b - a + 1)), chance: (p) => next() < p,
              pick: (xs) => xs[Math.floor(next() * xs.length)] };
  return r;
}

const ymd = (y, m, d) => Date.UTC(y, m - 1, d) / 1000 / DAY;
// Days near which as_of is put so that 6-business-day deliver-by dates cross a holiday.
const ANCHORS = [
  ymd(2027, 5, 31),  // Memorial Day 2027: May has five Mondays (the 4th Monday is May 24)
  ymd(2026, 5, 25),  // Memorial Day 2026
  ymd(2026, 9, 7),   // Labor Day 2026
  ymd(2027, 9, 6),   // Labor Day 2027
  ymd(2027, 2, 15),  // Washington's Birthday 2027
  ymd(2026, 2, 16),  // Washington's Birthday 2026
  ymd(2026, 7, 3),   // 4 July 2026 is a Saturday: observed Friday 3 July
  ymd(2027, 12, 31), // 1 Jan 2028 is a Saturday: observed Friday 31 Dec 2027
  ymd(2026, 11, 26), // Thanksgiving 2026
  ymd(2026, 6, 19),  // Juneteenth
  ymd(2026, 10, 12), // Columbus Day
  ymd(2026, 11, 20), // an ordinary day (the spec's example as_of)
];

const RETURN_REASONS = { seller: ['Damaged item or packaging', 'Wrong item sent', 'Item not as described'],
                         buyer: ['Changed my mind', 'No longer needed'] };
const pad = (n) => String(n).padStart(2, '0');

// options.v11Cancels adds the docs/rules.md §9 cancellation cases ("late-shipment reasons are seller
// fault whoever cancelled; a seller cancelling ... for non-payment is not seller fault"):
// a buyer cancelling with "Package wasn't shipped in time" and a seller cancelling with "Buyer
// did not pay on time". On by default since the core's fault mapping implements §9.
export function generateShop(seed, options = {}) {
  const r = prng(seed * 2654435761);
  const kind = r.pick(['normal', 'normal', 'normal', 'tiny', 'tiny', 'small', 'empty_service', 'empty_fulfillment', 'edge', 'huge']);
  const asOf = r.pick(ANCHORS) + r.int(-3, 25);
  const offsetMin = r.pick([0, 0, -480, -300, 480, 330]);
  const utcOffset = `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;

  // A shop-local timestamp on `day` (a day number). Sometimes at the edges of the day, sometimes
  // written in UTC with "Z" (converted back with the shop's offset, so it names the same instant).
  const stamp = (day, forceMinute) => {
    const minute = forceMinute ?? r.pick([0, 1439, r.int(0, 1439), r.int(0, 1439), r.int(0, 1439)]);
    const local = day * DAY + minute * 60;
    if (r.chance(0.15)) {
      const utc = new Date((local - offsetMin * 60) * 1000).toISOString().slice(0, 19);
      return `${utc}Z`;
    }
    if (r.chance(0.1)) {  // the Seller Center US form
      const d = new Date(local * 1000);
      const h = d.getUTCHours();
      return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(((h + 11) % 12) + 1)}:${pad(d.getUTCMinutes())}:00 ${h < 12 ? 'AM' : 'PM'}`;
    }
    const d = new Date(local * 1000).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
  };
  // A day a given number of days before as_of, favouring window edges (29/30, 59/60, 89/90).
  const ageDay = (maxBack) => {
    if (r.chance(0.25)) return asOf - r.pick([0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91].filter((x) => x <= maxBack));
    return asOf - r.int(0, maxBack);
  };

  const counts = { normal: [60, 400], tiny: [30, 45], small: [5, 35], empty_service: [40, 200],
                   empty_fulfillment: [0, 0], edge: [28, 33], huge: [1000, 2500] }[kind];
  const nOrders = r.int(...counts);
  const fbtRate = r.pick([0, 0, 0.2, 0.5, 1]);
  const lateRate = r.pick([0, 0.02, 0.08, 0.3]);
  const cancelRate = r.pick([0, 0.03, 0.1]);
  const negRate = r.pick([0, 0.01, 0.05, 0.2]);
  const returnRate = r.pick([0.01, 0.04, 0.1]);
  const sla = r.chance(0.2) ? r.int(3, 8) : 6;
  const categories = r.chance(0.5) ? ['Home Supplies', 'Kitchenware'] : ['Home Supplies'];
  const orders = [], reviews = [], after_sales = [], chats = [];

  for (let i = 0; i < nOrders; i++) {
    const id = `R${seed}-${i + 1}`;
    const createdDay = kind === 'tiny' ? asOf - r.int(5, 80) : ageDay(97);
    const created = stamp(createdDay);
    const o = { id, created, fulfillment: r.chance(fbtRate) ? 'fbt' : 'seller', type: 'regular',
                category: categories[i % categories.length], sku: r.pick(['S1', 'S2', 'S3']), flags: [] };
    if (r.chance(0.04)) o.flags.push(r.pick(['fraud', 'sample', 'gift', 'appealed', 'risky_buyer']));
    let slaDays = sla;
    if (r.chance(0.08)) {
      o.type = r.pick(['made_to_order', 'pre_order']);
      o.handling_days = r.int(1, 10);
      slaDays = o.handling_days + 5;
      if (r.chance(0.15)) delete o.handling_days;  // cannot be judged: left out of OTDR
    }
    // The deliver-by day the rules give (written out in 30 % of orders, else derived).
    const due = addBusinessDays(createdDay, slaDays);
    if (r.chance(0.3)) o.deliver_by = r.chance(0.5) ? dayToIso(due) : dayToIso(due + r.int(-2, 3));
    const dueDay = o.deliver_by ? Math.round(Date.parse(o.deliver_by) / 1000 / DAY) : due;

    if (kind !== 'tiny' && r.chance(cancelRate)) {
      const cancelDay = createdDay + r.pick([0, 0, 1, 2]);
      o.cancelled = stamp(cancelDay);
      const how = r.pick(['buyer', 'seller', 'system_unpaid', 'system_late', 'unknown_seller', 'buyer',
                          ...(options.v11Cancels ?? true ? ['buyer_late', 'seller_unpaid'] : [])]);
      Object.assign(o, {
        buyer: { cancel_by: 'buyer', cancel_reason: 'Changed my mind' },
        seller: { cancel_by: 'seller', cancel_reason: 'Out of stock' },
        system_unpaid: { cancel_by: 'system', cancel_reason: 'Buyer did not pay on time' },
        system_late: { cancel_by: 'system', cancel_reason: "Package wasn't shipped in time" },
        unknown_seller: { cancel_by: null, cancel_reason: 'Out of stock' },
        buyer_late: { cancel_by: 'buyer', cancel_reason: "Package wasn't shipped in time" },
        seller_unpaid: { cancel_by: 'seller', cancel_reason: 'Buyer did not pay on time' },
      }[how]);
      if (r.chance(0.3)) {  // the cancellation's own after-sales request counts in AHT only
        const a = { order_id: id, type: 'cancel', reason: o.cancel_reason, requested: stamp(cancelDay, 300), flags: [] };
        if (r.chance(0.8)) a.decided = stamp(cancelDay + r.int(0, 1), r.int(300, 1439));
        after_sales.push(a);
      }
    } else if (!r.chance(0.03)) {  // 3 % never delivered (late once their deliver-by passes)
      // Delivered on the deliver-by day, the day after, or well before/after.
      const late = r.chance(lateRate);
      const deliveredDay = r.chance(0.3) ? dueDay + (late ? 1 : 0)
        : late ? dueDay + r.int(1, 6) : Math.max(createdDay, dueDay - r.int(0, 5));
      if (deliveredDay <= asOf + (r.chance(0.05) ? 2 : 0)) o.delivered = stamp(deliveredDay);
      if (o.delivered) {
        if (r.chance(0.5)) {
          const rating = r.chance(negRate) ? r.pick([1, 2]) : r.pick([3, 4, 5, 5, 5]);
          const reviewDay = deliveredDay + r.int(0, 6);
          const first = { order_id: id, sku: o.sku, rating, created: stamp(reviewDay, 600), flags: [] };
          if (rating <= 2 && o.fulfillment === 'fbt' && r.chance(0.3)) first.flags.push('fbt_logistics');
          reviews.push(first);
          // A later edit (never counts) or a tie at the same minute (the first in input order wins).
          if (r.chance(0.15)) reviews.push({ order_id: id, sku: o.sku, rating: r.pick([1, 5]), created: r.chance(0.5) ? first.created : stamp(reviewDay + 3), flags: [] });
        }
        if (r.chance(returnRate)) {
          const reqDay = deliveredDay + r.int(0, 8);
          const type = r.pick(['return', 'refund', 'return', 'replacement', 'cancel']);
          const fault = r.chance(0.6) ? 'seller' : 'buyer';
          const a = { order_id: id, type, reason: r.pick(RETURN_REASONS[fault]), requested: stamp(reqDay, 540),
                      handled_by: r.pick(['seller', 'seller_rule', 'timeout', 'platform', undefined]), flags: [] };
          if (a.handled_by === undefined) delete a.handled_by;
          if (r.chance(0.05)) a.flags.push(r.pick(['fbt_logistics', 'excluded']));
          if (r.chance(0.9)) a.decided = stamp(reqDay + r.int(0, 3), r.int(0, 1439));
          if (type === 'return' && a.decided && r.chance(0.7)) {
            a.item_received = stamp(reqDay + 4, 600);
            if (r.chance(0.8)) a.inspected = stamp(reqDay + 4 + r.int(0, 3), r.int(0, 1439));
          }
          after_sales.push(a);
        }
      }
    }
    orders.push(o);
    if (r.chance(0.1)) orders.push({ id, created, sku: 'S9', flags: [] });  // a second SKU row of the same order
  }
  if (r.chance(0.1)) reviews.push({ order_id: `missing-${seed}`, sku: 'S1', rating: 1, created: stamp(asOf - 3), flags: [] });

  if (kind !== 'empty_service') {
    const nChats = r.int(0, Math.max(1, Math.round(nOrders / 3)));
    for (let i = 0; i < nChats; i++) {
      const c = { id: `C${seed}-${i}`, ended: stamp(ageDay(70)) };
      if (r.chance(0.8)) c.rating = r.pick([1, 2, 3, 4, 5, 5, 5]);
      else if (r.chance(0.5)) c.rating = null;  // explicitly unrated
      if (r.chance(0.1) && orders.length) c.order_id = r.pick(orders).id;
      chats.push(c);
    }
  }

  const shop = { utc_offset: utcOffset };
  if (r.chance(0.85)) shop.as_of = dayToIso(asOf);
  if (r.chance(0.9)) shop.opened = dayToIso(asOf - r.pick([179, 180, 181, r.int(10, 170), r.int(200, 900)]));
  if (r.chance(0.85)) shop.reputation_points = r.pick([1999, 2000, 2500, 9999, 10000, 12000]);
  if (r.chance(0.85)) shop.has_logo = r.chance(0.8);
  if (r.chance(0.85)) shop.products_for_sale = r.pick([0, 1, 12]);
  if (r.chance(0.85)) shop.violations_30d = r.pick([0, 0, 2, 3]);
  if (r.chance(0.2)) shop.positive_rating_rate = r.pick([0.79, 0.8, 0.95]);
  if (kind === 'empty_fulfillment') shop.delivered_orders_90d = r.pick([29, 30, 31, 500]);

  const metrics = {};
  if (kind === 'empty_fulfillment' || r.chance(0.08)) {
    const id = kind === 'empty_fulfillment' ? r.pick(['nrr', 'otdr', 'imd']) : r.pick(['nrr', 'nbfr', 'otdr', 'sfcr', 'imd', 'aht']);
    const den = r.pick([0, 10, 30, 31, 500]);
    if (id === 'aht') {
      const value = r.pick([12, 26.5, 40, 80]);
      metrics.aht = r.chance(0.5) ? { value, numerator: value * den, denominator: den } : { value };
    } else {
      let num = id === 'otdr' ? den - r.pick([0, 1, 3, 4]) : r.pick([0, 1, 3, 4]);
      num = Math.max(0, Math.min(num, den));
      const value = den ? num / den : 0;
      metrics[id] = r.chance(0.6) ? { value, numerator: num, denominator: den } : { value: den ? value : r.pick([0.01, 0.5]) };
    }
  }

  let profile = null;
  if (r.chance(0.1)) {
    // Two category profiles: the main category (most delivered orders in 90 days, ties to the
    // alphabetically first, or shop.category) picks one.
    profile = [{ id: 'home', categories: ['Home Supplies'], weights: { product: 1, fulfillment: 0.2, service: 0.2 } },
               { id: 'kitchen', categories: ['Kitchenware'], weights: { product: 0.2, fulfillment: 1, service: 0.2 },
                 delivery_sla_business_days: 4 }];
    if (r.chance(0.3)) profile.reverse();
    if (r.chance(0.2)) shop.category = r.pick(['Kitchenware', 'Home Supplies', 'Toys']);
  } else if (r.chance(0.3)) {
    profile = { id: `p${seed}` };
    if (r.chance(0.5)) profile.protection = { combine: 'any' };
    if (r.chance(0.3)) profile.volume_prior = r.pick([0, 25]);
    if (r.chance(0.3)) profile.metric_weights = { nrr: 1, nbfr: r.pick([0, 2]), otdr: 3, sfcr: 1, imd: r.pick([0, 1]), aht: 1 };
    if (r.chance(0.3)) profile.weights = { product: 1, fulfillment: 1, service: 1 };
    if (sla !== 6) profile.delivery_sla_business_days = sla;
  } else if (sla !== 6) {
    profile = { id: `sla${seed}`, delivery_sla_business_days: sla };
  }
  return { kind, dataset: { schema: 'shopscore.dataset/1', shop, orders, reviews, after_sales, chats, metrics }, profile };
}
