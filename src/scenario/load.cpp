// load_scenario: file -> merged TOML -> schema checks -> typed Scenario -> data tables ->
// cross-checks -> resolved TOML. Every problem is collected before anything is thrown.
#include <algorithm>
#include <array>
#include <limits>
#include <sstream>
#include <tuple>

#include <ssproj/scenario.h>

#include "data/yearly_table.h"
#include "scenario/document.h"
#include "scenario/schema.h"
#include "scenario/validate.h"
#include "util/sha256.h"

namespace ssproj {
namespace fs = std::filesystem;
using scenario::Diagnostics;

namespace {

void apply_overrides(toml::table& document, const ScenarioOverrides& overrides,
                     Diagnostics& diagnostics) {
  if (!overrides.seed && !overrides.replications && !overrides.sample_fraction) return;
  // Missing or of the wrong type: reported by the schema check. (Creating the table here would
  // hide the missing [projection] behind "required key is missing" errors at "command line".)
  toml::table* projection = document.get_as<toml::table>("projection");
  if (projection == nullptr) return;
  if (overrides.seed) {
    // A TOML integer is signed: a larger seed cannot be stored, and casting it would wrap.
    if (*overrides.seed > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      const scenario::KeySpec* spec = scenario::find_key("projection.seed");
      diagnostics.add_at(toml::source_region{}, "projection.seed", "value out of range",
                         std::to_string(*overrides.seed), spec->range.expected(true));
    } else {
      projection->insert_or_assign("seed", static_cast<std::int64_t>(*overrides.seed));
    }
  }
  if (overrides.replications) {
    projection->insert_or_assign("replications",
                                 static_cast<std::int64_t>(*overrides.replications));
  }
  if (overrides.sample_fraction) {
    projection->insert_or_assign("sample_fraction", *overrides.sample_fraction);
  }
}

struct DataTableSpec {
  std::string_view key;
  fs::path DataFiles::*member;
  data::TableShape shape;
};

const std::array<DataTableSpec, 5>& data_table_specs() {
  using scenario::Range;
  static const std::array<DataTableSpec, 5> specs = {
      DataTableSpec{"data.base_population",
                    &DataFiles::base_population,
                    {"persons", true, true, 0, kMaxAge, true, Range{0, std::nan("")}}},
      // m_x <= 2 keeps the probability of dying m / (1 + m / 2) at or below 1.
      DataTableSpec{"data.mortality",
                    &DataFiles::mortality,
                    {"mx", true, true, 0, kMaxAge, true, Range{0, 2}}},
      DataTableSpec{"data.fertility",
                    &DataFiles::fertility,
                    {"asfr", false, true, 0, kMaxAge, false, Range{0, 1}}},
      DataTableSpec{"data.sex_ratio_at_birth",
                    &DataFiles::sex_ratio_at_birth,
                    {"sex_ratio_at_birth", false, false, 0, 0, true, Range{0.5, 2}}},
      DataTableSpec{"data.net_migration",
                    &DataFiles::net_migration,
                    {"net_migrants", true, true, 0, kMaxAge, true, Range{}}},
  };
  return specs;
}

// Copies years [first, last] of a table into `out`, converted by `take`.
template <typename T, typename Take>
std::vector<T> years_of(const data::YearlyTable& table, int first, int last, Take take) {
  std::vector<T> out;
  for (int year = first; year <= last; ++year) {
    out.push_back(take(table.values[static_cast<std::size_t>(year - table.first_year)]));
  }
  return out;
}

// Loads the data tables and checks that they cover the projection.
void load_inputs(const toml::table& document, Scenario& s, bool projection_ok,
                 Diagnostics& diagnostics) {
  std::array<std::optional<data::YearlyTable>, 5> tables;
  bool all_loaded = true;
  for (std::size_t i = 0; i < data_table_specs().size(); ++i) {
    const DataTableSpec& spec = data_table_specs()[i];
    const std::optional<fs::path> path = scenario::read_path(document, spec.key, s.file);
    if (!path) {
      all_loaded = false;
      continue;
    }
    s.data.*spec.member = *path;
    std::error_code ec;
    if (!fs::is_regular_file(*path, ec)) {
      const toml::node* node = document.at_path(spec.key).node();
      diagnostics.add_at(node->source(), std::string(spec.key), "data file not found",
                         scenario::describe_value(*node),
                         "an existing CSV file, relative to the scenario file (resolved to " +
                             path->string() + ")");
      all_loaded = false;
      continue;
    }
    tables[i] = data::read_yearly_table(*path, spec.shape, diagnostics);
    if (!tables[i]) {
      all_loaded = false;
      continue;
    }
    s.inputs.files.push_back(
        DataFileRecord{std::string(spec.key), *path, util::sha256_file_hex(*path)});
  }
  if (!all_loaded) return;

  const data::YearlyTable& base = *tables[0];
  if (base.first_year != base.last_year) {
    diagnostics.add_at(
        scenario::source_of(document, "data.base_population"), "data.base_population",
        "base population has more than one year",
        "years " + std::to_string(base.first_year) + "-" + std::to_string(base.last_year),
        "persons on 1 July of a single base year");
    return;
  }
  const int base_year = base.first_year;
  if (!projection_ok) return;
  if (s.projection.start_year < base_year) {
    diagnostics.add_at(
        scenario::source_of(document, "projection.start_year"), "projection.start_year",
        "starts before the base population", std::to_string(s.projection.start_year),
        "a year >= " + std::to_string(base_year) + " (the year of data.base_population)");
    return;
  }
  // Step t -> t+1 uses the rates of calendar years t and t+1: years base..end are needed.
  bool covered = true;
  for (std::size_t i = 1; i < tables.size(); ++i) {
    const data::YearlyTable& t = *tables[i];
    if (t.first_year <= base_year && t.last_year >= s.projection.end_year) continue;
    covered = false;
    const std::string_view key = data_table_specs()[i].key;
    diagnostics.add_at(
        scenario::source_of(document, key), std::string(key), "table does not cover the projection",
        "years " + std::to_string(t.first_year) + "-" + std::to_string(t.last_year),
        "years " + std::to_string(base_year) + "-" + std::to_string(s.projection.end_year) +
            " (base population year to projection.end_year)");
  }
  if (!covered) return;

  DemographicInputs& in = s.inputs;
  in.base_year = base_year;
  in.base_population = base.values[0];
  in.first_year = base_year;
  in.last_year = s.projection.end_year;
  const int first = in.first_year;
  const int last = in.last_year;
  in.mortality =
      years_of<SexAgeTable>(*tables[1], first, last, [](const SexAgeTable& v) { return v; });
  in.fertility =
      years_of<AgeVector>(*tables[2], first, last, [](const SexAgeTable& v) { return v[0]; });
  in.sex_ratio_at_birth =
      years_of<double>(*tables[3], first, last, [](const SexAgeTable& v) { return v[0][0]; });
  in.net_migrants =
      years_of<SexAgeTable>(*tables[4], first, last, [](const SexAgeTable& v) { return v; });
}

// Each schedule must give a value for the start year.
void check_schedule_start(const toml::table& document, std::string_view key,
                          const Schedule& schedule, int start_year, Diagnostics& diagnostics) {
  if (schedule.is_constant() && !document.at_path(key).is_table()) return;
  const int first = schedule.points().front().first;
  if (first <= start_year) return;
  diagnostics.add_at(scenario::source_of(document, key), std::string(key),
                     "schedule starts after the projection", "first year " + std::to_string(first),
                     "a first year <= projection.start_year (" + std::to_string(start_year) + ")");
}

// The resolved scenario: defaults filled in, data paths relative to the top file's directory.
std::string resolved_toml(const toml::table& document, const Scenario& s) {
  toml::table out = document;
  for (const scenario::KeySpec& spec : scenario::scenario_keys()) {
    if (spec.path == "extends" || out.at_path(spec.path)) continue;
    if (spec.kind == scenario::Kind::kTable) {
      out.insert(spec.path, toml::table{});
      continue;
    }
    if (spec.default_toml.empty()) continue;
    const auto dot = spec.path.rfind('.');
    toml::table* parent =
        dot == std::string_view::npos ? &out : out.at_path(spec.path.substr(0, dot)).as_table();
    if (parent == nullptr) continue;
    toml::table parsed = toml::parse("v = " + std::string(spec.default_toml));
    parent->insert(spec.path.substr(dot == std::string_view::npos ? 0 : dot + 1),
                   std::move(*parsed.get("v")));
  }
  const fs::path top_dir = fs::weakly_canonical(fs::absolute(s.file)).parent_path();
  toml::table* data = out.get_as<toml::table>("data");
  for (const DataTableSpec& spec : data_table_specs()) {
    const fs::path& p = s.data.*spec.member;
    const std::string name(spec.key.substr(spec.key.find('.') + 1));
    if (data && !p.empty()) {
      data->insert_or_assign(
          name, fs::weakly_canonical(fs::absolute(p)).lexically_relative(top_dir).generic_string());
    }
  }
  std::ostringstream text;
  text << toml::toml_formatter(out) << '\n';
  return text.str();
}

}  // namespace

Scenario load_scenario(const fs::path& file, const ScenarioOverrides& overrides) {
  Diagnostics diagnostics;
  std::optional<toml::table> document = scenario::read_document(file, diagnostics);
  if (!document) throw ScenarioError(diagnostics.take());
  apply_overrides(*document, overrides, diagnostics);
  scenario::check_against_schema(*document, file.string(), diagnostics);

  Scenario s;
  s.file = file;
  s.name = scenario::read_string(*document, "name").value_or("");
  s.description = scenario::read_string(*document, "description").value_or("");

  const auto start = scenario::read_integer(*document, "projection.start_year");
  const auto end = scenario::read_integer(*document, "projection.end_year");
  const auto seed = scenario::read_integer(*document, "projection.seed");
  const auto fraction = scenario::read_number(*document, "projection.sample_fraction");
  const auto replications = scenario::read_integer(*document, "projection.replications");
  bool projection_ok = start && end && seed && fraction && replications;
  if (start && end && *end <= *start) {
    diagnostics.add_at(scenario::source_of(*document, "projection.end_year"), "projection.end_year",
                       "end year is not after the start year", std::to_string(*end),
                       "a year > projection.start_year (" + std::to_string(*start) + ")");
    projection_ok = false;
  }
  if (projection_ok) {
    s.projection = ProjectionSettings{static_cast<int>(*start), static_cast<int>(*end),
                                      static_cast<std::uint64_t>(*seed), *fraction,
                                      static_cast<int>(*replications)};
  }

  const std::array<std::pair<std::string_view, Schedule DemographyAssumptions::*>, 3> schedules = {{
      {"demography.mortality_multiplier", &DemographyAssumptions::mortality_multiplier},
      {"demography.fertility_multiplier", &DemographyAssumptions::fertility_multiplier},
      {"demography.migration_multiplier", &DemographyAssumptions::migration_multiplier},
  }};
  for (const auto& [key, member] : schedules) {
    if (auto schedule = scenario::read_schedule(*document, key)) {
      if (start)
        check_schedule_start(*document, key, *schedule, static_cast<int>(*start), diagnostics);
      s.demography.*member = std::move(*schedule);
    }
  }

  load_inputs(*document, s, projection_ok, diagnostics);
  if (!diagnostics.empty()) {
    // File by file (in the order the files were read), each in the order of its text, as a
    // compiler would list them.
    std::vector<Diagnostic> list = diagnostics.take();
    std::vector<std::string> files;
    for (const Diagnostic& d : list) {
      if (std::find(files.begin(), files.end(), d.file) == files.end()) files.push_back(d.file);
    }
    auto rank = [&files](const Diagnostic& d) {
      return std::find(files.begin(), files.end(), d.file) - files.begin();
    };
    std::stable_sort(list.begin(), list.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      return std::make_tuple(rank(a), a.line, a.column) <
             std::make_tuple(rank(b), b.line, b.column);
    });
    throw ScenarioError(std::move(list));
  }
  s.resolved_toml = resolved_toml(*document, s);
  return s;
}

}  // namespace ssproj
