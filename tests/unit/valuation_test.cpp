// The fund's accounts and the actuarial indicators (src/fund/valuation.cpp) on synthetic
// workforce tallies: limiting cases with closed forms, the fund identity, the indicators by
// hand on a four-year case, and the finance, beneficiaries and indicators tables.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/output.h>
#include <ssproj/valuation.h>

#include "engine/tallies.h"
#include "support/fixtures.h"
#include "support/valuation_helpers.h"

using namespace ssproj;

namespace {

using namespace testing;  // branch indices, tight, constant, step

Scenario scenario(int base, int end) { return testing::valuation_scenario(base, end); }

// Branch shares that are dyadic fractions summing to 1 (so that every product is exact).
std::array<Schedule, kNumBranches> dyadic_allocation() {
  return {constant(0.5),    constant(0.0625), constant(0.0625), constant(0.0625),
          constant(0.0625), constant(0.0625), constant(0.0625), constant(0.125)};
}

WorkforceYear year_with(int year, double employer, double employee, double insurable) {
  WorkforceYear w;
  w.year = year;
  w.contributions[0].employer = employer;
  w.contributions[0].employee = employee;
  w.contributions[0].insurable_earnings = insurable;
  return w;
}

// The value of indicator `name` of all schemes, and of account `group` for horizon indicators;
// `when` is a period "2030-2039", a year "2030", or a typical career "2030 20 1" (award year,
// years, earnings multiple). It must be there exactly once.
double indicator(const Valuation& v, const std::string& name, const std::string& when,
                 const std::string& group = "total") {
  int found = 0;
  double value = 0;
  int a = 0, b = 0;
  double m = 0;
  const bool career = std::sscanf(when.c_str(), "%d %d %lf", &a, &b, &m) == 3;
  const bool period = !career && std::sscanf(when.c_str(), "%d-%d", &a, &b) == 2;
  if (!career && !period) a = std::stoi(when);
  for (const Indicator& i : v.indicators) {
    if (i.indicator != name || i.scheme != "all") continue;
    const bool match =
        career   ? i.year == a && i.career_years == b && i.earnings_multiple == m
        : period ? i.group == group && i.period_start == a && i.period_end == b && i.year == 0
                 : i.year == a && i.period_start == 0;
    if (match) {
      ++found;
      value = i.value;
    }
  }
  INFO(name << " " << when << " " << group);
  REQUIRE(found == 1);
  return value;
}

std::string line(const std::string& text, int n) {
  std::size_t start = 0;
  for (int i = 0; i < n; ++i) start = text.find('\n', start) + 1;
  return text.substr(start, text.find('\n', start) - start);
}

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The same tallies every year: contributions, pensions, lump sums, funerals, survivor awards
// that last one year (so the pool is constant), short-term cases and health care members.
WorkforceYear stationary_year(int year) {
  WorkforceYear w = year_with(year, 700, 450, 9000);
  w.contributions[0].government = 150;
  w.contributions[1].employee = 100;
  w.contributions[1].insurable_earnings = 1000;
  BenefitTallies& b = w.benefits;
  b.old_age_recipients = {3, 2};
  b.old_age_monthly = {25, 15};
  b.invalidity_recipients = {1, 0};
  b.invalidity_monthly = {5, 0};
  b.lump_sums = {1, 0};
  b.lump_sum_amount = {30, 0};
  b.funerals = {1, 1};
  b.funeral_amount = {6, 4};
  b.spouse_new_monthly[1][1] = 3;
  b.spouse_new[1][1] = 1;
  b.child_new_monthly[1] = 2;
  b.child_new[1] = 1;
  b.births_to_insured = 2;
  b.active = {60, 40};
  b.active_insurable_monthly = {540, 320};
  return w;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Limiting cases

TEST_CASE("Valuation: in a stationary scheme the PAYG cost rate is constant and equals the GAP",
          "[unit][valuation]") {
  // Constant tallies and rules, no indexation, no inflation, no administration share, no
  // reserve and no subsidy: every year costs the same share of the same insurable earnings,
  // so any discounting gives the GAP = B / IW, and so does the scaled premium of every period.
  Scenario s = scenario(2030, 2039);
  s.benefits.old_age.indexation = Indexation::kNone;
  s.fund.allocation = dyadic_allocation();
  s.benefits.sickness = {constant(0.05), constant(10), constant(0.7)};
  s.benefits.employment_injury = {constant(0.01), constant(30), constant(1.0)};
  s.benefits.unemployment = {constant(0.02), constant(90), constant(0.6)};
  s.benefits.maternity_duration_days = constant(105);
  s.benefits.maternity_replacement = constant(0.8);
  s.benefits.health_care_cost_per_member = constant(0.5);
  s.fund.administration_per_member = constant(0.25);
  s.fund.scaled_premium_period = 4;
  std::string interest;
  SECTION("no interest") { interest = "none"; }
  SECTION("a constant positive interest rate") {
    interest = "5%";
    s.fund.investment_return = constant(0.05);
  }
  SECTION("an interest rate that changes") {
    interest = "varying";
    s.fund.investment_return = step({{2030, 0.08}, {2033, 0.02}, {2036, 0.11}});
  }
  INFO("interest: " << interest);
  std::vector<WorkforceYear> years;
  for (int t = 2030; t <= 2039; ++t) years.push_back(stationary_year(t));
  const Valuation v = valuate_one_scheme(s, years);
  REQUIRE(v.years.size() == 10);

  // By hand: insurable 10000; pensions 12 x (40 + 5); lump sum 30; survivors 12 x (3 + 2) + 10;
  // short term: daily insurable 860 x 12 / 365; maternity: 2 births, women's daily earnings
  // 320 / 40 x 12 / 365; health care 0.5 x 100; administration 0.25 x 100.
  const double daily = 860 * 12.0 / 365;
  const double outgo = 12 * 45 + 30 + 12 * 5 + 10 + 0.05 * 10 * 0.7 * daily +
                       0.01 * 30 * 1.0 * daily + 0.02 * 90 * 0.6 * daily +
                       2 * 105 * 0.8 * (8 * 12.0 / 365) + 0.5 * 100 + 0.25 * 100;
  const double paygo = v.years[0].branches[kTotal].paygo_cost_rate;
  CHECK(paygo == tight(outgo / 10000));
  for (const FundYear& y : v.years) {
    INFO(y.year);
    CHECK(y.insurable_earnings == 10000);
    for (std::size_t k = 0; k <= kTotal; ++k) {
      INFO("branch " << k);
      CHECK(y.branches[k].paygo_cost_rate == v.years[0].branches[k].paygo_cost_rate);
    }
  }
  CHECK(indicator(v, "general_average_premium", "2030-2039") == tight(paygo));
  CHECK(indicator(v, "scaled_premium", "2030-2033") == tight(paygo));
  CHECK(indicator(v, "scaled_premium", "2034-2037") == tight(paygo));
  CHECK(indicator(v, "scaled_premium", "2038-2039") == tight(paygo));
  // Contributions 1400 exceed the outgo, which is below 1000.
  CHECK(outgo < 1000);
  CHECK(std::isnan(indicator(v, "first_year_of_contribution_deficit", "2030-2039")));
  CHECK(std::isnan(indicator(v, "first_year_of_overall_deficit", "2030-2039")));
  CHECK(std::isnan(indicator(v, "reserve_depletion_year", "2030-2039")));
}

TEST_CASE("Valuation: with no interest and no survivor awards the reserve is a plain sum",
          "[unit][valuation]") {
  // Dyadic flows, so that every sum is exact: reserve_end(last) = F0 + sum (C + G - B - A),
  // branch by branch and in total.
  Scenario s = scenario(2030, 2033);
  s.fund.initial_reserve = 1000;
  s.fund.allocation = dyadic_allocation();
  s.fund.government_subsidy = step({{2030, 16}, {2032, 48}});
  s.fund.administration_share = constant(0.125);
  s.fund.administration_per_member = constant(0.25);
  s.benefits.health_care_cost_per_member = constant(8);
  const std::array<double, 4> employer = {600, 640, 680, 720}, employee = {400, 400, 440, 440};
  const std::array<double, 4> pension = {50, 85, 150, 300}, invalidity = {10, 10, 20, 20};
  const std::array<double, 4> lump = {0, 64, 0, 32}, funeral = {8, 0, 8, 16};
  const std::array<double, 4> active = {100, 104, 96, 100};
  std::vector<WorkforceYear> years;
  for (std::size_t i = 0; i < 4; ++i) {
    WorkforceYear w = year_with(2030 + static_cast<int>(i), employer[i], employee[i], 10000);
    w.benefits.old_age_monthly = {pension[i] / 2, pension[i] / 2};
    w.benefits.invalidity_monthly = {invalidity[i], 0};
    w.benefits.lump_sum_amount = {0, lump[i]};
    w.benefits.funeral_amount = {funeral[i], 0};
    w.benefits.active = {active[i] / 2, active[i] / 2};
    years.push_back(w);
  }
  const Valuation v = valuate_one_scheme(s, years);
  REQUIRE(v.years.size() == 4);

  std::array<double, kNumBranches + 1> expected{};
  for (std::size_t k = 0; k < kNumBranches; ++k) {
    expected[k] = s.fund.allocation[k].at(2030) * 1000;
  }
  expected[kTotal] = 1000;
  for (std::size_t i = 0; i < 4; ++i) {
    const double c = employer[i] + employee[i];
    const double g = i < 2 ? 16 : 48;
    const double a = 0.125 * c + 0.25 * active[i];
    std::array<double, kNumBranches> b{};
    b[kOldAge] = 12 * pension[i] + lump[i];
    b[kInvalidity] = 12 * invalidity[i];
    b[kSurvivors] = funeral[i];
    b[kHealthCare] = 8 * active[i];
    for (std::size_t k = 0; k < kNumBranches; ++k) {
      const double share = s.fund.allocation[k].at(2030);
      expected[k] += share * c + share * g - b[k] - share * a;
      expected[kTotal] += share * c + share * g - b[k] - share * a;
    }
  }
  for (std::size_t k = 0; k <= kTotal; ++k) {
    INFO("branch " << k);
    CHECK(v.years.back().branches[k].reserve_end == expected[k]);
    for (const FundYear& y : v.years) CHECK(y.branches[k].investment_income == 0);
  }
  // 1000 + (2000 + 2120 + 2240 + 2400) + 2 x 16 + 2 x 48 - outgo.
  const double outgo = 12 * (50 + 85 + 150 + 300) + 96 + 12 * 60 + 32 + 8 * 400 +
                       0.125 * (1000 + 1040 + 1120 + 1160) + 0.25 * 400;
  CHECK(v.years.back().branches[kTotal].reserve_end == 1000 + 4320 + 128 - outgo);
}

// ---------------------------------------------------------------------------------------------
// The fund identity

TEST_CASE("Valuation: the fund identity holds exactly in every year and branch",
          "[unit][valuation]") {
  // Irregular amounts, interest, inflation, indexation, survivor pensions that last several
  // years, an allocation that changes in 2032, subsidies and administration.
  Scenario s = scenario(2029, 2034);
  s.economy.inflation = constant(0.031);
  s.economy.real_wage_growth = constant(0.017);
  s.benefits.old_age.indexation = Indexation::kWages;
  s.fund.initial_reserve = 12345.678;
  s.fund.investment_return = step({{2029, 0.071}, {2032, -0.013}, {2033, 0.043}});
  s.fund.allocation = {step({{2029, 0.45}, {2032, 0.40}}),
                       constant(0.04),
                       constant(0.06),
                       step({{2029, 0.04}, {2032, 0.09}}),
                       constant(0.03),
                       constant(0.03),
                       constant(0.02),
                       constant(0.33)};
  s.fund.administration_share = constant(0.05);
  s.fund.administration_per_member = constant(1.3);
  s.fund.government_subsidy = step({{2029, 0}, {2031, 777.7}});
  s.benefits.sickness = {constant(0.05), constant(10), constant(0.7)};
  s.benefits.maternity_duration_days = constant(105);
  s.benefits.maternity_replacement = constant(0.8);
  s.benefits.health_care_cost_per_member = constant(3.3);
  s.benefits.medical_inflation_excess = constant(0.01);
  std::vector<WorkforceYear> years;
  for (int t = 2030; t <= 2034; ++t) {
    const double x = 1 + 0.1 * (t - 2030);
    WorkforceYear w = year_with(t, 1234.5 * x, 987.6 * x, 19876.5 * x);
    w.contributions[0].government = 111.1;
    w.contributions[1].employee = 55.5 * x;
    w.contributions[1].insurable_earnings = 543.2 * x;
    w.benefits.old_age_monthly = {31.7 * x * x, 17.3 * x * x};
    w.benefits.invalidity_monthly = {3.3, 1.1};
    w.benefits.lump_sum_amount = {44.4, 0};
    w.benefits.funeral_amount = {2.2, 1.1};
    w.benefits.spouse_new_monthly[1][7] = 5.5;
    w.benefits.spouse_new[1][7] = 1.1;
    w.benefits.child_new_monthly[3] = 2.7;
    w.benefits.births_to_insured = 3.7;
    w.benefits.active = {61.3, 47.9};
    w.benefits.active_insurable_monthly = {1013.7, 731.9};
    years.push_back(w);
  }
  const Valuation v = valuate_one_scheme(s, years);
  REQUIRE(v.years.size() == 5);

  for (std::size_t i = 0; i < v.years.size(); ++i) {
    const FundYear& y = v.years[i];
    const int t = y.year;
    INFO(t);
    CHECK(t == years[i].year);
    const double r = s.fund.investment_return.at(t);
    double contributions = 0, insurable = 0;
    for (const ContributionTotals& c : years[i].contributions) {
      contributions += c.employer + c.employee + c.government;
      insurable += c.insurable_earnings;
    }
    CHECK(y.insurable_earnings == insurable);
    double sum_contributions = 0, sum_reserve_end = 0, sum_government = 0;
    for (std::size_t k = 0; k <= kTotal; ++k) {
      INFO("branch " << k);
      const BranchYear& b = y.branches[k];
      const double net = b.contributions + b.government - b.benefits - b.administration;
      CHECK(b.investment_income == r * (b.reserve_start + net / 2));
      CHECK(b.reserve_end == b.reserve_start + b.contributions + b.government +
                                 b.investment_income - b.benefits - b.administration);
      CHECK(b.paygo_cost_rate == (b.benefits + b.administration) / insurable);
      CHECK(b.reserve_ratio == b.reserve_end / (b.benefits + b.administration));
      if (i > 0) CHECK(b.reserve_start == v.years[i - 1].branches[k].reserve_end);
      if (k < kTotal) {
        const double share = s.fund.allocation[k].at(t);
        CHECK(b.contributions == share * contributions);
        CHECK(b.government == share * s.fund.government_subsidy.at(t));
        if (i == 0) CHECK(b.reserve_start == share * s.fund.initial_reserve);
        sum_contributions += b.contributions;
        sum_reserve_end += b.reserve_end;
        sum_government += b.government;
      }
    }
    const BranchYear& total = y.branches[kTotal];
    CHECK(total.contributions == Approx(contributions).epsilon(1e-9));
    CHECK(sum_contributions == Approx(total.contributions).epsilon(1e-9));
    CHECK(sum_government == Approx(total.government).epsilon(1e-9).margin(1e-9));
    CHECK(sum_reserve_end == Approx(total.reserve_end).epsilon(1e-9));
    if (i == 0) CHECK(total.reserve_start == Approx(s.fund.initial_reserve).epsilon(1e-12));
    // The allocation changed in 2032: old age gets 0.40 of contributions from then on.
    if (t == 2031) CHECK(y.branches[kOldAge].contributions == 0.45 * contributions);
    if (t == 2032) CHECK(y.branches[kOldAge].contributions == 0.40 * contributions);
  }
}

TEST_CASE(
    "Valuation: a branch without outgo has no reserve ratio; no insurable earnings, no "
    "cost rate",
    "[unit][valuation]") {
  Scenario s = scenario(2030, 2031);
  std::vector<WorkforceYear> years = {year_with(2030, 600, 400, 10000), year_with(2031, 0, 0, 0)};
  years[0].benefits.old_age_monthly = {25, 0};  // 300 a year
  years[1].benefits.old_age_monthly = {25, 0};
  const Valuation v = valuate_one_scheme(s, years);
  REQUIRE(v.years.size() == 2);
  const BranchYear& old_age = v.years[0].branches[kOldAge];
  CHECK(old_age.contributions == 1000);
  CHECK(old_age.benefits == 300);
  CHECK(old_age.reserve_end == 700);
  CHECK(old_age.paygo_cost_rate == 0.03);
  CHECK(old_age.reserve_ratio == 700.0 / 300);
  const BranchYear& unemployment = v.years[0].branches[kUnemployment];
  CHECK(unemployment.paygo_cost_rate == 0);
  CHECK(std::isnan(unemployment.reserve_ratio));
  CHECK(std::isnan(v.years[1].branches[kOldAge].paygo_cost_rate));
  CHECK(v.years[1].branches[kOldAge].reserve_ratio == 400.0 / 300);
}

// ---------------------------------------------------------------------------------------------
// Indicators by hand

namespace {

// Four years 2030-2033, a changing interest rate, 2% inflation (administration per member grows
// with wages), a subsidy and an administration share. The fund path (computed in the test):
//   year  contributions  outgo     C + G + I   reserve_end
//   2030  1000           712.5     1148.19     2435.69
//   2031  1040           1136      1176.31     2476.00   contribution deficit
//   2032  1080           1919.52   1244.57     1801.05   overall deficit
//   2033  1120           3723.06   1175.59     -746.43   depleted
struct HandCase {
  std::array<double, 4> r = {0.05, 0.04, 0.06, 0.03};
  std::array<double, 4> insurable = {10000, 10400, 10800, 11200};
  std::array<double, 4> benefits = {600, 1020, 1800, 3600};  // 12 x old-age monthly
  double admin_share = 0.0625, admin_per_member = 0.5, active = 100, subsidy = 40;
  double initial_reserve = 2000;

  Scenario scenario() const {
    Scenario s = ::scenario(2030, 2033);
    s.economy.inflation = constant(0.02);
    s.fund.initial_reserve = initial_reserve;
    s.fund.investment_return = step({{2030, r[0]}, {2031, r[1]}, {2032, r[2]}, {2033, r[3]}});
    s.fund.administration_share = constant(admin_share);
    s.fund.administration_per_member = constant(admin_per_member);
    s.fund.government_subsidy = constant(subsidy);
    s.fund.terminal_reserve_years = 1.5;
    s.fund.scaled_premium_period = 2;
    return s;
  }
  std::vector<WorkforceYear> years() const {
    std::vector<WorkforceYear> ys;
    for (std::size_t i = 0; i < 4; ++i) {
      WorkforceYear w =
          year_with(2030 + static_cast<int>(i), 0.06 * insurable[i], 0.04 * insurable[i], 0);
      w.contributions[0].insurable_earnings = insurable[i] * 0.75;
      w.contributions[1].insurable_earnings = insurable[i] * 0.25;
      w.benefits.old_age_monthly = {benefits[i] / 12 * 0.5, benefits[i] / 12 * 0.5};
      w.benefits.active = {active * 0.75, active * 0.25};
      ys.push_back(w);
    }
    return ys;
  }
  double wage_index(std::size_t i) const { return std::pow(1.02, static_cast<double>(i)); }
  double contributions(std::size_t i) const { return 0.1 * insurable[i]; }
  double fixed_outgo(std::size_t i) const {
    return benefits[i] + admin_per_member * wage_index(i) * active;
  }
  double outgo(std::size_t i) const { return fixed_outgo(i) + admin_share * contributions(i); }
  // Mid-year discount factor of year i, as the fund accrues a mid-year flow (r_i / 2 in its
  // year): prod_{s<i} (1 + r_s)^-1 x (1 + r_i / 2) / (1 + r_i).
  double mid(std::size_t i) const {
    double accumulated = 1;
    for (std::size_t s = 0; s < i; ++s) accumulated *= 1 + r[s];
    return (1 + r[i] / 2) / (accumulated * (1 + r[i]));
  }
  double end_discount() const { return 1 / ((1 + r[0]) * (1 + r[1]) * (1 + r[2]) * (1 + r[3])); }
  // The ILO scaled premium of years first..last from reserve F when, as here, the last year
  // binds: the rate p under which the reserve stops growing in the last year,
  //   net_z(p) (1 + r_z / 2) + r_z R_z(p) = 0,  net_t(p) = p IW_t (1 - a) + G - fixed outgo_t,
  //   R_z(p) = F prod_{t<z} (1 + r_t) + sum_{t<z} net_t(p) (1 + r_t / 2) prod_{t<s<z} (1 + r_s),
  // written as R_z = A + B p.
  double scaled_premium(std::size_t first, std::size_t last, double f) const {
    double a = f, b = 0;
    for (std::size_t t = first; t < last; ++t) {
      a = a * (1 + r[t]) + (subsidy - fixed_outgo(t)) * (1 + r[t] / 2);
      b = b * (1 + r[t]) + insurable[t] * (1 - admin_share) * (1 + r[t] / 2);
    }
    const double z = r[last];
    return -((subsidy - fixed_outgo(last)) * (1 + z / 2) + z * a) /
           (insurable[last] * (1 - admin_share) * (1 + z / 2) + z * b);
  }
  // The reserve at the end of years first..last from F at rate p.
  double roll(std::size_t first, std::size_t last, double f, double p) const {
    for (std::size_t t = first; t <= last; ++t) {
      const double net = p * insurable[t] * (1 - admin_share) + subsidy - fixed_outgo(t);
      f += net + r[t] * (f + net / 2);
    }
    return f;
  }
};

}  // namespace

TEST_CASE("Valuation: health care passed through pays out the branch's share of contributions",
          "[unit][valuation]") {
  Scenario s = scenario(2029, 2033);
  s.fund.allocation = dyadic_allocation();  // health care 1/8
  s.fund.investment_return = constant(0.0);
  s.fund.administration_share = constant(0.0);
  s.benefits.health_care_cost_per_member = constant(1000.0);  // not used when passed through
  s.benefits.health_care_financing = "pass_through";
  std::vector<WorkforceYear> years;
  for (int t = 2029; t <= 2033; ++t) {
    WorkforceYear w = year_with(t, 640.0 + t - 2029, 320, 8000);
    w.benefits.active = {3, 5};
    years.push_back(w);
  }
  const Valuation v = valuate_one_scheme(s, years);
  REQUIRE(v.years.size() == years.size());
  for (std::size_t i = 0; i < years.size(); ++i) {
    const BranchYear& health = v.years[i].branches[static_cast<std::size_t>(Branch::kHealthCare)];
    INFO("year " << v.years[i].year);
    CHECK(health.contributions == (960.0 + static_cast<double>(i)) / 8);
    CHECK(health.benefits == health.contributions);
    CHECK(health.reserve_end == health.reserve_start);  // no return, no subsidy, no costs
  }
  // The default pays the cost per member instead: 8 active members x 1000 x indices.
  s.benefits.health_care_financing = "cost_per_member";
  const Valuation c = valuate_one_scheme(s, years);
  CHECK(c.years[0].branches[static_cast<std::size_t>(Branch::kHealthCare)].benefits ==
        Approx(8000.0).epsilon(1e-12));
}

TEST_CASE("Valuation: GAP, actuarial balance and the deficit and depletion years by hand",
          "[unit][valuation]") {
  const HandCase h;
  const Scenario s = h.scenario();
  const Valuation v = valuate_one_scheme(s, h.years());
  REQUIRE(v.years.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    const BranchYear& b = v.years[i].branches[kTotal];
    CHECK(b.contributions == tight(h.contributions(i)));
    CHECK(b.benefits + b.administration == tight(h.outgo(i)));
  }

  double pv_fixed = 0, pv_government = 0, pv_net_insurable = 0, pv_insurable = 0,
         pv_contributions = 0, pv_outgo = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    pv_fixed += h.fixed_outgo(i) * h.mid(i);
    pv_government += h.subsidy * h.mid(i);
    pv_net_insurable += h.insurable[i] * (1 - h.admin_share) * h.mid(i);
    pv_insurable += h.insurable[i] * h.mid(i);
    pv_contributions += h.contributions(i) * h.mid(i);
    pv_outgo += h.outgo(i) * h.mid(i);
  }
  const double f0 = h.initial_reserve;
  const double gap = (pv_fixed - f0 - pv_government) / pv_net_insurable;
  CHECK(indicator(v, "general_average_premium", "2030-2033") == tight(gap));
  CHECK(indicator(v, "general_average_premium_with_terminal_reserve", "2030-2033") ==
        tight(gap + h.end_discount() * 1.5 * h.outgo(3) / pv_net_insurable));
  CHECK(indicator(v, "actuarial_balance", "2030-2033") ==
        tight((f0 + pv_contributions + pv_government - pv_outgo - h.end_discount() * h.outgo(3)) /
              pv_insurable));
  CHECK(indicator(v, "first_year_of_contribution_deficit", "2030-2033") == 2031);
  CHECK(indicator(v, "first_year_of_overall_deficit", "2030-2033") == 2032);
  CHECK(indicator(v, "reserve_depletion_year", "2030-2033") == 2033);
  // The table in HandCase's comment.
  CHECK(v.years[1].branches[kTotal].reserve_end > 0);
  CHECK(v.years[2].branches[kTotal].reserve_end > 0);
  CHECK(v.years[3].branches[kTotal].reserve_end < 0);

  SECTION("a rate equal to the GAP ends the horizon with no reserve") {
    // The discounting uses the fund's own mid-year convention, so the balance is exact up to
    // rounding.
    double f = f0;
    for (std::size_t i = 0; i < 4; ++i) {
      const double net = gap * h.insurable[i] * (1 - h.admin_share) + h.subsidy - h.fixed_outgo(i);
      f += net + h.r[i] * (f + net / 2);
    }
    CHECK(std::abs(f) < 1e-9 * h.outgo(3));
  }
}

TEST_CASE("Valuation: the ILO scaled premium keeps the reserve from falling in each period",
          "[unit][valuation]") {
  HandCase h;
  Scenario s = h.scenario();
  SECTION("two periods of two years") {
    const Valuation v = valuate_one_scheme(s, h.years());
    const double first = indicator(v, "scaled_premium", "2030-2031");
    const double second = indicator(v, "scaled_premium", "2032-2033");
    CHECK(first == tight(h.scaled_premium(0, 1, h.initial_reserve)));
    // The second period starts from the reserve the first left under its premium.
    const double after_first = h.roll(0, 1, h.initial_reserve, first);
    CHECK(second == tight(h.scaled_premium(2, 3, after_first)));
    CHECK(first < second);
    // At these rates the reserve never falls, and in each period's last year income equals
    // outgo: the reserve ends the year where it started it.
    double f = h.initial_reserve;
    for (std::size_t i = 0; i < 4; ++i) {
      const double start = f;
      f = h.roll(i, i, f, i < 2 ? first : second);
      INFO("year " << i);
      CHECK(f >= start - 1e-9 * start);
      if (i == 1 || i == 3) CHECK(f == Approx(start).epsilon(1e-12));
    }
    // The previous definition, the rate that brings the reserve back to its starting level at
    // the period's end, is lower here: it lets the reserve fall inside the period.
    CHECK(h.roll(0, 1, h.initial_reserve, first) > h.initial_reserve);
  }
  SECTION("a year inside the period that costs more than the last binds") {
    // Rising then falling outgo over one period of four years, without interest: the reserve
    // may not fall in the dearest year, so the premium is that year's cost rate net of the
    // reserve... here with no reserve: fixed outgo / net insurable of year 2031 (the highest).
    s.fund.initial_reserve = 0;
    s.fund.investment_return = constant(0);
    s.fund.scaled_premium_period = 4;
    std::vector<WorkforceYear> years = h.years();
    years[1].benefits.old_age_monthly = {500, 500};  // 12000 a year in 2031
    const Valuation v = valuate_one_scheme(s, years);
    const double fixed_2031 = 12000 + h.admin_per_member * h.wage_index(1) * h.active;
    CHECK(indicator(v, "scaled_premium", "2030-2033") ==
          tight((fixed_2031 - h.subsidy) / (h.insurable[1] * (1 - h.admin_share))));
  }
  SECTION("a reserve whose interest covers the outgo needs no contribution") {
    s.fund.initial_reserve = 1e7;
    const Valuation v = valuate_one_scheme(s, h.years());
    CHECK(indicator(v, "scaled_premium", "2030-2031") == 0);
    CHECK(indicator(v, "scaled_premium", "2032-2033") == 0);
  }
  SECTION("a last period shorter than the others") {
    s.fund.scaled_premium_period = 3;
    const Valuation v = valuate_one_scheme(s, h.years());
    CHECK(indicator(v, "scaled_premium", "2030-2032") ==
          tight(h.scaled_premium(0, 2, h.initial_reserve)));
    CHECK(indicator(v, "scaled_premium", "2033-2033") ==
          tight(h.scaled_premium(
              3, 3, h.roll(0, 2, h.initial_reserve, h.scaled_premium(0, 2, h.initial_reserve)))));
  }
  SECTION("one period without interest or reserve: the highest yearly net cost rate") {
    // Without interest and reserve the reserve falls in no year only if each year's
    // contributions cover its outgo: the premium is the highest net cost rate of the period
    // (here the last year's, costs rising), above the GAP, which only balances the period.
    s.fund.initial_reserve = 0;
    s.fund.investment_return = constant(0);
    s.fund.scaled_premium_period = 10;
    const Valuation v = valuate_one_scheme(s, h.years());
    double fixed = 0, net_insurable = 0, highest = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      fixed += h.fixed_outgo(i) - h.subsidy;
      net_insurable += h.insurable[i] * (1 - h.admin_share);
      highest = std::max(highest,
                         (h.fixed_outgo(i) - h.subsidy) / (h.insurable[i] * (1 - h.admin_share)));
    }
    CHECK(indicator(v, "scaled_premium", "2030-2033") == tight(highest));
    CHECK(indicator(v, "general_average_premium", "2030-2033") == tight(fixed / net_insurable));
    CHECK(highest > fixed / net_insurable);
    std::size_t premiums = 0;
    for (const Indicator& i : v.indicators) {
      premiums += i.indicator == "scaled_premium" && i.scheme == "all" && i.group == "total";
    }
    CHECK(premiums == 1);
  }
}

TEST_CASE("Valuation: events that do not happen within the horizon are NaN", "[unit][valuation]") {
  HandCase h;
  h.benefits = {600, 600, 600, 600};
  Scenario s = h.scenario();
  SECTION("a surplus every year") {
    const Valuation v = valuate_one_scheme(s, h.years());
    CHECK(std::isnan(indicator(v, "first_year_of_contribution_deficit", "2030-2033")));
    CHECK(std::isnan(indicator(v, "first_year_of_overall_deficit", "2030-2033")));
    CHECK(std::isnan(indicator(v, "reserve_depletion_year", "2030-2033")));
  }
  SECTION("a deficit that the reserve covers") {
    h.benefits = {600, 1200, 1200, 1200};  // outgo above contributions and subsidy from 2031
    const Valuation v = valuate_one_scheme(s, h.years());
    CHECK(indicator(v, "first_year_of_contribution_deficit", "2030-2033") == 2031);
    CHECK(indicator(v, "first_year_of_overall_deficit", "2030-2033") == 2031);
    CHECK(std::isnan(indicator(v, "reserve_depletion_year", "2030-2033")));
  }
  SECTION("a contribution deficit that the subsidy covers is not an overall deficit") {
    // 2031: contributions 1040 < outgo 1200 + 65 + 51 = 1316 < 1040 + 400 + interest.
    h.subsidy = 400;
    h.benefits = {600, 1200, 1200, 1200};
    const Valuation v = valuate_one_scheme(h.scenario(), h.years());
    CHECK(indicator(v, "first_year_of_contribution_deficit", "2030-2033") == 2031);
    CHECK(std::isnan(indicator(v, "first_year_of_overall_deficit", "2030-2033")));
  }
  SECTION("a reserve of exactly zero with outgo counts as depleted") {
    // No reserve, subsidy, interest or administration: a surplus of 1000 - 480 = 520 in 2030,
    // used up by the deficit 1040 - 1560 of 2031: the reserve is exactly 0 at the end of 2031.
    s = ::scenario(2030, 2033);
    std::vector<WorkforceYear> years;
    const std::array<double, 4> contributions = {1000, 1040, 1200, 1200};
    const std::array<double, 4> monthly = {40, 130, 100, 100};
    for (std::size_t i = 0; i < 4; ++i) {
      years.push_back(year_with(2030 + static_cast<int>(i), contributions[i], 0, 10000));
      years.back().benefits.old_age_monthly = {monthly[i], 0};
    }
    const Valuation v = valuate_one_scheme(s, years);
    CHECK(v.years[0].branches[kTotal].reserve_end == 520);
    CHECK(v.years[1].branches[kTotal].reserve_end == 0);
    CHECK(indicator(v, "reserve_depletion_year", "2030-2033") == 2031);
  }
  SECTION("no reserve and a deficit in the first year: depleted at once") {
    s.fund.initial_reserve = 0;
    h.benefits = {1200, 0, 0, 0};
    const Valuation v = valuate_one_scheme(s, h.years());
    CHECK(indicator(v, "first_year_of_contribution_deficit", "2030-2033") == 2030);
    CHECK(indicator(v, "reserve_depletion_year", "2030-2033") == 2030);
  }
  SECTION("no flows at all: no cost rate, no ratio, no premium, no depletion") {
    s.fund.initial_reserve = 0;
    s.fund.administration_per_member = constant(0);
    s.fund.government_subsidy = constant(0);
    std::vector<WorkforceYear> years;
    for (int t = 2030; t <= 2033; ++t) years.push_back(year_with(t, 0, 0, 0));
    const Valuation v = valuate_one_scheme(s, years);
    CHECK(std::isnan(v.years[0].branches[kTotal].paygo_cost_rate));
    CHECK(std::isnan(v.years[0].branches[kTotal].reserve_ratio));
    CHECK(std::isnan(indicator(v, "general_average_premium", "2030-2033")));
    CHECK(std::isnan(indicator(v, "scaled_premium", "2030-2031")));
    CHECK(std::isnan(indicator(v, "reserve_depletion_year", "2030-2033")));
    CHECK(std::isnan(indicator(v, "demographic_ratio", "2030")));
  }
}

TEST_CASE("Valuation: the yearly indicators by hand", "[unit][valuation]") {
  Scenario s = scenario(2030, 2031);
  WorkforceYear w = year_with(2030, 600, 400, 10000);
  BenefitTallies& b = w.benefits;
  b.old_age_recipients = {30, 20};
  b.invalidity_recipients = {4, 6};
  b.active = {150, 50};
  b.old_age_new = {3, 1};
  b.old_age_new_monthly = {900, 250};
  b.old_age_new_reference = {3000, 1000};
  b.above_pensionable_age = {300, 700};
  // Employed persons 240 + 80 + 40 = 360; inactive and unemployed persons do not count.
  w.cells[0][3][0][static_cast<std::size_t>(Status::kFormalPrivateEmployee)].persons = 240;
  w.cells[1][5][1][static_cast<std::size_t>(Status::kContributingFamily)].persons = 80;
  w.cells[1][10][0][static_cast<std::size_t>(Status::kPublicEmployee)].persons = 40;
  w.cells[0][3][0][static_cast<std::size_t>(Status::kInactive)].persons = 1000;
  w.cells[1][3][1][static_cast<std::size_t>(Status::kUnemployed)].persons = 500;
  WorkforceYear next = year_with(2031, 600, 400, 10000);
  const Valuation v = valuate_one_scheme(s, {w, next});
  CHECK(indicator(v, "demographic_ratio", "2030") == 60.0 / 200);
  CHECK(indicator(v, "replacement_rate_new_old_age_pensions", "2030") == 1150.0 / 4000);
  CHECK(indicator(v, "contributors_over_employed", "2030") == 200.0 / 360);
  CHECK(indicator(v, "old_age_pensioners_over_population_above_pensionable_age", "2030") ==
        50.0 / 1000);
  // 2031 has no pensioners, no new pensions and no persons.
  CHECK(std::isnan(indicator(v, "demographic_ratio", "2031")));
  CHECK(std::isnan(indicator(v, "replacement_rate_new_old_age_pensions", "2031")));
  CHECK(std::isnan(indicator(v, "contributors_over_employed", "2031")));
  for (const Indicator& i : v.indicators) {
    if (i.year == 2030 || i.year == 2031) CHECK(!i.unit.empty());
  }
}

TEST_CASE("Valuation: replacement rates of typical careers under the first and last year's rules",
          "[unit][valuation]") {
  // Average insurable earnings of active members: 200e6 / 100 = 2e6 in 2030, 220e6 / 100 in 2033.
  // Minimum pension: the minimum wage, 500000 in 2030, grown with wages (2% inflation) by 2033.
  Scenario s = scenario(2030, 2033);
  s.economy.inflation = constant(0.02);
  s.economy.minimum_wage = constant(500000);
  s.economy.minimum_wage_indexation = Indexation::kWages;
  s.benefits.old_age.accrual = step({{2030, 0.02}, {2033, 0.025}});
  s.benefits.old_age.minimum_months = step({{2030, 180}, {2033, 240}});
  s.benefits.old_age.maximum_replacement = constant(0.7);
  s.benefits.old_age.minimum_pension = constant(1.0);
  s.fund.typical_career_years = {10, 20, 40};
  s.fund.typical_career_earnings = {0.25, 1.0, 2.0};
  std::vector<WorkforceYear> years;
  for (int t = 2030; t <= 2033; ++t) {
    WorkforceYear w = year_with(t, 600, 400, 10000);
    w.benefits.active = {60, 40};
    w.benefits.active_insurable_monthly = {120e6, t == 2033 ? 100e6 : 80e6};
    years.push_back(w);
  }
  const Valuation v = valuate_one_scheme(s, years);
  auto rate = [&](int year, int career, const char* multiple) {
    return indicator(v, "replacement_rate_typical_career",
                     std::to_string(year) + " " + std::to_string(career) + " " + multiple);
  };
  // 2030: 10 years < 180 months: no pension. 20 years: 0.4 of earnings, or the minimum pension
  // 500000 on earnings of 500000. 40 years: 0.8 capped at 0.7, or the minimum.
  for (const char* m : {"0.25", "1", "2"}) CHECK(rate(2030, 10, m) == 0);
  CHECK(rate(2030, 20, "0.25") == 1.0);
  CHECK(rate(2030, 20, "1") == tight(0.4));
  CHECK(rate(2030, 20, "2") == tight(0.4));
  CHECK(rate(2030, 40, "0.25") == 1.0);
  CHECK(rate(2030, 40, "1") == tight(0.7));
  CHECK(rate(2030, 40, "2") == tight(0.7));
  // 2033: 20 years = 240 months is just eligible; accrual 2.5%; the minimum pension is
  // 500000 x 1.02^3 = 530604 on earnings of 0.25 x 2.2e6 = 550000.
  const double minimum = 500000 * 1.02 * 1.02 * 1.02;
  for (const char* m : {"0.25", "1", "2"}) CHECK(rate(2033, 10, m) == 0);
  CHECK(rate(2033, 20, "0.25") == tight(minimum / 550000));
  CHECK(rate(2033, 20, "1") == tight(0.5));
  CHECK(rate(2033, 40, "0.25") == tight(minimum / 550000));
  CHECK(rate(2033, 40, "2") == tight(0.7));
  std::size_t careers = 0;
  for (const Indicator& i : v.indicators)
    careers += i.indicator == "replacement_rate_typical_career";
  CHECK(careers == 2 * 3 * 3);
}

// ---------------------------------------------------------------------------------------------
// The tables

namespace {

// Two years, everything to old age: contributions `c`, pensions 12 x 50 = 600 a year.
Valuation tiny(double c, double initial_reserve) {
  Scenario s = scenario(2030, 2031);
  s.fund.initial_reserve = initial_reserve;
  std::vector<WorkforceYear> years;
  for (int t = 2030; t <= 2031; ++t) {
    WorkforceYear w = year_with(t, c, 0, 10000);
    w.benefits.old_age_recipients = {4, 0};
    w.benefits.old_age_monthly = {50, 0};
    w.benefits.old_age_new = {t == 2030 ? 4.0 : 0.0, 0};
    w.benefits.active = {100, 0};
    years.push_back(w);
  }
  return valuate_one_scheme(s, years);
}

}  // namespace

TEST_CASE("finance.csv, beneficiaries.csv and indicators.csv of one replication",
          "[unit][valuation]") {
  const Valuation v = tiny(1000, 0);
  const std::string finance = finance_csv({v});
  CHECK(line(finance, 0) ==
        "year,scheme,branch,contributions,government,investment_income,benefits,administration,"
        "reserve_end,paygo_cost_rate,reserve_ratio,cost_gdp_share");
  // Per year: each scheme's accounts (branches, with the pension group after the survivors,
  // and the total), then those of all schemes. No GDP given: no GDP share.
  constexpr int kRows = (kNumSchemes + 1) * kNumAccounts;
  CHECK(lines(finance) == 1 + 2 * kRows);
  CHECK(line(finance, 1) == "2030,private,old_age,1000,0,0,600,0,400,0.06,0.6666666666666666,");
  CHECK(line(finance, 2) == "2030,private,invalidity,0,0,0,0,0,0,0,,");  // no outgo: no ratio
  CHECK(line(finance, 4) == "2030,private,pensions,1000,0,0,600,0,400,0.06,0.6666666666666666,");
  CHECK(line(finance, 5) == "2030,private,sickness,0,0,0,0,0,0,0,,");
  CHECK(line(finance, 10) == "2030,private,total,1000,0,0,600,0,400,0.06,0.6666666666666666,");
  CHECK(line(finance, 11) == "2030,voluntary,old_age,0,0,0,0,0,0,,,");  // no earnings: no rate
  CHECK(line(finance, 31) == "2030,total,old_age,1000,0,0,600,0,400,0.06,0.6666666666666666,");
  CHECK(line(finance, 40) == "2030,total,total,1000,0,0,600,0,400,0.06,0.6666666666666666,");
  CHECK(line(finance, kRows + 1) ==
        "2031,private,old_age,1000,0,0,600,0,800,0.06,1.3333333333333333,");
  CHECK(line(finance, 2 * kRows) == "2031,total,total,1000,0,0,600,0,800,0.06,1.3333333333333333,");

  const std::string beneficiaries = beneficiaries_csv({v});
  CHECK(line(beneficiaries, 0) ==
        "year,scheme,benefit,sex,age_group,new_awards,recipients,average_amount");
  CHECK(line(beneficiaries, 1) == "2030,private,old_age,male,all,4,4,12.5");
  CHECK(line(beneficiaries, 2) == "2030,private,invalidity,male,all,0,0,");  // no average
  // Per scheme and year: 5 benefits by sex, 6 others, then old age and invalidity by sex and
  // age group.
  constexpr int kAllRows = 2 * 5 + 6;
  constexpr int kBenefitRows = kAllRows + 2 * 2 * kNumPensionerAgeGroups;
  CHECK(line(beneficiaries, 1 + kAllRows) == "2030,private,old_age,male,15-44,0,0,");
  CHECK(line(beneficiaries, 1 + kBenefitRows) == "2030,voluntary,old_age,male,all,0,0,");
  CHECK(line(beneficiaries, 1 + kNumSchemes * kBenefitRows) ==
        "2030,total,old_age,male,all,4,4,12.5");
  CHECK(lines(beneficiaries) == 1 + 2 * (kNumSchemes + 1) * kBenefitRows);

  const std::string indicators = indicators_csv({v});
  CHECK(line(indicators, 0) ==
        "indicator,scheme,group,year,period_start,period_end,career_years,"
        "earnings_multiple,unit,value");
  CHECK(line(indicators, 1) == "reserve_at_start,private,old_age,,2030,2030,,,kip,0");
  CHECK(indicators.find("\nreserve_depletion_year,all,total,,2030,2031,,,year,\n") !=
        std::string::npos);
  CHECK(indicators.find("\nfirst_year_of_contribution_deficit,all,pensions,,2030,2031,,,year,\n") !=
        std::string::npos);
  CHECK(
      indicators.find(
          "\ngeneral_average_premium,all,total,,2030,2031,,,share of insurable earnings,0.06\n") !=
      std::string::npos);
  CHECK(indicators.find(
            "\ndemographic_ratio,all,,2030,,,,,pensioners per active contributor,0.04\n") !=
        std::string::npos);
  CHECK(indicators.find("\nreplacement_rate_typical_career,all,,2030,,,15,1,") !=
        std::string::npos);
}

TEST_CASE("finance.csv, beneficiaries.csv and indicators.csv of two replications",
          "[unit][valuation]") {
  // Contributions 900 and 1500: mean 1200, p05 900 + 0.05 x 600 = 930, p50 1200, p95 1470.
  // The first replication starts with a reserve of -600 and is depleted in 2030 (reserve -300,
  // reserve ratio -0.5); the second starts with none and is never depleted (900, 1.5).
  const Valuation a = tiny(900, -600);
  const Valuation b = tiny(1500, 0);
  const std::string finance = finance_csv({a, b});
  CHECK(line(finance, 0) ==
        "year,scheme,branch,"
        "contributions,contributions_p05,contributions_p50,contributions_p95,"
        "government,government_p05,government_p50,government_p95,"
        "investment_income,investment_income_p05,investment_income_p50,investment_income_p95,"
        "benefits,benefits_p05,benefits_p50,benefits_p95,"
        "administration,administration_p05,administration_p50,administration_p95,"
        "reserve_end,reserve_end_p05,reserve_end_p50,reserve_end_p95,"
        "paygo_cost_rate,paygo_cost_rate_p05,paygo_cost_rate_p50,paygo_cost_rate_p95,"
        "reserve_ratio,reserve_ratio_p05,reserve_ratio_p50,reserve_ratio_p95,"
        "cost_gdp_share,cost_gdp_share_p05,cost_gdp_share_p50,cost_gdp_share_p95");
  CHECK(line(finance, 1) ==
        "2030,private,old_age,1200,930,1200,1470,0,0,0,0,0,0,0,0,600,600,600,600,0,0,0,0,"
        "300,-240,300,840,0.06,0.06,0.06,0.06,0.5,-0.4,0.5,1.4,,,,");
  // A branch without outgo: NaN reserve ratio in both replications, empty everywhere.
  CHECK(line(finance, 2) ==
        "2030,private,invalidity,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,,,,,,,");

  const std::string beneficiaries = beneficiaries_csv({a, b});
  CHECK(line(beneficiaries, 0) ==
        "year,scheme,benefit,sex,age_group,new_awards,new_awards_p05,new_awards_p50,"
        "new_awards_p95,"
        "recipients,recipients_p05,recipients_p50,recipients_p95,"
        "average_amount,average_amount_p05,average_amount_p50,average_amount_p95");
  CHECK(line(beneficiaries, 1) ==
        "2030,private,old_age,male,all,4,4,4,4,4,4,4,4,12.5,12.5,12.5,12.5");
  CHECK(line(beneficiaries, 2) == "2030,private,invalidity,male,all,0,0,0,0,0,0,0,0,,,,");

  const std::string indicators = indicators_csv({a, b});
  CHECK(line(indicators, 0) ==
        "indicator,scheme,group,year,period_start,period_end,career_years,"
        "earnings_multiple,unit,value,value_p05,value_p50,value_p95");
  // Depleted in 2030 in one replication, never in the other: the median and the quantiles
  // that interpolate towards "never" are empty.
  CHECK(indicators.find("\nreserve_depletion_year,all,total,,2030,2031,,,year,,,,\n") !=
        std::string::npos);
  // Never in either.
  CHECK(indicators.find("\nfirst_year_of_contribution_deficit,all,total,,2030,2031,,,year,,,,\n") !=
        std::string::npos);
  CHECK(indicators.find("\ndemographic_ratio,all,,2030,,,,,pensioners per active "
                        "contributor,0.04,0.04,0.04,0.04\n") != std::string::npos);
}

TEST_CASE("indicators.csv: a year across replications is their median, never a mean",
          "[unit][valuation]") {
  // Depleted in 2030, in 2031 (150 + 500 - 600 = 50, then -50) and never: the median is 2031;
  // a mean would be no year at all.
  const std::string indicators = indicators_csv({tiny(900, -600), tiny(500, 150), tiny(1500, 0)});
  CHECK(indicators.find("\nreserve_depletion_year,all,total,,2030,2031,,,year,2031,") !=
        std::string::npos);
  // Quantiles: p05 = 2030 + 0.1 x (2031 - 2030); p95 needs "never": empty.
  CHECK(
      indicators.find("\nreserve_depletion_year,all,total,,2030,2031,,,year,2031,2030.1,2031,\n") !=
      std::string::npos);
  // An amount keeps its mean: reserves at the start -600, 150 and 0.
  CHECK(indicators.find("\nreserve_at_start,all,total,,2030,2030,,,kip,-150,") !=
        std::string::npos);
}

TEST_CASE("Valuation by scheme: each scheme's accounts hold the identity exactly and add up",
          "[unit][valuation]") {
  Scenario s = scenario(2029, 2033);
  s.economy.inflation = constant(0.031);
  s.fund.initial_reserve = 10000;
  s.fund.initial_reserve_share = {0.7, 0.5, -0.2};  // the civil servants owe the others
  s.fund.investment_return = step({{2029, 0.061}, {2031, 0.023}});
  s.fund.allocation = dyadic_allocation();
  s.fund.administration_share = constant(0.05);
  s.fund.administration_per_member = constant(1.3);
  s.fund.government_subsidy = constant(300);
  s.benefits.sickness = {constant(0.05), constant(10), constant(0.7)};
  s.benefits.health_care_cost_per_member = constant(2.5);
  std::vector<WorkforceYear> years;
  for (int t = 2029; t <= 2033; ++t) {
    WorkforceYear w;
    w.year = t;
    for (std::size_t k = 0; k < kNumSchemes; ++k) {
      const double f = 1.0 + static_cast<double>(k) + 0.1 * (t - 2029);
      ContributionTotals& c = w.contributions[k];
      c.employer = 600 * f;
      c.employee = 410 * f;
      c.government = k == 2 ? 333 * f : 0;
      c.insurable_earnings = 9000 * f;
      BenefitTallies& b = w.scheme_benefits[k];
      b.old_age_recipients = {3 * f, 2 * f};
      b.old_age_monthly = {25 * f, 17 * f};
      b.invalidity_monthly = {4 * f, 1 * f};
      b.funerals = {f, 0};
      b.funeral_amount = {30 * f, 0};
      b.spouse_new[1][3] = 0.5 * f;
      b.spouse_new_monthly[1][3] = 6 * f;
      b.active = {40 * f, 30 * f};
      b.active_insurable_monthly = {400 * f, 280 * f};
      engine::add_into(w.benefits, b);
    }
    years.push_back(w);
  }
  const Valuation v = valuate(s, years);
  REQUIRE(v.years.size() == years.size());
  for (const FundYear& fy : v.years) {
    for (std::size_t br = 0; br <= kNumBranches; ++br) {
      INFO("year " << fy.year << ", branch " << br);
      BranchYear sum;
      for (std::size_t k = 0; k < kNumSchemes; ++k) {
        const BranchYear& x = fy.schemes[k][br];
        INFO("scheme " << kSchemeNames[k]);
        CHECK(x.reserve_end == x.reserve_start + x.contributions + x.government +
                                   x.investment_income - x.benefits - x.administration);
        sum.reserve_start += x.reserve_start;
        sum.contributions += x.contributions;
        sum.government += x.government;
        sum.benefits += x.benefits;
        sum.administration += x.administration;
        sum.reserve_end += x.reserve_end;
      }
      const BranchYear& all = fy.branches[br];
      CHECK(sum.reserve_start == tight(all.reserve_start));
      CHECK(sum.contributions == tight(all.contributions));
      CHECK(sum.government == tight(all.government));
      CHECK(sum.benefits == tight(all.benefits));
      CHECK(sum.administration == tight(all.administration));
      CHECK(sum.reserve_end == tight(all.reserve_end));
    }
  }
  // The first year's reserves follow the schemes' shares; the civil servants' is negative.
  const FundYear& first = v.years.front();
  CHECK(first.schemes[0][kTotal].reserve_start == tight(7000));
  CHECK(first.schemes[1][kTotal].reserve_start == tight(5000));
  CHECK(first.schemes[2][kTotal].reserve_start == tight(-2000));
  // The subsidy is shared by insurable earnings: 1 : 2 : 3 in the first year.
  CHECK(first.schemes[2][kTotal].government == tight(150));
  // The scheme rows of beneficiaries.csv add up to the total rows.
  std::map<std::string, double> by_scheme, total;
  for (const BeneficiaryRow& row : v.beneficiaries) {
    const std::string key = std::to_string(row.year) + row.benefit + row.sex + row.age_group;
    (row.scheme == "total" ? total : by_scheme)[key] += row.recipients;
  }
  REQUIRE(total.size() == by_scheme.size());
  for (const auto& [key, recipients] : total) {
    INFO(key);
    CHECK(by_scheme[key] == Approx(recipients).epsilon(1e-12).margin(1e-12));
  }
}

// ---------------------------------------------------------------------------------------------
// Financing groups, GDP and constant prices

TEST_CASE("Valuation: the pension group is its three branches valued as one fund",
          "[unit][valuation]") {
  // The hand case with every branch funded (dyadic shares: old age 1/2, invalidity and survivors
  // 1/16 each), survivors' and invalidity benefits, interest and a reserve.
  HandCase h;
  Scenario s = h.scenario();
  s.fund.allocation = dyadic_allocation();
  std::vector<WorkforceYear> years = h.years();
  for (WorkforceYear& w : years) {
    w.benefits.invalidity_monthly = {7, 3};
    w.benefits.funeral_amount = {20, 10};
  }
  const Valuation v = valuate_one_scheme(s, years);
  for (const FundYear& y : v.years) {
    INFO(y.year);
    for (const auto* accounts : {&y.branches, &y.schemes[0], &y.schemes[1]}) {
      const BranchYear& p = (*accounts)[kPensionsAccount];
      double contributions = 0, government = 0, benefits = 0, administration = 0, reserve = 0;
      for (std::size_t b : {kOldAge, kInvalidity, kSurvivors}) {
        contributions += (*accounts)[b].contributions;
        government += (*accounts)[b].government;
        benefits += (*accounts)[b].benefits;
        administration += (*accounts)[b].administration;
        reserve += (*accounts)[b].reserve_end;
      }
      // Flows: exactly the sums. The group's own identity: exact. Its reserve: the sum of the
      // branches' up to rounding (each account rolls its own).
      CHECK(p.contributions == contributions);
      CHECK(p.government == government);
      CHECK(p.benefits == benefits);
      CHECK(p.administration == administration);
      CHECK(p.reserve_end == p.reserve_start + p.contributions + p.government +
                                 p.investment_income - p.benefits - p.administration);
      CHECK(p.reserve_end == Approx(reserve).epsilon(1e-12).margin(1e-9));
    }
  }
  // Its starting reserve is its share (1/2 + 1/16 + 1/16) of the fund's.
  CHECK(horizon_indicator(v, "reserve_at_start", "pensions") == 0.625 * h.initial_reserve);
  CHECK(horizon_indicator(v, "reserve_at_start", "total") == h.initial_reserve);
  // The allocated rate of a group is its share of the contributions: 0.625 x 10%.
  CHECK(horizon_indicator(v, "contribution_rate", "pensions") == tight(0.0625));
  // Every account of every scheme and of all schemes has its horizon indicators.
  for (std::string_view scheme : {"all", "private", "voluntary", "civil_servant"}) {
    for (std::string_view group : kAccountNames) {
      INFO(scheme << " " << group);
      int n = 0;
      for (const Indicator& i : v.indicators) n += i.scheme == scheme && i.group == group;
      // 12 horizon indicators and 2 scaled premium periods; the pension group also has the
      // accrued-to-date liability, the implicit pension debt and the funding ratio.
      CHECK(n == 12 + 2 + (group == "pensions" ? 3 : 0));
    }
  }
  // Those three are liabilities.csv's values: IPD = ADL - reserve of the pension branches.
  for (const SchemeLiability& l : v.liabilities) {
    const std::string scheme = l.scheme == "total" ? "all" : l.scheme;
    CHECK(horizon_indicator(v, "implicit_pension_debt", "pensions", scheme) == l.implicit_debt);
    CHECK(horizon_indicator(v, "accrued_to_date_liability", "pensions", scheme) == l.accrued);
    CHECK(l.implicit_debt == l.accrued - l.reserve);
  }
}

TEST_CASE("Valuation: GDP and costs as a share of it", "[unit][valuation]") {
  // GDP 1e6 in 2030, then x (1 + 2% inflation) x (1 + 3% real growth) a year.
  HandCase h;
  Scenario s = h.scenario();
  s.economy.gdp = 1e6;
  s.economy.real_gdp_growth = constant(0.03);
  const Valuation v = valuate_one_scheme(s, h.years());
  double gdp = 1e6;
  for (std::size_t i = 0; i < v.years.size(); ++i) {
    if (i > 0) gdp *= 1.02 * 1.03;
    CHECK(v.years[i].gdp == tight(gdp));
    CHECK(v.years[i].price_index == tight(std::pow(1.02, static_cast<double>(i))));
  }
  const std::string finance = finance_csv({v});
  // 2030, total of all schemes: outgo 600 + 0.5 x 100 + 0.0625 x 1000 = 712.5 on a GDP of 1e6.
  const std::string row = line(finance, 40);
  CHECK(row.rfind("2030,total,total,", 0) == 0);
  CHECK(row.substr(row.rfind(',') + 1) == "0.0007125");
}

TEST_CASE("Tables at constant prices are the nominal ones divided by the price index",
          "[unit][valuation]") {
  HandCase h;
  Scenario s = h.scenario();  // 2% inflation
  const Valuation v = valuate_one_scheme(s, h.years());
  OutputPrices prices;
  prices.first_year = 2030;
  for (const FundYear& y : v.years) prices.divisor.push_back(y.price_index);
  const std::string nominal = finance_csv({v});
  const std::string real = finance_csv({v}, prices);
  // Row by row and field by field: money columns (contributions .. reserve_end) divided by
  // P(t) = 1.02^(t - 2030); rates and ratios unchanged.
  std::istringstream a(nominal), b(real);
  std::string la, lb;
  std::getline(a, la);
  std::getline(b, lb);
  CHECK(la == lb);
  int rows = 0;
  while (std::getline(a, la) && std::getline(b, lb)) {
    auto fields = [](const std::string& text) {
      std::vector<std::string> out;
      std::stringstream ss(text);
      std::string f;
      while (std::getline(ss, f, ',')) out.push_back(f);
      if (!text.empty() && text.back() == ',') out.emplace_back();
      return out;
    };
    const std::vector<std::string> x = fields(la), y = fields(lb);
    REQUIRE(x.size() == y.size());
    const double p = std::pow(1.02, std::stoi(x[0]) - 2030);
    for (std::size_t c = 3; c < x.size(); ++c) {
      if (x[c].empty()) {
        CHECK(y[c].empty());
        continue;
      }
      const double expected = c <= 8 ? std::stod(x[c]) / p : std::stod(x[c]);
      CHECK(std::stod(y[c]) == Approx(expected).epsilon(1e-12).margin(1e-12));
    }
    ++rows;
  }
  CHECK(rows == 4 * (kNumSchemes + 1) * kNumAccounts);
}

TEST_CASE("indicators.csv reads back as typed columns, without parsing text", "[unit][valuation]") {
  // What a spreadsheet pivot needs: one header, the same number of fields in every row, and
  // each column of one type: integers (or empty) for years and careers, numbers (or empty) for
  // the earnings multiple and the value, plain words for the names.
  HandCase h;
  Scenario s = h.scenario();
  s.fund.allocation = dyadic_allocation();
  const Valuation v = valuate_one_scheme(s, h.years());
  const std::string text = indicators_csv({v, v});
  std::istringstream in(text);
  std::string row;
  std::getline(in, row);
  const std::vector<std::string> header = {
      "indicator",    "scheme",     "group",        "year",
      "period_start", "period_end", "career_years", "earnings_multiple",
      "unit",         "value",      "value_p05",    "value_p50",
      "value_p95"};
  auto split = [](const std::string& line) {
    std::vector<std::string> out;
    std::string field;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.push_back(field);
        field.clear();
      } else {
        field += c;
      }
    }
    out.push_back(field);
    return out;
  };
  REQUIRE(split(row) == header);
  auto is_integer = [](const std::string& f) {
    return f.empty() || (f.find_first_not_of("0123456789") == std::string::npos);
  };
  auto is_number = [](const std::string& f) {
    if (f.empty()) return true;
    char* end = nullptr;
    std::strtod(f.c_str(), &end);
    return end == f.c_str() + f.size();
  };
  auto is_word = [](const std::string& f) {
    return f.find_first_of("0123456789;") == std::string::npos;
  };
  std::map<std::string, int> per_indicator;
  int rows = 0;
  while (std::getline(in, row)) {
    const std::vector<std::string> f = split(row);
    INFO(row);
    REQUIRE(f.size() == header.size());
    CHECK(is_word(f[0]));
    CHECK((f[1] == "all" || f[1] == "private" || f[1] == "voluntary" || f[1] == "civil_servant"));
    CHECK(is_word(f[2]));
    for (std::size_t c : {3, 4, 5, 6}) CHECK(is_integer(f[c]));
    CHECK(is_number(f[7]));
    CHECK(!f[8].empty());
    for (std::size_t c : {9, 10, 11, 12}) CHECK(is_number(f[c]));
    // A row is either of a year, of a period, or of a career in a year.
    CHECK((f[3].empty() != f[4].empty()));
    CHECK(f[4].empty() == f[5].empty());
    CHECK(f[6].empty() == f[7].empty());
    ++per_indicator[f[0]];
    ++rows;
  }
  CHECK(rows == static_cast<int>(v.indicators.size()));
  CHECK(per_indicator["general_average_premium"] == (kNumSchemes + 1) * kNumAccounts);
}
