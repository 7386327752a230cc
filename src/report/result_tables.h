// Reading a result directory back: the CSV tables, the manifests and the scenario files that
// `run`, `compare` and `sensitivity` wrote, for the reports (report.html, results.xlsx).
//
// The reports are made from the files, not from the simulation's memory, so that
// `ssproj report DIR` gives the same report as `--report` on the command that wrote DIR.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ssproj::report {

// A CSV table as written by src/output: a header line, then rows of fields (a field may be
// quoted, as `unit` in indicators.csv). An empty field is a value that is not defined.
struct Table {
  std::string name;  // file name, e.g. "finance.csv"
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  // Index of a column, or -1 when the table has no such column.
  int column(std::string_view name) const;
  // The field as a number; NaN when it is empty or the column is -1.
  double number(std::size_t row, int column) const;
  const std::string& text(std::size_t row, int column) const;
};

// Reads a CSV file written by ssproj. @throws IoError when it cannot be read or is malformed.
Table read_table(const std::filesystem::path& file);

// One scenario's tables: a `run` directory, or DIR/NAME of `compare` and `sensitivity`.
struct RunTables {
  std::string name;  // the scenario's name (compare: its directory name)
  std::filesystem::path dir;
  std::map<std::string, Table> tables;  // by file name; only the tables present
  std::vector<std::string> order;       // the tables' file names, in the manifest's order
  std::string manifest;                 // manifest.json as written
  const Table* find(const std::string& file) const;
};

enum class ResultKind { kRun, kCompare, kSensitivity };

struct ResultDirectory {
  ResultKind kind = ResultKind::kRun;
  std::filesystem::path dir;
  std::string manifest;         // DIR/manifest.json
  std::vector<RunTables> runs;  // run: one; compare: baseline first; sensitivity: baseline first
  std::optional<Table> comparison;         // compare: comparison.csv
  std::optional<Table> decisions;          // compare: decisions.csv (absent in older result sets)
  std::optional<Table> comparison_places;  // compare: comparison_places.csv (idem)
  std::optional<Table> sensitivity;        // sensitivity: sensitivity.csv
  std::optional<Table> tornado;            // sensitivity: tornado.csv
};

// Reads what `run`, `compare` or `sensitivity` wrote into `dir`.
// @throws IoError when `dir` holds no ssproj result (no manifest.json) or a table is unreadable.
ResultDirectory read_result_directory(const std::filesystem::path& dir);

// A string value of a top-level or nested key in a manifest ("seed", "version", ...): the first
// `"key": "value"` or `"key": number`; empty when absent. The manifests are written by
// src/output/tables.cpp with one key per line.
std::string manifest_value(const std::string& manifest, std::string_view key);

// An ASSUMPTION flagged in a scenario file's comments: the TOML table and key it belongs to
// and the comment's words.
struct Assumption {
  std::string file;
  int line = 0;
  std::string key;   // "economy.inflation", or the table name when the comment heads a table
  std::string text;  // the comment block, without the '#'s
};

// The ASSUMPTION comments of a scenario file and of the files it `extends`, in file order.
// A comment block (consecutive comment lines, or a comment after a key) that contains the
// word ASSUMPTION is one assumption, attached to the key on its line or the next key.
std::vector<Assumption> scenario_assumptions(const std::filesystem::path& scenario_file);

}  // namespace ssproj::report
