// The bad-input catalogue (issue 12, "Nothing lost, nothing silently wrong"). Every case of
// tests/bad_inputs/catalogue.toml breaks a valid input in a temporary directory, runs ssproj on it
// there, and must
//   - exit with status 2 (invalid scenario or data) or 64 (the command line is wrong), the status
//     the case names;
//   - print the case's message, and that line must be located: FILE:LINE:COLUMN: error: ..., or
//     command line...: error: ... for a value given on the command line, or ssproj: ... for a
//     usage error;
//   - write nothing: no file or directory appears, disappears or changes in the case's directory
//     (no output directory, no staging or temporary file beside it);
//   - finish within kSeconds (timeout) and kMemoryKiB of virtual memory (ulimit -v; in a
//     sanitizer build, whose shadow memory needs far more address space, of resident memory:
//     hard_rss_limit_mb of ASAN_OPTIONS and TSAN_OPTIONS).
// Cases marked known_failure do not behave yet: they are skipped, with a warning that names them.
//
// docs/bad-inputs.md lists every case with the message it prints; it is generated from the
// catalogue and the messages, and this test fails when it is out of date. Regenerate it with
//   SSPROJ_UPDATE_GOLDEN=1 ./build/tests/ssproj_tests "[catalogue]"
// Two switches help when editing the catalogue:
//   SSPROJ_CATALOGUE_SHOW=1            warn with what every case did (status, stderr, writes)
//   SSPROJ_CATALOGUE_KNOWN_FAILURES=1  also run the known failures and warn with what they do,
//                                      without failing
//   SSPROJ_CATALOGUE_ACTUAL=FILE       append each case's name, status and first located line
//                                      to FILE (to update the messages after a deliberate change)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <vector>

#include <catch2/catch.hpp>
#include <toml++/toml.h>

#include "core/toml_guard.h"
#include "support/fixtures.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SSPROJ_CATALOGUE_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define SSPROJ_CATALOGUE_SANITIZER 1
#endif
#endif
#ifndef SSPROJ_CATALOGUE_SANITIZER
#define SSPROJ_CATALOGUE_SANITIZER 0
#endif

namespace {

namespace fs = std::filesystem;
using ssproj::testing::TempDir;

constexpr int kSeconds = 30;
constexpr long kMemoryKiB = 4000000;  // ulimit -v: about 4 GB of address space

const fs::path& catalogue_file() {
  static const fs::path file = ssproj::testing::source_dir() / "tests/bad_inputs/catalogue.toml";
  return file;
}
const fs::path& doc_file() {
  static const fs::path file = ssproj::testing::source_dir() / "docs/bad-inputs.md";
  return file;
}

bool switch_on(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' && std::string(value) != "0";
}

// ---------------------------------------------------------------------------------------------
// The catalogue

struct Case {
  std::string name;
  std::string group;
  std::string description;
  std::string base;
  std::string command;
  int status = 0;
  std::string message;
  std::string known_failure;
  std::vector<const toml::table*> edits;
};

struct Catalogue {
  toml::table document;
  std::map<std::string, std::string> bases;  // name -> description
  std::vector<std::string> base_order;
  std::vector<Case> cases;
  std::vector<std::string> problems;  // a malformed catalogue
};

// The bases the test can write (write_base); the catalogue describes each.
const std::vector<std::string> kBases = {"small", "workforce", "lao", "none"};

// The keys of an edit: `file`, exactly one action, and the action's modifiers.
const std::vector<std::string> kActions = {
    "append",     "contents", "find",      "line",   "insert_line", "delete_line",
    "keep_lines", "size",     "directory", "remove", "fifo",        "extends_chain"};
const std::set<std::string> kEditKeys = {
    "file", "append",      "contents", "find",       "replace",     "line",         "insert_line",
    "text", "delete_line", "count",    "keep_lines", "size",        "directory",    "remove",
    "fifo", "repeat",      "times",    "suffix",     "hex_escapes", "extends_chain"};
const std::set<std::string> kCaseKeys = {"name",   "group",   "description",   "base", "command",
                                         "status", "message", "known_failure", "edit"};

Catalogue read_catalogue() {
  Catalogue c;
  try {
    c.document = toml::parse_file(catalogue_file().string());
  } catch (const toml::parse_error& e) {
    std::ostringstream out;
    out << e;
    c.problems.push_back("cannot parse the catalogue: " + out.str());
    return c;
  }
  const auto problem = [&](const std::string& where, const std::string& what) {
    c.problems.push_back(where + ": " + what);
  };
  if (const toml::table* bases = c.document["bases"].as_table()) {
    for (auto&& [key, node] : *bases) {
      const std::string name(key.str());
      if (std::find(kBases.begin(), kBases.end(), name) == kBases.end()) {
        problem("bases." + name, "a base the test cannot write");
      }
      if (!node.is_string()) problem("bases." + name, "must be a string (its description)");
      c.bases[name] = node.value_or(std::string());
    }
    for (const std::string& b : kBases) {
      if (c.bases.count(b)) c.base_order.push_back(b);
    }
  } else {
    problem("bases", "missing table of the base inputs");
  }
  const toml::array* cases = c.document["case"].as_array();
  if (cases == nullptr || !cases->is_array_of_tables()) {
    problem("case", "missing [[case]] tables");
    return c;
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < cases->size(); ++i) {
    const toml::table& t = *cases->get(i)->as_table();
    std::string where = "case[" + std::to_string(i) + "]";
    Case k;
    const auto text = [&](const char* key, bool required) {
      const toml::node* n = t.get(key);
      if (n == nullptr) {
        if (required) problem(where, std::string("missing ") + key);
        return std::string();
      }
      if (!n->is_string()) problem(where, std::string(key) + " must be a string");
      return n->value_or(std::string());
    };
    k.name = text("name", true);
    if (!k.name.empty()) where += " (" + k.name + ")";
    k.group = text("group", true);
    k.description = text("description", true);
    k.base = text("base", true);
    k.command = text("command", true);
    k.message = text("message", true);
    k.known_failure = text("known_failure", false);
    k.status = static_cast<int>(t["status"].value_or(0));
    for (auto&& [key, node] : t) {
      if (!kCaseKeys.count(std::string(key.str())))
        problem(where, "unknown key " + std::string(key));
    }
    if (k.name.empty() ||
        k.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
      problem(where, "name must be lower-case letters, digits and '_'");
    }
    if (!names.insert(k.name).second) problem(where, "duplicate name");
    if (!c.bases.count(k.base)) problem(where, "unknown base '" + k.base + "'");
    if (k.status != 2 && k.status != 64) problem(where, "status must be 2 or 64");
    if (k.message.empty() || k.message.find('\n') != std::string::npos) {
      problem(where, "message must be one non-empty line");
    }
    if (const toml::node* edits = t.get("edit")) {
      const toml::array* array = edits->as_array();
      if (array == nullptr || !array->is_array_of_tables()) {
        problem(where, "edit must be [[case.edit]] tables");
      } else {
        for (const toml::node& e : *array) {
          const toml::table& edit = *e.as_table();
          int actions = 0;
          for (auto&& [key, node] : edit) {
            const std::string name(key.str());
            if (!kEditKeys.count(name)) problem(where, "unknown edit key " + name);
            actions += std::find(kActions.begin(), kActions.end(), name) != kActions.end();
          }
          if (!edit["file"].is_string()) problem(where, "an edit needs file = \"PATH\"");
          if (actions != 1) problem(where, "an edit needs exactly one action");
          k.edits.push_back(&edit);
        }
      }
    }
    c.cases.push_back(std::move(k));
  }
  return c;
}

const Catalogue& catalogue() {
  static const Catalogue c = read_catalogue();
  return c;
}

// ---------------------------------------------------------------------------------------------
// Building a case's input

// The workforce base: write_small_scenario's scenario with the workforce tables, the four optional
// tables (copied from data/lao) and a minimum wage, a reserve and the fund allocation; a strategy
// that extends it (strategy.toml) and a sensitivity plan (plan.toml). The scenario's lines:
// 1 schema_version, 4 [projection], 5 start_year, 6 end_year, 8 [data], 9-13 the demographic
// tables, 14-18 the workforce tables, 19-22 invalidity, survivors, pensioners, service,
// 24 [economy], 25 minimum_wage, 27 [fund], 28 initial_reserve, 30 [fund.allocation], 31 old_age.
const std::string kProjection = "start_year = 2020\nend_year = 2023\n";

std::string workforce_scenario() {
  return ssproj::testing::small_scenario_text(kProjection) + ssproj::testing::kWorkforceDataKeys +
         "invalidity = \"data/invalidity.csv\"\n"
         "survivors = \"data/survivors.csv\"\n"
         "pensioners = \"data/pensioners.csv\"\n"
         "service = \"data/service.csv\"\n"
         "\n"
         "[economy]\n"
         "minimum_wage = 1000000\n"
         "\n"
         "[fund]\n"
         "initial_reserve = 1e9\n"
         "\n"
         "[fund.allocation]\n"
         "old_age = 1.0\n";
}

void write_base(const std::string& base, const TempDir& dir) {
  const fs::path source = ssproj::testing::source_dir();
  if (base == "small") {
    ssproj::testing::write_small_scenario(dir, {2020, 2023}, kProjection);
  } else if (base == "workforce") {
    ssproj::testing::SmallDataOptions data{2020, 2023};
    data.workforce = ssproj::testing::SmallWorkforce{};
    ssproj::testing::write_small_scenario(dir, data, kProjection);
    const fs::path lao = source / "data/lao";
    fs::copy_file(lao / "invalidity.csv", dir.path() / "data/invalidity.csv");
    fs::copy_file(lao / "survivors.csv", dir.path() / "data/survivors.csv");
    fs::copy_file(lao / "starting_point/pensioners_central.csv",
                  dir.path() / "data/pensioners.csv");
    fs::copy_file(lao / "starting_point/service_central.csv", dir.path() / "data/service.csv");
    dir.write("scenario.toml", workforce_scenario());
    dir.write("strategy.toml", "extends = \"scenario.toml\"\nname = \"strategy\"\n");
    dir.write("plan.toml",
              "baseline = \"scenario.toml\"\n"
              "key_years = [2022]\n"
              "\n"
              "[[assumption]]\n"
              "name = \"mortality\"\n"
              "low = [\"demography.mortality_multiplier*=0.9\"]\n"
              "high = [\"demography.mortality_multiplier*=1.1\"]\n");
  } else if (base == "lao") {
    for (const char* sub : {"scenarios/lao", "data/lao"}) {
      fs::create_directories(dir.path() / sub);
      fs::copy(source / sub, dir.path() / sub, fs::copy_options::recursive);
    }
  } else if (base != "none") {
    throw std::runtime_error("unknown base " + base);
  }
}

// `\xNN` in `text` as the byte NN.
std::string hex_unescaped(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\\x") == 0 && i + 4 <= text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The text of an edit's `key`, then `repeat` `times` times, then `suffix`.
std::string payload(const toml::table& edit, const std::string& key) {
  std::string text = edit[key].value_or(std::string());
  if (const auto repeat = edit["repeat"].value<std::string>()) {
    const auto times = edit["times"].value_or<std::int64_t>(1);
    text.reserve(text.size() + repeat->size() * static_cast<std::size_t>(times));
    for (std::int64_t i = 0; i < times; ++i) text += *repeat;
  }
  text += edit["suffix"].value_or(std::string());
  return edit["hex_escapes"].value_or(false) ? hex_unescaped(text) : text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

void write_bytes(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void apply_edit(const fs::path& dir, const toml::table& edit) {
  const std::string name = edit["file"].value_or(std::string());
  const fs::path file = dir / name;
  const auto line_number = [&](const char* key, std::size_t lines) {
    const auto n = edit[key].value_or<std::int64_t>(0);
    if (n < 1 || static_cast<std::size_t>(n) > lines) {
      throw std::runtime_error(name + " has no line " + std::to_string(n));
    }
    return static_cast<std::size_t>(n - 1);
  };
  const auto existing = [&] {
    if (!fs::is_regular_file(file)) throw std::runtime_error(name + " does not exist");
    return ssproj::testing::read_file(file);
  };
  if (edit.contains("append")) {
    write_bytes(file, (fs::exists(file) ? existing() : std::string()) + payload(edit, "append"));
  } else if (edit.contains("contents")) {
    write_bytes(file, payload(edit, "contents"));
  } else if (edit.contains("find")) {
    std::string text = existing();
    const std::string find = edit["find"].value_or(std::string());
    const std::size_t at = text.find(find);
    if (find.empty() || at == std::string::npos) {
      throw std::runtime_error(name + " does not contain \"" + find + "\"");
    }
    text.replace(at, find.size(), payload(edit, "replace"));
    write_bytes(file, text);
  } else if (edit.contains("line") || edit.contains("insert_line")) {
    std::vector<std::string> lines = lines_of(existing());
    const bool insert = edit.contains("insert_line");
    const std::size_t i = line_number(insert ? "insert_line" : "line", lines.size());
    const std::string text = payload(edit, "text");
    if (insert) {
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), text);
    } else {
      lines[i] = text;
    }
    write_bytes(file, joined(lines));
  } else if (edit.contains("delete_line")) {
    std::vector<std::string> lines = lines_of(existing());
    const std::size_t i = line_number("delete_line", lines.size());
    const auto count = static_cast<std::size_t>(edit["count"].value_or<std::int64_t>(1));
    if (i + count > lines.size()) throw std::runtime_error(name + " is too short to delete from");
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i),
                lines.begin() + static_cast<std::ptrdiff_t>(i + count));
    write_bytes(file, joined(lines));
  } else if (edit.contains("keep_lines")) {
    std::vector<std::string> lines = lines_of(existing());
    lines.resize(std::min(lines.size(),
                          static_cast<std::size_t>(edit["keep_lines"].value_or<std::int64_t>(0))));
    write_bytes(file, joined(lines));
  } else if (edit.contains("size")) {
    // A sparse file: the bytes beyond the old end are zeros that take no disk space.
    if (!fs::exists(file)) write_bytes(file, "");
    fs::resize_file(file, static_cast<std::uintmax_t>(edit["size"].value_or<std::int64_t>(0)));
  } else if (edit.contains("directory")) {
    fs::remove_all(file);
    fs::create_directories(file);
  } else if (edit.contains("remove")) {
    fs::remove_all(file);
  } else if (edit.contains("fifo")) {
    fs::remove_all(file);
    fs::create_directories(file.parent_path());
    if (::mkfifo(file.c_str(), 0644) != 0) throw std::runtime_error("cannot make fifo " + name);
  } else if (edit.contains("extends_chain")) {
    // chain0.toml extends chain1.toml, ..., the last extends `file`.
    const auto n = edit["extends_chain"].value_or<std::int64_t>(0);
    for (std::int64_t i = 0; i < n; ++i) {
      const std::string next =
          i + 1 < n ? "chain" + std::to_string(i + 1) + ".toml" : file.filename().string();
      write_bytes(file.parent_path() / ("chain" + std::to_string(i) + ".toml"),
                  "extends = \"" + next + "\"\n");
    }
  } else {
    throw std::runtime_error("an edit of " + name + " without an action");
  }
}

// ---------------------------------------------------------------------------------------------
// Running a case

// Every file and directory below `root` with its type, and for files size and modification time.
struct Entry {
  fs::file_type type = fs::file_type::none;
  std::uintmax_t size = 0;
  fs::file_time_type time{};
  bool operator==(const Entry&) const = default;
};
std::map<std::string, Entry> snapshot(const fs::path& root) {
  std::map<std::string, Entry> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    Entry e;
    e.type = fs::symlink_status(it->path(), ec).type();
    if (e.type == fs::file_type::regular) {
      e.size = fs::file_size(it->path(), ec);
      e.time = fs::last_write_time(it->path(), ec);
    }
    out[fs::relative(it->path(), root).generic_string()] = e;
  }
  return out;
}

std::vector<std::string> differences(const std::map<std::string, Entry>& before,
                                     const std::map<std::string, Entry>& after) {
  std::vector<std::string> out;
  for (const auto& [path, e] : after) {
    const auto it = before.find(path);
    if (it == before.end()) {
      out.push_back("created " + path);
    } else if (!(it->second == e)) {
      out.push_back("changed " + path);
    }
  }
  for (const auto& [path, e] : before) {
    if (!after.count(path)) out.push_back("removed " + path);
  }
  return out;
}

// `text` with bytes that are not printable UTF-8 written as \xNN (new lines and tabs kept).
std::string printable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b >= 0x80 ? ssproj::core::utf8_length(text, i) : 0;
    if (b == '\n' || b == '\t' || (b >= 0x20 && b < 0x7F)) {
      out += text[i++];
    } else if (n > 0) {
      out.append(text, i, n);
      i += n;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", b);
      out += buf;
      ++i;
    }
  }
  return out;
}

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); !from.empty() && at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct Outcome {
  int status = -1;
  std::string err;   // printable, the case's directory written as $DIR
  std::string line;  // the line of err that holds the case's message, or ""
  std::vector<std::string> written;
  double seconds = 0;
};

Outcome run_case(const Case& k) {
  const TempDir dir;
  write_base(k.base, dir);
  for (const toml::table* edit : k.edits) apply_edit(dir.path(), *edit);
  const auto before = snapshot(dir.path());
  // The memory bound: the address space, or under a sanitizer (whose shadow memory takes terabytes
  // of address space) the resident memory, which the sanitizer's runtime watches.
  const std::string mb = std::to_string(kMemoryKiB / 1000);
  const std::string launcher =
      (SSPROJ_CATALOGUE_SANITIZER
           ? "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=" + mb +
                 "\" TSAN_OPTIONS=\"${TSAN_OPTIONS:+$TSAN_OPTIONS:}hard_rss_limit_mb=" + mb + "\" "
           : "ulimit -v " + std::to_string(kMemoryKiB) + " && ") +
      "timeout " + std::to_string(kSeconds) + " ";
  const auto started = std::chrono::steady_clock::now();
  const ssproj::testing::Result r = ssproj::testing::run_ssproj(k.command, dir.path(), launcher);
  Outcome o;
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  o.status = r.status;
  o.err = printable(replaced_all(r.err, dir.path().string(), "$DIR"));
  o.written = differences(before, snapshot(dir.path()));
  for (const std::string& line : lines_of(o.err)) {
    if (line.find(k.message) != std::string::npos) {
      o.line = line;
      break;
    }
  }
  return o;
}

// A message that says where the problem is: a place in a file, a command-line value, or (for a
// usage error) the program's own line that names the option or argument.
bool located(const std::string& line, int status) {
  static const std::regex in_file(R"(^[^:]+:[0-9]+:[0-9]+: error: .+)");
  static const std::regex on_command_line(R"(^command line(: --set .*)?: error: .+)");
  static const std::regex usage(R"(^(ssproj: .+|Usage: ssproj .+))");
  if (status == 64) return std::regex_match(line, usage);
  return std::regex_match(line, in_file) || std::regex_match(line, on_command_line);
}

std::string described(const Outcome& o) {
  std::ostringstream out;
  out << "exit status " << o.status << " after " << o.seconds << " s\nstderr:\n"
      << (o.err.size() > 2000 ? o.err.substr(0, 2000) + "..." : o.err);
  if (!o.written.empty()) {
    out << "written:";
    for (const std::string& w : o.written) out << "\n  " << w;
  }
  return out.str();
}

// ---------------------------------------------------------------------------------------------
// docs/bad-inputs.md

// A table cell: `|` escaped, and as code when `code` (with a fence longer than any run of
// backticks inside).
std::string cell(const std::string& text, bool code) {
  std::string out = replaced_all(text, "|", "\\|");
  if (!code) return out;
  const std::string fence = out.find('`') == std::string::npos ? "`" : "``";
  const std::string pad = fence.size() > 1 ? " " : "";
  return fence + pad + out + pad + fence;
}

// A short text for an edit's bytes: long runs written as "X × N", at most 90 characters.
std::string short_text(const toml::table& edit, const std::string& key) {
  std::string text = edit[key].value_or(std::string());
  if (const auto repeat = edit["repeat"].value<std::string>()) {
    text += "{" + *repeat + " × " + std::to_string(edit["times"].value_or<std::int64_t>(1)) + "}";
  }
  text += edit["suffix"].value_or(std::string());
  text = replaced_all(printable(text), "\n", "⏎");
  return text.size() > 90 ? text.substr(0, 87) + "..." : text;
}

std::string edit_summary(const toml::table& edit) {
  const std::string file = "`" + edit["file"].value_or(std::string()) + "`";
  const auto n = [&](const char* key) {
    return std::to_string(edit[key].value_or<std::int64_t>(0));
  };
  if (edit.contains("append")) return file + ": append " + cell(short_text(edit, "append"), true);
  if (edit.contains("contents")) {
    const std::string text = short_text(edit, "contents");
    return file + (text.empty() ? ": emptied" : ": contents " + cell(text, true));
  }
  if (edit.contains("find")) {
    return file + ": " + cell(short_text(edit, "find"), true) + " → " +
           cell(short_text(edit, "replace"), true);
  }
  if (edit.contains("line"))
    return file + ": line " + n("line") + " → " + cell(short_text(edit, "text"), true);
  if (edit.contains("insert_line")) {
    return file + ": before line " + n("insert_line") + " insert " +
           cell(short_text(edit, "text"), true);
  }
  if (edit.contains("delete_line")) {
    const auto count = edit["count"].value_or<std::int64_t>(1);
    return file + ": delete line " + n("delete_line") +
           (count > 1 ? " and the " + std::to_string(count - 1) + " after it" : "");
  }
  if (edit.contains("keep_lines")) return file + ": keep the first " + n("keep_lines") + " line(s)";
  if (edit.contains("size")) return file + ": sparse, " + n("size") + " bytes";
  if (edit.contains("directory")) return file + ": an empty directory";
  if (edit.contains("remove")) return file + ": removed";
  if (edit.contains("fifo")) return file + ": a named pipe (FIFO)";
  if (edit.contains("extends_chain")) {
    return file + ": extended by a chain of " + n("extends_chain") +
           " files (`chain0.toml` extends `chain1.toml`, ...)";
  }
  return file;
}

std::string generated_doc(const Catalogue& c, const std::map<std::string, std::string>& messages) {
  std::ostringstream out;
  std::size_t known = 0;
  for (const Case& k : c.cases) known += !k.known_failure.empty();
  out << "# Bad inputs\n\n"
         "<!-- Generated by tests/cli/bad_input_catalogue_test.cpp from "
         "tests/bad_inputs/catalogue.toml and the\nmessages ssproj prints; do not edit. "
         "Regenerate: SSPROJ_UPDATE_GOLDEN=1 ./build/tests/ssproj_tests \"[catalogue]\" -->\n\n"
         "Every input below is wrong in one way. For each, `ssproj` must\n\n"
         "- exit with status 2 (invalid scenario or data) or 64 (the command line is wrong);\n"
         "- say where the problem is: `FILE:LINE:COLUMN: error: KEY: what is wrong (got VALUE, "
         "expected ...)`\n  for a file, `command line: ...` for a value given on the command "
         "line, `ssproj: ...` naming\n  the option or argument for a usage error;\n"
         "- write nothing: no output directory, no staging or temporary file, no other change;\n"
         "- finish within "
      << kSeconds << " s and " << kMemoryKiB / 1000000 << " GB of virtual memory (`timeout "
      << kSeconds << "`, `ulimit -v " << kMemoryKiB
      << "`; in a sanitizer\n  build, as much resident memory: `hard_rss_limit_mb="
      << kMemoryKiB / 1000
      << "`).\n\n"
         "The test `tests/cli/bad_input_catalogue_test.cpp` (`[cli][catalogue]`) builds each case "
         "in a\ntemporary directory from a valid base input, changes it as the case says, runs the "
         "command there\nand checks all four. The cases are in `tests/bad_inputs/catalogue.toml`; "
         "the base inputs are:\n\n";
  for (const std::string& b : c.base_order) out << "- `" << b << "`: " << c.bases.at(b) << "\n";
  out << "\nThe message shown is the line of standard error that the test looks for (a line "
         "`N error(s)`\nfollows the problems). Cases marked **known failure** do not behave "
         "yet: the test skips them,\nwith a warning that names them, until they are fixed "
         "(`SSPROJ_CATALOGUE_KNOWN_FAILURES=1\n./build/tests/ssproj_tests \"[catalogue]\"` runs "
         "them and shows what they do).\n\n"
      << c.cases.size() << " cases, " << known << " of them known failures.\n";
  std::vector<std::string> groups;
  for (const Case& k : c.cases) {
    if (std::find(groups.begin(), groups.end(), k.group) == groups.end()) groups.push_back(k.group);
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    out << "\n## " << g + 1 << ". " << groups[g] << "\n\n"
        << "| case | what is wrong | input | command | exit | message |\n"
        << "|---|---|---|---|---|---|\n";
    for (const Case& k : c.cases) {
      if (k.group != groups[g]) continue;
      std::string input = "`" + k.base + "`";
      for (const toml::table* e : k.edits) input += "; " + edit_summary(*e);
      std::string message;
      if (!k.known_failure.empty()) {
        message = "**known failure:** " + cell(k.known_failure, false);
      } else {
        const auto it = messages.find(k.name);
        message = cell(it != messages.end() ? it->second : k.message, true);
      }
      out << "| `" << k.name << "` | " << cell(k.description, false) << " | " << input << " | "
          << cell("ssproj " + k.command, true) << " | " << k.status << " | " << message << " |\n";
    }
  }
  return out.str();
}

}  // namespace

TEST_CASE("the bad-input catalogue is well formed and has at least 100 cases", "[cli][catalogue]") {
  const Catalogue& c = catalogue();
  for (const std::string& p : c.problems) FAIL_CHECK(p);
  CHECK(c.cases.size() >= 100);
}

TEST_CASE("every bad input exits 2 or 64 with a located message, writes nothing and is bounded",
          "[cli][catalogue]") {
  const Catalogue& c = catalogue();
  REQUIRE(c.problems.empty());
  const bool show = switch_on("SSPROJ_CATALOGUE_SHOW");
  const bool run_known = switch_on("SSPROJ_CATALOGUE_KNOWN_FAILURES");
  // Catch runs this test case once for each section; what the cases printed is kept across the
  // runs, and once every case has passed, the document is compared (not when a section was picked
  // with -c, or when a case failed).
  static std::map<std::string, std::string> messages;
  static std::size_t finished = 0;
  for (const Case& k : c.cases) {
    DYNAMIC_SECTION(k.name) {
      ++finished;
      if (!k.known_failure.empty() && !run_known) {
        WARN("known failure, skipped: " << k.name << ": " << k.known_failure);
      } else {
        Outcome o;
        try {
          o = run_case(k);
        } catch (const std::exception& e) {
          FAIL("cannot build the input of " << k.name << ": " << e.what());
        }
        INFO("ssproj " << k.command << "\n" << described(o));
        if (show) WARN(k.name << ": ssproj " << k.command << "\n" << described(o));
        // SSPROJ_CATALOGUE_ACTUAL=FILE appends "name<TAB>status<TAB>first located line" for each
        // case run, for updating the catalogue's messages after a deliberate change of them.
        if (const char* actual = std::getenv("SSPROJ_CATALOGUE_ACTUAL")) {
          std::string first;
          std::istringstream lines(o.err);
          for (std::string l; std::getline(lines, l);) {
            if (located(l, o.status)) {
              first = l;
              break;
            }
          }
          std::ofstream(actual, std::ios::app)
              << k.name << '\t' << o.status << '\t' << first << '\n';
        }
        if (!k.known_failure.empty()) {
          WARN("known failure " << k.name << " (" << k.known_failure << "): ssproj " << k.command
                                << "\n"
                                << described(o));
        } else {
          CHECK(o.status == k.status);
          CHECK(o.line != "");
          CHECK(located(o.line, k.status));
          CHECK(o.written.empty());
          CHECK(o.seconds < kSeconds);
          if (o.status == k.status && !o.line.empty() && located(o.line, k.status) &&
              o.written.empty() && o.seconds < kSeconds) {
            messages[k.name] = o.line;
          }
        }
      }
    }
  }
  std::size_t expected = 0;
  for (const Case& k : c.cases) expected += k.known_failure.empty();
  if (finished == c.cases.size() && messages.size() == expected) {
    const std::string generated = generated_doc(c, messages);
    if (switch_on("SSPROJ_UPDATE_GOLDEN")) {
      std::ofstream(doc_file(), std::ios::binary) << generated;
    }
    const std::vector<std::string> doc = lines_of(ssproj::testing::read_file(doc_file()));
    const std::vector<std::string> want = lines_of(generated);
    std::size_t line = 0;
    while (line < doc.size() && line < want.size() && doc[line] == want[line]) ++line;
    if (line < doc.size() || line < want.size()) {
      FAIL_CHECK(
          "docs/bad-inputs.md is out of date (SSPROJ_UPDATE_GOLDEN=1 "
          "./build/tests/ssproj_tests \"[catalogue]\" regenerates it); line "
          << line + 1 << " is\n  " << (line < doc.size() ? doc[line] : "(none)")
          << "\ninstead of\n  " << (line < want.size() ? want[line] : "(none)"));
    }
  }
}
