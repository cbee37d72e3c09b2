// The words of the text report in English and Chinese. Metric and dimension names are Seller
// Center's own (the US guide "店铺体验分指南" and its English page), so a seller finds the same
// names in both places. Templates use {name} placeholders filled by fill().
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "shopscore/profile.h"

namespace shopscore::cli {

enum class Lang { en, zh };

struct Labels {
    const char* title;
    const char* meta;  // {date} {profile}
    const char* sps;
    const char* unrounded;  // {value}
    const char* no_sps;
    const char* scored;       // {n}
    const char* provisional;  // {need} {n} {gate}
    const char* shop_protected;
    const char* settlement;  // {days}: window-style day count
    const char* no_official_score;
    const char* dimensions;
    const char* metrics;
    const char* col_dimension;
    const char* col_metric;
    const char* col_value;
    const char* col_count;
    const char* col_window;
    const char* col_score;
    const char* col_weight;
    const char* col_poor;
    const char* col_good;
    const char* col_notes;
    const char* window;  // {d}
    const char* one_day;
    const char* hours;   // {h}
    const char* no_data;
    const char* protected_from;  // {raw}
    const char* benefits;        // {value}
    const char* tier;            // {v}
    const char* reached;
    const char* not_reached;
    const char* eligible;
    const char* not_eligible;
    const char* unknown;
    const char* missing;  // {list}
    const char* ladder;
    const char* fix_first;
    const char* key_opportunity;
    const char* needs_attention;
    const char* gain;  // {gain}
    const char* nothing_stands_out;
    const char* goal;           // {target} {metric} {limit} {denominator} {current}
    const char* goal_otdr;      // same
    const char* goal_aht;       // {target} {metric} {value} {current}
    const char* goal_unreachable;  // {target} {metric}
    const char* forecast_clean;    // {event}
    const char* forecast_steady;   // {event}
    const char* event_reached;     // {threshold} {date}
    const char* event_lost;        // {threshold} {date}
    const char* event_none;
    const char* warnings;
    const char* no_warnings;
    const char* examples;  // {list}
    const char* list_sep;
    std::array<const char*, kDimensionCount> dimension_names;
    std::array<const char*, kMetricCount> metric_names;
};

const Labels& labels(Lang lang);

// Name of a benefit id ("flash_deals") or of a missing input ("reputation_points"); the id
// itself when unknown, so a benefit added to the core still shows.
std::string benefit_name(Lang lang, std::string_view id);
std::string input_name(Lang lang, std::string_view id);

// The warning in the report's language: Chinese for the codes known here, else the core's
// English message. `count` is the warning's count.
std::string warning_text(Lang lang, const Warning& warning);

// "a {x} b" with {x} replaced by its value.
std::string fill(std::string_view text, std::initializer_list<std::pair<const char*, std::string>> values);

}  // namespace shopscore::cli
