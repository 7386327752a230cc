// Reading a result directory back for the reports.
#include "report/result_tables.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include <ssproj/error.h>

namespace ssproj::report {
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Splits one CSV line; a field may be quoted ("a, b"), with "" for a quote.
std::vector<std::string> split_line(std::string_view line, const fs::path& file, int number) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  if (quoted) {
    throw IoError(file.string() + ":" + std::to_string(number) + ": a quote is not closed");
  }
  fields.push_back(std::move(field));
  return fields;
}

// The files of a set manifest's "files" list, in order ("NAME/population.csv", ...).
std::vector<std::string> listed_files(const std::string& manifest) {
  std::vector<std::string> files;
  const std::string key = "\"file\": \"";
  for (std::size_t at = manifest.find(key); at != std::string::npos;
       at = manifest.find(key, at + 1)) {
    const std::size_t start = at + key.size();
    const std::size_t end = manifest.find('"', start);
    if (end == std::string::npos) break;
    files.push_back(manifest.substr(start, end - start));
  }
  return files;
}

RunTables read_run(const fs::path& dir, const std::string& fallback_name) {
  RunTables run;
  run.dir = dir;
  run.manifest = read_text(dir / "manifest.json");
  run.name = manifest_value(run.manifest, "name");
  if (run.name.empty()) run.name = fallback_name;
  for (const std::string& file : listed_files(run.manifest)) {
    if (file.find('/') != std::string::npos || !file.ends_with(".csv")) continue;
    run.tables.emplace(file, read_table(dir / file));
    run.order.push_back(file);
  }
  return run;
}

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

}  // namespace

int Table::column(std::string_view wanted) const {
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c] == wanted) return static_cast<int>(c);
  }
  return -1;
}

double Table::number(std::size_t row, int col) const {
  if (col < 0) return std::numeric_limits<double>::quiet_NaN();
  const std::string& s = rows[row][static_cast<std::size_t>(col)];
  double x = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return x;
}

const std::string& Table::text(std::size_t row, int col) const {
  static const std::string empty;
  return col < 0 ? empty : rows[row][static_cast<std::size_t>(col)];
}

Table read_table(const fs::path& file) {
  Table table;
  table.name = file.filename().string();
  const std::string text = read_text(file);
  std::size_t at = 0;
  int number = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at = end + 1;
    ++number;
    if (line.empty()) continue;
    std::vector<std::string> fields = split_line(line, file, number);
    if (table.header.empty()) {
      table.header = std::move(fields);
      continue;
    }
    if (fields.size() != table.header.size()) {
      throw IoError(file.string() + ":" + std::to_string(number) + ": " +
                    std::to_string(fields.size()) + " fields where the header has " +
                    std::to_string(table.header.size()));
    }
    table.rows.push_back(std::move(fields));
  }
  if (table.header.empty()) throw IoError(file.string() + " is empty");
  return table;
}

const Table* RunTables::find(const std::string& file) const {
  const auto it = tables.find(file);
  return it == tables.end() ? nullptr : &it->second;
}

std::string manifest_value(const std::string& manifest, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\": ";
  const std::size_t at = manifest.find(quoted);
  if (at == std::string::npos) return {};
  std::size_t start = at + quoted.size();
  if (start < manifest.size() && manifest[start] == '"') {
    const std::size_t end = manifest.find('"', start + 1);
    return end == std::string::npos ? std::string{} : manifest.substr(start + 1, end - start - 1);
  }
  std::size_t end = start;
  while (end < manifest.size() && manifest[end] != ',' && manifest[end] != '\n' &&
         manifest[end] != '}') {
    ++end;
  }
  return trim(std::string_view(manifest).substr(start, end - start));
}

ResultDirectory read_result_directory(const fs::path& dir) {
  ResultDirectory out;
  out.dir = dir;
  if (!fs::exists(dir / "manifest.json")) {
    throw IoError(dir.string() +
                  " holds no manifest.json: it is not a directory written by ssproj run, compare "
                  "or sensitivity");
  }
  out.manifest = read_text(dir / "manifest.json");
  const std::string command = manifest_value(out.manifest, "command");
  if (command == "compare" || command == "sensitivity") {
    out.kind = command == "compare" ? ResultKind::kCompare : ResultKind::kSensitivity;
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const std::string& file : listed_files(out.manifest)) {
      const std::size_t slash = file.find('/');
      if (slash == std::string::npos) continue;
      const std::string name = file.substr(0, slash);
      if (seen.insert(name).second) names.push_back(name);
    }
    for (const std::string& name : names) {
      out.runs.push_back(read_run(dir / name, name));
      // Strategies and variants are named by their directory in comparison.csv and
      // sensitivity.csv; the scenario's own name is kept for the text.
      out.runs.back().name = name;
    }
    if (out.kind == ResultKind::kCompare) {
      out.comparison = read_table(dir / "comparison.csv");
      if (fs::exists(dir / "decisions.csv")) out.decisions = read_table(dir / "decisions.csv");
      if (fs::exists(dir / "comparison_places.csv")) {
        out.comparison_places = read_table(dir / "comparison_places.csv");
      }
    } else {
      out.sensitivity = read_table(dir / "sensitivity.csv");
      out.tornado = read_table(dir / "tornado.csv");
    }
  } else {
    out.runs.push_back(read_run(dir, dir.filename().string()));
  }
  if (out.runs.empty()) throw IoError(dir.string() + "/manifest.json lists no scenario's tables");
  return out;
}

std::vector<Assumption> scenario_assumptions(const fs::path& scenario_file) {
  std::vector<Assumption> out;
  std::set<fs::path> visited;
  std::vector<fs::path> chain;
  // The file, then what it extends, then what that extends: the parents' assumptions first.
  for (fs::path file = scenario_file; !file.empty();) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (!fs::exists(file) || !visited.insert(canonical).second) break;
    chain.push_back(file);
    std::ifstream in(file);
    std::string line;
    fs::path parent;
    while (std::getline(in, line)) {
      const std::string t = trim(line);
      if (t.rfind("extends", 0) == 0) {
        const std::size_t q1 = t.find('"');
        const std::size_t q2 = q1 == std::string::npos ? q1 : t.find('"', q1 + 1);
        if (q2 != std::string::npos) parent = file.parent_path() / t.substr(q1 + 1, q2 - q1 - 1);
        break;
      }
      if (t.starts_with("[")) break;  // `extends` is a top-level key
    }
    file = parent;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    std::ifstream in(*it);
    std::string line;
    std::string table;
    std::string block;  // the comment block being read
    int block_line = 0;
    bool pending = false;  // a block with ASSUMPTION waits for the key it describes
    Assumption waiting;
    int number = 0;
    const auto flush_block = [&] {
      if (block.find("ASSUMPTION") != std::string::npos) {
        waiting = Assumption{it->string(), block_line, {}, trim(block)};
        pending = true;
      }
      block.clear();
    };
    while (std::getline(in, line)) {
      ++number;
      const std::string t = trim(line);
      if (t.starts_with("#")) {
        if (block.empty()) block_line = number;
        block += trim(std::string_view(t).substr(1)) + " ";
        continue;
      }
      if (!block.empty()) flush_block();
      if (t.empty()) {
        if (pending) {  // a free-standing block: it is about the table it is in
          waiting.key = table.empty() ? "(file)" : table;
          out.push_back(waiting);
          pending = false;
        }
        continue;
      }
      if (t.starts_with("[")) {
        const std::string name =
            trim(t.substr(t.find_first_not_of('['), t.find(']') - t.find_first_not_of('[')));
        if (pending) {
          waiting.key = name;
          out.push_back(waiting);
          pending = false;
        }
        table = name;
        continue;
      }
      // A key line, possibly with a trailing comment.
      const std::size_t eq = t.find('=');
      const std::string key = eq == std::string::npos ? t : trim(t.substr(0, eq));
      const std::string full = table.empty() ? key : table + "." + key;
      if (pending) {
        waiting.key = full;
        out.push_back(waiting);
        pending = false;
      }
      const std::size_t hash = t.find(" #");
      if (hash != std::string::npos) {
        const std::string comment = trim(t.substr(hash + 2));
        if (comment.find("ASSUMPTION") != std::string::npos) {
          out.push_back(Assumption{it->string(), number, full, comment});
        }
      }
    }
    if (!block.empty()) flush_block();
    if (pending) {
      waiting.key = table.empty() ? "(file)" : table;
      out.push_back(waiting);
    }
  }
  return out;
}

}  // namespace ssproj::report
