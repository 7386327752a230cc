#include <ssproj/error.h>

namespace ssproj {

std::string Diagnostic::to_string() const {
  // A value without a place in a file (given on the command line) has no line or column.
  std::string out =
      line > 0 ? file + ":" + std::to_string(line) + ":" + std::to_string(column) : file;
  out += warning ? ": warning: " : ": error: ";
  if (!key.empty()) out += key + ": ";
  out += message;
  if (!got.empty() || !expected.empty()) {
    out += " (";
    // A value is quoted in full up to 200 characters, then cut: a bad line of a data file may
    // be megabytes long.
    constexpr std::size_t kMaxQuoted = 200;
    if (!got.empty()) {
      // The count is of the value itself, without the quotes around a quoted one.
      const bool quoted = got.size() >= 2 && got.front() == '"' && got.back() == '"';
      const std::size_t length = got.size() - (quoted ? 2 : 0);
      out += "got " + (got.size() <= kMaxQuoted ? got
                                                : got.substr(0, kMaxQuoted) + "... (" +
                                                      std::to_string(length) + " characters)");
    }
    if (!got.empty() && !expected.empty()) out += ", ";
    if (!expected.empty()) out += "expected " + expected;
    out += ")";
  }
  return out;
}

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.to_string();
  }
  return out;
}
}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : Error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace ssproj
