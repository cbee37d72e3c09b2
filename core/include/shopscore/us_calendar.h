// US federal holidays as observed and business-day arithmetic for deliver-by dates.
#pragma once

#include "shopscore/time.h"

namespace shopscore {

// True when `d` is an observed US federal holiday: the eleven fixed and floating holidays of
// 5 U.S.C. 6103; one falling on a Saturday is observed the Friday before, on a Sunday the
// Monday after (so 2027-12-24 is a holiday because 2027-12-25 is a Saturday).
bool is_us_federal_holiday(Day d);

// Not a Saturday, Sunday or observed federal holiday.
bool is_us_business_day(Day d);

// The n-th business day after `start` (start itself never counts).
Day add_us_business_days(Day start, int n);

}  // namespace shopscore
