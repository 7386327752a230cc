// Places and sectors (data.provinces, data.districts, data.sector_shares) in the Lao model:
// the base population by province against the 2015 census, districts within their province,
// sectors against their table, that the tables change no other output, and that a strategy
// aimed at one district changes nobody outside it.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/output.h>
#include <ssproj/simulate.h>
#include <ssproj/valuation.h>

#include "support/fixtures.h"

using namespace ssproj;

namespace {

// places.csv (one replication) as rows of fields.
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream l(line);
    while (std::getline(l, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(fields);
  }
  return rows;
}

Scenario lao(const std::string& file, double sample_fraction, int end_year) {
  ScenarioOverrides o;
  o.sample_fraction = sample_fraction;
  o.set = {"projection.end_year=" + std::to_string(end_year)};
  return load_scenario(testing::source_dir() / "scenarios/lao" / file, o);
}

// The census's persons by province (data/lao/places/provinces.csv, population_total).
const std::map<std::string, double> kCensus2015 = {{"Vientiane Capital", 820940},
                                                   {"Phongsaly", 177989},
                                                   {"Luang Namtha", 175753},
                                                   {"Oudomxay", 307622},
                                                   {"Bokeo", 179243},
                                                   {"Luang Prabang", 431889},
                                                   {"Houaphanh", 289393},
                                                   {"Xayabury", 381376},
                                                   {"Xiengkhouang", 244684},
                                                   {"Vientiane Province", 419090},
                                                   {"Bolikhamxay", 273691},
                                                   {"Khammouane", 392052},
                                                   {"Savannakhet", 969697},
                                                   {"Xaisomboun", 85168},
                                                   {"Salavan", 396942},
                                                   {"Sekong", 113048},
                                                   {"Champasak", 694023},
                                                   {"Attapeu", 139628}};
constexpr double kCensusTotal = 6492228;

}  // namespace

TEST_CASE("the Lao provinces: every person in one, shares within 0.5 points of the 2015 census",
          "[places][lao]") {
  const Scenario s = lao("baseline.toml", 0.05, 2024);
  REQUIRE(s.workforce.has_provinces);
  REQUIRE(s.workforce.provinces.size() == 18);
  double census = 0;
  for (const auto& [name, persons] : kCensus2015) census += persons;
  REQUIRE(census == kCensusTotal);

  const ProjectionResults r = simulate(s, RunOptions{});
  const WorkforceYear& base = r.replications.at(0).workforce.at(0);
  REQUIRE(base.year == 2023);
  double national = 0;
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    for (const auto& band : base.cells[sex]) {
      for (const auto& area : band) {
        for (const auto& cell : area) national += cell.persons;
      }
    }
  }
  // Each person aged 15+ is counted in exactly one province: the sums agree exactly.
  double provinces = 0;
  for (std::size_t q = 0; q < 18; ++q) provinces += base.places[q].persons;
  CHECK(provinces == national);
  // Residence does not depend on age, so the shares among persons aged 15+ estimate the
  // population shares: each within 0.5 points of the census (the sampling error of a share
  // near 0.1 among 265,000 simulated persons is about 0.06 points).
  for (std::size_t q = 0; q < 18; ++q) {
    const std::string& name = s.workforce.provinces[q];
    const double model = base.places[q].persons / national;
    const double source = kCensus2015.at(name) / kCensusTotal;
    INFO(name << ": model " << model << ", census " << source);
    CHECK(std::abs(model - source) < 0.005);
  }
  // A named district holds its census share of its province's residents (4 standard errors).
  for (std::size_t d = 0; d < s.workforce.districts.size(); ++d) {
    const std::size_t q = s.workforce.district_province[d];
    const double n = base.places[q].persons;
    const double share = s.workforce.district_share[d];
    const double got = base.places[18 + d].persons;
    INFO(s.workforce.districts[d] << ": " << got << " of " << n << ", expected share " << share);
    // Counts are weighted by 1 / f: the binomial error is that of the n f simulated persons.
    const double f = s.projection.sample_fraction;
    CHECK(std::abs(got - n * share) <= 4 * std::sqrt(n * f * share * (1 - share)) / f);
  }
  // Paksong: 81,244 of Champasak's 694,023 (2015 census).
  const auto paksong =
      std::find(s.workforce.districts.begin(), s.workforce.districts.end(), std::string("Paksong"));
  REQUIRE(paksong != s.workforce.districts.end());
  CHECK(s.workforce
            .district_share[static_cast<std::size_t>(paksong - s.workforce.districts.begin())] ==
        Approx(81244.0 / 694023.0).epsilon(1e-12));
  // Sectors: the employed of each sector add up to the employed.
  const std::size_t first_sector = 18 + s.workforce.districts.size();
  double employed = 0, in_sectors = 0;
  for (std::size_t q = 0; q < 18; ++q) employed += base.places[q].employed;
  for (std::size_t k = 0; k < s.workforce.sectors.size(); ++k) {
    in_sectors += base.places[first_sector + k].employed;
    CHECK(base.places[first_sector + k].employed == base.places[first_sector + k].persons);
  }
  CHECK(in_sectors == employed);
  // Each sector holds its expected share of the workers of every status and area (the table's
  // shares weighted by the workers), within 4 binomial standard errors of the simulated count.
  const double f = s.projection.sample_fraction;
  for (std::size_t k = 0; k < s.workforce.sectors.size(); ++k) {
    double expected = 0, variance = 0;
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      for (const auto& band : base.cells[sex]) {
        for (std::size_t a = 0; a < kNumAreas; ++a) {
          for (std::size_t st = 0; st < kNumStatuses; ++st) {
            if (s.workforce.sector_share[st][a].empty()) continue;
            const double n = band[a][st].persons * f;  // simulated workers
            const double share = s.workforce.sector_share[st][a][k];
            expected += n * share;
            variance += n * share * (1 - share);
          }
        }
      }
    }
    const double got = base.places[first_sector + k].employed * f;
    INFO(s.workforce.sectors[k] << ": " << got << " simulated workers, expected " << expected);
    CHECK(expected > 0);
    CHECK(std::abs(got - expected) <= 4 * std::sqrt(variance));
  }
}

TEST_CASE("the place and sector tables change no other table of the Lao baseline",
          "[places][lao]") {
  // The baseline with and without the three tables, at the same seed: a copy of baseline.toml
  // without their keys, its relative paths made absolute.
  const Scenario with = lao("baseline.toml", 0.01, 2040);
  const testing::TempDir dir;
  const std::filesystem::path copy = dir.path() / "without_places.toml";
  {
    std::ifstream in(testing::source_dir() / "scenarios/lao/baseline.toml");
    std::ofstream out(copy);
    const std::string root = (testing::source_dir() / "").string();
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("provinces =", 0) == 0 || line.rfind("districts =", 0) == 0 ||
          line.rfind("sector_shares =", 0) == 0) {
        continue;
      }
      for (std::size_t at; (at = line.find("\"../../")) != std::string::npos;) {
        line.replace(at, 7, "\"" + root);
      }
      out << line << "\n";
    }
  }
  ScenarioOverrides plain;
  plain.sample_fraction = 0.01;
  plain.set = {"projection.end_year=2040"};
  const Scenario without = load_scenario(copy, plain);
  REQUIRE_FALSE(without.workforce.has_provinces);
  REQUIRE(without.workforce.provinces.empty());
  REQUIRE(num_provinces(without.workforce) == 4);

  const ProjectionResults a = simulate(with, RunOptions{});
  const ProjectionResults b = simulate(without, RunOptions{});
  CHECK(labour_csv(a.replications) == labour_csv(b.replications));
  CHECK(coverage_csv(a.replications) == coverage_csv(b.replications));
  CHECK(microsimulation_population_csv(a.replications) ==
        microsimulation_population_csv(b.replications));
  CHECK(contributions_csv(a.replications) == contributions_csv(b.replications));
  // The region rows of places.csv are the same too.
  const auto rows_a = csv_rows(places_csv(a.replications, with.workforce));
  const auto rows_b = csv_rows(places_csv(b.replications, without.workforce));
  std::size_t regions = 0;
  for (const auto& row : rows_a) {
    if (row.at(1) != "region" && row.at(1) != "national") continue;
    bool found = false;
    for (const auto& other : rows_b) {
      if (other.at(0) == row.at(0) && other.at(1) == row.at(1) && other.at(2) == row.at(2)) {
        CHECK(other == row);
        found = true;
      }
    }
    CHECK(found);
    ++regions;
  }
  CHECK(regions == 18 * 5);  // 2023-2040, national and four regions
}

TEST_CASE("the Paksong district office changes nobody outside Paksong, and shows in its rows",
          "[places][lao]") {
  const Scenario base = lao("baseline.toml", 0.02, 2040);
  const Scenario office = lao("district_office.toml", 0.02, 2040);
  const ProjectionResults a = simulate(base, RunOptions{});
  const ProjectionResults b = simulate(office, RunOptions{});
  const auto rows_a = csv_rows(places_csv(a.replications, base.workforce));
  const auto rows_b = csv_rows(places_csv(b.replications, office.workforce));
  REQUIRE(rows_a.size() == rows_b.size());
  // Rows that contain Paksong: the district, its province, its region and the nation.
  const auto contains_paksong = [](const std::vector<std::string>& row) {
    return row.at(1) == "national" || (row.at(1) == "region" && row.at(2) == "South") ||
           (row.at(1) == "province" && row.at(2) == "Champasak") ||
           (row.at(1) == "district" && row.at(2) == "Paksong");
  };
  std::size_t unchanged = 0;
  for (std::size_t i = 0; i < rows_a.size(); ++i) {
    REQUIRE(rows_a[i].at(0) == rows_b[i].at(0));
    REQUIRE(rows_a[i].at(2) == rows_b[i].at(2));
    if (contains_paksong(rows_a[i])) continue;
    INFO(rows_a[i].at(0) << " " << rows_a[i].at(1) << " " << rows_a[i].at(2));
    CHECK(rows_a[i] == rows_b[i]);
    ++unchanged;
  }
  CHECK(unchanged == 18 * (4 - 1 + 18 - 1 + base.workforce.districts.size() - 1));
  // The office adds contributors in Paksong by 2030 (its rows' active contributors, column 8),
  // and every one of them is in Paksong: the district's gain is the nation's.
  for (std::size_t i = 0; i < rows_a.size(); ++i) {
    if (rows_a[i].at(0) != "2030" || !contains_paksong(rows_a[i])) continue;
    const double before = std::stod(rows_a[i].at(8));
    const double after = std::stod(rows_b[i].at(8));
    INFO(rows_a[i].at(1) << " " << rows_a[i].at(2) << ": " << before << " -> " << after);
    CHECK(after > before);
  }
  const auto active_2030 = [](const std::vector<std::vector<std::string>>& rows,
                              const std::string& level, const std::string& place) {
    for (const auto& row : rows) {
      if (row.at(0) == "2030" && row.at(1) == level && row.at(2) == place)
        return std::stod(row.at(8));
    }
    FAIL("no row " << level << " " << place);
    return 0.0;
  };
  CHECK(active_2030(rows_b, "district", "Paksong") - active_2030(rows_a, "district", "Paksong") ==
        active_2030(rows_b, "national", "all") - active_2030(rows_a, "national", "all"));
}
