// The accrued-to-date liability (src/fund/liabilities.cpp) against closed forms: a constant
// death rate m at every age gives the survival ratio 1 - q, q = m / (1 + m/2), at every age
// from 1 on (the open age group too), so each annuity is a finite geometric sum over the
// horizon. Also the member tally (benefits::tally_accrued), the identities of the implicit
// debt and the funding ratio, and liabilities.csv.
#include "fund/liabilities.h"

#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/output.h>
#include <ssproj/valuation.h>

#include "benefits/person.h"
#include "support/fixtures.h"
#include "support/valuation_helpers.h"

using namespace ssproj;
using namespace ssproj::testing;

namespace {

constexpr int kBase = 2030;
constexpr double kM = 0.05;                    // death rate at every age
constexpr double kQ = kM / (1 + kM / 2);       // probability of dying in a year
constexpr double kR = 0.04;                    // investment return
constexpr double kJ = 0.02;                    // indexation of pensions in payment
constexpr double kG = 0.03;                    // wage growth (no inflation)
constexpr int kAgeMale = 60, kAgeFemale = 55;  // pensionable ages
constexpr auto kMale = static_cast<std::size_t>(Sex::kMale);
constexpr auto kFemale = static_cast<std::size_t>(Sex::kFemale);
constexpr auto kPrivate = scheme_index(Scheme::kPrivate);
constexpr auto kVoluntary = scheme_index(Scheme::kVoluntary);
constexpr auto kCivil = scheme_index(Scheme::kCivilServant);

Scenario liability_scenario() {
  Scenario s = valuation_scenario(kBase, kBase + 5);
  for (SexAgeTable& m : s.inputs.mortality) {
    for (AgeVector& ages : m) ages.fill(kM);
  }
  s.economy.inflation = constant(0.0);
  s.economy.real_wage_growth = constant(kG);
  s.benefits.old_age.pensionable_age = {constant(kAgeMale), constant(kAgeFemale)};
  s.benefits.old_age.indexation = Indexation::kFixed;
  s.benefits.old_age.fixed_indexation = constant(kJ);
  s.fund.investment_return = constant(kR);
  s.fund.initial_reserve = 1.0e9;
  s.fund.initial_reserve_share = {0.5, 0.25, 0.25};
  s.fund.allocation = {constant(0.5),    constant(0.0625), constant(0.0625), constant(0.0625),
                       constant(0.0625), constant(0.0625), constant(0.0625), constant(0.125)};
  return s;
}

// sum_{k = 0..n} x^k
double geometric(double x, int n) { return (1 - std::pow(x, n + 1)) / (1 - x); }

// The value on 1 January of a mid-year flow of the year: (1 + r/2) / (1 + r).
constexpr double kMid = (1 + kR / 2) / (1 + kR);

// A life annuity of 1 a year from the first year, indexed: sum_{k=0..H} x^k, x = (1-q)(1+j)/(1+r).
double life_annuity() {
  return kMid * geometric((1 - kQ) * (1 + kJ) / (1 + kR), fund::kLiabilityHorizon);
}

// A member aged y, pensionable age a: from n = a - y years on, revalued with wages to then.
double deferred_annuity(int y, int a) {
  const int n = a - y;
  const double to_retirement = std::pow((1 - kQ) * (1 + kG) / (1 + kR), n);
  return kMid * to_retirement *
         geometric((1 - kQ) * (1 + kJ) / (1 + kR), fund::kLiabilityHorizon - n);
}

double lump_sum_factor(int y, int a) {
  return kMid * std::pow((1 - kQ) * (1 + kG) / (1 + kR), a - y);
}

WorkforceYear first_year() {
  WorkforceYear w;
  w.year = kBase;
  return w;
}

// Close to 1e-12 relative (the factors are sums of 150 terms).
Approx close(double x) { return Approx(x).epsilon(1e-11).margin(0); }

}  // namespace

TEST_CASE("liabilities: factors are the closed-form annuities", "[unit][liabilities]") {
  const Scenario s = liability_scenario();
  const fund::LiabilityFactors f = fund::liability_factors(s, kBase, kPrivate);
  CHECK(f.in_payment[kMale][70] == close(life_annuity()));
  CHECK(f.in_payment[kFemale][30] == close(life_annuity()));
  CHECK(f.deferred[kMale][40] == close(deferred_annuity(40, kAgeMale)));
  CHECK(f.deferred[kFemale][40] == close(deferred_annuity(40, kAgeFemale)));
  CHECK(f.lump_sum[kMale][25] == close(lump_sum_factor(25, kAgeMale)));
  // At or above pensionable age the deferred annuity starts now, revalued by nothing.
  CHECK(f.deferred[kMale][65] == close(life_annuity()));
  CHECK(f.lump_sum[kMale][65] == close(kMid));
}

TEST_CASE("liabilities: one pensioner in payment", "[unit][liabilities]") {
  Scenario s = liability_scenario();
  const double b = 1.5e6;  // monthly
  s.workforce.has_pensioners = true;
  s.workforce.pensioners[kPrivate][static_cast<std::size_t>(StockBenefit::kOldAge)][kMale][72] = {
      1, b};
  const std::vector<SchemeLiability> l = fund::accrued_liabilities(s, first_year());
  REQUIRE(l.size() == kNumSchemes + 1);
  // ADL = 12 b (1 + r/2)/(1 + r) sum_{k=0..H} ((1 + j)(1 - q)/(1 + r))^k
  CHECK(l[kPrivate].pensions_in_payment == close(12 * b * life_annuity()));
  CHECK(l[kPrivate].accrued == l[kPrivate].pensions_in_payment);
  CHECK(l[kPrivate].pensioners == 1);
  CHECK(l[kVoluntary].accrued == 0);
  CHECK(l[kNumSchemes].accrued == l[kPrivate].accrued);

  SECTION("invalidity and survivor pensions are life annuities too") {
    auto& civil = s.workforce.pensioners[kCivil];
    civil[static_cast<std::size_t>(StockBenefit::kInvalidity)][kFemale][40] = {2, 1e6};
    civil[static_cast<std::size_t>(StockBenefit::kSurvivor)][kFemale][50] = {3, 4e5};
    const std::vector<SchemeLiability> m = fund::accrued_liabilities(s, first_year());
    CHECK(m[kCivil].pensions_in_payment == close(12 * (2e6 + 1.2e6) * life_annuity()));
    CHECK(m[kCivil].pensioners == 5);
  }
  SECTION("a stock of the base year rolled to a later first year") {
    WorkforceYear w = first_year();
    w.year = kBase + 2;
    const std::vector<SchemeLiability> m = fund::accrued_liabilities(s, w);
    // Alive two years later with probability (1 - q)^2, the pension indexed twice; the
    // annuity from then on is the same (constant rates).
    const double rolled = std::pow(1 - kQ, 2) * std::pow(1 + kJ, 2);
    CHECK(m[kPrivate].pensions_in_payment == close(12 * b * rolled * life_annuity()));
    CHECK(m[kPrivate].pensioners == close(std::pow(1 - kQ, 2)));
  }
}

TEST_CASE("liabilities: active and deferred members", "[unit][liabilities]") {
  const Scenario s = liability_scenario();
  WorkforceYear w = first_year();
  BenefitTallies& bt = w.scheme_benefits[kVoluntary];
  bt.accrued_active[kMale][40] = 1;
  bt.accrued_active_monthly[kMale][40] = 3e5;
  bt.accrued_deferred[kFemale][35] = 2;
  bt.accrued_deferred_monthly[kFemale][35] = 5e5;
  bt.accrued_deferred_lump_sum[kFemale][35] = 7e6;
  const std::vector<SchemeLiability> l = fund::accrued_liabilities(s, w);
  const SchemeLiability& v = l[kVoluntary];
  CHECK(v.active_members == close(12 * 3e5 * deferred_annuity(40, kAgeMale)));
  CHECK(v.deferred_members ==
        close(12 * 5e5 * deferred_annuity(35, kAgeFemale) + 7e6 * lump_sum_factor(35, kAgeFemale)));
  CHECK(v.lump_sums == close(7e6 * lump_sum_factor(35, kAgeFemale)));
  CHECK(v.active == 1);
  CHECK(v.deferred == 2);
  CHECK(v.accrued == close(v.active_members + v.deferred_members));
}

TEST_CASE("liabilities: reserve, implicit debt, funding ratio and the total",
          "[unit][liabilities]") {
  Scenario s = liability_scenario();
  s.workforce.has_pensioners = true;
  s.workforce.pensioners[kPrivate][0][kMale][70] = {10, 1e6};
  s.workforce.pensioners[kCivil][0][kFemale][62] = {4, 2e6};
  WorkforceYear w = first_year();
  w.scheme_benefits[kPrivate].accrued_active_monthly[kMale][30] = 2e6;
  w.scheme_benefits[kVoluntary].accrued_deferred_monthly[kMale][50] = 1e5;
  w.scheme_benefits[kCivil].accrued_active_lump_sum[kFemale][20] = 3e6;
  const std::vector<SchemeLiability> l = fund::accrued_liabilities(s, w);
  REQUIRE(l.size() == kNumSchemes + 1);
  const SchemeLiability& total = l.back();
  CHECK(total.scheme == "total");
  double accrued = 0, reserve = 0;
  for (std::size_t k = 0; k < kNumSchemes; ++k) {
    const SchemeLiability& x = l[k];
    CHECK(x.scheme == kSchemeNames[k]);
    // The pension branches' share of the reserve: 0.5 + 0.0625 + 0.0625.
    CHECK(x.reserve == 1e9 * s.fund.initial_reserve_share[k] * 0.625);
    CHECK(x.reserve_all_branches == 1e9 * s.fund.initial_reserve_share[k]);
    CHECK(x.implicit_debt == x.accrued - x.reserve);
    CHECK(x.funding_ratio == x.reserve / x.accrued);
    CHECK(x.accrued > 0);
    accrued += x.accrued;
    reserve += x.reserve;
  }
  CHECK(total.accrued == tight(accrued));
  CHECK(total.reserve == reserve);
  CHECK(total.implicit_debt == total.accrued - total.reserve);
  CHECK(total.funding_ratio == total.reserve / total.accrued);
}

TEST_CASE("liabilities: no members and no pensioners give no liability", "[unit][liabilities]") {
  const Scenario s = liability_scenario();
  const std::vector<SchemeLiability> l = fund::accrued_liabilities(s, first_year());
  for (const SchemeLiability& x : l) {
    CHECK(x.accrued == 0);
    CHECK(x.pensions_in_payment == 0);
    CHECK(x.implicit_debt == -x.reserve);
    CHECK(std::isnan(x.funding_ratio));
  }
}

TEST_CASE("liabilities: the member tally of accrued rights", "[unit][liabilities]") {
  population::Population p;
  p.resize(4);
  for (std::size_t i = 0; i < 4; ++i) {
    p.sex[i] = static_cast<std::uint8_t>(Sex::kFemale);
    p.age[i] = 45;
    p.scheme[i] = static_cast<std::uint8_t>(Scheme::kPrivate);
  }
  const auto active = static_cast<std::uint8_t>(Membership::kActive);
  const auto lapsed = static_cast<std::uint8_t>(Membership::kLapsed);
  // Career-average reference earnings (reference_years 0): points / months x wage index.
  benefits::BenefitYear y;
  y.year = kBase;
  y.wage_index = 2;
  y.minimum_months = 180;
  y.accrual = 0.015;
  y.maximum_replacement = 0.4;
  y.minimum_pension = 1e9;  // not applied to accrued rights
  y.lump_sum_months_per_year = 1.25;
  // 0: active, 240 months at 1e6 -> 0.015 x 20 x 2e6; 1: deferred, 120 months -> lump sum;
  // 2: deferred without months: not counted; 3: active, 480 months: capped at 40%.
  const std::array<std::uint16_t, 4> months = {240, 120, 0, 480};
  const std::array<std::uint8_t, 4> membership = {active, lapsed, lapsed, active};
  BenefitTallies bt;
  for (std::size_t i = 0; i < 4; ++i) {
    p.months[i] = months[i];
    p.points[i] = static_cast<float>(months[i] * 1e6);
    p.membership[i] = membership[i];
    benefits::tally_accrued(p, i, y, bt);
  }
  CHECK(bt.accrued_active[kFemale][45] == 2);
  CHECK(bt.accrued_deferred[kFemale][45] == 1);
  CHECK(bt.accrued_active_monthly[kFemale][45] == tight(0.015 * 20 * 2e6 + 0.4 * 2e6));
  CHECK(bt.accrued_active_lump_sum[kFemale][45] == 0);
  CHECK(bt.accrued_deferred_lump_sum[kFemale][45] == tight(1.25 * 10 * 2e6));
  CHECK(bt.accrued_deferred_monthly[kFemale][45] == 0);

  SECTION("pensioners and settled members have no accrued rights") {
    BenefitTallies none;
    p.benefit[0] = static_cast<std::uint8_t>(population::Benefit::kOldAge);
    p.benefit[1] = static_cast<std::uint8_t>(population::Benefit::kSettled);
    benefits::tally_accrued(p, 0, y, none);
    benefits::tally_accrued(p, 1, y, none);
    CHECK(none.accrued_active[kFemale][45] == 0);
    CHECK(none.accrued_deferred[kFemale][45] == 0);
  }
}

TEST_CASE("liabilities: valuate() fills them and liabilities.csv lists them",
          "[unit][liabilities][output]") {
  Scenario s = liability_scenario();
  s.workforce.has_pensioners = true;
  s.workforce.pensioners[kPrivate][0][kMale][70] = {10, 1e6};
  std::vector<WorkforceYear> years;
  for (int t = kBase; t <= kBase + 5; ++t) {
    WorkforceYear w;
    w.year = t;
    years.push_back(w);
  }
  years[0].scheme_benefits[kPrivate].accrued_active_monthly[kMale][30] = 2e6;
  const Valuation v = valuate(s, years);
  REQUIRE(v.liabilities.size() == kNumSchemes + 1);
  const std::vector<SchemeLiability> direct = fund::accrued_liabilities(s, years[0]);
  CHECK(v.liabilities[kPrivate].accrued == direct[kPrivate].accrued);
  // The reserve of the pension branches is the fund's initial reserve of those branches.
  double pension_reserve = 0;
  for (std::size_t br : {kOldAge, kInvalidity, kSurvivors}) {
    pension_reserve += v.years.front().branches[br].reserve_start;
  }
  CHECK(v.liabilities.back().reserve == tight(pension_reserve));
  const std::string csv = liabilities_csv({v});
  CHECK(csv.rfind("scheme,pensions_in_payment,active_members,deferred_members,accrued,lump_sums,"
                  "reserve,reserve_all_branches,implicit_debt,funding_ratio,pensioners,active,"
                  "deferred\n",
                  0) == 0);
  CHECK(csv.find("\nprivate,") != std::string::npos);
  CHECK(csv.find("\ntotal,") != std::string::npos);
}
