// Benefits on their own (src/benefits): pension amounts, reference earnings, the rules of each
// year and the indexation of pensions in payment; and the benefit flows that the valuation
// (src/fund/valuation.cpp) derives from the tallies: lump sums, the survivor pool and the
// short-term branches by the cost-rate method. Expected values are computed by hand.
#include "benefits/benefits.h"

#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/valuation.h>

#include "economy/economy.h"
#include "population/population.h"
#include "support/fixtures.h"
#include "support/valuation_helpers.h"

using namespace ssproj;

namespace {

using namespace testing;  // branch indices, tight, constant, step

Scenario scenario(int base, int end) { return testing::valuation_scenario(base, end); }

std::vector<benefits::BenefitYear> rules_of(const Scenario& s) {
  return benefits::build_benefit_years(
      s, economy::build_economy(s, s.inputs.base_year, s.projection.end_year));
}

// The row of beneficiaries.csv of all schemes and ages for `year`, `benefit` and `sex`; it must
// be there exactly once.
const BeneficiaryRow& row(const Valuation& v, int year, const std::string& benefit,
                          const std::string& sex) {
  const BeneficiaryRow* found = nullptr;
  int count = 0;
  for (const BeneficiaryRow& r : v.beneficiaries) {
    if (r.year == year && r.scheme == "total" && r.benefit == benefit && r.sex == sex &&
        r.age_group == "all") {
      found = &r;
      ++count;
    }
  }
  INFO(year << " " << benefit << " " << sex);
  REQUIRE(count == 1);
  return *found;
}

// One person with `months` of contributions and career points `points`; no recent years.
population::Population person(std::uint16_t months, float points) {
  population::Population p;
  p.resize(1);
  p.months[0] = months;
  p.points[0] = points;
  return p;
}

// Credits calendar year `year` in the ring of the last five years (slot = year mod 5).
void credit(population::Population& p, int year, float points, std::uint8_t months) {
  const auto slot = static_cast<std::size_t>(year % 5);
  p.recent_points[0][slot] = points;
  p.recent_months[0][slot] = months;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Pension amounts and reference earnings

TEST_CASE("pension_amount: accrual x years x reference, between the minimum and the cap",
          "[unit][benefits]") {
  benefits::BenefitYear y;
  y.accrual = 0.015625;  // 1/64: products are exact
  y.maximum_replacement = 0.75;
  y.minimum_pension = 0;
  SECTION("neither bound binds") {
    CHECK(benefits::pension_amount(y, 32, 2000000) == 1000000);   // 0.5 x 2e6
    CHECK(benefits::pension_amount(y, 15.5, 1024000) == 248000);  // 0.2421875 x 1024000
    y.accrual = 0.015;
    CHECK(benefits::pension_amount(y, 20, 1000000) == tight(300000));
  }
  SECTION("the maximum replacement binds") {
    CHECK(benefits::pension_amount(y, 48, 2000000) == 1500000);  // exactly at the cap
    CHECK(benefits::pension_amount(y, 60, 2000000) == 1500000);  // 0.9375 capped at 0.75
  }
  SECTION("the minimum pension binds") {
    y.minimum_pension = 600000;
    CHECK(benefits::pension_amount(y, 32, 1000000) == 600000);   // 500000 lifted
    CHECK(benefits::pension_amount(y, 60, 700000) == 600000);    // 525000 capped, then lifted
    CHECK(benefits::pension_amount(y, 32, 2000000) == 1000000);  // above the minimum
    CHECK(benefits::pension_amount(y, 32, 0) == 600000);         // no earnings: the minimum
  }
  SECTION("no years, no pension above the minimum") {
    CHECK(benefits::pension_amount(y, 0, 2000000) == 0);
  }
}

TEST_CASE("reference_monthly: the last N calendar years, revalued with wages, or the career",
          "[unit][benefits]") {
  // Points are annual insurable earnings / wage index. Before the claim year:
  //   year -1: 12 months, 13200 points; -2: 4 months, 6000; -3: nothing; -4: 12 months, 8800;
  //   -5: 4 months, 8000.
  // Monthly averages (points / months): N=1 1100, N=2 1200, N=3 1200, N=4 28000 / 28 = 1000,
  // N=5 36000 / 32 = 1125; career 120000 / 96 = 1250. Times the wage index 1.25.
  for (int claim : {2030, 2033}) {
    INFO("claim year " << claim);
    population::Population p = person(96, 120000);
    credit(p, claim - 1, 13200, 12);
    credit(p, claim - 2, 6000, 4);
    credit(p, claim - 4, 8800, 12);
    credit(p, claim - 5, 8000, 4);
    benefits::BenefitYear y;
    y.year = claim;
    y.wage_index = 1.25;
    const std::array<double, 6> expected = {1562.5, 1375, 1500, 1500, 1250, 1406.25};
    for (int n = 0; n <= 5; ++n) {
      INFO("reference_years " << n);
      y.reference_years = n;
      CHECK(benefits::reference_monthly(p, 0, y) == expected[static_cast<std::size_t>(n)]);
    }
  }
  SECTION("no contributions in the last N years: the career average") {
    population::Population p = person(96, 120000);
    credit(p, 2027, 9000, 12);
    benefits::BenefitYear y;
    y.year = 2030;
    y.wage_index = 2;
    y.reference_years = 2;
    CHECK(benefits::reference_monthly(p, 0, y) == 2500);
    y.reference_years = 3;
    CHECK(benefits::reference_monthly(p, 0, y) == 1500);  // 9000 / 12 x 2
  }
  SECTION("no contributions at all: zero") {
    population::Population p = person(0, 0);
    benefits::BenefitYear y;
    y.year = 2030;
    y.wage_index = 1.5;
    for (int n = 0; n <= 5; ++n) {
      y.reference_years = n;
      CHECK(benefits::reference_monthly(p, 0, y) == 0);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The rules of each year

TEST_CASE("build_benefit_years: amounts in kip of the year and the indexation of pensions",
          "[unit][benefits]") {
  // Inflation 3% in 2031-2032, 5% from 2033 (the base year's value is not used); real wage
  // growth 2%; the minimum wage 400000 grown with prices.
  Scenario s = scenario(2030, 2035);
  s.economy.inflation = step({{2030, 0.5}, {2031, 0.03}, {2033, 0.05}});
  s.economy.real_wage_growth = constant(0.02);
  s.economy.minimum_wage = constant(400000);
  s.economy.minimum_wage_indexation = Indexation::kPrices;
  s.benefits.old_age.pensionable_age = {step({{2030, 60}, {2033, 62.4}}), constant(55.5)};
  s.benefits.old_age.minimum_months = step({{2030, 180}, {2034, 240}});
  s.benefits.old_age.accrual = step({{2030, 0.015}, {2032, 0.02}});
  s.benefits.old_age.reference_years = 3;
  s.benefits.old_age.minimum_pension = constant(0.5);
  s.benefits.old_age.maximum_replacement = constant(0.8);
  s.benefits.old_age.lump_sum_months_per_year = constant(1.5);
  s.benefits.old_age.claim_probability = constant(0.9);
  s.benefits.old_age.fixed_indexation = step({{2030, 0.01}, {2033, 0.025}});
  s.benefits.survivors.funeral_grant = constant(3);
  s.benefits.survivors.spouse_share = constant(0.3);
  s.benefits.survivors.child_share = constant(0.2);
  const std::array<double, 6> inflation = {0, 0.03, 0.03, 0.05, 0.05, 0.05};

  SECTION("amounts and parameters") {
    const auto economy = economy::build_economy(s, 2030, 2035);
    const auto rules = benefits::build_benefit_years(s, economy);
    REQUIRE(rules.size() == 6);
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const benefits::BenefitYear& y = rules[i];
      INFO(y.year);
      CHECK(y.year == 2030 + static_cast<int>(i));
      CHECK(y.wage_index == economy[i].wage_index);
      CHECK(y.minimum_pension == 0.5 * economy[i].minimum_wage);
      CHECK(y.funeral_grant == 3 * economy[i].minimum_wage);
      CHECK(y.pensionable_age[0] == (y.year >= 2033 ? 62 : 60));
      CHECK(y.pensionable_age[1] == 56);  // 55.5 rounds half away from zero
      CHECK(y.minimum_months == (y.year >= 2034 ? 240 : 180));
      CHECK(y.accrual == (y.year >= 2032 ? 0.02 : 0.015));
      CHECK(y.reference_years == 3);
      CHECK(y.maximum_replacement == 0.8);
      CHECK(y.lump_sum_months_per_year == 1.5);
      CHECK(y.claim_probability == 0.9);
      CHECK(y.spouse_share == 0.3);
      CHECK(y.child_share == 0.2);
    }
    // The minimum wage with prices: 400000 x 1.03^2 x 1.05^3 in 2035.
    CHECK(rules[5].minimum_pension == tight(0.5 * 400000 * 1.03 * 1.03 * 1.05 * 1.05 * 1.05));
    CHECK(rules[5].wage_index == tight(std::pow(1.03 * 1.02, 2) * std::pow(1.05 * 1.02, 3)));
  }
  SECTION("indexation with prices: the year's inflation") {
    s.benefits.old_age.indexation = Indexation::kPrices;
    const auto rules = rules_of(s);
    CHECK(rules[0].indexation == 0);
    for (std::size_t i = 1; i < rules.size(); ++i) {
      INFO(rules[i].year);
      CHECK(rules[i].indexation == tight(inflation[i]));
    }
  }
  SECTION("indexation with wages: inflation and real wage growth") {
    s.benefits.old_age.indexation = Indexation::kWages;
    const auto rules = rules_of(s);
    CHECK(rules[0].indexation == 0);
    for (std::size_t i = 1; i < rules.size(); ++i) {
      INFO(rules[i].year);
      CHECK(rules[i].indexation == tight((1 + inflation[i]) * 1.02 - 1));
    }
  }
  SECTION("fixed indexation: the schedule's rate") {
    s.benefits.old_age.indexation = Indexation::kFixed;
    const auto rules = rules_of(s);
    CHECK(rules[0].indexation == 0);
    for (std::size_t i = 1; i < rules.size(); ++i) {
      INFO(rules[i].year);
      CHECK(rules[i].indexation == (rules[i].year >= 2033 ? 0.025 : 0.01));
    }
  }
  SECTION("no indexation") {
    s.benefits.old_age.indexation = Indexation::kNone;
    for (const auto& y : rules_of(s)) CHECK(y.indexation == 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Benefit flows in the valuation

TEST_CASE("Lump sums: months of reference earnings per year of contributions, paid by old age",
          "[unit][benefits]") {
  // 10 years of contributions; reference earnings over the last 2 years: 48000 points over 24
  // months = 2000 at base-year wages, times the wage index of 2032 (1.04 x 1.05).
  Scenario s = scenario(2030, 2032);
  s.economy.inflation = step({{2030, 0}, {2031, 0.04}, {2032, 0.05}});
  s.benefits.old_age.reference_years = 2;
  s.benefits.old_age.lump_sum_months_per_year = constant(1.5);
  const auto rules = rules_of(s);
  const benefits::BenefitYear& rule = rules[2];
  REQUIRE(rule.year == 2032);
  population::Population p = person(120, 250000);
  credit(p, 2031, 24000, 12);
  credit(p, 2030, 24000, 12);
  const double reference = benefits::reference_monthly(p, 0, rule);
  CHECK(reference == tight(2000 * 1.04 * 1.05));
  const double amount = rule.lump_sum_months_per_year * (p.months[0] / 12.0) * reference;
  CHECK(amount == tight(30000 * 1.04 * 1.05));

  std::vector<WorkforceYear> years(3);
  for (int t = 2030; t <= 2032; ++t) years[static_cast<std::size_t>(t - 2030)].year = t;
  years[2].benefits.old_age_monthly = {1000, 0};
  years[2].benefits.old_age_recipients = {1, 0};
  years[2].benefits.lump_sums = {0, 2};
  years[2].benefits.lump_sum_amount = {0, 2 * amount};
  const Valuation v = valuate_one_scheme(s, years);
  CHECK(v.years[2].branches[kOldAge].benefits == 12000 + 2 * amount);
  CHECK(v.years[2].branches[kTotal].benefits == 12000 + 2 * amount);
  for (std::size_t k = 1; k < kNumBranches; ++k) CHECK(v.years[2].branches[k].benefits == 0);
  const BeneficiaryRow& r = row(v, 2032, "lump_sum", "female");
  CHECK(r.new_awards == 2);
  CHECK(r.recipients == 2);
  CHECK(r.average_amount == tight(amount));
  CHECK(std::isnan(row(v, 2032, "lump_sum", "male").average_amount));
  CHECK(row(v, 2032, "old_age", "male").average_amount == 1000);
}

namespace {

// Survivor awards: (year, sex or -1 for children, duration in years, monthly amount,
// recipients).
struct Award {
  int year;
  int sex;
  std::size_t duration;
  double monthly;
  double recipients;
};

}  // namespace

TEST_CASE("Survivor pensions: an award with expected duration d runs off by 1/d a year, indexed",
          "[unit][benefits]") {
  // An award of monthly amount A with duration d in year a pays 12 A in year a and
  //   12 A (1 - 1/d)^(t - a) prod_{s=a+1..t} (1 + indexation_s)  in year t.
  Scenario s = scenario(2030, 2036);
  s.fund.allocation[kOldAge] = constant(0);
  s.fund.allocation[kSurvivors] = constant(1);
  s.economy.inflation = step({{2030, 0.5}, {2031, 0.03}, {2033, 0.07}});
  s.economy.real_wage_growth = constant(0.02);
  s.benefits.old_age.fixed_indexation = step({{2030, 0.01}, {2034, 0.025}});
  const std::vector<Award> awards = {{2030, 0, 4, 100, 2}, {2030, 1, 1, 50, 1},
                                     {2030, -1, 2, 30, 3}, {2031, 1, kMaxSurvivorYears, 12, 1},
                                     {2032, 1, 3, 60, 1},  {2035, 0, 5, 40, 1}};
  std::vector<WorkforceYear> years;
  for (int t = 2030; t <= 2036; ++t) {
    WorkforceYear w;
    w.year = t;
    for (const Award& a : awards) {
      if (a.year != t) continue;
      if (a.sex < 0) {
        w.benefits.child_new_monthly[a.duration] += a.monthly;
        w.benefits.child_new[a.duration] += a.recipients;
      } else {
        const auto sex = static_cast<std::size_t>(a.sex);
        w.benefits.spouse_new_monthly[sex][a.duration] += a.monthly;
        w.benefits.spouse_new[sex][a.duration] += a.recipients;
      }
    }
    w.benefits.funeral_amount = {t == 2033 ? 500.0 : 0.0, 0};
    years.push_back(w);
  }

  std::string mode;
  std::vector<double> rate(7, 0.0);  // the indexation of year 2030 + i
  const std::array<double, 7> inflation = {0.5, 0.03, 0.03, 0.07, 0.07, 0.07, 0.07};
  SECTION("prices") {
    mode = "prices";
    s.benefits.old_age.indexation = Indexation::kPrices;
    for (std::size_t i = 1; i < 7; ++i) rate[i] = inflation[i];
  }
  SECTION("wages") {
    mode = "wages";
    s.benefits.old_age.indexation = Indexation::kWages;
    for (std::size_t i = 1; i < 7; ++i) rate[i] = (1 + inflation[i]) * 1.02 - 1;
  }
  SECTION("fixed") {
    mode = "fixed";
    s.benefits.old_age.indexation = Indexation::kFixed;
    for (std::size_t i = 1; i < 7; ++i) rate[i] = i >= 4 ? 0.025 : 0.01;
  }
  SECTION("none") {
    mode = "none";
    s.benefits.old_age.indexation = Indexation::kNone;
  }
  INFO("indexation " << mode);
  const Valuation v = valuate_one_scheme(s, years);
  REQUIRE(v.years.size() == 7);
  for (std::size_t i = 0; i < 7; ++i) {
    const int t = 2030 + static_cast<int>(i);
    INFO(t);
    double paid = 0, male_spouses = 0, male_monthly = 0, children = 0;
    for (const Award& a : awards) {
      if (a.year > t) continue;
      double factor = 1;
      for (int u = a.year + 1; u <= t; ++u) {
        factor *= (1 - 1.0 / static_cast<double>(a.duration)) *
                  (1 + rate[static_cast<std::size_t>(u - 2030)]);
      }
      const double survive = std::pow(1 - 1.0 / static_cast<double>(a.duration), t - a.year);
      paid += 12 * a.monthly * factor;
      if (a.sex == 0) {
        male_spouses += a.recipients * survive;
        male_monthly += a.monthly * factor;
      }
      if (a.sex < 0) children += a.recipients * survive;
    }
    const BranchYear& b = v.years[i].branches[kSurvivors];
    CHECK(b.benefits == tight(paid + (t == 2033 ? 500 : 0)));
    const BeneficiaryRow& spouses = row(v, t, "survivor_spouse", "male");
    CHECK(spouses.recipients == tight(male_spouses));
    CHECK(spouses.average_amount == tight(male_monthly / male_spouses));
    CHECK(spouses.new_awards == (t == 2030 ? 2 : t == 2035 ? 1 : 0));
    const BeneficiaryRow& child = row(v, t, "survivor_child", "all");
    CHECK(child.new_awards == (t == 2030 ? 3 : 0));
    CHECK(child.recipients == tight(children));
  }
  // The first years by hand (prices): 2030: 12 x 180; 2031: 12 x (100 x 0.75 + 30 x 0.5) x
  // 1.03 + 12 x 12; the one-year award has gone.
  if (mode == "prices") {
    CHECK(v.years[0].branches[kSurvivors].benefits == tight(12 * 180));
    CHECK(v.years[1].branches[kSurvivors].benefits == tight(12 * 90 * 1.03 + 144));
  }
}

TEST_CASE("Survivor pensions start with the first year valued, indexed from the next one",
          "[unit][benefits]") {
  // Base year 2030, valuation from 2032: the award of 2032 is not indexed in 2032 and is indexed
  // with the inflation of 2033 in 2033.
  Scenario s = scenario(2030, 2033);
  s.economy.inflation = step({{2030, 0.2}, {2032, 0.1}, {2033, 0.05}});
  std::vector<WorkforceYear> years(2);
  years[0].year = 2032;
  years[1].year = 2033;
  years[0].benefits.spouse_new_monthly[1][2] = 100;
  const Valuation v = valuate_one_scheme(s, years);
  CHECK(v.years[0].branches[kSurvivors].benefits == 1200);
  CHECK(v.years[1].branches[kSurvivors].benefits == tight(600 * 1.05));
}

TEST_CASE("Short-term branches and health care by the cost-rate method", "[unit][benefits]") {
  // Active contributors 300 men and 200 women with monthly insurable earnings of 600e6 and
  // 300e6 in all; 7 births to insured women. Base year 2030, valued from 2031.
  Scenario s = scenario(2030, 2033);
  s.economy.inflation = constant(0.03);
  s.economy.real_wage_growth = constant(0.01);
  s.benefits.sickness = {constant(0.05), constant(10), constant(0.7)};
  s.benefits.employment_injury = {constant(0.005), constant(30), constant(1.0)};
  s.benefits.unemployment = {step({{2030, 0.02}, {2033, 0.03}}), constant(90), constant(0.6)};
  s.benefits.maternity_duration_days = constant(105);
  s.benefits.maternity_replacement = constant(0.8);
  s.benefits.health_care_cost_per_member = constant(600000);
  s.benefits.medical_inflation_excess = step({{2030, 0.02}, {2032, 0.04}});
  std::vector<WorkforceYear> years;
  for (int t = 2031; t <= 2033; ++t) {
    WorkforceYear w;
    w.year = t;
    w.benefits.active = {300, 200};
    w.benefits.active_insurable_monthly = {600e6, 300e6};
    w.benefits.births_to_insured = 7;
    years.push_back(w);
  }
  years[2].benefits.active = {300, 0};  // 2033: no active women (and so no maternity benefit)
  years[2].benefits.active_insurable_monthly = {600e6, 0};
  const Valuation v = valuate_one_scheme(s, years);
  REQUIRE(v.years.size() == 3);

  const double daily = 900e6 * 12 / 365;
  // The wage index and the medical index both start from 1 in the base year 2030:
  // W = (1.03 x 1.01)^(t - 2030); M = 1.02 in 2031, 1.02 x 1.04 in 2032, 1.02 x 1.04^2 in 2033.
  const std::array<double, 3> wage = {1.03 * 1.01, std::pow(1.03 * 1.01, 2),
                                      std::pow(1.03 * 1.01, 3)};
  const std::array<double, 3> medical = {1.02, 1.02 * 1.04, 1.02 * 1.04 * 1.04};
  for (std::size_t i = 0; i < 2; ++i) {
    const int t = 2031 + static_cast<int>(i);
    INFO(t);
    const auto& b = v.years[i].branches;
    CHECK(b[kSickness].benefits == tight(0.05 * 10 * 0.7 * daily));
    CHECK(b[kInjury].benefits == tight(0.005 * 30 * 1.0 * daily));
    CHECK(b[kUnemployment].benefits == tight(0.02 * 90 * 0.6 * daily));
    CHECK(b[kMaternity].benefits == tight(7 * 105 * 0.8 * (300e6 / 200 * 12 / 365)));
    CHECK(b[kHealthCare].benefits == tight(600000 * wage[i] * medical[i] * 500));
    CHECK(b[kTotal].benefits ==
          tight(b[kSickness].benefits + b[kInjury].benefits + b[kUnemployment].benefits +
                b[kMaternity].benefits + b[kHealthCare].benefits));
    const BeneficiaryRow& sick = row(v, t, "sickness", "all");
    CHECK(sick.new_awards == tight(0.05 * 500));
    CHECK(sick.recipients == tight(0.05 * 500));
    CHECK(sick.average_amount == tight(10 * 0.7 * 1.8e6 * 12 / 365));  // per case
    const BeneficiaryRow& maternity = row(v, t, "maternity", "female");
    CHECK(maternity.new_awards == 7);
    CHECK(maternity.average_amount == tight(105 * 0.8 * 1.5e6 * 12 / 365));
    const BeneficiaryRow& health = row(v, t, "health_care", "all");
    CHECK(health.new_awards == 0);
    CHECK(health.recipients == 500);
    CHECK(health.average_amount == tight(600000 * wage[i] * medical[i]));
  }
  // 2033: unemployment incidence 3%; no active women: no maternity benefit, not NaN.
  const auto& b = v.years[2].branches;
  const double daily_men = 600e6 * 12 / 365;
  CHECK(b[kUnemployment].benefits == tight(0.03 * 90 * 0.6 * daily_men));
  CHECK(b[kSickness].benefits == tight(0.05 * 10 * 0.7 * daily_men));
  CHECK(b[kMaternity].benefits == 0);
  CHECK(b[kHealthCare].benefits == tight(600000 * wage[2] * medical[2] * 300));
}
