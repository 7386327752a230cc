// The workforce modules on their own: price and wage indices and the minimum wage (economy),
// status draws, transitions and earnings (labour), membership (coverage), insurable earnings
// and contributions (contributions). Expected values are computed by hand in the comments.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/scenario.h>

#include "contributions/contributions.h"
#include "coverage/coverage.h"
#include "economy/economy.h"
#include "engine/workforce_model.h"
#include "labour/labour.h"
#include "support/fixtures.h"

using namespace ssproj;

namespace {

constexpr auto kInactive = static_cast<std::size_t>(Status::kInactive);
constexpr auto kUnemployed = static_cast<std::size_t>(Status::kUnemployed);
constexpr auto kPublic = static_cast<std::size_t>(Status::kPublicEmployee);
constexpr auto kFormal = static_cast<std::size_t>(Status::kFormalPrivateEmployee);
constexpr auto kInformal = static_cast<std::size_t>(Status::kInformalEmployee);
constexpr auto kDomestic = static_cast<std::size_t>(Status::kDomesticWorker);
constexpr auto kOwnAccount = static_cast<std::size_t>(Status::kOwnAccount);
constexpr auto kFamily = static_cast<std::size_t>(Status::kContributingFamily);

constexpr auto kNever = static_cast<std::uint8_t>(Membership::kNever);
constexpr auto kActive = static_cast<std::uint8_t>(Membership::kActive);
constexpr auto kLapsed = static_cast<std::uint8_t>(Membership::kLapsed);
constexpr auto kNoScheme = static_cast<std::uint8_t>(Scheme::kNone);
constexpr auto kPrivate = static_cast<std::uint8_t>(Scheme::kPrivate);
constexpr auto kCivilServant = static_cast<std::uint8_t>(Scheme::kCivilServant);
constexpr auto kVoluntary = static_cast<std::uint8_t>(Scheme::kVoluntary);

Approx exactly(double x) { return Approx(x).epsilon(1e-12).margin(0); }

Scenario with_economy(const Schedule& minimum_wage, Indexation indexation) {
  Scenario s;
  s.economy.inflation = Schedule({{2020, 0.10}, {2022, 0.05}}, Schedule::Interpolation::kStep);
  s.economy.real_wage_growth = Schedule::constant(0.02);
  s.economy.minimum_wage = minimum_wage;
  s.economy.minimum_wage_indexation = indexation;
  return s;
}

// The cumulative distribution of a probability vector, as labour::initial_status_cdf makes it.
labour::StatusCdf cdf_of(const StatusVector& p) {
  WorkforceInputs in;
  in.status_shares[0][0][0] = p;
  return labour::initial_status_cdf(in)[0][0][0];
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Economy

TEST_CASE("Economy: price and wage indices compound from 1 in the base year", "[unit][workforce]") {
  // Inflation 10% in 2021, 5% from 2022 (the 2020 value is not used: the base year is 1);
  // real wage growth 2%.
  const Scenario s = with_economy(Schedule::constant(1000), Indexation::kWages);
  const std::vector<economy::EconomyYear> e = economy::build_economy(s, 2020, 2024);
  REQUIRE(e.size() == 5);
  CHECK(e[0].year == 2020);
  CHECK(e[4].year == 2024);
  CHECK(e[0].price_index == 1.0);
  CHECK(e[0].wage_index == 1.0);
  CHECK(e[1].price_index == exactly(1.10));
  CHECK(e[1].wage_index == exactly(1.10 * 1.02));  // 1.122
  CHECK(e[2].price_index == exactly(1.10 * 1.05));
  CHECK(e[2].wage_index == exactly(1.122 * 1.05 * 1.02));  // 1.201662
  CHECK(e[4].price_index == exactly(1.10 * 1.05 * 1.05 * 1.05));
  CHECK(e[4].wage_index == exactly(1.122 * std::pow(1.05 * 1.02, 3)));
}

TEST_CASE("Economy: the minimum wage follows its schedule, then its indexation",
          "[unit][workforce]") {
  // Listed: 1000 in 2020 (and 2021, step), 1500 from 2022. After 2022: growth of
  // W(2023) / W(2022) = P(2023) / P(2022) x 1.02 = 1.05 x 1.02 = 1.071 a year with wages, 1.05
  // with prices, none with "none".
  const Schedule listed({{2020, 1000}, {2022, 1500}}, Schedule::Interpolation::kStep);
  SECTION("wages") {
    const auto e = economy::build_economy(with_economy(listed, Indexation::kWages), 2020, 2024);
    CHECK(e[0].minimum_wage == 1000);
    CHECK(e[1].minimum_wage == 1000);
    CHECK(e[2].minimum_wage == 1500);
    CHECK(e[3].minimum_wage == exactly(1500 * 1.071));  // 1606.5
    CHECK(e[4].minimum_wage == exactly(1500 * 1.071 * 1.071));
  }
  SECTION("prices") {
    const auto e = economy::build_economy(with_economy(listed, Indexation::kPrices), 2020, 2024);
    CHECK(e[2].minimum_wage == 1500);
    CHECK(e[3].minimum_wage == exactly(1575));
    CHECK(e[4].minimum_wage == exactly(1653.75));
  }
  SECTION("none") {
    const auto e = economy::build_economy(with_economy(listed, Indexation::kNone), 2020, 2024);
    CHECK(e[3].minimum_wage == 1500);
    CHECK(e[4].minimum_wage == 1500);
  }
  SECTION("a listed year after the last listed year's value is not indexed twice") {
    // Linear from 1000 (2020) to 2000 (2024): the listed values, not indexed values.
    const Schedule linear({{2020, 1000}, {2024, 2000}}, Schedule::Interpolation::kLinear);
    const auto e = economy::build_economy(with_economy(linear, Indexation::kWages), 2020, 2025);
    CHECK(e[2].minimum_wage == exactly(1500));
    CHECK(e[4].minimum_wage == exactly(2000));
    CHECK(e[5].minimum_wage == exactly(2000 * 1.071));
  }
  SECTION("a scalar minimum wage is the base year's and is indexed from the next year") {
    const auto e = economy::build_economy(
        with_economy(Schedule::constant(1000), Indexation::kWages), 2020, 2022);
    CHECK(e[0].minimum_wage == 1000);
    CHECK(e[1].minimum_wage == exactly(1122));
    CHECK(e[2].minimum_wage == exactly(1000 * 1.201662));
    const auto p = economy::build_economy(
        with_economy(Schedule::constant(1000), Indexation::kPrices), 2020, 2022);
    CHECK(p[1].minimum_wage == exactly(1100));
    CHECK(p[2].minimum_wage == exactly(1155));
  }
}

// ---------------------------------------------------------------------------------------------
// Labour

TEST_CASE("labour::draw_status: the first status whose cumulative probability exceeds u",
          "[unit][workforce]") {
  // Probabilities 0.1, 0, 0.2, 0, 0, 0.3, 0, 0.4: cumulative 0.1, 0.1, 0.3, 0.3, 0.3, 0.6, 0.6, 1.
  const labour::StatusCdf cdf = cdf_of({0.1, 0, 0.2, 0, 0, 0.3, 0, 0.4});
  CHECK(labour::draw_status(cdf, 1e-12) == Status::kInactive);
  CHECK(labour::draw_status(cdf, 0.0999) == Status::kInactive);
  // A status of probability 0 is never drawn, not even at its boundary.
  CHECK(labour::draw_status(cdf, cdf[0]) == Status::kPublicEmployee);
  CHECK(labour::draw_status(cdf, 0.2999) == Status::kPublicEmployee);
  CHECK(labour::draw_status(cdf, cdf[2]) == Status::kDomesticWorker);
  CHECK(labour::draw_status(cdf, 0.5999) == Status::kDomesticWorker);
  CHECK(labour::draw_status(cdf, cdf[5]) == Status::kContributingFamily);
  CHECK(labour::draw_status(cdf, 1 - 1e-12) == Status::kContributingFamily);

  SECTION("a certain status is drawn for every u") {
    StatusVector p{};
    p[kFormal] = 1;
    const labour::StatusCdf one = cdf_of(p);
    for (double u : {1e-12, 0.25, 0.5, 0.999999}) {
      CHECK(labour::draw_status(one, u) == Status::kFormalPrivateEmployee);
    }
  }
  SECTION("the last status has probability 0: never drawn") {
    const labour::StatusCdf c = cdf_of({0.5, 0.5, 0, 0, 0, 0, 0, 0});
    CHECK(labour::draw_status(c, 0.4999) == Status::kInactive);
    CHECK(labour::draw_status(c, 0.5) == Status::kUnemployed);
    CHECK(labour::draw_status(c, 1 - 1e-12) == Status::kUnemployed);
  }
}

TEST_CASE("labour: cumulative rows end at exactly 1", "[unit][workforce]") {
  // A row summing to 1 - 1e-9 (within the validation tolerance).
  const labour::StatusCdf c =
      cdf_of({0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125 - 1e-9});
  CHECK(c[0] == 0.125);
  CHECK(c[3] == 0.5);
  CHECK(c[7] == 1.0);
}

TEST_CASE(
    "labour: the formalisation shift moves a share of the moves into informal_employee "
    "to formal_private_employee",
    "[unit][workforce]") {
  Scenario s;
  s.workforce = testing::make_workforce_inputs();  // mixing_transitions(0.75): 0.25 / 7 off it
  s.labour.formalisation_shift =
      Schedule({{2020, 0.0}, {2022, 0.25}, {2023, 1.0}}, Schedule::Interpolation::kStep);
  const std::vector<labour::LabourYear> years = labour::build_labour_years(s, 2020, 2023);
  REQUIRE(years.size() == 3);  // the steps into 2021, 2022 and 2023
  CHECK(years[0].year == 2021);
  CHECK(years[2].year == 2023);
  const double off = 0.25 / 7;
  // Probability of `to` in row `from` of year index i, from the cumulative row.
  auto p = [&](std::size_t i, std::size_t from, std::size_t to) {
    const labour::StatusCdf& c = years[i].transition_cdf[1][4][1][from];
    return to == 0 ? c[0] : c[to] - c[to - 1];
  };
  // 2021: no shift, the data's rows.
  CHECK(p(0, kInactive, kInformal) == exactly(off));
  CHECK(p(0, kInactive, kFormal) == exactly(off));
  CHECK(p(0, kInformal, kInformal) == exactly(0.75));
  // 2022: a quarter of the moves into informal_employee (staying included) go to formal.
  CHECK(p(1, kInactive, kInformal) == exactly(0.75 * off));
  CHECK(p(1, kInactive, kFormal) == exactly(1.25 * off));
  CHECK(p(1, kInactive, kOwnAccount) == exactly(off));
  CHECK(p(1, kInformal, kInformal) == exactly(0.75 * 0.75));
  CHECK(p(1, kInformal, kFormal) == exactly(off + 0.25 * 0.75));
  CHECK(p(1, kFormal, kFormal) == exactly(0.75 + 0.25 * off));
  // 2023: all of them.
  for (std::size_t from = 0; from < kNumStatuses; ++from) {
    CHECK(p(2, from, kInformal) == Approx(0).margin(1e-15));
  }
  CHECK(p(2, kUnemployed, kFormal) == exactly(2 * off));
  for (std::size_t from = 0; from < kNumStatuses; ++from) {
    CHECK(years[2].transition_cdf[0][0][0][from][kNumStatuses - 1] == 1.0);
  }
}

TEST_CASE("labour::monthly_earnings: status mean x age profile x individual factor",
          "[unit][workforce]") {
  WorkforceInputs in = testing::make_workforce_inputs();
  in.mean_monthly_earnings[kFormal][1] = 2000000;  // women, formal private employees
  in.age_earnings_profile[0] = 0.5;                // 15-19
  in.age_earnings_profile[10] = 0.8;               // 65+
  CHECK(labour::monthly_earnings(in, Status::kFormalPrivateEmployee, 0, 40, 1.0f) == 2400000);
  CHECK(labour::monthly_earnings(in, Status::kFormalPrivateEmployee, 1, 40, 1.5f) == 3000000);
  CHECK(labour::monthly_earnings(in, Status::kFormalPrivateEmployee, 1, 17, 1.0f) == 1000000);
  CHECK(labour::monthly_earnings(in, Status::kPublicEmployee, 0, 90, 0.5f) ==
        exactly(3000000 * 0.8 * 0.5));
  CHECK(labour::monthly_earnings(in, Status::kUnemployed, 0, 40, 1.0f) == 0);
  CHECK(labour::monthly_earnings(in, Status::kInactive, 1, 30, 2.0f) == 0);
}

// ---------------------------------------------------------------------------------------------
// Insurable earnings and contributions

namespace {

// Economy years from 2020 with these minimum wages; prices and wages grow by 5% and 10% a year.
std::vector<economy::EconomyYear> economy_with(const std::vector<double>& minimum_wage) {
  std::vector<economy::EconomyYear> years;
  for (std::size_t i = 0; i < minimum_wage.size(); ++i) {
    economy::EconomyYear y;
    y.year = 2020 + static_cast<int>(i);
    y.price_index = std::pow(1.05, static_cast<double>(i));
    y.wage_index = std::pow(1.1, static_cast<double>(i));
    y.minimum_wage = minimum_wage[i];
    years.push_back(y);
  }
  return years;
}

Scenario with_rates() {
  Scenario s;
  ContributionRules& r = s.contributions;
  r.private_employer_rate = Schedule::constant(0.06);
  r.private_employee_rate = Schedule::constant(0.055);
  r.public_employee_rate = Schedule::constant(0.08);
  r.public_state_rate = Schedule::constant(0.085);
  r.voluntary_rate = Schedule::constant(0.09);
  return s;
}

}  // namespace

TEST_CASE("Contributions: the ceiling is fixed, a multiple of the minimum wage, or none",
          "[unit][workforce]") {
  Scenario s = with_rates();
  const std::vector<double> minimum_wage = {1000, 2000};  // 2020, 2021
  SECTION("0 = no ceiling") {
    const auto y = contributions::build_contribution_years(s, economy_with(minimum_wage));
    REQUIRE(y.size() == 2);
    CHECK(y[0].year == 2020);
    CHECK(y[1].year == 2021);
    CHECK(y[0].floor == 1000);
    CHECK(y[1].floor == 2000);
    CHECK(std::isinf(y[0].ceiling));
    CHECK(contributions::insurable_monthly(y[0], 1e12, 0) == 1e12);
  }
  SECTION("a multiple of a zero minimum wage is no ceiling, not a ceiling of 0") {
    s.contributions.ceiling_multiple_of_minimum_wage = Schedule::constant(5);
    const auto y = contributions::build_contribution_years(s, economy_with({0, 0}));
    CHECK(std::isinf(y[0].ceiling));
    CHECK(contributions::insurable_monthly(y[0], 3000, 0) == 3000);
  }
  SECTION("a fixed ceiling") {
    s.contributions.ceiling = Schedule::constant(4500);
    const auto y = contributions::build_contribution_years(s, economy_with(minimum_wage));
    CHECK(y[0].ceiling == 4500);
    CHECK(y[1].ceiling == 4500);
  }
  SECTION("a multiple of the minimum wage wins over the fixed ceiling") {
    s.contributions.ceiling = Schedule::constant(4500);
    s.contributions.ceiling_multiple_of_minimum_wage = Schedule::constant(5);
    const auto y = contributions::build_contribution_years(s, economy_with(minimum_wage));
    CHECK(y[0].ceiling == 5000);
    CHECK(y[1].ceiling == 10000);
  }
  SECTION("switching from the fixed ceiling to the multiple in a year") {
    s.contributions.ceiling = Schedule::constant(4500);
    s.contributions.ceiling_multiple_of_minimum_wage =
        Schedule({{2020, 0}, {2021, 3}}, Schedule::Interpolation::kStep);
    const auto y = contributions::build_contribution_years(s, economy_with(minimum_wage));
    CHECK(y[0].ceiling == 4500);
    CHECK(y[1].ceiling == 6000);
  }
  SECTION("a fixed ceiling follows its schedule, then its indexation") {
    // Listed until 2021 (4500, then 5000); from 2022 grown with wages (x 1.1 a year), prices
    // (x 1.05) or not at all.
    s.contributions.ceiling =
        Schedule({{2020, 4500}, {2021, 5000}}, Schedule::Interpolation::kStep);
    const std::vector<double> four_years = {1000, 1000, 1000, 1000};
    s.contributions.ceiling_indexation = Indexation::kWages;
    auto y = contributions::build_contribution_years(s, economy_with(four_years));
    REQUIRE(y.size() == 4);
    CHECK(y[0].ceiling == 4500);
    CHECK(y[1].ceiling == 5000);
    CHECK(y[2].ceiling == exactly(5500));
    CHECK(y[3].ceiling == exactly(6050));
    s.contributions.ceiling_indexation = Indexation::kPrices;
    y = contributions::build_contribution_years(s, economy_with(four_years));
    CHECK(y[1].ceiling == 5000);
    CHECK(y[2].ceiling == exactly(5250));
    CHECK(y[3].ceiling == exactly(5512.5));
    s.contributions.ceiling_indexation = Indexation::kNone;
    y = contributions::build_contribution_years(s, economy_with(four_years));
    CHECK(y[3].ceiling == 5000);
    // A scalar ceiling is the base year's, indexed from the next year.
    s.contributions.ceiling = Schedule::constant(4500);
    s.contributions.ceiling_indexation = Indexation::kWages;
    y = contributions::build_contribution_years(s, economy_with(four_years));
    CHECK(y[0].ceiling == 4500);
    CHECK(y[1].ceiling == exactly(4950));
    // The multiple of the minimum wage is not indexed: it follows the minimum wage.
    s.contributions.ceiling_multiple_of_minimum_wage = Schedule::constant(5);
    y = contributions::build_contribution_years(s, economy_with({1000, 1200}));
    CHECK(y[1].ceiling == 6000);
  }
  SECTION("rates by year") {
    s.contributions.voluntary_rate =
        Schedule({{2020, 0.09}, {2021, 0.1}}, Schedule::Interpolation::kStep);
    const auto y = contributions::build_contribution_years(s, economy_with(minimum_wage));
    CHECK(y[0].private_employer == 0.06);
    CHECK(y[0].private_employee == 0.055);
    CHECK(y[0].public_employee == 0.08);
    CHECK(y[0].public_state == 0.085);
    CHECK(y[0].voluntary == 0.09);
    CHECK(y[1].voluntary == 0.1);
  }
}

TEST_CASE("Contributions: insurable earnings between the floor and the ceiling, by hand",
          "[unit][workforce]") {
  contributions::ContributionYear y;
  y.floor = 1000;
  y.ceiling = 4500;
  CHECK(contributions::insurable_monthly(y, 800, 0) == 1000);      // below the floor
  CHECK(contributions::insurable_monthly(y, 1000, 0) == 1000);     // at the floor
  CHECK(contributions::insurable_monthly(y, 2500, 0) == 2500);     // between
  CHECK(contributions::insurable_monthly(y, 2000, 0.1) == 1800);   // 10% undeclared
  CHECK(contributions::insurable_monthly(y, 1050, 0.1) == 1000);   // 945 declared: the floor
  CHECK(contributions::insurable_monthly(y, 4500, 0) == 4500);     // at the ceiling
  CHECK(contributions::insurable_monthly(y, 10000, 0) == 4500);    // above the ceiling
  CHECK(contributions::insurable_monthly(y, 10000, 0.5) == 4500);  // 5000 declared
  CHECK(contributions::insurable_monthly(y, 0, 0) == 1000);        // no earnings: the floor
  SECTION("a ceiling below the floor: the floor") {
    y.ceiling = 800;
    CHECK(contributions::insurable_monthly(y, 500, 0) == 1000);
    CHECK(contributions::insurable_monthly(y, 5000, 0) == 1000);
  }
  SECTION("no ceiling") {
    y.ceiling = std::numeric_limits<double>::infinity();
    CHECK(contributions::insurable_monthly(y, 123456789, 0.2) == exactly(98765431.2));
  }
  SECTION("no minimum wage: no floor") {
    y.floor = 0;
    CHECK(contributions::insurable_monthly(y, 300, 0) == 300);
  }
}

TEST_CASE(
    "Contributions: voluntary members declare a multiple of the minimum wage, at most the "
    "ceiling",
    "[unit][workforce]") {
  Scenario s = with_rates();
  const std::vector<double> minimum_wage = {1000};
  auto declared = [&](double multiple, double ceiling) {
    s.contributions.voluntary_declared_multiple = Schedule::constant(multiple);
    s.contributions.ceiling = Schedule::constant(ceiling);
    return contributions::build_contribution_years(s, economy_with(minimum_wage))[0]
        .voluntary_declared;
  };
  CHECK(declared(1, 4500) == 1000);
  CHECK(declared(3, 4500) == 3000);
  CHECK(declared(6, 4500) == 4500);  // capped at the ceiling
  CHECK(declared(6, 0) == 6000);     // no ceiling
  CHECK(declared(2, 800) == 1000);   // a ceiling below the floor: the floor
}

TEST_CASE("Contributions: amounts by scheme and status", "[unit][workforce]") {
  const auto y = contributions::build_contribution_years(with_rates(), economy_with({1000}))[0];
  const double annual = 12000;
  SECTION("voluntary members pay the voluntary rate themselves") {
    const contributions::Amounts a = contributions::amounts(y, Scheme::kVoluntary, annual);
    CHECK(a.employee == exactly(1080));
    CHECK(a.employer == 0);
    CHECK(a.government == 0);
  }
  SECTION("civil servants and the State") {
    const auto a = contributions::amounts(y, Scheme::kCivilServant, annual);
    CHECK(a.employee == exactly(960));
    CHECK(a.government == exactly(1020));
    CHECK(a.employer == 0);
  }
  SECTION("private-scheme employees and their employers") {
    const auto a = contributions::amounts(y, Scheme::kPrivate, annual);
    CHECK(a.employer == exactly(720));
    CHECK(a.employee == exactly(660));
    CHECK(a.government == 0);
  }
  SECTION("zero rates give zero contributions") {
    const auto zero = contributions::build_contribution_years(Scenario{}, economy_with({1000}))[0];
    for (Scheme scheme : {Scheme::kPrivate, Scheme::kVoluntary, Scheme::kCivilServant}) {
      const auto a = contributions::amounts(zero, scheme, annual);
      CHECK(a.employer == 0);
      CHECK(a.employee == 0);
      CHECK(a.government == 0);
    }
  }
}

TEST_CASE("A status's compulsory scheme: public employees in the civil servants' scheme",
          "[unit][workforce]") {
  for (std::size_t st = 0; st < kNumStatuses; ++st) {
    const auto status = static_cast<Status>(st);
    CHECK(compulsory_scheme(status) ==
          (status == Status::kPublicEmployee ? Scheme::kCivilServant : Scheme::kPrivate));
  }
  for (std::size_t k = 0; k < kNumSchemes; ++k) CHECK(scheme_index(scheme_at(k)) == k);
  CHECK(kSchemeNames[scheme_index(Scheme::kCivilServant)] == "civil_servant");
}

// ---------------------------------------------------------------------------------------------
// Coverage

namespace {

// Compulsory: public (compliance 0.9 in region 0, 0.45 in region 1) and formal private (0.5,
// 0.25); registration 0.1, lapse 0.2, reactivation 0.3.
coverage::CoverageYear coverage_year() {
  coverage::CoverageYear y;
  y.year = 2025;
  y.compulsory[kPublic] = true;
  y.compulsory[kFormal] = true;
  y.compliance.assign(2, StatusVector{});
  y.compliance[0][kPublic] = 0.9;
  y.compliance[0][kFormal] = 0.5;
  y.compliance[0][kDomestic] = 0.8;
  y.compliance[1][kPublic] = 0.45;
  y.compliance[1][kFormal] = 0.25;
  y.registration = 0.1;
  y.lapse = 0.2;
  y.reactivation = 0.3;
  return y;
}

struct Member {
  std::uint8_t scheme;
  std::uint8_t membership;
  bool operator==(const Member&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Member& m) {
  return out << "{scheme " << int(m.scheme) << ", membership " << int(m.membership) << "}";
}

Member update(const coverage::CoverageYear& y, Status status, std::size_t region, double rank,
              double u, Member m) {
  coverage::update_membership(y, status, region, rank, u, m.scheme, m.membership);
  return m;
}

}  // namespace

TEST_CASE("coverage::legal_path by status", "[unit][workforce]") {
  coverage::CoverageYear y = coverage_year();
  CHECK(coverage::legal_path(y, Status::kInactive) == coverage::Path::kNone);
  CHECK(coverage::legal_path(y, Status::kUnemployed) == coverage::Path::kNone);
  CHECK(coverage::legal_path(y, Status::kPublicEmployee) == coverage::Path::kCompulsory);
  CHECK(coverage::legal_path(y, Status::kFormalPrivateEmployee) == coverage::Path::kCompulsory);
  CHECK(coverage::legal_path(y, Status::kInformalEmployee) == coverage::Path::kVoluntary);
  CHECK(coverage::legal_path(y, Status::kDomesticWorker) == coverage::Path::kVoluntary);
  CHECK(coverage::legal_path(y, Status::kOwnAccount) == coverage::Path::kVoluntary);
  CHECK(coverage::legal_path(y, Status::kContributingFamily) == coverage::Path::kVoluntary);
  y.compulsory[kDomestic] = true;
  CHECK(coverage::legal_path(y, Status::kDomesticWorker) == coverage::Path::kCompulsory);
}

TEST_CASE("coverage::update_membership: the compulsory path", "[unit][workforce]") {
  const coverage::CoverageYear y = coverage_year();
  const Member never{kNoScheme, kNever};
  // A complying employer (rank below the compliance rate) registers the employee, whatever
  // the membership before.
  CHECK(update(y, Status::kFormalPrivateEmployee, 0, 0.4, 0.99, never) ==
        Member{kPrivate, kActive});
  CHECK(update(y, Status::kFormalPrivateEmployee, 0, 0.4, 0.99, {kVoluntary, kLapsed}) ==
        Member{kPrivate, kActive});
  CHECK(update(y, Status::kFormalPrivateEmployee, 0, 0.4, 0.99, {kVoluntary, kActive}) ==
        Member{kPrivate, kActive});
  CHECK(update(y, Status::kPublicEmployee, 0, 0.89, 0.5, never) == Member{kCivilServant, kActive});
  // The rank must be strictly below the rate.
  CHECK(update(y, Status::kFormalPrivateEmployee, 0, 0.5, 0.0, never) == never);
  // A non-complying employer: never registered stays so; a member is lapsed.
  CHECK(update(y, Status::kFormalPrivateEmployee, 0, 0.6, 0.0, never) == never);
  CHECK(update(y, Status::kFormalPrivateEmployee, 0, 0.6, 0.0, {kPrivate, kActive}) ==
        Member{kPrivate, kLapsed});
  CHECK(update(y, Status::kFormalPrivateEmployee, 0, 0.6, 0.0, {kVoluntary, kActive}) ==
        Member{kVoluntary, kLapsed});
  // The region's rate: 0.25 for formal private employees in region 1.
  CHECK(update(y, Status::kFormalPrivateEmployee, 1, 0.3, 0.0, never) == never);
  CHECK(update(y, Status::kFormalPrivateEmployee, 1, 0.2, 0.0, never) == Member{kPrivate, kActive});
  CHECK(update(y, Status::kPublicEmployee, 1, 0.5, 0.0, {kCivilServant, kActive}) ==
        Member{kCivilServant, kLapsed});
}

TEST_CASE("coverage::update_membership: the voluntary path", "[unit][workforce]") {
  const coverage::CoverageYear y = coverage_year();
  const Member never{kNoScheme, kNever};
  for (Status status : {Status::kInformalEmployee, Status::kDomesticWorker, Status::kOwnAccount,
                        Status::kContributingFamily}) {
    INFO("status " << kStatusNames[static_cast<std::size_t>(status)]);
    // The compliance rank does not matter off the compulsory path.
    // Registration with probability 0.1.
    CHECK(update(y, status, 0, 0.0, 0.0999, never) == Member{kVoluntary, kActive});
    CHECK(update(y, status, 0, 0.0, 0.1, never) == never);
    // An active voluntary member lapses with probability 0.2.
    CHECK(update(y, status, 0, 0.0, 0.1999, {kVoluntary, kActive}) == Member{kVoluntary, kLapsed});
    CHECK(update(y, status, 0, 0.0, 0.2, {kVoluntary, kActive}) == Member{kVoluntary, kActive});
    // An active compulsory member has left covered work: lapsed, whatever u.
    CHECK(update(y, status, 0, 0.0, 0.9999, {kPrivate, kActive}) == Member{kPrivate, kLapsed});
    // A lapsed member (of either scheme) reactivates as voluntary with probability 0.3.
    CHECK(update(y, status, 1, 0.0, 0.2999, {kPrivate, kLapsed}) == Member{kVoluntary, kActive});
    CHECK(update(y, status, 1, 0.0, 0.3, {kPrivate, kLapsed}) == Member{kPrivate, kLapsed});
    CHECK(update(y, status, 1, 0.0, 0.05, {kVoluntary, kLapsed}) == Member{kVoluntary, kActive});
    CHECK(update(y, status, 1, 0.0, 0.5, {kVoluntary, kLapsed}) == Member{kVoluntary, kLapsed});
  }
}

TEST_CASE("coverage::update_membership: no path (inactive, unemployed)", "[unit][workforce]") {
  const coverage::CoverageYear y = coverage_year();
  for (Status status : {Status::kInactive, Status::kUnemployed}) {
    INFO("status " << kStatusNames[static_cast<std::size_t>(status)]);
    for (double u : {0.0001, 0.5, 0.9999}) {
      CHECK(update(y, status, 0, 0.0, u, {kNoScheme, kNever}) == Member{kNoScheme, kNever});
      CHECK(update(y, status, 0, 0.0, u, {kPrivate, kActive}) == Member{kPrivate, kLapsed});
      CHECK(update(y, status, 0, 0.0, u, {kVoluntary, kActive}) == Member{kVoluntary, kLapsed});
      CHECK(update(y, status, 0, 0.0, u, {kVoluntary, kLapsed}) == Member{kVoluntary, kLapsed});
    }
  }
}

TEST_CASE("coverage::update_membership: zero hazards and constant compliance change nothing",
          "[unit][workforce]") {
  coverage::CoverageYear y = coverage_year();
  y.registration = 0;
  y.lapse = 0;
  y.reactivation = 0;
  const std::vector<Member> states = {
      {kNoScheme, kNever}, {kPrivate, kLapsed}, {kVoluntary, kActive}, {kVoluntary, kLapsed}};
  int checked = 0;
  for (Status status : {Status::kInformalEmployee, Status::kDomesticWorker, Status::kOwnAccount,
                        Status::kContributingFamily}) {
    for (const Member& m : states) {
      for (double u : {1e-9, 0.5, 1 - 1e-9}) {
        CHECK(update(y, status, 0, 0.0, u, m) == m);
        ++checked;
      }
    }
  }
  // On the compulsory path, a member whose employer complies stays active, and a person whose
  // employer does not stays as they are when never registered.
  CHECK(update(y, Status::kPublicEmployee, 0, 0.1, 0.5, {kCivilServant, kActive}) ==
        Member{kCivilServant, kActive});
  CHECK(update(y, Status::kPublicEmployee, 0, 0.95, 0.5, {kNoScheme, kNever}) ==
        Member{kNoScheme, kNever});
  CHECK(update(y, Status::kPublicEmployee, 0, 0.95, 0.5, {kCivilServant, kLapsed}) ==
        Member{kCivilServant, kLapsed});
  CHECK(checked == 48);
}

TEST_CASE(
    "coverage::build_coverage_years: compliance by region, the domestic workers' mandate "
    "and the hazards by year",
    "[unit][workforce]") {
  Scenario s;
  s.workforce = testing::make_workforce_inputs();  // regions north, south
  CoverageAssumptions& c = s.coverage;
  c.compliance[kPublic] = Schedule::constant(0.9);
  c.compliance[kFormal] = Schedule({{2020, 0.4}, {2022, 0.6}}, Schedule::Interpolation::kStep);
  c.compliance[kDomestic] = Schedule::constant(0.5);
  c.compliance[kInformal] = Schedule::constant(0.7);  // not a compulsory status
  c.compliance_factor_by_region = {
      Schedule::constant(1.0),
      Schedule({{2020, 0.5}, {2021, 2.0}}, Schedule::Interpolation::kStep)};
  c.domestic_worker_mandate_year = 2021;
  c.lapse_hazard = Schedule({{2020, 0.25}, {2022, 0.1}}, Schedule::Interpolation::kStep);
  c.registration_hazard = Schedule::constant(0.01);
  c.reactivation_hazard = Schedule::constant(0.02);
  c.underdeclaration = Schedule::constant(0.1);
  c.density_compulsory = Schedule::constant(0.9);
  c.density_voluntary = Schedule::constant(0.7);
  const auto years = coverage::build_coverage_years(s, 2020, 2022);
  REQUIRE(years.size() == 3);
  CHECK(years[0].year == 2020);
  REQUIRE(years[0].compliance.size() == 2);
  // North: factor 1.
  CHECK(years[0].compliance[0][kPublic] == 0.9);
  CHECK(years[0].compliance[0][kFormal] == 0.4);
  CHECK(years[2].compliance[0][kFormal] == 0.6);
  // South: factor 0.5 in 2020, then 2 (clamped to 1).
  CHECK(years[0].compliance[1][kPublic] == exactly(0.45));
  CHECK(years[0].compliance[1][kFormal] == exactly(0.2));
  CHECK(years[1].compliance[1][kPublic] == 1.0);
  CHECK(years[1].compliance[1][kFormal] == exactly(0.8));
  CHECK(years[2].compliance[1][kFormal] == 1.0);
  // The mandate: domestic workers are compulsory from 2021.
  CHECK_FALSE(years[0].compulsory[kDomestic]);
  CHECK(years[1].compulsory[kDomestic]);
  CHECK(years[2].compulsory[kDomestic]);
  for (const auto& y : years) {
    CHECK(y.compulsory[kPublic]);
    CHECK(y.compulsory[kFormal]);
    CHECK_FALSE(y.compulsory[kInformal]);
    CHECK_FALSE(y.compulsory[kOwnAccount]);
    CHECK_FALSE(y.compulsory[kFamily]);
    CHECK_FALSE(y.compulsory[kInactive]);
    CHECK_FALSE(y.compulsory[kUnemployed]);
    CHECK(y.registration == 0.01);
    CHECK(y.reactivation == 0.02);
    CHECK(y.underdeclaration == 0.1);
    CHECK(y.density_compulsory == 0.9);
    CHECK(y.density_voluntary == 0.7);
  }
  CHECK(years[1].lapse == 0.25);
  CHECK(years[2].lapse == 0.1);

  SECTION("mandate year 0: never compulsory; no factors: 1 in every region") {
    c.domestic_worker_mandate_year = 0;
    c.compliance_factor_by_region.clear();
    for (const auto& y : coverage::build_coverage_years(s, 2020, 2100)) {
      CHECK_FALSE(y.compulsory[kDomestic]);
      CHECK(y.compliance[1][kPublic] == 0.9);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The model's year tables

TEST_CASE("build_workforce_model: years from the base year to the end year", "[unit][workforce]") {
  Scenario s = testing::make_scenario(2020, 2025, 1.0, 0.01, 0.05, 0.0);
  s.projection.start_year = 2022;
  s.workforce = testing::make_workforce_inputs();
  s.economy.minimum_wage = Schedule::constant(1000);
  s.economy.inflation = Schedule::constant(0.1);
  s.contributions.ceiling_multiple_of_minimum_wage = Schedule::constant(4);
  const engine::WorkforceModel m = engine::build_workforce_model(s);
  CHECK(m.base_year == 2020);
  CHECK(m.economy.size() == 6);
  CHECK(m.coverage.size() == 6);
  CHECK(m.contributions.size() == 6);
  CHECK(m.labour.size() == 5);
  CHECK(m.labour_into(2021).year == 2021);
  CHECK(m.labour_into(2025).year == 2025);
  CHECK(m.coverage_at(2025).year == 2025);
  // The floor and ceiling follow the indexed minimum wage: 1000 x 1.1^3 in 2023.
  CHECK(m.contributions_at(2023).floor == exactly(1331));
  CHECK(m.contributions_at(2023).ceiling == exactly(4 * 1331));
  CHECK(m.economy_at(2023).minimum_wage == exactly(1331));
  // Residence: cumulative over (north urban, north rural, south urban, south rural).
  CHECK(m.residence_cdf == std::vector<double>{0.125, 0.5, 0.75, 1.0});
  CHECK(m.earnings_dispersion == 0.5);
}
