// decisions.csv, comparison_replications.csv and the decision summary of `ssproj compare`.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include <ssproj/compare.h>

#include "output/csv_writer.h"
#include "output/replicated_table.h"
#include "output/strategy_series.h"
#include "uncertainty/uncertain.h"

namespace ssproj {
namespace {

using output::kNaN;
using output::Series;

// Which way a measure is better; `kNone`: no ranking (a level, not a gain).
enum class Better { kHigher, kLower };

struct Measure {
  const char* name;
  Better better;
  bool against_baseline;  // "beats the baseline" means a gain above 0 (else: not defined)
};

// The decision measures, in the order of decisions.csv (docs/outputs.md §9.2).
constexpr Measure kMeasures[] = {
    {"additional_contributors", Better::kHigher, true},
    {"additional_contributor_years", Better::kHigher, true},
    {"programme_cost_real", Better::kLower, false},
    {"programme_cost_discounted", Better::kLower, false},
    {"cost_per_additional_contributor", Better::kLower, false},
    {"cost_per_additional_contributor_year", Better::kLower, false},
    {"reserve_change_real", Better::kHigher, true},
    {"actuarial_balance_change", Better::kHigher, true},
    {"fund_net_cost_change", Better::kLower, true},
};
constexpr std::size_t kNumMeasures = std::size(kMeasures);
constexpr std::size_t kBalanceMeasure = 7;

using Values = std::array<double, kNumMeasures>;

// The measures of strategy `x` against `base` in one replication, to the year of index `y`
// (from the start year); `horizon`: the last year, with the horizon indicators.
Values measures_of(const Series& x, const Series& base, std::size_t y, double rate, bool horizon) {
  double add_years = 0, real = 0, discounted = 0, fund = 0;
  for (std::size_t t = 0; t <= y; ++t) {
    add_years += x.active[t] - base.active[t];
    const double cost = (x.programme[t] + x.subsidy[t]) / x.price[t];
    const double factor = 1 / std::pow(1 + rate, x.years[t] - x.years.front());
    real += cost;
    discounted += cost * factor;
    // What the strategy's extra members (and every other change it makes) cost the fund: its
    // extra outgo less its extra income, each year in base-year kip, discounted.
    fund += ((x.outgo[t] - x.income[t]) / x.price[t] -
             (base.outgo[t] - base.income[t]) / base.price[t]) *
            factor;
  }
  const double add = x.active[y] - base.active[y];
  return {add,
          add_years,
          real,
          discounted,
          discounted > 0 && add > 0 ? discounted / add : kNaN,
          discounted > 0 && add_years > 0 ? discounted / add_years : kNaN,
          (x.reserve[y] - base.reserve[y]) / x.price[y],
          horizon ? x.balance - base.balance : kNaN,
          fund};
}

struct Decisions {
  std::vector<std::string> year_labels;  // "2030", ..., "horizon"
  // [strategy][year label][replication]
  std::vector<std::vector<std::vector<Values>>> values;
};

Decisions decisions_of(const std::vector<StrategyRun>& runs, const std::vector<int>& key_years) {
  const std::size_t replications = runs.front().replications.size();
  const double rate = runs.front().scenario.economy.social_discount_rate;
  // Nominal series: the measures deflate them themselves.
  const auto series = [&](std::size_t s, std::size_t r) -> const Series& {
    return runs[s].replications[r].series;
  };
  Decisions d;
  std::vector<std::pair<std::size_t, bool>> points;  // year index, horizon
  const std::vector<int>& years = series(0, 0).years;
  for (int year : key_years) {
    const auto it = std::find(years.begin(), years.end(), year);
    if (it == years.end()) continue;
    d.year_labels.push_back(std::to_string(year));
    points.emplace_back(static_cast<std::size_t>(it - years.begin()), false);
  }
  d.year_labels.push_back("horizon");
  points.emplace_back(years.size() - 1, true);
  d.values.assign(runs.size(), {});
  for (std::size_t s = 0; s < runs.size(); ++s) {
    for (const auto& [y, horizon] : points) {
      std::vector<Values> per;
      for (std::size_t r = 0; r < replications; ++r) {
        per.push_back(measures_of(series(s, r), series(0, r), y, rate, horizon));
      }
      d.values[s].push_back(std::move(per));
    }
  }
  return d;
}

bool better(double a, double b, Better way) {
  if (std::isnan(a)) return false;
  if (std::isnan(b)) return true;
  return way == Better::kHigher ? a > b : a < b;
}

// Measure m of strategy s at year label k across the replications: its values where it is
// defined, and the shares of replications in which it beats the baseline and ranks first.
struct Summary {
  output::DefinedValues defined;
  double beats = 0;
  double first = 0;
};

Summary summary_of(const Decisions& d, std::size_t s, std::size_t k, std::size_t m) {
  const Measure& measure = kMeasures[m];
  const std::vector<Values>& values = d.values[s][k];
  Summary out;
  std::vector<double> xs;
  for (std::size_t r = 0; r < values.size(); ++r) {
    const double x = values[r][m];
    xs.push_back(x);
    if (measure.against_baseline && better(x, 0.0, measure.better)) out.beats += 1;
    // First among every scenario of the comparison; a tie shares the place equally, so the
    // probabilities of a year and measure add up to 1 whenever some scenario's value is defined.
    std::size_t ahead = 0, tied = 0;
    for (std::size_t o = 0; o < d.values.size(); ++o) {
      const double y = d.values[o][k][r][m];
      if (better(y, x, measure.better)) ++ahead;
      if (o != s && y == x) ++tied;
    }
    if (ahead == 0 && !std::isnan(x)) out.first += 1.0 / static_cast<double>(tied + 1);
  }
  const auto n = static_cast<double>(values.size());
  out.beats /= n;
  out.first /= n;
  out.defined = output::defined_values(xs);
  return out;
}

}  // namespace

std::string decisions_csv(const std::vector<StrategyRun>& runs, const std::vector<int>& key_years) {
  const Decisions d = decisions_of(runs, key_years);
  const auto replications = static_cast<double>(runs.front().replications.size());
  output::CsvWriter out(
      "strategy,year,measure,better,mean,p05,p50,p95,share_defined,prob_beats_baseline,"
      "prob_ranks_first");
  for (std::size_t s = 0; s < runs.size(); ++s) {
    for (std::size_t k = 0; k < d.year_labels.size(); ++k) {
      for (std::size_t m = 0; m < kNumMeasures; ++m) {
        // The actuarial balance is a horizon indicator: no row at a key year.
        if (m == kBalanceMeasure && d.year_labels[k] != "horizon") continue;
        const Measure& measure = kMeasures[m];
        // The mean and the quantiles are over the replications where the measure is defined (a
        // cost per contributor is not where nothing is gained); share_defined says how many.
        const Summary sm = summary_of(d, s, k, m);
        const std::vector<double>& sorted = sm.defined.sorted;
        const bool none = sorted.empty();
        out.field(runs[s].name)
            .field(d.year_labels[k])
            .field(measure.name)
            .field(measure.better == Better::kHigher ? "higher" : "lower")
            .field(sm.defined.mean)
            .field(none ? kNaN : output::quantile(sorted, 0.05))
            .field(none ? kNaN : output::quantile(sorted, 0.50))
            .field(none ? kNaN : output::quantile(sorted, 0.95))
            .field(static_cast<double>(sorted.size()) / replications)
            .field(measure.against_baseline && s > 0 ? sm.beats : kNaN)
            .field(sm.first);
        out.end_row();
      }
    }
  }
  return out.text();
}

std::string comparison_replications_csv(const std::vector<StrategyRun>& runs,
                                        const std::vector<int>& key_years) {
  const Decisions d = decisions_of(runs, key_years);
  output::CsvWriter out("replication,strategy,year,measure,value");
  const std::size_t replications = runs.front().replications.size();
  for (std::size_t r = 0; r < replications; ++r) {
    for (std::size_t s = 0; s < runs.size(); ++s) {
      for (std::size_t k = 0; k < d.year_labels.size(); ++k) {
        for (std::size_t m = 0; m < kNumMeasures; ++m) {
          if (m == kBalanceMeasure && d.year_labels[k] != "horizon") continue;
          out.field(static_cast<long long>(r + 1))
              .field(runs[s].name)
              .field(d.year_labels[k])
              .field(kMeasures[m].name)
              .field(d.values[s][k][r][m]);
          out.end_row();
        }
      }
    }
  }
  return out.text();
}

namespace {

// The uncertain inputs of strategy `s` and the baseline (runs.front()), by key: those of the
// strategy first, then the baseline's others; and their draws [input][replication]. A key both
// draw has the same values in both (common random numbers, uncertainty/uncertain.h).
struct Inputs {
  std::vector<std::string> keys;
  std::vector<std::vector<double>> draws;
};

Inputs inputs_of(const std::vector<StrategyRun>& runs, std::size_t s) {
  Inputs in;
  for (const StrategyRun* run : {&runs[s], &runs.front()}) {
    const std::vector<UncertainInput>& list = run->scenario.uncertain;
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (std::find(in.keys.begin(), in.keys.end(), list[k].key) != in.keys.end()) continue;
      in.keys.push_back(list[k].key);
      std::vector<double> values;
      for (const ComparedReplication& r : run->replications) values.push_back(r.draws[k]);
      in.draws.push_back(std::move(values));
    }
  }
  return in;
}

struct Driver {
  std::string key;
  double prcc;
};

// The inputs ranked by the size of their partial rank correlation with measure m of strategy s
// at year label k (NaN last).
std::vector<Driver> drivers_of(const Decisions& d, const Inputs& in, std::size_t s, std::size_t k,
                               std::size_t m) {
  std::vector<double> output;
  for (const Values& v : d.values[s][k]) output.push_back(v[m]);
  const std::vector<double> prcc = uncertainty::partial_rank_correlations(in.draws, output);
  std::vector<Driver> out;
  for (std::size_t i = 0; i < in.keys.size(); ++i) out.push_back({in.keys[i], prcc[i]});
  std::stable_sort(out.begin(), out.end(), [](const Driver& a, const Driver& b) {
    if (std::isnan(b.prcc)) return !std::isnan(a.prcc);
    return !std::isnan(a.prcc) && std::abs(a.prcc) > std::abs(b.prcc);
  });
  return out;
}

}  // namespace

std::string comparison_drivers_csv(const std::vector<StrategyRun>& runs,
                                   const std::vector<int>& key_years) {
  const Decisions d = decisions_of(runs, key_years);
  output::CsvWriter out("strategy,year,measure,key,prcc,rank");
  for (std::size_t s = 1; s < runs.size(); ++s) {
    const Inputs in = inputs_of(runs, s);
    for (std::size_t k = 0; k < d.year_labels.size(); ++k) {
      for (std::size_t m = 0; m < kNumMeasures; ++m) {
        if (m == kBalanceMeasure && d.year_labels[k] != "horizon") continue;
        const std::vector<Driver> ranked = drivers_of(d, in, s, k, m);
        for (std::size_t i = 0; i < ranked.size(); ++i) {
          out.field(runs[s].name)
              .field(d.year_labels[k])
              .field(kMeasures[m].name)
              .field(ranked[i].key)
              .field(ranked[i].prcc)
              .field(static_cast<long long>(i + 1));
          out.end_row();
        }
      }
    }
  }
  return out.text();
}

std::string comparison_draws_csv(const std::vector<StrategyRun>& runs) {
  output::CsvWriter out("replication,strategy,key,distribution,apply,value");
  const std::size_t replications = runs.front().replications.size();
  for (std::size_t r = 0; r < replications; ++r) {
    for (const StrategyRun& run : runs) {
      for (std::size_t k = 0; k < run.scenario.uncertain.size(); ++k) {
        const UncertainInput& in = run.scenario.uncertain[k];
        out.field(static_cast<long long>(r + 1))
            .field(run.name)
            .field(in.key)
            .field(in.distribution)
            .field(in.apply)
            .field(run.replications[r].draws[k]);
        out.end_row();
      }
    }
  }
  return out.text();
}

}  // namespace ssproj

namespace ssproj {
namespace {

// "412,000"-style text for the terminal: three significant digits, thousands separators.
std::string readable(double x) {
  if (std::isnan(x)) return "n/a";
  if (x == 0) return "0";
  const double magnitude = std::pow(10.0, std::floor(std::log10(std::abs(x))) - 2);
  const double r = std::round(x / magnitude) * magnitude;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", std::abs(r));
  std::string digits = buf, out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (std::abs(r) < 10 && r != std::round(r)) {
    std::snprintf(buf, sizeof buf, "%.2g", std::abs(r));
    out = buf;
  }
  return (r < 0 ? "-" : "") + out;
}

std::string percent(double p) {
  if (std::isnan(p)) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * p);
  return buf;
}

}  // namespace

std::string decisions_summary(const std::vector<StrategyRun>& runs,
                              const std::vector<int>& key_years) {
  const Decisions d = decisions_of(runs, key_years);
  const std::size_t replications = runs.front().replications.size();
  std::size_t width = 8;
  for (const StrategyRun& run : runs) width = std::max(width, run.name.size());
  char line[512];
  std::string out;
  std::snprintf(line, sizeof line,
                "Decision measures (decisions.csv): mean [5%%-95%%] over %zu replication(s); "
                "P(first): share of replications in which the strategy ranks first; costs in "
                "base-year kip discounted at %.1f%% a year to %d\n",
                replications, 100 * runs.front().scenario.economy.social_discount_rate,
                runs.front().scenario.projection.start_year);
  out += line;
  constexpr std::size_t kAdd = 0, kPerYear = 5;
  const std::string headers[2] = {"additional contributors", "kip per additional contributor-year"};
  for (std::size_t k = 0; k + 1 < d.year_labels.size(); ++k) {
    // [strategy][measure]: the text of the cell and of the probability of ranking first.
    std::vector<std::array<std::string, 2>> cells(runs.size()), firsts(runs.size());
    std::size_t widths[2] = {headers[0].size(), headers[1].size()};
    for (std::size_t s = 0; s < runs.size(); ++s) {
      for (std::size_t i = 0; i < 2; ++i) {
        const Summary sm = summary_of(d, s, k, i == 0 ? kAdd : kPerYear);
        const output::DefinedValues& defined = sm.defined;
        std::string& cell = cells[s][i];
        if (defined.sorted.empty()) {
          cell = "n/a (nothing spent or gained)";
        } else {
          cell = readable(defined.mean);
          if (defined.sorted.size() > 1) {
            cell += " [" + readable(output::quantile(defined.sorted, 0.05)) + " to " +
                    readable(output::quantile(defined.sorted, 0.95)) + "]";
          }
          if (defined.missing > 0) {
            cell += " (n/a in " + std::to_string(defined.missing) + " of " +
                    std::to_string(replications) + ")";
          }
        }
        widths[i] = std::max(widths[i], cell.size());
        firsts[s][i] = percent(sm.first);
      }
    }
    const auto row = [&](const std::string& name, const std::string& a, const std::string& fa,
                         const std::string& b, const std::string& fb) {
      std::snprintf(line, sizeof line, "%-*s | %-*s %-8s | %-*s %s\n", static_cast<int>(width),
                    name.c_str(), static_cast<int>(widths[0]), a.c_str(), fa.c_str(),
                    static_cast<int>(widths[1]), b.c_str(), fb.c_str());
      out += line;
    };
    out += "\n";
    row("to " + d.year_labels[k], headers[0], "P(first)", headers[1], "P(first)");
    for (std::size_t s = 0; s < runs.size(); ++s) {
      row(runs[s].name, cells[s][0], firsts[s][0], cells[s][1], firsts[s][1]);
    }
  }
  // What drives the answer: the three inputs most correlated (partial rank correlation) with
  // each strategy's additional contributors at the last key year.
  bool any = false;
  for (std::size_t s = 1; s < runs.size() && d.year_labels.size() > 1; ++s) {
    const Inputs in = inputs_of(runs, s);
    if (in.keys.empty() || replications < in.keys.size() + 3) continue;
    const std::size_t k = d.year_labels.size() - 2;
    if (!any) {
      std::snprintf(line, sizeof line,
                    "\nWhat drives the additional contributors to %s (partial rank correlation "
                    "with the uncertain inputs; comparison_drivers.csv has every measure):\n",
                    d.year_labels[k].c_str());
      out += line;
      any = true;
    }
    std::string top;
    const std::vector<Driver> ranked = drivers_of(d, in, s, k, kAdd);
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) {
      if (std::isnan(ranked[i].prcc)) break;
      char cell[160];
      std::snprintf(cell, sizeof cell, "%s%s %+.2f", top.empty() ? "" : ", ", ranked[i].key.c_str(),
                    ranked[i].prcc);
      top += cell;
    }
    std::snprintf(line, sizeof line, "%-*s | %s\n", static_cast<int>(width), runs[s].name.c_str(),
                  top.empty() ? "-" : top.c_str());
    out += line;
  }
  return out;
}

}  // namespace ssproj
