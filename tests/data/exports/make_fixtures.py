#!/usr/bin/env python3
"""Writes the export fixtures of tests/data/exports from one small shop model, and the canonical
dataset JSON twins they must read as. Run from anywhere; needs only Python 3 (and LibreOffice's
`soffice` and the --xlsx option to rewrite xlsx/orders.xlsx; otherwise the committed .xlsx is kept).

The twins are written from the model here, independently of the C++ readers, so a test that
compares "read the export" with "read the twin" checks the readers against the model.

Variants (each directory holds one shop's files, read together):
  us_bom_crlf/   English Seller Center layout, UTF-8 with BOM, CRLF, description row, US dates
                 with a trailing tab, unknown extra columns, quoted commas/newlines/doubled quotes,
                 multi-SKU orders, a multi-SKU return, blank trailing lines; canonical-name reviews
                 and chats; "ID reason" exclusion lines.           twin: dataset_en.json
  zh_gb18030/    Chinese headers and values, GB18030 bytes, CRLF, ISO dates.   twin: dataset_zh.json
  tsv/           tab-separated, LF, no BOM, US dates without the tab.          twin: dataset_en.json
  semicolon_day_first/  ';'-separated, day-first 24-hour dates (25/11/2026 14:00), "sep=;" line in
                 the returns file; headerless "ID,reason" exclusions.          twin: dataset_en.json
  us_one_week/, intl_day_first/, pending_dates/, pending_dates_xlsx/, stated_dmy/, conflicting_rows/:
                 export shapes of issue 8, each with its own shop.json and hand-worked expected.json
                 (make_shape_fixtures.py).
  xlsx/          orders.xlsx written by LibreOffice Calc from a CSV (dates become Excel serial
                 numbers, order IDs kept as text); the other files as us_bom_crlf. twin: dataset_en.json
"""
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = dt.datetime(2026, 9, 25, 9, 30)

SHOP = {"as_of": "2026-11-20", "opened": "2026-03-01", "utc_offset": "-08:00", "category": "default",
        "reputation_points": 2500, "has_logo": True, "products_for_sale": 12, "violations_30d": 0}

TEXT = {
    "en": {
        "cat": ["Home Supplies", "Kitchenware"],
        "cancel_reason": {"seller": "Out of stock", "buyer": "No longer needed", "system": "Package wasn't shipped in time"},
        "return_reasons": ["Damaged", "Changed my mind", "Wrong item sent", "Arrived late", "Defective"],
        "products": ['Mug, ceramic\n350 ml', 'Tea "Sencha" tin', "Bamboo spoon", "Glass jar; 1 L"],
    },
    "zh": {
        "cat": ["家居用品", "厨房用具"],
        "cancel_reason": {"seller": "缺货", "buyer": "不想要了", "system": "超时未发货"},
        "return_reasons": ["商品破损", "不想要了", "发错货", "物流太慢", "质量问题"],
        "products": ['陶瓷马克杯，\n350毫升', '“煎茶”茶叶罐', "竹勺", "玻璃罐; 1升"],
    },
}


def model():
    orders = []
    for i in range(1, 43):
        created = BASE + dt.timedelta(days=(i * 37) % 50, minutes=7 * i)
        o = {"n": i, "id": "5771234567890%05d" % i, "created": created, "skus": ["S%d" % (i % 4 + 1)]}
        if i % 5 == 0:
            o["skus"].append("S%d" % ((i + 1) % 4 + 1))
        o["fbt"] = i % 9 == 0
        o["cat"] = i % 2
        o["cancel_by"] = {11: "seller", 22: "seller", 13: "buyer", 26: "system", 33: "seller"}.get(i)
        if o["cancel_by"]:
            o["cancelled"] = created + dt.timedelta(hours=20 + i)
            o["delivered"] = None
        elif i % 17 == 0:
            o["cancelled"] = None
            o["delivered"] = None  # still in transit
        else:
            o["cancelled"] = None
            o["delivered"] = created + dt.timedelta(days=2 + i % 7, hours=5, minutes=3 * i)
        orders.append(o)
    by_n = {o["n"]: o for o in orders}
    returns = []
    for k, n in enumerate([2, 4, 7, 10, 16, 20, 25, 30]):
        o = by_n[n]
        req = o["delivered"] + dt.timedelta(days=1, hours=2)
        r = {"id": "RT%04d" % (k + 1), "order": o, "type": "return" if k % 3 != 1 else "refund",
             "reason": k % 5, "requested": req, "decided": req + dt.timedelta(hours=5 + 3 * k) if k != 6 else None,
             "received": None, "inspected": None, "skus": o["skus"]}
        if r["type"] == "return" and k not in (3, 6):
            r["received"] = req + dt.timedelta(days=3, hours=k)
            r["inspected"] = r["received"] + dt.timedelta(hours=4 + k)
        returns.append(r)
    reviews = []
    for k, n in enumerate([1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 19, 21, 24, 28, 31, 35]):
        o = by_n[n]
        if not o["delivered"]:
            continue
        reviews.append({"order": o, "sku": o["skus"][0], "rating": [5, 4, 1, 5, 2, 5, 3, 5][k % 8],
                        "created": o["delivered"] + dt.timedelta(days=1, minutes=k), "fbt": k == 4})
    chats = []
    for k in range(12):
        chats.append({"id": "CH%03d" % (k + 1), "ended": BASE + dt.timedelta(days=3 * k + 10, hours=k, minutes=5),
                      "rating": [5, 0, 4, 1, 3, 5, 2, 0, 5, 5, 4, 1][k]})
    exclusions = [(by_n[3]["id"], "fraud"), (by_n[8]["id"], "sample"), (by_n[14]["id"], "gift")]
    return orders, returns, reviews, chats, exclusions


ORDERS, RETURNS, REVIEWS, CHATS, EXCLUSIONS = model()


def iso(t):
    return t.strftime("%Y-%m-%d %H:%M") if t else None


def us(t):
    return t.strftime("%m/%d/%Y %I:%M:%S %p") if t else ""


def day_first(t):
    return t.strftime("%d/%m/%Y %H:%M") if t else ""


def zh_time(t):
    return t.strftime("%Y-%m-%d %H:%M:%S") if t else ""


def twin(lang):
    t = TEXT[lang]
    flags = {oid: reason for oid, reason in EXCLUSIONS}
    doc = {"schema": "shopscore.dataset/1", "shop": SHOP, "orders": [], "reviews": [], "after_sales": [], "chats": [],
           "metrics": {}}
    for o in ORDERS:
        doc["orders"].append({
            "id": o["id"], "created": iso(o["created"]), "delivered": iso(o["delivered"]), "deliver_by": None,
            "cancelled": iso(o["cancelled"]), "cancel_by": o["cancel_by"],
            "cancel_reason": t["cancel_reason"][o["cancel_by"]] if o["cancel_by"] else None,
            "fulfillment": "fbt" if o["fbt"] else "seller", "type": "regular", "category": t["cat"][o["cat"]],
            "sku": o["skus"][0], "flags": [flags[o["id"]]] if o["id"] in flags else []})
    for r in REVIEWS:
        doc["reviews"].append({"order_id": r["order"]["id"], "sku": r["sku"], "rating": r["rating"],
                               "created": iso(r["created"]), "flags": ["fbt_logistics"] if r["fbt"] else []})
    for r in RETURNS:
        doc["after_sales"].append({"order_id": r["order"]["id"], "type": r["type"], "reason": t["return_reasons"][r["reason"]],
                                   "requested": iso(r["requested"]), "decided": iso(r["decided"]),
                                   "item_received": iso(r["received"]), "inspected": iso(r["inspected"]),
                                   "handled_by": "seller", "flags": []})
    for c in CHATS:
        doc["chats"].append({"id": c["id"], "ended": iso(c["ended"]), "rating": c["rating"] or None})
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def csv_cell(v, delim):
    v = str(v)
    if any(ch in v for ch in (delim, '"', "\n", "\r")):
        return '"' + v.replace('"', '""') + '"'
    return v


def table(rows, delim=",", eol="\r\n"):
    return "".join(delim.join(csv_cell(c, delim) for c in row) + eol for row in rows)


EN_ORDER_HEADER = ["Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "Normal or Pre-order", "SKU ID",
                   "Seller SKU", "Product Name", "Variation", "Quantity", "Sku Quantity of return", "SKU Unit Original Price",
                   "Order Amount", "Order Refund Amount", "Created Time", "Paid Time", "RTS Time", "Shipped Time",
                   "Delivered Time", "Cancelled Time", "Cancel By", "Cancel Reason", "Fulfillment Type", "Warehouse Name",
                   "Tracking ID", "Delivery Option", "Shipping Provider Name", "Buyer Message", "Buyer Username", "Recipient",
                   "Product Category", "Package ID", "Seller Note"]
EN_ORDER_DESCRIPTIONS = ["Platform unique order ID.", "Current order status.", "Current order sub-status.",
                         "Cancellation or return/refund type of the SKU.", "Whether the order is a pre-order.",
                         "Platform SKU ID.", "Seller SKU code.", "Product name.", "SKU variation.", "SKU quantity.",
                         "Quantity returned.", "Original unit price.", "Order amount.", "Refunded amount.",
                         "Time the order was created.", "Time the order was paid.", "Ready to ship time.",
                         "Time the package was shipped.", "Time the package was delivered.", "Time the order was cancelled.",
                         "Who cancelled the order.", "Reason for the cancellation.", "Who fulfils the order.",
                         "Warehouse name.", "Tracking number.", "Delivery option.", "Carrier name.", "Buyer message.",
                         "Buyer username.", "Recipient name.", "Product category.", "Package ID.", "Seller note."]
ZH_ORDER_HEADER = ["订单号", "订单状态", "订单子状态", "取消/退货类型", "普通或预售", "SKU ID", "卖家SKU", "商品名称", "规格", "数量",
                   "订单金额", "创建时间", "付款时间", "发货时间", "送达时间", "取消时间", "取消方", "取消原因", "履约方式",
                   "仓库名称", "物流单号", "买家留言", "买家用户名", "商品类目", "包裹ID", "卖家备注"]
ZH_CANCEL_BY = {"seller": "卖家", "buyer": "买家", "system": "系统"}
EN_CANCEL_BY = {"seller": "Seller", "buyer": "Buyer", "system": "System"}


def returned_order_ids():
    return {r["order"]["id"] for r in RETURNS}


def order_rows_en(fmt, tab=""):
    t = TEXT["en"]
    rows = []
    ret = returned_order_ids()
    for o in ORDERS:
        for s, sku in enumerate(o["skus"]):
            status = "Canceled" if o["cancel_by"] else ("Completed" if o["delivered"] else "Shipped")
            ctype = "Cancel" if o["cancel_by"] else ("Return/Refund" if o["id"] in ret else "")
            when = (lambda x: fmt(x) + tab if x else "")
            rows.append([o["id"], status, "Delivered" if o["delivered"] else status, ctype, "Normal", "17%08d" % (o["n"] * 10 + s),
                         sku, t["products"][(o["n"] + s) % 4], "Blue" if s else "Default", 1 + s, 0, "12.50", "25.00", "0.00",
                         when(o["created"]), when(o["created"] + dt.timedelta(minutes=2)), "", "",
                         when(o["delivered"]), when(o["cancelled"]),
                         EN_CANCEL_BY[o["cancel_by"]] if o["cancel_by"] else "",
                         t["cancel_reason"][o["cancel_by"]] if o["cancel_by"] else "",
                         "Fulfillment by TikTok Shop" if o["fbt"] else "Fulfilled by seller", "Main WH",
                         "TT%09d" % o["n"], "Standard shipping", "USPS", 'Please "gift wrap", thanks' if o["n"] % 6 == 0 else "",
                         "buyer%d" % o["n"], "R. Doe", t["cat"][o["cat"]], "PK%d" % o["n"], ""])
    return rows


def order_rows_zh():
    t = TEXT["zh"]
    rows = []
    ret = returned_order_ids()
    for o in ORDERS:
        for s, sku in enumerate(o["skus"]):
            status = "已取消" if o["cancel_by"] else ("已完成" if o["delivered"] else "已发货")
            ctype = "取消" if o["cancel_by"] else ("退货/退款" if o["id"] in ret else "")
            rows.append([o["id"], status, status, ctype, "普通", "17%08d" % (o["n"] * 10 + s), sku, t["products"][(o["n"] + s) % 4],
                         "默认", 1 + s, "25.00", zh_time(o["created"]), zh_time(o["created"] + dt.timedelta(minutes=2)), "",
                         zh_time(o["delivered"]), zh_time(o["cancelled"]), ZH_CANCEL_BY[o["cancel_by"]] if o["cancel_by"] else "",
                         t["cancel_reason"][o["cancel_by"]] if o["cancel_by"] else "",
                         "平台履约" if o["fbt"] else "商家自发货", "主仓", "TT%09d" % o["n"], "", "buyer%d" % o["n"],
                         t["cat"][o["cat"]], "PK%d" % o["n"], ""])
    return rows


EN_RETURN_HEADER = ["Return Order ID", "Order ID", "Buyer Username", "Product Name", "Seller SKU", "Return Reason", "Return Type",
                    "Return Status", "Return Sub Status", "Return Quantity", "Return unit price", "Order Amount", "Time Requested",
                    "Time Approved", "Time Received", "Time Inspected", "Payment Method", "Buyer Note"]
ZH_RETURN_HEADER = ["退货单号", "订单号", "买家用户名", "商品名称", "卖家SKU", "退货原因", "退货类型", "退货状态", "退货数量", "申请时间",
                    "审核时间", "收货时间", "验货时间", "买家备注"]


def return_rows_en(fmt, tab=""):
    t = TEXT["en"]
    rows = []
    for r in RETURNS:
        for sku in r["skus"]:  # one row per SKU of the request
            when = (lambda x: fmt(x) + tab if x else "")
            rows.append([r["id"], r["order"]["id"], "buyer%d" % r["order"]["n"], "Mug", sku, t["return_reasons"][r["reason"]],
                         "Return and refund" if r["type"] == "return" else "Refund only", "Completed", "", 1, "12.50", "25.00",
                         when(r["requested"]), when(r["decided"]), when(r["received"]), when(r["inspected"]), "Card",
                         "It arrived, ""broken""" if r["reason"] == 0 else ""])
    return rows


def return_rows_zh():
    t = TEXT["zh"]
    rows = []
    for r in RETURNS:
        for sku in r["skus"]:
            rows.append([r["id"], r["order"]["id"], "buyer%d" % r["order"]["n"], "马克杯", sku, t["return_reasons"][r["reason"]],
                         "退货退款" if r["type"] == "return" else "仅退款", "已完成", 1, zh_time(r["requested"]),
                         zh_time(r["decided"]), zh_time(r["received"]), zh_time(r["inspected"]), ""])
    return rows


def review_rows(header, fmt):
    rows = [header]
    for r in REVIEWS:
        rows.append([r["order"]["id"], r["sku"], r["rating"], fmt(r["created"]), "fbt_logistics" if r["fbt"] else ""])
    return rows


def chat_rows(header, fmt):
    rows = [header]
    for c in CHATS:
        rows.append([c["id"], fmt(c["ended"]), c["rating"] or ""])
    return rows


def write(path, text, encoding="utf-8", bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


def main():
    ex = os.path.join
    write(ex(HERE, "dataset_en.json"), twin("en"))
    write(ex(HERE, "dataset_zh.json"), twin("zh"))
    write(ex(HERE, "shop.json"), json.dumps(SHOP, indent=1) + "\n")

    # us_bom_crlf
    d = ex(HERE, "us_bom_crlf")
    write(ex(d, "orders.csv"), table([EN_ORDER_HEADER, EN_ORDER_DESCRIPTIONS] + order_rows_en(us, "\t")) + "\r\n\r\n", bom=True)
    write(ex(d, "returns.csv"), table([EN_RETURN_HEADER] + return_rows_en(us, "\t")) + "\r\n", bom=True)
    write(ex(d, "reviews.csv"), table(review_rows(["order_id", "sku", "rating", "created", "flags"], iso)), bom=True)
    write(ex(d, "chats.csv"), table(chat_rows(["id", "ended", "rating"], iso)), bom=True)
    write(ex(d, "exclusions.txt"), "".join("%s %s\n" % e for e in EXCLUSIONS))

    # zh_gb18030
    d = ex(HERE, "zh_gb18030")
    write(ex(d, "orders.csv"), table([ZH_ORDER_HEADER] + order_rows_zh()), "gb18030")
    write(ex(d, "returns.csv"), table([ZH_RETURN_HEADER] + return_rows_zh()), "gb18030")
    write(ex(d, "reviews.csv"), table(review_rows(["订单号", "SKU ID", "评分", "评价时间", "标记"], zh_time)), "gb18030")
    write(ex(d, "chats.csv"), table(chat_rows(["会话ID", "结束时间", "评分"], zh_time)), "gb18030")
    zh_reason = {"fraud": "刷单", "sample": "达人样品", "gift": "赠品"}
    write(ex(d, "exclusions.csv"), table([["订单号", "原因"]] + [[i, zh_reason[r]] for i, r in EXCLUSIONS]), "gb18030")

    # tsv
    d = ex(HERE, "tsv")
    write(ex(d, "orders.tsv"), table([EN_ORDER_HEADER] + order_rows_en(us), "\t", "\n"))
    write(ex(d, "returns.tsv"), table([EN_RETURN_HEADER] + return_rows_en(us), "\t", "\n"))
    write(ex(d, "reviews.tsv"), table(review_rows(["Order ID", "SKU ID", "Star", "Review Time", "flags"], us), "\t", "\n"))
    write(ex(d, "chats.tsv"), table(chat_rows(["Chat ID", "End Time", "Rating"], us), "\t", "\n"))
    write(ex(d, "exclusions.tsv"), table([["Order ID", "Reason"]] + [list(e) for e in EXCLUSIONS], "\t", "\n"))

    # semicolon_day_first
    d = ex(HERE, "semicolon_day_first")
    write(ex(d, "orders.csv"), table([EN_ORDER_HEADER] + order_rows_en(day_first), ";"))
    write(ex(d, "returns.csv"), "sep=;\r\n" + table([EN_RETURN_HEADER] + return_rows_en(day_first), ";"))
    write(ex(d, "reviews.csv"), table(review_rows(["Order ID", "SKU ID", "Rating", "Review Time", "Flags"], day_first), ";"))
    write(ex(d, "chats.csv"), table(chat_rows(["Session ID", "Session End Time", "Satisfaction"], day_first), ";"))
    write(ex(d, "exclusions.csv"), table([list(e) for e in EXCLUSIONS], ";"))

    # malformed: each gives one "FILE:ROW:COLUMN: expected ..." error (test_ingest_malformed.cpp)
    d = ex(HERE, "malformed")
    good = order_rows_en(us, "\t")[:16]
    header = EN_ORDER_HEADER
    col = header.index
    no_created = [[c for i, c in enumerate(r) if i != col("Created Time")] for r in [header] + good[:3]]
    write(ex(d, "missing_column.csv"), table(no_created))
    bad_date = [list(r) for r in good]
    bad_date[11][col("Delivered Time")] = "31/31/2026"  # row 14: header, description, 11 rows before it
    write(ex(d, "bad_date.csv"), table([header, EN_ORDER_DESCRIPTIONS] + bad_date))
    last = [str(c) for c in good[4]]
    last[col("Product Name")] = '"Bamboo spoon'  # opens a quote that nothing closes: row 6
    unterminated = table([header] + good[:4]) + ",".join(last) + "\r\n"
    write(ex(d, "unterminated_quote.csv"), unterminated)
    latin1 = table([header] + good[:5]).replace("R. Doe", "R. Do\u00e9", 1)
    write(ex(d, "latin1.csv"), latin1, "latin-1")  # 0xE9 then ',': neither UTF-8 nor GB18030
    write(ex(d, "empty.csv"), "")
    write(ex(d, "blank_lines.csv"), "\r\n\r\n  \r\n")
    import random
    rnd = random.Random(4)
    with open(ex(d, "garbage.bin"), "wb") as f:
        f.write(bytes(rnd.randrange(256) for _ in range(3000)))
    write(ex(d, "second_header.csv"), table([header, header] + good[:3]))
    write(ex(d, "second_header_zh.csv"), table([header, ZH_ORDER_HEADER[:len(header)]] + good[:3]))
    mixed = [list(r) for r in good]
    mixed[1][col("Delivered Time")] = "25/11/2026 03:00:00 PM"  # the file is month-first (row 2 has 13 Oct... )
    write(ex(d, "mixed_date_order.csv"), table([header] + mixed))
    number_id = [list(r) for r in good[:4]]
    number_id[3][col("Order ID")] = "5.77123456789E+17"
    write(ex(d, "number_id.csv"), table([header] + number_id))
    write(ex(d, "zip_as_text.csv"), "PK\x03\x04\x14\x00\x00\x00")
    write(ex(d, "ambiguous_dates.csv"), table([["Order ID", "Created Time", "Delivered Time"],
                                               ["A1", "03/04/2026 09:30:00 AM", "03/06/2026 10:00:00 AM"],
                                               ["A2", "05/05/2026 09:30:00 AM", "06/05/2026 10:00:00 AM"]]))

    # xlsx: the orders sheet through a real spreadsheet writer
    d = ex(HERE, "xlsx")
    for name in ("returns.csv", "reviews.csv", "chats.csv", "exclusions.txt"):
        os.makedirs(d, exist_ok=True)
        shutil.copy(ex(HERE, "us_bom_crlf", name), ex(d, name))
    if "--xlsx" in sys.argv and shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as tmp:
            src = ex(tmp, "OrderSKUList.csv")  # the sheet takes the file's name
            write(src, table([EN_ORDER_HEADER] + order_rows_en(us), ",", "\n"))
            # CSV filter: comma, '"', UTF-8 (76), from line 1, column 1 (Order ID) as text (2), US dates.
            subprocess.run(["soffice", "--headless", "--infilter=CSV:44,34,76,1,1/2/6/2,1033", "--convert-to",
                            "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, src], check=True, capture_output=True,
                           env=dict(os.environ, HOME=tmp))
            shutil.copy(ex(tmp, "OrderSKUList.xlsx"), ex(d, "orders.xlsx"))


if __name__ == "__main__":
    main()
    import make_shape_fixtures  # the issue-8 shape sets, written from the description
    make_shape_fixtures.main()
