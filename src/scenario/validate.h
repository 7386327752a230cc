// Checking a merged scenario table against the schema and reading typed values from it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include <ssproj/schedule.h>

#include "core/diagnostics.h"
#include "scenario/schema.h"

namespace ssproj::scenario {

// Reports unknown keys (with a suggestion), missing required keys, wrong types and values out
// of range for every key of the schema, all at once. Keys missing at the top level are
// reported at line 1 of `top_file`, the file that was run.
void check_against_schema(const toml::table& document, const std::string& top_file,
                          Diagnostics& diagnostics);

// Whether the dotted key `segments` is a key of the scenario format, or a value inside one (a
// year of a schedule, a name of coverage.compliance_factor_by_region); otherwise reports it at
// `where` as the schema check reports an unknown key in a file, with the same suggestion.
bool check_key_path(const std::vector<std::string>& segments, const toml::source_region& where,
                    Diagnostics& diagnostics);

// Typed reads of keys that passed check_against_schema (missing optional keys give their
// schema default). Each returns nothing when the key is missing or was invalid.
std::optional<long long> read_integer(const toml::table& document, std::string_view path);
std::optional<double> read_number(const toml::table& document, std::string_view path);
std::optional<std::string> read_string(const toml::table& document, std::string_view path);
std::optional<Schedule> read_schedule(const toml::table& document, std::string_view path);
std::optional<std::vector<double>> read_number_list(const toml::table& document,
                                                    std::string_view path);
// A kPath key resolved against the directory of the file it was written in.
std::optional<std::filesystem::path> read_path(const toml::table& document, std::string_view path,
                                               const std::filesystem::path& top_file);

// The source position of a key's value, for cross-field diagnostics.
toml::source_region source_of(const toml::table& document, std::string_view path);

}  // namespace ssproj::scenario
