// The anchors' query (bench/duckdb-run.mjs, bench/duckdb-wasm-run.mjs): the per-order facts
// ShopScore's orders reader keeps (core/src/ingest/orders_mapper.cpp), computed by SQL over the
// same orders export with read_csv, so that DuckDB does the same reading work ShopScore does.
//
// What it computes, one row per Order ID over its SKU rows, by the rules of docs/exports.md:
//   created     the earliest Created Time; delivered: the latest Delivered Time
//   cancelled   the order is cancelled when a row is (Order Status says cancelled, or it has a
//               Cancelled Time or a Cancel By value) and no row has a Delivered Time; its time is
//               the earliest Cancelled Time of those rows, else its creation
//   cancel_by, cancel_reason   from the least row by (seller < system < buyer < other, no reason,
//               reason), the same whatever the row order
//   fbt         FBT only when every row that names a Fulfillment Type says FBT
//   regular     Normal or Pre-order: regular when any row says Normal
//   category, product, carrier, warehouse   the first in text order
//   returned    Cancelation/Return Type = Return/Refund, or a digit 1-9 in Sku Quantity of return
//               or in Order Refund Amount
//   conflicting rows that disagree on Created, Delivered, Fulfillment Type, type or Cancel By
// The facts are materialised into a table (as ShopScore builds its dataset in memory), then
// counted so that the run can be checked against the generator's order count.
//
// What it does not do, and ShopScore does: find columns by header in 8 languages and tell the
// export's kind, detect the date order (mdy/dmy) and the other time formats (here one fixed
// format: the generator's), apply the shop's UTC offset, know Order Status in every language (here
// English), validate every cell with an error code and row number, count unknown values, and then
// score (the six metrics, SPS, benefits, forecast: a few percent of ShopScore's time). Deliver By
// and handling days are not in the generated file, so neither side reads them. The returns,
// reviews and chats exports are not read by either side (bench/run.mjs scores the orders export).

// 'MM/DD/YYYY hh:mm:ss AM' with Seller Center's trailing tab.
const time = (column) => `try_strptime(rtrim("${column}", chr(9) || ' '), '%m/%d/%Y %I:%M:%S %p')`;

export function factsSql(file) {
  const csv = `read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true, delim = ',', quote = '"')`;
  return `
CREATE OR REPLACE TABLE facts AS
WITH sku_rows AS (
  SELECT
    "Order ID" AS id,
    ${time('Created Time')} AS created,
    ${time('Delivered Time')} AS delivered,
    ${time('Cancelled Time')} AS cancel_time,
    lower(trim("Cancel By")) AS cancel_by,
    coalesce("Cancel Reason", '') AS reason,
    lower("Order Status") IN ('cancelled', 'canceled') OR "Cancelled Time" IS NOT NULL
      OR "Cancel By" IS NOT NULL AS cancelled_row,
    "Fulfillment Type" AS fulfillment,
    "Normal or Pre-order" AS type,
    "Product Category" AS category, "Product Name" AS product,
    "Shipping Provider Name" AS carrier, "Warehouse Name" AS warehouse,
    -- a digit 1-9 anywhere: translate() deletes them, so the text changes (cheaper than a regexp)
    "Cancelation/Return Type" = 'Return/Refund' OR translate("Sku Quantity of return", '123456789', '') <> "Sku Quantity of return"
      OR translate("Order Refund Amount", '123456789', '') <> "Order Refund Amount" AS returned_row
  FROM ${csv}
  WHERE "Order ID" <> 'Order ID of the SKU line.' -- the row of column descriptions under the header
)
SELECT
  id,
  min(created) AS created,
  max(delivered) AS delivered,
  CASE WHEN bool_or(cancelled_row) AND max(delivered) IS NULL
       THEN coalesce(min(cancel_time) FILTER (WHERE cancelled_row), min(created)) END AS cancelled,
  min({'rank': CASE cancel_by WHEN 'seller' THEN 0 WHEN 'system' THEN 1 WHEN 'buyer' THEN 2 ELSE 3 END,
       'no_reason': reason = '', 'reason': reason}) FILTER (WHERE cancelled_row) AS cancel_row,
  coalesce(bool_and(fulfillment LIKE '%TikTok%') FILTER (WHERE fulfillment IS NOT NULL), false) AS fbt,
  coalesce(bool_or(type = 'Normal'), false) AS regular,
  min(category) AS category, min(product) AS product, min(carrier) AS carrier, min(warehouse) AS warehouse,
  bool_or(returned_row) AS returned,
  -- two values seen: the texts compared by their hashes (cheaper than the min and max of a text)
  min(created) <> max(created) OR min(delivered) <> max(delivered) OR min(hash(fulfillment)) <> max(hash(fulfillment))
    OR min(hash(type)) <> max(hash(type)) OR min(hash(cancel_by)) <> max(hash(cancel_by)) AS conflicting
FROM sku_rows
GROUP BY id;
`;
}

// Counts over the facts: the orders (checked against the generator's), and a few totals.
export const SUMMARY_SQL = `SELECT count(*)::INTEGER AS orders, count(cancelled)::INTEGER AS cancelled,
  count(delivered)::INTEGER AS delivered, count(*) FILTER (WHERE fbt)::INTEGER AS fbt,
  count(*) FILTER (WHERE returned)::INTEGER AS returned, count(*) FILTER (WHERE conflicting)::INTEGER AS conflicting,
  count(*) FILTER (WHERE cancel_row.rank = 0)::INTEGER AS cancelled_by_seller FROM facts`;
