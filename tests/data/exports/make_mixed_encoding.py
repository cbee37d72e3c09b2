#!/usr/bin/env python3
"""Writes tests/data/exports/mixed_encoding/ (issue 17): the zh_gb18030 shop re-saved as UTF-8
(no BOM, CRLF, as Excel's "CSV UTF-8" writes it), except that two cells of orders.csv were saved
as GBK, as happens when a cell is pasted in from a GBK file:
  - row 2, 商品名称 (the first data row, inside the encoding probe window),
  - row 40, 取消原因 "缺货" (a seller-fault cancel reason, far into the file: with small chunks it
    arrives long after the encoding was decided).
orders_clean.csv is the same file with those two cells empty: the twin the damaged file must score
as. The other files are the zh_gb18030 ones in UTF-8. Run from anywhere; needs only Python 3.
"""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "zh_gb18030")
OUT = os.path.join(HERE, "mixed_encoding")
BAD_CELLS = [(2, "商品名称"), (40, "取消原因")]  # (spreadsheet row, header), header = row 1


def rows_of(name):
    with open(os.path.join(SRC, name), encoding="gb18030", newline="") as f:
        return list(csv.reader(f))


def write_rows(rows, path, gbk_cells=()):
    """CSV bytes: UTF-8, except the cells in gbk_cells ((record index, column index)) in GBK."""
    out = io.BytesIO()
    for r, row in enumerate(rows):
        cells = []
        for c, cell in enumerate(row):
            if any(ch in cell for ch in ',"\r\n'):
                cell = '"' + cell.replace('"', '""') + '"'
            cells.append(cell.encode("gbk" if (r, c) in gbk_cells else "utf-8"))
        out.write(b",".join(cells) + b"\r\n")
    with open(path, "wb") as f:
        f.write(out.getvalue())


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in ("returns.csv", "reviews.csv", "chats.csv", "exclusions.csv"):
        write_rows(rows_of(name), os.path.join(OUT, name))
    orders = rows_of("orders.csv")
    header = orders[0]
    cells = {(row - 1, header.index(col)) for row, col in BAD_CELLS}
    for r, c in cells:
        assert orders[r][c] and any(ord(ch) > 127 for ch in orders[r][c]), (r, c)
    write_rows(orders, os.path.join(OUT, "orders.csv"), cells)
    clean = [[("" if (r, c) in cells else cell) for c, cell in enumerate(row)] for r, row in enumerate(orders)]
    write_rows(clean, os.path.join(OUT, "orders_clean.csv"))


if __name__ == "__main__":
    main()
