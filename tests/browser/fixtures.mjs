// Export fixtures for the browser tests, written at test time from the built-in sample
// (web/sample/sample-dataset.json) in the shapes Seller Center exports come in:
//   orders.csv        UTF-8 CSV, US timestamps "MM/DD/YYYY hh:mm:ss AM", one row per SKU
//   returns.csv       GB18030 CSV with Chinese headers (as Excel saves it on a Chinese system)
//   reviews.tsv       UTF-8 with BOM, tab-separated
//   chats.xlsx        an XLSX workbook (shared strings, deflated parts)
//   exclusions.csv    order ids and reasons
// plus bad-orders.csv (an unparseable date) and big-orders.csv (for progress and cancel).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { deflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import path from 'node:path';

export const XSS_NAME = '<img src=x onerror=alert(1)>';

function csvCell(v, delim = ',') {
  const s = v == null ? '' : String(v);
  return /[",\r\n\t]/.test(s) || s.includes(delim) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells, delim = ',') => cells.map((c) => csvCell(c, delim)).join(delim);

// "2026-11-02 09:30" -> "11/02/2026 09:30:00 AM"
function usTime(ts) {
  if (!ts) return '';
  const [, y, mo, d, hh, mm] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(ts);
  const h = Number(hh);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${mo}/${d}/${y} ${String(h12).padStart(2, '0')}:${mm}:00 ${h < 12 ? 'AM' : 'PM'}`;
}

// GB18030 encoder for the characters we need, built from the platform's decoder.
let gbTable = null;
function gb18030(text) {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
    }
  }
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (gbTable.has(ch)) out.push(...gbTable.get(ch));
    else throw new Error(`no GBK code for ${ch}`);
  }
  return Buffer.from(out);
}

// A minimal XLSX: one sheet of shared strings and numbers.
function xlsx(rows, sheetName) {
  const strings = [];
  const index = new Map();
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const col = (i) => String.fromCharCode(65 + i);
  const sheetRows = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => {
    if (v === '' || v == null) return '';
    const ref = `${col(c)}${r + 1}`;
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (!index.has(v)) { index.set(v, strings.length); strings.push(v); }
    return `<c r="${ref}" t="s"><v>${index.get(v)}</v></c>`;
  }).join('')}</row>`).join('');
  const files = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
  };
  return zip(files);
}

export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const comp = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlibCrc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8); local.writeUInt32LE(crc, 14); local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBuf.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(8, 10); cen.writeUInt32LE(crc, 16); cen.writeUInt32LE(comp.length, 20); cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(nameBuf.length, 28); cen.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    central.push(cen, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cenBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cenBuf.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cenBuf, end]);
}

const RETURN_TYPE = { return: '退货退款', refund: '仅退款', replacement: '换货', cancel: '取消订单' };
const HANDLED_BY = { seller: '商家', seller_rule: '自动审核规则', timeout: '超时自动同意', platform: '平台' };

function orderRows(sample) {
  const rows = [];
  sample.orders.forEach((o, i) => {
    const status = o.cancelled ? 'Cancelled' : o.delivered ? 'Delivered' : 'Shipped';
    const product = i === 1 ? XSS_NAME : o.product;
    const base = [o.id, status, o.sku, product, usTime(o.created), usTime(o.delivered), usTime(o.cancelled),
      o.cancel_by ? o.cancel_by[0].toUpperCase() + o.cancel_by.slice(1) : '', o.cancel_reason || '',
      o.fulfillment === 'fbt' ? 'Fulfillment by TikTok Shop' : 'Fulfilled by seller', o.category, o.deliver_by || ''];
    rows.push(base);
    if (i % 9 === 0) rows.push([...base.slice(0, 2), 'GIFT-WRAP', 'Gift wrap', ...base.slice(4)]); // a second SKU row
  });
  return rows;
}

const ORDER_HEADERS = ['Order ID', 'Order Status', 'SKU ID', 'Product Name', 'Created Time', 'Delivered Time', 'Cancelled Time',
  'Cancel By', 'Cancel Reason', 'Fulfillment Type', 'Product Category', 'Deliver By'];

export function writeFixtures(root, dir) {
  mkdirSync(dir, { recursive: true });
  const sample = JSON.parse(readFileSync(path.join(root, 'web', 'sample', 'sample-dataset.json'), 'utf8'));
  const files = {};
  const put = (name, data) => { const p = path.join(dir, name); writeFileSync(p, data); files[name] = p; };

  const orders = orderRows(sample);
  put('orders.csv', [csvLine(ORDER_HEADERS), ...orders.map((r) => csvLine(r))].join('\r\n') + '\r\n');

  const returns = [['订单号', '售后类型', '售后原因', '申请时间', '处理时间', '收货时间', '验货时间', '处理方'],
    ...sample.after_sales.map((r) => [r.order_id, RETURN_TYPE[r.type], r.reason, r.requested, r.decided || '',
      r.item_received || '', r.inspected || '', HANDLED_BY[r.handled_by]])];
  put('returns.csv', gb18030(returns.map((r) => csvLine(r)).join('\r\n') + '\r\n'));

  const reviews = [['Order ID', 'SKU ID', 'Rating', 'Review Time', 'Flags'],
    ...sample.reviews.map((r) => [r.order_id, r.sku, r.rating, r.created, r.flags.join(';')])];
  put('reviews.tsv', '\ufeff' + reviews.map((r) => csvLine(r, '\t')).join('\n') + '\n');

  const chats = [['Chat ID', 'End Time', 'Rating'], ...sample.chats.map((c) => [c.id, c.ended, c.rating ?? ''])];
  put('chats.xlsx', xlsx(chats, 'Chats'));

  const excl = [['Order ID', 'Reason'], ...sample.orders.filter((o) => o.flags.length).map((o) => [o.id, o.flags[0]])];
  put('exclusions.csv', excl.map((r) => csvLine(r)).join('\n') + '\n');

  const bad = [csvLine(ORDER_HEADERS), ...orders.slice(0, 5).map((r) => csvLine(r))];
  bad[3] = bad[3].replace(/\d\d\/\d\d\/2026 \d\d:\d\d:00 [AP]M/, 'not a date');
  put('bad-orders.csv', bad.join('\n') + '\n');

  return { files, counts: { orders: orders.length, returns: returns.length - 1, reviews: reviews.length - 1, chats: chats.length - 1, exclusions: excl.length - 1 } };
}

// A large orders export (~size bytes) for the progress bar and cancel.
export function writeBigOrders(dir, size) {
  const p = path.join(dir, 'big-orders.csv');
  const lines = [csvLine(ORDER_HEADERS)];
  let bytes = 0;
  for (let i = 0; bytes < size; i++) {
    const line = csvLine([`9${String(i).padStart(17, '0')}`, 'Delivered', 'SKU1', 'A product', '10/01/2026 09:00:00 AM',
      '10/04/2026 09:00:00 AM', '', '', '', 'Fulfilled by seller', 'Home Supplies', '2026-10-09']);
    lines.push(line);
    bytes += line.length + 1;
  }
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}
