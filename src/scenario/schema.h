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
#include "core/range.h"
#include "scenario/binding.h"

namespace ssproj::scenario {

using core::closest_match;
using core::describe_value;
using core::Diagnostics;
using core::Range;

enum class Kind {
  kTable,             // a [section]
  kInteger,           // a TOML integer
  kNumber,            // a TOML integer or float
  kNumberOrSchedule,  // a number, or a table of years -> number (see Schedule)
  kString,            // a TOML string
  kPath,              // a TOML string naming a file, relative to the file it is written in
  kChoice,            // a TOML string, one of KeySpec::choices
  kNamedSchedules,    // a table of NAME = number-or-schedule (names checked against data)
  kNumberList,        // an array of numbers, each in range
  kIntegerList,       // an array of integers, each in range
  kStringList,        // an array of strings (each one of KeySpec::choices when given)
  kTableArray,        // an array of tables ([[name]]); its keys are "name.KEY" specs
};

struct KeySpec {
  std::string_view path;  // dotted: "projection.sample_fraction"
  Kind kind;
  bool required = false;
  std::string_view default_toml = {};  // the default as TOML text; empty when required or none
  Range range = {};
  std::string_view units = {};
  // What the key means: the comment of `ssproj describe` and the meaning column of the
  // scenario reference.
  std::string_view description = {};
  std::string_view choices = {};  // kChoice, kStringList: the accepted words, separated by '|'
  // Keys of the elements of a table array ("interventions.KEY"): the values of the element's
  // `type` the key applies to, separated by '|'; empty: every type. One key may have several
  // specs for disjoint sets of types (different defaults or ranges).
  std::string_view types = {};
  // For the scenario reference: conditions beyond the range or the choices ("at most
  // age_max"), and what an absent key without a default means ("(no interventions)").
  std::string_view range_note = {};
  std::string_view default_note = {};
  // The field the value goes to; unbound keys (data paths, names that refer to data tables,
  // an entry's type) are read where the scenario is loaded, with their cross-checks.
  Binding bind = {};
};

// Ranges and word lists that several keys share.
inline constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
inline constexpr Range kYear{1900, 2300, false, false};  // calendar years the format accepts
inline constexpr Range kUnbounded{};
inline constexpr Range kNonNegative{0, kNone, false, false};
inline constexpr Range kShare{0, 1, false, false};
inline constexpr Range kGrowth{-1, kNone, true, false};  // an annual rate of change above -100%
inline constexpr Range kYearOrNever{0, 2300, false, false};
inline constexpr std::string_view kStatusChoices =
    "inactive|unemployed|public_employee|formal_private_employee|informal_employee|"
    "domestic_worker|own_account|contributing_family";

// Every key the scenario format knows, parents before children.
std::span<const KeySpec> scenario_keys();

// The spec of a dotted path, or nullptr.
const KeySpec* find_key(std::string_view path);

// The spec of a key of a table-array element of type `type` ("interventions.turnout" for a
// mobile_registration entry), or nullptr when the key does not apply to that type.
const KeySpec* find_element_key(std::string_view path, std::string_view type);

// Whether `word` is one of the '|'-separated words of `list`.
bool in_list(std::string_view list, std::string_view word);

}  // namespace ssproj::scenario
