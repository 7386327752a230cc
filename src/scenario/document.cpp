#include "scenario/document.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

#include "core/toml_guard.h"

namespace ssproj::scenario {
namespace fs = std::filesystem;

void merge_into(toml::table& base, toml::table&& overlay) {
  for (auto&& [key, node] : overlay) {
    toml::node* existing = base.get(key.str());
    if (existing && existing->is_table() && node.is_table() && !existing->as_table()->is_inline() &&
        !node.as_table()->is_inline()) {
      merge_into(*existing->as_table(), std::move(*node.as_table()));
    } else {
      base.insert_or_assign(key, std::move(node));
    }
  }
}

namespace {

std::string chain_text(const std::vector<fs::path>& chain, const fs::path& last) {
  std::string text;
  for (const fs::path& p : chain) text += p.filename().string() + " -> ";
  return text + last.filename().string();
}

// The key that says what a file's [[interventions]] do to those of the file it extends, and its
// words.
constexpr std::string_view kInterventionsMode = "interventions_mode";
constexpr std::string_view kAppend = "append";
constexpr std::string_view kReplace = "replace";

// The mode a file gives, when it is one of the words (anything else is left in the document,
// where the schema check reports it with its words).
std::optional<std::string> interventions_mode(const toml::table& file) {
  const std::optional<std::string> mode = file[kInterventionsMode].value<std::string>();
  if (mode && (*mode == kAppend || *mode == kReplace)) return mode;
  return std::nullopt;
}

// Checks a file's interventions_mode against its entries and erases it (it says how this file
// is merged, not what the scenario is). A mode without entries of the file's own is an error.
void check_interventions_mode(toml::table& file, Diagnostics& diagnostics) {
  const toml::node* mode = file.get(kInterventionsMode);
  if (mode == nullptr || !interventions_mode(file)) return;
  if (file.get("interventions") == nullptr) {
    diagnostics.add_at(mode->source(), std::string(kInterventionsMode),
                       "interventions_mode without [[interventions]]", describe_value(*mode),
                       "[[interventions]] entries in this file (the mode says what they do to "
                       "those of the file it extends)");
  }
  file.erase(kInterventionsMode);
}

// Before `file` is merged into `base` (the file it extends, merged): with interventions_mode =
// "append", the base's entries are put before the file's own, so that the merge keeps both. A
// file that writes entries of its own while the base has some must say which (issue 15: the
// base's list used to be replaced silently). An empty list (`interventions = []`) says it
// itself: no entries.
void combine_interventions(const toml::table& base, toml::table& file, Diagnostics& diagnostics) {
  const auto entries = [](std::size_t n) {
    return std::to_string(n) + (n == 1 ? " entry" : " entries");
  };
  const std::optional<std::string> mode = interventions_mode(file);
  const bool mode_written = file.get(kInterventionsMode) != nullptr;
  check_interventions_mode(file, diagnostics);
  toml::array* own = file.get_as<toml::array>("interventions");
  const toml::array* inherited = base.get_as<toml::array>("interventions");
  if (own == nullptr || own->empty() || inherited == nullptr || inherited->empty()) return;
  // Entries that are not tables are reported by the schema check.
  if (!own->is_array_of_tables() || !inherited->is_array_of_tables()) return;
  if (!mode) {
    // An invalid mode is reported by the schema check, with its words.
    if (mode_written) return;
    diagnostics.add_at(
        file.get("interventions")->source(), "interventions",
        "the file this one extends has [[interventions]] entries too",
        entries(own->size()) + " here, " + entries(inherited->size()) + " in the file extended",
        "interventions_mode = \"append\" (add these after the extended file's entries) or "
        "\"replace\" (drop the extended file's) in this file");
    return;
  }
  if (*mode == kAppend) {
    toml::array both = *inherited;
    for (toml::node& entry : *own) both.push_back(std::move(*entry.as_table()));
    *own = std::move(both);
  }
}

// Before `file` is merged into `base`: the file's [[uncertain]] entries are added to the base's,
// an entry for a key the base already draws taking that entry's place (a key has one
// distribution). Entries that are not tables, or without a string key, are left to the schema
// check.
void combine_uncertain(const toml::table& base, toml::table& file) {
  toml::array* own = file.get_as<toml::array>("uncertain");
  const toml::array* inherited = base.get_as<toml::array>("uncertain");
  if (own == nullptr || inherited == nullptr || !own->is_array_of_tables() ||
      !inherited->is_array_of_tables()) {
    return;
  }
  const auto key_of = [](const toml::node& entry) {
    return (*entry.as_table())["key"].value_or(std::string());
  };
  toml::array both = *inherited;
  for (toml::node& entry : *own) {
    const std::string key = key_of(entry);
    auto same = std::find_if(both.begin(), both.end(),
                             [&](const toml::node& e) { return !key.empty() && key_of(e) == key; });
    if (same != both.end()) {
      *same->as_table() = std::move(*entry.as_table());
    } else {
      both.push_back(std::move(*entry.as_table()));
    }
  }
  *own = std::move(both);
}

std::optional<toml::table> read_chain(const fs::path& file, std::vector<fs::path>& chain,
                                      Diagnostics& diagnostics) {
  toml::table table;
  std::string text;
  {
    toml::source_region where;
    where.path = std::make_shared<const std::string>(file.string());
    std::error_code ec;
    const std::uintmax_t bytes = fs::file_size(file, ec);
    if (!ec && bytes > core::kMaxTomlFileBytes) {
      where.begin = {1, 1};
      diagnostics.add_at(where, "", "scenario file too large", std::to_string(bytes) + " bytes",
                         "a scenario file of at most 4 MiB");
      return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      diagnostics.add_at(where, "", "cannot read the file", "", "a readable scenario file");
      return std::nullopt;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (const auto bad = core::toml_guard(text)) {
    toml::source_region where;
    where.path = std::make_shared<const std::string>(file.string());
    where.begin = {static_cast<toml::source_index>(bad->line),
                   static_cast<toml::source_index>(bad->column)};
    diagnostics.add_at(where, "", "TOML syntax error: " + bad->what);
    return std::nullopt;
  }
  try {
    table = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    toml::source_region where = e.source();
    if (!where.path) where.path = std::make_shared<const std::string>(file.string());
    diagnostics.add_at(where, "", "TOML syntax error: " + std::string(e.description()));
    return std::nullopt;
  }

  toml::node* extends = table.get("extends");
  if (extends == nullptr) {
    check_interventions_mode(table, diagnostics);
    return table;
  }

  const toml::source_region where = extends->source();
  const auto* name = extends->as_string();
  if (name == nullptr) {
    diagnostics.add_at(where, "extends", "wrong type", describe_value(*extends),
                       "a path to a scenario file, relative to this file");
    return std::nullopt;
  }
  const fs::path base_file = (file.parent_path() / name->get()).lexically_normal();
  std::error_code ec;
  if (!fs::is_regular_file(base_file, ec)) {
    diagnostics.add_at(
        where, "extends", "file not found", "\"" + name->get() + "\"",
        "a scenario file relative to " +
            (file.parent_path().empty() ? std::string(".") : file.parent_path().string()));
    return std::nullopt;
  }
  const fs::path identity = fs::weakly_canonical(base_file, ec);
  if (std::find(chain.begin(), chain.end(), identity) != chain.end()) {
    diagnostics.add_at(where, "extends", "cycle in the extends chain", chain_text(chain, identity),
                       "a chain of files that ends");
    return std::nullopt;
  }
  if (chain.size() >= core::kMaxExtendsDepth) {
    diagnostics.add_at(where, "extends", "extends chain too long",
                       std::to_string(chain.size() + 1) + " files",
                       "a chain of at most " + std::to_string(core::kMaxExtendsDepth) + " files");
    return std::nullopt;
  }
  chain.push_back(identity);
  std::optional<toml::table> base = read_chain(base_file, chain, diagnostics);
  chain.pop_back();
  if (!base) return std::nullopt;

  table.erase("extends");
  combine_interventions(*base, table, diagnostics);
  combine_uncertain(*base, table);
  merge_into(*base, std::move(table));
  return base;
}

}  // namespace

std::optional<toml::table> read_document(const fs::path& file, Diagnostics& diagnostics) {
  std::error_code ec;
  if (file.empty()) {
    Diagnostic d;
    d.file = std::string(core::kCommandLine);
    d.message = "the scenario file name is empty";
    d.got = "\"\"";
    d.expected = "the path of a TOML file";
    diagnostics.add(std::move(d));
    return std::nullopt;
  }
  if (!fs::is_regular_file(file, ec)) {
    Diagnostic d;
    d.file = file.string();
    d.line = 1;
    d.column = 1;
    d.message = "cannot open scenario file";
    d.expected = "an existing TOML file";
    diagnostics.add(std::move(d));
    return std::nullopt;
  }
  std::vector<fs::path> chain{fs::weakly_canonical(file, ec)};
  return read_chain(file, chain, diagnostics);
}

}  // namespace ssproj::scenario
