// The scenario file's keys, in one place: type, range, default, units and meaning.
//
// Validation, `ssproj describe` (defaults filled in) and the documentation test (every key is
// in docs/scenario-reference.md) all read this list.
#pragma once

#include <limits>
#include <span>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/keys.h"
#include "core/range.h"

namespace ssproj::scenario {

using core::as_number;
using core::as_year_key;
using core::Binding;
using core::closest_match;
using core::describe_value;
using core::Diagnostics;
using core::entry_field;
using core::EntryParts;
using core::field;
using core::field_at;
using core::in_list;
using core::KeySpec;
using core::kFactor;
using core::kGrowth;
using core::Kind;
using core::kInterpolationKey;
using core::kKipPerUnit;
using core::kKipTotal;
using core::kMinimumWages;
using core::kNone;
using core::kPersons;
using core::kShare;
using core::kStatusChoices;
using core::kUnbounded;
using core::kYear;
using core::kYearOrNever;
using core::parameter;
using core::Range;
using core::schedule_from_node;
using core::target_field;

// Stores every bound key of the scenario (not of table-array elements): its value in
// `document`, or its default.
void read_bound_keys(const toml::table& document, Scenario& s);
// Stores every bound key of element `element` of the table array `array` ("interventions")
// that applies to the entry's type: its value in the element, or its default for the type.
void read_bound_element_keys(const toml::table& element, std::string_view array, Intervention& iv);

// The intervention types with targeting keys ("a|b|..."), from the flags of the types
// (interventions/types.h); with voluntary_only, those of them that act on the voluntary path.
const std::string& targeted_type_names(bool voluntary_only);

// Every key the scenario format knows, parents before children.
std::span<const KeySpec> scenario_keys();

// The spec of a dotted path, or nullptr.
const KeySpec* find_key(std::string_view path);

// The numeric values of a resolved scenario (Scenario::resolved_toml) that come nearest the
// upper bound of their key, at least `min_share` of it, largest share first, at most `count`
// of them, as "key = value (at most BOUND)". For the message of a projection that overflowed:
// with every key bounded, it names the inputs that pushed it there.
std::vector<std::string> values_nearest_bounds(const std::string& resolved_toml, std::size_t count,
                                               double min_share = 0.01);

// The spec of a key of a table-array element of type `type` ("interventions.turnout" for a
// mobile_registration entry), or nullptr when the key does not apply to that type.
const KeySpec* find_element_key(std::string_view path, std::string_view type);

}  // namespace ssproj::scenario
