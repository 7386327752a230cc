// A check of TOML text before toml++ parses it, for inputs that reach undefined behaviour in
// toml++ 3.3.0 (found by fuzzing, issue 12): a non-ASCII byte where a key or value is expected
// (`é = 1`), a table header that does not close on its line (`[` then a new line), and bytes that
// are not UTF-8 inside strings and comments. Such text is a TOML syntax error anyway; the guard
// reports it with its line and column instead of handing it to the parser.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ssproj::core {

// A scenario or sensitivity file larger than this is refused before it is read: the Lao baseline
// is about 20 KB, and the parser keeps the whole document in memory.
inline constexpr std::uintmax_t kMaxTomlFileBytes = 4u << 20;  // 4 MiB
// A chain of `extends` longer than this is refused (each link is a level of recursion).
inline constexpr std::size_t kMaxExtendsDepth = 32;

struct TomlGuardProblem {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
  std::string what;
};

// The length of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_length(std::string_view text, std::size_t i);

// The first problem of `text`, or nothing when toml++ may parse it.
std::optional<TomlGuardProblem> toml_guard(std::string_view text);

}  // namespace ssproj::core
