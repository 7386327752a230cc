// Sensitivity analysis: the plan file, the results of each variant, and the tables.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include <ssproj/compare.h>
#include <ssproj/sensitivity.h>
#include <ssproj/valuation.h>

#include "core/diagnostics.h"
#include "core/toml_guard.h"
#include "output/csv_writer.h"
#include "output/replicated_table.h"
#include "scenario/overrides.h"

namespace ssproj {
namespace fs = std::filesystem;
using core::Diagnostics;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ----------------------------------------------------------------------------------------------
// The plan file

// A name usable as a folder and a CSV field: lower-case letters, digits and underscores.
bool is_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

struct Reader {
  Diagnostics& d;
  fs::path file;

  // Keys of `table` not in `allowed` are errors (with the closest allowed key).
  void only(const toml::table& table, const std::string& prefix,
            const std::vector<std::string>& allowed) {
    for (const auto& [key, node] : table) {
      const std::string k(key.str());
      if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
      const std::string near = core::closest_match(k, allowed);
      d.add_at(node.source(), prefix + k, "unknown key", "",
               near.empty() ? "one of the documented keys" : "did you mean '" + near + "'?");
    }
  }
  std::optional<std::string> string(const toml::table& t, const std::string& key,
                                    const std::string& path, bool required) {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required) d.add_at(t.source(), path, "required key is missing", "", "a string");
      return std::nullopt;
    }
    if (!n->is_string()) {
      d.add_at(n->source(), path, "wrong type", core::describe_value(*n), "a string");
      return std::nullopt;
    }
    return n->as_string()->get();
  }
  std::optional<std::vector<std::string>> strings(const toml::table& t, const std::string& key,
                                                  const std::string& path) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return std::nullopt;
    const toml::array* a = n->as_array();
    std::vector<std::string> out;
    bool ok = a != nullptr;
    if (ok) {
      for (const toml::node& e : *a) {
        if (!e.is_string()) {
          ok = false;
          break;
        }
        out.push_back(e.as_string()->get());
      }
    }
    if (!ok) {
      d.add_at(n->source(), path, "wrong type", core::describe_value(*n),
               "a list of --set expressions, e.g. [\"fund.investment_return+=-0.01\"]");
      return std::nullopt;
    }
    return out;
  }
  // A scenario file named relative to the plan; empty (with a diagnostic) when missing.
  std::optional<fs::path> scenario_file(const toml::table& t, const std::string& key,
                                        const std::string& path, bool required) {
    const std::optional<std::string> name = string(t, key, path, required);
    if (!name) return std::nullopt;
    const fs::path p = (file.parent_path() / *name).lexically_normal();
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
      d.add_at(t.get(key)->source(), path, "file not found", "\"" + *name + "\"",
               "a scenario file relative to the sensitivity file (resolved to " + p.string() + ")");
      return std::nullopt;
    }
    return p;
  }
};

// ----------------------------------------------------------------------------------------------
// Results

// A result the tables report: an indicator of one account, over the horizon or in one year.
struct Metric {
  std::string indicator;
  std::string group;
  int year = 0;
};

std::vector<Metric> metrics(const std::vector<int>& key_years, int first, int last) {
  std::vector<Metric> out;
  for (const char* group : {"pensions", "total"}) {
    for (const char* name : {"general_average_premium", "actuarial_balance", "scaled_premium",
                             "first_year_of_overall_deficit", "reserve_depletion_year"}) {
      out.push_back({name, group, 0});
    }
    for (int year : key_years) {
      if (year < first || year > last) continue;
      out.push_back({"paygo_cost_rate", group, year});
      out.push_back({"reserve_ratio", group, year});
    }
  }
  return out;
}

bool is_year_valued(const Metric& m) {
  return m.indicator == "first_year_of_overall_deficit" || m.indicator == "reserve_depletion_year";
}

double value_of(const Valuation& v, const Metric& m) {
  if (m.year == 0) return horizon_indicator(v, m.indicator, m.group);
  const std::size_t account = m.group == "pensions" ? kPensionsAccount : kTotalAccount;
  for (const FundYear& y : v.years) {
    if (y.year != m.year) continue;
    return m.indicator == "paygo_cost_rate" ? y.branches[account].paygo_cost_rate
                                            : y.branches[account].reserve_ratio;
  }
  return kNaN;
}

// Across replications: the median of years (NaN, "never", counted as later than any year), the
// mean of anything else (NaN when any replication has none).
double summary(std::vector<double> values, bool year_valued) {
  if (values.empty()) return kNaN;
  if (!year_valued) {
    double sum = 0;
    for (double x : values) sum += x;
    return sum / static_cast<double>(values.size());
  }
  // The same median as the tables' (output/replicated_table.h).
  output::sort_nan_last(values);
  return output::quantile(values, 0.5);
}

// The value of a metric in a run, and its change from the baseline, summarised.
std::pair<double, double> value_and_change(const SensitivityRun& run, const SensitivityRun& base,
                                           const Metric& m) {
  std::vector<double> values, changes;
  for (std::size_t r = 0; r < run.valuations.size(); ++r) {
    const double x = value_of(run.valuations[r], m);
    values.push_back(x);
    changes.push_back(x - value_of(base.valuations[r], m));
  }
  return {summary(values, is_year_valued(m)), summary(changes, is_year_valued(m))};
}

std::string fixed(double x, int digits, double scale = 1) {
  if (std::isnan(x)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x * scale);
  return buf;
}

}  // namespace

SensitivityPlan load_sensitivity_plan(const fs::path& file) {
  Diagnostics d;
  SensitivityPlan plan;
  plan.file = file;
  toml::table doc;
  std::string text;
  {
    toml::source_region where;
    where.path = std::make_shared<const std::string>(file.string());
    std::error_code ec;
    // Not a regular file (missing, a directory, a pipe that would wait for a writer, /dev/zero):
    // refused before it is opened.
    if (!std::filesystem::is_regular_file(file, ec)) {
      where.begin = {1, 1};
      d.add_at(where, "", "cannot open sensitivity file", "", "an existing TOML file");
      throw ScenarioError(d.take());
    }
    const std::uintmax_t bytes = std::filesystem::file_size(file, ec);
    if (!ec && bytes > core::kMaxTomlFileBytes) {
      where.begin = {1, 1};
      d.add_at(where, "", "sensitivity file too large", std::to_string(bytes) + " bytes",
               "a sensitivity file of at most 4 MiB");
      throw ScenarioError(d.take());
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      where.begin = {1, 1};
      d.add_at(where, "", "cannot read the file", "", "a readable sensitivity file");
      throw ScenarioError(d.take());
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (const auto bad = core::toml_guard(text)) {  // see core/toml_guard.h
      where.begin = {static_cast<toml::source_index>(bad->line),
                     static_cast<toml::source_index>(bad->column)};
      d.add_at(where, "", "TOML syntax error: " + bad->what);
      throw ScenarioError(d.take());
    }
  }
  try {
    doc = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    toml::source_region where = e.source();
    if (!where.path) where.path = std::make_shared<const std::string>(file.string());
    d.add_at(where, "", "TOML syntax error: " + std::string(e.description()));
    throw ScenarioError(d.take());
  }
  Reader in{d, file};
  in.only(doc, "", {"baseline", "description", "key_years", "assumption", "alternative"});
  const std::optional<fs::path> baseline = in.scenario_file(doc, "baseline", "baseline", true);
  plan.key_years = {2030, 2050, 2075, 2100};
  if (const toml::node* n = doc.get("key_years")) {
    const toml::array* a = n->as_array();
    std::vector<int> years;
    bool ok = a != nullptr && !a->empty();
    if (ok) {
      for (const toml::node& e : *a) {
        const auto* i = e.as_integer();
        if (i == nullptr || i->get() < 1900 || i->get() > 2500) {
          ok = false;
          break;
        }
        years.push_back(static_cast<int>(i->get()));
      }
    }
    if (ok) {
      plan.key_years = years;
    } else {
      d.add_at(n->source(), "key_years", "wrong type", core::describe_value(*n),
               "a non-empty list of years, e.g. [2030, 2050]");
    }
  }
  if (baseline) plan.variants.push_back({"baseline", "baseline", "", *baseline, {}});

  std::set<std::string> names = {"baseline"};
  auto each_table = [&](const char* key, auto&& read) {
    const toml::node* n = doc.get(key);
    if (n == nullptr) return;
    const toml::array* a = n->as_array();
    if (a == nullptr || !a->is_array_of_tables()) {
      d.add_at(n->source(), key, "wrong type", core::describe_value(*n),
               std::string("[[") + key + "]] tables");
      return;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
      read(*a->get(i)->as_table(), std::string(key) + "[" + std::to_string(i) + "].");
    }
  };
  auto name_of = [&](const toml::table& t,
                     const std::string& prefix) -> std::optional<std::string> {
    std::optional<std::string> name = in.string(t, "name", prefix + "name", true);
    if (!name) return std::nullopt;
    if (!is_name(*name)) {
      d.add_at(t.get("name")->source(), prefix + "name", "invalid name", "\"" + *name + "\"",
               "lower-case letters, digits and underscores (it names an output folder)");
      return std::nullopt;
    }
    return name;
  };
  auto unique = [&](const toml::table& t, const std::string& prefix, const std::string& name) {
    if (names.insert(name).second) return true;
    d.add_at(t.get("name")->source(), prefix + "name", "duplicate name", "\"" + name + "\"",
             "a name no other variant has");
    return false;
  };
  // The line and column of each element of an array of --set expressions.
  const auto places_of = [](const toml::node* node) {
    std::vector<std::pair<int, int>> places;
    if (const toml::array* a = node ? node->as_array() : nullptr) {
      for (const toml::node& e : *a) {
        places.emplace_back(static_cast<int>(e.source().begin.line),
                            static_cast<int>(e.source().begin.column));
      }
    }
    return places;
  };
  each_table("assumption", [&](const toml::table& t, const std::string& prefix) {
    in.only(t, prefix, {"name", "description", "low", "high", "low_scenario", "high_scenario"});
    const std::optional<std::string> name = name_of(t, prefix);
    for (const char* side : {"low", "high"}) {
      const std::string scenario_key = std::string(side) + "_scenario";
      const std::optional<std::vector<std::string>> set = in.strings(t, side, prefix + side);
      std::optional<fs::path> own;
      if (t.get(scenario_key) != nullptr) {
        own = in.scenario_file(t, scenario_key, prefix + scenario_key, true);
      }
      if (t.get(side) == nullptr && t.get(scenario_key) == nullptr) {
        d.add_at(t.source(), prefix + side, "required key is missing", "",
                 std::string("`") + side + "` (--set expressions) or `" + scenario_key + "`");
        continue;
      }
      if (!name || !baseline) continue;
      const std::string variant = *name + "_" + side;
      if (!unique(t, prefix, variant)) continue;
      plan.variants.push_back({variant, side, *name, own ? *own : *baseline,
                               set.value_or(std::vector<std::string>{}), places_of(t.get(side))});
    }
  });
  each_table("alternative", [&](const toml::table& t, const std::string& prefix) {
    in.only(t, prefix, {"name", "description", "set", "scenario"});
    const std::optional<std::string> name = name_of(t, prefix);
    const std::optional<std::vector<std::string>> set = in.strings(t, "set", prefix + "set");
    std::optional<fs::path> own;
    if (t.get("scenario") != nullptr)
      own = in.scenario_file(t, "scenario", prefix + "scenario", true);
    if (t.get("set") == nullptr && t.get("scenario") == nullptr) {
      // It would run as a copy of the baseline.
      d.add_at(t.source(), prefix + "set", "required key is missing", "",
               "`set` (--set expressions) or `scenario`: an alternative that changes nothing is "
               "the baseline");
      return;
    }
    if (!name || !baseline || !unique(t, prefix, *name)) return;
    plan.variants.push_back({*name, "alternative", "", own ? *own : *baseline,
                             set.value_or(std::vector<std::string>{}), places_of(t.get("set"))});
  });
  if (!d.empty()) throw ScenarioError(d.take());
  return plan;
}

std::string sensitivity_csv(const std::vector<SensitivityRun>& runs,
                            const std::vector<int>& key_years) {
  output::CsvWriter csv("variant,kind,assumption,indicator,group,year,value,change");
  const SensitivityRun& base = runs.front();
  const std::vector<FundYear>& years = base.valuations.front().years;
  for (const Metric& m : metrics(key_years, years.front().year, years.back().year)) {
    for (const SensitivityRun& run : runs) {
      const auto [value, change] = value_and_change(run, base, m);
      csv.field(run.variant.name).field(run.variant.kind).field(run.variant.assumption);
      csv.field(m.indicator).field(m.group);
      if (m.year != 0) {
        csv.field(static_cast<long long>(m.year));
      } else {
        csv.field(std::string_view{});
      }
      csv.field(value).field(change);
      csv.end_row();
    }
  }
  return csv.text();
}

std::string tornado_csv(const std::vector<SensitivityRun>& runs,
                        const std::vector<int>& key_years) {
  output::CsvWriter csv(
      "indicator,group,year,assumption,baseline,low,high,low_change,high_change,swing");
  const SensitivityRun& base = runs.front();
  const std::vector<FundYear>& years = base.valuations.front().years;
  for (const Metric& m : metrics(key_years, years.front().year, years.back().year)) {
    struct Bar {
      std::string assumption;
      double low = kNaN, high = kNaN, low_change = kNaN, high_change = kNaN;
      double swing() const {
        double s = -1;
        if (!std::isnan(low_change)) s = std::max(s, std::abs(low_change));
        if (!std::isnan(high_change)) s = std::max(s, std::abs(high_change));
        return s < 0 ? kNaN : s;
      }
    };
    std::vector<Bar> bars;
    for (const SensitivityRun& run : runs) {
      if (run.variant.kind != "low" && run.variant.kind != "high") continue;
      auto at = std::find_if(bars.begin(), bars.end(),
                             [&](const Bar& b) { return b.assumption == run.variant.assumption; });
      if (at == bars.end()) {
        bars.push_back({run.variant.assumption});
        at = bars.end() - 1;
      }
      const auto [value, change] = value_and_change(run, base, m);
      (run.variant.kind == "low" ? at->low : at->high) = value;
      (run.variant.kind == "low" ? at->low_change : at->high_change) = change;
    }
    // Largest swing first; a bar without any change (events that never happen) last; ties in
    // the plan's order.
    std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
      const double x = a.swing(), y = b.swing();
      return std::isnan(y) ? !std::isnan(x) : (!std::isnan(x) && x > y);
    });
    const double baseline = value_and_change(base, base, m).first;
    for (const Bar& b : bars) {
      csv.field(m.indicator).field(m.group);
      if (m.year != 0) {
        csv.field(static_cast<long long>(m.year));
      } else {
        csv.field(std::string_view{});
      }
      csv.field(b.assumption).field(baseline).field(b.low).field(b.high);
      csv.field(b.low_change).field(b.high_change).field(b.swing());
      csv.end_row();
    }
  }
  return csv.text();
}

std::string sensitivity_summary(const std::vector<SensitivityRun>& runs,
                                const std::vector<int>& key_years) {
  const SensitivityRun& base = runs.front();
  const std::vector<FundYear>& years = base.valuations.front().years;
  std::vector<int> shown;
  for (int y : key_years) {
    if (y >= years.front().year && y <= years.back().year) shown.push_back(y);
  }
  std::size_t width = 8;
  for (const SensitivityRun& r : runs) width = std::max(width, r.variant.name.size());
  std::string out;
  char buf[256];
  auto cell = [&](const std::string& text, int w) {
    std::snprintf(buf, sizeof buf, "%*s", w, text.c_str());
    out += buf;
  };
  std::snprintf(buf, sizeof buf, "%-*s", static_cast<int>(width), "variant");
  out += buf;
  out += "   GAP pens  GAP total  AB total  SP1 pens  SP1 total  depl pens  depl total";
  for (int y : shown) {
    cell("PAYG " + std::to_string(y), 10);
  }
  out += "\n";
  auto value = [&](const SensitivityRun& run, const char* name, const char* group, int year = 0) {
    return value_and_change(run, base, Metric{name, group, year}).first;
  };
  for (const SensitivityRun& run : runs) {
    std::snprintf(buf, sizeof buf, "%-*s", static_cast<int>(width), run.variant.name.c_str());
    out += buf;
    cell(fixed(value(run, "general_average_premium", "pensions"), 1, 100) + "%", 11);
    cell(fixed(value(run, "general_average_premium", "total"), 1, 100) + "%", 11);
    cell(fixed(value(run, "actuarial_balance", "total"), 1, 100) + "%", 10);
    cell(fixed(value(run, "scaled_premium", "pensions"), 1, 100) + "%", 10);
    cell(fixed(value(run, "scaled_premium", "total"), 1, 100) + "%", 11);
    cell(fixed(value(run, "reserve_depletion_year", "pensions"), 0), 11);
    cell(fixed(value(run, "reserve_depletion_year", "total"), 0), 12);
    for (int y : shown) {
      cell(fixed(value(run, "paygo_cost_rate", "total", y), 1, 100) + "%", 10);
    }
    out += "\n";
  }
  out +=
      "GAP: general average premium, AB: actuarial balance (% of insurable earnings, over the "
      "projection); "
      "SP1: ILO scaled premium of the first period; depl: reserve depletion year (- never); "
      "PAYG: cost rate of the total (% of insurable earnings). Reserve ratios: sensitivity.csv.\n";
  return out;
}

namespace {

// The resolved scenario without its [fund] table and names: two scenarios equal in this differ
// only in the fund's assumptions, which do not enter the simulation.
std::string simulation_part(const Scenario& s) {
  toml::table t = toml::parse(s.resolved_toml);
  for (const char* key : {"fund", "name", "description"}) t.erase(key);
  std::ostringstream text;
  text << t;
  return text.str();
}

}  // namespace

namespace {

// A problem of variant `v`: its message names the variant, and a problem with one of the
// variant's --set expressions is located where the plan writes it.
Diagnostic of_variant(Diagnostic d, const SensitivityVariant& v, const fs::path& plan_file) {
  d.message = "variant " + v.name + ": " + d.message;
  for (std::size_t i = 0; i < v.set.size() && i < v.set_places.size(); ++i) {
    if (d.file != scenario::set_source_name(v.set[i])) continue;
    d.file = plan_file.string();
    d.line = v.set_places[i].first;
    d.column = v.set_places[i].second;
    break;
  }
  return d;
}

}  // namespace

std::vector<Scenario> load_sensitivity_scenarios(const SensitivityPlan& plan,
                                                 const ScenarioOverrides& common) {
  std::vector<Scenario> scenarios;
  std::vector<Diagnostic> problems;
  for (const SensitivityVariant& v : plan.variants) {
    ScenarioOverrides overrides = common;
    overrides.set.insert(overrides.set.end(), v.set.begin(), v.set.end());
    try {
      scenarios.push_back(load_scenario(v.scenario, overrides));
    } catch (const ScenarioError& e) {
      for (Diagnostic d : e.diagnostics())
        problems.push_back(of_variant(std::move(d), v, plan.file));
    }
  }
  if (problems.empty()) {
    // Each variant against the baseline, so that a problem names its variant; the baseline's
    // own problems (no workforce tables, or not the scheme's stages) once.
    problems = comparison_problems({scenarios.front()});
    for (std::size_t k = 1; k < scenarios.size(); ++k) {
      for (Diagnostic d : comparison_problems({scenarios.front(), scenarios[k]})) {
        if (d.file == scenarios.front().file.string() &&
            (d.key == "data.regions" || d.key == "projection.stages")) {
          continue;
        }
        problems.push_back(of_variant(std::move(d), plan.variants[k], plan.file));
      }
    }
  }
  if (!problems.empty()) throw ScenarioError(problems);
  return scenarios;
}

std::vector<SensitivityRun> run_sensitivity(
    const SensitivityPlan& plan, std::vector<Scenario> scenarios, const RunOptions& options,
    const std::function<void(const SensitivityRun&, const ProjectionResults&)>& each) {
  std::vector<SensitivityRun> runs;
  ProjectionResults baseline;
  std::string baseline_simulation;
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    SensitivityRun run;
    run.variant = plan.variants[k];
    run.scenario = std::move(scenarios[k]);
    ProjectionResults results;
    if (k > 0 && simulation_part(run.scenario) == baseline_simulation) {
      // Same persons, same careers: only the fund's assumptions differ, so the baseline's
      // simulation is valued again (exactly what simulating it again would give).
      results = baseline;
      for (std::size_t r = 0; r < results.replications.size(); ++r) {
        // (Of an MPI run, only this process's replications: the others are empty here.)
        if (!options.runs_here(static_cast<int>(r)) && options.process != 0) continue;
        results.valuations[r] = valuate(run.scenario, results.replications[r].workforce);
      }
    } else {
      results = simulate(run.scenario, options);
    }
    if (k == 0) {
      baseline = results;
      baseline_simulation = simulation_part(run.scenario);
    }
    if (each) each(run, results);
    run.valuations = std::move(results.valuations);
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace ssproj
