#!/usr/bin/env bash
# The CLI's contract (docs/rules.md §24): exit codes, one-line errors naming the file and field, options.
#   tests/cli/cli_test.sh PATH/TO/shopscore tests/data
set -uo pipefail
cli=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect EXIT_CODE STDERR_PREFIX -- ARGS...: runs the CLI, checks the exit code and that stderr is
# exactly one line starting with STDERR_PREFIX (empty prefix: stderr must be empty).
expect() {
  local code=$1 prefix=$2
  shift 3
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$code" ] || fail "shopscore $* exited $got, expected $code ($(head -c 300 "$tmp/err"))"
  if [ -z "$prefix" ]; then
    [ ! -s "$tmp/err" ] || fail "shopscore $* wrote to stderr: $(head -c 300 "$tmp/err")"
  else
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "shopscore $*: stderr is not one line: $(cat "$tmp/err")"
    case "$(cat "$tmp/err")" in
      "$prefix"*) ;;
      *) fail "shopscore $*: stderr '$(cat "$tmp/err")' does not start with '$prefix'" ;;
    esac
  fi
}

expect 0 "" -- --version
grep -qx "shopscore [0-9.]*" "$tmp/out" || fail "--version printed '$(cat "$tmp/out")'"
expect 0 "" -- --help
grep -q "shopscore score DATASET.json" "$tmp/out" || fail "--help lacks the usage line"

# A good dataset: the result schema with all six metrics and three dimensions.
expect 0 "" -- score "$data/spec-example.json"
for key in '"schema": "shopscore.result/1"' '"as_of": "2026-11-20"' '"nrr"' '"nbfr"' '"otdr"' '"sfcr"' '"imd"' '"aht"' \
           '"product"' '"fulfillment"' '"service"' '"benefits"'; do
  grep -qF "$key" "$tmp/out" || fail "result lacks $key"
done
# The values, worked by hand from docs/rules.md §6-§20 for the one-order example of §22 (as_of 2026-11-20):
#   nrr 1/1 (its only review has 2 stars); nbfr 1/1 ("Damaged" return); otdr 1/1 (delivered 11-06,
#   deliver-by 11-10); sfcr 0/1; imd 0/1 (one 5-star chat); aht 50 h / 1 (decision 11-08 10:00 ->
#   11-09 12:00 = 26 h, plus inspection 11-12 09:00 -> 11-13 09:00 = 24 h).
#   Volume prior k = 10: nrr (1 + 0.12)/11 and nbfr (1 + 0.176)/11 are past `worst` -> 0, so
#   product = 0; otdr (1 + 9.516)/11 = 0.956 -> 4 + 0.0044/0.0484 = 4.090909; sfcr 0.087/11 ->
#   5 - (0.087/11)/0.0087 = 4.090909; imd 1.701/11 -> 4.090909; aht (50 + 265)/11 = 28.636 ->
#   4 - 3 * 2.13636/23.6 = 3.728428; service = (4.090909 + 3.728428)/2 = 3.909669;
#   sps = 0.52 * 4.090909 + 0.24 * 3.909669 = 3.065593 -> "3.1". One delivered order < 30:
#   not_enough_orders, so every benefit is null with "sps" missing and settlement is 8 days.
value() {  # value JS_EXPRESSION_OVER_d EXPECTED: checks one value of the last result
  local got
  got=$(node -e "const d = JSON.parse(require('fs').readFileSync('$tmp/out', 'utf8')); const v = $1; console.log(typeof v === 'number' ? v.toFixed(6) : JSON.stringify(v));") \
    || { fail "could not read $1 from the result"; return; }
  [ "$got" = "$2" ] || fail "result $1 is $got, expected $2"
}
for m in nrr nbfr otdr; do
  value "[d.metrics.$m.numerator, d.metrics.$m.denominator]" "[1,1]"
done
for m in sfcr imd; do
  value "[d.metrics.$m.numerator, d.metrics.$m.denominator]" "[0,1]"
done
value "d.metrics.aht.value" "50.000000"
value "d.dimensions.product.score" "0.000000"
value "d.metrics.otdr.score" "4.090909"
value "d.metrics.sfcr.score" "4.090909"
value "d.metrics.imd.score" "4.090909"
value "d.metrics.aht.score" "3.728428"
value "d.dimensions.service.score" "3.909669"
value "d.sps" "3.065593"
value "d.sps_display" '"3.1"'
value "d.status" '"not_enough_orders"'
value "d.delivered_orders_90d" "1.000000"
value "d.settlement_days" "8.000000"
value "d.benefits.every((b) => b.eligible === null && b.missing.includes('sps'))" "true"
# --metric: one metric typed as Seller Center shows it (docs/scoring.md).
expect 0 "" -- score "$data/no-service-data.json" --metric aht=31.2 --metric "imd=15%:200"
grep -qF '"value": 31.2' "$tmp/out" || fail "--metric aht=31.2 did not set aht"
grep -qF 'metric_no_data' "$tmp/out" && fail "--metric left a metric_no_data warning"
expect 0 "" -- score "$data/no-service-data.json"
grep -qF '"input": "diagnostics"' "$tmp/out" || fail "no metric_no_data warning naming the diagnostics file"
expect 2 "--metric: expected a rate from 0 to 100 %" -- score "$data/no-service-data.json" --metric otdr=150
expect 2 "--metric: expected ID=VALUE" -- score "$data/no-service-data.json" --metric bogus
expect 0 "" -- score "$data/spec-example.json" --as-of 2026-11-10
grep -qF '"as_of": "2026-11-10"' "$tmp/out" || fail "--as-of did not set as_of"
# As of 11-10 the item is not yet received (11-12), so only the 26 h decision time counts.
value "d.metrics.aht.value" "26.000000"

# Bad input: exit 2, one line naming the file and the field.
expect 2 "$data/errors/bad-date.json: orders[1].delivered: expected a date-time" -- score "$data/errors/bad-date.json"
expect 2 "$data/errors/wrong-type.json: reviews[0].rating: expected" -- score "$data/errors/wrong-type.json"
expect 2 "$data/errors/syntax-error.json:3:" -- score "$data/errors/syntax-error.json"
expect 2 "$data/errors/empty.json:1:1: expected a JSON document" -- score "$data/errors/empty.json"
expect 2 "$data/errors/bad-enum.json: orders[0].fulfillment: expected one of seller | fbt" -- score "$data/errors/bad-enum.json"
for f in "$data"/errors/*.json; do expect 2 "$f" -- score "$f"; done
expect 2 "$tmp/nope.json: cannot open the file" -- score "$tmp/nope.json"
expect 2 "--as-of: expected a date like 2026-11-20" -- score "$data/spec-example.json" --as-of 2026-13-01
echo '{"opened": "2026-11-21", "as_of": "2026-11-20"}' >"$tmp/late-opened.json"
# Dates that cannot be right (issue 22): exit 2, never a protection or a silent "no data".
expect 2 "options: shop.opened: expected a date on or before as_of (2020-01-01), got 2026-03-01" -- score "$data/spec-example.json" --as-of 2020-01-01
echo '{"opened": "2019-06-01"}' >"$tmp/old-shop.json"
expect 2 "options: as_of: expected a date on or after the first order's creation" -- score "$data/spec-example.json" --shop "$tmp/old-shop.json" --as-of 2020-01-01
expect 2 "options: shop.opened: expected a date on or before as_of (2026-11-20), got 2026-11-21" -- score "$data/spec-example.json" --shop "$tmp/late-opened.json"
expect 2 "shopscore: unknown option --bogus" -- score "$data/spec-example.json" --bogus
expect 2 "shopscore: give a DATASET.json or --orders FILE" -- score
expect 2 "shopscore: unknown command" -- frobnicate

# A profile file is checked like a dataset, and its numbers are used.
echo '{"id": "strict", "benchmarks": {"nrr": {"good": 0.03, "poor": 0.01}}}' >"$tmp/bad-profile.json"
expect 2 "$tmp/bad-profile.json: benchmarks.nrr: expected 0 < good < poor" -- score "$data/spec-example.json" --profile "$tmp/bad-profile.json"
echo '{"id": "mine", "volume_prior": 0}' >"$tmp/profile.json"
expect 0 "" -- score "$data/spec-example.json" --profile "$tmp/profile.json"
grep -qF '"profile": "mine"' "$tmp/out" || fail "--profile was not used"
grep -qF '"adjusted_value": 1,' "$tmp/out" || fail "volume_prior 0 should leave nrr's adjusted value at 1"
value "d.metrics.nrr.adjusted_value" "1.000000"
# Without the prior otdr's 1/1 scores 5 and sfcr's 0/1 scores 5: fulfillment 5.
value "d.dimensions.fulfillment.score" "5.000000"

# Output formats (issue 13): json stays the default; text and csv; bad values are usage errors.
expect 0 "" -- score "$data/spec-example.json" --format json
cmp -s "$tmp/out" <("$cli" score "$data/spec-example.json") || fail "--format json differs from the default output"
expect 0 "" -- score "$data/spec-example.json" --format text --lang zh
grep -q "店铺体验分" "$tmp/out" || fail "--format text --lang zh is not in Chinese"
grep -q $'\033' "$tmp/out" && fail "--format text wrote colour codes to a pipe"
expect 0 "" -- score "$data/spec-example.json" --format csv
[ "$(head -c 3 "$tmp/out")" = $'\xEF\xBB\xBF' ] || fail "--format csv lacks the UTF-8 BOM"
[ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "--format csv is not a header and one row"
grep -q "^spec-example,2026-11-20,default,not_enough_orders,1," "$tmp/out" || fail "--format csv row: $(tail -1 "$tmp/out")"
expect 2 "shopscore: --format expects json, text or csv, got yaml" -- score "$data/spec-example.json" --format yaml
expect 2 "shopscore: --lang expects en or zh, got fr" -- score "$data/spec-example.json" --format text --lang fr
expect 2 "$data/errors/bad-date.json: orders[1].delivered: expected a date-time" -- score "$data/errors/bad-date.json" --format text
expect 2 "shopscore: batch needs a DIR of shop folders or a LIST file" -- batch
expect 2 "shopscore: unknown option --bogus" -- batch "$data" --bogus
grep -q "shopscore batch DIR|LIST" <("$cli" --help) || fail "--help lacks the batch command"
# Colour only on a terminal (script(1) gives the CLI one), and never with NO_COLOR set.
if command -v script >/dev/null; then
  script -qc "'$cli' score '$data/spec-example.json' --format text" /dev/null >"$tmp/tty" </dev/null
  grep -q $'\033\[1m' "$tmp/tty" || fail "--format text on a terminal has no colour"
  NO_COLOR=1 script -qc "'$cli' score '$data/spec-example.json' --format text" /dev/null >"$tmp/tty" </dev/null
  grep -q $'\033' "$tmp/tty" && fail "NO_COLOR=1 still gave colour"
  # batch draws a progress line on a terminal's stderr only.
  mkdir -p "$tmp/shops/a" && cp "$data"/exports/tsv/* "$data/exports/shop.json" "$tmp/shops/a/"
  script -qc "'$cli' batch '$tmp/shops' --out-csv '$tmp/shops.csv'" /dev/null >"$tmp/tty" </dev/null
  grep -q "shopscore batch: 1/1 shops" "$tmp/tty" || fail "batch on a terminal drew no progress line"
  "$cli" batch "$tmp/shops" --out-csv "$tmp/shops.csv" 2>"$tmp/err"
  [ -s "$tmp/err" ] && fail "batch wrote to a non-terminal stderr: $(cat "$tmp/err")"
fi

# --date-order states how slash dates are written (docs/exports.md "Dates"): 03/04/2026 with AM/PM
# reads month-first by default (4 March -> created that day, as_of 2026-03-04); stated dmy it is
# 3 April (as_of 2026-04-03). A value other than mdy/dmy is bad input.
printf 'Order ID,Created Time\nA1,03/04/2026 10:00 AM\n' >"$tmp/ambiguous.csv"
expect 0 "" -- score --orders "$tmp/ambiguous.csv"
grep -qF '"as_of": "2026-03-04"' "$tmp/out" || fail "ambiguous AM/PM dates should read month-first"
grep -qF '"code": "ambiguous_dates"' "$tmp/out" || fail "the ambiguity should be named"
expect 0 "" -- score --orders "$tmp/ambiguous.csv" --date-order dmy
grep -qF '"as_of": "2026-04-03"' "$tmp/out" || fail "--date-order dmy was not used"
grep -qF '"basis": "option"' "$tmp/out" || fail "the stated order should be named as the basis"
expect 2 "--date-order: expected mdy or dmy, got \"ymd\"" -- score --orders "$tmp/ambiguous.csv" --date-order ymd
# ... and with a dataset JSON too, whose ISO dates need no order: a typo is not taken in silence.
expect 2 "--date-order: expected mdy or dmy, got \"ymd\"" -- score "$data/busy-shop.json" --date-order ymd
expect 0 "" -- score "$data/busy-shop.json" --date-order dmy
# Issue 8 bug 2: a returns row whose second date decides the order exits 0 (it exited 1).
expect 0 "" -- score --orders "$data/exports/pending_dates/orders.csv" --returns "$data/exports/pending_dates/returns.csv"
grep -qF '"as_of": "2026-11-14"' "$tmp/out" || fail "pending_dates: as_of should be the last delivery"

# --csv TABLE --lang zh: the table the Chinese page downloads (docs/insights.md "CSV"): Chinese
# column names, the core's values worded (regular -> 普通订单, return -> 退货退款, (unknown) -> 未知),
# order IDs, numbers, dates and the seller's reason texts as they are; the UTF-8 BOM in front.
# The English rows of struggling-shop.json, worded by hand from core/src/diagnostics_labels.json:
#   late_orders        O3-90,regular,6,2026-12-11,2026-12-17 21:12,6,,
#   returns_by_product (unknown),142,9,0.06338,Damaged (4); 破损 (3); Item not as described (2)
#   unmapped_reasons   return,Wrong size ordered,4
bom=$'\xEF\xBB\xBF'
expect 0 "" -- score "$data/struggling-shop.json" --lang zh --csv late_orders
[ "$(head -2 "$tmp/out")" = "${bom}订单,类型,时效（工作日）,最晚送达,送达时间,延迟天数,物流商,仓库"$'\r\n'"O3-90,普通订单,6,2026-12-11,2026-12-17 21:12,6,,"$'\r' ] ||
  fail "--csv late_orders --lang zh: $(head -2 "$tmp/out")"
expect 0 "" -- score "$data/struggling-shop.json" --csv returns_by_product --lang zh
[ "$(sed -n 2p "$tmp/out")" = "未知,142,9,0.06338,Damaged (4); 破损 (3); Item not as described (2)"$'\r' ] ||
  fail "--csv returns_by_product --lang zh: $(sed -n 2p "$tmp/out")"
# --csv trend (issue 22): each trend day scored or provisional (under the 30-order gate), as the
# JSON's trend says; busy-shop.json starts with days under the gate.
expect 0 "" -- score "$data/busy-shop.json" --insights
node -e 'const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).insights.trend; console.log(t.map((d) => d.date + "," + (d.provisional ? "provisional" : "scored")).join("\n"))' "$tmp/out" >"$tmp/trend-json"
expect 0 "" -- score "$data/busy-shop.json" --csv trend
[ "$(head -1 "$tmp/out")" = "${bom}date,sps,status,nrr,nbfr,otdr,sfcr,imd,aht"$'\r' ] || fail "--csv trend header: $(head -1 "$tmp/out")"
tail -n +2 "$tmp/out" | tr -d '\r' | cut -d, -f1,3 >"$tmp/trend-csv"
cmp -s "$tmp/trend-csv" "$tmp/trend-json" || fail "--csv trend days/status differ from the JSON trend"
grep -q ",provisional$" "$tmp/trend-csv" && grep -q ",scored$" "$tmp/trend-csv" || fail "busy-shop.json's trend should have provisional and scored days"
expect 0 "" -- score "$data/busy-shop.json" --csv trend --lang zh
grep -q ",暂估（未达送达订单门槛）," "$tmp/out" || fail "--csv trend --lang zh: provisional not worded"
expect 0 "" -- score "$data/struggling-shop.json" --csv unmapped_reasons --lang zh
[ "$(cat "$tmp/out")" = "${bom}类别,原因,次数"$'\r\n'"退货退款,Wrong size ordered,4"$'\r' ] ||
  fail "--csv unmapped_reasons --lang zh: $(cat "$tmp/out")"
# Without --lang zh the ids stay, byte for byte what scripts read before.
expect 0 "" -- score "$data/struggling-shop.json" --csv unmapped_reasons
[ "$(cat "$tmp/out")" = "${bom}kind,reason,count"$'\r\n'"return,Wrong size ordered,4"$'\r' ] ||
  fail "--csv unmapped_reasons: $(cat "$tmp/out")"

# calibrate (docs/cli.md, docs/calibration.md): the fitted profile is written to --out and scores
# every reading as Seller Center showed it; the report says so. Bad snapshot units exit 2 naming
# the field; --seller-center and --out are required.
snaps="$data/calibration/busy-shop-snapshots.json"
expect 0 "" -- calibrate "$data/busy-shop.json" --seller-center "$snaps" --out "$tmp/fitted.json"
grep -qF 'Matches your Seller Center readings of 2026-10-30, 2026-11-06, 2026-11-13, 2026-11-20' "$tmp/out" ||
  fail "calibrate: the worked example should match every reading"
for day in 2026-10-30 2026-11-06 2026-11-13 2026-11-20; do
  shown=$(python3 -c "import json,sys; print([s['sps'] for s in json.load(open(sys.argv[1])) if s['as_of']==sys.argv[2]][0])" "$snaps" "$day")
  expect 0 "" -- score "$data/busy-shop.json" --profile "$tmp/fitted.json" --as-of "$day"
  grep -qF "\"sps_display\": \"$shown\"" "$tmp/out" || fail "calibrate: score --profile on $day should show $shown"
done
expect 0 "" -- calibrate "$data/busy-shop.json" --seller-center "$snaps" --out "$tmp/fitted2.json" --format json
grep -qF '"matches": true' "$tmp/out" || fail "calibrate --format json: matches should be true"
cmp -s "$tmp/fitted.json" "$tmp/fitted2.json" || fail "calibrate: the profile should not depend on --format"
printf '{"data": {"metrics": [{"metric_code": "AHT", "value": "31.2", "value_unit": "PERCENT"}]}}' >"$tmp/bad-unit.json"
expect 2 "$tmp/bad-unit.json: data.metrics[0].value: expected hours (value_unit HOURS)" -- calibrate "$data/busy-shop.json" --seller-center "$tmp/bad-unit.json" --out "$tmp/x.json"
expect 2 "shopscore: give --out PROFILE.json" -- calibrate "$data/busy-shop.json" --seller-center "$snaps"
expect 2 "shopscore: give --seller-center SNAP.json" -- calibrate "$data/busy-shop.json" --out "$tmp/x.json"

# score --jobs (issue 21): an orders export read in slices on threads gives the same bytes as one
# pass. The fixtures are small, so slices of any size are allowed here (SHOPSCORE_MIN_SLICE_BYTES);
# SHOPSCORE_REPORT_SLICES makes the CLI say on stderr how each file was read.
split=0
for orders in "$data"/exports/*/orders.csv "$data"/exports/*/orders.tsv; do
  dir=$(dirname "$orders")
  shop="$dir/shop.json"
  [ -f "$shop" ] || shop="$data/exports/shop.json"
  "$cli" score --orders "$orders" --shop "$shop" --insights --jobs 1 >"$tmp/one" 2>"$tmp/one.err"
  one=$?
  for jobs in 2 3; do
    SHOPSCORE_MIN_SLICE_BYTES=1 SHOPSCORE_REPORT_SLICES=1 "$cli" score --orders "$orders" --shop "$shop" --insights --jobs $jobs \
      >"$tmp/many" 2>"$tmp/many.err"
    many=$?
    [ "$many" -eq "$one" ] || fail "score --jobs $jobs $orders exited $many, --jobs 1 exited $one"
    cmp -s "$tmp/one" "$tmp/many" || fail "score --jobs $jobs $orders: the result differs from --jobs 1"
    sed '/ slice(s)/d; / slice CPU s /d' "$tmp/many.err" | cmp -s "$tmp/one.err" - || fail "score --jobs $jobs $orders: stderr differs from --jobs 1"
    grep -q "^$orders: [2-9] slice(s)\$" "$tmp/many.err" && split=$((split + 1))
  done
done
[ "$split" -ge 16 ] || fail "score --jobs: only $split fixture runs were read in slices"

# The restart with glibc's malloc tunables (cli/malloc_tunables.cpp, docs/cli.md "Memory pages")
# changes nothing but speed: the same bytes, stderr and exit code as without it
# (SHOPSCORE_RESTARTED=1 turns it off), for a dataset, an export set read on two threads with
# insights, a bad file and batch.
orders="$data/exports/us_bom_crlf/orders.csv"
for args in "score $data/spec-example.json --format text" \
            "score --orders $orders --shop $data/exports/shop.json --insights --jobs 2" \
            "score $data/errors/bad-date.json" \
            "batch $data/exports --format json"; do
  # shellcheck disable=SC2086  # the arguments are split on purpose
  env -u SHOPSCORE_RESTARTED "$cli" $args >"$tmp/restarted" 2>"$tmp/restarted.err"
  a=$?
  # shellcheck disable=SC2086
  SHOPSCORE_RESTARTED=1 "$cli" $args >"$tmp/as-is" 2>"$tmp/as-is.err"
  b=$?
  [ "$a" -eq "$b" ] || fail "shopscore $args: exit $a with the restart, $b without"
  cmp -s "$tmp/restarted" "$tmp/as-is" || fail "shopscore $args: stdout differs with and without the restart"
  cmp -s "$tmp/restarted.err" "$tmp/as-is.err" || fail "shopscore $args: stderr differs with and without the restart"
done

if [ "$failures" -ne 0 ]; then
  echo "$failures CLI check(s) failed"
  exit 1
fi
echo "CLI checks passed"
