// `shopscore score --format text`: the result as a report a seller reads in a terminal.
#pragma once

#include <string>

#include "labels.h"
#include "shopscore/profile.h"
#include "shopscore/result.h"

namespace shopscore::cli {

// `profile` is the one the result was scored with (its benchmarks are the 1- and 4-point lines).
// `colour`: ANSI colours, for a terminal only.
// `insight_lines`: add the goal-seek line and the forecast's threshold dates (--insights).
std::string text_report(const Result& result, const Profile& profile, Lang lang, bool colour, bool insight_lines);

// Whether stdout gets colour: a terminal, and NO_COLOR unset or empty (no-color.org).
bool stdout_wants_colour();

}  // namespace shopscore::cli
