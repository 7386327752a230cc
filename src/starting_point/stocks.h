// The scheme's stocks at the valuation date (1 July of the base year): who is a pensioner, who
// is a member of which scheme, active or lapsed, and the contribution record each carries.
// The engine samples the base population, gives each person a residence and a status, then
// applies these rules to each person with the person's own draws.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

#include "benefits/benefits.h"
#include "contributions/contributions.h"
#include "contributions/person.h"
#include "coverage/coverage.h"
#include "demography/life_table.h"
#include "population/population.h"

namespace ssproj::starting_point {

// The scenario's description of the stocks.
struct Stocks {
  double voluntary_members = 0;       // persons registered in the voluntary scheme
  double voluntary_active_share = 1;  // share of them contributing
  int history_start_compulsory = 0;   // first year of contributions credited (0: none)
  int history_start_voluntary = 0;
  double old_age_pensioners = 0;  // persons
  double average_pension = 0;     // kip per month
  // The base year's own deaths and births, which the projection's first step (into the next
  // year) does not hold: the probability of dying in the year to 1 July of the base year (q of
  // base_life_table), and the fertility rates (with the scenario's multipliers).
  SexAgeTable death_probability{};
  AgeVector fertility{};
};

Stocks stocks_of(const Scenario& scenario);

// The life table of the base year's mortality (with the scenario's multiplier).
// REQUIRES: scenario.inputs.mortality is not empty.
demography::LifeTable base_life_table(const Scenario& scenario, Sex sex);

// The pensions in payment a base-year person can hold: old age or invalidity, in a scheme.
inline constexpr std::size_t kPensionCells = 2 * kNumSchemes;

// Probabilities that turn the stocks (whole-population counts) into a sample: of being a
// pensioner for a person outside covered work (without the pensioners table: above pensionable
// age, with one probability), and of being a voluntary member for an employed person whose
// status points to the voluntary scheme.
struct Draws {
  double pensioner = 0;
  double voluntary = 0;
  // With the pensioners table: for a person of [sex][age] outside covered work, the
  // cumulative probabilities of the cells (scheme index x 2 + 0 old age, 1 invalidity).
  const WorkforceInputs* inputs = nullptr;
  std::array<std::array<std::array<double, kPensionCells>, kNumAges>, kNumSexes> pension_cdf{};
};

// The draws of a base population whose persons outside covered work number
// `eligible[sex][age]` (simulated) and whose persons above pensionable age outside covered work
// number `elderly`; `candidates` are the employed persons on the voluntary path.
Draws draws_for(const Stocks& s, const WorkforceInputs& inputs, double sample_fraction,
                const std::array<std::array<double, kNumAges>, kNumSexes>& eligible, double elderly,
                double candidates);

// Person i's state at the valuation date. `u`: the person's four uniforms for it;
// `compliance_rank`: the rank of their employer's compliance for the job spell;
// `gross_monthly()`: their gross monthly earnings (asked for only for a member).
template <typename Gross>
void initial_state(population::Population& p, std::size_t i, const Stocks& s, const Draws& d,
                   const coverage::CoverageYear& cov, const contributions::ContributionYear& con,
                   const benefits::BenefitYear& ben, int year, const std::array<double, 4>& u,
                   double compliance_rank, Gross&& gross_monthly) {
  const auto status = static_cast<Status>(p.status[i]);
  const coverage::Path path = coverage::legal_path(cov, status);
  const bool covered_job = path == coverage::Path::kCompulsory;
  const std::uint8_t sex = p.sex[i];
  // Persons at or above pensionable age have retired by the valuation date: the stock holds
  // those who have a pension, and nobody that old is a member.
  const bool retired_age = p.age[i] >= ben.pensionable_age[sex];
  const auto pensioner = [&](population::Benefit benefit, Scheme scheme, double monthly) {
    p.benefit[i] = static_cast<std::uint8_t>(benefit);
    p.pension[i] = static_cast<float>(monthly);
    p.status[i] = static_cast<std::uint8_t>(Status::kInactive);
    p.sector[i] = 0;
    p.scheme[i] = static_cast<std::uint8_t>(scheme);
    p.membership[i] = static_cast<std::uint8_t>(Membership::kLapsed);
  };
  if (d.inputs != nullptr) {
    if (!covered_job) {
      const auto& cdf = d.pension_cdf[sex][p.age[i]];
      const auto cell =
          static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), u[3]) - cdf.begin());
      if (cell < kPensionCells) {
        const std::size_t k = cell / 2;
        const auto benefit = cell % 2 == 0 ? StockBenefit::kOldAge : StockBenefit::kInvalidity;
        pensioner(benefit == StockBenefit::kOldAge ? population::Benefit::kOldAge
                                                   : population::Benefit::kInvalidity,
                  scheme_at(k),
                  d.inputs->pensioners[k][static_cast<std::size_t>(benefit)][sex][p.age[i]]
                      .average_monthly);
        return;
      }
    }
    // The stock describes who has retired: nobody at or above pensionable age is a member.
    if (retired_age) return;
  } else if (retired_age && !covered_job && u[3] < d.pensioner) {
    // Without the table the pensioners' scheme is not known: they are counted in the private
    // scheme's accounts.
    pensioner(population::Benefit::kOldAge, Scheme::kPrivate, s.average_pension);
    return;
  }
  if (path == coverage::Path::kNone) return;
  int history_start = 0;
  double density = 0, insurable = 0;
  if (path == coverage::Path::kCompulsory) {
    if (compliance_rank >= cov.compliance[p.region[i]][static_cast<std::size_t>(status)]) return;
    p.scheme[i] = static_cast<std::uint8_t>(compulsory_scheme(status));
    p.membership[i] = static_cast<std::uint8_t>(Membership::kActive);
    history_start = s.history_start_compulsory;
    density = cov.density_compulsory;
    insurable = contributions::insurable_monthly(
        con, gross_monthly(), status == Status::kPublicEmployee ? 0.0 : cov.underdeclaration);
  } else {
    if (u[0] >= d.voluntary) return;
    p.scheme[i] = static_cast<std::uint8_t>(Scheme::kVoluntary);
    p.membership[i] = static_cast<std::uint8_t>(
        u[1] < s.voluntary_active_share ? Membership::kActive : Membership::kLapsed);
    history_start = s.history_start_voluntary;
    density = cov.density_voluntary;
    insurable = con.voluntary_declared;
  }
  double months = 0;
  if (d.inputs != nullptr && d.inputs->has_service) {
    months = std::floor(12.0 * d.inputs->credited_years[scheme_index(p.scheme[i])][sex][p.age[i]] +
                        u[2]);
  } else {
    const int years =
        history_start > 0 ? std::max(0, std::min(p.age[i] - 18, year - history_start)) : 0;
    months = std::floor(12.0 * density * years + u[2]);
  }
  p.months[i] = static_cast<std::uint16_t>(std::min(months, 65535.0));
  p.points[i] = static_cast<float>(p.months[i] * insurable);  // wage index 1 at the base
  if (p.membership[i] == static_cast<std::uint8_t>(Membership::kLapsed)) {
    // A lapsed voluntary member at the valuation date is an insured member (the registered
    // count the base year reproduces includes them): their last payment fell, with equal
    // probabilities (ASSUMPTION), in one of the cov.insured_window years before the base year;
    // that year's months at the voluntary density, at least one, on the base year's declared
    // earnings. The year's uniform: u[1] rescaled within the lapsed members' part of it; u[2]
    // also rounds the service months (a harmless correlation of two roundings).
    const double v = (u[1] - s.voluntary_active_share) / (1 - s.voluntary_active_share);
    const int window = std::max(1, cov.insured_window);
    const int back = 1 + std::min(window - 1, static_cast<int>(v * window));
    const std::size_t last = contributions::recent_slot(year - back);
    const auto paid = std::max<std::uint16_t>(1, contributions::months_paid(density, u[2]));
    p.recent_months[i][last] = static_cast<std::uint8_t>(paid);
    p.recent_points[i][last] = static_cast<float>(paid * insurable);
  }
}

// The base year's old-age awards: the stock's old-age pensioners at pensionable age, who
// retired in the year to the valuation date. Their reference earnings are the pension over the
// replacement rate the rules give the mean service of members just below that age (none
// without the service table).
inline void base_year_award(const population::Population& p, std::size_t i,
                            const benefits::BenefitYear& ben, const WorkforceInputs& inputs,
                            BenefitTallies& bt) {
  const std::uint8_t sex = p.sex[i];
  if (p.benefit[i] != static_cast<std::uint8_t>(population::Benefit::kOldAge) ||
      p.age[i] != ben.pensionable_age[sex] || p.scheme[i] == 0) {
    return;
  }
  bt.old_age_new[sex] += 1;
  bt.old_age_new_monthly[sex] += p.pension[i];
  bt.old_age_new_by_age[sex][pensioner_age_group(p.age[i])] += 1;
  if (!inputs.has_service || p.age[i] == 0) return;
  const double years = inputs.credited_years[scheme_index(p.scheme[i])][sex][p.age[i] - 1u];
  const double replacement = std::min(ben.accrual * years, ben.maximum_replacement);
  if (replacement > 0) bt.old_age_new_reference[sex] += p.pension[i] / replacement;
}

}  // namespace ssproj::starting_point
