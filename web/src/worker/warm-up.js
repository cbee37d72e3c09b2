// The core's reading and scoring code run once on a made-up orders export when the worker starts,
// so the seller's first file is read and scored by optimised code.
//
// Why: V8 compiles WebAssembly first with its baseline compiler and swaps in optimised code for a
// function only after that function has run hot, between calls. In a fresh page a seller's first
// export was read and, above all, scored mostly in baseline code: at 200 k rows the first score
// took 70-95 ms in the worker against 33-44 ms once the same code had run hot, and the core's
// reading ~15 % longer (docs/web.md "Reading files"). The made-up export is small
// (WARM_ROWS rows, 0.8 MB), read and scored WARM_PASSES times (the optimised code is used from
// the call after the one that made a function hot); the seller's first message ends it.
//
// The rows are in the real export's shape where the core's code paths depend on it (US
// timestamps with a trailing tab, quoted names with a comma, two SKU rows for some orders,
// cancellations with a reason and a canceller), so the same functions get hot.
const WARM_ROWS = 3000;
const WARM_PASSES = 4;

const HEADER = 'Order ID,Order Status,Order Substatus,Cancelation/Return Type,Normal or Pre-order,SKU ID,Product Name,' +
  'Quantity,Created Time,Paid Time,RTS Time,Shipped Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason,' +
  'Fulfillment Type,Warehouse Name,Tracking ID,Shipping Provider Name,Product Category\r\n';

const pad = (n) => (n < 10 ? '0' : '') + n;
// "11/02/2026 09:30:00 AM" and a tab, as Seller Center writes it.
function usTime(ms) {
  const d = new Date(ms);
  const h = d.getUTCHours();
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(h % 12 || 12)}:${pad(d.getUTCMinutes())}:00 ${h < 12 ? 'AM' : 'PM'}\t`;
}

// The made-up export's text (deterministic: the same rows in every page).
export function warmUpCsv(rows = WARM_ROWS) {
  const end = Date.UTC(2026, 10, 20);
  const hour = 3600000;
  const written = new Map(); // the rows repeat a few thousand distinct times: each written once
  const at = (ms) => written.get(ms) ?? written.set(ms, usTime(ms)).get(ms);
  const lines = [HEADER];
  for (let i = 0, order = 0; i < rows; order++) {
    const created = end - ((order * 7919) % (90 * 24)) * hour;
    const shipped = created + (20 + (order % 40)) * hour;
    const cancelled = order % 23 === 0;
    const delivered = !cancelled && order % 11 !== 0;
    const status = cancelled ? 'Cancelled' : delivered ? 'Completed' : 'Shipped';
    const times = cancelled ? `${at(created)},${at(created + 60000)},,,,${at(created + 5 * hour)},${order % 2 ? 'Seller,Out of stock' : 'Buyer,No longer needed'}`
      : `${at(created)},${at(created + 60000)},${at(created + 8 * hour)},${at(shipped)},${delivered ? at(shipped + (48 + (order % 96)) * hour) : ''},,,`;
    const tail = `${order % 5 ? 'Fulfilled by seller' : 'Fulfilled by TikTok'},Warehouse ${order % 3},TT${order},${['USPS', 'UPS', 'FedEx'][order % 3]},${order % 2 ? 'Kitchenware' : 'Home Supplies'}\r\n`;
    const skus = order % 10 === 0 ? 2 : 1;
    for (let s = 0; s < skus && i < rows; s++, i++) {
      lines.push(`577${100000000000000 + order * 37},${status},${status},${cancelled ? 'Cancel' : ''},Normal,${1729000000000 + (order % 300) * 7 + s},` +
        `"Product ${order % 300}, ${s ? 'blue' : 'red'}",${1 + s},${times},${tail}`);
    }
  }
  return new TextEncoder().encode(lines.join(''));
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

// Bytes from..to of the made-up export into `ing`: copied into the heap where reserve() says (after
// it: it may have grown the memory), then ing[commit] ('commit', or 'commitSlice' for a slice).
function feed(m, ing, bytes, from, to, commit = 'commit') {
  const ptr = ing.reserve(to - from);
  m.HEAPU8.set(bytes.subarray(from, to), ptr);
  ing[commit](to - from);
}

// The made-up export read once more in two slices, both in this worker: the plan, an extra
// worker's steps (docs/web.md "Every core") and the merge. The extra workers share this worker's
// compiled module, so its optimised code too: cold, a slice's part took about twice as long to
// make and the merge 2.5 times (docs/performance.md "Warm slices, spare workers").
function readInTwoSlices(m, bytes, shop) {
  const main = new m.Ingest(shop);
  const extra = new m.Ingest(shop);
  try {
    const planText = main.planSlices('orders', 'warm-up.csv', bytes.length, 2, 1 << 16,
      (offset, ptr, size) => m.HEAPU8.set(bytes.subarray(offset, offset + size), ptr));
    const { head, starts } = JSON.parse(planText);
    if (starts.length !== 3) return;
    extra.begin('orders', 'warm-up.csv', 'text', false);
    feed(m, extra, bytes, 0, head);
    extra.startSlice(planText, 1);
    feed(m, extra, bytes, starts[1], starts[2], 'commitSlice');
    const part = extra.endSlice();
    feed(m, main, bytes, starts[0], starts[1]);
    main.mergeSlices(planText, [part]);
    main.end();
  } finally {
    main.delete();
    extra.delete();
  }
}

// Reads and scores the made-up export `passes` times, each pass in a session of its own deleted
// at once, the worker's messages let through between the steps (a read, a score); with `slices`
// (the page reads large files in slices: slices.js) each pass reads it in two slices too. Stops
// once stopped() says the seller's work has come. Answers the passes done (0-passes); never
// throws: a warm-up that fails only leaves the code cold.
export async function warmUp(m, stopped, passes = WARM_PASSES, slices = false) {
  const bytes = passes > 0 ? warmUpCsv() : null;
  const shop = '{"as_of":"2026-11-20"}';
  let done = 0;
  for (; done < passes && !stopped(); done++) {
    const ing = new m.Ingest(shop);
    try {
      ing.begin('orders', 'warm-up.csv', 'text', false);
      feed(m, ing, bytes, 0, bytes.length);
      ing.end();
      await nextTask();
      if (stopped()) break;
      ing.score('{}');
      if (slices) {
        await nextTask();
        if (stopped()) break;
        readInTwoSlices(m, bytes, shop);
      }
    } catch {
      break;
    } finally {
      ing.delete();
    }
    await nextTask();
  }
  return done;
}
