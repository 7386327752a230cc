#include "scenario/validate.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "scenario/schema.h"

namespace ssproj::scenario {
namespace {

std::string_view parent_of(std::string_view path) {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
}

std::string join(std::string_view prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : std::string(prefix) + "." + std::string(key);
}

// "\"a\", \"b\" or \"c\"" from "a|b|c".
std::string choice_words(std::string_view choices) {
  std::string out;
  std::string_view rest = choices;
  while (!rest.empty()) {
    const auto bar = rest.find('|');
    if (!out.empty()) out += bar == std::string_view::npos ? " or " : ", ";
    out += "\"" + std::string(rest.substr(0, bar)) + "\"";
    rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
  }
  return out;
}

std::string kind_expected(const KeySpec& spec) {
  switch (spec.kind) {
    case Kind::kTable:
      return "a table [" + std::string(spec.path) + "]";
    case Kind::kInteger:
      return spec.range.expected(true);
    case Kind::kNumber:
      return spec.range.expected(false);
    case Kind::kNumberOrSchedule:
      return spec.range.expected(false) + ", or a schedule { YEAR = number, ... }";
    case Kind::kString:
      return "a string";
    case Kind::kPath:
      return "a file path (string)";
    case Kind::kChoice:
      return choice_words(spec.choices);
    case Kind::kNamedSchedules:
      return "a table of NAME = number or schedule";
    case Kind::kNumberList:
      return "an array of numbers, each " + spec.range.expected(false).substr(9);
    case Kind::kIntegerList:
      return "an array of integers, each " + spec.range.expected(true).substr(11);
    case Kind::kStringList:
      return spec.choices.empty() ? "an array of strings"
                                  : "an array of strings, each " + choice_words(spec.choices);
    case Kind::kTableArray:
      return "an array of tables [[" + std::string(spec.path) + "]]";
  }
  return {};
}

bool is_choice(const KeySpec& spec, std::string_view word) { return in_list(spec.choices, word); }

// The words of "a|b|c".
std::vector<std::string> choice_list(std::string_view choices) {
  std::vector<std::string> out;
  std::string_view rest = choices;
  while (!rest.empty()) {
    const auto bar = rest.find('|');
    out.emplace_back(rest.substr(0, bar));
    rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
  }
  return out;
}

// `schedule_entry`: the node is a YEAR = value entry of a schedule, which must be a number.
void check_number(const KeySpec& spec, const std::string& path, const toml::node& node,
                  Diagnostics& diagnostics, bool schedule_entry = false) {
  const std::optional<double> x = as_number(node);
  if (!x) {
    diagnostics.add_at(node.source(), path, "wrong type", describe_value(node),
                       schedule_entry ? spec.range.expected(false) : kind_expected(spec));
  } else if (!spec.range.contains(*x)) {
    diagnostics.add_at(node.source(), path, "value out of range", describe_value(node),
                       spec.range.expected(false));
  }
}

void check_schedule(const KeySpec& spec, const std::string& path, const toml::table& table,
                    Diagnostics& diagnostics) {
  std::vector<std::pair<int, std::string>> years;  // year, key as written
  for (auto&& [key, node] : table) {
    const std::string entry = path + "." + std::string(key.str());
    if (key.str() == kInterpolationKey) {
      const auto* s = node.as_string();
      if (s == nullptr || (s->get() != "step" && s->get() != "linear")) {
        diagnostics.add_at(node.source(), entry, "unknown interpolation", describe_value(node),
                           core::expected_word(s == nullptr ? "" : s->get(), {"step", "linear"}));
      }
      continue;
    }
    const std::optional<int> year = as_year_key(key.str());
    if (!year || *year < 1900 || *year > 2300) {
      diagnostics.add_at(key.source(), path, "schedule key is not a year",
                         "\"" + std::string(key.str()) + "\"",
                         "a year in [1900, 2300] or \"interpolation\"");
      continue;
    }
    // "2020" and "02020" are different TOML keys but the same year.
    const auto same =
        std::find_if(years.begin(), years.end(), [&](const auto& y) { return y.first == *year; });
    if (same != years.end()) {
      diagnostics.add_at(key.source(), path, "duplicate year in schedule",
                         "\"" + std::string(key.str()) + "\" and \"" + same->second + "\"",
                         "each year at most once");
    }
    years.emplace_back(*year, std::string(key.str()));
    check_number(spec, entry, node, diagnostics, /*schedule_entry=*/true);
  }
  if (years.empty()) {
    diagnostics.add_at(table.source(), path, "schedule has no years", "{}",
                       "at least one YEAR = value entry");
  }
}

void check_value(const KeySpec& spec, const std::string& path, const toml::node& node,
                 Diagnostics& diagnostics) {
  switch (spec.kind) {
    case Kind::kTable:
      if (!node.is_table()) {
        diagnostics.add_at(node.source(), path, "wrong type", describe_value(node),
                           kind_expected(spec));
      }
      return;
    case Kind::kInteger: {
      const auto* i = node.as_integer();
      if (i == nullptr) {
        diagnostics.add_at(node.source(), path, "wrong type", describe_value(node),
                           kind_expected(spec));
      } else if (!spec.range.contains(static_cast<double>(i->get()))) {
        diagnostics.add_at(
            node.source(), path,
            spec.path == "schema_version" ? "unsupported schema version" : "value out of range",
            describe_value(node), spec.range.expected(true));
      }
      return;
    }
    case Kind::kNumber:
      check_number(spec, path, node, diagnostics);
      return;
    case Kind::kNumberOrSchedule:
      if (const auto* t = node.as_table()) {
        check_schedule(spec, path, *t, diagnostics);
      } else {
        check_number(spec, path, node, diagnostics);
      }
      return;
    case Kind::kNamedSchedules:
      if (const auto* t = node.as_table()) {
        const KeySpec entry{spec.path,  Kind::kNumberOrSchedule, false, "", spec.range,
                            spec.units, spec.description};
        for (auto&& [name, value] : *t) {
          const std::string entry_path = path + "." + std::string(name.str());
          if (const auto* schedule = value.as_table()) {
            check_schedule(entry, entry_path, *schedule, diagnostics);
          } else {
            check_number(entry, entry_path, value, diagnostics);
          }
        }
      } else {
        diagnostics.add_at(node.source(), path, "wrong type", describe_value(node),
                           kind_expected(spec));
      }
      return;
    case Kind::kNumberList:
    case Kind::kIntegerList: {
      const auto* array = node.as_array();
      if (array == nullptr || array->empty()) {
        diagnostics.add_at(node.source(), path, array ? "empty array" : "wrong type",
                           describe_value(node), kind_expected(spec));
        return;
      }
      for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        const std::string item_path = path + "[" + std::to_string(i) + "]";
        const std::optional<double> x = as_number(item);
        const bool integer_ok = spec.kind == Kind::kNumberList || item.is_integer();
        if (!x || !integer_ok) {
          diagnostics.add_at(item.source(), item_path, "wrong type", describe_value(item),
                             spec.kind == Kind::kIntegerList ? "an integer" : "a number");
        } else if (!spec.range.contains(*x)) {
          diagnostics.add_at(item.source(), item_path, "value out of range", describe_value(item),
                             spec.range.expected(spec.kind == Kind::kIntegerList));
        }
      }
      return;
    }
    case Kind::kStringList: {
      const auto* array = node.as_array();
      if (array == nullptr) {
        diagnostics.add_at(node.source(), path, "wrong type", describe_value(node),
                           kind_expected(spec));
        return;
      }
      for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        const std::string item_path = path + "[" + std::to_string(i) + "]";
        if (!item.is_string()) {
          diagnostics.add_at(item.source(), item_path, "wrong type", describe_value(item),
                             spec.choices.empty() ? "a string" : choice_words(spec.choices));
        } else if (!spec.choices.empty() && !is_choice(spec, item.as_string()->get())) {
          diagnostics.add_at(item.source(), item_path, "unknown value", describe_value(item),
                             core::expected_word(item.as_string()->get(), choice_list(spec.choices),
                                                 choice_words(spec.choices)));
        }
      }
      return;
    }
    case Kind::kTableArray: {
      // An empty array is valid: a strategy's way to drop the entries of the file it extends.
      const auto* array = node.as_array();
      if (array == nullptr || (!array->empty() && !array->is_array_of_tables())) {
        diagnostics.add_at(node.source(), path, "wrong type", describe_value(node),
                           kind_expected(spec));
      }
      return;
    }
    case Kind::kChoice:
      if (!node.is_string()) {
        diagnostics.add_at(node.source(), path, "wrong type", describe_value(node),
                           kind_expected(spec));
      } else if (!is_choice(spec, node.as_string()->get())) {
        diagnostics.add_at(node.source(), path, "unknown value", describe_value(node),
                           core::expected_word(node.as_string()->get(), choice_list(spec.choices),
                                               kind_expected(spec)));
      }
      return;
    case Kind::kString:
    case Kind::kPath:
      if (!node.is_string()) {
        diagnostics.add_at(node.source(), path, "wrong type", describe_value(node),
                           kind_expected(spec));
      } else if (spec.kind == Kind::kPath && node.as_string()->get().empty()) {
        diagnostics.add_at(node.source(), path, "empty path", "\"\"", kind_expected(spec));
      }
      return;
  }
}

// "a \"district_office\"", "an \"enforcement\"".
std::string a_type(const std::string& type) {
  // "a uniform", "an unemployment": a 'u' read "you" takes "a".
  const bool vowel = !type.empty() &&
                     std::string_view("aeiou").find(type[0]) != std::string_view::npos &&
                     !type.starts_with("uni");
  return std::string(vowel ? "an" : "a") + " \"" + type + "\"";
}

// Element `index` of the table array `prefix` ([[interventions]]): its `type` decides which
// keys apply. Diagnostics name the element as "interventions[2].key".
void check_element(const toml::table& element, std::string_view prefix, std::size_t index,
                   Diagnostics& diagnostics) {
  const std::string element_path = std::string(prefix) + "[" + std::to_string(index) + "]";
  const std::string type_path = std::string(prefix) + ".type";
  const KeySpec* type_spec = find_key(type_path);
  std::string type;
  if (const toml::node* node = element.get("type")) {
    check_value(*type_spec, element_path + ".type", *node, diagnostics);
    if (node->is_string() && is_choice(*type_spec, node->as_string()->get())) {
      type = node->as_string()->get();
    }
  } else {
    diagnostics.add_at(element.source(), element_path + ".type", "required key is missing", "",
                       kind_expected(*type_spec));
  }
  // What an element is called in messages: "a \"beta\" [[uncertain]] entry".
  const std::string noun =
      prefix == "interventions" ? " intervention" : " [[" + std::string(prefix) + "]] entry";
  // The keys that apply to this type (all keys while the type is unknown: no false alarms).
  std::vector<std::string> applicable;
  for (const KeySpec& spec : scenario_keys()) {
    if (parent_of(spec.path) != prefix) continue;
    if (!type.empty() && !spec.types.empty() && !in_list(spec.types, type)) continue;
    const std::string name(spec.path.substr(prefix.size() + 1));
    if (std::find(applicable.begin(), applicable.end(), name) == applicable.end()) {
      applicable.push_back(name);
    }
  }
  for (auto&& [key, node] : element) {
    if (key.str() == "type") continue;
    const std::string spec_path = join(prefix, key.str());
    const std::string path = element_path + "." + std::string(key.str());
    const KeySpec* spec = type.empty() ? find_key(spec_path) : find_element_key(spec_path, type);
    if (spec == nullptr) {
      const bool known = find_key(spec_path) != nullptr;
      const std::string suggestion = closest_match(key.str(), applicable);
      const std::string what = type.empty() ? "a key of [[" + std::string(prefix) + "]]"
                                            : "a key of " + a_type(type) + noun;
      diagnostics.add_at(key.source(), path,
                         known ? "key does not apply to this type" : "unknown key",
                         "\"" + std::string(key.str()) + "\"",
                         suggestion.empty() || suggestion == key.str()
                             ? what + " (see docs/interventions.md)"
                             : what + "; did you mean \"" + suggestion + "\"?");
      continue;
    }
    check_value(*spec, path, node, diagnostics);
  }
  if (type.empty()) return;
  for (const std::string& name : applicable) {
    const KeySpec* spec = find_element_key(join(prefix, name), type);
    if (spec == nullptr || !spec->required || name == "type" || element.contains(name)) continue;
    diagnostics.add_at(element.source(), element_path + "." + name, "required key is missing", "",
                       kind_expected(*spec) + " for " + a_type(type) + noun);
  }
}

// The names of the keys of the table `prefix` ("" for the top level).
std::vector<std::string> keys_of_table(std::string_view prefix) {
  std::vector<std::string> siblings;
  for (const KeySpec& spec : scenario_keys()) {
    if (parent_of(spec.path) == prefix) {
      siblings.emplace_back(prefix.empty() ? spec.path : spec.path.substr(prefix.size() + 1));
    }
  }
  return siblings;
}

// "unknown key" for `name` in the table `prefix`, with the closest known key as a suggestion.
void report_unknown_key(const toml::source_region& where, std::string_view prefix,
                        std::string_view name, const std::vector<std::string>& siblings,
                        Diagnostics& diagnostics) {
  const std::string suggestion = closest_match(name, siblings);
  const std::string table = prefix.empty() ? "the top level" : "[" + std::string(prefix) + "]";
  diagnostics.add_at(where, join(prefix, name), "unknown key", "\"" + std::string(name) + "\"",
                     suggestion.empty()
                         ? "one of the keys of " + table
                         : "a key of " + table + "; did you mean \"" + suggestion + "\"?");
}

void check_table(const toml::table& table, std::string_view prefix, const std::string& top_file,
                 Diagnostics& diagnostics) {
  const std::vector<std::string> siblings = keys_of_table(prefix);
  for (auto&& [key, node] : table) {
    const std::string path = join(prefix, key.str());
    const KeySpec* spec = find_key(path);
    if (spec == nullptr) {
      report_unknown_key(key.source(), prefix, key.str(), siblings, diagnostics);
      continue;
    }
    check_value(*spec, path, node, diagnostics);
    if (spec->kind == Kind::kTable && node.is_table()) {
      check_table(*node.as_table(), path, top_file, diagnostics);
    }
    if (spec->kind == Kind::kTableArray && node.is_array() &&
        node.as_array()->is_array_of_tables()) {
      const toml::array& array = *node.as_array();
      for (std::size_t i = 0; i < array.size(); ++i) {
        check_element(*array.get(i)->as_table(), spec->path, i, diagnostics);
      }
    }
  }
  for (const KeySpec& spec : scenario_keys()) {
    if (parent_of(spec.path) != prefix || !spec.required) continue;
    const std::string_view name = prefix.empty() ? spec.path : spec.path.substr(prefix.size() + 1);
    if (table.contains(name)) continue;
    toml::source_region where = table.source();
    if (!where.path) {
      // The root table has no region of its own: point at the top of the file that was run
      // (not at a file it extends).
      where.path = std::make_shared<const std::string>(top_file);
      where.begin = {1, 1};
    }
    diagnostics.add_at(
        where, std::string(spec.path),
        spec.kind == Kind::kTable ? "required table is missing" : "required key is missing", "",
        kind_expected(spec));
  }
}

const toml::node* find_node(const toml::table& document, std::string_view path) {
  return document.at_path(path).node();
}

// The node of a key if present, else the schema default parsed once.
const toml::node* value_or_default(const toml::table& document, std::string_view path,
                                   toml::table& scratch) {
  if (const toml::node* node = find_node(document, path)) return node;
  const KeySpec* spec = find_key(path);
  if (spec == nullptr || spec->default_toml.empty()) return nullptr;
  scratch = toml::parse("v = " + std::string(spec->default_toml));
  return scratch.get("v");
}

}  // namespace

void check_against_schema(const toml::table& document, const std::string& top_file,
                          Diagnostics& diagnostics) {
  check_table(document, "", top_file, diagnostics);
}

bool check_key_path(const std::vector<std::string>& segments, const toml::source_region& where,
                    Diagnostics& diagnostics) {
  std::string prefix;
  for (const std::string& name : segments) {
    const std::string path = join(prefix, name);
    if (find_key(path) == nullptr) {
      // A year of a schedule, or a name of a table of named schedules: checked with the value.
      const KeySpec* parent = prefix.empty() ? nullptr : find_key(prefix);
      if (parent != nullptr &&
          (parent->kind == Kind::kNumberOrSchedule || parent->kind == Kind::kNamedSchedules)) {
        return true;
      }
      report_unknown_key(where, prefix, name, keys_of_table(prefix), diagnostics);
      return false;
    }
    prefix = path;
  }
  return true;
}

std::optional<long long> read_integer(const toml::table& document, std::string_view path) {
  toml::table scratch;
  const toml::node* node = value_or_default(document, path, scratch);
  if (node == nullptr || !node->is_integer()) return std::nullopt;
  const KeySpec* spec = find_key(path);
  const long long value = node->as_integer()->get();
  if (spec != nullptr && !spec->range.contains(static_cast<double>(value))) return std::nullopt;
  return value;
}

std::optional<double> read_number(const toml::table& document, std::string_view path) {
  toml::table scratch;
  const toml::node* node = value_or_default(document, path, scratch);
  if (node == nullptr) return std::nullopt;
  const std::optional<double> value = as_number(*node);
  const KeySpec* spec = find_key(path);
  if (!value || (spec != nullptr && !spec->range.contains(*value))) return std::nullopt;
  return value;
}

std::optional<std::string> read_string(const toml::table& document, std::string_view path) {
  toml::table scratch;
  const toml::node* node = value_or_default(document, path, scratch);
  if (node == nullptr || !node->is_string()) return std::nullopt;
  return node->as_string()->get();
}

std::optional<Schedule> read_schedule(const toml::table& document, std::string_view path) {
  toml::table scratch;
  const toml::node* node = value_or_default(document, path, scratch);
  if (node == nullptr) return std::nullopt;
  const KeySpec* spec = find_key(path);
  return schedule_from_node(*node, spec != nullptr ? spec->range : Range{});
}

std::optional<std::vector<double>> read_number_list(const toml::table& document,
                                                    std::string_view path) {
  toml::table scratch;
  const toml::node* node = value_or_default(document, path, scratch);
  const auto* array = node != nullptr ? node->as_array() : nullptr;
  if (array == nullptr || array->empty()) return std::nullopt;
  const KeySpec* spec = find_key(path);
  std::vector<double> out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::optional<double> x = as_number(*array->get(i));
    if (!x || (spec != nullptr && !spec->range.contains(*x))) return std::nullopt;
    out.push_back(*x);
  }
  return out;
}

std::optional<std::filesystem::path> read_path(const toml::table& document, std::string_view path,
                                               const std::filesystem::path& top_file) {
  const toml::node* node = find_node(document, path);
  if (node == nullptr || !node->is_string() || node->as_string()->get().empty()) {
    return std::nullopt;
  }
  const auto& where = node->source().path;
  // A path given on the command line (--set) is relative to the working directory.
  if (core::is_command_line(node->source())) {
    return std::filesystem::path(node->as_string()->get()).lexically_normal();
  }
  const std::filesystem::path written_in = where ? std::filesystem::path(*where) : top_file;
  return (written_in.parent_path() / node->as_string()->get()).lexically_normal();
}

toml::source_region source_of(const toml::table& document, std::string_view path) {
  if (const toml::node* node = find_node(document, path)) return node->source();
  return document.source();
}

}  // namespace ssproj::scenario
