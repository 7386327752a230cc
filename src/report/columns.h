// What the reports need to know about the columns of the result tables: each column's unit
// and how its numbers are shown. Declared once here for every column that src/output writes
// (docs/outputs.md describes them); a test checks that every column of the Lao tables is here.
#pragma once

#include <string>
#include <string_view>

namespace ssproj::report {

enum class Format {
  kKey,     // a word or label that identifies the row (year, sex, scheme, ...)
  kYear,    // a calendar year or an age, shown without separators
  kCount,   // persons, cases, members: thousands separators, no decimals
  kMoney,   // kip: thousands separators, no decimals
  kShare,   // a share: a percentage with one decimal
  kNumber,  // any other number (ratios in years, multiples): two decimals
};

struct ColumnInfo {
  std::string_view name;
  std::string_view unit;  // empty for keys
  Format format;
};

// The column's declaration; a quantile column (`x_p05`, `x_p50`, `x_p95`) has the unit of `x`.
// Nullptr when the column is not declared.
const ColumnInfo* column_info(std::string_view column);

// The column name without its quantile suffix, and the suffix ("", "p05", "p50" or "p95").
std::string_view base_column(std::string_view column);
std::string_view quantile_suffix(std::string_view column);

}  // namespace ssproj::report
