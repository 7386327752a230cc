// Changing keys of a scenario from the command line: `ssproj run ... --set KEY=VALUE`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostics.h"

namespace ssproj::scenario {

enum class SetOperation {
  kAssign,    // KEY=VALUE: VALUE is a TOML value, or a string when it is not valid TOML
  kAdd,       // KEY+=NUMBER
  kMultiply,  // KEY*=NUMBER
};

// One --set argument, split into its parts.
struct SetArgument {
  std::string text;               // the argument as given, "fund.investment_return+=-0.01"
  std::string key;                // the key as written, "fund.investment_return"
  std::vector<std::string> path;  // its segments as TOML reads them: {"fund", "investment_return"}
  SetOperation operation = SetOperation::kAssign;
  std::string value;  // the text after the operator, "-0.01"
};

// The source name of the values of one --set argument: "command line: --set TEXT". Diagnostics
// of those values name it instead of a file, line and column.
std::string set_source_name(std::string_view text);

// Splits "KEY=VALUE", "KEY+=NUMBER" or "KEY*=NUMBER" (spaces around KEY are ignored; KEY is a
// dotted TOML key, whose parts may be quoted). Reports a missing '=', an empty or invalid key
// and an empty value, and returns nothing then.
std::optional<SetArgument> parse_set_argument(std::string_view text,
                                              core::Diagnostics& diagnostics);

// Applies the --set arguments, in order, to the merged scenario document (before the schema
// check): an assignment replaces or creates the key (and the tables above it); a relative change
// adds to or multiplies a number, every year value of a schedule, or every element of an array
// of numbers, starting from the key's default when the document does not set it. Every value
// written carries the argument as its source, so that the schema check reports a bad one at
// "command line: --set TEXT". Every problem is reported; a bad argument changes nothing.
void apply_set_arguments(toml::table& document, const std::vector<std::string>& arguments,
                         core::Diagnostics& diagnostics);

}  // namespace ssproj::scenario
