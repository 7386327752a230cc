// Reading a data table keyed by year (and optionally sex and single age) into a dense array.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <ssproj/demographic_inputs.h>

#include "core/diagnostics.h"
#include "core/range.h"

namespace ssproj::data {

// What a table looks like: `year[,sex][,age],<value_column>`.
struct TableShape {
  std::string value_column;
  bool by_sex = true;
  bool by_age = true;
  int min_age = 0;  // ages accepted (by_age only)
  int max_age = kMaxAge;
  // true: every year, sex and age min_age..max_age must have a row. false: ages without a row
  // are zero (fertility at ages without births), but every year needs at least one row.
  bool every_age_required = true;
  core::Range range;  // accepted values
};

// Values by [year - first_year][sex][age]. A table without sex or age stores its value at
// sex 0 / age 0.
struct YearlyTable {
  int first_year = 0;
  int last_year = -1;
  std::vector<SexAgeTable> values;
};

// Reads and checks a table: header, types, ranges, duplicate rows, and that the years from the
// first to the last are all there (and, when required, every sex and age). Reports every
// problem; returns nothing when there was any.
std::optional<YearlyTable> read_yearly_table(const std::filesystem::path& file,
                                             const TableShape& shape,
                                             core::Diagnostics& diagnostics);

}  // namespace ssproj::data
