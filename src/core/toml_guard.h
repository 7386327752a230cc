// A check of TOML text before toml++ parses it, for inputs that reach undefined behaviour in
// toml++ 3.3.0 (found by fuzzing, issue 12): a non-ASCII byte where a key or value is expected
// (`é = 1`), a table header that does not close on its line (`[` then a new line), and bytes that
// are not UTF-8 inside strings and comments. Such text is a TOML syntax error anyway; the guard
// reports it with its line and column instead of handing it to the parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ssproj::core {

struct TomlGuardProblem {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
  std::string what;
};

// The first problem of `text`, or nothing when toml++ may parse it.
std::optional<TomlGuardProblem> toml_guard(std::string_view text);

}  // namespace ssproj::core
