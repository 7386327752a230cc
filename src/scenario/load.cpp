// load_scenario: file -> merged TOML -> schema checks -> typed Scenario -> data tables ->
// cross-checks -> resolved TOML. Every problem is collected before anything is thrown.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <tuple>

#include <ssproj/scenario.h>

#include "core/toml_guard.h"
#include "data/workforce_tables.h"
#include "data/yearly_table.h"
#include "interventions/intervention.h"
#include "scenario/data_tables.h"
#include "scenario/document.h"
#include "scenario/interventions.h"
#include "scenario/overrides.h"
#include "scenario/schema.h"
#include "scenario/validate.h"
#include "uncertainty/uncertain.h"
#include "util/sha256.h"

namespace ssproj {
namespace fs = std::filesystem;
using core::Diagnostics;

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

// A data path key resolved against the file that names it, or nothing (with a diagnostic when
// the key is present but the file does not exist; a missing or invalid key is reported by the
// schema check).
std::optional<fs::path> existing_data_file(const toml::table& document, std::string_view key,
                                           const fs::path& top_file, Diagnostics& diagnostics) {
  const std::optional<fs::path> path = scenario::read_path(document, key, top_file);
  if (!path) return std::nullopt;
  std::error_code ec;
  if (!fs::is_regular_file(*path, ec)) {
    const toml::node* node = document.at_path(key).node();
    diagnostics.add_at(
        node->source(), std::string(key), "data file not found", core::describe_value(*node),
        "an existing CSV file, relative to the scenario file (resolved to " + path->string() + ")");
    return std::nullopt;
  }
  return path;
}

// A warning at a key (or at its table when the key is not written; at "command line" when an
// option such as --sample-fraction gave it).
void add_warning(const toml::table& document, std::string_view key, std::string_view table,
                 std::string message, std::string got, std::string expected,
                 std::vector<Diagnostic>& warnings) {
  toml::source_region where = scenario::source_of(document, key);
  if (!where.path && !document.at_path(key)) where = scenario::source_of(document, table);
  Diagnostics notes;
  notes.add_at(where, std::string(key), std::move(message), std::move(got), std::move(expected));
  for (Diagnostic w : notes.take()) {
    w.warning = true;
    warnings.push_back(std::move(w));
  }
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
  // The demographic tables, by the field their path goes to.
  std::vector<std::pair<fs::path DataFiles::*, data::YearlyTable>> tables;
  bool all_loaded = true;
  for (const scenario::DataTable& spec : scenario::data_tables()) {
    if (spec.group != scenario::TableGroup::kDemographic) continue;
    const std::optional<fs::path> path =
        existing_data_file(document, spec.key, s.file, diagnostics);
    if (!path) {
      all_loaded = false;
      continue;
    }
    s.data.*spec.member = *path;
    std::optional<data::YearlyTable> table = data::read_yearly_table(
        *path, scenario::table_shape(spec, s.demography.mortality_measure), diagnostics);
    if (!table) {
      all_loaded = false;
      continue;
    }
    tables.emplace_back(spec.member, std::move(*table));
    s.inputs.files.push_back(
        DataFileRecord{std::string(spec.key), *path, util::sha256_file_hex(*path)});
  }
  if (!all_loaded) return;
  const auto table = [&](fs::path DataFiles::*member) -> const data::YearlyTable& {
    return std::find_if(tables.begin(), tables.end(),
                        [&](const auto& t) { return t.first == member; })
        ->second;
  };

  const data::YearlyTable& base = table(&DataFiles::base_population);
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
  for (const scenario::DataTable& spec : scenario::data_tables()) {
    if (spec.group != scenario::TableGroup::kDemographic ||
        spec.member == &DataFiles::base_population) {
      continue;
    }
    const data::YearlyTable& t = table(spec.member);
    if (t.first_year <= base_year && t.last_year >= s.projection.end_year) continue;
    covered = false;
    const std::string_view key = spec.key;
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
  in.mortality = years_of<SexAgeTable>(table(&DataFiles::mortality), first, last,
                                       [](const SexAgeTable& v) { return v; });
  in.fertility = years_of<AgeVector>(table(&DataFiles::fertility), first, last,
                                     [](const SexAgeTable& v) { return v[0]; });
  in.sex_ratio_at_birth = years_of<double>(table(&DataFiles::sex_ratio_at_birth), first, last,
                                           [](const SexAgeTable& v) { return v[0][0]; });
  in.net_migrants = years_of<SexAgeTable>(table(&DataFiles::net_migration), first, last,
                                          [](const SexAgeTable& v) { return v; });
}

// The demographic multipliers must keep the engines' probabilities meaningful: a death rate
// above 2 would make the probability of dying exceed 1, a fertility rate above 1 a woman's
// probability of giving birth in a year. Checked once per multiplier, at the first year
// that breaks it.
void check_multiplied_rates(const toml::table& document, const Scenario& s,
                            Diagnostics& diagnostics) {
  const DemographicInputs& in = s.inputs;
  if (in.mortality.empty() || in.fertility.empty()) return;
  auto check = [&](std::string_view key, const Schedule& multiplier, double limit,
                   auto largest_rate) {
    for (int year = in.base_year; year < in.last_year; ++year) {
      const double rate =
          std::max(largest_rate(in.year_index(year)), largest_rate(in.year_index(year + 1)));
      const double multiplied = multiplier.at(year) * rate;
      if (multiplied <= limit) continue;
      char got[96];
      std::snprintf(got, sizeof got, "%g x %g = %g in %d", multiplier.at(year), rate, multiplied,
                    year);
      diagnostics.add_at(scenario::source_of(document, key), std::string(key),
                         "multiplied rate out of range", got,
                         "a multiplier that keeps every rate <= " + std::to_string(int(limit)));
      return;
    }
  };
  // Probabilities of dying (qx) stay at or below 1, central death rates at or below 2.
  const double mortality_limit = s.demography.mortality_measure == "qx" ? 1.0 : 2.0;
  check("demography.mortality_multiplier", s.demography.mortality_multiplier, mortality_limit,
        [&](int i) {
          double m = 0;
          for (const AgeVector& ages : in.mortality[static_cast<std::size_t>(i)]) {
            m = std::max(m, *std::max_element(ages.begin(), ages.end()));
          }
          return m;
        });
  check("demography.fertility_multiplier", s.demography.fertility_multiplier, 1.0, [&](int i) {
    const AgeVector& f = in.fertility[static_cast<std::size_t>(i)];
    return *std::max_element(f.begin(), f.end());
  });
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

// The workforce tables: all five or none (not read when projection.stages is "demography").
// Then the region names in coverage.compliance_factor_by_region must be regions of the table.
void load_workforce(const toml::table& document, Scenario& s, Diagnostics& diagnostics) {
  using scenario::TableGroup;
  if (s.projection.stages == "demography") return;
  std::vector<std::string_view> given, missing, all;
  for (const scenario::DataTable& spec : scenario::data_tables()) {
    if (spec.group != TableGroup::kWorkforce) continue;
    all.push_back(spec.key);
    (document.at_path(spec.key) ? given : missing).push_back(spec.key);
  }
  if (given.empty()) {
    if (s.projection.stages == "labour") {
      std::string list;
      for (std::string_view key : all) list += (list.empty() ? "" : ", ") + std::string(key);
      diagnostics.add_at(
          scenario::source_of(document, "projection.stages"), "projection.stages",
          "labour statuses need the workforce tables", "\"labour\"",
          "the five workforce tables in [data] (" + list + "), or stages \"demography\"");
    }
    if (const toml::node* factors =
            document.at_path("coverage.compliance_factor_by_region").node()) {
      diagnostics.add_at(factors->source(), "coverage.compliance_factor_by_region",
                         "regions given without the workforce tables", "",
                         "data.regions and the other workforce tables in [data]");
    }
    return;
  }
  if (!missing.empty()) {
    std::string list;
    for (std::string_view key : all) list += (list.empty() ? "" : ", ") + std::string(key);
    for (std::string_view key : missing) {
      diagnostics.add_at(scenario::source_of(document, "data"), std::string(key),
                         "workforce table missing", "",
                         "all five workforce tables (" + list + ") or none");
    }
    return;
  }
  bool paths_ok = true;
  for (const scenario::DataTable& spec : scenario::data_tables()) {
    if (spec.group == TableGroup::kDemographic) continue;
    if (spec.group == TableGroup::kOptional && !document.at_path(spec.key)) continue;
    const std::optional<fs::path> path =
        existing_data_file(document, spec.key, s.file, diagnostics);
    if (!path) {
      paths_ok = false;
      continue;
    }
    s.data.*spec.member = *path;
  }
  if (!paths_ok || !data::load_workforce_tables(s.data, s.workforce, diagnostics)) return;
  for (TableGroup group : {TableGroup::kOptional, TableGroup::kWorkforce}) {
    for (const scenario::DataTable& spec : scenario::data_tables()) {
      const fs::path& p = s.data.*spec.member;
      if (spec.group != group || p.empty()) continue;
      s.inputs.files.push_back(DataFileRecord{std::string(spec.key), p, util::sha256_file_hex(p)});
    }
  }

  const toml::table* factors = document.at_path("coverage.compliance_factor_by_region").as_table();
  if (factors == nullptr) return;
  s.coverage.compliance_factor_by_region.assign(s.workforce.regions.size(),
                                                Schedule::constant(1.0));
  for (auto&& [name, node] : *factors) {
    const auto found =
        std::find(s.workforce.regions.begin(), s.workforce.regions.end(), name.str());
    if (found == s.workforce.regions.end()) {
      diagnostics.add_at(
          name.source(), "coverage.compliance_factor_by_region." + std::string(name.str()),
          "unknown region", "\"" + std::string(name.str()) + "\"",
          core::expected_word(name.str(), s.workforce.regions, "a region of data.regions"));
      continue;
    }
    if (auto schedule = scenario::schedule_from_node(node, core::kFactor)) {
      // Like every schedule, a region's factor must give a value for the start year.
      const int start = s.projection.start_year;
      const int first = schedule->points().front().first;
      if (node.is_table() && start > 0 && first > start) {
        diagnostics.add_at(
            node.source(), "coverage.compliance_factor_by_region." + std::string(name.str()),
            "schedule starts after the projection", "first year " + std::to_string(first),
            "a first year <= projection.start_year (" + std::to_string(start) + ")");
      }
      s.coverage.compliance_factor_by_region[static_cast<std::size_t>(
          found - s.workforce.regions.begin())] = *schedule;
    }
  }
}

// What the stages and the mortality measure allow: mortality as q_x only where the scheme's
// life tables (which need m_x) are not built, and interventions only with every stage.
void check_stages(const toml::table& document, const Scenario& s, Diagnostics& diagnostics) {
  if (s.demography.mortality_measure == "qx" && s.runs_scheme()) {
    diagnostics.add_at(scenario::source_of(document, "demography.mortality_measure"),
                       "demography.mortality_measure", "mortality as q_x with the scheme's stages",
                       "\"qx\"",
                       "\"mx\" when the workforce tables are given and projection.stages is "
                       "\"all\" (the scheme's life tables are built from m_x); or stages "
                       "\"labour\" or \"demography\"");
  }
  if (s.projection.stages != "all" && !s.interventions.empty()) {
    diagnostics.add_at(scenario::source_of(document, "interventions"), "interventions",
                       "interventions without the scheme's stages",
                       std::to_string(s.interventions.size()) + " [[interventions]]",
                       "no [[interventions]] when projection.stages is \"" + s.projection.stages +
                           "\" (they act on the scheme's membership)");
  }
}

// A warning when a run simulates fewer than kFewestSimulatedPersons persons: its tables are then
// mostly sampling noise. A share p of the population estimated from n simulated persons has a
// relative standard error of sqrt((1 - p) / (n p)); the tables are cut into groups of about 1% of
// the population (a five-year age group of one sex; a labour status in one area), and at
// n = 10,000 such a group holds about 100 simulated persons, a relative standard error of 10% (a
// 95% interval of +-20%). Below that, what the tables show from year to year is mostly noise.
constexpr double kFewestSimulatedPersons = 10000;

// A whole number with a comma between thousands ("7,665").
std::string with_thousands(double x) {
  std::string digits = std::to_string(static_cast<long long>(std::llround(x)));
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return digits;
}

// `x` rounded up to two significant digits, as the shortest text ("0.0014").
std::string up_two_digits(double x) {
  constexpr int kSignificantDigits = 2;
  const double scale = std::pow(10.0, std::floor(std::log10(x)) - (kSignificantDigits - 1));
  char text[32];
  std::snprintf(text, sizeof text, "%.*g", kSignificantDigits, std::ceil(x / scale) * scale);
  return text;
}

// A sample expected to hold less than one person (sample_fraction = 1e-300) would simulate
// nobody and write tables of zeros: an error, for any scenario.
void check_sample_size(const toml::table& d, Scenario& s, Diagnostics& diagnostics) {
  if (s.projection.sample_fraction <= 0) return;
  double persons = 0;
  for (const AgeVector& ages : s.inputs.base_population) {
    for (double x : ages) persons += x;
  }
  const double simulated = persons * s.projection.sample_fraction;
  if (persons > 0 && simulated < 1) {
    char got[96];
    std::snprintf(got, sizeof got, "%g (about %.3g persons simulated of %.0f)",
                  s.projection.sample_fraction, simulated, persons);
    char expected[96];
    std::snprintf(expected, sizeof expected,
                  "a fraction that simulates at least one person (about %.3g or more)",
                  1 / persons);
    diagnostics.add_at(scenario::source_of(d, "projection.sample_fraction"),
                       "projection.sample_fraction", "the sample holds nobody", got, expected);
    return;
  }
  // A whole population smaller than the threshold is not a sample: nothing to raise.
  if (simulated >= kFewestSimulatedPersons || s.projection.sample_fraction >= 1) return;
  char fraction[32];
  std::snprintf(fraction, sizeof fraction, "%g", s.projection.sample_fraction);
  add_warning(d, "projection.sample_fraction", "projection", "too small a sample",
              std::string(fraction) + " (" + with_thousands(simulated) + " of " +
                  with_thousands(persons) + " persons simulated)",
              "at least " + with_thousands(kFewestSimulatedPersons) +
                  " simulated persons, below which the tables are mostly sampling noise: raise "
                  "--sample-fraction (or projection.sample_fraction) to " +
                  up_two_digits(std::min(1.0, kFewestSimulatedPersons / persons)) + " or more",
              s.warnings);
}

// Warnings for starting stocks larger than the base population can hold: the engine gives each
// eligible person the same probability of being in the stock, at most 1, so such a stock is
// capped at the persons eligible (issue 12: 1e300 voluntary members became 1.49 million). The
// bounds here are upper bounds of the engine's: every employed person of working age for the
// voluntary members (the engine excludes those on a compulsory path), every person at or above
// the pensionable age of their sex for the pensioners.
void check_stock_sizes(const toml::table& d, Scenario& s) {
  if (!s.runs_scheme() || s.inputs.base_population.empty()) return;
  const WorkforceInputs& w = s.workforce;
  std::array<double, kNumAreas> area_share{};
  for (const auto& region : w.population_share) {
    for (std::size_t a = 0; a < kNumAreas; ++a) area_share[a] += region[a];
  }
  const int base_year = s.inputs.base_year;
  double employed = 0, elderly = 0;
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    const double pension_age = s.benefits.old_age.pensionable_age[sex].at(base_year);
    for (int x = kFirstWorkingAge; x <= kMaxAge; ++x) {
      const double persons = s.inputs.base_population[sex][static_cast<std::size_t>(x)];
      if (x >= pension_age) elderly += persons;
      const auto band = static_cast<std::size_t>(age_band(x));
      for (std::size_t a = 0; a < kNumAreas; ++a) {
        for (std::size_t st = 0; st < kNumStatuses; ++st) {
          if (!is_employed(static_cast<Status>(st))) continue;
          employed += persons * area_share[a] * w.status_shares[sex][band][a][st];
        }
      }
    }
  }
  const auto warn = [&](std::string_view key, std::string_view table, double stock, double most,
                        const char* who) {
    if (stock <= most) return;
    char got[64], expected[160];
    std::snprintf(got, sizeof got, "%.6g", stock);
    std::snprintf(expected, sizeof expected,
                  "at most the %.0f %s of the base population; the stock is capped at the persons "
                  "eligible",
                  most, who);
    add_warning(d, key, table, "starting stock larger than the population can hold", got, expected,
                s.warnings);
  };
  warn("coverage.initial_voluntary_members", "coverage", s.coverage.initial_voluntary_members,
       employed, "employed persons");
  if (!w.has_pensioners) {
    warn("benefits.old_age.initial_pensioners", "benefits.old_age",
         s.benefits.old_age.initial_pensioners, elderly, "persons at or above pensionable age");
  }
}

// Cross-checks of the workforce keys: warnings for a minimum wage of 0 and a fund without a
// reserve, and branch shares that sum to 1 in every year.
void check_workforce_assumptions(const toml::table& d, Scenario& s, Diagnostics& diagnostics) {
  const FundAssumptions& f = s.fund;
  if (!s.runs_scheme()) return;
  if (s.economy.minimum_wage.points().size() == 1 && s.economy.minimum_wage.at(0) == 0) {
    add_warning(d, "economy.minimum_wage", "economy", "the minimum wage is 0", "0",
                "the minimum wage in kip a month: the floor of insurable earnings and the "
                "income voluntary members declare",
                s.warnings);
  }
  if (f.initial_reserve == 0) {
    add_warning(d, "fund.initial_reserve", "fund", "the fund starts with no reserve", "0",
                "the reserve on 1 January of the start year, in kip", s.warnings);
  }
  const double reserve_shares =
      f.initial_reserve_share[0] + f.initial_reserve_share[1] + f.initial_reserve_share[2];
  if (std::abs(reserve_shares - 1.0) > 1e-9) {
    char got[64];
    std::snprintf(got, sizeof got, "%.10g", reserve_shares);
    diagnostics.add_at(scenario::source_of(d, "fund.initial_reserve_share"),
                       "fund.initial_reserve_share", "scheme shares do not sum to 1", got,
                       "shares of private, voluntary and civil_servant summing to 1");
  }
  // With the workforce, contributions go to the branches: the shares must sum to 1.
  if (s.projection.end_year == 0) return;
  for (int year = s.projection.start_year; year <= s.projection.end_year; ++year) {
    double total = 0;
    for (const Schedule& share : f.allocation) total += share.at(year);
    if (std::abs(total - 1.0) <= 1e-9) continue;
    char got[64];
    std::snprintf(got, sizeof got, "%.10g in %d", total, year);
    diagnostics.add_at(scenario::source_of(d, "fund.allocation"), "fund.allocation",
                       "branch shares do not sum to 1", got, "shares summing to 1 in every year");
    return;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing the resolved scenario as TOML: keys in the order the files give them (toml++ keeps a
// table's keys sorted by name, so the order is taken from the files' source regions), numbers as
// their shortest round-trip text, and optionally each key's description as a comment.

// The place of a key among its siblings: smaller first.
using KeyRank = std::function<std::size_t(const std::string& path, const toml::key& key)>;

// Keys that no file writes (defaults, values given on the command line) come after those that
// a file writes, in the order of the key table.
constexpr std::size_t kUnwritten = std::numeric_limits<std::size_t>::max() / 2;

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// A key's text: bare when TOML allows it, quoted otherwise ("Vientiane Capital").
std::string toml_key(std::string_view key) {
  const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  if (bare) return std::string(key);
  return toml_string(key);
}

// The key table's description of `path` (with `type` for a key of an [[interventions]] entry),
// as plain text: Markdown links become their text, bold marks go.
std::string key_description(const std::string& path, std::string_view type) {
  const scenario::KeySpec* spec =
      type.empty() ? scenario::find_key(path) : scenario::find_element_key(path, type);
  if (spec == nullptr) return {};
  std::string text;
  const std::string_view d = spec->description;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (d[i] == '[') {
      // A link: [TEXT](TARGET), TEXT without brackets.
      const std::size_t close = d.find(']', i);
      const std::size_t end = close == std::string_view::npos ? close : d.find(')', close);
      if (end != std::string_view::npos && d[close + 1] == '(' &&
          d.substr(i + 1, close - i - 1).find('[') == std::string_view::npos) {
        text += d.substr(i + 1, close - i - 1);
        i = end;
        continue;
      }
    }
    if (d.compare(i, 2, "**") == 0) {
      ++i;
      continue;
    }
    text += d[i];
  }
  if (!spec->units.empty() && spec->units != "–")
    text += " Units: " + std::string(spec->units) + ".";
  return text;
}

// `text` as comment lines of at most kCommentWidth characters.
std::string comment_lines(const std::string& text) {
  constexpr std::size_t kCommentWidth = 100;
  std::string out, line;
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    if (!line.empty() && line.size() + 1 + word.size() > kCommentWidth - 2) {
      out += "# " + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += "# " + line + "\n";
  return out;
}

struct TomlWriter {
  KeyRank rank;
  bool comments = false;

  // The children of `t` in the order of their rank.
  std::vector<std::pair<const toml::key*, const toml::node*>> ordered(
      const toml::table& t, const std::string& path) const {
    std::vector<std::pair<std::size_t, std::pair<const toml::key*, const toml::node*>>> ranked;
    for (auto&& [key, node] : t)
      ranked.push_back({rank(join(path, key.str()), key), {&key, &node}});
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<const toml::key*, const toml::node*>> out;
    for (const auto& r : ranked) out.push_back(r.second);
    return out;
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
  // Written as a [header] (or [[header]]) rather than as a value on the key's line.
  static bool is_section(const toml::node& node) {
    if (const auto* t = node.as_table()) return !t->is_inline();
    const auto* a = node.as_array();
    return a != nullptr && !a->empty() && a->is_array_of_tables();
  }

  std::string value(const toml::node& node, const std::string& path) const {
    if (const auto* s = node.as_string()) return toml_string(s->get());
    if (node.is_floating_point()) return core::describe_value(node);
    if (const auto* i = node.as_integer()) return std::to_string(i->get());
    if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
    if (const auto* a = node.as_array()) {
      std::string out = "[";
      for (std::size_t k = 0; k < a->size(); ++k) {
        out += (k == 0 ? "" : ", ") + value(*a->get(k), path);
      }
      return out + "]";
    }
    if (const auto* t = node.as_table()) {
      if (t->empty()) return "{}";
      std::string out = "{ ";
      bool first = true;
      for (const auto& [key, child] : ordered(*t, path)) {
        out += (first ? "" : ", ") + toml_key(key->str()) + " = " +
               value(*child, join(path, key->str()));
        first = false;
      }
      return out + " }";
    }
    std::ostringstream text;
    node.visit([&text](const auto& v) { text << v; });
    return text.str();
  }

  // The key = value lines of `t`, then its sections. `header` is the TOML path of `t` as
  // written in a [header]; `type` the intervention type of an [[interventions]] entry.
  void table(const toml::table& t, const std::string& path, const std::string& header,
             std::string_view type, std::string& out) const {
    const auto children = ordered(t, path);
    for (const auto& [key, node] : children) {
      if (is_section(*node)) continue;
      const std::string child = join(path, key->str());
      if (comments) out += comment_lines(key_description(child, type));
      out += toml_key(key->str()) + " = " + value(*node, child) + "\n";
    }
    for (const auto& [key, node] : children) {
      if (!is_section(*node)) continue;
      const std::string child = join(path, key->str());
      const std::string child_header =
          header.empty() ? toml_key(key->str()) : header + "." + toml_key(key->str());
      if (const auto* sub = node->as_table()) {
        const bool has_values =
            sub->empty() ||
            std::any_of(sub->begin(), sub->end(), [](auto&& kv) { return !is_section(kv.second); });
        if (has_values) {
          out += out.empty() ? "" : "\n";
          if (comments) out += comment_lines(key_description(child, type));
          out += "[" + child_header + "]\n";
        }
        table(*sub, child, child_header, type, out);
        continue;
      }
      for (const toml::node& element : *node->as_array()) {
        const toml::table& entry = *element.as_table();
        out += out.empty() ? "" : "\n";
        out += "[[" + child_header + "]]\n";
        table(entry, child, child_header, entry["type"].value_or(std::string_view{}), out);
      }
    }
  }
};

// The files of the extends chain of `top`, the deepest base first, as parsed (only for the order
// of their keys: they have been read and checked already).
std::vector<toml::table> chain_of(const fs::path& top) {
  std::vector<toml::table> chain;
  fs::path file = top;
  for (std::size_t depth = 0; depth <= core::kMaxExtendsDepth; ++depth) {
    try {
      toml::table t = toml::parse_file(file.string());
      const std::optional<std::string> extends = t["extends"].value<std::string>();
      chain.insert(chain.begin(), std::move(t));
      if (!extends) break;
      file = (file.parent_path() / *extends).lexically_normal();
    } catch (const toml::parse_error&) {
      break;
    }
  }
  return chain;
}

// Ranks of the dotted paths of `t`: in source order, each path numbered when first seen. The
// keys of the entries of an array of tables ([[interventions]]) are not ranked: entries of
// different types have different keys, and no order of the files would fit them all.
void rank_paths(const toml::table& t, const std::string& path,
                std::map<std::string, std::size_t, std::less<>>& ranks) {
  std::vector<std::pair<toml::source_position, std::pair<const toml::key*, const toml::node*>>>
      keys;
  for (auto&& [key, node] : t) keys.push_back({key.source().begin, {&key, &node}});
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.line, a.first.column) < std::tie(b.first.line, b.first.column);
  });
  for (const auto& [where, entry] : keys) {
    const std::string child = TomlWriter::join(path, entry.first->str());
    ranks.emplace(child, ranks.size());
    if (const auto* sub = entry.second->as_table()) rank_paths(*sub, child, ranks);
  }
}

// A key's place in the resolved scenario, whatever order the files give: the order of the key
// table; keys it does not list (years of a schedule, region names) after them, by name. So the
// same values give the same text (and the same resolved_sha256), written in any order or given
// by --set.
std::size_t key_table_rank(const std::string& path) {
  const auto keys = scenario::scenario_keys();
  const scenario::KeySpec* spec = scenario::find_key(path);
  return spec == nullptr ? kUnwritten : static_cast<std::size_t>(spec - keys.data());
}

// A key's place in the text it was parsed from: line, then column.
std::size_t text_rank(const toml::key& key) {
  constexpr std::size_t kColumnsPerLine = 1 << 16;
  return key.source().begin.line * kColumnsPerLine + key.source().begin.column;
}

// The resolved scenario: defaults filled in, data paths relative to the top file's directory.
std::string resolved_toml(const toml::table& document, const Scenario& s) {
  toml::table out = document;
  // A projection of the population only does not read the workforce sections: their defaults
  // would only clutter its description.
  constexpr std::array<std::string_view, 6> kWorkforceSections = {
      "economy", "labour", "coverage", "contributions", "benefits", "fund"};
  for (const scenario::KeySpec& spec : scenario::scenario_keys()) {
    if (spec.path == "extends" || out.at_path(spec.path)) continue;
    const std::string_view section = spec.path.substr(0, spec.path.find('.'));
    if (!s.has_workforce() && std::find(kWorkforceSections.begin(), kWorkforceSections.end(),
                                        section) != kWorkforceSections.end()) {
      continue;
    }
    // Labour statuses only: the sections of the scheme are not read either.
    if (s.labour_only() && section != "labour" &&
        std::find(kWorkforceSections.begin(), kWorkforceSections.end(), section) !=
            kWorkforceSections.end()) {
      continue;
    }
    const bool table = spec.kind == scenario::Kind::kTable;
    if (!table && spec.default_toml.empty()) continue;
    const auto dot = spec.path.rfind('.');
    toml::table* parent =
        dot == std::string_view::npos ? &out : out.at_path(spec.path.substr(0, dot)).as_table();
    if (parent == nullptr) continue;
    const std::string_view name = spec.path.substr(dot == std::string_view::npos ? 0 : dot + 1);
    if (table) {
      parent->insert(name, toml::table{});
      continue;
    }
    toml::table parsed = toml::parse("v = " + std::string(spec.default_toml));
    parent->insert(name, std::move(*parsed.get("v")));
  }
  const fs::path top_dir = fs::weakly_canonical(fs::absolute(s.file)).parent_path();
  toml::table* data = out.get_as<toml::table>("data");
  for (const scenario::DataTable& spec : scenario::data_tables()) {
    const fs::path& p = s.data.*spec.member;
    const std::string name(spec.key.substr(spec.key.find('.') + 1));
    if (data && !p.empty()) {
      data->insert_or_assign(
          name, fs::weakly_canonical(fs::absolute(p)).lexically_relative(top_dir).generic_string());
    }
  }
  scenario::add_intervention_defaults(out);
  TomlWriter writer;
  writer.rank = [](const std::string& path, const toml::key&) { return key_table_rank(path); };
  std::string text;
  writer.table(out, "", "", "", text);
  return text;
}

}  // namespace

std::string describe_scenario(const Scenario& scenario) {
  toml::table document;
  try {
    document = toml::parse(scenario.resolved_toml, std::string_view("resolved scenario"));
  } catch (const toml::parse_error&) {
    return scenario.resolved_toml;
  }
  // Every key where the first file of the chain that writes it puts it (a base file's key that
  // the scenario changes keeps the base's place, a key only the scenario writes follows the
  // base's keys of its table); keys no file writes (defaults, --set) after them, in the
  // resolved text's order (the key table's), as are the keys of [[interventions]] entries.
  std::map<std::string, std::size_t, std::less<>> ranks;
  for (const toml::table& file : chain_of(scenario.file)) rank_paths(file, "", ranks);
  TomlWriter writer;
  writer.comments = true;
  writer.rank = [&](const std::string& path, const toml::key& key) {
    const auto found = ranks.find(path);
    return found != ranks.end() ? found->second : kUnwritten + text_rank(key);
  };
  std::string text;
  writer.table(document, "", "", "", text);
  return text;
}

Scenario load_scenario(const fs::path& file, const ScenarioOverrides& overrides) {
  Diagnostics diagnostics;
  std::optional<toml::table> document = scenario::read_document(file, diagnostics);
  if (!document) throw ScenarioError(diagnostics.take());
  // The --set changes first: --seed, --replications and --sample-fraction win over them.
  scenario::apply_set_arguments(*document, overrides.set, diagnostics);
  apply_overrides(*document, overrides, diagnostics);
  scenario::check_against_schema(*document, file.string(), diagnostics);

  Scenario s;
  s.file = file;
  scenario::read_bound_keys(*document, s);

  const auto start = scenario::read_integer(*document, "projection.start_year");
  const auto end = scenario::read_integer(*document, "projection.end_year");
  bool projection_ok = start && end && scenario::read_integer(*document, "projection.seed") &&
                       scenario::read_number(*document, "projection.sample_fraction") &&
                       scenario::read_integer(*document, "projection.replications");
  if (start && end && *end <= *start) {
    diagnostics.add_at(scenario::source_of(*document, "projection.end_year"), "projection.end_year",
                       "end year is not after the start year", std::to_string(*end),
                       "a year > projection.start_year (" + std::to_string(*start) + ")");
    projection_ok = false;
  }
  if (!projection_ok) {
    // The stages still decide which tables are read and which cross-checks apply.
    const std::string stages = s.projection.stages;
    s.projection = ProjectionSettings{};
    s.projection.stages = stages;
  }

  // Every schedule of the scenario must give a value for the start year.
  if (start) {
    for (const scenario::KeySpec& spec : scenario::scenario_keys()) {
      if (spec.kind != scenario::Kind::kNumberOrSchedule ||
          spec.path.starts_with("interventions.")) {
        continue;
      }
      if (auto schedule = scenario::read_schedule(*document, spec.path)) {
        check_schedule_start(*document, spec.path, *schedule, static_cast<int>(*start),
                             diagnostics);
      }
    }
  }

  load_inputs(*document, s, projection_ok, diagnostics);
  check_multiplied_rates(*document, s, diagnostics);
  load_workforce(*document, s, diagnostics);
  check_workforce_assumptions(*document, s, diagnostics);
  check_sample_size(*document, s, diagnostics);
  if (diagnostics.empty()) check_stock_sizes(*document, s);
  scenario::read_interventions(*document, s, diagnostics);
  uncertainty::read_uncertain(*document, s, diagnostics);
  check_stages(*document, s, diagnostics);
  s.set_arguments = overrides.set;
  // The extreme draws of the uncertain inputs, loaded once each (only when all else is valid).
  if (diagnostics.empty() && !s.uncertain.empty() && !overrides.draws) {
    uncertainty::check_extremes(s, diagnostics);
  }
  // sampling = "none": a central run, each key with its written value.
  if (s.projection.sampling == "none") s.uncertain.clear();
  if (!diagnostics.empty()) {
    // File by file (in the order the files were read), each in the order of its text, as a
    // compiler would list them; the --set arguments first, in their order.
    std::vector<Diagnostic> list = diagnostics.take();
    std::vector<std::string> files;
    for (const std::string& arg : overrides.set) files.push_back(scenario::set_source_name(arg));
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
  for (std::string_view key : Scenario::kPlacedKeys) {
    if (document->at_path(key).node() == nullptr) continue;
    Diagnostics where;
    where.add_at(scenario::source_of(*document, key), std::string(key), "");
    const Diagnostic d = where.take().front();
    s.places[std::string(key)] = Scenario::Place{d.file, d.line, d.column};
  }
  s.resolved_toml = resolved_toml(*document, s);
  return s;
}

}  // namespace ssproj
