// Reading a scenario file into one TOML table, following its `extends` chain.
#pragma once

#include <filesystem>
#include <optional>

#include <toml++/toml.h>

#include "core/diagnostics.h"
#include "scenario/schema.h"

namespace ssproj::scenario {

// Parses `file` and, when it has `extends = "base.toml"` (a path relative to the file), the
// chain of files it extends, and merges them: [tables] merge key by key (deeply), the extending
// file wins, and any other value is replaced whole: arrays, and inline tables `{ ... }` such as
// schedules, which are values. The `extends` key is
// removed from the result. Every node keeps the source (file, line, column) it was read from,
// which diagnostics and relative data paths rely on.
// Returns nothing, with diagnostics, when a file cannot be read or parsed, or on a cycle.
std::optional<toml::table> read_document(const std::filesystem::path& file,
                                         Diagnostics& diagnostics);

// Merges `overlay` into `base` as described above, moving its nodes.
void merge_into(toml::table& base, toml::table&& overlay);

}  // namespace ssproj::scenario
