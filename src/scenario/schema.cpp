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
            "Structural change: this share of every transition probability into "
            "informal_employee goes to formal_private_employee instead."},
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
    KeySpec{"contributions.ceiling_indexation", Kind::kChoice, false, "\"none\"", kUnbounded, "",
            "Growth of the fixed ceiling after its last listed year.", "wages|prices|none"},
    KeySpec{"contributions.ceiling_multiple_of_minimum_wage", Kind::kNumberOrSchedule, false, "0.0",
            kNonNegative, "multiple",
            "When above 0, the ceiling is this multiple of the minimum wage instead."},
    KeySpec{"contributions.voluntary_declared_multiple", Kind::kNumberOrSchedule, false, "1.0",
            Range{1, 100}, "multiple",
            "Voluntary members declare this multiple of the minimum wage (at most the ceiling)."},

    // Benefit tables: optional; without them invalidity incidence and survivors are zero.
    KeySpec{"data.invalidity", Kind::kPath, false, "", kUnbounded, "CSV",
            "Annual invalidity incidence among active members by sex and age band."},
    KeySpec{"data.survivors", Kind::kPath, false, "", kUnbounded, "CSV",
            "Survivors left by an insured person who dies, by sex and age band."},

    KeySpec{"benefits", Kind::kTable, false, "", kUnbounded, "", "The scheme's benefit rules."},
    KeySpec{"benefits.old_age", Kind::kTable, false, "", kUnbounded, "", "Old-age pension."},
    KeySpec{"benefits.old_age.pensionable_age_male", Kind::kNumberOrSchedule, false, "60",
            Range{15, 100}, "years", "Pensionable age of men."},
    KeySpec{"benefits.old_age.pensionable_age_female", Kind::kNumberOrSchedule, false, "55",
            Range{15, 100}, "years", "Pensionable age of women."},
    KeySpec{"benefits.old_age.minimum_months", Kind::kNumberOrSchedule, false, "180",
            Range{0, 1200}, "months", "Contribution months needed for a pension."},
    KeySpec{"benefits.old_age.accrual", Kind::kNumberOrSchedule, false, "0.015", Range{0, 0.1},
            "per year", "Pension per year of contributions, share of reference earnings."},
    KeySpec{"benefits.old_age.reference_years", Kind::kInteger, false, "0", Range{0, 5}, "years",
            "Reference earnings: average of the last N calendar years (1-5), revalued with "
            "wages; 0: the revalued career average."},
    KeySpec{"benefits.old_age.minimum_pension", Kind::kNumberOrSchedule, false, "0.0", kNonNegative,
            "multiple", "Minimum pension, multiple of the minimum wage."},
    KeySpec{"benefits.old_age.maximum_replacement", Kind::kNumberOrSchedule, false, "1.0",
            Range{0, 2}, "share", "Maximum pension, share of reference earnings."},
    KeySpec{"benefits.old_age.indexation", Kind::kChoice, false, "\"prices\"", kUnbounded, "",
            "Yearly adjustment of pensions in payment.", "prices|wages|fixed|none"},
    KeySpec{"benefits.old_age.fixed_indexation", Kind::kNumberOrSchedule, false, "0.0", kGrowth,
            "per year", "The adjustment when indexation is \"fixed\"."},
    KeySpec{"benefits.old_age.lump_sum_months_per_year", Kind::kNumberOrSchedule, false, "1.0",
            kNonNegative, "months",
            "Without a pension at pensionable age: months of reference earnings paid per year "
            "of contributions."},
    KeySpec{"benefits.old_age.claim_probability", Kind::kNumberOrSchedule, false, "1.0", kShare,
            "per year", "Probability that an eligible member claims in a year (1: at once)."},
    KeySpec{"benefits.old_age.initial_pensioners", Kind::kNumber, false, "0", kNonNegative,
            "persons",
            "Old-age pensioners at the base year (given to persons above pensionable "
            "age at random)."},
    KeySpec{"benefits.old_age.initial_average_pension", Kind::kNumber, false, "0", kNonNegative,
            "kip per month", "Their average monthly pension at base-year prices."},
    KeySpec{"benefits.invalidity", Kind::kTable, false, "", kUnbounded, "", "Invalidity pension."},
    KeySpec{"benefits.invalidity.minimum_months", Kind::kNumberOrSchedule, false, "60",
            Range{0, 1200}, "months", "Contribution months needed for an invalidity pension."},
    KeySpec{"benefits.invalidity.future_service_credit", Kind::kNumberOrSchedule, false, "1.0",
            kShare, "share", "Share of the years to pensionable age credited."},
    KeySpec{"benefits.survivors", Kind::kTable, false, "", kUnbounded, "",
            "Survivor pensions and the funeral grant."},
    KeySpec{"benefits.survivors.minimum_months", Kind::kNumberOrSchedule, false, "60",
            Range{0, 1200}, "months", "Contribution months of a deceased member (not retired)."},
    KeySpec{"benefits.survivors.spouse_share", Kind::kNumberOrSchedule, false, "0.30", kShare,
            "share", "Spouse pension, share of the deceased's pension or reference earnings."},
    KeySpec{"benefits.survivors.child_share", Kind::kNumberOrSchedule, false, "0.20", kShare,
            "share", "Pension of each child, share of the same base."},
    KeySpec{"benefits.survivors.funeral_grant", Kind::kNumberOrSchedule, false, "0.0", kNonNegative,
            "multiple",
            "Grant on the death of an active member or pensioner, multiple of the minimum wage."},
    KeySpec{"benefits.sickness", Kind::kTable, false, "", kUnbounded, "", "Sickness cash benefit."},
    KeySpec{"benefits.sickness.incidence", Kind::kNumberOrSchedule, false, "0.0", Range{0, 10},
            "per year", "Cases per active contributor a year."},
    KeySpec{"benefits.sickness.duration_days", Kind::kNumberOrSchedule, false, "0.0", Range{0, 365},
            "days", "Paid days per case."},
    KeySpec{"benefits.sickness.replacement", Kind::kNumberOrSchedule, false, "0.0", Range{0, 2},
            "share", "Benefit, share of daily insurable earnings."},
    KeySpec{"benefits.employment_injury", Kind::kTable, false, "", kUnbounded, "",
            "Temporary employment-injury benefit."},
    KeySpec{"benefits.employment_injury.incidence", Kind::kNumberOrSchedule, false, "0.0",
            Range{0, 10}, "per year", "Cases per active contributor a year."},
    KeySpec{"benefits.employment_injury.duration_days", Kind::kNumberOrSchedule, false, "0.0",
            Range{0, 365}, "days", "Paid days per case."},
    KeySpec{"benefits.employment_injury.replacement", Kind::kNumberOrSchedule, false, "0.0",
            Range{0, 2}, "share", "Benefit, share of daily insurable earnings."},
    KeySpec{"benefits.unemployment", Kind::kTable, false, "", kUnbounded, "",
            "Unemployment benefit."},
    KeySpec{"benefits.unemployment.incidence", Kind::kNumberOrSchedule, false, "0.0", Range{0, 10},
            "per year", "Cases per active contributor a year."},
    KeySpec{"benefits.unemployment.duration_days", Kind::kNumberOrSchedule, false, "0.0",
            Range{0, 365}, "days", "Paid days per case."},
    KeySpec{"benefits.unemployment.replacement", Kind::kNumberOrSchedule, false, "0.0", Range{0, 2},
            "share", "Benefit, share of daily insurable earnings."},
    KeySpec{"benefits.maternity", Kind::kTable, false, "", kUnbounded, "",
            "Maternity benefit for births to active insured women."},
    KeySpec{"benefits.maternity.duration_days", Kind::kNumberOrSchedule, false, "0.0",
            Range{0, 365}, "days", "Paid days per birth."},
    KeySpec{"benefits.maternity.replacement", Kind::kNumberOrSchedule, false, "0.0", Range{0, 2},
            "share", "Benefit, share of daily insurable earnings."},
    KeySpec{"benefits.health_care", Kind::kTable, false, "", kUnbounded, "",
            "Health care for active members."},
    KeySpec{"benefits.health_care.cost_per_member", Kind::kNumberOrSchedule, false, "0.0",
            kNonNegative, "kip a year",
            "Cost per active member at base-year prices, grown with wages."},
    KeySpec{"benefits.health_care.medical_inflation_excess", Kind::kNumberOrSchedule, false, "0.0",
            kGrowth, "per year", "Growth of the cost per member above wages."},

    KeySpec{"fund", Kind::kTable, false, "", kUnbounded, "",
            "The fund: reserve, returns, allocation, administration, valuation settings."},
    KeySpec{"fund.initial_reserve", Kind::kNumber, false, "0.0", kNonNegative, "kip",
            "Reserve on 1 January of the start year (a warning when 0)."},
    KeySpec{"fund.investment_return", Kind::kNumberOrSchedule, false, "0.0", kGrowth, "per year",
            "Nominal return on the reserve; also the discount rate of the indicators."},
    KeySpec{"fund.allocation", Kind::kTable, false, "", kUnbounded, "",
            "Shares of contributions by branch; they must sum to 1 in every year."},
    KeySpec{"fund.allocation.old_age", Kind::kNumberOrSchedule, false, "1.0", kShare, "share",
            "Old-age branch (pensions and lump sums); by default every contribution goes here."},
    KeySpec{"fund.allocation.invalidity", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Invalidity branch."},
    KeySpec{"fund.allocation.survivors", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Survivors branch (pensions and funeral grants)."},
    KeySpec{"fund.allocation.sickness", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Sickness branch."},
    KeySpec{"fund.allocation.maternity", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Maternity branch."},
    KeySpec{"fund.allocation.employment_injury", Kind::kNumberOrSchedule, false, "0.0", kShare,
            "share", "Employment-injury branch."},
    KeySpec{"fund.allocation.unemployment", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Unemployment branch."},
    KeySpec{"fund.allocation.health_care", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Health-care branch."},
    KeySpec{"fund.administration_share", Kind::kNumberOrSchedule, false, "0.0", kShare, "share",
            "Administration cost, share of contributions."},
    KeySpec{"fund.administration_per_member", Kind::kNumberOrSchedule, false, "0.0", kNonNegative,
            "kip a year",
            "Administration cost per active member, base-year "
            "prices, grown with wages."},
    KeySpec{"fund.government_subsidy", Kind::kNumberOrSchedule, false, "0.0", kNonNegative,
            "kip a year", "Subsidy from the State budget (nominal)."},
    KeySpec{"fund.scaled_premium_period", Kind::kInteger, false, "15", Range{1, 100}, "years",
            "Length of the periods of equilibrium of the scaled premium."},
    KeySpec{"fund.terminal_reserve_years", Kind::kNumber, false, "1.0", Range{0, 100}, "years",
            "Target reserve at the horizon, in years of expenditure, of the second GAP."},
    KeySpec{"fund.typical_career_years", Kind::kIntegerList, false, "[15, 25, 35]", Range{1, 60},
            "years", "Careers for the replacement-rate indicators."},
    KeySpec{"fund.typical_career_earnings", Kind::kNumberList, false, "[1.0]", Range{0.01, 100},
            "multiple", "Earnings of those careers, multiples of the average insurable earnings."},
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
