#include "core/toml_guard.h"

namespace ssproj::core {

std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  std::size_t n = 0;
  unsigned min = 0, code = 0;
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0) {
    n = 2, min = 0x80, code = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    n = 3, min = 0x800, code = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    n = 4, min = 0x10000, code = b & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return n;
}

std::optional<TomlGuardProblem> toml_guard(std::string_view text) {
  enum class State { kNormal, kComment, kBasic, kLiteral, kMultiBasic, kMultiLiteral };
  State state = State::kNormal;
  int line = 1;
  std::size_t line_start = 0;
  int depth = 0;              // open [ and { in values, outside strings
  bool header_open = false;   // a table header's [ or [[ is open on this line
  bool at_line_start = true;  // nothing but blanks so far on this line
  const auto problem = [&](std::size_t i, std::string what) {
    return TomlGuardProblem{line, static_cast<int>(i - line_start) + 1, std::move(what)};
  };
  // A UTF-8 byte-order mark, which editors on Windows write, is skipped (toml++ skips it too).
  std::size_t first = 0;
  if (text.starts_with("\xEF\xBB\xBF")) first = line_start = 3;
  for (std::size_t i = first; i < text.size();) {
    const char c = text[i];
    const auto b = static_cast<unsigned char>(c);
    if (c == '\n') {
      if (header_open) return problem(i, "a table header must close on its line");
      if (state == State::kComment) state = State::kNormal;
      if (state == State::kBasic || state == State::kLiteral) {
        return problem(i, "a string must close on its line");
      }
      ++line;
      line_start = i + 1;
      at_line_start = true;
      ++i;
      continue;
    }
    if (b >= 0x80) {
      if (state == State::kNormal) {
        return problem(i,
                       "a character that is not ASCII outside a string or comment (quote a "
                       "key that has one)");
      }
      const std::size_t n = utf8_length(text, i);
      if (n == 0) return problem(i, "bytes that are not UTF-8");
      i += n;
      continue;
    }
    switch (state) {
      case State::kComment:
        break;
      case State::kBasic:
        if (c == '\\') {
          ++i;  // the escaped character (a new line after it is still an error)
          if (i < text.size() && text[i] == '\n') continue;
        } else if (c == '"') {
          state = State::kNormal;
        }
        break;
      case State::kLiteral:
        if (c == '\'') state = State::kNormal;
        break;
      case State::kMultiBasic:
        if (c == '\\') {
          ++i;
          if (i < text.size() && text[i] == '\n') continue;
        } else if (text.substr(i, 3) == "\"\"\"") {
          state = State::kNormal;
          i += 3;
          continue;
        }
        break;
      case State::kMultiLiteral:
        if (text.substr(i, 3) == "'''") {
          state = State::kNormal;
          i += 3;
          continue;
        }
        break;
      case State::kNormal:
        if (c == '#') {
          state = State::kComment;
        } else if (text.substr(i, 3) == "\"\"\"") {
          state = State::kMultiBasic;
          i += 3;
          at_line_start = false;
          continue;
        } else if (text.substr(i, 3) == "'''") {
          state = State::kMultiLiteral;
          i += 3;
          at_line_start = false;
          continue;
        } else if (c == '"') {
          state = State::kBasic;
        } else if (c == '\'') {
          state = State::kLiteral;
        } else if (c == '[' && depth == 0 && at_line_start) {
          header_open = true;
          if (i + 1 < text.size() && text[i + 1] == '[') ++i;
        } else if (c == ']' && header_open) {
          header_open = false;
          if (i + 1 < text.size() && text[i + 1] == ']') ++i;
        } else if (c == '[' || c == '{') {
          ++depth;
        } else if ((c == ']' || c == '}') && depth > 0) {
          --depth;
        }
        break;
    }
    if (c != ' ' && c != '\t' && c != '\r') at_line_start = false;
    ++i;
  }
  if (header_open) return problem(text.size(), "a table header must close on its line");
  return std::nullopt;
}

}  // namespace ssproj::core
