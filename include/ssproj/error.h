// Errors and diagnostics reported by ssproj.
//
// Bad input never half-runs: loading a scenario collects every problem in the scenario file
// and its data tables as a list of Diagnostic records and throws one ScenarioError carrying all
// of them. Everything else that can fail at a boundary (files that cannot be written, and so
// on) throws IoError. Both derive from ssproj::Error, which derives from std::runtime_error.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ssproj {

// One problem found in an input file.
//
// Rendered by to_string() in the compiler-like form
//   FILE:LINE:COL: error: KEY.PATH: MESSAGE (got VALUE, expected EXPECTED)
// where LINE and COL are 1-based (a value given on the command line has line 0 and is shown
// as `command line: error: ...`). `key` is the dotted path of the scenario key
// ("projection.sample_fraction") or, for a data table, the column name ("mx").
// `got` and `expected` may be empty, in which case their part of the message is left out.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;
  std::string message;
  std::string got;
  std::string expected;
  // A warning does not stop the run; it is printed as "warning:" instead of "error:".
  bool warning = false;

  std::string to_string() const;
};

// Base of every exception that ssproj throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The scenario file or one of its data tables is invalid. Carries every diagnostic found, in
// the order the files and keys were checked; what() is all of them, one per line.
class ScenarioError : public Error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// The closest candidate to `word`, or "" when none is close: the "did you mean" of every error
// about a word that must come from a closed list (keys, names, options, and the words of scenario
// files and data tables: regions, statuses, types, sexes, schemes...). Letters are compared
// without case, and '-' and ' ' count as '_' (`own-account` is `own_account`, `Male` is `male`).
// Close means within an edit distance of a third of the word's length (at least 2), or the
// candidate begins the word or the word the candidate, the shorter being at least 4 characters
// and half the longer (`Southern` is `South`).
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// A file could not be read, written or renamed.
class IoError : public Error {
 public:
  using Error::Error;
};

}  // namespace ssproj
