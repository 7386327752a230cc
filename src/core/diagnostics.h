// Collecting diagnostics while reading scenario files and data tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include <ssproj/error.h>

namespace ssproj::core {

// An ordered list of diagnostics; everything found is reported together, up to
// kMaxPerFile of one file: beyond them one diagnostic, at the first one left out, counts the
// rest (a table of three million duplicate rows is three million problems; the first hundred say
// what is wrong).
class Diagnostics {
 public:
  static constexpr std::size_t kMaxPerFile = 100;

  void add(Diagnostic d);
  // A diagnostic located at a TOML node or key (its file, line and column). A node without
  // a source (a value given on the command line) is reported against "command line"; a node
  // whose source is a command-line argument (is_command_line) against that argument, without
  // line or column.
  void add_at(const toml::source_region& where, std::string key, std::string message,
              std::string got = {}, std::string expected = {});

  // When `file` already has more than kMaxPerFile diagnostics, counts one more without its
  // message and returns true: a caller about to build a costly message for each of millions of
  // rows asks first. Otherwise returns false and counts nothing.
  bool count_if_full(std::string_view file);

  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  std::vector<Diagnostic> take() {
    files_.clear();
    return std::move(list_);
  }

 private:
  struct FileCount {
    std::string file;
    std::size_t count = 0;    // diagnostics of the file added
    std::size_t summary = 0;  // index in list_ of the diagnostic counting those left out
  };
  std::vector<Diagnostic> list_;
  std::vector<FileCount> files_;
};

// The source name of a value given on the command line: "command line", or
// "command line: --set KEY=VALUE" for a value that one --set argument gave.
inline constexpr std::string_view kCommandLine = "command line";
// Whether `where` is one command-line argument ("command line: ...").
bool is_command_line(const toml::source_region& where);

// A TOML value shown the way it was written, for the "got ..." part of a message.
std::string describe_value(const toml::node& node);

// ssproj::closest_match (declared in <ssproj/error.h>, for the command line too).
using ssproj::closest_match;

// `word` as closest_match compares it: lower case, '-' and ' ' as '_'.
std::string normalized_word(std::string_view word);

// "\"a\", \"b\" or \"c\"".
std::string quoted_words(const std::vector<std::string>& words);

// The "expected" part of every message about a word that is not in a closed list (a choice of a
// scenario key, a region, a status, a sex, an intervention type, a word of a data table): `what`
// (the list in words; "" for the quoted words themselves), then "; did you mean \"W\"?" with the
// closest word of the list when one is close (closest_match). One helper, so that every such
// message suggests the same way.
std::string expected_word(std::string_view word, const std::vector<std::string>& words,
                          std::string what = {});

}  // namespace ssproj::core
