// Building CSV text with exact, locale-independent number formatting.
#pragma once

#include <string>
#include <string_view>

namespace ssproj::output {

// `text` as one CSV field: quoted (RFC 4180, quotes doubled) when it holds a comma, a quote or a
// line break, as is otherwise.
std::string csv_field(std::string_view text);
// A number as CsvWriter::field(double) writes it: shortest fixed notation, empty for NaN.
std::string number_text(double value);

// Appends fields to a CSV text. Numbers use the shortest fixed (never exponent) notation that
// reads back to the same double (std::to_chars), so tables are exact and byte-identical
// across runs.
class CsvWriter {
 public:
  explicit CsvWriter(std::string_view header) : text_(header) { text_ += '\n'; }

  CsvWriter& field(std::string_view text);
  CsvWriter& field(long long value);
  CsvWriter& field(double value);
  void end_row();

  const std::string& text() const { return text_; }

 private:
  std::string text_;
  bool row_started_ = false;
};

}  // namespace ssproj::output
