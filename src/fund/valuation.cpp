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
#include "fund/replacement_rates.h"
#include "interventions/programmes.h"
#include "starting_point/stocks.h"

namespace ssproj {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDaysPerYear = 365.0;

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

// One account (of a scheme, or of all schemes) by year: what the horizon indicators need
// beyond its accounts. Contributions at rate p give p x insurable x (1 - admin_share) net of
// the administration charged on them; the rest of the outgo (benefits and the account's share
// of the administration per member) does not depend on p.
struct AccountSeries {
  std::vector<const BranchYear*> years;
  std::vector<double> insurable;    // IW_t of the scheme (or of all schemes)
  std::vector<double> admin_share;  // a_t
  std::vector<double> fixed_outgo;  // B_t + the account's administration per member
  std::vector<double> investment;   // r_t
};

// The changes of the reserve, R_end - R_start, in each year of [first, last] when the account
// starts the period with `reserve` and receives contributions at rate `rate`; also returns the
// reserve at the end of the period. Linear in `rate`.
double roll(const AccountSeries& f, std::size_t first, std::size_t last, double reserve,
            double rate, std::vector<double>& changes) {
  changes.clear();
  for (std::size_t t = first; t <= last; ++t) {
    const double net =
        rate * f.insurable[t] * (1 - f.admin_share[t]) + f.years[t]->government - f.fixed_outgo[t];
    const double change = net + f.investment[t] * (reserve + 0.5 * net);
    changes.push_back(change);
    reserve += change;
  }
  return reserve;
}

// The ILO scaled premium of the period [first, last] (Iyer 1999): the lowest constant rate under
// which the reserve, starting the period at `reserve`, falls in no year of the period, so that
// by its end contributions and investment income still cover the outgo. With rising costs the
// last year binds: income equals outgo in it. At least 0 (a reserve whose income covers the
// outgo needs no contribution); NaN when no rate can stop a fall (a year with outgo and no
// insurable earnings) or the period has no insurable earnings. Sets `reserve` to the reserve at the
// end of the period under that rate.
double scaled_premium(const AccountSeries& f, std::size_t first, std::size_t last,
                      double& reserve) {
  std::vector<double> at_zero, at_one;
  roll(f, first, last, reserve, 0.0, at_zero);
  roll(f, first, last, reserve, 1.0, at_one);
  double premium = 0, slopes = 0;
  for (std::size_t t = 0; t < at_zero.size(); ++t) {
    const double slope = at_one[t] - at_zero[t];
    slopes += slope;
    if (slope > 0) {
      premium = std::max(premium, -at_zero[t] / slope);
    } else if (at_zero[t] < 0) {
      premium = kNaN;
      break;
    }
  }
  if (slopes <= 0) premium = kNaN;  // no insurable earnings in the period: no rate
  if (std::isnan(premium)) {
    reserve = kNaN;
  } else {
    reserve = roll(f, first, last, reserve, premium, at_zero);
  }
  return premium;
}

// The horizon indicators of one account: present values, GAP, actuarial balance, deficit and
// depletion years, scaled premiums. Appended to `out` with the scheme and group given.
void horizon_indicators(const AccountSeries& f, const FundAssumptions& fund, int first_year,
                        const std::string& scheme, const std::string& group,
                        std::vector<Indicator>& out) {
  const std::size_t n = f.years.size();
  const int last_year = first_year + static_cast<int>(n) - 1;
  auto add = [&](const char* name, double value, const char* unit, int start, int end) {
    out.push_back({.indicator = name,
                   .scheme = scheme,
                   .group = group,
                   .period_start = start,
                   .period_end = end,
                   .value = value,
                   .unit = unit});
  };
  double pv_outgo = 0, pv_fixed = 0, pv_government = 0, pv_insurable = 0, pv_net_insurable = 0,
         pv_contributions = 0, discount = 1;
  double first_contribution_deficit = kNaN, first_deficit = kNaN, depletion = kNaN;
  for (std::size_t i = 0; i < n; ++i) {
    const BranchYear& y = *f.years[i];
    // A flow at mid-year earns r/2 in its year, as in the accounts: its value at the start of
    // the year is (1 + r/2) / (1 + r) of it.
    const double mid = discount * (1 + f.investment[i] / 2) / (1 + f.investment[i]);
    const double outgo = y.benefits + y.administration;
    pv_outgo += outgo * mid;
    pv_fixed += f.fixed_outgo[i] * mid;
    pv_government += y.government * mid;
    pv_insurable += f.insurable[i] * mid;
    pv_net_insurable += f.insurable[i] * (1 - f.admin_share[i]) * mid;
    pv_contributions += y.contributions * mid;
    discount /= 1 + f.investment[i];
    const double year = first_year + static_cast<double>(i);
    if (std::isnan(first_contribution_deficit) && y.contributions < outgo) {
      first_contribution_deficit = year;
    }
    if (std::isnan(first_deficit) && y.contributions + y.government + y.investment_income < outgo) {
      first_deficit = year;
    }
    if (std::isnan(depletion) && y.reserve_end <= 0 && outgo > 0) depletion = year;
  }
  const BranchYear& last = *f.years.back();
  const double f0 = f.years.front()->reserve_start;
  const double last_outgo = last.benefits + last.administration;
  const double target = fund.terminal_reserve_years * last_outgo;
  constexpr const char* kRate = "share of insurable earnings";
  constexpr const char* kPv = "kip at the start of the first year (present value)";
  add("reserve_at_start", f0, "kip", first_year, first_year);
  add("pv_benefits_and_administration", pv_outgo, kPv, first_year, last_year);
  add("pv_contributions", pv_contributions, kPv, first_year, last_year);
  add("pv_government", pv_government, kPv, first_year, last_year);
  add("pv_insurable_earnings", pv_insurable, kPv, first_year, last_year);
  add("contribution_rate", ratio(pv_contributions, pv_insurable), kRate, first_year, last_year);
  add("general_average_premium", ratio(pv_fixed - f0 - pv_government, pv_net_insurable), kRate,
      first_year, last_year);
  add("general_average_premium_with_terminal_reserve",
      ratio(pv_fixed - f0 - pv_government + discount * target, pv_net_insurable), kRate, first_year,
      last_year);
  add("actuarial_balance",
      ratio(f0 + pv_contributions + pv_government - pv_outgo - discount * last_outgo, pv_insurable),
      kRate, first_year, last_year);
  add("first_year_of_contribution_deficit", first_contribution_deficit, "year", first_year,
      last_year);
  add("first_year_of_overall_deficit", first_deficit, "year", first_year, last_year);
  add("reserve_depletion_year", depletion, "year", first_year, last_year);

  // Scaled premiums, period after period, each period starting from the reserve the previous
  // one left under its premium.
  const auto period = static_cast<std::size_t>(std::max(1, fund.scaled_premium_period));
  double reserve = f0;
  for (std::size_t a = 0; a < n; a += period) {
    const std::size_t z = std::min(n - 1, a + period - 1);
    const double premium = scaled_premium(f, a, z, reserve);
    add("scaled_premium", premium, kRate, first_year + static_cast<int>(a),
        first_year + static_cast<int>(z));
  }
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
  // The reserves: of each scheme's accounts ([scheme][account]) and of all schemes'
  // ([kNumSchemes][account]); the initial reserve split by the schemes' shares and the
  // branches' allocation of the first year. Each account keeps its own reserve, so each
  // identity holds exactly; the accounts of all schemes equal the sums up to rounding.
  constexpr std::size_t kAll = kNumSchemes;
  std::array<std::array<double, kNumAccounts>, kNumSchemes + 1> reserve{};
  {
    const int first = years.front().year;
    for (std::size_t k = 0; k <= kAll; ++k) {
      const double share = k < kAll ? fund.initial_reserve_share[k] : 1.0;
      for (std::size_t a = 0; a < kNumAccounts; ++a) {
        double allocated = 0;
        for (std::size_t br = 0; br < kNumBranches; ++br) {
          if (account_has(a, br)) allocated += fund.allocation[br].at(first);
        }
        reserve[k][a] = share * allocated * fund.initial_reserve;
      }
    }
  }
  // What the horizon indicators need of each account, [scheme or all][account].
  std::array<std::array<AccountSeries, kNumAccounts>, kNumSchemes + 1> series;
  std::vector<Indicator> yearly;  // indicators of each year, written after the horizon's
  // Excess medical inflation compounds from the base year, like the wage index (the cost per
  // member is at base-year prices); the run-in years before the first year valued count too.
  double medical_index = 1;
  for (int t = base + 1; t < years.front().year; ++t) {
    medical_index *= 1 + b.medical_inflation_excess.at(t);
  }

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

    // The accounts of a scheme (or of all schemes) in the year: each branch gets its share of
    // contributions, subsidy and administration and pays its benefits; the multi-branch accounts
    // (pensions, total) the sums over their branches, each with its own reserve.
    const auto accounts_of = [&](std::size_t k, std::array<BranchYear, kNumAccounts>& accounts,
                                 double contributions, double subsidy,
                                 const std::array<double, kNumBranches>& benefit,
                                 double admin_per_member, double earnings) {
      const double administration =
          fund.administration_share.at(t) * contributions + admin_per_member;
      std::array<double, kNumAccounts> shares{};  // of contributions, by account
      for (std::size_t br = 0; br < kNumBranches; ++br) {
        shares[br] = fund.allocation[br].at(t);
        account(accounts[br], reserve[k][br], shares[br] * contributions, shares[br] * subsidy,
                benefit[br], shares[br] * administration, earnings);
      }
      for (std::size_t a = kNumBranches; a < kNumAccounts; ++a) {
        BranchYear sums;
        for (std::size_t br = 0; br < kNumBranches; ++br) {
          if (!account_has(a, br)) continue;
          sums.contributions += accounts[br].contributions;
          sums.government += accounts[br].government;
          sums.benefits += accounts[br].benefits;
          sums.administration += accounts[br].administration;
          shares[a] += shares[br];
        }
        account(accounts[a], reserve[k][a], sums.contributions, sums.government, sums.benefits,
                sums.administration, earnings);
      }
      for (std::size_t a = 0; a < kNumAccounts; ++a) {
        AccountSeries& f = series[k][a];
        f.insurable.push_back(earnings);
        f.admin_share.push_back(fund.administration_share.at(t));
        f.fixed_outgo.push_back(accounts[a].benefits + shares[a] * admin_per_member);
        f.investment.push_back(r);
      }
    };

    FundYear fy;
    fy.year = t;
    fy.insurable_earnings = insurable;
    fy.price_index = economy[e].price_index;
    fy.gdp = economy[e].gdp;
    double admin_per_member_all = 0, contributions_all = 0;
    std::array<double, kNumBranches> benefits_all{};
    // Beneficiaries of each scheme: (benefit, sex) -> awards, recipients, amount; the total
    // row of each is the sum over the schemes.
    struct Cell {
      const char* benefit;
      const char* sex;
      double awards = 0, recipients = 0, amount = 0;
      std::string_view age_group = "all";
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
      accounts_of(k, fy.schemes[k], contributions, subsidy, benefit, admin_per_member,
                  c.insurable_earnings);

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
      // Old-age and invalidity pensions by age group: these rows add up to the "all" rows.
      for (std::size_t s = 0; s < kNumSexes; ++s) {
        const char* sex = sex_name(static_cast<Sex>(s));
        for (std::size_t g = 0; g < kNumPensionerAgeGroups; ++g) {
          cells.push_back({"old_age", sex, bt.old_age_new_by_age[s][g],
                           bt.old_age_recipients_by_age[s][g], bt.old_age_monthly_by_age[s][g],
                           kPensionerAgeGroupNames[g]});
        }
        for (std::size_t g = 0; g < kNumPensionerAgeGroups; ++g) {
          cells.push_back({"invalidity", sex, bt.invalidity_new_by_age[s][g],
                           bt.invalidity_recipients_by_age[s][g],
                           bt.invalidity_monthly_by_age[s][g], kPensionerAgeGroupNames[g]});
        }
      }
      if (total_cells.empty()) {
        for (const Cell& cell : cells) {
          total_cells.push_back({cell.benefit, cell.sex, 0, 0, 0, cell.age_group});
        }
      }
      for (std::size_t j = 0; j < cells.size(); ++j) {
        const Cell& cell = cells[j];
        v.beneficiaries.push_back(BeneficiaryRow{
            t, std::string(kSchemeNames[k]), cell.benefit, cell.sex, cell.awards, cell.recipients,
            ratio(cell.amount, cell.recipients), std::string(cell.age_group)});
        total_cells[j].awards += cell.awards;
        total_cells[j].recipients += cell.recipients;
        total_cells[j].amount += cell.amount;
      }
    }
    for (const Cell& cell : total_cells) {
      v.beneficiaries.push_back(BeneficiaryRow{t, "total", cell.benefit, cell.sex, cell.awards,
                                               cell.recipients, ratio(cell.amount, cell.recipients),
                                               std::string(cell.age_group)});
    }

    // The accounts of all schemes: each branch (its share of all contributions, subsidy and
    // administration, and the schemes' benefits), then the pension group and the total.
    accounts_of(kAll, fy.branches, contributions_all, government, benefits_all,
                admin_per_member_all, insurable);
    v.years.push_back(fy);

    // Yearly indicators, of all schemes and of each.
    for (std::size_t k = 0; k <= kAll; ++k) {
      const BenefitTallies& bt = k < kAll ? w.scheme_benefits[k] : w.benefits;
      const std::string scheme = k < kAll ? std::string(kSchemeNames[k]) : "all";
      const double active = sum(bt.active);
      auto add = [&](const char* name, double value, const char* unit) {
        yearly.push_back(
            {.indicator = name, .scheme = scheme, .year = t, .value = value, .unit = unit});
      };
      const double pensioners = sum(bt.old_age_recipients) + sum(bt.invalidity_recipients);
      add("demographic_ratio", ratio(pensioners, active), "pensioners per active contributor");
      add("replacement_rate_new_old_age_pensions",
          ratio(sum(bt.old_age_new_monthly), sum(bt.old_age_new_reference)),
          "share of reference earnings");
      if (k == kAll) {  // persons outside the schemes count here
        add("contributors_over_employed", ratio(active, employed(w)), "share");
        add("old_age_pensioners_over_population_above_pensionable_age",
            ratio(sum(bt.old_age_recipients), sum(bt.above_pensionable_age)), "share");
      }
    }
  }

  // Horizon indicators of every account, of all schemes and of each scheme.
  const int first_year = v.years.front().year;
  const int last_year = v.years.back().year;
  for (std::size_t k = 0; k <= kAll; ++k) {
    for (std::size_t a : kAccountOrder) {
      AccountSeries& f = series[k][a];
      for (const FundYear& fy : v.years) {
        f.years.push_back(k < kAll ? &fy.schemes[k][a] : &fy.branches[a]);
      }
      horizon_indicators(f, fund, first_year, k < kAll ? std::string(kSchemeNames[k]) : "all",
                         std::string(kAccountNames[a]), v.indicators);
    }
  }
  for (Indicator& i : yearly) v.indicators.push_back(std::move(i));

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
        v.indicators.push_back({.indicator = "replacement_rate_typical_career",
                                .year = year,
                                .career_years = career,
                                .earnings_multiple = multiple,
                                .value = rate,
                                .unit = "share of insurable earnings"});
      }
    }
  }
  v.replacement_rates = fund::replacement_rates(scenario, years);

  // The liabilities at the valuation date, also as indicators of the pension group.
  for (const SchemeLiability& l : v.liabilities) {
    auto add = [&](const char* name, double value, const char* unit) {
      v.indicators.push_back({.indicator = name,
                              .scheme = l.scheme == "total" ? "all" : l.scheme,
                              .group = "pensions",
                              .period_start = first_year,
                              .period_end = first_year,
                              .value = value,
                              .unit = unit});
    };
    add("accrued_to_date_liability", l.accrued, "kip at the valuation date");
    add("implicit_pension_debt", l.implicit_debt, "kip at the valuation date");
    add("funding_ratio", l.funding_ratio, "share of the accrued-to-date liability");
  }
  return v;
}

}  // namespace ssproj
