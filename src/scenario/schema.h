// The scenario file's keys, in one place: type, range, default, units and meaning.
//
// Validation, `ssproj describe` (defaults filled in) and the documentation test (every key is
// in docs/scenario-reference.md) all read this list.
#pragma once

#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace ssproj::scenario {

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

// Bounds of a numeric key; NaN means unbounded on that side.
struct Range {
  double min = std::numeric_limits<double>::quiet_NaN();
  double max = std::numeric_limits<double>::quiet_NaN();
  bool min_open = false;  // true: min itself is excluded
  bool max_open = false;

  bool contains(double x) const;
  // "a number in (0, 1]", "an integer >= 1", ...
  std::string expected(bool integer) const;
};

struct KeySpec {
  std::string_view path;  // dotted: "projection.sample_fraction"
  Kind kind;
  bool required;
  std::string_view default_toml;  // the default as TOML text; empty when required or a table
  Range range;
  std::string_view units;
  std::string_view description;
  std::string_view choices = {};  // kChoice, kStringList: the accepted words, separated by '|'
  // Keys of the elements of a table array ("interventions.KEY"): the values of the element's
  // `type` the key applies to, separated by '|'; empty: every type. One key may have several
  // specs for disjoint sets of types (different defaults or ranges).
  std::string_view types = {};
};

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
