// The population tables and the manifest.
#include <algorithm>
#include <charconv>
#include <cmath>

#include <ssproj/output.h>
#include <ssproj/version.h>

#include "output/csv_writer.h"
#include "output/json.h"
#include "output/places.h"
#include "output/replicated_table.h"
#include "util/sha256.h"

namespace ssproj {
namespace {

using output::json_number;
using output::json_string;

// Calls f(key text "year,sex,age_group,area,status", sex, band, area, status) for every cell
// of a workforce year, in the output's row order.
template <typename F>
void for_each_workforce_cell(const WorkforceYear& y, F&& f) {
  for (Sex sex : kSexes) {
    const auto s = static_cast<std::size_t>(sex);
    for (std::size_t b = 0; b < kNumAgeBands; ++b) {
      for (std::size_t a = 0; a < kNumAreas; ++a) {
        for (std::size_t st = 0; st < kNumStatuses; ++st) {
          f(std::to_string(y.year) + "," + sex_name(sex) + "," + std::string(kAgeBandNames[b]) +
                "," + std::string(kAreaNames[a]) + "," + std::string(kStatusNames[st]),
            s, b, a, st);
        }
      }
    }
  }
}

// A JSON array of {"file", "sha256"} objects, one per line, indented as in the manifests.
std::string json_file_list(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string j = "[\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    j += "    {\"file\": " + json_string(files[i].first) +
         ", \"sha256\": " + json_string(files[i].second) + "}";
    j += i + 1 < files.size() ? ",\n" : "\n";
  }
  return j + "  ]";
}

}  // namespace

std::string cohort_population_csv(const PopulationSeries& series) {
  output::CsvWriter csv("year,sex,age,persons");
  for (int year = series.first_year; year <= series.last_year(); ++year) {
    for (Sex sex : kSexes) {
      for (int age = 0; age <= kMaxAge; ++age) {
        csv.field(static_cast<long long>(year))
            .field(sex_name(sex))
            .field(static_cast<long long>(age));
        csv.field(series.at(year)[static_cast<std::size_t>(sex)][static_cast<std::size_t>(age)]);
        csv.end_row();
      }
    }
  }
  return csv.text();
}

std::string microsimulation_population_csv(const std::vector<ReplicationResult>& replications) {
  output::ReplicatedTable table("year,sex,age", {"persons"}, replications.size());
  const PopulationSeries& first = replications.front().population;
  for (int year = first.first_year; year <= first.last_year(); ++year) {
    for (Sex sex : kSexes) {
      for (int age = 0; age <= kMaxAge; ++age) {
        table.add_row(std::to_string(year) + "," + sex_name(sex) + "," + std::to_string(age));
        for (std::size_t r = 0; r < replications.size(); ++r) {
          table.set(r, 0,
                    replications[r].population.at(
                        year)[static_cast<std::size_t>(sex)][static_cast<std::size_t>(age)]);
        }
      }
    }
  }
  return table.csv();
}

std::string labour_csv(const std::vector<ReplicationResult>& replications) {
  output::ReplicatedTable table("year,sex,age_group,area,status", {"persons"}, replications.size());
  for (std::size_t y = 0; y < replications.front().workforce.size(); ++y) {
    for_each_workforce_cell(
        replications.front().workforce[y],
        [&](const std::string& key, std::size_t s, std::size_t b, std::size_t a, std::size_t st) {
          table.add_row(key);
          for (std::size_t r = 0; r < replications.size(); ++r) {
            table.set(r, 0, replications[r].workforce[y].cells[s][b][a][st].persons);
          }
        });
  }
  return table.csv();
}

std::string coverage_csv(const std::vector<ReplicationResult>& replications) {
  output::ReplicatedTable table(
      "year,sex,age_group,area,status,scheme",
      {"registered", "ever_registered", "active_contributors", "coverage_rate"},
      replications.size());
  for (std::size_t y = 0; y < replications.front().workforce.size(); ++y) {
    for_each_workforce_cell(
        replications.front().workforce[y],
        [&](const std::string& key, std::size_t s, std::size_t b, std::size_t a, std::size_t st) {
          for (std::size_t k = 0; k < kNumSchemes; ++k) {
            table.add_row(key + "," + std::string(kSchemeNames[k]));
            for (std::size_t r = 0; r < replications.size(); ++r) {
              const WorkforceCell& c = replications[r].workforce[y].cells[s][b][a][st];
              table.set(r, 0, c.registered[k]);
              table.set(r, 1, c.ever_registered[k]);
              table.set(r, 2, c.active[k]);
              table.set(r, 3, c.persons > 0 ? c.active[k] / c.persons : 0.0);
            }
          }
        });
  }
  return table.csv();
}

namespace {

// The value columns of places.csv and sectors.csv, from a sum of place rows.
const std::vector<std::string> kPlaceValues = {"persons_15_plus", "employed", "insured",
                                               "active_contributors", "coverage_of_employed"};

void set_place_values(output::ReplicatedTable& table, std::size_t r, const PlaceTally& t) {
  table.set(r, 0, t.persons);
  table.set(r, 1, t.employed);
  table.set(r, 2, t.insured);
  table.set(r, 3, t.active);
  // NaN (an empty field) where nobody is employed.
  table.set(r, 4, t.employed > 0 ? t.active / t.employed : std::nan(""));
}

}  // namespace

namespace output {

std::vector<PlaceRow> place_rows(const WorkforceInputs& w) {
  std::vector<PlaceRow> rows;
  std::vector<std::size_t> all;
  for (std::size_t q = 0; q < num_provinces(w); ++q) all.push_back(q);
  rows.push_back({"national,all", ",", all});
  for (std::size_t r = 0; r < w.regions.size(); ++r) {
    std::vector<std::size_t> members;
    for (std::size_t q = 0; q < num_provinces(w); ++q) {
      if (province_region(w, q) == r) members.push_back(q);
    }
    rows.push_back({"region," + w.regions[r], w.regions[r] + ",", members});
  }
  if (w.has_provinces) {
    for (std::size_t q = 0; q < w.provinces.size(); ++q) {
      rows.push_back({"province," + w.provinces[q],
                      w.regions[w.province_region[q]] + "," + w.provinces[q],
                      {q}});
    }
  }
  for (std::size_t d = 0; d < w.districts.size(); ++d) {
    const std::size_t q = w.district_province[d];
    rows.push_back({"district," + w.districts[d],
                    w.regions[w.province_region[q]] + "," + w.provinces[q],
                    {num_provinces(w) + d}});
  }
  return rows;
}

PlaceTally sum_rows(const std::vector<PlaceTally>& places, const std::vector<std::size_t>& rows) {
  PlaceTally sum;
  for (std::size_t k : rows) {
    sum.persons += places[k].persons;
    sum.employed += places[k].employed;
    sum.insured += places[k].insured;
    sum.active += places[k].active;
  }
  return sum;
}

}  // namespace output

std::string places_csv(const std::vector<ReplicationResult>& replications,
                       const WorkforceInputs& w) {
  output::ReplicatedTable table("year,level,place,region,province", kPlaceValues,
                                replications.size());
  const std::vector<output::PlaceRow> rows = output::place_rows(w);
  for (std::size_t y = 0; y < replications.front().workforce.size(); ++y) {
    const std::string year = std::to_string(replications.front().workforce[y].year) + ",";
    for (const output::PlaceRow& row : rows) {
      table.add_row(year + row.key + "," + row.within);
      for (std::size_t r = 0; r < replications.size(); ++r) {
        set_place_values(table, r,
                         output::sum_rows(replications[r].workforce[y].places, row.members));
      }
    }
  }
  return table.csv();
}

std::string sectors_csv(const std::vector<ReplicationResult>& replications,
                        const WorkforceInputs& w) {
  output::ReplicatedTable table("year,sector", kPlaceValues, replications.size());
  const std::size_t first = num_provinces(w) + w.districts.size();
  for (std::size_t y = 0; y < replications.front().workforce.size(); ++y) {
    const std::string year = std::to_string(replications.front().workforce[y].year) + ",";
    for (std::size_t k = 0; k < w.sectors.size(); ++k) {
      table.add_row(year + w.sectors[k]);
      for (std::size_t r = 0; r < replications.size(); ++r) {
        set_place_values(table, r,
                         output::sum_rows(replications[r].workforce[y].places, {first + k}));
      }
    }
  }
  return table.csv();
}

std::string contributions_csv(const std::vector<ReplicationResult>& replications,
                              const OutputPrices& prices) {
  output::ReplicatedTable table("year,scheme",
                                {"contributors", "insurable_earnings", "contributions_employer",
                                 "contributions_employee", "contributions_government"},
                                replications.size());
  for (std::size_t y = 0; y < replications.front().workforce.size(); ++y) {
    const int year = replications.front().workforce[y].year;
    const double divisor = prices.of(year);
    for (std::size_t k = 0; k <= kNumSchemes; ++k) {  // each scheme, then the total
      table.add_row(std::to_string(year) + "," +
                    (k < kNumSchemes ? std::string(kSchemeNames[k]) : "total"));
      for (std::size_t r = 0; r < replications.size(); ++r) {
        const auto& c = replications[r].workforce[y].contributions;
        auto value = [&](auto member) {
          if (k < kNumSchemes) return c[k].*member;
          double sum = 0;
          for (const ContributionTotals& scheme : c) sum += scheme.*member;
          return sum;
        };
        table.set(r, 0, value(&ContributionTotals::contributors));
        table.set(r, 1, value(&ContributionTotals::insurable_earnings) / divisor);
        table.set(r, 2, value(&ContributionTotals::employer) / divisor);
        table.set(r, 3, value(&ContributionTotals::employee) / divisor);
        table.set(r, 4, value(&ContributionTotals::government) / divisor);
      }
    }
  }
  return table.csv();
}

std::string finance_csv(const std::vector<Valuation>& valuations, const OutputPrices& prices) {
  output::ReplicatedTable table(
      "year,scheme,branch",
      {"contributions", "government", "investment_income", "benefits", "administration",
       "reserve_end", "paygo_cost_rate", "reserve_ratio", "cost_gdp_share"},
      valuations.size());
  const Valuation& first = valuations.front();
  for (std::size_t y = 0; y < first.years.size(); ++y) {
    const double divisor = prices.of(first.years[y].year);
    // Each scheme, then all schemes together ("total").
    for (std::size_t s = 0; s <= kNumSchemes; ++s) {
      for (std::size_t k : kAccountOrder) {
        table.add_row(std::to_string(first.years[y].year) + "," +
                      (s < kNumSchemes ? std::string(kSchemeNames[s]) : "total") + "," +
                      std::string(kAccountNames[k]));
        for (std::size_t r = 0; r < valuations.size(); ++r) {
          const FundYear& fy = valuations[r].years[y];
          const BranchYear& b = s < kNumSchemes ? fy.schemes[s][k] : fy.branches[k];
          const double gdp_share = fy.gdp > 0 ? (b.benefits + b.administration) / fy.gdp
                                              : std::numeric_limits<double>::quiet_NaN();
          const std::array<double, 9> values = {b.contributions / divisor,
                                                b.government / divisor,
                                                b.investment_income / divisor,
                                                b.benefits / divisor,
                                                b.administration / divisor,
                                                b.reserve_end / divisor,
                                                b.paygo_cost_rate,
                                                b.reserve_ratio,
                                                gdp_share};
          for (std::size_t c = 0; c < values.size(); ++c) table.set(r, c, values[c]);
        }
      }
    }
  }
  return table.csv();
}

std::string beneficiaries_csv(const std::vector<Valuation>& valuations,
                              const OutputPrices& prices) {
  output::ReplicatedTable table("year,scheme,benefit,sex,age_group",
                                {"new_awards", "recipients", "average_amount"}, valuations.size());
  const Valuation& first = valuations.front();
  for (std::size_t i = 0; i < first.beneficiaries.size(); ++i) {
    const BeneficiaryRow& row = first.beneficiaries[i];
    const double divisor = prices.of(row.year);
    table.add_row(std::to_string(row.year) + "," + row.scheme + "," + row.benefit + "," + row.sex +
                  "," + row.age_group);
    for (std::size_t r = 0; r < valuations.size(); ++r) {
      const BeneficiaryRow& b = valuations[r].beneficiaries[i];
      table.set(r, 0, b.new_awards);
      table.set(r, 1, b.recipients);
      table.set(r, 2, b.average_amount / divisor);
    }
  }
  return table.csv();
}

std::string replacement_rates_csv(const std::vector<Valuation>& valuations,
                                  const OutputPrices& prices) {
  output::ReplicatedTable table(
      "year,scheme,sex,entry_age,career_years,earnings_multiple,award_age",
      {"monthly_pension", "replacement_rate", "replacement_rate_after_10_years", "c102_benchmark",
       "meets_c102"},
      valuations.size());
  const Valuation& first = valuations.front();
  for (std::size_t i = 0; i < first.replacement_rates.size(); ++i) {
    const ReplacementRateRow& row = first.replacement_rates[i];
    const double divisor = prices.of(row.year);
    table.add_row(std::to_string(row.year) + "," + row.scheme + "," + row.sex + "," +
                  std::to_string(row.entry_age) + "," + std::to_string(row.career_years) + "," +
                  json_number(row.earnings_multiple) + "," + std::to_string(row.award_age));
    for (std::size_t r = 0; r < valuations.size(); ++r) {
      const ReplacementRateRow& x = valuations[r].replacement_rates[i];
      const std::array<double, 5> values = {x.monthly_pension / divisor, x.replacement_rate,
                                            x.replacement_rate_after_10_years, x.c102_benchmark,
                                            x.meets_c102};
      for (std::size_t c = 0; c < values.size(); ++c) table.set(r, c, values[c]);
    }
  }
  return table.csv();
}

std::string interventions_csv(const std::vector<Valuation>& valuations,
                              const OutputPrices& prices) {
  output::ReplicatedTable table("year,intervention,type",
                                {"targeted", "reached", "attended", "registered",
                                 "lapsed_prevented", "cost", "subsidy_cost", "sanction_revenue"},
                                valuations.size());
  const Valuation& first = valuations.front();
  for (std::size_t i = 0; i < first.interventions.size(); ++i) {
    const InterventionYear& row = first.interventions[i];
    const double divisor = prices.of(row.year);
    table.add_row(std::to_string(row.year) + "," + row.intervention + "," + row.type);
    for (std::size_t r = 0; r < valuations.size(); ++r) {
      const InterventionYear& x = valuations[r].interventions[i];
      const std::array<double, 8> values = {x.targeted,
                                            x.reached,
                                            x.attended,
                                            x.registered,
                                            x.lapsed_prevented,
                                            x.cost / divisor,
                                            x.subsidy_cost / divisor,
                                            x.sanction_revenue / divisor};
      for (std::size_t c = 0; c < values.size(); ++c) table.set(r, c, values[c]);
    }
  }
  return table.csv();
}

std::string indicators_csv(const std::vector<Valuation>& valuations) {
  output::ReplicatedTable table(
      "indicator,scheme,group,year,period_start,period_end,career_years,earnings_multiple,unit",
      {"value"}, valuations.size());
  const Valuation& first = valuations.front();
  auto integer = [](int x) { return x != 0 ? std::to_string(x) : std::string(); };
  for (std::size_t i = 0; i < first.indicators.size(); ++i) {
    const Indicator& ind = first.indicators[i];
    std::string key = output::csv_field(ind.indicator) + "," + ind.scheme + "," + ind.group + "," +
                      integer(ind.year) + "," + integer(ind.period_start) + "," +
                      integer(ind.period_end) + "," + integer(ind.career_years) + ",";
    if (!std::isnan(ind.earnings_multiple)) key += output::number_text(ind.earnings_multiple);
    key += "," + output::csv_field(ind.unit);
    table.add_row(std::move(key), {}, ind.unit == "year");
    for (std::size_t r = 0; r < valuations.size(); ++r) {
      table.set(r, 0, valuations[r].indicators[i].value);
    }
  }
  return table.csv();
}

OutputPrices output_prices(const Scenario& scenario, const ProjectionResults& results) {
  OutputPrices prices;
  if (scenario.projection.prices != "constant" || results.valuations.empty()) return prices;
  const std::vector<FundYear>& years = results.valuations.front().years;
  if (years.empty()) return prices;
  prices.first_year = years.front().year;
  for (const FundYear& y : years) prices.divisor.push_back(y.price_index);
  return prices;
}

std::string liabilities_csv(const std::vector<Valuation>& valuations) {
  output::ReplicatedTable table(
      "scheme",
      {"pensions_in_payment", "active_members", "deferred_members", "accrued", "lump_sums",
       "reserve", "reserve_all_branches", "implicit_debt", "funding_ratio", "pensioners", "active",
       "deferred"},
      valuations.size());
  const Valuation& first = valuations.front();
  for (std::size_t i = 0; i < first.liabilities.size(); ++i) {
    table.add_row(first.liabilities[i].scheme);
    for (std::size_t r = 0; r < valuations.size(); ++r) {
      const SchemeLiability& l = valuations[r].liabilities[i];
      const std::array<double, 12> values = {l.pensions_in_payment,
                                             l.active_members,
                                             l.deferred_members,
                                             l.accrued,
                                             l.lump_sums,
                                             l.reserve,
                                             l.reserve_all_branches,
                                             l.implicit_debt,
                                             l.funding_ratio,
                                             l.pensioners,
                                             l.active,
                                             l.deferred};
      for (std::size_t c = 0; c < values.size(); ++c) table.set(r, c, values[c]);
    }
  }
  return table.csv();
}

std::string manifest_json(const Scenario& scenario, const ProjectionResults& results,
                          const RunRecord& record,
                          const std::vector<std::pair<std::string, std::string>>& tables) {
  const ProjectionSettings& p = scenario.projection;
  std::string j = "{\n";
  j += "  \"ssproj_version\": " + json_string(kVersion) + ",\n";
  j += "  \"git_commit\": " + json_string(kGitCommit) + ",\n";
  j += "  \"scenario\": {\n";
  j += "    \"file\": " + json_string(scenario.file.generic_string()) + ",\n";
  j += "    \"name\": " + json_string(scenario.name) + ",\n";
  j += "    \"resolved_sha256\": " + json_string(util::sha256_hex(scenario.resolved_toml)) + "\n";
  j += "  },\n";
  j += "  \"data_files\": [\n";
  for (std::size_t i = 0; i < scenario.inputs.files.size(); ++i) {
    const DataFileRecord& f = scenario.inputs.files[i];
    j += "    {\"key\": " + json_string(f.key) +
         ", \"path\": " + json_string(f.path.generic_string()) +
         ", \"sha256\": " + json_string(f.sha256) + "}";
    j += i + 1 < scenario.inputs.files.size() ? ",\n" : "\n";
  }
  j += "  ],\n";
  j += "  \"base_year\": " + std::to_string(scenario.inputs.base_year) + ",\n";
  j += "  \"start_year\": " + std::to_string(p.start_year) + ",\n";
  j += "  \"end_year\": " + std::to_string(p.end_year) + ",\n";
  j += "  \"seed\": " + std::to_string(p.seed) + ",\n";
  j += "  \"replications\": " + std::to_string(p.replications) + ",\n";
  j += "  \"sample_fraction\": " + json_number(p.sample_fraction) + ",\n";
  j += "  \"threads\": " + std::to_string(record.threads) + ",\n";
  j += "  \"processes\": " + std::to_string(record.processes) + ",\n";
  j += "  \"wall_seconds\": " + json_number(record.wall_seconds) + ",\n";
  j += "  \"person_years_simulated\": " + json_number(results.person_years) + ",\n";
  const double rate = record.wall_seconds > 0 ? results.person_years / record.wall_seconds : 0.0;
  j += "  \"person_years_per_second\": " + json_number(std::round(rate)) + ",\n";
  j += "  \"tables\": " + json_file_list(tables) + "\n";
  j += "}\n";
  return j;
}

std::string set_manifest_json(const std::string& command,
                              const std::vector<std::pair<std::string, std::string>>& files) {
  std::string j = "{\n";
  j += "  \"ssproj_version\": " + json_string(kVersion) + ",\n";
  j += "  \"git_commit\": " + json_string(kGitCommit) + ",\n";
  j += "  \"command\": " + json_string(command) + ",\n";
  j += "  \"files\": " + json_file_list(files) + "\n";
  j += "}\n";
  return j;
}

std::string draws_csv(const Scenario& scenario, const ProjectionResults& results) {
  output::CsvWriter out("replication,key,distribution,apply,value");
  for (std::size_t r = 0; r < results.draws.size(); ++r) {
    for (std::size_t k = 0; k < scenario.uncertain.size(); ++k) {
      const UncertainInput& in = scenario.uncertain[k];
      out.field(static_cast<long long>(r + 1))
          .field(in.key)
          .field(in.distribution)
          .field(in.apply)
          .field(results.draws[r][k]);
      out.end_row();
    }
  }
  return out.text();
}

}  // namespace ssproj
