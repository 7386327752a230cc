// replacement_rates.csv: the pension of a typical career under a scheme's rules, by hand, and
// the rows the valuation writes.
#include "fund/replacement_rates.h"

#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/output.h>

#include "support/valuation_helpers.h"

using namespace ssproj;
using ssproj::testing::constant;
using ssproj::testing::tight;

namespace {

// The award year and the ten years after it: no wage growth, no indexation; accrual 1.5%,
// 180 months, a minimum pension of 300000 kip, no cap; pensionable ages 60 and 55.
std::vector<benefits::BenefitYear> rules() {
  std::vector<benefits::BenefitYear> out(fund::kErosionYears + 1);
  for (std::size_t j = 0; j < out.size(); ++j) {
    benefits::BenefitYear& y = out[j];
    y.year = 2030 + static_cast<int>(j);
    y.pensionable_age = {60, 55};
    y.minimum_months = 180;
    y.accrual = 0.015;
    y.minimum_pension = 300000;
    y.maximum_replacement = 1.0;
  }
  return out;
}

fund::TypicalCareer career(int entry, int years, double earnings, Sex sex = Sex::kMale) {
  return {sex, entry, years, earnings};
}

}  // namespace

TEST_CASE("Replacement rates: accrual x years above the minimum pension",
          "[unit][replacement_rates]") {
  // 1.5% x 30 years = 45% of 2,000,000 = 900,000 > 300,000.
  const fund::CareerPension p = fund::career_pension(rules(), career(30, 30, 2e6));
  CHECK(p.monthly_pension == tight(900000));
  CHECK(p.replacement_rate == tight(0.45));
  // Without indexation or wage growth the rate 10 years on is the same.
  CHECK(p.replacement_rate_after_10_years == tight(0.45));
  CHECK(p.award_age == 60);
  CHECK(p.c102_benchmark == 0.40);
  CHECK(p.meets_c102 == 1.0);
}

TEST_CASE("Replacement rates: a low earner gets the minimum pension", "[unit][replacement_rates]") {
  // 45% of 500,000 = 225,000 < 300,000: the minimum pension, 60% of earnings.
  const fund::CareerPension p = fund::career_pension(rules(), career(30, 30, 500000));
  CHECK(p.monthly_pension == 300000);
  CHECK(p.replacement_rate == tight(0.6));
  CHECK(p.meets_c102 == 1.0);
}

TEST_CASE("Replacement rates: the maximum replacement caps the pension",
          "[unit][replacement_rates]") {
  std::vector<benefits::BenefitYear> r = rules();
  r[0].accrual = 0.02;
  r[0].maximum_replacement = 0.6;
  // 2% x 40 years = 80%, capped at 60%.
  const fund::CareerPension p = fund::career_pension(r, career(20, 40, 2e6));
  CHECK(p.monthly_pension == tight(1.2e6));
  CHECK(p.replacement_rate == tight(0.6));
}

TEST_CASE("Replacement rates: below the minimum months no pension (a lump sum instead)",
          "[unit][replacement_rates]") {
  // 14 years = 168 months < 180: no pension, not even the minimum; no C102 benchmark.
  const fund::CareerPension p = fund::career_pension(rules(), career(30, 14, 2e6));
  CHECK(p.monthly_pension == 0);
  CHECK(p.replacement_rate == 0);
  CHECK(p.replacement_rate_after_10_years == 0);
  CHECK(std::isnan(p.c102_benchmark));
  CHECK(std::isnan(p.meets_c102));
  // 15 years = 180 months: eligible, 22.5% of 2e6 = 450,000.
  CHECK(fund::career_pension(rules(), career(30, 15, 2e6)).replacement_rate == tight(0.225));
}

TEST_CASE("Replacement rates: award age is the pensionable age or the end of a late career",
          "[unit][replacement_rates]") {
  CHECK(fund::career_pension(rules(), career(20, 30, 2e6)).award_age == 60);
  CHECK(fund::career_pension(rules(), career(40, 25, 2e6)).award_age == 65);
  CHECK(fund::career_pension(rules(), career(20, 30, 2e6, Sex::kFemale)).award_age == 55);
  CHECK(fund::career_pension(rules(), career(30, 30, 2e6, Sex::kFemale)).award_age == 60);
}

TEST_CASE("Replacement rates: 10 years of price indexation against wage growth",
          "[unit][replacement_rates]") {
  // Pensions indexed 3% a year, wages growing 5% a year: 0.45 x (1.03 / 1.05)^10.
  std::vector<benefits::BenefitYear> r = rules();
  for (std::size_t j = 0; j < r.size(); ++j) {
    r[j].wage_index = std::pow(1.05, static_cast<double>(j)) * 1.7;  // any level in the award year
    if (j > 0) r[j].indexation = 0.03;
  }
  const fund::CareerPension p = fund::career_pension(r, career(30, 30, 2e6));
  CHECK(p.replacement_rate == tight(0.45));
  CHECK(p.replacement_rate_after_10_years == tight(0.45 * std::pow(1.03 / 1.05, 10)));
  // About 0.37: below the C102 benchmark ten years on, though it met it at the award.
  CHECK(p.replacement_rate_after_10_years < 0.40);
  CHECK(p.meets_c102 == 1.0);
}

TEST_CASE("Replacement rates: the C102 flag", "[unit][replacement_rates]") {
  std::vector<benefits::BenefitYear> r = rules();
  r[0].accrual = 0.012;  // 30 years: 36% < 40%
  const fund::CareerPension low = fund::career_pension(r, career(30, 30, 2e6));
  CHECK(low.c102_benchmark == 0.40);
  CHECK(low.meets_c102 == 0.0);
  // 35 years at 1.2% = 42%: a longer career is compared with the same benchmark.
  CHECK(fund::career_pension(r, career(25, 35, 2e6)).meets_c102 == 1.0);
  // 29 years: below the standard career, no benchmark.
  CHECK(std::isnan(fund::career_pension(r, career(30, 29, 2e6)).c102_benchmark));
  // Exactly 40% up to rounding (accrual 0.4 / 30 x 30) meets it.
  r[0].accrual = 0.4 / 30;
  CHECK(fund::career_pension(r, career(30, 30, 2e6)).meets_c102 == 1.0);
}

TEST_CASE("Replacement rates: award years", "[unit][replacement_rates]") {
  CHECK(fund::award_years(2023, 2100, 10) ==
        std::vector<int>{2023, 2033, 2043, 2053, 2063, 2073, 2083, 2093, 2100});
  CHECK(fund::award_years(2023, 2033, 10) == std::vector<int>{2023, 2033});
  CHECK(fund::award_years(2030, 2030, 10) == std::vector<int>{2030});
  CHECK(fund::award_years(2030, 2032, 1) == std::vector<int>{2030, 2031, 2032});
}

TEST_CASE("replacement_rates.csv of a valuation: schemes, sexes, careers and the ceiling",
          "[unit][replacement_rates]") {
  // Average insurable earnings 2e6 (200e6 / 100) in every year; ceiling 3e6; prices +3%,
  // real wages +2%; the voluntary scheme accrues 1% a year.
  Scenario s = testing::valuation_scenario(2030, 2031);
  s.economy.inflation = constant(0.03);
  s.economy.real_wage_growth = constant(0.02);
  s.economy.minimum_wage = constant(100000);
  s.contributions.ceiling = constant(3e6);
  s.benefits.old_age.pensionable_age = {constant(60), constant(55)};
  s.benefits.old_age.minimum_months = constant(180);
  s.benefits.old_age.accrual = constant(0.015);
  s.benefits.old_age.maximum_replacement = constant(1.0);
  s.benefits.old_age.minimum_pension = constant(0.0);
  s.benefits.old_age.indexation = Indexation::kPrices;
  s.benefits.voluntary_scheme.accrual = constant(0.01);
  s.fund.typical_career_years = {30, 45};
  s.fund.typical_career_earnings = {1.0, 2.0};
  s.fund.typical_entry_ages = {20, 30};  // 30 + 45 = 75 > 70: no row
  s.fund.replacement_rate_interval = 10;
  std::vector<WorkforceYear> years;
  for (int t = 2030; t <= 2031; ++t) {
    WorkforceYear w;
    w.year = t;
    w.benefits.active = {60, 40};
    w.benefits.active_insurable_monthly = {120e6, 80e6};
    years.push_back(w);
  }
  const Valuation v = testing::valuate_one_scheme(s, years);
  // Award years 2030 and 2031; 3 schemes x 2 sexes x 3 careers x 2 multiples each.
  REQUIRE(v.replacement_rates.size() == 2 * kNumSchemes * 2 * 3 * 2);
  const ReplacementRateRow& first = v.replacement_rates.front();
  CHECK(first.year == 2030);
  CHECK(first.scheme == "private");
  CHECK(first.sex == std::string("male"));
  CHECK(first.entry_age == 20);
  CHECK(first.career_years == 30);
  CHECK(first.earnings_multiple == 1.0);
  CHECK(first.award_age == 60);
  CHECK(first.monthly_pension == tight(0.45 * 2e6));
  CHECK(first.replacement_rate == tight(0.45));
  CHECK(first.replacement_rate_after_10_years == tight(0.45 / std::pow(1.02, 10)));
  // 2 x average = 4e6, capped at the ceiling 3e6: still 45%.
  const ReplacementRateRow& twice = v.replacement_rates[1];
  CHECK(twice.earnings_multiple == 2.0);
  CHECK(twice.monthly_pension == tight(0.45 * 3e6));
  CHECK(twice.replacement_rate == tight(0.45));
  bool voluntary_seen = false;
  for (const ReplacementRateRow& row : v.replacement_rates) {
    CHECK(row.entry_age + row.career_years <= fund::kMaxCareerEndAge);
    if (row.scheme == "voluntary" && row.career_years == 30) {
      voluntary_seen = true;
      CHECK(row.replacement_rate == tight(0.30));
      CHECK(row.meets_c102 == 0.0);
    }
    if (row.sex == std::string("female") && row.entry_age == 20 && row.career_years == 30) {
      CHECK(row.award_age == 55);  // the career ends at 50; the pension starts at 55
    }
  }
  CHECK(voluntary_seen);

  const std::string csv = replacement_rates_csv({v});
  CHECK(csv.substr(0, csv.find('\n')) ==
        "year,scheme,sex,entry_age,career_years,earnings_multiple,award_age,monthly_pension,"
        "replacement_rate,replacement_rate_after_10_years,c102_benchmark,meets_c102");
  CHECK(csv.find("\n2030,private,male,20,30,1,60,") != std::string::npos);
  // A woman entering at 20 with 45 years retires at 65; 45% > 40%: benchmark and flag.
  CHECK(csv.find("\n2031,civil_servant,female,20,45,2,65,") != std::string::npos);
  CHECK(csv.find(",0.4,1\n") != std::string::npos);
}
