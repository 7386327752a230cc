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

#include <ssproj/scenario.h>

#include "benefits/benefits.h"
#include "contributions/contributions.h"
#include "coverage/coverage.h"
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
};

Stocks stocks_of(const Scenario& scenario);

// Probabilities that turn the stocks (whole-population counts) into a sample: of being a
// pensioner for a person above pensionable age outside covered work, and of being a voluntary
// member for an employed person whose status points to the voluntary scheme.
struct Draws {
  double pensioner = 0;
  double voluntary = 0;
};

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
  if (p.age[i] >= ben.pensionable_age[p.sex[i]] && !covered_job && u[3] < d.pensioner) {
    p.benefit[i] = static_cast<std::uint8_t>(population::Benefit::kOldAge);
    p.pension[i] = static_cast<float>(s.average_pension);
    p.status[i] = static_cast<std::uint8_t>(Status::kInactive);
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
  const int years =
      history_start > 0 ? std::max(0, std::min(p.age[i] - 18, year - history_start)) : 0;
  const double months = std::floor(12.0 * density * years + u[2]);
  p.months[i] = static_cast<std::uint16_t>(std::min(months, 65535.0));
  p.points[i] = static_cast<float>(p.months[i] * insurable);  // wage index 1 at the base
}

}  // namespace ssproj::starting_point
