#include "scenario/schema.h"

#include <array>
#include <charconv>
#include <cmath>

namespace ssproj::scenario {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// Calendar years the format accepts at all; the data tables narrow this down.
constexpr Range kYear{1900, 2300, false, false};
constexpr Range kUnbounded{};
constexpr Range kNonNegative{0, kNone, false, false};
constexpr Range kShare{0, 1, false, false};
constexpr Range kGrowth{-1, kNone, true, false};  // an annual rate of change above -100%
constexpr Range kYearOrNever{0, 2300, false, false};

const std::array kKeys = {
    KeySpec{"schema_version", Kind::kInteger, true, "", Range{1, 1}, "",
            "Version of the scenario file format; this build reads version 1."},
    KeySpec{"name", Kind::kString, true, "", kUnbounded, "", "Short name of the scenario."},
    KeySpec{"description", Kind::kString, false, "\"\"", kUnbounded, "",
            "What the scenario represents and where its numbers come from."},
    KeySpec{"extends", Kind::kPath, false, "", kUnbounded, "",
            "Scenario file this one is based on, relative to this file; merged deeply, this "
            "file wins."},

    KeySpec{"projection", Kind::kTable, true, "", kUnbounded, "", "Horizon and sampling."},
    KeySpec{"projection.start_year", Kind::kInteger, true, "", kYear, "year",
            "First year in the output tables (stocks on 1 July). At least the base population's "
            "year; the years in between are simulated but not written."},
    KeySpec{"projection.end_year", Kind::kInteger, true, "", kYear, "year",
            "Last year in the output tables (1 July)."},
    KeySpec{"projection.seed", Kind::kInteger, false, "1", Range{0, 9.2233720368547758e18}, "",
            "Master seed of the random numbers; same seed, same results."},
    KeySpec{"projection.sample_fraction", Kind::kNumber, false, "1.0", Range{0, 1, true, false},
            "share", "Share of the population simulated; each person stands for 1/f persons."},
    KeySpec{"projection.replications", Kind::kInteger, false, "1", Range{1, 10000}, "count",
            "Independent replications of the microsimulation."},

    KeySpec{"data", Kind::kTable, true, "", kUnbounded, "",
            "Data tables, as paths relative to the scenario file that names them."},
    KeySpec{"data.base_population", Kind::kPath, true, "", kUnbounded, "CSV",
            "Persons by sex and single age on 1 July of the base year."},
    KeySpec{"data.mortality", Kind::kPath, true, "", kUnbounded, "CSV",
            "Central death rates m_x by calendar year, sex and single age."},
    KeySpec{"data.fertility", Kind::kPath, true, "", kUnbounded, "CSV",
            "Age-specific fertility rates by calendar year and single age of mother."},
    KeySpec{"data.sex_ratio_at_birth", Kind::kPath, true, "", kUnbounded, "CSV",
            "Male births per female birth by calendar year."},
    KeySpec{"data.net_migration", Kind::kPath, true, "", kUnbounded, "CSV",
            "Net international migrants by calendar year, sex and single age."},

    KeySpec{"demography", Kind::kTable, false, "", kUnbounded, "",
            "Scenario multipliers on the demographic data."},
    KeySpec{"demography.mortality_multiplier", Kind::kNumberOrSchedule, false, "1.0", kNonNegative,
            "factor", "Multiplies every central death rate m_x."},
    KeySpec{"demography.fertility_multiplier", Kind::kNumberOrSchedule, false, "1.0", kNonNegative,
            "factor", "Multiplies every age-specific fertility rate."},
    KeySpec{"demography.migration_multiplier", Kind::kNumberOrSchedule, false, "1.0", kUnbounded,
            "factor", "Multiplies every net migrant count."},
    // The workforce tables: all five, or none for a projection of the population only.
    KeySpec{"data.regions", Kind::kPath, false, "", kUnbounded, "CSV",
            "Population shares by region and area (urban/rural)."},
    KeySpec{"data.labour_status_shares", Kind::kPath, false, "", kUnbounded, "CSV",
            "Shares of the labour statuses by sex, age band and area at the base year."},
    KeySpec{"data.labour_transitions", Kind::kPath, false, "", kUnbounded, "CSV",
            "Annual probabilities of moving between labour statuses by sex, age band and area."},
    KeySpec{"data.earnings", Kind::kPath, false, "", kUnbounded, "CSV",
            "Mean gross monthly earnings by status and sex at base-year prices."},
    KeySpec{"data.age_earnings_profile", Kind::kPath, false, "", kUnbounded, "CSV",
            "Earnings by age band relative to the status mean."},

    KeySpec{"economy", Kind::kTable, false, "", kUnbounded, "", "Prices, wages, minimum wage."},
    KeySpec{"economy.inflation", Kind::kNumberOrSchedule, false, "0.0", kGrowth, "per year",
            "Annual change of consumer prices (0.05 = 5%)."},
    KeySpec{"economy.real_wage_growth", Kind::kNumberOrSchedule, false, "0.0", kGrowth, "per year",
            "Annual growth of earnings above prices."},
    KeySpec{"economy.minimum_wage", Kind::kNumberOrSchedule, false, "0.0", kNonNegative,
            "kip per month",
            "Statutory minimum wage in force on 1 July; the floor of insurable earnings. After "
            "its last listed year it follows economy.minimum_wage_indexation."},
    KeySpec{"economy.minimum_wage_indexation", Kind::kChoice, false, "\"wages\"", kUnbounded, "",
            "Growth of the minimum wage after its last listed year.", "wages|prices|none"},

    KeySpec{"labour", Kind::kTable, false, "", kUnbounded, "", "Labour market dynamics."},
    KeySpec{"labour.formalisation_shift", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Share of the moves into informal_employee that go to formal_private_employee "
            "instead (structural change)."},
    KeySpec{"labour.earnings_dispersion", Kind::kNumber, false, "0.5", Range{0, 3}, "log SD",
            "Standard deviation of log individual earnings (lognormal factor with mean 1)."},

    KeySpec{"coverage", Kind::kTable, false, "", kUnbounded, "", "Membership of the scheme."},
    KeySpec{"coverage.compliance", Kind::kTable, false, "", kUnbounded, "",
            "Share of employees whom employers register, by compulsory status."},
    KeySpec{"coverage.compliance.public_employee", Kind::kNumberOrSchedule, false, "0.0", kShare,
            "share", "Registration of public-sector employees."},
    KeySpec{"coverage.compliance.formal_private_employee", Kind::kNumberOrSchedule, false, "0.0",
            kShare, "share", "Registration of employees of formal private firms."},
    KeySpec{"coverage.compliance.domestic_worker", Kind::kNumberOrSchedule, false, "0.0", kShare,
            "share", "Registration of domestic workers once the mandate applies."},
    KeySpec{"coverage.compliance_factor_by_region", Kind::kNamedSchedules, false, "", kNonNegative,
            "factor",
            "Multiplier on compliance by region name (regions table); 1 for regions not listed."},
    KeySpec{"coverage.domestic_worker_mandate_year", Kind::kInteger, false, "0", kYearOrNever,
            "year", "First year domestic workers fall under the compulsory scheme; 0: never."},
    KeySpec{"coverage.underdeclaration", Kind::kNumberOrSchedule, false, "0.0",
            Range{0, 1, false, true}, "share",
            "Share of private employees' earnings that employers do not declare."},
    KeySpec{"coverage.registration_hazard", Kind::kNumberOrSchedule, false, "0.0", kShare,
            "per year",
            "Probability that an uncovered worker registers with the voluntary scheme in a year."},
    KeySpec{"coverage.lapse_hazard", Kind::kNumberOrSchedule, false, "0.25", kShare, "per year",
            "Probability that an active voluntary member stops paying in a year."},
    KeySpec{"coverage.reactivation_hazard", Kind::kNumberOrSchedule, false, "0.05", kShare,
            "per year", "Probability that a lapsed member pays again (voluntarily) in a year."},
    KeySpec{"coverage.density_compulsory", Kind::kNumberOrSchedule, false, "1.0", kShare, "share",
            "Expected share of the 12 months that an active compulsory member pays."},
    KeySpec{"coverage.density_voluntary", Kind::kNumberOrSchedule, false, "1.0", kShare, "share",
            "Expected share of the 12 months that an active voluntary member pays."},
    KeySpec{"coverage.initial_voluntary_members", Kind::kNumber, false, "0", kNonNegative,
            "persons", "Registered voluntary members at the base year."},
    KeySpec{"coverage.initial_voluntary_active_share", Kind::kNumber, false, "1.0", kShare, "share",
            "Share of the base year's voluntary members who are contributing."},
    KeySpec{"coverage.history_start_year_compulsory", Kind::kInteger, false, "0", kYearOrNever,
            "year",
            "Base-year compulsory members are credited the years since this year (or since age "
            "18) at the scheme's density; 0: no history."},
    KeySpec{"coverage.history_start_year_voluntary", Kind::kInteger, false, "0", kYearOrNever,
            "year", "The same for voluntary members."},

    KeySpec{"contributions", Kind::kTable, false, "", kUnbounded, "",
            "Contribution rates and insurable earnings."},
    KeySpec{"contributions.private_employer_rate", Kind::kNumberOrSchedule, false, "0.0", kShare,
            "share", "Employer's rate for private and domestic employees."},
    KeySpec{"contributions.private_employee_rate", Kind::kNumberOrSchedule, false, "0.0", kShare,
            "share", "Employee's rate for private and domestic employees."},
    KeySpec{"contributions.public_employee_rate", Kind::kNumberOrSchedule, false, "0.0", kShare,
            "share", "Public-sector employee's rate."},
    KeySpec{"contributions.public_state_rate", Kind::kNumberOrSchedule, false, "0.0", kShare,
            "share", "The State's rate, as employer, for public-sector employees."},
    KeySpec{"contributions.voluntary_rate", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Rate of voluntary members on their declared income."},
    KeySpec{"contributions.ceiling", Kind::kNumberOrSchedule, false, "0.0", kNonNegative,
            "kip per month", "Ceiling of insurable earnings; 0: no ceiling."},
    KeySpec{"contributions.ceiling_multiple_of_minimum_wage", Kind::kNumberOrSchedule, false, "0.0",
            kNonNegative, "multiple",
            "When above 0, the ceiling is this multiple of the minimum wage instead."},
    KeySpec{"contributions.voluntary_declared_multiple", Kind::kNumberOrSchedule, false, "1.0",
            Range{1, 100}, "multiple",
            "Voluntary members declare this multiple of the minimum wage (at most the ceiling)."},
};

std::string format_bound(double x, bool integer) {
  // The largest 64-bit integer has no double of its own: 2^63 - 1 rounds to 2^63.
  if (integer && x >= 0x1p63) return "9223372036854775807";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  (void)ec;
  return std::string(buf, end);
}

}  // namespace

bool Range::contains(double x) const {
  if (!std::isfinite(x)) return false;
  if (!std::isnan(min) && (min_open ? x <= min : x < min)) return false;
  if (!std::isnan(max) && (max_open ? x >= max : x > max)) return false;
  return true;
}

std::string Range::expected(bool integer) const {
  const std::string what = integer ? "an integer" : "a number";
  const bool has_min = !std::isnan(min);
  const bool has_max = !std::isnan(max);
  if (has_min && has_max && min == max) return format_bound(min, integer);
  if (has_min && has_max) {
    return what + " in " + (min_open ? "(" : "[") + format_bound(min, integer) + ", " +
           format_bound(max, integer) + (max_open ? ")" : "]");
  }
  if (has_min) return what + (min_open ? " > " : " >= ") + format_bound(min, integer);
  if (has_max) return what + (max_open ? " < " : " <= ") + format_bound(max, integer);
  return integer ? "an integer" : "a finite number";
}

std::span<const KeySpec> scenario_keys() { return kKeys; }

const KeySpec* find_key(std::string_view path) {
  for (const KeySpec& k : kKeys) {
    if (k.path == path) return &k;
  }
  return nullptr;
}

}  // namespace ssproj::scenario
