// Membership of the scheme: compulsory registration by employers, the voluntary scheme's
// registration, lapse and reactivation, and contribution density.
#pragma once

#include <cstdint>
#include <vector>

#include <ssproj/scenario.h>

namespace ssproj::coverage {

// Which scheme the law points a person's status to.
enum class Path : std::uint8_t { kNone, kCompulsory, kVoluntary };

struct CoverageYear {
  int year = 0;
  std::array<bool, kNumStatuses> compulsory{};  // statuses under the compulsory scheme
  std::array<bool, kNumStatuses> mandated{};    // compulsory by a Mandate, not by the law
  // Share of employees registered by their employer, [status][region], in [0, 1].
  std::vector<std::array<double, kNumStatuses>> compliance;  // [region][status]
  double underdeclaration = 0;
  double registration = 0;  // annual probabilities of the voluntary scheme
  double lapse = 0;
  double reactivation = 0;
  double density_compulsory = 1;
  double density_voluntary = 1;
  int insured_window = 0;  // years after the last payment in which a lapsed member is insured
};

// A status made compulsory by a programme in the years it runs (start_year..end_year, 0: no
// end), with the employers' compliance of each year in place of the scenario's.
struct Mandate {
  Status status;
  int start_year = 0;
  int end_year = 0;
  const Schedule* compliance = nullptr;

  bool in_force(int year) const {
    return year >= start_year && (end_year == 0 || year <= end_year);
  }
};

// Per year from base_year to last_year; a later mandate of the same status wins.
std::vector<CoverageYear> build_coverage_years(const Scenario& scenario, int base_year,
                                               int last_year,
                                               const std::vector<Mandate>& mandates = {});

inline Path legal_path(const CoverageYear& y, Status status) {
  if (y.compulsory[static_cast<std::size_t>(status)]) return Path::kCompulsory;
  return is_employed(status) ? Path::kVoluntary : Path::kNone;
}

// The voluntary scheme's annual probabilities for one person (the year's, or changed by the
// interventions that reach the person).
struct Hazards {
  double registration = 0;
  double lapse = 0;
  double reactivation = 0;
};
inline Hazards base_hazards(const CoverageYear& y) {
  return {y.registration, y.lapse, y.reactivation};
}

// A person's membership, updated in place for the state on 1 July of the year.
//   compulsory path: registered and active when the employer complies (compliance_rank, a
//     uniform fixed for the job spell, below `compliance`), otherwise a registered member is
//     lapsed;
//   voluntary path: never registered -> active with probability h.registration; an active
//     voluntary member lapses with probability h.lapse; an active compulsory member who has
//     left covered work lapses; a lapsed member reactivates (as voluntary) with probability
//     h.reactivation;
//   no path (unemployed, inactive): an active member lapses.
// `u` is a uniform draw of the person for this year.
// A compulsory member joins `compulsory` (compulsory_scheme of their status).
inline void update_membership(Path path, Scheme compulsory, double compliance, const Hazards& h,
                              double compliance_rank, double u, std::uint8_t& scheme,
                              std::uint8_t& membership) {
  constexpr auto kNever = static_cast<std::uint8_t>(Membership::kNever);
  constexpr auto kActive = static_cast<std::uint8_t>(Membership::kActive);
  constexpr auto kLapsed = static_cast<std::uint8_t>(Membership::kLapsed);
  constexpr auto kVoluntary = static_cast<std::uint8_t>(Scheme::kVoluntary);
  switch (path) {
    case Path::kCompulsory:
      if (compliance_rank < compliance) {
        membership = kActive;
        scheme = static_cast<std::uint8_t>(compulsory);
      } else if (membership != kNever) {
        membership = kLapsed;
      }
      return;
    case Path::kVoluntary:
      if (membership == kNever) {
        if (u < h.registration) {
          membership = kActive;
          scheme = kVoluntary;
        }
      } else if (membership == kActive) {
        if (scheme != kVoluntary || u < h.lapse) membership = kLapsed;
      } else if (u < h.reactivation) {
        membership = kActive;
        scheme = kVoluntary;
      }
      return;
    case Path::kNone:
      if (membership == kActive) membership = kLapsed;
      return;
  }
}

// The same with the year's own compliance and hazards.
inline void update_membership(const CoverageYear& y, Status status, std::size_t region,
                              double compliance_rank, double u, std::uint8_t& scheme,
                              std::uint8_t& membership) {
  update_membership(legal_path(y, status), compulsory_scheme(status),
                    y.compliance[region][static_cast<std::size_t>(status)], base_hazards(y),
                    compliance_rank, u, scheme, membership);
}

}  // namespace ssproj::coverage
