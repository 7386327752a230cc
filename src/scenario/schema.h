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
  std::string_view choices = {};  // kChoice: the accepted words, separated by '|'
};

// Every key the scenario format knows, parents before children.
std::span<const KeySpec> scenario_keys();

// The spec of a dotted path, or nullptr.
const KeySpec* find_key(std::string_view path);

}  // namespace ssproj::scenario
