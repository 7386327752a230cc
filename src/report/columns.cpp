#include "report/columns.h"

#include <array>

namespace ssproj::report {
namespace {

constexpr std::string_view kKip = "kip";
constexpr std::string_view kPersons = "persons";
constexpr std::string_view kShare = "share";

// Every column of the tables of docs/outputs.md, once, in the order of that document.
constexpr std::array kColumns = {
    // keys
    ColumnInfo{"year", "", Format::kYear},
    ColumnInfo{"sex", "", Format::kKey},
    ColumnInfo{"age", "completed years", Format::kYear},
    ColumnInfo{"age_group", "", Format::kKey},
    ColumnInfo{"area", "", Format::kKey},
    ColumnInfo{"status", "", Format::kKey},
    ColumnInfo{"scheme", "", Format::kKey},
    ColumnInfo{"branch", "", Format::kKey},
    ColumnInfo{"benefit", "", Format::kKey},
    ColumnInfo{"indicator", "", Format::kKey},
    ColumnInfo{"group", "", Format::kKey},
    ColumnInfo{"unit", "", Format::kKey},
    ColumnInfo{"intervention", "", Format::kKey},
    ColumnInfo{"type", "", Format::kKey},
    ColumnInfo{"strategy", "", Format::kKey},
    ColumnInfo{"variant", "", Format::kKey},
    ColumnInfo{"kind", "", Format::kKey},
    ColumnInfo{"assumption", "", Format::kKey},
    ColumnInfo{"measure", "", Format::kKey},
    ColumnInfo{"side", "", Format::kKey},
    ColumnInfo{"level", "", Format::kKey},
    ColumnInfo{"place", "", Format::kKey},
    ColumnInfo{"region", "", Format::kKey},
    ColumnInfo{"province", "", Format::kKey},
    ColumnInfo{"sector", "", Format::kKey},
    // population, labour, coverage
    ColumnInfo{"persons", kPersons, Format::kCount},
    ColumnInfo{"registered", kPersons, Format::kCount},
    ColumnInfo{"ever_registered", kPersons, Format::kCount},
    ColumnInfo{"active_contributors", kPersons, Format::kCount},
    ColumnInfo{"coverage_rate", kShare, Format::kShare},
    // places and sectors
    ColumnInfo{"persons_15_plus", kPersons, Format::kCount},
    ColumnInfo{"employed", kPersons, Format::kCount},
    ColumnInfo{"insured", kPersons, Format::kCount},
    ColumnInfo{"coverage_of_employed", kShare, Format::kShare},
    // contributions
    ColumnInfo{"contributors", kPersons, Format::kCount},
    ColumnInfo{"insurable_earnings", kKip, Format::kMoney},
    ColumnInfo{"contributions_employer", kKip, Format::kMoney},
    ColumnInfo{"contributions_employee", kKip, Format::kMoney},
    ColumnInfo{"contributions_government", kKip, Format::kMoney},
    // finance
    ColumnInfo{"contributions", kKip, Format::kMoney},
    ColumnInfo{"government", kKip, Format::kMoney},
    ColumnInfo{"investment_income", kKip, Format::kMoney},
    ColumnInfo{"benefits", kKip, Format::kMoney},
    ColumnInfo{"administration", kKip, Format::kMoney},
    ColumnInfo{"reserve_end", kKip, Format::kMoney},
    ColumnInfo{"paygo_cost_rate", "share of insurable earnings", Format::kShare},
    ColumnInfo{"reserve_ratio", "years of outgo", Format::kNumber},
    ColumnInfo{"cost_gdp_share", "share of GDP", Format::kShare},
    // beneficiaries
    ColumnInfo{"new_awards", "benefits", Format::kCount},
    ColumnInfo{"recipients", "persons or cases", Format::kCount},
    ColumnInfo{"average_amount", kKip, Format::kMoney},
    // indicators: the unit is in the row's `unit` column
    ColumnInfo{"period_start", "", Format::kYear},
    ColumnInfo{"period_end", "", Format::kYear},
    ColumnInfo{"career_years", "years", Format::kYear},
    ColumnInfo{"earnings_multiple", "multiple of average insurable earnings", Format::kNumber},
    ColumnInfo{"value", "see unit", Format::kNumber},
    // replacement rates
    ColumnInfo{"entry_age", "years", Format::kYear},
    ColumnInfo{"award_age", "years", Format::kYear},
    ColumnInfo{"monthly_pension", "kip a month", Format::kMoney},
    ColumnInfo{"replacement_rate", kShare, Format::kShare},
    ColumnInfo{"replacement_rate_after_10_years", kShare, Format::kShare},
    ColumnInfo{"c102_benchmark", kShare, Format::kShare},
    ColumnInfo{"meets_c102", "share of replications", Format::kShare},
    // interventions
    ColumnInfo{"targeted", kPersons, Format::kCount},
    ColumnInfo{"reached", kPersons, Format::kCount},
    ColumnInfo{"attended", kPersons, Format::kCount},
    ColumnInfo{"lapsed_prevented", kPersons, Format::kCount},
    ColumnInfo{"cost", kKip, Format::kMoney},
    ColumnInfo{"subsidy_cost", kKip, Format::kMoney},
    ColumnInfo{"sanction_revenue", kKip, Format::kMoney},
    // liabilities
    ColumnInfo{"pensions_in_payment", "kip at the valuation date", Format::kMoney},
    ColumnInfo{"active_members", "kip at the valuation date", Format::kMoney},
    ColumnInfo{"deferred_members", "kip at the valuation date", Format::kMoney},
    ColumnInfo{"accrued", "kip at the valuation date", Format::kMoney},
    ColumnInfo{"lump_sums", "kip at the valuation date", Format::kMoney},
    ColumnInfo{"reserve", kKip, Format::kMoney},
    ColumnInfo{"reserve_all_branches", kKip, Format::kMoney},
    ColumnInfo{"implicit_debt", "kip at the valuation date", Format::kMoney},
    ColumnInfo{"funding_ratio", "share of the accrued-to-date liability", Format::kShare},
    ColumnInfo{"pensioners", kPersons, Format::kCount},
    ColumnInfo{"active", kPersons, Format::kCount},
    ColumnInfo{"deferred", kPersons, Format::kCount},
    // comparison
    ColumnInfo{"additional_contributors", kPersons, Format::kCount},
    ColumnInfo{"programme_cost", kKip, Format::kMoney},
    ColumnInfo{"cumulative_cost", kKip, Format::kMoney},
    ColumnInfo{"cost_per_additional_contributor_year", "kip per contributor-year", Format::kMoney},
    ColumnInfo{"general_average_premium", "share of insurable earnings", Format::kShare},
    ColumnInfo{"reserve_depletion_year", "year", Format::kYear},
    // decisions.csv: the unit is the measure's; comparison_replications.csv
    ColumnInfo{"better", "", Format::kKey},
    ColumnInfo{"mean", "see measure", Format::kNumber},
    ColumnInfo{"p05", "see measure", Format::kNumber},
    ColumnInfo{"p50", "see measure", Format::kNumber},
    ColumnInfo{"p95", "see measure", Format::kNumber},
    ColumnInfo{"share_defined", "share of replications", Format::kShare},
    ColumnInfo{"prob_beats_baseline", "share of replications", Format::kShare},
    ColumnInfo{"prob_ranks_first", "share of replications", Format::kShare},
    ColumnInfo{"replication", "", Format::kYear},
    // draws.csv, comparison_draws.csv, comparison_drivers.csv
    ColumnInfo{"key", "", Format::kKey},
    ColumnInfo{"distribution", "", Format::kKey},
    ColumnInfo{"apply", "", Format::kKey},
    ColumnInfo{"prcc", "partial rank correlation, -1 to 1", Format::kNumber},
    ColumnInfo{"rank", "1 = most influential", Format::kYear},
};

}  // namespace

std::string_view quantile_suffix(std::string_view column) {
  for (std::string_view q : {"_p05", "_p50", "_p95"}) {
    if (column.size() > q.size() && column.ends_with(q)) return q.substr(1);
  }
  return {};
}

std::string_view base_column(std::string_view column) {
  const std::string_view q = quantile_suffix(column);
  return q.empty() ? column : column.substr(0, column.size() - q.size() - 1);
}

const ColumnInfo* column_info(std::string_view column) {
  const std::string_view base = base_column(column);
  for (const ColumnInfo& c : kColumns) {
    if (c.name == base) return &c;
  }
  return nullptr;
}

}  // namespace ssproj::report
