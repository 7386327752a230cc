// In-memory results of a projection: the population, the workforce and the valuation.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <ssproj/demographic_inputs.h>
#include <ssproj/scenario.h>
#include <ssproj/workforce.h>

namespace ssproj {

// Persons by year, sex and age on 1 July of each year first_year..first_year+size-1.
struct PopulationSeries {
  int first_year = 0;
  std::vector<SexAgeTable> years;

  int last_year() const { return first_year + static_cast<int>(years.size()) - 1; }
  const SexAgeTable& at(int year) const {
    return years.at(static_cast<std::size_t>(year - first_year));
  }
  double total(int year) const;
};

// Demographic events of one projection step (1 July `year` to 1 July `year + 1`), in simulated
// persons (not weighted), by sex. Deaths and emigrants include children born in the step.
// Balance: persons(year + 1) = persons(year) + births - deaths - emigrants + immigrants.
struct DemographicEvents {
  int year = 0;
  std::array<std::int64_t, kNumSexes> births{};
  std::array<std::int64_t, kNumSexes> deaths{};
  std::array<std::int64_t, kNumSexes> emigrants{};
  std::array<std::int64_t, kNumSexes> immigrants{};
};

// Persons of one sex, age band, area and status on 1 July, and the scheme's members among
// them, by scheme (index 0 compulsory, 1 voluntary).
struct WorkforceCell {
  double persons = 0;
  // Insured members as the NSSF counts them: active members, and lapsed voluntary members who
  // paid in one of the last coverage.insured_window_years years.
  std::array<double, kNumSchemes> registered{};
  std::array<double, kNumSchemes> ever_registered{};  // every member, active or lapsed
  std::array<double, kNumSchemes> active{};           // active contributors

  // Every field, for adding up and weighting (engine/tallies.h); a new field goes here too.
  static constexpr auto kFields =
      std::tuple(&WorkforceCell::persons, &WorkforceCell::registered,
                 &WorkforceCell::ever_registered, &WorkforceCell::active);
};
using WorkforceCells = SexBandAreaTable<std::array<WorkforceCell, kNumStatuses>>;

// Contributions of one scheme in a year, kip (nominal).
struct ContributionTotals {
  double contributors = 0;        // active members who paid at least one month
  double insurable_earnings = 0;  // insurable monthly earnings x months paid
  double employer = 0;
  double employee = 0;    // for voluntary members: the member's own contribution
  double government = 0;  // the State's share for public employees

  // Every field, for adding up and weighting (engine/tallies.h); a new field goes here too.
  static constexpr auto kFields =
      std::tuple(&ContributionTotals::contributors, &ContributionTotals::insurable_earnings,
                 &ContributionTotals::employer, &ContributionTotals::employee,
                 &ContributionTotals::government);
};

// Longest expected duration of a survivor pension tracked, in whole years.
inline constexpr int kMaxSurvivorYears = 60;

// Age groups of pensioners in beneficiaries.csv: 15-44 (invalidity pensioners below the old-age
// ages), then 5-year groups 45-49 to 90-94, and 95+. (The workforce's kAgeBandNames end at 65+.)
inline constexpr int kNumPensionerAgeGroups = 12;
inline constexpr std::array<std::string_view, kNumPensionerAgeGroups> kPensionerAgeGroupNames = {
    "15-44", "45-49", "50-54", "55-59", "60-64", "65-69",
    "70-74", "75-79", "80-84", "85-89", "90-94", "95+"};
// The group of a pensioner aged `age` (below 45: the first, 95 and over: the last).
inline constexpr std::size_t pensioner_age_group(int age) {
  return age < 45 ? 0
                  : static_cast<std::size_t>(std::min(kNumPensionerAgeGroups - 1, (age - 40) / 5));
}

// Benefit events and stocks of a year, by sex (index 0 male, 1 female); amounts in kip.
struct BenefitTallies {
  // Old-age and invalidity pensions: new awards this year, recipients on 1 July, the sum of
  // their monthly amounts, the sum of the new awards' monthly amounts and of their reference
  // earnings (for replacement rates).
  std::array<double, kNumSexes> old_age_new{}, old_age_recipients{}, old_age_monthly{},
      old_age_new_monthly{}, old_age_new_reference{};
  std::array<double, kNumSexes> invalidity_new{}, invalidity_recipients{}, invalidity_monthly{},
      invalidity_new_monthly{};
  std::array<double, kNumSexes> lump_sums{}, lump_sum_amount{};  // paid at pensionable age
  std::array<double, kNumSexes> funerals{}, funeral_amount{};    // by sex of the deceased
  // Expected survivor pensions awarded on deaths in the step into this year: monthly amount
  // and number of recipients, by expected duration in whole years (1..kMaxSurvivorYears);
  // spouses by their sex, children all together.
  std::array<std::array<double, kMaxSurvivorYears + 1>, kNumSexes> spouse_new_monthly{},
      spouse_new{};
  std::array<double, kMaxSurvivorYears + 1> child_new_monthly{}, child_new{};
  // For the short-term branches: births to active insured women in the step into this year,
  // active contributors and the sum of their monthly insurable earnings, by sex.
  double births_to_insured = 0;
  std::array<double, kNumSexes> active{}, active_insurable_monthly{};
  // Persons at or above pensionable age, for the old-age coverage ratio.
  std::array<double, kNumSexes> above_pensionable_age{};
  // Old-age and invalidity pensions by sex and pensioner age group (pensioner_age_group of the
  // age on 1 July): new awards, recipients and the sum of their monthly amounts. Each adds up
  // over the groups to the field of the same name above.
  using ByAgeGroup = std::array<std::array<double, kNumPensionerAgeGroups>, kNumSexes>;
  ByAgeGroup old_age_new_by_age{}, old_age_recipients_by_age{}, old_age_monthly_by_age{};
  ByAgeGroup invalidity_new_by_age{}, invalidity_recipients_by_age{}, invalidity_monthly_by_age{};
  // Rights accrued to date by members without a benefit, by [sex][age] on 1 July, for the
  // accrued-to-date liability (fund/liabilities.h): members (active: contributing this year;
  // deferred: registered, not active, with credited months), and the sums of their accrued
  // monthly pensions (enough months for a pension) and of their accrued lump sums (fewer), at
  // this year's wage level, from the months credited before this year's contributions. Tallied
  // in the valuation year (projection.start_year) only; zero in the other years.
  SexAgeTable accrued_active{}, accrued_active_monthly{}, accrued_active_lump_sum{};
  SexAgeTable accrued_deferred{}, accrued_deferred_monthly{}, accrued_deferred_lump_sum{};

  // Every field, for adding up and weighting (engine/tallies.h); a new field goes here too.
  static constexpr auto kFields = std::tuple(
      &BenefitTallies::old_age_new, &BenefitTallies::old_age_recipients,
      &BenefitTallies::old_age_monthly, &BenefitTallies::old_age_new_monthly,
      &BenefitTallies::old_age_new_reference, &BenefitTallies::invalidity_new,
      &BenefitTallies::invalidity_recipients, &BenefitTallies::invalidity_monthly,
      &BenefitTallies::invalidity_new_monthly, &BenefitTallies::lump_sums,
      &BenefitTallies::lump_sum_amount, &BenefitTallies::funerals, &BenefitTallies::funeral_amount,
      &BenefitTallies::spouse_new_monthly, &BenefitTallies::spouse_new,
      &BenefitTallies::child_new_monthly, &BenefitTallies::child_new,
      &BenefitTallies::births_to_insured, &BenefitTallies::active,
      &BenefitTallies::active_insurable_monthly, &BenefitTallies::above_pensionable_age,
      &BenefitTallies::old_age_new_by_age, &BenefitTallies::old_age_recipients_by_age,
      &BenefitTallies::old_age_monthly_by_age, &BenefitTallies::invalidity_new_by_age,
      &BenefitTallies::invalidity_recipients_by_age, &BenefitTallies::invalidity_monthly_by_age,
      &BenefitTallies::accrued_active, &BenefitTallies::accrued_active_monthly,
      &BenefitTallies::accrued_active_lump_sum, &BenefitTallies::accrued_deferred,
      &BenefitTallies::accrued_deferred_monthly, &BenefitTallies::accrued_deferred_lump_sum);
};

// What one intervention did in a year (simulated persons, weighted like the other tallies).
// See docs/interventions.md for what "reached" means for each type.
struct InterventionTally {
  double targeted = 0;          // persons in its target on 1 July
  double reached = 0;           // persons it reached this year
  double attended = 0;          // mobile: uncovered persons who came to a visit; information:
                                // persons newly aware; others: as reached
  double registered = 0;        // registrations and reactivations it caused this year
  double lapsed_prevented = 0;  // active members who would have stopped paying without it
  double subsidy = 0;           // contribution subsidy paid, kip (nominal)
  double users = 0;             // digital services: active members with access

  // Every field, for adding up and weighting (engine/tallies.h); a new field goes here too.
  static constexpr auto kFields = std::tuple(
      &InterventionTally::targeted, &InterventionTally::reached, &InterventionTally::attended,
      &InterventionTally::registered, &InterventionTally::lapsed_prevented,
      &InterventionTally::subsidy, &InterventionTally::users);
};

// The persons aged 15 or more of one place (a province or named district) or sector on 1 July,
// and the scheme's members among them (simulated persons, weighted like the other tallies).
// For a sector: its workers only.
struct PlaceTally {
  double persons = 0;   // aged 15 or more, pensioners included
  double employed = 0;  // in an employed status
  double insured = 0;   // insured as the NSSF counts them (WorkforceCell::registered)
  double active = 0;    // active contributors

  static constexpr auto kFields = std::tuple(&PlaceTally::persons, &PlaceTally::employed,
                                             &PlaceTally::insured, &PlaceTally::active);
};

// The workforce and the scheme on 1 July `year`, and the contributions of calendar year `year`
// (computed from that mid-year state).
struct WorkforceYear {
  int year = 0;
  WorkforceCells cells{};
  std::array<ContributionTotals, kNumSchemes> contributions{};  // by scheme_index
  // Benefits of each scheme's members and pensioners (the valuation values each scheme), and of
  // all schemes together (their sum, with the persons above pensionable age, which belong to
  // no scheme).
  std::array<BenefitTallies, kNumSchemes> scheme_benefits{};  // by scheme_index
  BenefitTallies benefits{};
  std::vector<InterventionTally> interventions;  // one per [[interventions]] entry, in order
  // By place and sector: one per province (WorkforceInputs::provinces: the regions without
  // data.provinces), then one per named district, then one per sector.
  std::vector<PlaceTally> places;

  // The tallies (every field but the year), for adding up and weighting (engine/tallies.h).
  static constexpr auto kFields = std::tuple(
      &WorkforceYear::cells, &WorkforceYear::contributions, &WorkforceYear::scheme_benefits,
      &WorkforceYear::benefits, &WorkforceYear::interventions, &WorkforceYear::places);
};

// One branch (or the pooled total) in calendar year `year`, kip. Identity, exactly as computed:
//   reserve_end = reserve_start + contributions + government + investment_income
//                 - benefits - administration
// with investment income = return x (reserve_start + (contributions + government - benefits
// - administration) / 2): cash flows at mid-year.
struct BranchYear {
  double reserve_start = 0;
  double contributions = 0;
  double government = 0;
  double investment_income = 0;
  double benefits = 0;
  double administration = 0;
  double reserve_end = 0;
  double paygo_cost_rate = 0;  // (benefits + administration) / insurable earnings
  double reserve_ratio = 0;    // reserve_end / (benefits + administration); NaN without outgo
};

struct FundYear {
  int year = 0;
  double insurable_earnings = 0;  // of all contributors, kip
  double price_index = 1;         // consumer prices relative to the base year
  double gdp = 0;                 // nominal GDP, kip (0 when the scenario gives none)
  // The accounts of all schemes (index: kTotalAccount, kPensionsAccount or a branch).
  std::array<BranchYear, kNumAccounts> branches{};
  // Each scheme's accounts (by scheme_index), with the same identity; the accounts of all
  // schemes above are kept with their own reserve, so they equal the sums of these up to
  // rounding.
  std::array<std::array<BranchYear, kNumAccounts>, kNumSchemes> schemes{};
};

// A row of beneficiaries.csv. average_amount: monthly for pensions, per case for grants,
// lump sums and short-term cases, per member a year for health care.
struct BeneficiaryRow {
  int year = 0;
  std::string scheme;  // private, voluntary, civil_servant, or total
  std::string benefit;
  std::string sex;  // male, female, or all
  double new_awards = 0;
  double recipients = 0;
  double average_amount = 0;
  // "all", or for old_age and invalidity also each of kPensionerAgeGroupNames (the column
  // after sex in the file; last here so that the rows above keep their initialisers).
  std::string age_group = "all";
};

// A row of replacement_rates.csv: the pension of a typical career awarded in `year` under the
// old-age rules of `scheme` (fund/replacement_rates.h). NaN: not applicable (an empty field).
struct ReplacementRateRow {
  int year = 0;  // award year
  std::string scheme;
  std::string sex;
  int entry_age = 0;
  int career_years = 0;
  double earnings_multiple = 0;  // of the average insurable earnings of active contributors
  int award_age = 0;
  double monthly_pension = 0;  // kip of the award year; 0 below the minimum months
  double replacement_rate = 0;
  double replacement_rate_after_10_years = 0;
  double c102_benchmark = 0;  // 0.40 for careers of 30 years or more, NaN for shorter ones
  double meets_c102 = 0;      // 1 or 0; NaN for careers shorter than 30 years
};

// A row of indicators.csv: one value, and what it is of. Fields that do not apply are empty:
// 0 for the integers, NaN for earnings_multiple, "" for the strings. `value` is NaN when the
// event does not happen within the horizon (a depletion year, say).
struct Indicator {
  std::string indicator;
  std::string scheme = "all";  // private, voluntary, civil_servant, or all
  std::string group = {};      // an account of kAccountNames (financing group or branch)
  int year = 0;                // the year of a yearly indicator
  int period_start = 0;        // the period of a horizon indicator, first and last year
  int period_end = 0;
  int career_years = 0;  // typical career of a replacement rate
  double earnings_multiple = std::numeric_limits<double>::quiet_NaN();
  double value = 0;
  std::string unit;  // "year" marks a year-valued indicator: across replications, its median
};

// A row of interventions.csv: what one intervention did and cost in a year. Persons as in
// InterventionTally; money in kip at the prices of the year (the inputs, at base-year prices,
// grown with the price index).
struct InterventionYear {
  int year = 0;
  std::string intervention;  // its name
  std::string type;
  double targeted = 0;
  double reached = 0;
  double attended = 0;
  double registered = 0;
  double lapsed_prevented = 0;
  double cost = 0;              // everything the government spends on it, subsidy included
  double subsidy_cost = 0;      // of which the contribution subsidy (paid into the fund)
  double sanction_revenue = 0;  // fines collected (enforcement), not counted in the fund
};

// The accrued-to-date liability of a scheme (or of all schemes, scheme "total") on 1 January
// of the first year valued, kip of that year (fund/liabilities.h, docs/methodology.md):
// present values of the pensions in payment and of the rights active and deferred members have
// earned, against the reserve of the pension branches (old age, invalidity, survivors).
struct SchemeLiability {
  std::string scheme;               // private, voluntary, civil_servant, or total
  double pensions_in_payment = 0;   // old-age, invalidity and survivor pensions of the stock
  double active_members = 0;        // rights of active members
  double deferred_members = 0;      // rights of deferred (lapsed) members
  double accrued = 0;               // the accrued-to-date liability: the sum of the three
  double lump_sums = 0;             // of active and deferred: members below the minimum months
  double reserve = 0;               // initial reserve x scheme share x pension branches' allocation
  double reserve_all_branches = 0;  // initial reserve x scheme share
  double implicit_debt = 0;         // accrued - reserve
  double funding_ratio = 0;         // reserve / accrued; NaN when accrued is 0
  // Persons: pensioners of the stock (with survivors), active and deferred members.
  double pensioners = 0, active = 0, deferred = 0;
};

// The valuation of one replication, from its workforce years: valuate() (valuation.h), which
// simulate() calls for each replication.
struct Valuation {
  std::vector<FundYear> years;
  std::vector<InterventionYear> interventions;  // by year, then in the scenario's order
  std::vector<BeneficiaryRow> beneficiaries;
  std::vector<Indicator> indicators;
  std::vector<ReplacementRateRow> replacement_rates;
  // Per scheme (by scheme_index), then the total of all schemes; empty without workforce years.
  std::vector<SchemeLiability> liabilities;
};

// The value of the horizon indicator `name` of one account of one scheme ("all": every scheme),
// over the whole horizon (for scaled_premium: the first period); NaN when there is none.
double horizon_indicator(const Valuation& v, std::string_view name,
                         std::string_view group = "total", std::string_view scheme = "all");

// One replication of the microsimulation. Counts and amounts are weighted by
// 1 / sample_fraction.
struct ReplicationResult {
  PopulationSeries population;            // weighted persons (simulated persons / sample fraction)
  std::vector<DemographicEvents> events;  // one per step, from the base year to end_year - 1
  // One per year start_year..end_year; empty when the scenario has no workforce data.
  std::vector<WorkforceYear> workforce;
  double person_years = 0;  // simulated person-years (persons alive at each step)
};

struct ProjectionResults {
  PopulationSeries cohort;                      // deterministic cohort-component projection
  std::vector<ReplicationResult> replications;  // microsimulation, in replication order
  // The valuation of each replication's workforce years, in replication order; empty when the
  // scenario has no workforce data.
  std::vector<Valuation> valuations;
  double person_years = 0;  // summed over replications
  // The [[uncertain]] inputs' drawn values, [replication][input] in the order of
  // Scenario::uncertain; empty without uncertain inputs.
  std::vector<std::vector<double>> draws;
};

}  // namespace ssproj
