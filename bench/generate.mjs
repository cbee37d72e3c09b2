// Deterministic generator of Seller Center exports in the real shape, for the benchmark.
//   node bench/generate.mjs --rows N --out DIR
// Writes DIR/orders.csv (54 columns: BOM, CRLF, a row of column descriptions, US timestamps
// "11/02/2026 09:30:00 AM" with a trailing tab, quoted product names, ~10 % of orders with two
// SKU rows), DIR/returns.csv, DIR/diagnostics.csv (after-sales handling hours), DIR/reviews.csv,
// DIR/chats.csv and DIR/shop.json. The same N gives the same bytes on every machine (seeded PRNG,
// no clock). Files go to /tmp or build/, never git.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

export const ORDER_COLUMNS = [
  'Order ID', 'Order Status', 'Order Substatus', 'Cancelation/Return Type', 'Normal or Pre-order', 'SKU ID', 'Seller SKU',
  'Product Name', 'Variation', 'Quantity', 'Sku Quantity of return', 'SKU Unit Original Price', 'SKU Subtotal Before Discount',
  'SKU Platform Discount', 'SKU Seller Discount', 'SKU Subtotal After Discount', 'Shipping Fee After Discount',
  'Original Shipping Fee', 'Shipping Fee Seller Discount', 'Shipping Fee Platform Discount', 'Payment platform discount',
  'Taxes', 'Small Order Fee', 'Order Amount', 'Order Refund Amount', 'Created Time', 'Paid Time', 'RTS Time', 'Shipped Time',
  'Delivered Time', 'Cancelled Time', 'Cancel By', 'Cancel Reason', 'Fulfillment Type', 'Warehouse Name', 'Tracking ID',
  'Delivery Option', 'Shipping Provider Name', 'Buyer Message', 'Buyer Username', 'Recipient', 'Phone #', 'Zipcode',
  'Country', 'State', 'County', 'City', 'Detail Address', 'Additional address information', 'Payment Method',
  'Weight(kg)', 'Product Category', 'Package ID', 'Seller Note',
];
if (ORDER_COLUMNS.length !== 54) throw new Error(`expected 54 order columns, have ${ORDER_COLUMNS.length}`);

export const AS_OF = '2026-11-20';
const END = Date.UTC(2026, 10, 20, 23, 0); // the data ends on as_of
const DAY = 86400000;

function prng(seed) { // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n) => (n < 10 ? '0' : '') + n;
// 11/02/2026 09:30:00 AM + tab, as Seller Center writes it
function us(ms) {
  const d = new Date(ms);
  const h = d.getUTCHours();
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(h % 12 || 12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}\t`;
}
const iso = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

const PRODUCTS = ['Ceramic mug, 350 ml "classic"', 'Tea "Sencha" tin, 100 g', 'Bamboo cutting board, large', 'Glass jar set (3 pcs)',
  'Linen apron, navy', 'Cast-iron skillet, 10"', 'Silicone spatula, 2-pack', 'Pour-over kettle, 1 L'];
const STATES = [['CA', 'Los Angeles', 'Los Angeles'], ['TX', 'Harris', 'Houston'], ['NY', 'Kings', 'Brooklyn'], ['WA', 'King', 'Seattle']];
const SELLER_REASONS = ['Out of stock', "Package wasn't shipped in time", 'Pricing error'];
const BUYER_REASONS = ['No longer needed', 'Changed my mind', 'Found a better price'];
const q = (s) => `"${s.replace(/"/g, '""')}"`;

export function generate(rows, dir) {
  mkdirSync(dir, { recursive: true });
  const rnd = prng(20261120 + rows);
  const ordersPath = path.join(dir, 'orders.csv');
  const fd = openSync(ordersPath, 'w');
  let buf = '\uFEFF' + ORDER_COLUMNS.join(',') + '\r\n' + ORDER_COLUMNS.map((c) => `${c} of the SKU line.`).join(',') + '\r\n';
  let bytes = 0;
  const flush = () => { bytes += writeSync(fd, buf); buf = ''; };
  const returns = [];
  const reviews = [];
  let orderNo = 0;
  let written = 0;
  while (written < rows) {
    orderNo++;
    const id = String(577123456700000000n + BigInt(orderNo * 7919));
    const created = END - Math.floor(rnd() * 90 * DAY) - 3 * DAY + Math.floor(rnd() * 3600) * 1000;
    const paid = created + 120000;
    const r = rnd();
    const cancelled = r < 0.05;
    const shipped = !cancelled && r < 0.97;
    const rts = shipped ? created + Math.floor((0.3 + rnd() * 2.5) * DAY) : 0;
    const shipTime = shipped ? rts + 3 * 3600000 : 0;
    const delivered = shipped && r < 0.93 ? shipTime + Math.floor((1.5 + rnd() * 4) * DAY) : 0;
    const deliveredOk = delivered && delivered < END ? delivered : 0;
    const fbt = rnd() < 0.25;
    const seller = rnd() < 0.4;
    const reason = cancelled ? (seller ? SELLER_REASONS : BUYER_REASONS)[Math.floor(rnd() * 3)] : '';
    const status = cancelled ? 'Canceled' : deliveredOk ? 'Completed' : shipped ? 'Shipped' : 'To ship';
    const sub = cancelled ? 'Canceled' : deliveredOk ? 'Delivered' : shipped ? 'In transit' : 'Awaiting shipment';
    const skus = rnd() < 0.1 ? 2 : 1;
    const [st, county, city] = STATES[orderNo % STATES.length];
    for (let s = 0; s < skus && written < rows; s++, written++) {
      const product = PRODUCTS[(orderNo + s) % PRODUCTS.length];
      const price = (8 + ((orderNo * 37 + s * 11) % 4000) / 100).toFixed(2);
      buf += [id, status, sub, cancelled ? 'Cancel' : '', 'Normal', String(1729000000000 + (orderNo % 5000) * 10 + s),
        `SKU-${(orderNo + s) % 500}`, q(product), 'Default', '1', '0', price, price, '0.00', '0.00', price, '0.00', '5.99',
        '0.00', '5.99', '0.00', '0.00', '0.00', price, cancelled ? price : '0.00', us(created), us(paid),
        rts ? us(rts) : '', shipTime ? us(shipTime) : '', deliveredOk ? us(deliveredOk) : '', cancelled ? us(created + 7200000) : '',
        cancelled ? (seller ? 'Seller' : 'Buyer') : '', reason, fbt ? 'Fulfillment by TikTok Shop' : 'Fulfilled by seller',
        fbt ? 'FBT Ontario' : 'Main WH', shipped ? `TT${id.slice(-10)}` : '', 'Standard shipping', shipped ? 'USPS' : '', '',
        `buyer${orderNo % 100000}`, 'J. Doe', '(+1)213*****00', '90012', 'United States', st, county, city,
        q('1 Main St, Apt 2'), '', 'Credit card', '0.45', 'Kitchenware', `PK${orderNo}`, ''].join(',') + '\r\n';
    }
    if (deliveredOk && rnd() < 0.04) returns.push([id, deliveredOk + DAY]);
    if (deliveredOk && rnd() < 0.12) reviews.push([id, deliveredOk + 2 * DAY, 1 + Math.floor(rnd() * 5)]);
    if (buf.length > 1 << 20) flush();
  }
  flush();
  closeSync(fd);

  const before = (t) => t < END;
  let ret = '\uFEFFReturn Order ID,Order ID,Buyer Username,Product Name,Seller SKU,Return Reason,Return Type,Return Status,' +
    'Return Sub Status,Return Quantity,Return unit price,Order Amount,Time Requested,Time Approved,Time Received,' +
    'Time Inspected,Payment Method,Buyer Note\r\n';
  returns.filter(([, t]) => before(t)).forEach(([id, t], i) => {
    ret += [`RT${String(i + 1).padStart(8, '0')}`, id, 'buyer', q(PRODUCTS[i % PRODUCTS.length]), 'SKU-1',
      i % 3 ? 'Damaged' : 'Changed my mind', i % 2 ? 'Refund only' : 'Return and refund', 'Completed', '', '1', '12.50',
      '25.00', us(t), us(t + 3600000), '', '', 'Card', ''].join(',') + '\r\n';
  });
  writeFileSync(path.join(dir, 'returns.csv'), ret);
  // Seller Center's after-sales diagnostics download: one row per request with its handling hours.
  let diag = '\uFEFFRequest ID,Order ID,Request Type,Request Time,Request Review Time (hours),' +
    'Inspection Review Time (hours),Total Handling Time (hours)\r\n';
  const drnd = prng(11 + rows);
  returns.filter(([, t]) => before(t)).forEach(([id, t], i) => {
    const review = Math.floor(drnd() * 480) / 10;
    const inspection = i % 2 ? '' : Math.floor(drnd() * 720) / 10;
    diag += [`RT${String(i + 1).padStart(8, '0')}`, id, i % 2 ? 'Refund only' : 'Return and refund', us(t), review,
      inspection, inspection === '' ? review : Math.round((review + inspection) * 10) / 10].join(',') + '\r\n';
  });
  writeFileSync(path.join(dir, 'diagnostics.csv'), diag);
  let rev = '\uFEFForder_id,sku,rating,created,flags\r\n';
  for (const [id, t, stars] of reviews) if (before(t)) rev += `${id},SKU-1,${stars},${iso(t)},\r\n`;
  writeFileSync(path.join(dir, 'reviews.csv'), rev);
  const crnd = prng(7 + rows);
  let chats = '\uFEFFid,ended,rating\r\n';
  const chatCount = Math.max(10, Math.floor(rows / 30));
  for (let i = 0; i < chatCount; i++) {
    const t = END - Math.floor(crnd() * 30 * DAY) - DAY;
    chats += `CH${String(i + 1).padStart(8, '0')},${iso(t)},${crnd() < 0.7 ? 1 + Math.floor(crnd() * 5) : ''}\r\n`;
  }
  writeFileSync(path.join(dir, 'chats.csv'), chats);
  writeFileSync(path.join(dir, 'shop.json'), JSON.stringify({ as_of: AS_OF, opened: '2025-03-01', utc_offset: '-08:00',
    category: 'default', reputation_points: 2500, has_logo: true, products_for_sale: 120, violations_30d: 0 }));
  const meta = { dir, orders: ordersPath, bytes, rows: written, orderCount: orderNo };
  writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta));
  return meta;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const rows = Number(args[args.indexOf('--rows') + 1] || 10000);
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : `/tmp/shopscore-bench-${rows}`;
  const g = generate(rows, out);
  console.log(`${g.orders}: ${g.rows} rows, ${g.orderCount} orders, ${(g.bytes / 1e6).toFixed(1)} MB`);
}
