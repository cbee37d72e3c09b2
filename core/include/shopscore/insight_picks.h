// The two insight lines the report and the batch row carry (issue 12's goal seek and forecast):
// what one metric must reach for the next score target, and the forecast's next threshold date.
#pragma once

#include <optional>

#include "shopscore/result.h"

namespace shopscore {

// The lowest goal-seek target the SPS does not reach today, sought on the key opportunity (else
// the metric with the largest gain). Null without insights, an official score or such a target.
struct GoalPick {
    double target = 0;
    const GoalSeekMetric* metric = nullptr;
};
std::optional<GoalPick> next_goal(const Result& result);

// The forecast's first threshold event in one scenario (0 clean, 1 steady): the earliest day the
// SPS reaches or loses a benefit threshold.
struct ThresholdEvent {
    double threshold = 0;
    bool reached = false;  // false: lost
    Day day = kNoDay;
};
std::optional<ThresholdEvent> next_threshold(const Result& result, int scenario);

}  // namespace shopscore
