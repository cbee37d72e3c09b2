#!/usr/bin/env python3
"""Writes the export-shape fixture sets of issue 8 (and issue 9 finding 1) under tests/data/exports/,
each from the issue's description, not from what the readers accept. Called by make_fixtures.py.

Each set is a directory read together (tests/parity/exports.mjs and tests/unit/ingest/test_ingest_sets.cpp):
its own shop.json, an optional options.json ({"date_order": "dmy"} = CLI --date-order dmy, WASM
Ingest.setDateOrder), and expected.json: the numbers worked out by hand below (the comments say
how), which the C++ test checks against the CLI's dataset and result.

US business days (Veterans Day, Wed 11 Nov 2026, is a holiday): Mon 2 Nov + 6 (the default SLA) =
Tue 10 Nov (3, 4, 5, 6, 9, 10 Nov); Tue 3 Nov + 6 = Thu 12 Nov; Wed 4 Nov + 6 = Fri 13 Nov; later
orders are due later. OTDR counts orders due on or before as_of; an undelivered order due after it is not counted.
"""
import json
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, text, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def cell(v):
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v


def table(rows, eol="\r\n"):
    return "".join(",".join(cell(c) for c in r) + eol for r in rows)


# docs/scoring.md "Missing, typed and no data": the exports each metric is computed from. A
# metric whose export is not in the set is missing (never 0 %, never no data): its counts and its
# no-data mark, written below as if the export were there and empty, give way to "missing".
NEEDS = {"nrr": ["orders", "reviews"], "nbfr": ["orders", "returns"], "otdr": ["orders"], "sfcr": ["orders"],
         "imd": ["chats"], "aht": ["returns|diagnostics"]}


def with_missing(files, expected):
    kinds = {os.path.splitext(f)[0] for f in files}
    given = lambda need: any(k in kinds for k in need.split("|"))
    missing = [m for m, needs in NEEDS.items() if not all(given(n) for n in needs)]
    out = dict(expected)
    out["metrics"] = {m: c for m, c in expected["metrics"].items() if m not in missing}
    out["no_data"] = [m for m in expected["no_data"] if m not in missing]
    out["missing"] = missing
    return out


def put(name, files, shop, expected, options=None):
    expected = with_missing(files, expected)
    d = os.path.join(HERE, name)
    for fname, text in files.items():
        if isinstance(text, bytes):
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, fname), "wb") as f:
                f.write(text)
        else:
            write(os.path.join(d, fname), text, bom=fname.endswith(".csv"))
    write(os.path.join(d, "shop.json"), json.dumps(shop, indent=1) + "\n")
    write(os.path.join(d, "expected.json"), json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
    if options:
        write(os.path.join(d, "options.json"), json.dumps(options) + "\n")


# The US orders export's columns (docs/exports.md; ../shared/reference/us-reasons.md lists them).
US = ["Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "Normal or Pre-order", "SKU ID", "Seller SKU",
      "Product Name", "Quantity", "Sku Quantity of return", "SKU Unit Original Price", "Order Amount", "Order Refund Amount",
      "Created Time", "Paid Time", "RTS Time", "Shipped Time", "Delivered Time", "Cancelled Time", "Cancel By", "Cancel Reason",
      "Fulfillment Type", "Warehouse Name", "Tracking ID", "Shipping Provider Name", "Product Category"]
US_DESC = ["Platform unique order ID.", "Current order status.", "Current order sub-status.", "Cancellation or return type.",
           "Pre-order or not.", "Platform SKU ID.", "Seller SKU.", "Product name.", "Quantity.", "Quantity returned.",
           "Unit price.", "Order amount.", "Refunded amount.", "Time the order was created.", "Time paid.", "Ready to ship time.",
           "Time shipped.", "Time delivered.", "Time cancelled.", "Who cancelled.", "Why cancelled.", "Who fulfils.",
           "Warehouse.", "Tracking number.", "Carrier.", "Product category."]


def us_row(oid, status, created, delivered="", cancelled="", by="", reason="", fulfil="Fulfilled by seller", rtype="",
           qty_ret=0, refund="$0.00", sku="1700001"):
    tab = lambda t: t + "\t" if t else ""  # the US export ends IDs and times with a tab
    return [tab(oid), status, status, rtype, "Normal", sku, "S1", "Mug", 1, qty_ret, "$12.50", "$12.50", refund, tab(created),
            tab(created), "", "", tab(delivered), tab(cancelled), by, reason, fulfil, "Main WH", "TT1", "USPS", "Home Supplies"]


def us_one_week():
    # A one-week US export: every slash date has day <= 12, so only the 12-hour AM/PM clock says
    # month-first (issue 8 shape 4). Description row, trailing tabs, "Fulfillment by TikTok" (the
    # real US value, shape 1), "$19.99" (shape 7), a return marked in the orders export with no
    # returns export (shape 6). as_of 2026-11-12 (shop.json).
    rows = [US, US_DESC,
            us_row("U1", "Completed", "11/02/2026 09:30:00 AM", "11/06/2026 03:00:00 PM", fulfil="Fulfillment by TikTok"),
            us_row("U2", "Completed", "11/02/2026 10:00:00 AM", "11/05/2026 01:00:00 PM"),
            us_row("U3", "Completed", "11/02/2026 11:00:00 AM", "11/11/2026 04:00:00 PM"),
            us_row("U4", "Canceled", "11/03/2026 09:00:00 AM", "", "11/03/2026 11:00:00 AM", "Seller", "Out of stock"),
            us_row("U5", "Cancelled", "11/04/2026 09:00:00 AM", "", "11/04/2026 10:00:00 AM", "Buyer", "No longer needed"),
            us_row("U6", "Awaiting Shipment", "11/06/2026 09:00:00 AM"),
            us_row("U7", "Completed", "11/05/2026 09:00:00 AM", "11/09/2026 02:00:00 PM", rtype="Return/Refund", qty_ret=1,
                   refund="$19.99"),
            us_row("U7", "Completed", "11/05/2026 09:00:00 AM", "11/09/2026 02:00:00 PM", sku="1700002")]
    # OTDR (non-FBT, not cancelled, due <= 12 Nov): U2 due 10 Nov, delivered 5 Nov: on time; U3 due
    #   10 Nov, delivered 11 Nov: late; U6 and U7 are due after 12 Nov. 1 of 2 on time.
    # SFCR (non-FBT, created by as_of): U2, U3, U6, U7 not cancelled (4), U4 seller cancel (+1 of 1),
    #   U5 buyer cancel (out). 1 of 5.
    # NBFR: delivered U1 (FBT counts here), U2, U3, U7 = 4; no requests: 0 of 4.
    # Warnings: date_order (mdy, clock_12h); ambiguous_dates: the date cells that read both ways:
    #   created x8 rows, delivered U1 U2 U7 U7 = 4 (U3's 11/11 reads the same either way), cancelled
    #   U4 U5 = 2 -> 14; returns_export_missing: U7.
    put("us_one_week", {"orders.csv": table(rows)},
        {"as_of": "2026-11-12", "opened": "2026-03-01", "utc_offset": "-08:00"},
        {"rows": {"orders.csv": 8}, "orders": 7, "as_of": "2026-11-12",
         "metrics": {"otdr": [1, 2], "sfcr": [1, 5], "nbfr": [0, 4]},
         # reviews_export_missing: U1, U2, U3, U7 delivered and no reviews export.
         "warnings": {"date_order": 1, "ambiguous_dates": 14, "returns_export_missing": 1, "reviews_export_missing": 4},
         "date_order": "mdy", "fbt": ["U1"], "cancelled": ["U4", "U5"], "no_data": ["imd", "aht"]})


def intl_day_first():
    # The same export from other markets: status words in Portuguese, Indonesian, Thai, Vietnamese,
    # Chinese (shape 3); a description row in Chinese with no spaces (shape 2); 24-hour day-first
    # dates of one week (day <= 12: the clock says day-first, shape 4); money "BRL 35,91",
    # "82.912₫", "THB 120" (shape 7); an unknown Fulfillment Type (shape 1). as_of 2026-11-12.
    desc = ["平台唯一订单号。", "订单状态。", "订单子状态。", "取消或退货类型。", "是否预售。", "SKU编号。", "卖家SKU。", "商品名称。",
            "数量。", "退货数量。", "单价。", "订单金额。", "退款金额。", "订单创建时间。", "付款时间。", "备货完成时间。", "发货时间。",
            "送达时间。", "取消时间。", "取消方。", "取消原因。", "履约方式。", "仓库。", "物流单号。", "物流商。", "商品类目。"]

    def row(oid, status, created, delivered="", cancelled="", by="", reason="", fulfil="Fulfilled by seller", refund="0,00"):
        r = us_row(oid, status, created, delivered, cancelled, by, reason, fulfil, refund=refund)
        return [c.rstrip("\t") if isinstance(c, str) else c for c in r[:10]] + ["THB 120", "THB 120", refund] + \
            [c.rstrip("\t") if isinstance(c, str) else c for c in r[13:]]

    rows = [US, desc,
            row("I1", "Cancelado", "02/11/2026 09:30", "", "02/11/2026 13:00", "Seller", "Out of stock"),
            row("I2", "Dibatalkan", "03/11/2026 10:00", "", "03/11/2026 11:00", "Buyer", "No longer needed"),
            row("I3", "ยกเลิกแล้ว", "03/11/2026 14:00", "", "04/11/2026 08:00", "Seller", "Out of stock"),
            row("I4", "Đã hủy", "04/11/2026 09:00", "", "04/11/2026 10:00", "Seller", "Out of stock"),
            row("I5", "已取消", "04/11/2026 15:00", "", "", "Seller", "Out of stock"),
            row("I6", "Selesai", "02/11/2026 08:00", "06/11/2026 18:00", fulfil="Drone delivery"),
            row("I7", "Entregue", "02/11/2026 11:00", "11/11/2026 20:00", refund="BRL 35,91"),
            row("I8", "Đã giao hàng", "05/11/2026 09:00", "07/11/2026 10:00", refund="82.912₫"),
            row("I9", "Annulé", "05/11/2026 09:00", "", "05/11/2026 12:00", "Buyer", "No longer needed")]
    # Read day-first: I1 is 2 November. Cancelled: I1-I5 by status (I5 without a Cancelled Time:
    #   dated at creation, cancelled_without_time 1), I9 by its Cancelled Time (status unknown:
    #   unknown_status 1). I6's "Drone delivery" -> seller (unknown_value 1).
    # OTDR: I6 due 10 Nov, delivered 6 Nov: on time; I7 due 10 Nov, delivered 11 Nov: late; I8 due
    #   after 12 Nov. 1 of 2.
    # SFCR: seller cancels I1, I3, I4, I5 (4); not cancelled I6, I7, I8 (3); buyer I2, I9 out. 4 of 7.
    # NBFR: delivered I6, I7, I8 = 3, no requests: 0 of 3. Marked refunded: I7 (BRL 35,91), I8 (82.912₫).
    # ambiguous_dates: created 9 + delivered 2 (I7's 11/11 reads the same either way) + cancelled 5
    #   (I1-I4, I9) = 16 cells.
    put("intl_day_first", {"orders.csv": table(rows)},
        {"as_of": "2026-11-12", "opened": "2026-03-01", "utc_offset": "+07:00"},
        {"rows": {"orders.csv": 9}, "orders": 9, "as_of": "2026-11-12",
         "metrics": {"otdr": [1, 2], "sfcr": [4, 7], "nbfr": [0, 3]},
         # reviews_export_missing: I6, I7, I8 delivered and no reviews export.
         "warnings": {"date_order": 1, "ambiguous_dates": 16, "cancelled_without_time": 1, "unknown_status": 1, "reviews_export_missing": 3,
                      "unknown_value": 1, "returns_export_missing": 2},
         "date_order": "dmy", "fbt": [], "cancelled": ["I1", "I2", "I3", "I4", "I5", "I9"], "no_data": ["imd", "aht"]})


def xlsx(rows):
    """A minimal workbook: one sheet, inline strings (no shared strings), as some tools write."""
    def c(ref, v):
        v = str(v).replace("&", "&amp;").replace("<", "&lt;")
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v)
    sheet = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for i, r in enumerate(rows, 1):
        sheet.append('<row r="%d">%s</row>' % (i, "".join(c("%s%d" % (chr(65 + j), i), v) for j, v in enumerate(r))))
    sheet.append("</sheetData></worksheet>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="OrderSKUList" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": "".join(sheet),
    }
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 0, 0, 0))  # fixed: the bytes never change
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return buf.getvalue()


def pending_dates():
    # Issue 8 bug 2 / issue 9 finding 1: the first row's Created Time (11/02) reads both ways and
    # its Delivered Time (11/14) decides month-first in the same row. No as_of in shop.json: the
    # default as_of is the latest order timestamp, 14 Nov 2026 (it was "1587287-03-16").
    orders = [["Order ID", "Created Time", "Delivered Time"],
              ["P1", "11/02/2026 09:30:00 AM", "11/14/2026 10:00:00 AM"],
              ["P2", "11/03/2026 09:30:00 AM", "11/05/2026 10:00:00 AM"]]
    # The returns row: Time Requested 11/10 reads both ways, Time Approved 11/13 decides (the CLI
    # exited 1 with vector::_M_range_check).
    returns = [["Return Order ID", "Order ID", "Return Type", "Time Requested", "Return Reason", "Time Approved"],
               ["R1", "P1", "Return and refund", "11/10/2026 09:00:00 AM", "Defective", "11/13/2026 10:00:00 AM"]]
    # OTDR: P1 due 10 Nov, delivered 14 Nov: late; P2 due 12 Nov, delivered 5 Nov: on time. 1 of 2.
    # (Before the fix P1 had no Created Time and left OTDR: 1 of 1.)
    # NBFR: delivered P1, P2 = 2; R1 on P1, "Defective" is seller fault: 1 of 2.
    # SFCR: P1, P2 not cancelled: 0 of 2.
    # Both files are settled by their data (11/14, 11/13): no date_order note.
    exp = {"orders": 2, "as_of": "2026-11-14", "metrics": {"otdr": [1, 2], "sfcr": [0, 2], "nbfr": [1, 2]},
           "warnings": {"reviews_export_missing": 2}, "fbt": [], "cancelled": [], "no_data": ["imd"]}  # P1, P2 delivered
    shop = {"opened": "2026-03-01", "utc_offset": "-08:00"}
    put("pending_dates", {"orders.csv": table(orders), "returns.csv": table(returns)}, shop,
        dict(exp, rows={"orders.csv": 2, "returns.csv": 1}))
    # The same orders in an XLSX sheet whose dates are text (only the orders file).
    put("pending_dates_xlsx", {"orders.xlsx": xlsx(orders)}, shop,
        {"rows": {"orders.xlsx": 2}, "orders": 2, "as_of": "2026-11-14", "metrics": {"otdr": [1, 2], "sfcr": [0, 2], "nbfr": [0, 2]},
         "warnings": {"reviews_export_missing": 2}, "fbt": [], "cancelled": [], "no_data": ["imd", "aht"]})


def stated_dmy():
    # The seller states day-first (options.json, = --date-order dmy): AM/PM times would otherwise
    # say month-first. 05/11/2026 is 5 November; no ambiguous_dates warning (the order was given).
    rows = [["Order ID", "Created Time", "Delivered Time"],
            ["D1", "02/11/2026 09:30 AM", "05/11/2026 03:00 PM"],
            ["D2", "03/11/2026 10:00 AM", "10/11/2026 11:00 AM"],
            ["D3", "04/11/2026 10:00 AM", ""]]
    # as_of 2026-11-12 (shop.json). OTDR: D1 due 10 Nov delivered 5 Nov on time; D2 due 12 Nov,
    # delivered 10 Nov: on time; D3 due 13 Nov, after as_of. 2 of 2. SFCR 0 of 3. NBFR 0 of 2.
    # (Read month-first they would be February/March/April orders, none in the windows.)
    put("stated_dmy", {"orders.csv": table(rows)}, {"as_of": "2026-11-12", "opened": "2026-03-01", "utc_offset": "+01:00"},
        {"rows": {"orders.csv": 3}, "orders": 3, "as_of": "2026-11-12", "metrics": {"otdr": [2, 2], "sfcr": [0, 3], "nbfr": [0, 2]},
         # reviews_export_missing: D1, D2 delivered and no reviews export.
         "warnings": {"date_order": 1, "reviews_export_missing": 2}, "date_order": "dmy", "fbt": [], "cancelled": [], "no_data": ["imd", "aht"]},
        options={"date_order": "dmy"})


def conflicting_rows():
    # Issue 9 finding 6: one order on two rows that disagree, and 20 ordinary ones. ISO dates.
    # C1 row a: delivered 5 Nov, FBT; row b: cancelled by the seller, seller fulfilment, created an
    # hour later. Rules (docs/exports.md): earliest created (2 Nov 09:00), delivered wins (not
    # cancelled), seller fulfilment (the rows disagree). One more order F1 dated 2062 (a typo):
    # the default as_of leaves it out.
    header = ["Order ID", "Order Status", "Created Time", "Delivered Time", "Cancelled Time", "Cancel By", "Cancel Reason",
              "Fulfillment Type"]
    rows = [header,
            ["C1", "Delivered", "2026-11-02 09:00", "2026-11-05 09:00", "", "", "", "Fulfillment by TikTok Shop"],
            ["C1", "Cancelled", "2026-11-02 10:00", "", "2026-11-02 12:00", "Seller", "Out of stock", "Fulfilled by seller"]]
    for i in range(1, 21):  # G1..G20 created 1..20 Oct 2026, delivered 3 days later
        rows.append(["G%d" % i, "Delivered", "2026-10-%02d 09:00" % i, "2026-10-%02d 09:00" % (i + 3), "", "", "", "Fulfilled by seller"])
    rows.append(["F1", "Delivered", "2062-11-03 09:00", "", "", "", "", "Fulfilled by seller"])
    # as_of: 22 orders; days sorted: G1..G20 latest days 4..23 Oct, C1 5 Nov, F1 3 Nov 2062. From the
    #   median up: 5 Nov -> 2062 is a gap > 92 days with 1 of 22 orders (4.5 % <= 5 %) beyond: as_of 2026-11-05.
    # OTDR (due <= 5 Nov): G1..G20 due created + 6 business days, all before 5 Nov, delivered 3
    #   days after creation: on time (a weekend in 3 days never passes 6 business days). C1 due 10
    #   Nov: not yet. 20 of 20.
    # SFCR: G1..G20 and C1 (not cancelled), created within 30 days of 5 Nov: 7 Oct..5 Nov: G7..G20
    #   (14) + C1 = 15; F1 created after as_of: out. 0 of 15.
    # NBFR: delivered by 5 Nov within 60 days: G1..G20 (4..23 Oct) + C1 (5 Nov) = 21. 0 of 21.
    put("conflicting_rows", {"orders.csv": table(rows)}, {"opened": "2026-03-01", "utc_offset": "-08:00"},
        {"rows": {"orders.csv": 23}, "orders": 22, "as_of": "2026-11-05",
         "metrics": {"otdr": [20, 20], "sfcr": [0, 15], "nbfr": [0, 21]},
         # reviews_export_missing: C1 (a delivered row) and G1..G20; F1 has no Delivered Time.
         "warnings": {"conflicting_order_rows": 1, "future_dates_ignored": 1, "reviews_export_missing": 21}, "fbt": [], "cancelled": [], "no_data": ["imd", "aht"]})


def main():
    us_one_week()
    intl_day_first()
    pending_dates()
    stated_dmy()
    conflicting_rows()


if __name__ == "__main__":
    main()
