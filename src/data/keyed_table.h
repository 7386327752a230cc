// Reading a data table keyed by categorical columns (sex, age band, status, ...) into a dense
// array, with every combination of keys required exactly once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/range.h"
#include "data/csv.h"

namespace ssproj::data {

// A key column and the words it accepts; the word's position is its index.
struct KeyColumn {
  std::string name;
  std::vector<std::string> words;
};

// Values by key combination, row-major over the key columns in order: the index of
// (k0, k1, ..., kn) is ((k0 * |K1| + k1) * |K2| + k2) ...
struct KeyedTable {
  std::vector<KeyColumn> keys;
  std::vector<double> values;
  std::vector<int> lines;  // line of each combination in the file, for later diagnostics
  std::filesystem::path file;

  std::size_t index(const std::vector<int>& key) const;
};

// Reads `file` with header `key columns..., value_column`. Reports unknown words, values
// outside `range`, duplicate and missing combinations; returns nothing when anything is wrong.
std::optional<KeyedTable> read_keyed_table(const std::filesystem::path& file,
                                           const std::vector<KeyColumn>& keys,
                                           const std::string& value_column,
                                           const core::Range& range, core::Diagnostics& diagnostics,
                                           CsvFile::Header match = CsvFile::Header::kExact);

// Reads the distinct words of one column (for tables that define a vocabulary, such as the
// region names), in order of first appearance. Reports a missing file or column.
std::optional<std::vector<std::string>> read_column_words(
    const std::filesystem::path& file, const std::vector<std::string>& header, std::size_t column,
    core::Diagnostics& diagnostics, CsvFile::Header match = CsvFile::Header::kExact);

}  // namespace ssproj::data
