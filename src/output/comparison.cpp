// comparison.csv and the terminal summary of `ssproj compare`.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include <ssproj/compare.h>

#include "output/csv_writer.h"
#include "output/places.h"
#include "output/replicated_table.h"
#include "output/strategy_series.h"

namespace ssproj {
namespace {

using output::kNaN;
using output::Series;

const std::vector<std::string> kColumns = {"active_contributors",
                                           "coverage_rate",
                                           "additional_contributors",
                                           "programme_cost",
                                           "subsidy_cost",
                                           "cumulative_cost",
                                           "cost_per_additional_contributor_year",
                                           "reserve_end",
                                           "paygo_cost_rate",
                                           "general_average_premium",
                                           "reserve_depletion_year"};

// Per replication: the yearly rows of a strategy against the baseline, and its horizon row.
struct Rows {
  std::vector<std::array<double, 11>> years;
  std::array<double, 11> horizon{};
};

Rows rows_of(const Series& s, const Series& base) {
  Rows rows;
  double cumulative_cost = 0, cumulative_additional = 0;
  for (std::size_t y = 0; y < s.years.size(); ++y) {
    const double additional = s.active[y] - base.active[y];
    cumulative_cost += s.programme[y] + s.subsidy[y];
    cumulative_additional += additional;
    // Not applicable (empty) when nothing is spent or nothing is gained (docs/outputs.md §9.2).
    const double per = cumulative_cost > 0 && cumulative_additional > 0
                           ? cumulative_cost / cumulative_additional
                           : kNaN;
    rows.years.push_back({s.active[y], s.employed[y] > 0 ? s.active[y] / s.employed[y] : 0.0,
                          additional, s.programme[y], s.subsidy[y], cumulative_cost, per,
                          s.reserve[y], s.paygo[y], kNaN, kNaN});
  }
  const std::array<double, 11>& last = rows.years.back();
  rows.horizon = {
      kNaN,  kNaN,       cumulative_additional, kNaN, kNaN, last[5], last[6], kNaN, kNaN,
      s.gap, s.depletion};
  return rows;
}

std::vector<std::vector<Rows>> all_rows(const std::vector<StrategyRun>& runs) {
  const StrategyRun& baseline = runs.front();
  const bool constant = baseline.scenario.projection.prices == "constant";
  std::vector<std::vector<Rows>> out;  // [strategy][replication]
  for (const StrategyRun& run : runs) {
    std::vector<Rows> per_replication;
    for (std::size_t r = 0; r < run.replications.size(); ++r) {
      const Series& s = run.replications[r].series;
      const Series& b = baseline.replications[r].series;
      per_replication.push_back(constant ? rows_of(output::deflated(s), output::deflated(b))
                                         : rows_of(s, b));
    }
    out.push_back(std::move(per_replication));
  }
  return out;
}

std::string with_thousands(double x, int decimals = 0) {
  if (std::isnan(x)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(x));
  std::string digits(buf);
  const auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  const std::string rest = dot == std::string::npos ? "" : digits.substr(dot);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
    whole.insert(static_cast<std::size_t>(i), ",");
  }
  return (x < 0 && std::abs(x) >= 0.5 * std::pow(10.0, -decimals) ? "-" : "") + whole + rest;
}

double mean(const std::vector<double>& xs) {
  for (double x : xs) {
    if (std::isnan(x)) return kNaN;
  }
  return std::accumulate(xs.begin(), xs.end(), 0.0) / static_cast<double>(xs.size());
}

}  // namespace

std::vector<Diagnostic> comparison_problems(const std::vector<Scenario>& scenarios) {
  std::vector<Diagnostic> problems;
  if (scenarios.empty()) return problems;
  const Scenario& base = scenarios.front();
  // At the key's value when the scenario writes it, else at its file.
  const auto placed = [](const Scenario& s, const std::string& key) {
    Diagnostic d;
    d.file = s.file.string();
    if (const auto p = s.places.find(key); p != s.places.end()) {
      d.file = p->second.file;
      d.line = p->second.line;
      d.column = p->second.column;
    }
    d.key = key;
    return d;
  };
  const auto problem = [&](const Scenario& s, const std::string& key, const std::string& got,
                           const std::string& expected) {
    Diagnostic d = placed(s, key);
    d.message = "cannot be compared with the baseline";
    d.got = got;
    d.expected = expected + " (as in " + base.file.string() + ")";
    problems.push_back(std::move(d));
  };
  for (const Scenario& s : scenarios) {
    if (!s.has_workforce()) {
      Diagnostic d = placed(s, "data.base_population");
      d.key = "data.regions";
      d.message = "a comparison needs the workforce tables";
      d.expected = "the five workforce tables in [data]";
      problems.push_back(std::move(d));
    }
    if (s.has_workforce() && !s.runs_scheme()) {
      Diagnostic d = placed(s, "projection.stages");
      d.key = "projection.stages";
      d.message = "a comparison needs the scheme's stages";
      d.got = "\"" + s.projection.stages + "\"";
      d.expected = "\"all\"";
      problems.push_back(std::move(d));
    }
    if (&s == &base) continue;
    const ProjectionSettings& a = s.projection;
    const ProjectionSettings& b = base.projection;
    if (a.start_year != b.start_year) {
      problem(s, "projection.start_year", std::to_string(a.start_year),
              std::to_string(b.start_year) +
                  ": or give --set projection.start_year=" + std::to_string(b.start_year));
    }
    if (a.end_year != b.end_year) {
      problem(s, "projection.end_year", std::to_string(a.end_year),
              std::to_string(b.end_year) +
                  ": or give --set projection.end_year=" + std::to_string(b.end_year));
    }
    if (a.seed != b.seed) {
      problem(s, "projection.seed", std::to_string(a.seed),
              std::to_string(b.seed) + ": common random numbers need one seed; or give --seed");
    }
    if (a.sample_fraction != b.sample_fraction) {
      problem(s, "projection.sample_fraction", output::number_text(a.sample_fraction),
              output::number_text(b.sample_fraction) +
                  ": one sample for every strategy; or give --sample-fraction");
    }
    if (a.replications != b.replications) {
      problem(s, "projection.replications", std::to_string(a.replications),
              std::to_string(b.replications) + ": or give --replications");
    }
    // The same places and sectors, so that comparison_places.csv compares like with like.
    const WorkforceInputs& w = s.workforce;
    const WorkforceInputs& bw = base.workforce;
    if (w.provinces != bw.provinces || w.province_region != bw.province_region) {
      problem(s, "data.provinces", std::to_string(w.provinces.size()) + " provinces",
              "the baseline's " + std::to_string(bw.provinces.size()) + " provinces");
    }
    if (w.districts != bw.districts || w.district_province != bw.district_province) {
      problem(s, "data.districts", std::to_string(w.districts.size()) + " districts",
              "the baseline's " + std::to_string(bw.districts.size()) + " districts");
    }
    if (w.sectors != bw.sectors) {
      problem(s, "data.sector_shares", std::to_string(w.sectors.size()) + " sectors",
              "the baseline's " + std::to_string(bw.sectors.size()) + " sectors");
    }
    if (s.inputs.base_year != base.inputs.base_year) {
      problem(s, "data.base_population", "base year " + std::to_string(s.inputs.base_year),
              "base year " + std::to_string(base.inputs.base_year));
    }
  }
  return problems;
}

std::vector<std::string> strategy_names(const std::vector<Scenario>& scenarios) {
  std::vector<std::string> names;
  for (const Scenario& s : scenarios) {
    const std::string stem = s.file.stem().string();
    std::string name = stem;
    for (int k = 2; std::find(names.begin(), names.end(), name) != names.end(); ++k) {
      name = stem + "-" + std::to_string(k);
    }
    names.push_back(name);
  }
  return names;
}

std::string comparison_csv(const std::vector<StrategyRun>& runs) {
  const std::size_t replications = runs.front().replications.size();
  output::ReplicatedTable table("strategy,year", kColumns, replications);
  const std::vector<std::vector<Rows>> rows = all_rows(runs);
  for (std::size_t s = 0; s < runs.size(); ++s) {
    const std::size_t num_years = rows[s].front().years.size();
    const std::vector<int>& years = runs[s].replications.front().series.years;
    for (std::size_t y = 0; y < num_years; ++y) {
      table.add_row(runs[s].name + "," + std::to_string(years[y]));
      for (std::size_t r = 0; r < replications; ++r) {
        for (std::size_t c = 0; c < kColumns.size(); ++c) table.set(r, c, rows[s][r].years[y][c]);
      }
    }
    table.add_row(runs[s].name + ",horizon");
    for (std::size_t r = 0; r < replications; ++r) {
      for (std::size_t c = 0; c < kColumns.size(); ++c) table.set(r, c, rows[s][r].horizon[c]);
    }
  }
  return table.csv();
}

std::string comparison_places_csv(const std::vector<StrategyRun>& runs,
                                  const std::vector<int>& key_years) {
  const std::size_t replications = runs.front().replications.size();
  output::ReplicatedTable table(
      "strategy,year,level,place",
      {"active_contributors", "additional_contributors", "coverage_of_employed", "coverage_change"},
      replications);
  const std::vector<output::PlaceRow> places = output::place_rows(runs.front().scenario.workforce);
  // The key years whose place tallies were kept (compared_replications()), the same in every
  // replication and strategy.
  const auto& years = runs.front().replications.front().places;
  const auto coverage = [](const PlaceTally& t) {
    return t.employed > 0 ? t.active / t.employed : kNaN;
  };
  for (const StrategyRun& run : runs) {
    for (int year : key_years) {
      const auto at = std::find_if(years.begin(), years.end(),
                                   [year](const auto& y) { return y.first == year; });
      if (at == years.end()) continue;
      const auto y = static_cast<std::size_t>(at - years.begin());
      for (const output::PlaceRow& place : places) {
        table.add_row(run.name + "," + std::to_string(year) + "," + place.key);
        for (std::size_t r = 0; r < replications; ++r) {
          const PlaceTally s =
              output::sum_rows(run.replications[r].places[y].second, place.members);
          const PlaceTally b =
              output::sum_rows(runs.front().replications[r].places[y].second, place.members);
          table.set(r, 0, s.active);
          table.set(r, 1, s.active - b.active);
          table.set(r, 2, coverage(s));
          table.set(r, 3, coverage(s) - coverage(b));
        }
      }
    }
  }
  return table.csv();
}

std::string comparison_summary(const std::vector<StrategyRun>& runs,
                               const std::vector<int>& key_years) {
  const std::vector<std::vector<Rows>> rows = all_rows(runs);
  const std::vector<int>& all_years = runs.front().replications.front().series.years;
  std::vector<std::pair<int, std::size_t>> years;  // key year, index
  for (int year : key_years) {
    for (std::size_t y = 0; y < all_years.size(); ++y) {
      if (all_years[y] == year) years.emplace_back(year, y);
    }
  }
  const std::size_t replications = runs.front().replications.size();
  // A number of strategy s in each replication, and its mean.
  const auto values_of = [&](std::size_t s, auto&& pick) {
    std::vector<double> xs;
    for (std::size_t r = 0; r < replications; ++r) xs.push_back(pick(rows[s][r]));
    return xs;
  };
  const auto average = [&](std::size_t s, auto&& pick) { return mean(values_of(s, pick)); };
  std::size_t width = 8;
  for (const StrategyRun& run : runs) width = std::max(width, run.name.size());

  std::string out;
  char line[512];
  const ProjectionSettings& p = runs.front().scenario.projection;
  std::snprintf(line, sizeof line,
                "Strategies against %s, %d-%d: seed %llu, %d replication(s), common random "
                "numbers%s\n\n",
                runs.front().name.c_str(), p.start_year, p.end_year,
                static_cast<unsigned long long>(p.seed), p.replications,
                replications > 1 ? " (means across replications)" : "");
  out += line;
  // Header: per key year, contributors (thousands), the change, coverage of the employed.
  std::string h1 = std::string(width, ' '), h2 = "strategy" + std::string(width - 8, ' ');
  for (const auto& [year, index] : years) {
    (void)index;
    std::snprintf(line, sizeof line, " | %-27d", year);
    h1 += line;
    h2 += " | contrib.k  change.k  cover%";
  }
  h1 += " | over the projection";
  h2 += " | cost kip/extra contrib-yr  GAP%  depleted";
  out += h1 + "\n" + h2 + "\n" + std::string(h2.size(), '-') + "\n";
  for (std::size_t s = 0; s < runs.size(); ++s) {
    std::string row = runs[s].name + std::string(width - runs[s].name.size(), ' ');
    for (const auto& [year, index] : years) {
      (void)year;
      const std::size_t y = index;
      const double active = average(s, [&](const Rows& r) { return r.years[y][0]; });
      const double change = average(s, [&](const Rows& r) { return r.years[y][2]; });
      const double cover = average(s, [&](const Rows& r) { return r.years[y][1]; });
      std::snprintf(
          line, sizeof line, " | %9s  %8s  %6.2f", with_thousands(active / 1e3, 1).c_str(),
          s == 0 ? "-" : ((change >= 0 ? "+" : "") + with_thousands(change / 1e3, 1)).c_str(),
          100 * cover);
      row += line;
    }
    // The cost per additional contributor-year over the replications where it is defined (not
    // where nothing is gained), with the count of the others.
    const output::DefinedValues defined =
        output::defined_values(values_of(s, [](const Rows& r) { return r.horizon[6]; }));
    std::string per_text = "-";
    if (s > 0 && !defined.sorted.empty()) {
      per_text = with_thousands(defined.mean);
      if (defined.missing > 0) per_text += " (n/a in " + std::to_string(defined.missing) + ")";
    }
    const double gap = average(s, [](const Rows& r) { return r.horizon[9]; });
    const double depleted = average(s, [](const Rows& r) { return r.horizon[10]; });
    char gap_text[32] = "-";
    if (!std::isnan(gap)) std::snprintf(gap_text, sizeof gap_text, "%.1f", 100 * gap);
    std::snprintf(line, sizeof line, " | %26s  %4s  %8s", per_text.c_str(), gap_text,
                  std::isnan(depleted) ? "never" : std::to_string(std::lround(depleted)).c_str());
    row += line;
    out += row + "\n";
  }
  return out;
}

}  // namespace ssproj
