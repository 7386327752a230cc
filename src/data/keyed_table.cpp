#include "data/keyed_table.h"

#include <algorithm>

#include "data/csv.h"

namespace ssproj::data {
namespace {

constexpr int kMaxMissingReports = 5;

std::string describe_key(const std::vector<KeyColumn>& keys, const std::vector<int>& key) {
  std::string out;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (!out.empty()) out += ", ";
    out += keys[k].name + " " + keys[k].words[static_cast<std::size_t>(key[k])];
  }
  return out;
}

}  // namespace

std::size_t KeyedTable::index(const std::vector<int>& key) const {
  std::size_t i = 0;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    i = i * keys[k].words.size() + static_cast<std::size_t>(key[k]);
  }
  return i;
}

std::optional<KeyedTable> read_keyed_table(const std::filesystem::path& file,
                                           const std::vector<KeyColumn>& keys,
                                           const std::string& value_column,
                                           const core::Range& range, core::Diagnostics& diagnostics,
                                           CsvFile::Header match) {
  std::vector<std::string> header;
  for (const KeyColumn& k : keys) header.push_back(k.name);
  header.push_back(value_column);
  const std::size_t before = diagnostics.size();
  std::optional<CsvFile> csv = CsvFile::read(file, header, diagnostics, match);
  if (!csv) return std::nullopt;

  KeyedTable table;
  table.keys = keys;
  table.file = file;
  std::size_t combinations = 1;
  for (const KeyColumn& k : keys) combinations *= k.words.size();
  table.values.assign(combinations, 0.0);
  table.lines.assign(combinations, 0);

  std::vector<std::vector<std::string_view>> choices;
  for (const KeyColumn& k : keys) choices.emplace_back(k.words.begin(), k.words.end());
  const std::size_t value_field = keys.size();
  for (const CsvFile::Row& row : csv->rows()) {
    std::vector<int> key(keys.size());
    bool ok = true;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (auto word = csv->choice(row, k, choices[k], diagnostics)) {
        key[k] = *word;
      } else {
        ok = false;
      }
    }
    const std::optional<double> value = csv->number(row, value_field, diagnostics);
    if (value && !range.contains(*value)) {
      csv->report(diagnostics, row, value_field, "value out of range",
                  std::string(row.fields[value_field]), range.expected(false));
      ok = false;
    }
    if (!ok || !value) continue;
    const std::size_t i = table.index(key);
    if (table.lines[i] != 0) {
      if (csv->count_if_full(diagnostics)) continue;
      csv->report(diagnostics, row, 0, "duplicate row", describe_key(keys, key),
                  "one row for each combination (first given on line " +
                      std::to_string(table.lines[i]) + ")");
      continue;
    }
    table.lines[i] = row.line;
    table.values[i] = *value;
  }
  if (diagnostics.size() != before) return std::nullopt;

  int reported = 0, unreported = 0;
  std::vector<int> key(keys.size(), 0);
  for (std::size_t i = 0; i < combinations; ++i) {
    if (table.lines[i] == 0) {
      if (reported++ < kMaxMissingReports) {
        csv->report_file(
            diagnostics, "", "missing row", describe_key(keys, key),
            "one row for each combination of " + [&] {
              std::string names;
              for (const KeyColumn& k : keys) names += (names.empty() ? "" : ", ") + k.name;
              return names;
            }());
      } else {
        ++unreported;
      }
    }
    for (std::size_t k = keys.size(); k-- > 0;) {
      if (++key[k] < static_cast<int>(keys[k].words.size())) break;
      key[k] = 0;
    }
  }
  if (unreported > 0) {
    csv->report_file(diagnostics, "", "missing rows",
                     std::to_string(unreported) + " more combinations like those above", "");
  }
  if (diagnostics.size() != before) return std::nullopt;
  return table;
}

std::optional<std::vector<std::string>> read_column_words(const std::filesystem::path& file,
                                                          const std::vector<std::string>& header,
                                                          std::size_t column,
                                                          core::Diagnostics& diagnostics,
                                                          CsvFile::Header match) {
  std::optional<CsvFile> csv = CsvFile::read(file, header, diagnostics, match);
  if (!csv) return std::nullopt;
  std::vector<std::string> words;
  for (const CsvFile::Row& row : csv->rows()) {
    const std::string word(row.fields[column]);
    if (word.empty()) {
      csv->report(diagnostics, row, column, "empty name", "\"\"", "a name");
      return std::nullopt;
    }
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
  }
  return words;
}

}  // namespace ssproj::data
