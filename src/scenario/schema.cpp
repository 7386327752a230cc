#include "scenario/schema.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "interventions/intervention.h"

namespace ssproj::scenario {
namespace {}  // namespace

const std::string& targeted_type_names(bool voluntary_only) {
  static const auto join = [](bool voluntary) {
    std::string out;
#define SSPROJ_NAME_IF(type, enumerator)                                                          \
  if (interventions::type::kTargeted && (!voluntary || interventions::type::kVoluntaryChannel)) { \
    out += (out.empty() ? "" : "|") + std::string(interventions::type::kName);                    \
  }
    SSPROJ_INTERVENTION_TYPES(SSPROJ_NAME_IF)
#undef SSPROJ_NAME_IF
    return out;
  };
  static const std::string targeted = join(false), voluntary = join(true);
  return voluntary_only ? voluntary : targeted;
}

namespace {

const std::string& all_type_names() {
  static const std::string names = [] {
    std::string out;
    for (std::string_view n : kInterventionTypeNames)
      out += (out.empty() ? "" : "|") + std::string(n);
    return out;
  }();
  return names;
}

// Markers in the rows below for lists derived from the types, substituted when the table is
// assembled (scenario_keys()).
constexpr std::string_view kTypes = "{types}";
constexpr std::string_view kTargeted = "{targeted}";
constexpr std::string_view kVoluntaryChannels = "{voluntary}";

// The rows of the keys, parents before children; the keys of each intervention type follow, from
// its file in interventions/types/. The tables of docs/scenario-reference.md §6 are generated
// from these rows (ssproj describe --reference; a test compares them).
// The old-age rules one scheme may set for itself ([benefits.NAME]); an absent key follows
// [benefits.old_age]. One declaration for the three schemes.
#define SSPROJ_SCHEME_RULE_KEYS(NAME, MEMBER, WHO)                                                 \
  KeySpec{.path = "benefits." NAME,                                                                \
          .kind = Kind::kTable,                                                                    \
          .description = "Old-age rules of " WHO " where they differ from `benefits.old_age`."},   \
      KeySpec{.path = "benefits." NAME ".minimum_months",                                          \
              .kind = Kind::kNumberOrSchedule,                                                     \
              .range = Range{0, 1200},                                                             \
              .units = "months",                                                                   \
              .description = "Contribution months needed for an old-age pension in " WHO ".",      \
              .default_note = "(`benefits.old_age.minimum_months`)",                               \
              .bind = field<&Scenario::benefits, &BenefitRules::MEMBER,                            \
                            &SchemeOldAgeRules::minimum_months>},                                  \
      KeySpec{                                                                                     \
          .path = "benefits." NAME ".accrual",                                                     \
          .kind = Kind::kNumberOrSchedule,                                                         \
          .range = Range{0, 0.1},                                                                  \
          .units = "share of reference earnings per year of contributions",                        \
          .description = "Accrual rate of the old-age and invalidity pensions of " WHO ".",        \
          .default_note = "(`benefits.old_age.accrual`)",                                          \
          .bind = field<&Scenario::benefits, &BenefitRules::MEMBER, &SchemeOldAgeRules::accrual>}, \
      KeySpec{.path = "benefits." NAME ".reference_years",                                         \
              .kind = Kind::kInteger,                                                              \
              .range = Range{0, 5},                                                                \
              .units = "years",                                                                    \
              .description = "Years of reference earnings of " WHO " (0: career average).",        \
              .default_note = "(`benefits.old_age.reference_years`)",                              \
              .bind = field<&Scenario::benefits, &BenefitRules::MEMBER,                            \
                            &SchemeOldAgeRules::reference_years>},                                 \
      KeySpec {                                                                                    \
    .path = "benefits." NAME ".lump_sum_months_per_year", .kind = Kind::kNumberOrSchedule,         \
    .range = Range{0, 120}, .units = "months of reference earnings per year of contributions",     \
    .description = "Lump sum of a member of " WHO                                                  \
                   " who reaches pensionable age "                                                 \
                   "without the months for a pension.",                                            \
    .default_note = "(`benefits.old_age.lump_sum_months_per_year`)",                               \
    .bind = field<&Scenario::benefits, &BenefitRules::MEMBER,                                      \
                  &SchemeOldAgeRules::lump_sum_months_per_year>                                    \
  }

const std::array kKeys = {
    KeySpec{.path = "schema_version",
            .kind = Kind::kInteger,
            .required = true,
            .range = Range{1, 1},
            .description = "Version of the scenario file format. This build reads version 1 only; "
                           "any other value is reported as `unsupported schema version`.",
            .bind = field<&Scenario::schema_version>},
    KeySpec{.path = "name",
            .kind = Kind::kString,
            .required = true,
            .description = "Short name of the scenario. Recorded in `manifest.json` and printed in "
                           "the run summary.",
            .bind = field<&Scenario::name>},
    KeySpec{.path = "description",
            .kind = Kind::kString,
            .default_toml = "\"\"",
            .description = "What the scenario represents and where its numbers come from.",
            .bind = field<&Scenario::description>},
    KeySpec{.path = "extends",
            .kind = Kind::kPath,
            .description =
                "Scenario file this one is based on, relative to this file; merged deeply, "
                "this file wins ([§3](#3-extends-building-on-another-scenario)).",
            .default_note = "(no base file)"},
    KeySpec{.path = "interventions_mode",
            .kind = Kind::kChoice,
            .description =
                "What this file's `[[interventions]]` entries do to those of the file it "
                "extends: `append` adds them after the base file's entries, `replace` drops the "
                "base file's. Required when both files write entries; an error in a file that "
                "writes none ([§3](#3-extends-building-on-another-scenario)).",
            .choices = "append|replace",
            .default_note = "(required when the file extended has entries)"},
    KeySpec{.path = "projection",
            .kind = Kind::kTable,
            .required = true,
            .description = "Horizon and sampling."},
    KeySpec{.path = "projection.start_year",
            .kind = Kind::kInteger,
            .required = true,
            .range = kYear,
            .units = "year",
            .description = "First year written to the output tables (populations on 1 July). The "
                           "projection always starts from the base population's year; years before "
                           "`start_year` are simulated but not written.",
            .range_note = "at least the year of `data.base_population`",
            .bind = field<&Scenario::projection, &ProjectionSettings::start_year>},
    KeySpec{
        .path = "projection.end_year",
        .kind = Kind::kInteger,
        .required = true,
        .range = kYear,
        .units = "year",
        .description = "Last year written to the output tables (1 July).",
        .range_note = "greater than `projection.start_year`; every yearly data table must cover it",
        .bind = field<&Scenario::projection, &ProjectionSettings::end_year>},
    KeySpec{.path = "projection.seed",
            .kind = Kind::kInteger,
            .default_toml = "1",
            .range = Range{0, 9.2233720368547758e18},
            .description = "Master seed of the random numbers (the Philox key). Same seed, same "
                           "results; the same seed in two scenarios gives common random numbers "
                           "([methodology.md §10](methodology.md#10-random-numbers)).",
            .bind = field<&Scenario::projection, &ProjectionSettings::seed>},
    KeySpec{.path = "projection.sample_fraction",
            .kind = Kind::kNumber,
            .default_toml = "1.0",
            .range = Range{0, 1, true, false},
            .units = "share",
            .description = "Share of the population simulated by the microsimulation. Each "
                           "simulated person stands for 1/`sample_fraction` persons, in every "
                           "table and amount. Does not affect the cohort-component table.",
            .bind = field<&Scenario::projection, &ProjectionSettings::sample_fraction>},
    KeySpec{.path = "projection.replications",
            .kind = Kind::kInteger,
            .default_toml = "1",
            .range = Range{1, 10000},
            .units = "count",
            .description = "Independent replications of the microsimulation. With more than one, "
                           "`population.csv` and the workforce tables have the mean and the 5%, "
                           "50% and 95% quantiles of every value column.",
            .bind = field<&Scenario::projection, &ProjectionSettings::replications>},
    KeySpec{.path = "projection.prices",
            .kind = Kind::kChoice,
            .default_toml = "\"current\"",
            .description =
                "Prices of the money amounts in the output tables. `current`: kip of each year "
                "(nominal). `constant`: kip of the base year, every amount of year $t$ divided by "
                "the price index $P(t)$ (`economy.inflation`). Rates, ratios, counts and present "
                "values are the same either way.",
            .choices = "current|constant",
            .bind = field<&Scenario::projection, &ProjectionSettings::prices>},
    KeySpec{.path = "projection.stages",
            .kind = Kind::kChoice,
            .default_toml = "\"all\"",
            .description =
                "The stages the microsimulation runs. `all`: every stage the data tables allow "
                "(with the workforce tables: the workforce, the scheme, the fund and the "
                "valuation). `labour`: the demography and the labour statuses only (needs the "
                "workforce tables; writes `population.csv`, `population_cohort.csv` and "
                "`labour.csv`; no membership, contributions, benefits, fund or valuation; no "
                "`[[interventions]]`). `demography`: the population only (the workforce tables, "
                "if named, are not read). For benchmarks and demographic studies "
                "([methodology.md §9.7](methodology.md#97-stages)).",
            .choices = "all|labour|demography",
            .bind = field<&Scenario::projection, &ProjectionSettings::stages>},
    KeySpec{.path = "projection.sampling",
            .kind = Kind::kChoice,
            .default_toml = "\"random\"",
            .description =
                "How the replications draw the `[[uncertain]]` inputs: `random`, each draw "
                "independent; `latin_hypercube`, each input's range cut into as many equally "
                "likely strata as there are replications, each stratum drawn once; `none`, no "
                "draws: every key keeps the value the scenario writes (a central run; the "
                "entries are still checked) ([uncertainty.md §3](uncertainty.md#3-sampling)).",
            .choices = "random|latin_hypercube|none",
            .bind = field<&Scenario::projection, &ProjectionSettings::sampling>},
    KeySpec{.path = "data",
            .kind = Kind::kTable,
            .required = true,
            .description = "Data tables, as paths relative to the scenario file that names them."},
    KeySpec{.path = "data.base_population",
            .kind = Kind::kPath,
            .required = true,
            .units = "CSV: persons",
            .description = "Persons by sex and single age on 1 July of the base year. Its single "
                           "year is the base year of the projection.",
            .range_note = "in the format of [§7.2](#72-database_population)"},
    KeySpec{.path = "data.mortality",
            .kind = Kind::kPath,
            .required = true,
            .units = "CSV: deaths per person-year",
            .description = "Central death rates $m_x$ by calendar year, sex and single age; or "
                           "probabilities of dying $q_x$ with `demography.mortality_measure = "
                           "\"qx\"`.",
            .range_note = "in the format of [§7.3](#73-datamortality)"},
    KeySpec{
        .path = "data.fertility",
        .kind = Kind::kPath,
        .required = true,
        .units = "CSV: births per woman per year",
        .description = "Age-specific fertility rates by calendar year and single age of mother.",
        .range_note = "in the format of [§7.4](#74-datafertility)"},
    KeySpec{.path = "data.sex_ratio_at_birth",
            .kind = Kind::kPath,
            .required = true,
            .units = "CSV: male births per female birth",
            .description = "Male births per female birth by calendar year.",
            .range_note = "in the format of [§7.5](#75-datasex_ratio_at_birth)"},
    KeySpec{.path = "data.net_migration",
            .kind = Kind::kPath,
            .required = true,
            .units = "CSV: persons per year",
            .description = "Net international migrants by calendar year, sex and single age "
                           "(negative: net emigration).",
            .range_note = "in the format of [§7.6](#76-datanet_migration)"},
    KeySpec{
        .path = "demography",
        .kind = Kind::kTable,
        .description = "Scenario multipliers on the demographic data, for sensitivity analyses."},
    KeySpec{.path = "demography.mortality_multiplier",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "1.0",
            .range = kFactor,
            .units = "factor",
            .description =
                "Multiplies every central death rate $m_x$ (both sexes, all ages) in the "
                "projection step that starts in that year. The multiplied rates must stay at or "
                "below 2 (a probability of dying of at most 1), or the scenario is invalid: "
                "`multiplied rate out of range (got 250 x 0.01 = 2.5 in 2023, ...)`.",
            .bind = field<&Scenario::demography, &DemographyAssumptions::mortality_multiplier>},
    KeySpec{.path = "demography.fertility_multiplier",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "1.0",
            .range = kFactor,
            .units = "factor",
            .description =
                "Multiplies every age-specific fertility rate in the step that starts in that "
                "year. The multiplied rates must stay at or below 1 (at most one birth per woman a "
                "year, which the microsimulation assumes), or the scenario is invalid.",
            .bind = field<&Scenario::demography, &DemographyAssumptions::fertility_multiplier>},
    KeySpec{.path = "demography.migration_multiplier",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "1.0",
            .range = Range{0, 10},
            .units = "factor",
            .description =
                "Multiplies every net migrant count in the step that starts in that year. 0 closes "
                "the population. A scale of the data's flows, so not negative (turning net "
                "immigration of some ages into emigration is a different table, not a factor) and "
                "at most 10 (a larger factor is a typing error, not a sensitivity).",
            .bind = field<&Scenario::demography, &DemographyAssumptions::migration_multiplier>},
    KeySpec{
        .path = "demography.mortality_measure",
        .kind = Kind::kChoice,
        .default_toml = "\"mx\"",
        .description =
            "What `data.mortality` gives. `mx`: central death rates $m_x$ (column `mx`), from "
            "which each step's life table is built. `qx`: probabilities of dying (column `qx`, "
            "each in [0, 1]) by the age reached in the step: $q(x)$ for a person aged $x-1$ "
            "on 1 July who would be $x$ a year later ($q(100)$ also for those already 100+), "
            "$q(0)$ for a child born in the step; used as they are, without a life table "
            "([methodology.md §4a](methodology.md#4a-mortality-given-as-probabilities-of-dying)). "
            "`qx` is not accepted with the workforce tables and `projection.stages = \"all\"` "
            "(the scheme's life tables need $m_x$).",
        .choices = "mx|qx",
        .bind = field<&Scenario::demography, &DemographyAssumptions::mortality_measure>},
    KeySpec{.path = "demography.birth_timing",
            .kind = Kind::kChoice,
            .default_toml = "\"exposure\"",
            .description =
                "When births happen in a step. `exposure`: over the step, half a year at each of "
                "the two ages a woman passes through: $(f(x) + f(x+1))/2$ if she survives the "
                "step, $f(x)/2$ if she dies in it. `end_of_step`: at the end of the step, to the "
                "women who survive it, at the rate of the age they reach: $f(x+1)$; none to those "
                "who die ([methodology.md §6](methodology.md#6-births-and-sex-at-birth)).",
            .choices = "exposure|end_of_step",
            .bind = field<&Scenario::demography, &DemographyAssumptions::birth_timing>},
    KeySpec{.path = "data.regions",
            .kind = Kind::kPath,
            .units = "CSV: shares of the population",
            .description = "Share of the population living in each region and area (urban, rural). "
                           "Defines the region names. New persons draw their residence from it.",
            .range_note = "in the format of [§7.8](#78-dataregions)",
            .default_note = "(all five workforce tables, or none)"},
    KeySpec{
        .path = "data.labour_status_shares",
        .kind = Kind::kPath,
        .units = "CSV: shares",
        .description =
            "Shares of the eight labour statuses by sex, age band and area in the base year. The "
            "base population's statuses, and immigrants' statuses on arrival, are drawn from it.",
        .range_note = "in the format of [§7.9](#79-datalabour_status_shares)",
        .default_note = "(all five workforce tables, or none)"},
    KeySpec{.path = "data.labour_transitions",
            .kind = Kind::kPath,
            .units = "CSV: probabilities per year",
            .description =
                "Annual probabilities of moving between labour statuses by sex, age band and area.",
            .range_note = "in the format of [§7.10](#710-datalabour_transitions)",
            .default_note = "(all five workforce tables, or none)"},
    KeySpec{.path = "data.earnings",
            .kind = Kind::kPath,
            .units = "CSV: kip per month",
            .description = "Mean gross monthly earnings of the six employed statuses by sex, at "
                           "the base year's level.",
            .range_note = "in the format of [§7.11](#711-dataearnings)",
            .default_note = "(all five workforce tables, or none)"},
    KeySpec{.path = "data.age_earnings_profile",
            .kind = Kind::kPath,
            .units = "CSV: factor",
            .description = "Earnings of each age band relative to the status mean.",
            .range_note = "in the format of [§7.12](#712-dataage_earnings_profile)",
            .default_note = "(all five workforce tables, or none)"},
    KeySpec{.path = "economy",
            .kind = Kind::kTable,
            .description = "Prices, wages and the minimum wage."},
    KeySpec{.path = "economy.inflation",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kGrowth,
            .units = "per year (0.05 = 5%)",
            .description = "Change of consumer prices from year $t-1$ to year $t$. Grows the price "
                           "index $P$ and the wage index $W$, and the minimum wage under "
                           "`\"prices\"` indexation. The base year's value is not used.",
            .bind = field<&Scenario::economy, &EconomyAssumptions::inflation>},
    KeySpec{.path = "economy.real_wage_growth",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kGrowth,
            .units = "per year",
            .description = "Growth of earnings above prices from year $t-1$ to year $t$: $W(t) = "
                           "W(t-1)(1 + \\text{inflation})(1 + \\text{real\\_wage\\_growth})$, $W = "
                           "1$ in the base year. Every person's gross earnings are multiplied by "
                           "$W$. The base year's value is not used.",
            .bind = field<&Scenario::economy, &EconomyAssumptions::real_wage_growth>},
    KeySpec{.path = "economy.gdp",
            .kind = Kind::kNumber,
            .default_toml = "0.0",
            .range = kKipTotal,
            .units = "kip",
            .description = "Gross domestic product of the base year at current prices. 0: none, "
                           "and the shares of GDP in `finance.csv` are empty. Projected as "
                           "$GDP(t) = GDP(t-1)(1 + \\text{inflation})(1 + "
                           "\\text{real\\_gdp\\_growth})$.",
            .bind = field<&Scenario::economy, &EconomyAssumptions::gdp>},
    KeySpec{.path = "economy.real_gdp_growth",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kGrowth,
            .units = "per year",
            .description = "Real growth of GDP from year $t-1$ to year $t$; used only for the "
                           "shares of GDP. The base year's value is not used.",
            .bind = field<&Scenario::economy, &EconomyAssumptions::real_gdp_growth>},
    KeySpec{.path = "economy.social_discount_rate",
            .kind = Kind::kNumber,
            .default_toml = "0.0",
            .range = kGrowth,
            .units = "per year, real",
            .description = "Real rate at which `compare` discounts programme costs (in base-year "
                           "kip) to the start year for the decision measures of `decisions.csv`: "
                           "a cost of year $t$ counts $C(t) / P(t) / (1 + d)^{t - t_s}$. 0: real "
                           "costs, not discounted. The baseline's value applies to every "
                           "strategy. Not used by the valuation, which discounts at the investment "
                           "return.",
            .bind = field<&Scenario::economy, &EconomyAssumptions::social_discount_rate>},
    KeySpec{.path = "economy.minimum_wage",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kKipPerUnit,
            .units = "kip per month",
            .description =
                "Statutory minimum wage in force on 1 July of the year: the floor of insurable "
                "earnings, the base of `contributions.ceiling_multiple_of_minimum_wage` and of "
                "voluntary members' declared income. Up to the last listed year of a schedule with "
                "two or more years it is the schedule's value; after that year, and after the base "
                "year when it is written as a number or as a schedule with a single year, it grows "
                "as `economy.minimum_wage_indexation` says. So `minimum_wage = 1300000` is the "
                "base year's value, not a constant.",
            .bind = field<&Scenario::economy, &EconomyAssumptions::minimum_wage>},
    KeySpec{.path = "economy.minimum_wage_indexation",
            .kind = Kind::kChoice,
            .default_toml = "\"wages\"",
            .description =
                "How the minimum wage grows after the years `economy.minimum_wage` gives: "
                "with the wage index $W$, with prices ($1 +$ inflation), or not at all.",
            .choices = "wages|prices|none",
            .bind = field<&Scenario::economy, &EconomyAssumptions::minimum_wage_indexation>},
    KeySpec{.path = "labour", .kind = Kind::kTable, .description = "Labour market dynamics."},
    KeySpec{.path = "labour.formalisation_shift",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description =
                "Structural change. In the transitions into 1 July of the year, this share "
                "of every probability of going to `informal_employee` is moved to "
                "`formal_private_employee`, in every row of the matrix, **including the row "
                "of informal employees themselves** (so the share also applies to informal "
                "employees who would have stayed informal). 0 uses the data unchanged.",
            .bind = field<&Scenario::labour, &LabourAssumptions::formalisation_shift>},
    KeySpec{.path = "labour.earnings_dispersion",
            .kind = Kind::kNumber,
            .default_toml = "0.5",
            .range = Range{0, 3},
            .units = "standard deviation of log earnings",
            .description =
                "Spread of the individual earnings factor, a lognormal with mean 1 drawn once for "
                "each person. 0 gives everyone the mean of their status, sex and age band.",
            .bind = field<&Scenario::labour, &LabourAssumptions::earnings_dispersion>},
    KeySpec{.path = "coverage", .kind = Kind::kTable, .description = "Membership of the scheme."},
    KeySpec{.path = "coverage.compliance",
            .kind = Kind::kTable,
            .description =
                "Shares of employees whom employers register, by compulsory status. Another "
                "status is an unknown key. Extending a file that writes this table inline "
                "replaces it whole ([§3](#3-extends-building-on-another-scenario)).",
            .range_note = "only the three keys below"},
    KeySpec{.path = "coverage.compliance.public_employee",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description =
                "Compliance rate of public-sector employers: a public employee is an active member "
                "of the compulsory scheme when the compliance rank of their job spell (a uniform "
                "number drawn once per spell) is below this rate times the region's factor.",
            .bind = field_at<static_cast<std::size_t>(Status::kPublicEmployee), &Scenario::coverage,
                             &CoverageAssumptions::compliance>},
    KeySpec{.path = "coverage.compliance.formal_private_employee",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "The same for employees of formal private firms.",
            .bind = field_at<static_cast<std::size_t>(Status::kFormalPrivateEmployee),
                             &Scenario::coverage, &CoverageAssumptions::compliance>},
    KeySpec{.path = "coverage.compliance.domestic_worker",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "The same for domestic workers, used only in the years from "
                           "`coverage.domestic_worker_mandate_year` on.",
            .bind = field_at<static_cast<std::size_t>(Status::kDomesticWorker), &Scenario::coverage,
                             &CoverageAssumptions::compliance>},
    KeySpec{
        .path = "coverage.compliance_factor_by_region",
        .kind = Kind::kNamedSchedules,
        .range = kFactor,
        .units = "factor",
        .description =
            "Multiplier on the three compliance rates in a region, by region name: "
            "`compliance_factor_by_region = { \"Vientiane Capital\" = 1.0, North = { 2023 = 0.8, "
            "2030 = 1.0 } }` (quote names that contain spaces). Each value is a number or a "
            "schedule. The product of rate and factor is capped at 1. Regions not listed have "
            "factor 1. Names are matched exactly (case and spaces count); an unknown name is an "
            "error with a suggestion (`unknown region`). Requires the workforce tables. Like every "
            "schedule, each must start no later than `projection.start_year` ([§4](#4-schedules)).",
        .range_note = "each name a region of `data.regions`",
        .default_note = "(1 in every region)"},
    KeySpec{
        .path = "coverage.domestic_worker_mandate_year",
        .kind = Kind::kInteger,
        .default_toml = "0",
        .range = kYearOrNever,
        .units = "year",
        .description =
            "First year in which domestic workers are on the compulsory path (registered by their "
            "employers at `coverage.compliance.domestic_worker`, paying the private rates). Before "
            "that year, and in every year when the key is 0, they are on the voluntary path.",
        .bind = field<&Scenario::coverage, &CoverageAssumptions::domestic_worker_mandate_year>},
    KeySpec{.path = "coverage.underdeclaration",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = Range{0, 1, false, true},
            .units = "share",
            .description =
                "Share of gross earnings that employers do not declare, for compulsory members who "
                "are not public employees (formal private employees, and domestic workers after "
                "the mandate). Insurable earnings are computed from the declared part.",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::underdeclaration>},
    KeySpec{.path = "coverage.registration_hazard",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "probability per year",
            .description = "Probability that a worker on the voluntary path who was never "
                           "registered registers with the voluntary scheme (and pays) in a year.",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::registration_hazard>},
    KeySpec{.path = "coverage.lapse_hazard",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.25",
            .range = kShare,
            .units = "probability per year",
            .description = "Probability that an active member of the voluntary scheme who stays on "
                           "the voluntary path stops paying in a year. (An active compulsory "
                           "member who moves to the voluntary path always lapses.)",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::lapse_hazard>},
    KeySpec{.path = "coverage.reactivation_hazard",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.05",
            .range = kShare,
            .units = "probability per year",
            .description = "Probability that a lapsed member of either scheme who is on the "
                           "voluntary path pays again, as a voluntary member, in a year.",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::reactivation_hazard>},
    KeySpec{.path = "coverage.density_compulsory",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "1.0",
            .range = kShare,
            .units = "share of the 12 months",
            .description = "Expected share of the calendar year that an active compulsory member "
                           "pays: months paid are $12d$ rounded up or down at random. Also the "
                           "density of the base-year history credits.",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::density_compulsory>},
    KeySpec{.path = "coverage.density_voluntary",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "1.0",
            .range = kShare,
            .units = "share of the 12 months",
            .description = "The same for active voluntary members.",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::density_voluntary>},
    KeySpec{.path = "coverage.initial_voluntary_members",
            .kind = Kind::kNumber,
            .default_toml = "0",
            .range = kPersons,
            .units = "persons",
            .description =
                "Registered voluntary members in the base year (weighted). Each worker on "
                "the voluntary path in the base year becomes one with the same probability, "
                "so that this is the expected number (at most all of them).",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::initial_voluntary_members>},
    KeySpec{
        .path = "coverage.initial_voluntary_active_share",
        .kind = Kind::kNumber,
        .default_toml = "1.0",
        .range = kShare,
        .units = "share",
        .description =
            "Share of the base year's voluntary members who are active; the others are lapsed.",
        .bind = field<&Scenario::coverage, &CoverageAssumptions::initial_voluntary_active_share>},
    KeySpec{.path = "coverage.insured_window_years",
            .kind = Kind::kInteger,
            .default_toml = "2",
            .range = Range{1, 4},
            .units = "years",
            .description =
                "A lapsed member of the voluntary scheme is counted in `registered` (insured "
                "members) while they paid at least one month in one of this many calendar years "
                "before the current one. Active members of every scheme are always counted, "
                "lapsed compulsory members never (their insurance ends with the covered job), and "
                "`ever_registered` counts every member.",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::insured_window_years>},
    KeySpec{
        .path = "coverage.history_start_year_compulsory",
        .kind = Kind::kInteger,
        .default_toml = "0",
        .range = kYearOrNever,
        .units = "year",
        .description = "Base-year compulsory members are credited the years from this year, or "
                       "from age 18 if later, to the base year, at the base year's compulsory "
                       "density and insurable earnings. 0: no history.",
        .bind = field<&Scenario::coverage, &CoverageAssumptions::history_start_year_compulsory>},
    KeySpec{.path = "coverage.history_start_year_voluntary",
            .kind = Kind::kInteger,
            .default_toml = "0",
            .range = kYearOrNever,
            .units = "year",
            .description = "The same for the base year's voluntary members, active and lapsed, at "
                           "the voluntary density and declared income.",
            .bind = field<&Scenario::coverage, &CoverageAssumptions::history_start_year_voluntary>},
    KeySpec{.path = "contributions",
            .kind = Kind::kTable,
            .description = "Contribution rates and insurable earnings."},
    KeySpec{
        .path = "contributions.private_employer_rate",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = kShare,
        .units = "share",
        .description =
            "Employer's rate for compulsory members who are not public employees (formal private "
            "employees; domestic workers after the mandate). In `contributions_employer`.",
        .bind = field<&Scenario::contributions, &ContributionRules::private_employer_rate>},
    KeySpec{.path = "contributions.private_employee_rate",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Employee's rate for the same members. In `contributions_employee`.",
            .bind = field<&Scenario::contributions, &ContributionRules::private_employee_rate>},
    KeySpec{.path = "contributions.public_employee_rate",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Public employees' own rate. In `contributions_employee`.",
            .bind = field<&Scenario::contributions, &ContributionRules::public_employee_rate>},
    KeySpec{.path = "contributions.public_state_rate",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "The State's rate, as employer, for public employees. In "
                           "`contributions_government` (not in `contributions_employer`).",
            .bind = field<&Scenario::contributions, &ContributionRules::public_state_rate>},
    KeySpec{.path = "contributions.voluntary_rate",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Voluntary members' rate on their declared income, paid by the member. "
                           "In `contributions_employee`.",
            .bind = field<&Scenario::contributions, &ContributionRules::voluntary_rate>},
    KeySpec{.path = "contributions.ceiling",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kKipPerUnit,
            .units = "kip per month",
            .description =
                "Ceiling of insurable monthly earnings, nominal; 0: no ceiling. Up to the last "
                "year the schedule lists (the base year when it is a number or a schedule with one "
                "year) it is the schedule's value; after that it grows as "
                "`contributions.ceiling_indexation` says. Not used when "
                "`contributions.ceiling_multiple_of_minimum_wage` is above 0. A ceiling below the "
                "minimum wage makes every member's insurable earnings equal to the minimum wage.",
            .bind = field<&Scenario::contributions, &ContributionRules::ceiling>},
    KeySpec{.path = "contributions.ceiling_indexation",
            .kind = Kind::kChoice,
            .default_toml = "\"none\"",
            .description =
                "Growth of the fixed ceiling after the last year `contributions.ceiling` lists: "
                "with the wage index, with the price index, or not at all (a frozen nominal "
                "ceiling). [methodology.md §19.2](methodology.md#192-insurable-earnings).",
            .choices = "wages|prices|none",
            .bind = field<&Scenario::contributions, &ContributionRules::ceiling_indexation>},
    KeySpec{
        .path = "contributions.ceiling_multiple_of_minimum_wage",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = kMinimumWages,
        .units = "multiple of the minimum wage",
        .description = "When above 0, the ceiling is this multiple of the year's minimum wage, and "
                       "`contributions.ceiling` is not used.",
        .bind =
            field<&Scenario::contributions, &ContributionRules::ceiling_multiple_of_minimum_wage>},
    KeySpec{
        .path = "contributions.voluntary_declared_multiple",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "1.0",
        .range = Range{1, 100},
        .units = "multiple of the minimum wage",
        .description =
            "Monthly income that voluntary members declare, as a multiple of the year's minimum "
            "wage, lowered to the ceiling if above it (but never below the minimum wage).",
        .bind = field<&Scenario::contributions, &ContributionRules::voluntary_declared_multiple>},
    KeySpec{.path = "data.invalidity",
            .kind = Kind::kPath,
            .units = "CSV: incidence per year",
            .description = "Annual invalidity incidence among active members by sex and age band. "
                           "Optional, read only with the five workforce tables.",
            .range_note = "in the format of [§7.13](#713-datainvalidity)",
            .default_note = "(no invalidity pensions)"},
    KeySpec{.path = "data.survivors",
            .kind = Kind::kPath,
            .units = "CSV: probability, years, children",
            .description =
                "Survivors left by an insured person who dies, by sex and age band of the "
                "deceased: probability of an eligible spouse and the expected years of the "
                "spouse pension, expected eligible children and the expected years of their "
                "pensions. Optional, read only with the five workforce tables.",
            .range_note = "in the format of [§7.14](#714-datasurvivors)",
            .default_note = "(no survivor pensions)"},
    KeySpec{.path = "data.pensioners",
            .kind = Kind::kPath,
            .units = "CSV: persons; kip per month",
            .description =
                "Pensions in payment on 1 July of the base year by scheme, benefit (old age, "
                "invalidity, survivor), sex and single age 15-100: the number of pensioners and "
                "their average monthly pension. Old-age and invalidity pensioners are drawn from "
                "the base population outside covered work; survivor pensions join the survivor "
                "pensions in payment of the valuation. Optional, read only with the five "
                "workforce tables.",
            .range_note = "in the format of [§7.15](#715-datapensioners)",
            .default_note = "(no pensions in payment at the start)"},
    KeySpec{.path = "data.service",
            .kind = Kind::kPath,
            .units = "CSV: years",
            .description =
                "Mean credited years of contribution of the active members on 1 July of the base "
                "year by scheme, sex and single age 15-100: each base-year member is credited "
                "12 x that many months (rounded at random). Optional, read only with the five "
                "workforce tables; it replaces the history start years.",
            .range_note = "in the format of [§7.16](#716-dataservice)",
            .default_note = "(records from `coverage.history_start_year_*`)"},
    KeySpec{.path = "data.provinces",
            .kind = Kind::kPath,
            .units = "CSV: persons; fraction",
            .description =
                "Provinces: each one's region (a region of `data.regions`), census population and "
                "urban share. Each region-and-area share of `data.regions` is split among the "
                "region's provinces in proportion to population x urban share (urban) or "
                "population x (1 - urban share) (rural); residents then carry a province, which "
                "interventions can target and `places.csv` reports. Optional, read only with the "
                "five workforce tables.",
            .range_note = "in the format of [§7.17](#717-dataprovinces)",
            .default_note = "(each region is one province of its name)"},
    KeySpec{.path = "data.districts",
            .kind = Kind::kPath,
            .units = "CSV: persons",
            .description =
                "Named districts: each one's province (of `data.provinces`), census population "
                "and whether a social security office was present. A resident of the province "
                "lives in the district with probability population / the province's population, "
                "elsewhere in the province otherwise. Optional; requires `data.provinces`.",
            .range_note = "in the format of [§7.18](#718-datadistricts)",
            .default_note = "(no districts)"},
    KeySpec{.path = "data.sector_shares",
            .kind = Kind::kPath,
            .units = "CSV: fraction",
            .description =
                "Share of the workers of each employed status and area in each sector of work "
                "(the table names the sectors). A worker's sector is drawn when a job spell "
                "starts and kept until it ends. Optional, read only with the five workforce "
                "tables.",
            .range_note = "in the format of [§7.19](#719-datasector_shares)",
            .default_note = "(no sectors)"},
    KeySpec{.path = "benefits", .kind = Kind::kTable, .description = "The scheme's benefit rules."},
    KeySpec{.path = "benefits.old_age",
            .kind = Kind::kTable,
            .description = "Old-age pension and lump sum."},
    KeySpec{.path = "benefits.old_age.pensionable_age_male",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "60",
            .range = Range{15, 100},
            .units = "years",
            .description =
                "Pensionable age of men, rounded to a whole year. A registered man claims "
                "on the first 1 July on which his age in completed years is at least this.",
            .bind = field_at<0, &Scenario::benefits, &BenefitRules::old_age,
                             &OldAgeRules::pensionable_age>},
    KeySpec{.path = "benefits.old_age.pensionable_age_female",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "55",
            .range = Range{15, 100},
            .units = "years",
            .description = "The same for women.",
            .bind = field_at<1, &Scenario::benefits, &BenefitRules::old_age,
                             &OldAgeRules::pensionable_age>},
    KeySpec{
        .path = "benefits.old_age.minimum_months",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "180",
        .range = Range{0, 1200},
        .units = "months",
        .description = "Contribution months needed for an old-age pension, rounded to a whole "
                       "number. A member at pensionable age with fewer months gets the lump sum.",
        .bind = field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::minimum_months>},
    KeySpec{.path = "benefits.old_age.accrual",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.015",
            .range = Range{0, 0.1},
            .units = "share of reference earnings per year of contributions",
            .description = "Pension = accrual × years of contributions (months / 12) × reference "
                           "earnings, between the minimum and the maximum.",
            .bind = field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::accrual>},
    KeySpec{
        .path = "benefits.old_age.reference_years",
        .kind = Kind::kInteger,
        .default_toml = "0",
        .range = Range{0, 5},
        .units = "years",
        .description = "Reference earnings: the average monthly insurable earnings of the months "
                       "paid in the last N calendar years before the claim, revalued with wages "
                       "(1-5); 0: the career average, revalued with wages. Falls back to the "
                       "career average when the N years have no contribution.",
        .bind = field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::reference_years>},
    KeySpec{
        .path = "benefits.old_age.minimum_pension",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = kMinimumWages,
        .units = "multiple of the minimum wage",
        .description = "Minimum monthly pension at the award, as a multiple of the minimum wage of "
                       "the award year (also for invalidity pensions); 0: none.",
        .bind = field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::minimum_pension>},
    KeySpec{
        .path = "benefits.old_age.maximum_replacement",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "1.0",
        .range = Range{0, 2},
        .units = "share of reference earnings",
        .description = "Cap on accrual × years: the pension is at most this share of reference "
                       "earnings (the minimum pension still applies).",
        .bind =
            field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::maximum_replacement>},
    KeySpec{
        .path = "benefits.old_age.indexation",
        .kind = Kind::kChoice,
        .default_toml = "\"prices\"",
        .description =
            "Yearly adjustment of pensions in payment (old-age, invalidity, survivors) on 1 July: "
            "with the price index, the wage index, `benefits.old_age.fixed_indexation`, or none.",
        .choices = "prices|wages|fixed|none",
        .bind = field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::indexation>},
    KeySpec{
        .path = "benefits.old_age.fixed_indexation",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = kGrowth,
        .units = "per year",
        .description =
            "The adjustment of year $t$ when `indexation` is `\"fixed\"`; not used otherwise.",
        .bind = field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::fixed_indexation>},
    KeySpec{
        .path = "benefits.old_age.lump_sum_months_per_year",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "1.0",
        .range = Range{0, 120},
        .units = "months of reference earnings per year of contributions",
        .description =
            "Lump sum paid to a registered member who reaches pensionable age without "
            "`minimum_months`: this many months of reference earnings per year of contributions.",
        .bind = field<&Scenario::benefits, &BenefitRules::old_age,
                      &OldAgeRules::lump_sum_months_per_year>},
    KeySpec{
        .path = "benefits.old_age.claim_probability",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "1.0",
        .range = kShare,
        .units = "probability per year",
        .description = "Probability that an eligible member claims the pension in a year; those "
                       "who do not keep working and try again the next year. 1: everyone claims at "
                       "pensionable age. Does not apply to the lump sum.",
        .bind =
            field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::claim_probability>},
    KeySpec{
        .path = "benefits.old_age.initial_pensioners",
        .kind = Kind::kNumber,
        .default_toml = "0",
        .range = kPersons,
        .units = "persons",
        .description = "Old-age pensioners in the base year (weighted). Each person at or above "
                       "pensionable age in the base year becomes one with the same probability, so "
                       "that this is the expected number (at most all of them); they become "
                       "inactive, are not members and have no contribution record.",
        .bind =
            field<&Scenario::benefits, &BenefitRules::old_age, &OldAgeRules::initial_pensioners>},
    KeySpec{
        .path = "benefits.old_age.initial_average_pension",
        .kind = Kind::kNumber,
        .default_toml = "0",
        .range = kKipPerUnit,
        .units = "kip per month, base-year level",
        .description =
            "The monthly pension given to each base-year pensioner; indexed from the next year on.",
        .bind = field<&Scenario::benefits, &BenefitRules::old_age,
                      &OldAgeRules::initial_average_pension>},
    SSPROJ_SCHEME_RULE_KEYS("private", private_scheme, "the private scheme"),
    SSPROJ_SCHEME_RULE_KEYS("voluntary", voluntary_scheme, "the voluntary scheme"),
    SSPROJ_SCHEME_RULE_KEYS("civil_servant", civil_servant_scheme,
                            "the civil servants' scheme (public employees)"),
    KeySpec{
        .path = "benefits.invalidity", .kind = Kind::kTable, .description = "Invalidity pension."},
    KeySpec{.path = "benefits.invalidity.minimum_months",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "60",
            .range = Range{0, 1200},
            .units = "months",
            .description =
                "Contribution months an active member needs for an invalidity pension when "
                "`data.invalidity` makes them invalid; rounded. With fewer months nothing happens.",
            .bind = field<&Scenario::benefits, &BenefitRules::invalidity,
                          &InvalidityRules::minimum_months>},
    KeySpec{.path = "benefits.invalidity.future_service_credit",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "1.0",
            .range = kShare,
            .units = "share",
            .description = "Share of the whole years missing to pensionable age that is added to "
                           "the years of contributions in the invalidity pension.",
            .bind = field<&Scenario::benefits, &BenefitRules::invalidity,
                          &InvalidityRules::future_service_credit>},
    KeySpec{.path = "benefits.survivors",
            .kind = Kind::kTable,
            .description = "Survivor pensions and the funeral grant."},
    KeySpec{
        .path = "benefits.survivors.minimum_months",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "60",
        .range = Range{0, 1200},
        .units = "months",
        .description = "Contribution months a registered member (active or lapsed) who dies "
                       "without a pension needs for survivor pensions; rounded. A pensioner's "
                       "survivors always qualify; a member who took a lump sum leaves none.",
        .bind =
            field<&Scenario::benefits, &BenefitRules::survivors, &SurvivorRules::minimum_months>},
    KeySpec{
        .path = "benefits.survivors.spouse_share",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.30",
        .range = kShare,
        .units = "share",
        .description = "Spouse pension, share of the deceased's pension in payment or, for a "
                       "member, of their reference earnings.",
        .bind = field<&Scenario::benefits, &BenefitRules::survivors, &SurvivorRules::spouse_share>},
    KeySpec{
        .path = "benefits.survivors.child_share",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.20",
        .range = kShare,
        .units = "share",
        .description = "Pension of each child, share of the same base.",
        .bind = field<&Scenario::benefits, &BenefitRules::survivors, &SurvivorRules::child_share>},
    KeySpec{
        .path = "benefits.survivors.funeral_grant",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = kMinimumWages,
        .units = "multiple of the minimum wage",
        .description = "Grant paid on the death of a pensioner or of an active member, as a "
                       "multiple of the minimum wage of the year it is counted in: a death between "
                       "1 July $t-1$ and 1 July $t$ is counted in year $t$.",
        .bind =
            field<&Scenario::benefits, &BenefitRules::survivors, &SurvivorRules::funeral_grant>},
    KeySpec{
        .path = "benefits.sickness", .kind = Kind::kTable, .description = "Sickness cash benefit."},
    KeySpec{
        .path = "benefits.sickness.incidence",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = Range{0, 10},
        .units = "cases per active member a year",
        .description = "Cases per active member a year. Cost = incidence × duration × replacement "
                       "× daily insurable earnings of the active members.",
        .bind = field<&Scenario::benefits, &BenefitRules::sickness, &ShortTermRules::incidence>},
    KeySpec{
        .path = "benefits.sickness.duration_days",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = Range{0, 365},
        .units = "days",
        .description = "Paid days per case.",
        .bind =
            field<&Scenario::benefits, &BenefitRules::sickness, &ShortTermRules::duration_days>},
    KeySpec{
        .path = "benefits.sickness.replacement",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = Range{0, 2},
        .units = "share",
        .description = "Benefit, share of daily insurable earnings (monthly × 12 / 365).",
        .bind = field<&Scenario::benefits, &BenefitRules::sickness, &ShortTermRules::replacement>},
    KeySpec{.path = "benefits.employment_injury",
            .kind = Kind::kTable,
            .description = "Temporary employment-injury benefit."},
    KeySpec{.path = "benefits.employment_injury.incidence",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = Range{0, 10},
            .units = "cases per active member a year",
            .description = "As for sickness.",
            .bind = field<&Scenario::benefits, &BenefitRules::employment_injury,
                          &ShortTermRules::incidence>},
    KeySpec{.path = "benefits.employment_injury.duration_days",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = Range{0, 365},
            .units = "days",
            .description = "Paid days per case.",
            .bind = field<&Scenario::benefits, &BenefitRules::employment_injury,
                          &ShortTermRules::duration_days>},
    KeySpec{.path = "benefits.employment_injury.replacement",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = Range{0, 2},
            .units = "share",
            .description = "Share of daily insurable earnings.",
            .bind = field<&Scenario::benefits, &BenefitRules::employment_injury,
                          &ShortTermRules::replacement>},
    KeySpec{.path = "benefits.unemployment",
            .kind = Kind::kTable,
            .description = "Unemployment benefit."},
    KeySpec{
        .path = "benefits.unemployment.incidence",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = Range{0, 10},
        .units = "cases per active member a year",
        .description = "As for sickness.",
        .bind =
            field<&Scenario::benefits, &BenefitRules::unemployment, &ShortTermRules::incidence>},
    KeySpec{.path = "benefits.unemployment.duration_days",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = Range{0, 365},
            .units = "days",
            .description = "Paid days per case.",
            .bind = field<&Scenario::benefits, &BenefitRules::unemployment,
                          &ShortTermRules::duration_days>},
    KeySpec{
        .path = "benefits.unemployment.replacement",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = Range{0, 2},
        .units = "share",
        .description = "Share of daily insurable earnings.",
        .bind =
            field<&Scenario::benefits, &BenefitRules::unemployment, &ShortTermRules::replacement>},
    KeySpec{
        .path = "benefits.maternity", .kind = Kind::kTable, .description = "Maternity benefit."},
    KeySpec{.path = "benefits.maternity.duration_days",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = Range{0, 365},
            .units = "days",
            .description =
                "Paid days per birth to a woman who was an active member at the start of the step.",
            .bind = field<&Scenario::benefits, &BenefitRules::maternity_duration_days>},
    KeySpec{
        .path = "benefits.maternity.replacement",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = Range{0, 2},
        .units = "share",
        .description = "Benefit, share of the average daily insurable earnings of active women.",
        .bind = field<&Scenario::benefits, &BenefitRules::maternity_replacement>},
    KeySpec{.path = "benefits.health_care",
            .kind = Kind::kTable,
            .description = "Health care for active members."},
    KeySpec{.path = "benefits.health_care.cost_per_member",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kKipPerUnit,
            .units = "kip per active member a year, base-year level",
            .description = "Cost of health care per active member; multiplied by the wage index "
                           "and by the medical index.",
            .bind = field<&Scenario::benefits, &BenefitRules::health_care_cost_per_member>},
    KeySpec{
        .path = "benefits.health_care.financing",
        .kind = Kind::kChoice,
        .default_toml = "\"cost_per_member\"",
        .description =
            "How the health branch's outgo is set. `cost_per_member`: the fund pays "
            "`cost_per_member` for each active member. `pass_through`: the branch's share of the "
            "year's contributions (`fund.allocation.health_care`) is paid out in the same year, as "
            "when the contributions are passed on to the National Health Insurance; the branch "
            "then neither builds nor spends a reserve of its own beyond its share of the "
            "government subsidy and of the initial reserve, and `cost_per_member` is not used.",
        .choices = "cost_per_member|pass_through",
        .bind = field<&Scenario::benefits, &BenefitRules::health_care_financing>},
    KeySpec{.path = "benefits.health_care.medical_inflation_excess",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kGrowth,
            .units = "per year",
            .description =
                "Growth of the cost per member above wages: the medical index is 1 in the "
                "base year and grows by this rate each later year, like the wage index.",
            .bind = field<&Scenario::benefits, &BenefitRules::medical_inflation_excess>},
    KeySpec{.path = "fund",
            .kind = Kind::kTable,
            .description =
                "The fund: reserve, returns, allocation, administration, valuation settings."},
    KeySpec{.path = "fund.initial_reserve",
            .kind = Kind::kNumber,
            .default_toml = "0.0",
            .range = kKipTotal,
            .units = "kip",
            .description =
                "Reserve on 1 January of `projection.start_year`, split between branches by "
                "the allocation of that year. **0 gives a warning** (see below).",
            .bind = field<&Scenario::fund, &FundAssumptions::initial_reserve>},
    KeySpec{.path = "fund.initial_reserve_share",
            .kind = Kind::kTable,
            .description = "Shares of the initial reserve held by each scheme; they must sum to "
                           "1. A negative share is a scheme whose past deficits the others "
                           "financed."},
    KeySpec{.path = "fund.initial_reserve_share.private",
            .kind = Kind::kNumber,
            .default_toml = "1.0",
            // Shares sum to 1; a scheme owing the others ten times the whole reserve is a typo.
            .range = Range{-10, 10},
            .units = "share",
            .description = "The private scheme's share (compulsory members other than public "
                           "employees).",
            .bind = field_at<0, &Scenario::fund, &FundAssumptions::initial_reserve_share>},
    KeySpec{.path = "fund.initial_reserve_share.voluntary",
            .kind = Kind::kNumber,
            .default_toml = "0.0",
            // Shares sum to 1; a scheme owing the others ten times the whole reserve is a typo.
            .range = Range{-10, 10},
            .units = "share",
            .description = "The voluntary scheme's share.",
            .bind = field_at<1, &Scenario::fund, &FundAssumptions::initial_reserve_share>},
    KeySpec{.path = "fund.initial_reserve_share.civil_servant",
            .kind = Kind::kNumber,
            .default_toml = "0.0",
            // Shares sum to 1; a scheme owing the others ten times the whole reserve is a typo.
            .range = Range{-10, 10},
            .units = "share",
            .description = "The civil servants' scheme's share (public employees).",
            .bind = field_at<2, &Scenario::fund, &FundAssumptions::initial_reserve_share>},
    KeySpec{.path = "fund.investment_return",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "per year, nominal",
            .description =
                "Return on the reserve during calendar year $t$ (on the reserve at the start of "
                "the year, and half of it on the year's net cash flow). Also the discount rate of "
                "the indicators. A negative reserve is charged the same rate. Every value, in "
                "every year of a schedule, is in [0, 1]: a negative long-run nominal return is "
                "nonsense for a fund of kip deposits and government paper (and would make the "
                "discounted indicators meaningless), and a nominal return above 100% a year is a "
                "typing error (8% is 0.08).",
            .bind = field<&Scenario::fund, &FundAssumptions::investment_return>},
    KeySpec{.path = "fund.allocation",
            .kind = Kind::kTable,
            .description = "Shares of the contributions, subsidies, administration costs and "
                           "initial reserve that go to each branch.",
            .range_note = "shares summing to 1 in every year"},
    KeySpec{.path = "fund.allocation.old_age",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "1.0",
            .range = kShare,
            .units = "share",
            .description = "Old-age branch (old-age pensions and lump sums). By default every "
                           "contribution goes here.",
            .bind = field_at<0, &Scenario::fund, &FundAssumptions::allocation>},
    KeySpec{.path = "fund.allocation.invalidity",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Invalidity branch.",
            .bind = field_at<1, &Scenario::fund, &FundAssumptions::allocation>},
    KeySpec{.path = "fund.allocation.survivors",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Survivors branch (survivor pensions and funeral grants).",
            .bind = field_at<2, &Scenario::fund, &FundAssumptions::allocation>},
    KeySpec{.path = "fund.allocation.sickness",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Sickness branch.",
            .bind = field_at<3, &Scenario::fund, &FundAssumptions::allocation>},
    KeySpec{.path = "fund.allocation.maternity",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Maternity branch.",
            .bind = field_at<4, &Scenario::fund, &FundAssumptions::allocation>},
    KeySpec{.path = "fund.allocation.employment_injury",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Employment-injury branch.",
            .bind = field_at<5, &Scenario::fund, &FundAssumptions::allocation>},
    KeySpec{.path = "fund.allocation.unemployment",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Unemployment branch.",
            .bind = field_at<6, &Scenario::fund, &FundAssumptions::allocation>},
    KeySpec{.path = "fund.allocation.health_care",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share",
            .description = "Health-care branch.",
            .bind = field_at<7, &Scenario::fund, &FundAssumptions::allocation>},
    KeySpec{.path = "fund.administration_share",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kShare,
            .units = "share of contributions",
            .description = "Administration cost proportional to contributions.",
            .bind = field<&Scenario::fund, &FundAssumptions::administration_share>},
    KeySpec{.path = "fund.administration_per_member",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kKipPerUnit,
            .units = "kip per active member a year, base-year level",
            .description = "Administration cost per active member, grown with the wage index. "
                           "Added to the proportional cost.",
            .bind = field<&Scenario::fund, &FundAssumptions::administration_per_member>},
    KeySpec{
        .path = "fund.government_subsidy",
        .kind = Kind::kNumberOrSchedule,
        .default_toml = "0.0",
        .range = kKipTotal,
        .units = "kip a year, nominal",
        .description =
            "Subsidy from the State budget, of year $t$ in kip of year $t$ (not indexed). The "
            "State's contributions as employer of public employees are contributions, not this.",
        .bind = field<&Scenario::fund, &FundAssumptions::government_subsidy>},
    KeySpec{.path = "fund.scaled_premium_period",
            .kind = Kind::kInteger,
            .default_toml = "15",
            .range = Range{1, 100},
            .units = "years",
            .description = "Length of the periods of equilibrium of the scaled premium, from "
                           "`projection.start_year`; the last period ends at `projection.end_year` "
                           "and may be shorter.",
            .bind = field<&Scenario::fund, &FundAssumptions::scaled_premium_period>},
    KeySpec{.path = "fund.terminal_reserve_years",
            .kind = Kind::kNumber,
            .default_toml = "1.0",
            .range = Range{0, 100},
            .units = "years of expenditure",
            .description =
                "Target reserve at the end of the horizon, in years of the last year's benefits "
                "and administration, of `general_average_premium_with_terminal_reserve`. Not used "
                "by the actuarial balance, whose target is always one year.",
            .bind = field<&Scenario::fund, &FundAssumptions::terminal_reserve_years>},
    KeySpec{.path = "fund.typical_career_years",
            .kind = Kind::kIntegerList,
            .default_toml = "[15, 25, 35]",
            .range = Range{1, 60},
            .units = "years",
            .description = "Career lengths of the `replacement_rate_typical_career` indicators "
                           "and of `replacement_rates.csv`.",
            .bind = field<&Scenario::fund, &FundAssumptions::typical_career_years>},
    KeySpec{.path = "fund.typical_career_earnings",
            .kind = Kind::kNumberList,
            .default_toml = "[1.0]",
            .range = Range{0.01, 100},
            .units = "multiple of the average insurable earnings of active members",
            .description = "Earnings levels of those careers.",
            .bind = field<&Scenario::fund, &FundAssumptions::typical_career_earnings>},
    KeySpec{.path = "fund.typical_entry_ages",
            .kind = Kind::kIntegerList,
            .default_toml = "[20, 30, 40]",
            .range = Range{15, 69},
            .units = "years of age",
            .description =
                "Ages at which the typical careers of `replacement_rates.csv` start. A career "
                "that would end after age 70 (entry age + career years > 70) has no row.",
            .bind = field<&Scenario::fund, &FundAssumptions::typical_entry_ages>},
    KeySpec{.path = "fund.replacement_rate_interval",
            .kind = Kind::kInteger,
            .default_toml = "10",
            .range = Range{1, 100},
            .units = "years",
            .description = "Award years of `replacement_rates.csv`: the first year valued, then "
                           "every this many years, and the last year.",
            .bind = field<&Scenario::fund, &FundAssumptions::replacement_rate_interval>},
    KeySpec{.path = "interventions",
            .kind = Kind::kTableArray,
            .description =
                "Coverage-expansion interventions, one `[[interventions]]` table each. Written in "
                "a scenario without the workforce tables it is an error (`interventions need the "
                "workforce tables`). A file that extends one with entries and writes its own "
                "says with `interventions_mode` whether they are added to the base file's or "
                "replace them ([§3](#3-extends-building-on-another-scenario)).",
            .range_note = "at most 32 entries; requires the workforce tables",
            .default_note = "(no interventions)"},
    KeySpec{.path = "interventions.type",
            .kind = Kind::kChoice,
            .required = true,
            .description = "What the intervention is; decides which other keys apply "
                           "([interventions.md §3-§9](interventions.md#3-mobile_registration)).",
            .choices = kTypes},
    KeySpec{.path = "interventions.name",
            .kind = Kind::kString,
            .required = true,
            .description =
                "Names the intervention's rows in `interventions.csv` and keys its random numbers: "
                "the same name draws the same numbers in every scenario ([interventions.md "
                "§12](interventions.md#12-random-numbers-and-the-comparison-of-strategies)). "
                "Renaming an entry changes its draws.",
            .range_note = "letters, digits, `_` and `-` only; not empty; unique in the scenario",
            .bind = entry_field<&Intervention::name>},
    KeySpec{.path = "interventions.start_year",
            .kind = Kind::kInteger,
            .required = true,
            .range = kYear,
            .units = "year",
            .description =
                "First year it runs: its effects start with the membership on 1 July of that year, "
                "and `setup_cost` is spent in it. Interventions act from the year after the base "
                "year at the earliest. A `start_year` after `projection.end_year` gives a warning.",
            .bind = entry_field<&Intervention::start_year>},
    KeySpec{.path = "interventions.end_year",
            .kind = Kind::kInteger,
            .default_toml = "0",
            .range = kYearOrNever,
            .units = "year",
            .description = "Last year it runs; 0: to the end of the projection. After it, the "
                           "costs stop and the effects stop, except the awareness of an "
                           "information campaign and the effect of inspections, which decay.",
            .range_note = "0 or $\\ge$ `start_year`",
            .bind = entry_field<&Intervention::end_year>},
    KeySpec{.path = "interventions.regions",
            .kind = Kind::kStringList,
            .default_toml = "[]",
            .description = "Regions whose residents it reaches. An unknown name is an error with a "
                           "suggestion (`unknown region`).",
            .types = kTargeted,
            .range_note = "names of regions of `data.regions`, matched exactly",
            .default_note = "(every region)"},
    KeySpec{.path = "interventions.provinces",
            .kind = Kind::kStringList,
            .default_toml = "[]",
            .description = "Provinces whose residents it reaches (with `regions` as well, both "
                           "must hold). An unknown name is an error with a suggestion "
                           "(`unknown province`); requires `data.provinces`.",
            .types = kTargeted,
            .range_note = "names of provinces of `data.provinces`, matched exactly",
            .default_note = "(every province)"},
    KeySpec{.path = "interventions.districts",
            .kind = Kind::kStringList,
            .default_toml = "[]",
            .description = "Districts whose residents it reaches; nobody elsewhere. An unknown "
                           "name is an error with a suggestion (`unknown district`); requires "
                           "`data.districts`.",
            .types = kTargeted,
            .range_note = "names of districts of `data.districts`, matched exactly",
            .default_note = "(every district and the rest of each province)"},
    KeySpec{.path = "interventions.sectors",
            .kind = Kind::kStringList,
            .default_toml = "[]",
            .description = "Sectors of work of the persons it reaches (of their current job); "
                           "persons without work are then not reached. An unknown name is an "
                           "error with a suggestion (`unknown sector`); requires "
                           "`data.sector_shares`.",
            .types = kTargeted,
            .range_note = "names of sectors of `data.sector_shares`, matched exactly",
            .default_note = "(every sector, and persons without work)"},
    KeySpec{.path = "interventions.area",
            .kind = Kind::kChoice,
            .default_toml = "\"both\"",
            .description = "Area whose residents it reaches.",
            .choices = "urban|rural|both",
            .types = kTargeted,
            .bind = target_field<&InterventionTarget::areas>},
    KeySpec{.path = "interventions.sex",
            .kind = Kind::kChoice,
            .default_toml = "\"both\"",
            .description = "Sex of the persons it reaches.",
            .choices = "male|female|both",
            .types = kTargeted,
            .bind = target_field<&InterventionTarget::sexes>},
    KeySpec{.path = "interventions.age_min",
            .kind = Kind::kInteger,
            .default_toml = "15",
            .range = Range{15, 100},
            .units = "years",
            .description = "Youngest age it reaches (completed years on 1 July).",
            .types = kTargeted,
            .range_note = "at most `age_max`",
            .bind = target_field<&InterventionTarget::age_min>},
    KeySpec{.path = "interventions.age_max",
            .kind = Kind::kInteger,
            .default_toml = "100",
            .range = Range{15, 100},
            .units = "years",
            .description = "Oldest age it reaches.",
            .types = kTargeted,
            .bind = target_field<&InterventionTarget::age_max>},
    KeySpec{.path = "interventions.statuses",
            .kind = Kind::kStringList,
            .default_toml = "[\"informal_employee\", \"domestic_worker\", \"own_account\", "
                            "\"contributing_family\"]",
            .description =
                "Labour statuses it reaches. These types act only on persons on the "
                "voluntary path (the uncovered workers and voluntary members): a compulsory "
                "status listed here is counted in the target but not affected.",
            .choices = kStatusChoices,
            .types = kVoluntaryChannels,
            .bind = target_field<&InterventionTarget::statuses>},
    KeySpec{.path = "interventions.setup_cost",
            .kind = Kind::kNumber,
            .default_toml = "0.0",
            .range = kKipTotal,
            .units = "kip, base-year prices",
            .description = "One-off cost, counted in `start_year`.",
            .bind = entry_field<&Intervention::setup_cost>},
    KeySpec{.path = "interventions.fixed_cost_per_year",
            .kind = Kind::kNumberOrSchedule,
            .default_toml = "0.0",
            .range = kKipTotal,
            .units = "kip a year, base-year prices",
            .description = "Running cost in each year it runs.",
            .bind = entry_field<&Intervention::fixed_cost_per_year>},
    // [[uncertain]]: read and cross-checked in uncertainty/uncertain.cpp (docs/uncertainty.md).
    KeySpec{.path = "uncertain",
            .kind = Kind::kTableArray,
            .description =
                "Uncertain inputs, one `[[uncertain]]` table each: a key whose value each "
                "replication draws from a distribution ([uncertainty.md](uncertainty.md)). A "
                "file that extends another adds its entries to the other's; an entry for a key "
                "the other file already makes uncertain replaces that entry.",
            .range_note = "at most 64 entries; each key at most once",
            .default_note = "(every input is a plain value)"},
    KeySpec{.path = "uncertain.type",
            .kind = Kind::kChoice,
            .required = true,
            .description = "The distribution: `normal` (`mean`, `sd`), `lognormal` (`mean`, `sd` "
                           "of the value itself, not of its logarithm), `uniform` (`min`, `max`), "
                           "`triangular` (`min`, `mode`, `max`) or `beta` (`alpha`, `beta`, on "
                           "`min`-`max`, by default 0-1).",
            .choices = "normal|lognormal|uniform|triangular|beta"},
    KeySpec{
        .path = "uncertain.key",
        .kind = Kind::kString,
        .required = true,
        .description =
            "The key drawn: a number or schedule key of the scenario (`fund.investment_return`), "
            "or a number or schedule parameter of an intervention, named by the entry's "
            "`name` (`interventions.mobile_offices_south.conversion`).",
        .range_note = "a number or schedule key; once per scenario"},
    KeySpec{.path = "uncertain.apply",
            .kind = Kind::kChoice,
            .default_toml = "\"value\"",
            .description = "What the draw does: `value` replaces the key's value (a schedule "
                           "becomes that constant), `shift` adds the draw to the value or to every "
                           "year of the schedule, `factor` multiplies them by it.",
            .choices = "value|shift|factor"},
    KeySpec{.path = "uncertain.reason",
            .kind = Kind::kString,
            .required = true,
            .description = "Why this distribution: its source, or the reasoning of an ASSUMPTION. "
                           "Shown in `draws.csv`'s documentation and the report."},
    KeySpec{.path = "uncertain.mean",
            .kind = Kind::kNumber,
            .required = true,
            .range = Range{-1e18, 1e18},
            .units = "the key's",
            .description = "Mean of the draws.",
            .types = "normal|lognormal",
            .range_note = "> 0 for `lognormal`"},
    KeySpec{.path = "uncertain.sd",
            .kind = Kind::kNumber,
            .required = true,
            .range = Range{0, 1e18},
            .units = "the key's",
            .description = "Standard deviation of the draws; 0 draws the mean every time.",
            .types = "normal|lognormal"},
    KeySpec{.path = "uncertain.min",
            .kind = Kind::kNumber,
            .required = true,
            .range = Range{-1e18, 1e18},
            .units = "the key's",
            .description = "Smallest value drawn.",
            .types = "uniform|triangular",
            .range_note = "$\\le$ `mode` $\\le$ `max`"},
    KeySpec{.path = "uncertain.min",
            .kind = Kind::kNumber,
            .default_toml = "0.0",
            .range = Range{-1e18, 1e18},
            .units = "the key's",
            .description = "Value of the beta distribution's 0.",
            .types = "beta",
            .range_note = "$\\le$ `max`"},
    KeySpec{.path = "uncertain.max",
            .kind = Kind::kNumber,
            .required = true,
            .range = Range{-1e18, 1e18},
            .units = "the key's",
            .description = "Largest value drawn.",
            .types = "uniform|triangular"},
    KeySpec{.path = "uncertain.max",
            .kind = Kind::kNumber,
            .default_toml = "1.0",
            .range = Range{-1e18, 1e18},
            .units = "the key's",
            .description = "Value of the beta distribution's 1.",
            .types = "beta"},
    KeySpec{.path = "uncertain.mode",
            .kind = Kind::kNumber,
            .required = true,
            .range = Range{-1e18, 1e18},
            .units = "the key's",
            .description = "Most likely value.",
            .types = "triangular"},
    KeySpec{.path = "uncertain.alpha",
            .kind = Kind::kNumber,
            .required = true,
            .range = Range{0, 1e6, true, false},
            .description = "First shape parameter; for a share observed as k successes in n "
                           "trials, k + 1 (a uniform prior).",
            .types = "beta"},
    KeySpec{.path = "uncertain.beta",
            .kind = Kind::kNumber,
            .required = true,
            .range = Range{0, 1e6, true, false},
            .description = "Second shape parameter; n - k + 1 for k successes in n trials.",
            .types = "beta"},
};

}  // namespace

std::span<const KeySpec> scenario_keys() {
  static const std::vector<KeySpec> keys = [] {
    std::vector<KeySpec> out(kKeys.begin(), kKeys.end());
    for (KeySpec& k : out) {
      if (k.choices == kTypes) k.choices = all_type_names();
      if (k.types == kTargeted) k.types = targeted_type_names(false);
      if (k.types == kVoluntaryChannels) k.types = targeted_type_names(true);
    }
#define SSPROJ_KEYS_OF(type, enumerator)                 \
  for (const KeySpec& k : interventions::type::keys()) { \
    out.push_back(k);                                    \
  }
    SSPROJ_INTERVENTION_TYPES(SSPROJ_KEYS_OF)
#undef SSPROJ_KEYS_OF
    return out;
  }();
  return keys;
}

const KeySpec* find_key(std::string_view path) {
  for (const KeySpec& k : scenario_keys()) {
    if (k.path == path) return &k;
  }
  return nullptr;
}

const KeySpec* find_element_key(std::string_view path, std::string_view type) {
  for (const KeySpec& k : scenario_keys()) {
    if (k.path == path && (k.types.empty() || in_list(k.types, type))) return &k;
  }
  return nullptr;
}

std::vector<std::string> values_nearest_bounds(const std::string& resolved_toml, std::size_t count,
                                               double min_share) {
  toml::table document;
  try {
    document = toml::parse(resolved_toml);
  } catch (const toml::parse_error&) {
    return {};
  }
  struct Near {
    double share;
    std::string text;
  };
  std::vector<Near> found;
  // A number, a schedule { YEAR = number } or a table of named schedules: the largest value.
  const auto largest = [](const toml::node& node, auto& self) -> std::optional<double> {
    if (auto x = as_number(node)) return std::abs(*x);
    const toml::table* t = node.as_table();
    if (t == nullptr) return std::nullopt;
    std::optional<double> most;
    for (auto&& [k, v] : *t) {
      if (auto x = self(v, self)) most = std::max(most.value_or(0.0), *x);
    }
    return most;
  };
  const auto consider = [&](const KeySpec& spec, const toml::node& node, const std::string& name) {
    if (!(spec.range.max > 0)) return;
    const std::optional<double> value = largest(node, largest);
    if (!value) return;
    const double share = *value / spec.range.max;
    if (share < min_share) return;
    char text[160];
    std::snprintf(text, sizeof text, "%s = %g (at most %g)", name.c_str(), *value, spec.range.max);
    found.push_back(Near{share, text});
  };
  for (const KeySpec& spec : scenario_keys()) {
    if (spec.kind != Kind::kNumber && spec.kind != Kind::kNumberOrSchedule &&
        spec.kind != Kind::kNamedSchedules && spec.kind != Kind::kInteger) {
      continue;
    }
    // Keys of years and counts of the projection itself are not amounts.
    if (spec.range.max == kYear.max || spec.path.starts_with("projection.") ||
        spec.path == "schema_version") {
      continue;
    }
    const std::string path(spec.path);
    if (path.starts_with("interventions.")) {
      const toml::array* entries = document.get_as<toml::array>("interventions");
      if (entries == nullptr) continue;
      const std::string key = path.substr(std::string_view("interventions.").size());
      for (std::size_t i = 0; i < entries->size(); ++i) {
        const toml::table* entry = entries->get(i)->as_table();
        const toml::node* type = entry ? entry->get("type") : nullptr;
        if (entry == nullptr || entry->get(key) == nullptr || type == nullptr ||
            !type->is_string() || find_element_key(path, type->as_string()->get()) != &spec) {
          continue;
        }
        consider(spec, *entry->get(key), "interventions[" + std::to_string(i) + "]." + key);
      }
      continue;
    }
    if (const toml::node* node = document.at_path(spec.path).node()) consider(spec, *node, path);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Near& a, const Near& b) { return a.share > b.share; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.size() && i < count; ++i) out.push_back(found[i].text);
  return out;
}

}  // namespace ssproj::scenario
