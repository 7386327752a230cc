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
  if (extends == nullptr) return table;

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
