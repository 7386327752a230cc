#include "output/csv_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <ssproj/error.h>

namespace ssproj::output {

CsvWriter& CsvWriter::field(std::string_view text) {
  if (row_started_) text_ += ',';
  text_ += text;
  row_started_ = true;
  return *this;
}

CsvWriter& CsvWriter::field(long long value) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  return field(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string number_text(double value) {
  if (std::isnan(value)) return {};  // not applicable: empty
  if (value == 0) value = 0;         // no "-0"
  // Shortest fixed notation that reads back to the same double: no exponents, which
  // spreadsheet users and amounts in kip do not need.
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  (void)ec;
  return std::string(buf, static_cast<std::size_t>(end - buf));
}

CsvWriter& CsvWriter::field(double value) {
  if (std::isnan(value)) return field(std::string_view{});  // not applicable: empty
  if (std::isinf(value)) {
    const auto row = std::count(text_.begin(), text_.end(), '\n');  // the header is row 0
    throw Error("the projection overflowed: an infinite value in row " + std::to_string(row) +
                " of a table with columns " + text_.substr(0, text_.find('\n')) +
                "; an input is far outside any sensible range");
  }
  if (value == 0) value = 0;  // no "-0"
  char buf[400];              // as number_text, without an allocation per field
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  (void)ec;
  return field(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

void CsvWriter::end_row() {
  text_ += '\n';
  row_started_ = false;
}

}  // namespace ssproj::output
