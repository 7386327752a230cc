#include "data/csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace ssproj::data {
namespace {

// `field` after checking that the row has it.
std::size_t checked(const CsvFile::Row& row, std::size_t field) {
  if (field >= row.fields.size())
    throw std::out_of_range("CsvFile: no field " + std::to_string(field));
  return field;
}

// Appends the fields of `line` and the 1-based column where each starts.
void split_into(std::string_view line, std::vector<std::string_view>& fields,
                std::vector<int>& columns) {
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    columns.push_back(static_cast<int>(start) + 1);
    fields.push_back(comma == std::string_view::npos ? line.substr(start)
                                                     : line.substr(start, comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

std::optional<CsvFile> CsvFile::read(const std::filesystem::path& file,
                                     const std::vector<std::string>& header,
                                     core::Diagnostics& diagnostics, Header match) {
  CsvFile csv;
  csv.path_ = file;
  csv.name_ = file.string();
  csv.header_ = header;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    csv.report_file(diagnostics, "", "cannot open data file", "", "a readable CSV file");
    return std::nullopt;
  }
  // Size and header first, so that a wrong or huge file is refused without being read whole.
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (!ec && size > kMaxDataFileBytes) {
    csv.report_file(diagnostics, "", "data file too large", std::to_string(size) + " bytes",
                    "at most " + std::to_string(kMaxDataFileBytes) +
                        " bytes (the largest Lao table is under 2 MB)");
    return std::nullopt;
  }
  {
    // The first non-blank line, read at most kMaxHeaderBytes into the file.
    std::string first;
    int first_line = 1;
    char c = 0;
    std::size_t read = 0;
    while (read < kMaxHeaderBytes && in.get(c)) {
      ++read;
      if (c == '\n') {
        if (first.find_first_not_of(" \t\r") != std::string::npos) break;
        first.clear();
        ++first_line;
        continue;
      }
      first += c;
    }
    if (first.starts_with("\xEF\xBB\xBF")) first.erase(0, 3);
    if (!first.empty() && first.back() == '\r') first.pop_back();
    const bool blank = first.find_first_not_of(" \t") == std::string::npos;
    if (!blank && read < kMaxHeaderBytes && match == Header::kExact && first != join(header)) {
      diagnostics.add(Diagnostic{file.string(), first_line, 1, "", "unexpected header",
                                 in_quotes(first), in_quotes(join(header))});
      return std::nullopt;
    }
    in.clear();
    in.seekg(0);
  }
  // The whole file in one read where its size is known (a regular file), else in blocks.
  csv.text_ = std::make_unique<std::string>();
  {
    std::string& all = *csv.text_;
    constexpr std::size_t kBlock = 1u << 20;
    std::size_t filled = 0;
    if (!ec) all.resize(static_cast<std::size_t>(size));
    while (in) {
      if (all.size() - filled < kBlock / 2) all.resize(std::max(all.size() * 2, filled + kBlock));
      in.read(all.data() + filled, static_cast<std::streamsize>(all.size() - filled));
      filled += static_cast<std::size_t>(in.gcount());
      if (filled > kMaxDataFileBytes) break;  // a pipe or a file that grew while read
    }
    all.resize(filled);
  }
  std::string_view text = *csv.text_;
  // A UTF-8 byte order mark, as spreadsheet programs write, is not part of the header.
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  const int bom_columns = text.starts_with(kByteOrderMark) ? 1 : 0;
  if (bom_columns) text.remove_prefix(kByteOrderMark.size());

  bool seen_header = false;
  std::size_t file_columns = header.size();
  // For Header::kNamed: the file's column of each column asked for.
  std::vector<std::size_t> picked;
  int line_number = 0;
  std::size_t start = 0;
  // One line's fields and their columns, reused from line to line.
  std::vector<std::string_view> fields;
  std::vector<int> columns;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;

    if (!seen_header) {
      seen_header = true;
      if (match == Header::kExact) {
        if (line != join(header)) {
          diagnostics.add(Diagnostic{file.string(), line_number, 1, "", "unexpected header",
                                     in_quotes(line), in_quotes(join(header))});
          return std::nullopt;
        }
        continue;
      }
      std::vector<std::string_view> names;
      std::vector<int> name_columns;
      split_into(line, names, name_columns);
      file_columns = names.size();
      bool found_all = true;
      for (const std::string& wanted : header) {
        const auto count = std::count(names.begin(), names.end(), wanted);
        if (count != 1) {
          diagnostics.add(Diagnostic{
              file.string(), line_number, 1, wanted,
              count == 0 ? "missing column" : "column given more than once", in_quotes(line),
              "a header with each of the columns " + in_quotes(join(header)) + " exactly once"});
          found_all = false;
          continue;
        }
        picked.push_back(static_cast<std::size_t>(std::find(names.begin(), names.end(), wanted) -
                                                  names.begin()));
      }
      if (!found_all) return std::nullopt;
      continue;
    }
    fields.clear();
    columns.clear();
    split_into(line, fields, columns);
    if (fields.size() != file_columns) {
      diagnostics.add(Diagnostic{file.string(), line_number, 1, "", "wrong number of fields",
                                 std::to_string(fields.size()),
                                 std::to_string(file_columns) + " (" +
                                     (match == Header::kExact ? join(header) : "the header's") +
                                     ")"});
      continue;
    }
    Row row;
    row.line = line_number;
    row.first = csv.fields_.size();
    row.count = header.size();
    if (match == Header::kNamed) {
      for (std::size_t c : picked) {
        csv.fields_.push_back(fields[c]);
        csv.columns_.push_back(columns[c]);
      }
    } else {
      csv.fields_.insert(csv.fields_.end(), fields.begin(), fields.end());
      csv.columns_.insert(csv.columns_.end(), columns.begin(), columns.end());
    }
    csv.rows_.push_back(row);
  }
  // The rows' views into the flat arrays, now that these no longer grow.
  for (Row& row : csv.rows_) {
    row.fields = std::span<const std::string_view>(csv.fields_).subspan(row.first, row.count);
    row.columns = std::span<const int>(csv.columns_).subspan(row.first, row.count);
  }
  if (!seen_header) {
    csv.report_file(diagnostics, "", "empty data file", "",
                    "a header line " + in_quotes(join(header)));
    return std::nullopt;
  }
  return csv;
}

void CsvFile::report(core::Diagnostics& diagnostics, const Row& row, std::size_t field,
                     std::string message, std::string got, std::string expected) const {
  if (diagnostics.count_if_full(name_)) return;
  diagnostics.add(Diagnostic{name_, row.line, row.columns[checked(row, field)], header_.at(field),
                             std::move(message), std::move(got), std::move(expected)});
}

void CsvFile::report_file(core::Diagnostics& diagnostics, std::string key, std::string message,
                          std::string got, std::string expected) const {
  diagnostics.add(Diagnostic{name_, 1, 1, std::move(key), std::move(message), std::move(got),
                             std::move(expected)});
}

std::optional<long long> CsvFile::integer(const Row& row, std::size_t field,
                                          core::Diagnostics& diagnostics) const {
  const std::string_view text = row.fields[checked(row, field)];
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    report(diagnostics, row, field, "not an integer", in_quotes(text), "an integer");
    return std::nullopt;
  }
  return value;
}

std::optional<double> CsvFile::number(const Row& row, std::size_t field,
                                      core::Diagnostics& diagnostics) const {
  const std::string_view text = row.fields[checked(row, field)];
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    report(diagnostics, row, field, "not a number", in_quotes(text), "a finite decimal number");
    return std::nullopt;
  }
  return value;
}

std::optional<int> CsvFile::choice(const Row& row, std::size_t field,
                                   const std::vector<std::string_view>& choices,
                                   core::Diagnostics& diagnostics) const {
  const std::string_view text = row.fields[checked(row, field)];
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (text == choices[i]) return static_cast<int>(i);
  }
  std::string expected;
  for (std::string_view c : choices) expected += (expected.empty() ? "" : " or ") + in_quotes(c);
  report(diagnostics, row, field, "unknown value", in_quotes(text),
         core::expected_word(text, std::vector<std::string>(choices.begin(), choices.end()),
                             std::move(expected)));
  return std::nullopt;
}

}  // namespace ssproj::data
