// The fund's accounts, beneficiaries and actuarial indicators, computed from the yearly
// tallies of a replication. Deterministic: no random numbers here.
#include <algorithm>
#include <cmath>
#include <limits>

#include <ssproj/valuation.h>

#include "benefits/benefits.h"
#include "contributions/contributions.h"
#include "economy/economy.h"
#include "fund/liabilities.h"
#include "interventions/programmes.h"
#include "starting_point/stocks.h"

namespace ssproj {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDaysPerYear = 365.0;
constexpr std::size_t kTotal = kNumBranches;  // index of the pooled total in FundYear

double sum(const std::array<double, kNumSexes>& a) { return a[0] + a[1]; }
double ratio(double a, double b) { return b != 0 ? a / b : kNaN; }

// Survivor pensions in payment: amounts and recipients by expected duration d (years); each
// year a share 1/d of them ends, so that the expected duration of an award is d years.
struct SurvivorPool {
  std::array<std::array<double, kMaxSurvivorYears + 1>, kNumSexes> spouse_monthly{}, spouses{};
  std::array<double, kMaxSurvivorYears + 1> child_monthly{}, children{};

  void age_one_year(double indexation) {
    for (std::size_t d = 1; d <= kMaxSurvivorYears; ++d) {
      const double stay = 1.0 - 1.0 / static_cast<double>(d);
      for (std::size_t s = 0; s < kNumSexes; ++s) {
        spouse_monthly[s][d] *= stay * (1 + indexation);
        spouses[s][d] *= stay;
      }
      child_monthly[d] *= stay * (1 + indexation);
      children[d] *= stay;
    }
  }
  void add(const BenefitTallies& b) {
    for (std::size_t d = 1; d <= kMaxSurvivorYears; ++d) {
      for (std::size_t s = 0; s < kNumSexes; ++s) {
        spouse_monthly[s][d] += b.spouse_new_monthly[s][d];
        spouses[s][d] += b.spouse_new[s][d];
      }
      child_monthly[d] += b.child_new_monthly[d];
      children[d] += b.child_new[d];
    }
  }
};

// Survivor pensions in payment at the valuation date (data.pensioners): each survivor of sex s
// and age x is a spouse pension expected to last the survivor's remaining life expectancy at
// base-year mortality (at least a year, at most kMaxSurvivorYears), the pool's duration d.
void add_survivor_stock(const Scenario& scenario, std::array<SurvivorPool, kNumSchemes>& pools) {
  const WorkforceInputs& in = scenario.workforce;
  if (!in.has_pensioners || scenario.inputs.mortality.empty()) return;
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    // Remaining life expectancy e_x = T(x) / l(x), T(x) = sum_{y >= x} L(y), from the base
    // year's life table.
    const demography::LifeTable table =
        starting_point::base_life_table(scenario, static_cast<Sex>(s));
    std::array<double, kNumAges> e{};
    double person_years = 0;  // T(x), from the oldest age down
    for (std::size_t x = kNumAges; x-- > 0;) {
      person_years += table.L[x];
      e[x] = table.l[x] > 0 ? person_years / table.l[x] : 0.0;
    }
    for (std::size_t k = 0; k < kNumSchemes; ++k) {
      const auto& stock = in.pensioners[k][static_cast<std::size_t>(StockBenefit::kSurvivor)][s];
      for (std::size_t x = 0; x < kNumAges; ++x) {
        if (stock[x].persons <= 0) continue;
        const auto d = static_cast<std::size_t>(
            std::clamp<long>(std::lround(e[x]), 1, static_cast<long>(kMaxSurvivorYears)));
        pools[k].spouses[s][d] += stock[x].persons;
        pools[k].spouse_monthly[s][d] += stock[x].persons * stock[x].average_monthly;
      }
    }
  }
}

template <std::size_t N>
double total(const std::array<double, N>& a) {
  double t = 0;
  for (double x : a) t += x;
  return t;
}

double employed(const WorkforceYear& y) {
  double n = 0;
  for (const auto& bands : y.cells) {
    for (const auto& areas : bands) {
      for (const auto& statuses : areas) {
        for (std::size_t st = 0; st < kNumStatuses; ++st) {
          if (is_employed(static_cast<Status>(st))) n += statuses[st].persons;
        }
      }
    }
  }
  return n;
}

// The pooled fund rolled over years [first, last] (indices) with contribution rate `rate` on
// insurable earnings: the scaled premium's building block. Linear in `rate`.
struct PoolFlows {
  std::vector<double> insurable;    // IW_t
  std::vector<double> admin_share;  // a_t
  std::vector<double> fixed_outgo;  // B_t + administration per member
  std::vector<double> government;   // G_t
  std::vector<double> investment;   // r_t
};

double roll(const PoolFlows& f, std::size_t first, std::size_t last, double reserve, double rate) {
  for (std::size_t t = first; t <= last; ++t) {
    const double net =
        rate * f.insurable[t] * (1 - f.admin_share[t]) + f.government[t] - f.fixed_outgo[t];
    reserve += net + f.investment[t] * (reserve + 0.5 * net);
  }
  return reserve;
}

}  // namespace

// The cost of each intervention in each year, from what the simulation counted.
void cost_interventions(const Scenario& scenario, const std::vector<WorkforceYear>& years,
                        const std::vector<economy::EconomyYear>& economy, Valuation& v) {
  const int base = scenario.inputs.base_year;
  for (const WorkforceYear& w : years) {
    const double prices = economy[static_cast<std::size_t>(w.year - base)].price_index;
    for (std::size_t k = 0; k < scenario.interventions.size() && k < w.interventions.size(); ++k) {
      const Intervention& iv = scenario.interventions[k];
      const InterventionTally& t = w.interventions[k];
      InterventionYear row{w.year,       iv.name,           std::string(iv.type_name()),
                           t.targeted,   t.reached,         t.attended,
                           t.registered, t.lapsed_prevented};
      const interventions::YearCost cost = interventions::cost_in(iv, w.year, t);
      const double at_base_prices = cost.at_base_prices;
      row.sanction_revenue = cost.sanctions_at_base_prices * prices;
      row.subsidy_cost = t.subsidy;
      row.cost = at_base_prices * prices + t.subsidy;
      v.interventions.push_back(std::move(row));
    }
  }
}

Valuation valuate(const Scenario& scenario, const std::vector<WorkforceYear>& years) {
  Valuation v;
  if (years.empty()) return v;
  const int base = scenario.inputs.base_year;
  const std::vector<economy::EconomyYear> economy =
      economy::build_economy(scenario, base, scenario.projection.end_year);
  const std::vector<benefits::BenefitYear> rules = benefits::build_benefit_years(scenario, economy);
  const BenefitRules& b = scenario.benefits;
  const FundAssumptions& fund = scenario.fund;
  cost_interventions(scenario, years, economy, v);
  v.liabilities = fund::accrued_liabilities(scenario, years.front());

  // The survivor pensions in payment at the base year, one pool per scheme, carried to the
  // first year valued.
  std::array<SurvivorPool, kNumSchemes> pools;
  add_survivor_stock(scenario, pools);
  for (int t = base + 1; t <= years.front().year; ++t) {
    for (SurvivorPool& pool : pools) {
      pool.age_one_year(rules[static_cast<std::size_t>(t - base)].indexation);
    }
  }
  // The reserves: of each scheme's branches and total ([scheme][branch]), and of all schemes
  // ([kNumSchemes][branch]); the initial reserve split by the schemes' shares and the
  // branches' allocation of the first year. Each account keeps its own reserve, so each
  // identity holds exactly; the accounts of all schemes equal the sums up to rounding.
  constexpr std::size_t kAll = kNumSchemes;
  std::array<std::array<double, kNumBranches + 1>, kNumSchemes + 1> reserve{};
  {
    const int first = years.front().year;
    for (std::size_t k = 0; k <= kAll; ++k) {
      const double share = k < kAll ? fund.initial_reserve_share[k] : 1.0;
      double allocated = 0;
      for (std::size_t br = 0; br < kNumBranches; ++br) {
        reserve[k][br] = share * fund.allocation[br].at(first) * fund.initial_reserve;
        allocated += fund.allocation[br].at(first);
      }
      reserve[k][kTotal] = share * allocated * fund.initial_reserve;
    }
  }
  // Excess medical inflation compounds from the base year, like the wage index (the cost per
  // member is at base-year prices); the run-in years before the first year valued count too.
  double medical_index = 1;
  for (int t = base + 1; t < years.front().year; ++t) {
    medical_index *= 1 + b.medical_inflation_excess.at(t);
  }
  PoolFlows flows;

  for (std::size_t i = 0; i < years.size(); ++i) {
    const WorkforceYear& w = years[i];
    const int t = w.year;
    const auto e = static_cast<std::size_t>(t - base);
    const benefits::BenefitYear& rule = rules[e];
    if (t > base) medical_index *= 1 + b.medical_inflation_excess.at(t);
    for (std::size_t k = 0; k < kNumSchemes; ++k) {
      if (i > 0) pools[k].age_one_year(rule.indexation);
      pools[k].add(w.scheme_benefits[k]);
    }
    const double r = fund.investment_return.at(t);
    const double government = fund.government_subsidy.at(t);
    double insurable = 0;
    for (const ContributionTotals& c : w.contributions) insurable += c.insurable_earnings;

    // One account's year: the identity, with investment income on the reserve and on half
    // the year's net flow (cash flows at mid-year).
    const auto account = [&](BranchYear& by, double& reserve_of, double contributions,
                             double subsidy, double outgo, double administration, double earnings) {
      by.reserve_start = reserve_of;
      by.contributions = contributions;
      by.government = subsidy;
      by.benefits = outgo;
      by.administration = administration;
      const double net = contributions + subsidy - outgo - administration;
      by.investment_income = r * (by.reserve_start + 0.5 * net);
      by.reserve_end = by.reserve_start + by.contributions + by.government + by.investment_income -
                       by.benefits - by.administration;
      reserve_of = by.reserve_end;
      by.paygo_cost_rate = ratio(by.benefits + by.administration, earnings);
      by.reserve_ratio = ratio(by.reserve_end, by.benefits + by.administration);
    };

    FundYear fy;
    fy.year = t;
    fy.insurable_earnings = insurable;
    double admin_per_member_all = 0, contributions_all = 0;
    std::array<double, kNumBranches> benefits_all{};
    // Beneficiaries of each scheme: (benefit, sex) -> awards, recipients, amount; the total
    // row of each is the sum over the schemes.
    struct Cell {
      const char* benefit;
      const char* sex;
      double awards = 0, recipients = 0, amount = 0;
    };
    std::vector<Cell> total_cells;
    for (std::size_t k = 0; k < kNumSchemes; ++k) {
      const BenefitTallies& bt = w.scheme_benefits[k];
      const SurvivorPool& pool = pools[k];
      const ContributionTotals& c = w.contributions[k];
      const double contributions = c.employer + c.employee + c.government;

      // Benefits by branch, kip in year t.
      const double active = sum(bt.active);
      const double daily_insurable = sum(bt.active_insurable_monthly) * 12.0 / kDaysPerYear;
      auto short_term = [&](const ShortTermRules& rules_of) {
        return rules_of.incidence.at(t) * rules_of.duration_days.at(t) *
               rules_of.replacement.at(t) * daily_insurable;
      };
      const double female_daily =
          ratio(bt.active_insurable_monthly[1], bt.active[1]) * 12.0 / kDaysPerYear;
      const double maternity = bt.births_to_insured * b.maternity_duration_days.at(t) *
                               b.maternity_replacement.at(t) *
                               (std::isnan(female_daily) ? 0.0 : female_daily);
      const double health_per_member =
          b.health_care_cost_per_member.at(t) * economy[e].wage_index * medical_index;
      double spouse_monthly = 0, child_monthly = 0;
      for (std::size_t d = 1; d <= kMaxSurvivorYears; ++d) {
        spouse_monthly += pool.spouse_monthly[0][d] + pool.spouse_monthly[1][d];
        child_monthly += pool.child_monthly[d];
      }
      std::array<double, kNumBranches> benefit{};
      benefit[static_cast<std::size_t>(Branch::kOldAge)] =
          12 * sum(bt.old_age_monthly) + sum(bt.lump_sum_amount);
      benefit[static_cast<std::size_t>(Branch::kInvalidity)] = 12 * sum(bt.invalidity_monthly);
      benefit[static_cast<std::size_t>(Branch::kSurvivors)] =
          12 * (spouse_monthly + child_monthly) + sum(bt.funeral_amount);
      benefit[static_cast<std::size_t>(Branch::kSickness)] = short_term(b.sickness);
      benefit[static_cast<std::size_t>(Branch::kMaternity)] = maternity;
      benefit[static_cast<std::size_t>(Branch::kEmploymentInjury)] =
          short_term(b.employment_injury);
      benefit[static_cast<std::size_t>(Branch::kUnemployment)] = short_term(b.unemployment);
      constexpr auto kHealth = static_cast<std::size_t>(Branch::kHealthCare);
      benefit[kHealth] = b.health_care_financing == "pass_through"
                             ? fund.allocation[kHealth].at(t) * contributions
                             : health_per_member * active;

      // Income and the accounts of the scheme: the subsidy shared by insurable earnings.
      const double subsidy =
          insurable > 0 ? government * c.insurable_earnings / insurable : (k == 0 ? government : 0);
      const double admin_per_member =
          fund.administration_per_member.at(t) * economy[e].wage_index * active;
      admin_per_member_all += admin_per_member;
      contributions_all += contributions;
      for (std::size_t br = 0; br < kNumBranches; ++br) benefits_all[br] += benefit[br];
      const double administration =
          fund.administration_share.at(t) * contributions + admin_per_member;
      std::array<BranchYear, kNumBranches + 1>& accounts = fy.schemes[k];
      BranchYear sums;
      for (std::size_t br = 0; br < kNumBranches; ++br) {
        const double share = fund.allocation[br].at(t);
        account(accounts[br], reserve[k][br], share * contributions, share * subsidy, benefit[br],
                share * administration, c.insurable_earnings);
        sums.contributions += accounts[br].contributions;
        sums.government += accounts[br].government;
        sums.benefits += accounts[br].benefits;
        sums.administration += accounts[br].administration;
      }
      account(accounts[kTotal], reserve[k][kTotal], sums.contributions, sums.government,
              sums.benefits, sums.administration, c.insurable_earnings);

      // Beneficiaries of the scheme.
      std::vector<Cell> cells;
      for (std::size_t s = 0; s < kNumSexes; ++s) {
        const char* sex = sex_name(static_cast<Sex>(s));
        cells.push_back(
            {"old_age", sex, bt.old_age_new[s], bt.old_age_recipients[s], bt.old_age_monthly[s]});
        cells.push_back({"invalidity", sex, bt.invalidity_new[s], bt.invalidity_recipients[s],
                         bt.invalidity_monthly[s]});
        cells.push_back({"survivor_spouse", sex, total(bt.spouse_new[s]), total(pool.spouses[s]),
                         total(pool.spouse_monthly[s])});
        cells.push_back({"lump_sum", sex, bt.lump_sums[s], bt.lump_sums[s], bt.lump_sum_amount[s]});
        cells.push_back(
            {"funeral_grant", sex, bt.funerals[s], bt.funerals[s], bt.funeral_amount[s]});
      }
      cells.push_back({"survivor_child", "all", total(bt.child_new), total(pool.children),
                       total(pool.child_monthly)});
      auto cases = [&](const char* name, const ShortTermRules& rules_of, Branch branch) {
        const double n = rules_of.incidence.at(t) * active;
        cells.push_back({name, "all", n, n, benefit[static_cast<std::size_t>(branch)]});
      };
      cases("sickness", b.sickness, Branch::kSickness);
      cells.push_back(
          {"maternity", "female", bt.births_to_insured, bt.births_to_insured, maternity});
      cases("employment_injury", b.employment_injury, Branch::kEmploymentInjury);
      cases("unemployment", b.unemployment, Branch::kUnemployment);
      cells.push_back({"health_care", "all", 0, active, benefit[kHealth]});
      if (total_cells.empty()) {
        for (const Cell& cell : cells) total_cells.push_back({cell.benefit, cell.sex});
      }
      for (std::size_t j = 0; j < cells.size(); ++j) {
        const Cell& cell = cells[j];
        v.beneficiaries.push_back(BeneficiaryRow{t, std::string(kSchemeNames[k]), cell.benefit,
                                                 cell.sex, cell.awards, cell.recipients,
                                                 ratio(cell.amount, cell.recipients)});
        total_cells[j].awards += cell.awards;
        total_cells[j].recipients += cell.recipients;
        total_cells[j].amount += cell.amount;
      }
    }
    for (const Cell& cell : total_cells) {
      v.beneficiaries.push_back(BeneficiaryRow{t, "total", cell.benefit, cell.sex, cell.awards,
                                               cell.recipients,
                                               ratio(cell.amount, cell.recipients)});
    }

    // The accounts of all schemes: each branch (its share of all contributions, subsidy and
    // administration, and the schemes' benefits), then the pooled total.
    const double administration_all =
        fund.administration_share.at(t) * contributions_all + admin_per_member_all;
    BranchYear sums;
    for (std::size_t br = 0; br < kNumBranches; ++br) {
      const double share = fund.allocation[br].at(t);
      account(fy.branches[br], reserve[kAll][br], share * contributions_all, share * government,
              benefits_all[br], share * administration_all, insurable);
      sums.contributions += fy.branches[br].contributions;
      sums.government += fy.branches[br].government;
      sums.benefits += fy.branches[br].benefits;
      sums.administration += fy.branches[br].administration;
    }
    BranchYear& tot = fy.branches[kTotal];
    account(tot, reserve[kAll][kTotal], sums.contributions, sums.government, sums.benefits,
            sums.administration, insurable);
    v.years.push_back(fy);
    flows.insurable.push_back(insurable);
    flows.admin_share.push_back(fund.administration_share.at(t));
    flows.fixed_outgo.push_back(tot.benefits + admin_per_member_all);
    flows.government.push_back(tot.government);
    flows.investment.push_back(r);

    const BenefitTallies& bt = w.benefits;  // all schemes
    const double active = sum(bt.active);

    // Yearly indicators.
    const std::string year_text = std::to_string(t);
    const double pensioners = sum(bt.old_age_recipients) + sum(bt.invalidity_recipients);
    v.indicators.push_back({"demographic_ratio", ratio(pensioners, active),
                            "pensioners per active contributor", year_text});
    v.indicators.push_back({"replacement_rate_new_old_age_pensions",
                            ratio(sum(bt.old_age_new_monthly), sum(bt.old_age_new_reference)),
                            "share of reference earnings", year_text});
    v.indicators.push_back(
        {"contributors_over_employed", ratio(active, employed(w)), "share", year_text});
    v.indicators.push_back({"old_age_pensioners_over_population_above_pensionable_age",
                            ratio(sum(bt.old_age_recipients), sum(bt.above_pensionable_age)),
                            "share", year_text});
  }

  // Horizon indicators of the pooled fund.
  const int first_year = v.years.front().year;
  const int last_year = v.years.back().year;
  const std::string horizon = std::to_string(first_year) + "-" + std::to_string(last_year);
  double pv_outgo = 0, pv_fixed = 0, pv_government = 0, pv_insurable = 0, pv_net_insurable = 0,
         pv_contributions = 0, discount = 1;
  double first_contribution_deficit = kNaN, first_deficit = kNaN, depletion = kNaN;
  for (std::size_t i = 0; i < v.years.size(); ++i) {
    const BranchYear& tot = v.years[i].branches[kTotal];
    // A flow at mid-year earns r/2 in its year, as in the accounts: its value at the start of
    // the year is (1 + r/2) / (1 + r) of it.
    const double mid = discount * (1 + flows.investment[i] / 2) / (1 + flows.investment[i]);
    const double outgo = tot.benefits + tot.administration;
    pv_outgo += outgo * mid;
    pv_fixed += flows.fixed_outgo[i] * mid;
    pv_government += tot.government * mid;
    pv_insurable += flows.insurable[i] * mid;
    pv_net_insurable += flows.insurable[i] * (1 - flows.admin_share[i]) * mid;
    pv_contributions += tot.contributions * mid;
    discount /= 1 + flows.investment[i];
    const double year = v.years[i].year;
    if (std::isnan(first_contribution_deficit) && tot.contributions < outgo) {
      first_contribution_deficit = year;
    }
    if (std::isnan(first_deficit) &&
        tot.contributions + tot.government + tot.investment_income < outgo) {
      first_deficit = year;
    }
    if (std::isnan(depletion) && tot.reserve_end <= 0 && outgo > 0) depletion = year;
  }
  const BranchYear& last = v.years.back().branches[kTotal];
  const double f0 = v.years.front().branches[kTotal].reserve_start;
  const double target = fund.terminal_reserve_years * (last.benefits + last.administration);
  v.indicators.push_back({"general_average_premium",
                          ratio(pv_fixed - f0 - pv_government, pv_net_insurable),
                          "share of insurable earnings", horizon});
  v.indicators.push_back(
      {"general_average_premium_with_terminal_reserve",
       ratio(pv_fixed - f0 - pv_government + discount * target, pv_net_insurable),
       "share of insurable earnings", horizon});
  v.indicators.push_back({"actuarial_balance",
                          ratio(f0 + pv_contributions + pv_government - pv_outgo -
                                    discount * (last.benefits + last.administration),
                                pv_insurable),
                          "share of insurable earnings", horizon});
  v.indicators.push_back(
      {"first_year_of_contribution_deficit", first_contribution_deficit, "year", horizon});
  v.indicators.push_back({"first_year_of_overall_deficit", first_deficit, "year", horizon});
  v.indicators.push_back({"reserve_depletion_year", depletion, "year", horizon});

  // Scaled premium: in each period of equilibrium the constant rate under which the reserve at
  // the end of the period equals the reserve at its start.
  const auto period = static_cast<std::size_t>(std::max(1, fund.scaled_premium_period));
  double reserve_start = f0;
  for (std::size_t a = 0; a < v.years.size(); a += period) {
    const std::size_t z = std::min(v.years.size() - 1, a + period - 1);
    const double at_zero = roll(flows, a, z, reserve_start, 0.0);
    const double at_one = roll(flows, a, z, reserve_start, 1.0);
    const double premium = ratio(reserve_start - at_zero, at_one - at_zero);
    v.indicators.push_back(
        {"scaled_premium", premium, "share of insurable earnings",
         std::to_string(v.years[a].year) + "-" + std::to_string(v.years[z].year)});
  }

  // Replacement rates of typical careers under the rules of the first and the last year.
  const std::vector<contributions::ContributionYear> ceilings =
      contributions::build_contribution_years(scenario, economy);
  for (int year : {first_year, last_year}) {
    const std::size_t i = static_cast<std::size_t>(year - first_year);
    const BenefitTallies& bt = years[i].benefits;
    const double average = ratio(sum(bt.active_insurable_monthly), sum(bt.active));
    const benefits::BenefitYear& rule = rules[static_cast<std::size_t>(year - base)];
    for (int career : fund.typical_career_years) {
      for (double multiple : fund.typical_career_earnings) {
        // Insurable earnings of the career: at most the ceiling of that year.
        const double earnings =
            std::min(multiple * average, ceilings[static_cast<std::size_t>(year - base)].ceiling);
        const double rate = career * 12 >= rule.minimum_months
                                ? ratio(benefits::pension_amount(rule, career, earnings), earnings)
                                : 0.0;
        char what[96];
        std::snprintf(what, sizeof what, "%d; %d years at %g x average insurable earnings", year,
                      career, multiple);
        v.indicators.push_back(
            {"replacement_rate_typical_career", rate, "share of insurable earnings", what});
      }
    }
  }
  return v;
}

}  // namespace ssproj
