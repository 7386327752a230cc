// A small strict CSV reader for data tables: a header line, then comma-separated fields.
//
// Fields are not quoted (data tables hold numbers and plain words). Blank lines are skipped;
// a trailing '\r' (CRLF files) is ignored. Every problem is reported as a Diagnostic with the
// file, 1-based line and column, and the column's name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace ssproj::data {

// A data table larger than this is refused before it is read (the largest Lao table is under
// 2 MB); its header must end within kMaxHeaderBytes.
inline constexpr std::uintmax_t kMaxDataFileBytes = 256u << 20;  // 256 MiB
inline constexpr std::size_t kMaxHeaderBytes = 64u << 10;        // 64 KiB

class CsvFile {
 public:
  struct Row {
    int line = 0;
    std::span<const std::string_view> fields;  // views into the file's text
    std::span<const int> columns;              // 1-based column where each field starts
    std::size_t first = 0;                     // where fields and columns start in the file's
    std::size_t count = 0;                     // flat arrays, and how many
  };

  // How the file's header must match the columns asked for.
  enum class Header {
    kExact,  // exactly these columns, in this order
    // Each column asked for exactly once, in any order, among others (a source's own
    // documentation columns: flags, source ids) that are not read. Rows hold the fields of the
    // columns asked for, in the order asked.
    kNamed,
  };

  // Reads `file` and checks its header against `header`. Returns nothing, with diagnostics,
  // when the file cannot be read or the header does not match.
  static std::optional<CsvFile> read(const std::filesystem::path& file,
                                     const std::vector<std::string>& header,
                                     core::Diagnostics& diagnostics, Header match = Header::kExact);

  const std::filesystem::path& path() const { return path_; }
  // Whether diagnostics of this file are past Diagnostics::kMaxPerFile: then one more is counted
  // and the caller skips building its message.
  bool count_if_full(core::Diagnostics& diagnostics) const {
    return diagnostics.count_if_full(name_);
  }
  const std::vector<Row>& rows() const { return rows_; }

  // Typed field access; on failure a diagnostic names the field and nothing is returned.
  std::optional<long long> integer(const Row& row, std::size_t field,
                                   core::Diagnostics& diagnostics) const;
  std::optional<double> number(const Row& row, std::size_t field,
                               core::Diagnostics& diagnostics) const;
  // One of `choices`, returned as its index.
  std::optional<int> choice(const Row& row, std::size_t field,
                            const std::vector<std::string_view>& choices,
                            core::Diagnostics& diagnostics) const;

  // A diagnostic at a field of a row.
  void report(core::Diagnostics& diagnostics, const Row& row, std::size_t field,
              std::string message, std::string got, std::string expected) const;
  // A diagnostic about the file as a whole (line 1, column 1).
  void report_file(core::Diagnostics& diagnostics, std::string key, std::string message,
                   std::string got, std::string expected) const;

 private:
  CsvFile() = default;
  std::filesystem::path path_;
  std::string name_;  // path_ as text, as each diagnostic names it
  // The row views point into this text; it lives on the heap so that moving a CsvFile keeps
  // them valid.
  std::unique_ptr<std::string> text_;
  std::vector<std::string> header_;
  std::vector<Row> rows_;
  // Every row's fields and their columns, one after the other (two allocations for the file,
  // not two per row: a table of millions of rows is read in a second).
  std::vector<std::string_view> fields_;
  std::vector<int> columns_;
};

}  // namespace ssproj::data
