// The single-age Lao death rates (data/lao/mortality.csv) against the abridged WPP 2024
// schedule they were graduated from (data/lao/mortality_abridged.csv), both written by
// data/lao/prepare_wpp2024.py.
//
// The graduation makes the single-age life table reproduce each abridged group's probability
// of dying. Here both life tables are built independently and compared:
//   - single ages: the engine's own demography::life_table (a = 1/2, Coale-Demeny a(0));
//   - abridged groups 0, 1-4, 5-9, ..., 95-99, 100+: the separation factors of the UN model
//     life tables (UN 1982, Model Life Tables for Developing Countries; MortPak LIFETB):
//       a(0), a(1-4) from Coale-Demeny (Preston, Heuveline and Guillot 2001, Table 3.3),
//       a = 2.5 for 5-9 and 10-14,
//       a = 2.5 - (25/12) (m_g - k), k = ln(m_next / m_prev) / 10, from 15-19 to 95-99
//         (Greville; for 95-99 the next group is 100+),
//     nq = n m / (1 + (n - a) m), l(x+n) = l(x) (1 - nq), nL = n l(x+n) + a (l(x) - l(x+n)),
//     L(100+) = l(100) / m(100+).
// Life expectancy at exact age x is e(x) = sum of L from x on / l(x) in both tables.
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/demographic_inputs.h>

#include "demography/life_table.h"
#include "support/fixtures.h"

namespace {

using ssproj::AgeVector;
using ssproj::kMaxAge;
using ssproj::Sex;

constexpr int kFirstYear = 2023;
constexpr int kLastYear = 2100;
constexpr int kNumGroups = 22;  // 0, 1-4, 5-9, ..., 95-99, 100+

struct Group {
  int start = 0;
  int width = 0;  // 0 for the open group 100+
  double m = 0;
};
using Key = std::pair<int, Sex>;  // calendar year, sex

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

Sex parse_sex(const std::string& s) {
  REQUIRE((s == "male" || s == "female"));
  return s == "male" ? Sex::kMale : Sex::kFemale;
}

// The rows of a data/lao table after its header, split into fields.
std::vector<std::vector<std::string>> rows_of(const std::string& name, const std::string& header) {
  std::ifstream in(ssproj::testing::source_dir() / "data/lao" / name);
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);
  REQUIRE(line == header);
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) rows.push_back(split(line));
  return rows;
}

std::map<Key, AgeVector> read_single_ages() {
  std::map<Key, AgeVector> tables;
  for (const auto& r : rows_of("mortality.csv", "year,sex,age,mx")) {
    REQUIRE(r.size() == 4);
    const int age = std::stoi(r[2]);
    REQUIRE((age >= 0 && age <= kMaxAge));
    tables[{std::stoi(r[0]), parse_sex(r[1])}][static_cast<std::size_t>(age)] = std::stod(r[3]);
  }
  return tables;
}

std::map<Key, std::vector<Group>> read_abridged() {
  std::map<Key, std::vector<Group>> tables;
  for (const auto& r : rows_of("mortality_abridged.csv", "year,sex,age_start,width,mx")) {
    REQUIRE(r.size() == 5);
    const Group g{std::stoi(r[2]), r[3].empty() ? 0 : std::stoi(r[3]), std::stod(r[4])};
    auto& groups = tables[{std::stoi(r[0]), parse_sex(r[1])}];
    // Groups in order, each starting where the previous one ends; only 100+ is open.
    const int expected_start = groups.empty() ? 0 : groups.back().start + groups.back().width;
    REQUIRE(g.start == expected_start);
    REQUIRE((g.width > 0) == (g.start < kMaxAge));
    groups.push_back(g);
  }
  return tables;
}

// Coale-Demeny separation factors of ages 0 and 1-4 as functions of m(0) (Preston, Heuveline
// and Guillot 2001, Table 3.3).
double coale_demeny_a0(double m0, Sex sex) {
  if (sex == Sex::kMale) return m0 < 0.107 ? 0.045 + 2.684 * m0 : 0.330;
  return m0 < 0.107 ? 0.053 + 2.800 * m0 : 0.350;
}
double coale_demeny_a1_4(double m0, Sex sex) {
  if (sex == Sex::kMale) return m0 < 0.107 ? 1.651 - 2.816 * m0 : 1.352;
  return m0 < 0.107 ? 1.522 - 1.518 * m0 : 1.361;
}

// Greville's separation factor of a 5-year group with rate m between groups with rates
// m_prev and m_next.
double greville_a(double m_prev, double m, double m_next) {
  return 2.5 - 25.0 / 12.0 * (m - std::log(m_next / m_prev) / 10.0);
}

double group_q(int n, double a, double m) { return n * m / (1.0 + (n - a) * m); }

struct AbridgedTable {
  std::vector<double> q;  // closed groups
  std::vector<double> l;  // at every group's start
  std::vector<double> L;  // every group, the last one open
};

AbridgedTable abridged_life_table(const std::vector<Group>& g, Sex sex) {
  AbridgedTable t;
  const std::size_t open = g.size() - 1;
  t.l.push_back(1.0);
  for (std::size_t i = 0; i < open; ++i) {
    double a = 2.5;
    if (i == 0) {
      a = coale_demeny_a0(g[0].m, sex);
    } else if (i == 1) {
      a = coale_demeny_a1_4(g[0].m, sex);
    } else if (g[i].start >= 15) {
      a = greville_a(g[i - 1].m, g[i].m, g[i + 1].m);
    }
    const double q = group_q(g[i].width, a, g[i].m);
    t.q.push_back(q);
    t.l.push_back(t.l[i] * (1.0 - q));
    t.L.push_back(g[i].width * t.l[i + 1] + a * (t.l[i] - t.l[i + 1]));
  }
  t.L.push_back(t.l[open] / g[open].m);
  return t;
}

double expectancy(const std::vector<double>& l, const std::vector<double>& L, std::size_t from) {
  double years = 0;
  for (std::size_t i = from; i < L.size(); ++i) years += L[i];
  return years / l[from];
}

double single_age_expectancy(const ssproj::demography::LifeTable& t, int age) {
  const std::vector<double> l(t.l.begin(), t.l.end());
  const std::vector<double> L(t.L.begin(), t.L.end());
  return expectancy(l, L, static_cast<std::size_t>(age));
}

struct Tables {
  std::map<Key, AgeVector> single = read_single_ages();
  std::map<Key, std::vector<Group>> abridged = read_abridged();
};

const Tables& lao_tables() {
  static const Tables tables;
  return tables;
}

}  // namespace

TEST_CASE("Lao mortality tables cover 2023-2100, both sexes, in single ages and abridged groups",
          "[unit][mortality][lao]") {
  const Tables& t = lao_tables();
  const std::size_t keys = 2 * (kLastYear - kFirstYear + 1);
  CHECK(t.single.size() == keys);
  REQUIRE(t.abridged.size() == keys);
  for (const auto& [key, groups] : t.abridged) {
    INFO("year " << key.first << " " << ssproj::sex_name(key.second));
    CHECK(key.first >= kFirstYear);
    CHECK(key.first <= kLastYear);
    CHECK(t.single.count(key) == 1);
    CHECK(groups.size() == kNumGroups);
  }
}

TEST_CASE(
    "Lao mortality: e0 and e60 of the single-age table within 0.1 years of the abridged table "
    "in every year and sex",
    "[unit][mortality][lao]") {
  const Tables& t = lao_tables();
  const std::size_t at60 = 13;  // the 13 groups 0, 1-4, 5-9, ..., 55-59 come before 60-64
  struct Worst {
    double diff = 0;
    Key key{};
  };
  Worst e0, e60;
  for (const auto& [key, groups] : t.abridged) {
    REQUIRE(groups.size() == kNumGroups);
    REQUIRE(groups[at60].start == 60);
    const auto single = ssproj::demography::life_table(t.single.at(key), key.second);
    const AbridgedTable abridged = abridged_life_table(groups, key.second);
    const double d0 = single_age_expectancy(single, 0) - expectancy(abridged.l, abridged.L, 0);
    const double d60 = single_age_expectancy(single, 60) - expectancy(abridged.l, abridged.L, at60);
    if (std::abs(d0) > std::abs(e0.diff)) e0 = {d0, key};
    if (std::abs(d60) > std::abs(e60.diff)) e60 = {d60, key};
  }
  INFO("largest e0 single - abridged: " << e0.diff << " years in " << e0.key.first << " "
                                        << ssproj::sex_name(e0.key.second));
  INFO("largest e60 single - abridged: " << e60.diff << " years in " << e60.key.first << " "
                                         << ssproj::sex_name(e60.key.second));
  CHECK(std::abs(e0.diff) < 0.1);
  CHECK(std::abs(e60.diff) < 0.1);
}

TEST_CASE(
    "Lao mortality: the single-age survival over every abridged group equals 1 - nq of the "
    "group",
    "[unit][mortality][lao]") {
  // The graduation solves this to double precision; writing 8 significant digits leaves
  // about 1e-8.
  const Tables& t = lao_tables();
  double worst = 0;
  Key worst_key{};
  int worst_start = 0;
  for (const auto& [key, groups] : t.abridged) {
    const auto single = ssproj::demography::life_table(t.single.at(key), key.second);
    const AbridgedTable abridged = abridged_life_table(groups, key.second);
    for (std::size_t i = 0; i + 1 < groups.size(); ++i) {
      const auto x = static_cast<std::size_t>(groups[i].start);
      const auto end = x + static_cast<std::size_t>(groups[i].width);
      const double gap = std::abs(single.l[end] / single.l[x] - (1.0 - abridged.q[i]));
      if (gap > worst) {
        worst = gap;
        worst_key = key;
        worst_start = groups[i].start;
      }
    }
  }
  INFO("largest gap " << worst << " in " << worst_key.first << " "
                      << ssproj::sex_name(worst_key.second) << ", group from age " << worst_start);
  CHECK(worst < 1e-7);
}

TEST_CASE("Abridged life table and graduation by hand", "[unit][mortality][lao]") {
  SECTION("separation factors and probabilities of dying") {
    // Greville between rates 0.04 and 0.09: k = ln(2.25) / 10 = 0.0810930216,
    // a = 2.5 + (25/12) (0.0810930216 - 0.06) = 2.5439437950,
    // 5q = 0.3 / (1 + (5 - 2.5439437950) 0.06) = 0.3 / 1.1473633723 = 0.2614690404.
    const double a = greville_a(0.04, 0.06, 0.09);
    CHECK(a == Approx(2.5439437950).epsilon(1e-10));
    CHECK(group_q(5, a, 0.06) == Approx(0.2614690404).epsilon(1e-9));
    // Coale-Demeny, males, m(0) = 0.03: a(0) = 0.045 + 2.684 * 0.03 = 0.12552,
    // a(1-4) = 1.651 - 2.816 * 0.03 = 1.56652.
    CHECK(coale_demeny_a0(0.03, Sex::kMale) == Approx(0.12552).epsilon(1e-12));
    CHECK(coale_demeny_a1_4(0.03, Sex::kMale) == Approx(1.56652).epsilon(1e-12));
    CHECK(coale_demeny_a0(0.2, Sex::kFemale) == 0.350);
  }

  SECTION("Lao 2023, males, ages 70-74") {
    const Tables& t = lao_tables();
    const Key key{2023, Sex::kMale};
    const std::vector<Group>& g = t.abridged.at(key);
    // Abridged rates 65-69, 70-74, 75-79 as written.
    REQUIRE(g[15].start == 70);
    CHECK(g[14].m == 0.037482539);
    CHECK(g[15].m == 0.05902962);
    CHECK(g[16].m == 0.09301239);
    // k = ln(0.09301239 / 0.037482539) / 10 = 0.0908857512,
    // a = 2.5 - (25/12) (0.05902962 - 0.0908857512) = 2.5663669400,
    // 5q70 = 5 * 0.05902962 / (1 + (5 - 2.5663669400) * 0.05902962) = 0.2580740955.
    const AbridgedTable abridged = abridged_life_table(g, Sex::kMale);
    CHECK(abridged.q[15] == Approx(0.2580740955).epsilon(1e-9));
    // Single ages 70..74 as written, and q(x) = m / (1 + m / 2):
    //   0.049356288 -> 0.0481676010    0.054049376 -> 0.0526271439
    //   0.059188711 -> 0.0574874082    0.064823585 -> 0.0627884973
    //   0.070994909 -> 0.0685611623
    // Product of the survivals 0.7419259040 = 1 - 0.2580740960.
    const AgeVector& m = t.single.at(key);
    const std::array<double, 5> written{0.049356288, 0.054049376, 0.059188711, 0.064823585,
                                        0.070994909};
    double survival = 1;
    for (std::size_t i = 0; i < written.size(); ++i) {
      CHECK(m[70 + i] == written[i]);
      survival *= 1 - written[i] / (1 + written[i] / 2);
    }
    CHECK(survival == Approx(0.7419259040).epsilon(1e-9));
    CHECK(survival == Approx(1 - abridged.q[15]).epsilon(1e-8));
    const auto single = ssproj::demography::life_table(m, Sex::kMale);
    CHECK(single.l[75] / single.l[70] == Approx(survival).epsilon(1e-12));
  }
}
