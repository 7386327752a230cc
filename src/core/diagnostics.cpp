#include "core/diagnostics.h"

#include <algorithm>
#include <charconv>
#include <sstream>

namespace ssproj::core {

void Diagnostics::add_at(const toml::source_region& where, std::string key, std::string message,
                         std::string got, std::string expected) {
  Diagnostic d;
  if (where.path) {
    d.file = *where.path;
    if (!is_command_line(where)) {
      d.line = static_cast<int>(where.begin.line);
      d.column = static_cast<int>(where.begin.column);
    }
  } else {
    d.file = std::string(kCommandLine);
  }
  d.key = std::move(key);
  d.message = std::move(message);
  d.got = std::move(got);
  d.expected = std::move(expected);
  add(std::move(d));
}

void Diagnostics::add(Diagnostic d) {
  auto file = std::find_if(files_.begin(), files_.end(),
                           [&](const FileCount& f) { return f.file == d.file; });
  if (file == files_.end()) file = files_.insert(files_.end(), FileCount{d.file});
  const std::size_t n = ++file->count;
  if (n <= kMaxPerFile) {
    list_.push_back(std::move(d));
    return;
  }
  const std::string more = std::to_string(n - kMaxPerFile) + " more";
  if (n == kMaxPerFile + 1) {
    d.key.clear();
    d.message =
        "too many problems in this file: the first " + std::to_string(kMaxPerFile) + " are shown";
    d.got = more;
    d.expected = "a file without them";
    d.warning = false;
    file->summary = list_.size();
    list_.push_back(std::move(d));
  } else {
    list_[file->summary].got = more;
  }
}

bool Diagnostics::count_if_full(std::string_view file) {
  const auto it = std::find_if(files_.begin(), files_.end(),
                               [&](const FileCount& f) { return f.file == file; });
  if (it == files_.end() || it->count <= kMaxPerFile) return false;
  ++it->count;
  list_[it->summary].got = std::to_string(it->count - kMaxPerFile) + " more";
  return true;
}

bool is_command_line(const toml::source_region& where) {
  return where.path && where.path->starts_with(std::string(kCommandLine) + ": ");
}

std::string describe_value(const toml::node& node) {
  if (const auto* s = node.as_string()) return "\"" + s->get() + "\"";
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  if (const auto* f = node.as_floating_point()) {
    // Shortest text that reads back as the same double ("0.8", not toml++'s
    // "0.80000000000000004"), with ".0" kept on whole numbers so that it still reads as a float.
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f->get());
    std::string text(buf, ec == std::errc() ? end : buf);
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return text;
  }
  std::ostringstream out;
  node.visit([&out](const auto& v) { out << v; });
  return out.str();
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string normalized_word(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c == '-' || c == ' ') c = '_';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string quoted_words(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += "\"" + words[i] + "\"";
  }
  return out;
}

std::string expected_word(std::string_view word, const std::vector<std::string>& words,
                          std::string what) {
  if (what.empty()) what = quoted_words(words);
  const std::string near = closest_match(word, words);
  if (near.empty() || near == word) return what;
  return what + "; did you mean \"" + near + "\"?";
}

}  // namespace ssproj::core

namespace ssproj {

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Edits allowed: a third of the word, at least kFewestEdits (a typo and a transposition).
  constexpr std::size_t kFewestEdits = 2;
  constexpr std::size_t kEditsPerLetter = 3;
  // A candidate that begins the word (or the word it) is close when the shorter has at least
  // kShortestPrefix letters and at least half the longer's: `South` for `Southern`, not `in` for
  // `information`.
  constexpr std::size_t kShortestPrefix = 4;
  const std::string w = core::normalized_word(word);
  const std::size_t most = std::max(kFewestEdits, w.size() / kEditsPerLetter);
  std::string best;
  std::size_t best_distance = most + 1;
  for (const std::string& c : candidates) {
    const std::string n = core::normalized_word(c);
    std::size_t d = core::edit_distance(w, n);
    const std::size_t shorter = std::min(w.size(), n.size());
    const std::size_t longer = std::max(w.size(), n.size());
    if (shorter >= kShortestPrefix && 2 * shorter >= longer &&
        (w.starts_with(n) || n.starts_with(w))) {
      d = std::min(d, most);
    }
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace ssproj
