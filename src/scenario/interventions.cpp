#include "scenario/interventions.h"

#include <algorithm>
#include <cctype>

#include "interventions/programmes.h"
#include "scenario/schema.h"
#include "scenario/validate.h"

namespace ssproj::scenario {
namespace {

constexpr std::string_view kArray = "interventions";

std::string element_path(std::size_t index, std::string_view key) {
  return std::string(kArray) + "[" + std::to_string(index) + "]." + std::string(key);
}

std::optional<InterventionType> type_of(std::string_view word) {
  for (std::size_t t = 0; t < kInterventionTypeNames.size(); ++t) {
    if (kInterventionTypeNames[t] == word) return static_cast<InterventionType>(t);
  }
  return std::nullopt;
}

// The places and sectors of the target: names of the regions, provinces, districts and sectors
// tables. `flags` gets one entry per name of `names`, all true when the entry lists none.
void read_names(const toml::table& table, std::size_t index, std::string_view key,
                const std::vector<std::string>& names, const std::string& what,
                const std::string& table_key, const std::filesystem::path& file,
                std::vector<bool>& flags, Diagnostics& diagnostics) {
  const toml::array* written = table.get_as<toml::array>(key);
  const bool all = written == nullptr || written->empty();
  flags.assign(names.size(), all);
  if (all) return;
  if (names.empty() || file.empty()) {
    diagnostics.add_at(written->source(), element_path(index, key),
                       std::string(key) + " given without " + table_key, "",
                       table_key + ", the table that names the " + std::string(key));
    return;
  }
  for (std::size_t i = 0; i < written->size(); ++i) {
    const toml::node& item = *written->get(i);
    if (!item.is_string()) continue;  // reported by the schema check
    const std::string name = item.value<std::string>().value_or("");
    const auto found = std::find(names.begin(), names.end(), name);
    if (found != names.end()) {
      flags[static_cast<std::size_t>(found - names.begin())] = true;
      continue;
    }
    std::string expected = "a " + what + " of " + file.filename().string();
    if (names.size() <= 20) expected += ": " + core::quoted_words(names);
    diagnostics.add_at(item.source(), element_path(index, key) + "[" + std::to_string(i) + "]",
                       "unknown " + what, "\"" + name + "\"",
                       core::expected_word(name, names, expected));
  }
}

// The places and sectors of the target, and the check of the ages.
void read_target(const toml::table& table, std::size_t index, const Scenario& s, Intervention& iv,
                 Diagnostics& diagnostics) {
  InterventionTarget& t = iv.target;
  const WorkforceInputs& w = s.workforce;
  read_names(table, index, "regions", w.regions, "region", "data.regions", s.data.regions,
             t.regions, diagnostics);
  read_names(table, index, "provinces", w.provinces, "province", "data.provinces",
             w.has_provinces ? s.data.provinces : std::filesystem::path{}, t.provinces,
             diagnostics);
  read_names(table, index, "districts", w.districts, "district", "data.districts", s.data.districts,
             t.districts, diagnostics);
  read_names(table, index, "sectors", w.sectors, "sector", "data.sector_shares",
             s.data.sector_shares, t.sectors, diagnostics);
  if (t.age_min > t.age_max) {
    const toml::node* at = table.get("age_max");
    diagnostics.add_at(at != nullptr ? at->source() : table.get("age_min")->source(),
                       element_path(index, "age_max"), "age_max is below age_min",
                       std::to_string(t.age_max),
                       "an age >= age_min (" + std::to_string(t.age_min) + ")");
  }
}

}  // namespace

void read_interventions(const toml::table& document, Scenario& s, Diagnostics& diagnostics) {
  const toml::array* array = document.get_as<toml::array>(kArray);
  if (array == nullptr || !array->is_array_of_tables()) return;
  if (array->empty()) return;
  if (array->size() > kMaxInterventions) {
    diagnostics.add_at(array->source(), std::string(kArray), "too many interventions",
                       std::to_string(array->size()) + " entries",
                       "at most " + std::to_string(kMaxInterventions));
    return;
  }
  if (!document.at_path("data.regions")) {
    diagnostics.add_at(array->source(), std::string(kArray),
                       "interventions need the workforce tables", "",
                       "the five workforce tables in [data] (data.regions, ...)");
    return;
  }
  for (std::size_t index = 0; index < array->size(); ++index) {
    const toml::table& table = *array->get(index)->as_table();
    const std::optional<InterventionType> type =
        type_of(table.get("type") ? table.get("type")->value<std::string>().value_or("") : "");
    if (!type) continue;  // reported by the schema check
    Intervention iv(*type);
    read_bound_element_keys(table, kArray, iv);
    const std::string_view type_name = iv.type_name();
    if (iv.end_year != 0 && iv.start_year != 0 && iv.end_year < iv.start_year) {
      diagnostics.add_at(
          table.get("end_year")->source(), element_path(index, "end_year"),
          "end year is before the start year", std::to_string(iv.end_year),
          "a year >= start_year (" + std::to_string(iv.start_year) + "), or 0 for no end");
    }
    const bool plain = !iv.name.empty() && std::all_of(iv.name.begin(), iv.name.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    if (!plain && table.get("name") != nullptr && table.get("name")->is_string()) {
      diagnostics.add_at(
          table.get("name")->source(), element_path(index, "name"), "invalid intervention name",
          "\"" + iv.name + "\"",
          "letters, digits, '_' and '-' (it names rows of interventions.csv and keys "
          "the intervention's random numbers)");
    }
    // The engine steps from the base population's year: the first year it can act is the next.
    if (s.inputs.base_year != 0 && iv.start_year != 0 && iv.start_year <= s.inputs.base_year) {
      diagnostics.add_at(
          table.get("start_year")->source(), element_path(index, "start_year"),
          "intervention starts in or before the base year", std::to_string(iv.start_year),
          "a year after the base population's year (" + std::to_string(s.inputs.base_year) + ")");
    }
    for (const Intervention& other : s.interventions) {
      if (other.name == iv.name && !iv.name.empty()) {
        diagnostics.add_at(table.get("name")->source(), element_path(index, "name"),
                           "duplicate intervention name", "\"" + iv.name + "\"",
                           "a name no other intervention has");
        break;
      }
    }
    read_target(table, index, s, iv, diagnostics);
    // Schedules must give a value for the entry's start year.
    for (auto&& [key, written] : table) {
      const KeySpec* spec =
          find_element_key(std::string(kArray) + "." + std::string(key.str()), type_name);
      if (spec == nullptr || spec->kind != Kind::kNumberOrSchedule || !written.is_table()) continue;
      const std::optional<Schedule> schedule = schedule_from_node(written, spec->range);
      if (!schedule || iv.start_year == 0 || schedule->points().front().first <= iv.start_year) {
        continue;
      }
      diagnostics.add_at(written.source(), element_path(index, key.str()),
                         "schedule starts after the intervention",
                         "first year " + std::to_string(schedule->points().front().first),
                         "a first year <= start_year (" + std::to_string(iv.start_year) + ")");
    }

    const std::string where = "interventions[" + std::to_string(index) + "]";
    const auto warn = [&](std::string message, std::string expected) {
      Diagnostics notes;
      notes.add_at(table.get("name") ? table.get("name")->source() : table.source(),
                   element_path(index, "name"), std::move(message), "\"" + iv.name + "\"",
                   std::move(expected));
      for (Diagnostic w : notes.take()) {
        w.warning = true;
        s.warnings.push_back(std::move(w));
      }
    };
    if (!interventions::has_costs(iv)) {
      warn("intervention has no costs",
           "a cost key (setup_cost, fixed_cost_per_year or the type's own); its cost per "
           "additional contributor will be 0");
    }
    if (s.projection.end_year != 0 && iv.start_year > s.projection.end_year) {
      warn("intervention starts after the projection ends",
           "a start_year <= projection.end_year (" + std::to_string(s.projection.end_year) +
               ") for it to have an effect");
    }
    s.interventions.push_back(std::move(iv));
  }
}

void add_intervention_defaults(toml::table& document) {
  toml::array* array = document.get_as<toml::array>(kArray);
  if (array == nullptr || !array->is_array_of_tables()) return;
  for (toml::node& node : *array) {
    toml::table& table = *node.as_table();
    const std::string type =
        table.get("type") ? table.get("type")->value<std::string>().value_or("") : "";
    for (const KeySpec& spec : scenario_keys()) {
      if (!spec.path.starts_with("interventions.") || spec.default_toml.empty()) continue;
      if (!spec.types.empty() && !in_list(spec.types, type)) continue;
      const std::string_view name = spec.path.substr(kArray.size() + 1);
      if (table.contains(name)) continue;
      toml::table parsed = toml::parse("v = " + std::string(spec.default_toml));
      table.insert(name, std::move(*parsed.get("v")));
    }
  }
}

}  // namespace ssproj::scenario
