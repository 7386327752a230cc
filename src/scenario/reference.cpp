// The key tables of docs/scenario-reference.md §6, generated from the key table: one Markdown
// table per section, each between marker comments that the documentation test and
// `ssproj describe --reference` use.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include <ssproj/scenario.h>

#include "scenario/schema.h"

namespace ssproj {
namespace {

using scenario::KeySpec;
using scenario::Kind;

std::string type_word(Kind kind) {
  switch (kind) {
    case Kind::kTable:
      return "table";
    case Kind::kInteger:
      return "integer";
    case Kind::kNumber:
      return "number";
    case Kind::kNumberOrSchedule:
      return "number or schedule";
    case Kind::kString:
      return "string";
    case Kind::kPath:
      return "path";
    case Kind::kChoice:
      return "choice";
    case Kind::kNamedSchedules:
      return "table of named schedules";
    case Kind::kNumberList:
      return "array of numbers";
    case Kind::kIntegerList:
      return "array of integers";
    case Kind::kStringList:
      return "array of strings";
    case Kind::kTableArray:
      return "array of tables";
  }
  return {};
}

// `"a"`, `"b"` or `"c"` from "a|b|c".
std::string words(std::string_view list) {
  std::string out;
  while (!list.empty()) {
    const auto bar = list.find('|');
    if (!out.empty()) out += bar == std::string_view::npos ? " or " : ", ";
    out += "`\"" + std::string(list.substr(0, bar)) + "\"`";
    list = bar == std::string_view::npos ? std::string_view{} : list.substr(bar + 1);
  }
  return out;
}

std::string number_range(const core::Range& r) {
  const bool lo = !std::isnan(r.min), hi = !std::isnan(r.max);
  if (lo && hi) {
    if (r.min_open && !r.max_open)
      return "$" + core::format_bound(r.min, false) + " <$ value $\\le " +
             core::format_bound(r.max, false) + "$";
    if (r.max_open && !r.min_open)
      return "$" + core::format_bound(r.min, false) + " \\le$ value $< " +
             core::format_bound(r.max, false) + "$";
    return "[" + core::format_bound(r.min, false) + ", " + core::format_bound(r.max, false) + "]";
  }
  if (lo)
    return std::string(r.min_open ? "$> " : "$\\ge ") + core::format_bound(r.min, false) + "$";
  if (hi)
    return std::string(r.max_open ? "$< " : "$\\le ") + core::format_bound(r.max, false) + "$";
  return "any finite number";
}

std::string integer_range(const core::Range& r) {
  const bool lo = !std::isnan(r.min), hi = !std::isnan(r.max);
  if (lo && hi)
    return r.min == r.max ? "exactly " + core::format_bound(r.min, true)
                          : core::format_bound(r.min, true) + "-" + core::format_bound(r.max, true);
  if (lo) return "$\\ge " + core::format_bound(r.min, true) + "$";
  return "any integer";
}

std::string range_cell(const KeySpec& k) {
  std::string text;
  switch (k.kind) {
    case Kind::kTable:
    case Kind::kTableArray:
      text = "–";
      break;
    case Kind::kInteger:
      text = integer_range(k.range);
      break;
    case Kind::kNumber:
    case Kind::kNumberOrSchedule:
    case Kind::kNamedSchedules:
      text = number_range(k.range);
      break;
    case Kind::kChoice:
      text = words(k.choices);
      break;
    case Kind::kIntegerList:
      text = "each " + integer_range(k.range);
      break;
    case Kind::kNumberList: {
      const std::string r = number_range(k.range);
      text = r.starts_with("[") ? "each in " + r : "each " + r;
      break;
    }
    case Kind::kStringList:
      text = k.choices.empty() ? "any strings" : "each " + words(k.choices);
      break;
    case Kind::kString:
      text = "any string";
      break;
    case Kind::kPath:
      text = "an existing file";
      break;
  }
  if (k.range_note.empty()) return text;
  return text == "–" ? std::string(k.range_note) : text + "; " + std::string(k.range_note);
}

std::string default_cell(const KeySpec& k) {
  std::string text = k.required                ? "required"
                     : !k.default_toml.empty() ? "`" + std::string(k.default_toml) + "`"
                     : k.kind == Kind::kTable  ? "optional (all defaults)"
                                               : "none";
  if (!k.default_note.empty()) text += " " + std::string(k.default_note);
  return text;
}

std::string applies_to(const KeySpec& k) {
  if (k.types.empty()) return "every entry";
  if (k.types.find('|') == std::string_view::npos) return "`" + std::string(k.types) + "`";
  // The two groups of types of the targeting keys.
  return k.types == scenario::targeted_type_names(true) ? "voluntary channels" : "targeted";
}

std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

// The section a key is listed under: its top-level table, or "top" for top-level values.
std::string section_of(const KeySpec& k) {
  const auto dot = k.path.find('.');
  if (dot != std::string_view::npos) return std::string(k.path.substr(0, dot));
  return k.kind == Kind::kTable || k.kind == Kind::kTableArray ? std::string(k.path) : "top";
}

}  // namespace

std::string scenario_key_reference() {
  const std::span<const KeySpec> keys = scenario::scenario_keys();
  std::vector<std::string> sections;  // in the order of their first key
  for (const KeySpec& k : keys) {
    if (std::find(sections.begin(), sections.end(), section_of(k)) == sections.end()) {
      sections.push_back(section_of(k));
    }
  }
  std::string out;
  for (const std::string& section : sections) {
    const bool array = section == "interventions";
    if (!out.empty()) out += "\n";
    out += "<!-- BEGIN keys " + section + " (generated: ssproj describe --reference) -->\n";
    out += array ? "| key | applies to | type | units | default | valid range | meaning |\n"
                   "|---|---|---|---|---|---|---|\n"
                 : "| key | type | units | default | valid range | meaning |\n"
                   "|---|---|---|---|---|---|\n";
    for (const KeySpec& k : keys) {
      if (section_of(k) != section) continue;
      out += "| `" + std::string(k.path) + "` | ";
      if (array) out += (k.kind == Kind::kTableArray ? std::string("–") : applies_to(k)) + " | ";
      out += type_word(k.kind) + " | " + (k.units.empty() ? std::string("–") : escaped(k.units)) +
             " | " + escaped(default_cell(k)) + " | " + escaped(range_cell(k)) + " | " +
             escaped(k.description) + " |\n";
    }
    out += "<!-- END keys " + section + " -->\n";
  }
  return out;
}

}  // namespace ssproj
