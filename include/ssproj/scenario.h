// A scenario: everything that defines *what* is projected, validated and immutable.
//
// Example:
//   ssproj::Scenario s = ssproj::load_scenario("scenarios/lao/baseline.toml");
//   ssproj::ProjectionResults r = ssproj::simulate(s, ssproj::RunOptions{});
//
// The scenario file format (TOML) is documented key by key in docs/scenario-reference.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <ssproj/demographic_inputs.h>
#include <ssproj/error.h>
#include <ssproj/schedule.h>
#include <ssproj/workforce.h>

namespace ssproj {

// One [[interventions]] entry (src/interventions/intervention.h: the intervention types are
// internal to the library).
struct Intervention;

// The version of the scenario file format that this build reads.
inline constexpr int kSchemaVersion = 1;

// [projection]
struct ProjectionSettings {
  // First and last year written to the output tables; stocks refer to 1 July of each year.
  // start_year >= the base population's year (years in between are simulated but not written).
  int start_year{};
  int end_year{};
  // Master seed of the counter-based random numbers. Default 1.
  std::uint64_t seed{};
  // Share of the population simulated, in (0, 1]; each simulated person stands for
  // 1 / sample_fraction persons. Default 1.
  double sample_fraction{};
  // Independent replications of the microsimulation, >= 1. Default 1.
  int replications{};

  // Prices of the output tables' money amounts: "current" (nominal) or "constant" (base year).
  std::string prices;
  // The stages simulated: "all", "labour" (demography and labour statuses) or "demography".
  std::string stages;
  // How replications draw the [[uncertain]] inputs: "random", "latin_hypercube" or "none" (no
  // draws: Scenario::uncertain is then empty).
  std::string sampling;

  friend bool operator==(const ProjectionSettings&, const ProjectionSettings&) = default;
};

// [data]: paths of the data tables, resolved against the scenario file that named them.
struct DataFiles {
  std::filesystem::path base_population;
  std::filesystem::path mortality;
  std::filesystem::path fertility;
  std::filesystem::path sex_ratio_at_birth;
  std::filesystem::path net_migration;
  std::filesystem::path regions;
  std::filesystem::path labour_status_shares;
  std::filesystem::path labour_transitions;
  std::filesystem::path earnings;
  std::filesystem::path age_earnings_profile;
  std::filesystem::path invalidity;     // incidence by sex and age band
  std::filesystem::path survivors;      // probability and duration of survivors by sex, age band
  std::filesystem::path pensioners;     // pensions in payment at the valuation date
  std::filesystem::path service;        // credited years of active members at the valuation date
  std::filesystem::path provinces;      // provinces: region, population, urban share
  std::filesystem::path districts;      // named districts: province, population, office
  std::filesystem::path sector_shares;  // workers' sectors by status and area
};

// [demography]: scenario multipliers on the demographic data (sensitivity analyses).
// Each is a number or schedule, applied to the projection step that starts in that year.
struct DemographyAssumptions {
  Schedule mortality_multiplier;  // on every m_x, >= 0
  Schedule fertility_multiplier;  // on every ASFR, >= 0
  Schedule migration_multiplier;  // on every net migrant count
  // What data.mortality gives: "mx" (central death rates) or "qx" (probabilities of dying by
  // the age reached in the step).
  std::string mortality_measure;
  // "exposure" (births over the step) or "end_of_step" (to the survivors, by the age reached).
  std::string birth_timing;

  friend bool operator==(const DemographyAssumptions&, const DemographyAssumptions&) = default;
};

// How a money amount grows after the last year its schedule lists.
enum class Indexation { kNone, kPrices, kWages, kFixed };
inline constexpr std::array<std::string_view, 4> kIndexationNames = {"none", "prices", "wages",
                                                                     "fixed"};

// [economy]: nominal growth. The wage index is 1 in the base year and grows each year by
// (1 + inflation)(1 + real_wage_growth); the price index by (1 + inflation).
struct EconomyAssumptions {
  Schedule inflation;         // annual change of consumer prices
  Schedule real_wage_growth;  // annual real growth of earnings
  Schedule minimum_wage;      // kip per month, in force on 1 July
  // Gross domestic product of the base year, kip at current prices (0: not given), and its
  // real growth; nominal GDP grows with real growth and inflation.
  double gdp{};
  Schedule real_gdp_growth;
  // Growth of the minimum wage after the last year listed in `minimum_wage`.
  Indexation minimum_wage_indexation{};
  // Real discount rate of programme costs in compare's decision measures (not the valuation's).
  double social_discount_rate{};

  friend bool operator==(const EconomyAssumptions&, const EconomyAssumptions&) = default;
};

// [labour]
struct LabourAssumptions {
  // Structural change: share of the moves into informal_employee that go to
  // formal_private_employee instead, by year.
  Schedule formalisation_shift;  // of every probability into
                                 // informal_employee
  // Standard deviation of log individual earnings (a lognormal factor with mean 1).
  double earnings_dispersion{};

  friend bool operator==(const LabourAssumptions&, const LabourAssumptions&) = default;
};

// [coverage]
struct CoverageAssumptions {
  // Share of employees whom employers register, by status (only the compulsory statuses
  // public_employee, formal_private_employee and domestic_worker are read).
  std::array<Schedule, kNumStatuses> compliance;
  // Multiplier on compliance by region (index of WorkforceInputs::regions); 1 when absent.
  std::vector<Schedule> compliance_factor_by_region;
  // First year in which domestic workers fall under the compulsory scheme; 0: never.
  int domestic_worker_mandate_year{};
  // Share of earnings that employers do not declare.
  Schedule underdeclaration;
  // Voluntary scheme, annual probabilities: an uncovered worker registers; an active
  // member stops paying; a lapsed member pays again.
  Schedule registration_hazard;
  Schedule lapse_hazard;
  Schedule reactivation_hazard;
  // Contribution density: expected share of the 12 months an active member pays.
  Schedule density_compulsory;
  Schedule density_voluntary;
  // Members at the base year.
  double initial_voluntary_members{};       // persons
  double initial_voluntary_active_share{};  // share of them contributing
  // A lapsed voluntary member counts as insured (registered) while they paid in one of this
  // many years before the current one.
  int insured_window_years{};
  // Contribution history credited to members at the base year: the years since this year
  // (or since age 18, whichever is later), at the scheme's density.
  int history_start_year_compulsory{};
  int history_start_year_voluntary{};

  friend bool operator==(const CoverageAssumptions&, const CoverageAssumptions&) = default;
};

// [contributions]: rates as shares of insurable earnings.
struct ContributionRules {
  Schedule private_employer_rate;
  Schedule private_employee_rate;
  Schedule public_employee_rate;
  Schedule public_state_rate;
  Schedule voluntary_rate;
  // Insurable earnings are between the minimum wage (floor) and the ceiling: a fixed amount
  // in kip per month, or, when ceiling_multiple_of_minimum_wage > 0, that multiple.
  Schedule ceiling;
  // Growth of the fixed ceiling after its last listed year (the base year for a scalar).
  Indexation ceiling_indexation{};
  Schedule ceiling_multiple_of_minimum_wage;
  // Voluntary members declare this multiple of the minimum wage (at most the ceiling).
  Schedule voluntary_declared_multiple;

  friend bool operator==(const ContributionRules&, const ContributionRules&) = default;
};

// [benefits]: the scheme's rules. Amounts in kip are at the prices of the year they apply to.
struct OldAgeRules {
  std::array<Schedule, kNumSexes> pensionable_age;
  Schedule minimum_months;  // contribution months for a pension
  Schedule accrual;         // per year of contributions
  // Reference earnings: average monthly insurable earnings of the last N calendar years
  // (1..5), revalued with wages; 0: the revalued career average.
  int reference_years{};
  Schedule minimum_pension;      // multiple of the minimum wage
  Schedule maximum_replacement;  // cap, share of reference earnings
  Indexation indexation{};       // of pensions in payment
  Schedule fixed_indexation;     // the rate when indexation is kFixed
  // Not eligible at pensionable age: a lump sum of this many months of reference earnings
  // per year of contributions.
  Schedule lump_sum_months_per_year;
  // Probability of claiming in a year once eligible (1: claim at eligibility).
  Schedule claim_probability;
  // Pensioners at the base year and their average monthly pension (base-year kip).
  double initial_pensioners{};
  double initial_average_pension{};

  friend bool operator==(const OldAgeRules&, const OldAgeRules&) = default;
};

struct InvalidityRules {
  Schedule minimum_months;
  // Share of the years missing to pensionable age that are credited.
  Schedule future_service_credit;

  friend bool operator==(const InvalidityRules&, const InvalidityRules&) = default;
};

struct SurvivorRules {
  Schedule minimum_months;  // of a member who dies while not retired
  Schedule spouse_share;    // of the deceased's pension or earnings
  Schedule child_share;     // per child
  Schedule funeral_grant;   // multiple of the minimum wage

  friend bool operator==(const SurvivorRules&, const SurvivorRules&) = default;
};

// A short-term cash branch by the cost-rate method: cases per active contributor a year x days
// x replacement x daily insurable earnings.
struct ShortTermRules {
  Schedule incidence;
  Schedule duration_days;
  Schedule replacement;

  friend bool operator==(const ShortTermRules&, const ShortTermRules&) = default;
};

// The old-age rules of one scheme where they differ from [benefits.old_age]; an absent value
// is the [benefits.old_age] one.
struct SchemeOldAgeRules {
  std::optional<Schedule> minimum_months;
  std::optional<Schedule> accrual;
  std::optional<int> reference_years;
  std::optional<Schedule> lump_sum_months_per_year;

  friend bool operator==(const SchemeOldAgeRules&, const SchemeOldAgeRules&) = default;
};

struct BenefitRules {
  OldAgeRules old_age;
  // [benefits.private], [benefits.voluntary], [benefits.civil_servant]: each scheme's own rules.
  SchemeOldAgeRules private_scheme;
  SchemeOldAgeRules voluntary_scheme;
  SchemeOldAgeRules civil_servant_scheme;
  InvalidityRules invalidity;
  SurvivorRules survivors;
  ShortTermRules sickness;
  ShortTermRules employment_injury;
  ShortTermRules unemployment;
  // Maternity: births to active insured women x days x replacement x daily earnings.
  Schedule maternity_duration_days;
  Schedule maternity_replacement;
  // Health care: kip per active member a year at base-year prices, grown with wages and the
  // excess medical inflation.
  Schedule health_care_cost_per_member;
  // "cost_per_member" (the fund pays the cost of care) or "pass_through" (the health branch's
  // share of contributions is passed on to the National Health Insurance in the same year).
  std::string health_care_financing;
  Schedule medical_inflation_excess;

  friend bool operator==(const BenefitRules&, const BenefitRules&) = default;
};

// The fund's branches, in the order of finance.csv.
enum class Branch : std::uint8_t {
  kOldAge = 0,
  kInvalidity,
  kSurvivors,
  kSickness,
  kMaternity,
  kEmploymentInjury,
  kUnemployment,
  kHealthCare,
};
inline constexpr int kNumBranches = 8;
inline constexpr std::array<std::string_view, kNumBranches> kBranchNames = {
    "old_age",   "invalidity",        "survivors",    "sickness",
    "maternity", "employment_injury", "unemployment", "health_care"};

// The accounts the valuation keeps, each with its own reserve and indicators: every branch, the
// pooled total of all branches, and the financing group of the pension branches (old age,
// invalidity and survivors), which ILO valuations treat as one fund. The short-term branches are
// each their own financing group. Index order of FundYear and of finance.csv's rows is
// branches, pensions, total; the total keeps index kNumBranches.
inline constexpr int kNumAccounts = kNumBranches + 2;
inline constexpr std::size_t kTotalAccount = kNumBranches;
inline constexpr std::size_t kPensionsAccount = kNumBranches + 1;
inline constexpr std::array<std::string_view, kNumAccounts> kAccountNames = {
    "old_age",           "invalidity",   "survivors",   "sickness", "maternity",
    "employment_injury", "unemployment", "health_care", "total",    "pensions"};
// Whether branch `branch` is part of account `account`.
constexpr bool account_has(std::size_t account, std::size_t branch) {
  return account == branch || account == kTotalAccount ||
         (account == kPensionsAccount && branch <= static_cast<std::size_t>(Branch::kSurvivors));
}
// The order in which outputs list the accounts: the branches, the pension group, the total.
inline constexpr std::array<std::size_t, kNumAccounts> kAccountOrder = {
    0, 1, 2, kPensionsAccount, 3, 4, 5, 6, 7, kTotalAccount};

// [fund]
struct FundAssumptions {
  double initial_reserve{};  // kip on 1 January of the start year
  // Shares of the initial reserve held by each scheme (by scheme_index; sum 1, may be negative:
  // a scheme whose past deficits the others financed).
  std::array<double, kNumSchemes> initial_reserve_share{};
  Schedule investment_return;  // nominal, per year
  // Shares of contributions (and of the reserve, subsidies and administration) by branch;
  // by default everything goes to the old-age branch.
  std::array<Schedule, kNumBranches> allocation;
  Schedule administration_share;       // of contributions
  Schedule administration_per_member;  // kip a year, base prices
  Schedule government_subsidy;         // kip a year, nominal
  // Valuation: horizon of the indicators, periods of the scaled premium, terminal reserve
  // target of the second GAP (in years of expenditure).
  int scaled_premium_period{};
  double terminal_reserve_years{};
  // Typical careers for replacement rates: years of contributions, at these multiples of the
  // average insurable earnings of active members.
  std::vector<int> typical_career_years{};
  std::vector<double> typical_career_earnings{};
  // replacement_rates.csv: the entry ages of those careers, and the award years: the first
  // year valued, every replacement_rate_interval years after it, and the last year.
  std::vector<int> typical_entry_ages{};
  int replacement_rate_interval{};

  friend bool operator==(const FundAssumptions&, const FundAssumptions&) = default;
};

// Every field that a scenario key sets starts at the key's default from the key table
// (src/scenario/schema.cpp; docs/scenario-reference.md §6): a default-constructed Scenario is
// the scenario of a file that writes no optional key.
// One [[uncertain]] entry: a key whose value each replication draws (docs/uncertainty.md).
struct UncertainInput {
  std::string key;           // "fund.investment_return", "interventions.NAME.conversion"
  std::string distribution;  // normal | lognormal | uniform | triangular | beta
  std::string apply;         // value | shift | factor
  std::string reason;
  // The distribution's parameters (those of its type; the others are 0).
  double mean = 0, sd = 0, min = 0, max = 0, mode = 0, alpha = 0, beta = 0;
  // Where the entry's key is written, for messages.
  std::string file;
  int line = 0, column = 0;
};

struct Scenario {
  Scenario();
  ~Scenario();
  Scenario(const Scenario&);
  Scenario(Scenario&&) noexcept;
  Scenario& operator=(const Scenario&);
  Scenario& operator=(Scenario&&) noexcept;

  int schema_version = kSchemaVersion;
  std::string name;
  std::string description;
  std::filesystem::path file;  // the scenario file that was loaded (top of any extends chain)

  ProjectionSettings projection;
  DataFiles data;
  DemographyAssumptions demography;
  EconomyAssumptions economy;
  LabourAssumptions labour;
  CoverageAssumptions coverage;
  ContributionRules contributions;
  BenefitRules benefits;
  FundAssumptions fund;
  // [[interventions]], in the order written (docs/interventions.md).
  std::vector<Intervention> interventions;
  // [[uncertain]], in the order written (docs/uncertainty.md): keys each replication draws.
  std::vector<UncertainInput> uncertain;
  // The --set arguments the scenario was loaded with (ScenarioOverrides::set): a replication
  // with uncertain inputs is loaded again with its draws before them.
  std::vector<std::string> set_arguments;

  // The data tables named in [data], loaded and validated.
  DemographicInputs inputs;
  WorkforceInputs workforce;

  // Whether the scenario models the workforce and the scheme: the labour tables are given in
  // [data] (all of them, or none for a projection of the population only).
  bool has_workforce() const { return !workforce.regions.empty(); }
  // Whether the scheme, the fund and the valuation run: the workforce tables are given and
  // projection.stages is "all". With stages "labour" only the labour statuses are simulated.
  bool runs_scheme() const { return has_workforce() && projection.stages == "all"; }
  bool labour_only() const { return has_workforce() && projection.stages == "labour"; }

  // Things that are valid but deserve the user's attention (for example a fund that starts
  // with no reserve); printed by the command line before a run.
  std::vector<Diagnostic> warnings;

  // Where some keys were written, for messages about the scenario as a whole (compare,
  // sensitivity: "cannot be compared with the baseline"): the file, line and column of the
  // value, or "command line..." for a value an option gave. Recorded for the keys of
  // kPlacedKeys that the scenario writes.
  struct Place {
    std::string file;
    int line = 0;
    int column = 0;
  };
  static constexpr std::array<std::string_view, 8> kPlacedKeys = {
      "projection.start_year",      "projection.end_year",
      "projection.stages",          "projection.seed",
      "projection.sample_fraction", "projection.replications",
      "data.base_population",       "data.regions"};
  std::map<std::string, Place, std::less<>> places;

  // The fully resolved scenario (extends merged, defaults filled in, command-line overrides
  // applied, data paths relative to the directory of `file`) as TOML text: keys in the order
  // of the key table whatever order the files give (the same values give the same text),
  // numbers as their shortest round-trip text, no comments. This is what manifest.json hashes;
  // `ssproj describe` prints it in the files' order with the keys' descriptions
  // (describe_scenario).
  std::string resolved_toml;
};

// Values given on the command line that replace the scenario's own.
struct ScenarioOverrides {
  std::optional<std::uint64_t> seed;
  std::optional<int> replications;
  std::optional<double> sample_fraction;
  // Changes of any key (`ssproj ... --set ARG`), applied in order to the merged scenario (after
  // `extends`, before the checks; seed, replications and sample_fraction above are applied after
  // them). Each ARG is one of
  //   "KEY=VALUE"   VALUE a TOML value (number, string, boolean, array, inline table such as a
  //                 schedule "{2023=0.08,2040=0.05}"), or a string when it is not valid TOML;
  //                 the tables above KEY are created as needed;
  //   "KEY+=X"      X a number, added to a number, to every year value of a schedule or to every
  //   "KEY*=X"      element of an array of numbers (multiplied with *=); a key the scenario does
  //                 not set starts from its default. An integer stays an integer while the
  //                 result is whole; a fractional result of an integer key is an error.
  // A bad argument, or a value out of range, is reported like a bad key in a file, located at
  // "command line: --set ARG" (docs/scenario-reference.md §"Changing a key from the command
  // line").
  std::vector<std::string> set;
  // Set when `set` begins with a replication's draws of the [[uncertain]] inputs
  // (uncertainty::scenario_for_replication): the check of the inputs' extremes is not repeated.
  bool draws = false;
};

// Reads, merges (`extends`), validates and loads a scenario and its data tables.
// Every problem in the files is collected before anything is thrown.
// @throws ScenarioError with all diagnostics when anything is invalid.
Scenario load_scenario(const std::filesystem::path& file, const ScenarioOverrides& overrides = {});

// The resolved scenario as `ssproj describe` prints it: Scenario::resolved_toml with its keys in
// the order the files of `scenario.file`'s extends chain give them (a base file's first; keys no
// file writes after them) and each key's description from the key table as a comment above it.
std::string describe_scenario(const Scenario& scenario);

// The key tables of docs/scenario-reference.md §6 as Markdown, generated from the key table
// (`ssproj describe --reference`): one table per section, between marker comments.
std::string scenario_key_reference();

}  // namespace ssproj
