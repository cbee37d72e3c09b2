#!/usr/bin/env bash
# The orders reader asks for each order's ID-index slot ahead (Dataset::prefetch_order): a speed
# the results cannot show. GCC 12 once dropped the prefetch without a word (docs/performance.md
# "The run of new IDs"), so on x86-64 this checks the instruction is in the built code: in the
# orders mapper's per-row function and in its merge of a later slice.
#   prefetch_check.sh path/to/shopscore
set -euo pipefail
bin=$1
count_in() {  # prefetch instructions in the functions whose demangled name contains $1
  objdump -d -C --no-show-raw-insn "$bin" | awk -v name="$1" '
    /^[0-9a-f]+ <.*>:$/ { inside = index($0, name) > 0 }
    inside && /prefetch/ { n++ }
    END { print n + 0 }'
}
status=0
for fn in 'OrdersMapper::map(' 'OrdersMapper::absorb('; do
  n=$(count_in "$fn")
  if [ "$n" -lt 1 ]; then
    echo "prefetch_check: no prefetch instruction in $fn (the compiler dropped Dataset::prefetch_order)" >&2
    status=1
  else
    echo "prefetch_check: $fn has $n prefetch instruction(s)"
  fi
done
exit $status
