// The benefits and the fund in the whole model: reproducibility of the valuation tables, and
// beneficiaries that reconcile with the simulated population.
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include <ssproj/output.h>
#include <ssproj/simulate.h>
#include <ssproj/valuation.h>

#include "demography/step_rates.h"
#include "engine/microsimulation.h"
#include "engine/workforce_model.h"
#include "support/fixtures.h"

using namespace ssproj;

namespace {

// The Lao baseline at a 2% sample, 2023-2035.
Scenario lao_sample(int replications) {
  Scenario s = load_scenario(testing::source_dir() / "scenarios/lao/baseline.toml");
  s.projection.end_year = 2035;
  s.projection.sample_fraction = 0.02;
  s.projection.replications = replications;
  return s;
}

std::vector<Valuation> valuations(const Scenario& s, const ProjectionResults& r) {
  std::vector<Valuation> out;
  for (const ReplicationResult& rep : r.replications) out.push_back(valuate(s, rep.workforce));
  return out;
}

}  // namespace

TEST_CASE("finance, beneficiaries and indicators tables are byte-identical with 1 and 2 threads",
          "[model][benefits][determinism]") {
  const Scenario s = lao_sample(3);
  RunOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const std::vector<Valuation> a = simulate(s, one).valuations;
  const ProjectionResults two_threads = simulate(s, two);
  const std::vector<Valuation>& b = two_threads.valuations;
  CHECK(finance_csv(a) == finance_csv(b));
  CHECK(beneficiaries_csv(a) == beneficiaries_csv(b));
  CHECK(indicators_csv(a) == indicators_csv(b));
  CHECK(replacement_rates_csv(a) == replacement_rates_csv(b));
  // The runner's valuations are valuate() of each replication, in replication order.
  const std::vector<Valuation> c = valuations(s, two_threads);
  REQUIRE(b.size() == c.size());
  for (std::size_t r = 0; r < c.size(); ++r) {
    CHECK(finance_csv({b[r]}) == finance_csv({c[r]}));
    CHECK(beneficiaries_csv({b[r]}) == beneficiaries_csv({c[r]}));
    CHECK(indicators_csv({b[r]}) == indicators_csv({c[r]}));
    CHECK(replacement_rates_csv({b[r]}) == replacement_rates_csv({c[r]}));
  }
  // The tables are not trivially equal: pensions are being paid by 2035.
  REQUIRE(a[0].years.back().branches[static_cast<std::size_t>(Branch::kOldAge)].benefits > 0);

  // The fund identity holds exactly, every year, in every branch and the total, and each
  // year's reserve starts where the last one ended.
  for (const Valuation& v : a) {
    for (std::size_t y = 0; y < v.years.size(); ++y) {
      for (std::size_t k = 0; k <= kNumBranches; ++k) {
        const BranchYear& f = v.years[y].branches[k];
        INFO("year " << v.years[y].year << " branch " << k);
        CHECK(f.reserve_end == f.reserve_start + f.contributions + f.government +
                                   f.investment_income - f.benefits - f.administration);
        if (y > 0) CHECK(f.reserve_start == v.years[y - 1].branches[k].reserve_end);
      }
    }
  }
}

TEST_CASE("Pensioners in the engine reconcile with the tallies and the population",
          "[model][benefits][identity]") {
  const Scenario s = lao_sample(1);
  const engine::WorkforceModel model = engine::build_workforce_model(s);
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, s.inputs.base_year, 0.02, s.projection.seed,
                              0, &model);
  double pensions_seen = 0;
  for (const auto& r : rates) {
    sim.step(r);
    const engine::Population& p = sim.population();
    const BenefitTallies& t = sim.workforce().benefits;
    const benefits::BenefitYear& rule = model.benefits_at(sim.year());
    std::array<double, kNumSexes> old_age{}, invalidity{}, monthly{}, above_age{}, inactive{};
    BenefitTallies::ByAgeGroup old_age_by_age{}, invalidity_by_age{};
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p.age[i] == engine::Population::kGone) continue;
      const std::size_t sex = p.sex[i];
      const auto benefit = static_cast<engine::Benefit>(p.benefit[i]);
      if (benefit == engine::Benefit::kOldAge) {
        old_age[sex] += 1;
        monthly[sex] += p.pension[i];
      }
      if (benefit == engine::Benefit::kInvalidity) invalidity[sex] += 1;
      const std::size_t group = pensioner_age_group(p.age[i]);
      if (benefit == engine::Benefit::kOldAge) old_age_by_age[sex][group] += 1;
      if (benefit == engine::Benefit::kInvalidity) invalidity_by_age[sex][group] += 1;
      if (p.age[i] >= kFirstWorkingAge && p.age[i] >= rule.pensionable_age[sex])
        above_age[sex] += 1;
      if (p.age[i] >= kFirstWorkingAge && p.status[i] == 0) inactive[sex] += 1;
    }
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      INFO("year " << sim.year() << " sex " << sex);
      // The tallies count exactly the persons who hold a pension.
      CHECK(t.old_age_recipients[sex] == old_age[sex]);
      CHECK(t.invalidity_recipients[sex] == invalidity[sex]);
      CHECK(t.old_age_monthly[sex] == Approx(monthly[sex]).epsilon(1e-9));
      CHECK(t.above_pensionable_age[sex] == above_age[sex]);
      // And by age group.
      for (std::size_t g = 0; g < kNumPensionerAgeGroups; ++g) {
        CHECK(t.old_age_recipients_by_age[sex][g] == old_age_by_age[sex][g]);
        CHECK(t.invalidity_recipients_by_age[sex][g] == invalidity_by_age[sex][g]);
      }
      // Old-age pensioners are persons at or above pensionable age; all pensioners are inactive.
      CHECK(old_age[sex] <= above_age[sex]);
      CHECK(old_age[sex] + invalidity[sex] <= inactive[sex]);
      pensions_seen += old_age[sex];
    }
  }
  CHECK(pensions_seen > 0);
}

TEST_CASE("beneficiaries.csv: pensioners by age group add up to the rows of all ages",
          "[model][benefits][age_group]") {
  // The Lao baseline at 2%, 2023-2035: pensioners in the base-year stock and new awards.
  const Scenario s = lao_sample(1);
  const Valuation v = simulate(s, RunOptions{}).valuations.at(0);
  // (year, scheme, benefit, sex) -> the "all" row and the sums over the age groups of
  // awards, recipients and recipients x average amount.
  struct Sums {
    double awards = 0, recipients = 0, amount = 0;
    int groups = 0;
  };
  std::map<std::string, Sums> all, by_age;
  for (const BeneficiaryRow& row : v.beneficiaries) {
    if (row.benefit != "old_age" && row.benefit != "invalidity") {
      CHECK(row.age_group == "all");
      continue;
    }
    const std::string key =
        std::to_string(row.year) + "," + row.scheme + "," + row.benefit + "," + row.sex;
    Sums& x = row.age_group == "all" ? all[key] : by_age[key];
    x.awards += row.new_awards;
    x.recipients += row.recipients;
    x.amount += row.recipients > 0 ? row.recipients * row.average_amount : 0.0;
    x.groups += 1;
  }
  REQUIRE(all.size() == by_age.size());
  REQUIRE(all.size() == static_cast<std::size_t>(13 * (kNumSchemes + 1) * 2 * 2));
  double old_age_2035 = 0;
  for (const auto& [key, a] : all) {
    INFO(key);
    const Sums& b = by_age[key];
    CHECK(a.groups == 1);
    CHECK(b.groups == kNumPensionerAgeGroups);
    // Weighted counts (whole persons x 50): exact.
    CHECK(b.awards == a.awards);
    CHECK(b.recipients == a.recipients);
    // Amounts: the same pensions added in another order.
    CHECK(b.amount == Approx(a.amount).epsilon(1e-12).margin(1e-6));
    if (key == "2035,total,old_age,male") old_age_2035 = a.recipients;
  }
  CHECK(old_age_2035 > 0);
}

TEST_CASE("The accrued rights tallies count the scheme's active and deferred members",
          "[model][benefits][liabilities]") {
  const Scenario s = lao_sample(1);
  const engine::WorkforceModel model = engine::build_workforce_model(s);
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, s.inputs.base_year, 0.02, s.projection.seed,
                              0, &model);
  const auto sum = [](const SexAgeTable& t) {
    double x = 0;
    for (const AgeVector& ages : t) {
      for (double v : ages) x += v;
    }
    return x;
  };
  double deferred_seen = 0;
  for (std::size_t step = 0; step <= 3; ++step) {
    if (step > 0) sim.step(rates[step - 1]);
    const engine::Population& p = sim.population();
    // Deferred members in the population after the year's observation: lapsed, no benefit,
    // credited months (their months are not credited this year).
    std::array<double, kNumSchemes> deferred{};
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p.age[i] == engine::Population::kGone || p.scheme[i] == 0) continue;
      if (p.membership[i] == static_cast<std::uint8_t>(Membership::kLapsed) &&
          p.benefit[i] == static_cast<std::uint8_t>(engine::Benefit::kNone) && p.months[i] > 0) {
        deferred[scheme_index(p.scheme[i])] += 1;
      }
    }
    for (std::size_t k = 0; k < kNumSchemes; ++k) {
      INFO("year " << sim.year() << " scheme " << kSchemeNames[k]);
      const BenefitTallies& t = sim.workforce().scheme_benefits[k];
      if (sim.year() != model.valuation_year) {
        // Tallied only in the year the liabilities value.
        CHECK(sum(t.accrued_active) == 0);
        CHECK(sum(t.accrued_deferred) == 0);
        continue;
      }
      CHECK(sum(t.accrued_active) == t.active[0] + t.active[1]);
      CHECK(sum(t.accrued_deferred) == deferred[k]);
      CHECK(sum(t.accrued_active_monthly) + sum(t.accrued_active_lump_sum) > 0);
      deferred_seen += deferred[k];
    }
  }
  CHECK(deferred_seen > 0);
}
