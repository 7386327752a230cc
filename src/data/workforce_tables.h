// Loading the workforce data tables (regions, status shares, transitions, earnings).
#pragma once

#include <filesystem>
#include <string>

#include <ssproj/scenario.h>
#include <ssproj/workforce.h>

#include "core/diagnostics.h"

namespace ssproj::data {

// Probabilities and shares must sum to 1 within this tolerance.
inline constexpr double kSumTolerance = 1e-6;

// Persons carry their region's index in one byte.
inline constexpr std::size_t kMaxRegions = 256;

struct KeyedTable;

// x as text for a message: up to 10 significant digits.
std::string number_text(double x);

// Checks that the values of each group (the combinations of the first `group_keys` key
// columns of `t`) sum to 1 within kSumTolerance; reports a group that does not at the line of
// its first row: "WHAT do not sum to 1 (got SUM for KEY WORD, ...)".
bool check_sums(const KeyedTable& t, std::size_t group_keys, const std::string& what,
                const std::string& value_column, core::Diagnostics& diagnostics);

// Reads and checks the tables into `out`: unknown words (sexes, bands, areas, statuses),
// values out of range, duplicate and missing rows, region shares, status shares and
// transition rows that do not sum to 1. Returns false, with diagnostics, on any problem.
bool load_workforce_tables(const DataFiles& files, WorkforceInputs& out,
                           core::Diagnostics& diagnostics);

}  // namespace ssproj::data
