// The fixed numbers of the rules (docs/rules.md), each defined once. The editable [model] numbers
// live in the profile (profile.h); these are the ones no profile changes. The page reads them
// through the WebAssembly `meta()` (meta.h), so no copy of them lives in JavaScript.
#pragma once

#include <array>

namespace shopscore {

// docs/rules.md §13: an official score needs at least 30 delivered, non-excluded orders in the
// 90-day window.
constexpr int kGateOrders = 30;
constexpr int kGateWindowDays = 90;

// docs/rules.md §20: the SPS thresholds of the benefits, lowest first; goal seek's default targets.
constexpr std::array<double, 3> kBenefitTiers = {2.5, 3.5, 4.0};

// docs/rules.md §26: a metric's gain is the SPS increase if it alone scored max(score, 4.0); the
// largest gain of at least 0.05 is the key opportunity; any other metric below 3.5 needs attention.
constexpr double kPriorityTarget = 4.0;
constexpr double kKeyOpportunityMinGain = 0.05;
constexpr double kNeedsAttentionBelow = 3.5;

}  // namespace shopscore
