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
      out += "got " + (got.size() <= kMaxQuoted ? got
                                                : got.substr(0, kMaxQuoted) + "... (" +
                                                      std::to_string(got.size()) + " characters)");
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
