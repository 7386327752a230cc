// Comparing strategies: common random numbers make a copy of the baseline, and interventions
// that never run, exactly the baseline; more of a beneficial intervention never lowers
// registrations; the pilot's 22% of the turnout; comparison.csv against its definitions; and
// what stops two scenarios from being compared.
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/compare.h>
#include <ssproj/output.h>
#include <ssproj/simulate.h>

#include "interventions/intervention.h"
#include "support/fixtures.h"

using namespace ssproj;
using namespace ssproj::interventions;

namespace {

constexpr auto kFormal = static_cast<std::size_t>(Status::kFormalPrivateEmployee);
constexpr auto kDomestic = static_cast<std::size_t>(Status::kDomesticWorker);

// A small scenario in memory with the workforce, a voluntary scheme and contributions, from
// 2020 to `end_year`.
Scenario small_scenario(int end_year, double persons = 150, std::uint64_t seed = 11) {
  Scenario s = testing::make_scenario(2020, end_year, persons, 0.01, 0.05, 0.0, 1.0, seed);
  s.name = "small";
  s.file = "baseline.toml";
  s.workforce = testing::make_workforce_inputs();
  s.economy.minimum_wage = Schedule::constant(1000000);
  s.economy.inflation = Schedule::constant(0.05);
  s.coverage.compliance[kFormal] = Schedule::constant(0.5);
  s.coverage.compliance[kDomestic] = Schedule::constant(0.0);
  s.coverage.registration_hazard = Schedule::constant(0.01);
  s.coverage.lapse_hazard = Schedule::constant(0.2);
  s.coverage.reactivation_hazard = Schedule::constant(0.05);
  s.coverage.density_voluntary = Schedule::constant(0.7);
  s.contributions.private_employer_rate = Schedule::constant(0.06);
  s.contributions.private_employee_rate = Schedule::constant(0.055);
  s.contributions.voluntary_rate = Schedule::constant(0.09);
  s.contributions.ceiling = Schedule::constant(4500000);
  s.fund.investment_return = Schedule::constant(0.06);
  return s;
}

// An intervention of `type` that reaches every region, area, sex and age and the statuses
// of its kind (the uncovered for the voluntary channels, employees for enforcement).
Intervention intervention(InterventionType type, const std::string& name, int start, int end) {
  Intervention iv(type);
  iv.name = name;
  iv.start_year = start;
  iv.end_year = end;
  const std::vector<Status> statuses =
      type == InterventionType::kEnforcement
          ? std::vector<Status>{Status::kFormalPrivateEmployee, Status::kDomesticWorker}
      : type == InterventionType::kDomesticWorkerMandate
          ? std::vector<Status>{Status::kDomesticWorker}
          : std::vector<Status>{Status::kInformalEmployee, Status::kDomesticWorker,
                                Status::kOwnAccount, Status::kContributingFamily};
  for (Status st : statuses) iv.target.statuses[static_cast<std::size_t>(st)] = true;
  iv.fixed_cost_per_year = Schedule::constant(1e6);
  return iv;
}

Intervention mobile(const std::string& name, int start, int end, double visits) {
  Intervention iv = intervention(InterventionType::kMobileRegistration, name, start, end);
  iv.as<MobileRegistration>().visits_per_year = Schedule::constant(visits);
  iv.as<MobileRegistration>().persons_per_visit = 300;
  iv.as<MobileRegistration>().turnout = 0.25;
  iv.as<MobileRegistration>().conversion = 0.22;
  iv.as<MobileRegistration>().payment_lapse_multiplier = 0.8;
  iv.as<MobileRegistration>().cost_per_visit = 5e6;
  return iv;
}

Intervention subsidy(const std::string& name, int start, int end, double share) {
  Intervention iv = intervention(InterventionType::kContributionSubsidy, name, start, end);
  iv.as<ContributionSubsidy>().subsidy_share = Schedule::constant(share);
  iv.as<ContributionSubsidy>().years_per_member = 2;
  iv.as<ContributionSubsidy>().registration_response = 2.75;
  iv.as<ContributionSubsidy>().lapse_response = 0.5;
  iv.as<ContributionSubsidy>().lapse_multiplier_after = 2.0;
  return iv;
}

// One of each type, all starting in `start`.
std::vector<Intervention> one_of_each(int start, int end) {
  std::vector<Intervention> all;
  all.push_back(mobile("mobile", start, end, 40));
  Intervention office = intervention(InterventionType::kDistrictOffice, "office", start, end);
  office.as<DistrictOffice>().registration_increase = 0.01;
  office.as<DistrictOffice>().lapse_multiplier = 0.9;
  office.setup_cost = 5e8;
  all.push_back(office);
  Intervention info = intervention(InterventionType::kInformationOutreach, "info", start, end);
  info.as<InformationOutreach>().persons_reached_per_year = Schedule::constant(5000);
  info.as<InformationOutreach>().awareness_decay = 0.3;
  info.as<InformationOutreach>().channel_multiplier = 1.05;
  info.as<InformationOutreach>().registration_multiplier = 1.5;
  info.as<InformationOutreach>().cost_per_person_reached = 2e4;
  all.push_back(info);
  all.push_back(subsidy("subsidy", start, end, 0.5));
  Intervention inspect = intervention(InterventionType::kEnforcement, "inspect", start, end);
  inspect.as<Enforcement>().inspected_share = Schedule::constant(0.1);
  inspect.as<Enforcement>().compliance_effect = 0.25;
  inspect.as<Enforcement>().effect_decay = 0.5;
  inspect.as<Enforcement>().underdeclaration_effect = 0.1;
  inspect.as<Enforcement>().employees_per_inspection = 10;
  inspect.as<Enforcement>().cost_per_inspection = 2e6;
  all.push_back(inspect);
  Intervention app = intervention(InterventionType::kDigitalServices, "app", start, end);
  app.as<DigitalServices>().access_share = Schedule::constant(0.3);
  app.as<DigitalServices>().lapse_multiplier = 0.8;
  app.as<DigitalServices>().reactivation_multiplier = 1.2;
  app.as<DigitalServices>().registration_multiplier = 1.1;
  app.as<DigitalServices>().density_increase = 0.05;
  app.as<DigitalServices>().cost_per_user = 1e4;
  all.push_back(app);
  Intervention mandate =
      intervention(InterventionType::kDomesticWorkerMandate, "mandate", start, end);
  mandate.as<DomesticWorkerMandate>().compliance = Schedule::constant(0.3);
  all.push_back(mandate);
  return all;
}

StrategyRun run(const std::string& name, const Scenario& s, int threads = 2) {
  StrategyRun r;
  r.name = name;
  r.scenario = s;
  RunOptions options;
  options.threads = threads;
  r.results = simulate(s, options);
  // What compare keeps, with every year as a key year (the tests read the places of any year).
  std::vector<int> every_year;
  for (int y = s.projection.start_year; y <= s.projection.end_year; ++y) every_year.push_back(y);
  r.replications = compared_replications(r.results, every_year);
  r.person_years = r.results.person_years;
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

// The rows of comparison.csv of one strategy, without the strategy's name.
std::vector<std::string> rows_of(const std::string& csv, const std::string& strategy) {
  std::vector<std::string> out;
  for (const std::string& line : lines_of(csv)) {
    if (line.rfind(strategy + ",", 0) == 0) out.push_back(line.substr(strategy.size()));
  }
  return out;
}

// Every table that does not name the interventions.
std::vector<std::string> tables(const StrategyRun& r) {
  return {microsimulation_population_csv(r.results.replications),
          labour_csv(r.results.replications),
          coverage_csv(r.results.replications),
          contributions_csv(r.results.replications),
          finance_csv(r.results.valuations),
          beneficiaries_csv(r.results.valuations),
          indicators_csv(r.results.valuations),
          replacement_rates_csv(r.results.valuations)};
}

// Registered members (active or lapsed) in each year of replication 0, of both schemes or of
// one (0 the compulsory schemes, 1 voluntary).
std::vector<double> registered(const StrategyRun& r, int scheme = -1) {
  std::vector<double> out;
  for (const WorkforceYear& w : r.results.replications.front().workforce) {
    double n = 0;
    for (const auto& bands : w.cells) {
      for (const auto& areas : bands) {
        for (const auto& statuses : areas) {
          for (const WorkforceCell& c : statuses) {
            const double voluntary = c.registered[scheme_index(Scheme::kVoluntary)];
            const double all = c.registered[0] + c.registered[1] + c.registered[2];
            n += scheme == 1 ? voluntary : scheme == 0 ? all - voluntary : all;
          }
        }
      }
    }
    out.push_back(n);
  }
  return out;
}

}  // namespace

TEST_CASE("compare: a scenario against an identical copy differs by exactly zero",
          "[model][compare]") {
  Scenario s = small_scenario(2030);
  s.interventions = one_of_each(2022, 2027);
  const std::vector<StrategyRun> runs = {run("baseline", s), run("copy", s)};
  const std::string csv = comparison_csv(runs);
  const std::vector<std::string> base = rows_of(csv, "baseline");
  const std::vector<std::string> copy = rows_of(csv, "copy");
  REQUIRE(base.size() == 12);  // 2020-2030 and the horizon row
  CHECK(copy == base);
  for (const std::string& row : copy) {
    const std::vector<std::string> f = fields(row);
    REQUIRE(f.size() == 13);               // "", year, 11 values
    CHECK((f[4] == "0" || f[4].empty()));  // additional_contributors
  }
  // The interventions did something, so the zero differences are not trivial.
  const std::vector<std::string> y2025 = fields(base[5]);
  CHECK(y2025[1] == "2025");
  CHECK(std::stod(y2025[5]) > 0);  // programme cost
  CHECK(std::stod(y2025[6]) > 0);  // subsidy cost
  CHECK(tables(runs[0]) == tables(runs[1]));
}

TEST_CASE("compare: interventions that start after the horizon give the baseline exactly",
          "[model][compare]") {
  const Scenario base = small_scenario(2030);
  Scenario later = base;
  later.interventions = one_of_each(2031, 0);
  const std::vector<StrategyRun> runs = {run("baseline", base), run("later", later)};
  CHECK(tables(runs[0]) == tables(runs[1]));
  const std::string csv = comparison_csv(runs);
  CHECK(rows_of(csv, "later") == rows_of(csv, "baseline"));
  // interventions.csv: every intervention, every year, and nothing happened.
  for (const InterventionYear& row : runs[1].results.valuations.front().interventions) {
    INFO(row.intervention << " " << row.year);
    CHECK(row.reached == 0);
    CHECK(row.registered == 0);
    CHECK(row.lapsed_prevented == 0);
    CHECK(row.cost == 0);
  }
  CHECK(runs[1].results.valuations.front().interventions.size() == 11 * 7);
}

TEST_CASE("compare: the same strategies give the same comparison on 1 and 2 threads",
          "[model][compare][determinism]") {
  const Scenario base = small_scenario(2028);
  Scenario strategy = base;
  strategy.interventions = one_of_each(2021, 2026);
  const std::string one = comparison_csv({run("baseline", base, 1), run("all", strategy, 1)});
  const std::string two = comparison_csv({run("baseline", base, 2), run("all", strategy, 2)});
  CHECK(one == two);
}

// Registrations in every year under increasing levels of one intervention (`with(level)`
// gives its entry): never lower at a higher level, and higher at the top than at the bottom.
template <typename Make>
void check_more_never_lowers_registrations(const std::vector<double>& levels, Make&& with) {
  Scenario s = small_scenario(2032);
  std::vector<std::vector<double>> by_level;
  for (double level : levels) {
    s.interventions = {with(level)};
    by_level.push_back(registered(run("level", s)));
  }
  for (std::size_t k = 1; k < by_level.size(); ++k) {
    for (std::size_t y = 0; y < by_level[k].size(); ++y) {
      INFO("level " << levels[k] << " against " << levels[k - 1] << ", year " << 2020 + y);
      CHECK(by_level[k][y] >= by_level[k - 1][y]);
    }
  }
  CHECK(by_level.back().back() > by_level.front().back());
}

TEST_CASE("compare: more village visits never lower registrations", "[model][compare]") {
  check_more_never_lowers_registrations({0.0, 10.0, 25.0, 60.0, 150.0}, [](double visits) {
    return mobile("mobile", 2022, 2028, visits);
  });
}

TEST_CASE("compare: a larger subsidy never lowers registrations", "[model][compare]") {
  check_more_never_lowers_registrations({0.1, 0.25, 0.5, 0.75, 1.0}, [](double share) {
    return subsidy("subsidy", 2022, 2028, share);
  });
}

TEST_CASE("compare: a pilot of three village visits registers 22% of the turnout",
          "[model][compare]") {
  // Nobody registers on their own, nobody changes status and no uncovered worker is a member:
  // every voluntary registration is the pilot's.
  Scenario s = small_scenario(2022, 400);
  testing::SmallWorkforce fixed;
  fixed.transitions = testing::identity_transitions();
  s.workforce = testing::make_workforce_inputs(fixed);
  s.coverage.registration_hazard = Schedule::constant(0.0);
  s.coverage.reactivation_hazard = Schedule::constant(0.0);
  Intervention pilot = mobile("pilot", 2021, 2021, 3);
  pilot.as<MobileRegistration>().persons_per_visit = 1000;
  pilot.as<MobileRegistration>().turnout = 0.3;
  s.interventions = {pilot};
  const StrategyRun r = run("pilot", s);
  const InterventionYear& y2021 = r.results.valuations.front().interventions.at(1);
  REQUIRE(y2021.year == 2021);
  // 3 visits x 1000 persons reached, 30% of them came.
  const double reached = 3 * 1000;
  CHECK(std::abs(y2021.reached - reached) <= 4 * std::sqrt(reached));
  const double turnout = y2021.attended;
  CHECK(std::abs(turnout - 0.3 * reached) <= 4 * std::sqrt(reached * 0.3 * 0.7));
  INFO("registered " << y2021.registered << " of a turnout of " << turnout);
  CHECK(std::abs(y2021.registered - 0.22 * turnout) <= 4 * std::sqrt(turnout * 0.22 * 0.78));
  // Every voluntary registration of the year is the pilot's; none in the year after.
  const double members_2021 = registered(r, 1)[1];
  CHECK(members_2021 == y2021.registered);
  CHECK(registered(r, 1)[0] == 0);
  CHECK(r.results.valuations.front().interventions.at(2).registered == 0);
}

TEST_CASE("comparison.csv: the cost per additional contributor-year by hand", "[model][compare]") {
  const Scenario base = small_scenario(2030);
  Scenario strategy = base;
  strategy.interventions = {mobile("mobile", 2022, 2026, 60), subsidy("subsidy", 2023, 2025, 0.5)};
  const std::vector<StrategyRun> runs = {run("baseline", base), run("both", strategy)};
  const std::vector<std::string> rows = rows_of(comparison_csv(runs), "both");
  REQUIRE(rows.size() == 12);

  const auto active = [](const WorkforceYear& w) {
    double n = 0;
    for (const auto& bands : w.cells) {
      for (const auto& areas : bands) {
        for (const auto& statuses : areas) {
          for (const WorkforceCell& c : statuses) {
            for (double a : c.active) n += a;
          }
        }
      }
    }
    return n;
  };
  double cost = 0, additional = 0;
  for (std::size_t y = 0; y < 11; ++y) {
    const WorkforceYear& w = runs[1].results.replications[0].workforce[y];
    const WorkforceYear& b = runs[0].results.replications[0].workforce[y];
    double programme = 0, subsidies = 0;
    for (const InterventionYear& row : runs[1].results.valuations[0].interventions) {
      if (row.year != w.year) continue;
      programme += row.cost - row.subsidy_cost;
      subsidies += row.subsidy_cost;
    }
    cost += programme + subsidies;
    additional += active(w) - active(b);
    const std::vector<std::string> f = fields(rows[y]);
    INFO("year " << w.year);
    CHECK(f[1] == std::to_string(w.year));
    CHECK(std::stod(f[2]) == active(w));
    CHECK(std::stod(f[4]) == active(w) - active(b));
    CHECK(std::stod(f[5]) == Approx(programme).epsilon(1e-12));
    CHECK(std::stod(f[6]) == Approx(subsidies).epsilon(1e-12));
    CHECK(std::stod(f[7]) == Approx(cost).epsilon(1e-12));
    if (additional > 0) {
      CHECK(std::stod(f[8]) == Approx(cost / additional).epsilon(1e-12));
    } else {
      CHECK(f[8].empty());
    }
    CHECK(std::stod(f[9]) ==
          runs[1].results.valuations[0].years[y].branches[kNumBranches].reserve_end);
  }
  const std::vector<std::string> horizon = fields(rows.back());
  CHECK(horizon[1] == "horizon");
  CHECK(std::stod(horizon[4]) == Approx(additional).epsilon(1e-12));
  CHECK(std::stod(horizon[7]) == Approx(cost).epsilon(1e-12));
  CHECK(std::stod(horizon[8]) == Approx(cost / additional).epsilon(1e-12));
  CHECK(additional > 0);
  CHECK_FALSE(horizon[11].empty());  // the general average premium
}

TEST_CASE("comparison.csv: several replications give the quantiles of the paired differences",
          "[model][compare]") {
  Scenario base = small_scenario(2026);
  base.projection.replications = 3;
  Scenario strategy = base;
  strategy.interventions = {mobile("mobile", 2022, 2026, 60)};
  const std::string csv = comparison_csv({run("baseline", base), run("mobile", strategy)});
  const std::vector<std::string> header = fields(lines_of(csv).front());
  CHECK(header.size() == 2 + 11 * 4);
  CHECK(header[2] == "active_contributors");
  CHECK(header[3] == "active_contributors_p05");
  // The baseline against itself: every difference is 0 in every replication.
  for (const std::string& row : rows_of(csv, "baseline")) {
    const std::vector<std::string> f = fields(row);
    CHECK((f[10] == "0" || f[10].empty()));  // additional_contributors (mean)
    CHECK((f[13] == "0" || f[13].empty()));  // its p95
  }
}

TEST_CASE("compare: scenarios that cannot be compared are named with the reason",
          "[model][compare]") {
  Scenario base = small_scenario(2030);
  Scenario other = base;
  other.file = "other.toml";
  other.projection.seed = 12;
  other.projection.end_year = 2029;
  const std::vector<Diagnostic> problems = comparison_problems({base, other});
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].to_string() ==
        "other.toml: error: projection.end_year: cannot be compared with the baseline (got 2029, "
        "expected 2030: or give --set projection.end_year=2030 (as in baseline.toml))");
  CHECK(problems[1].to_string() ==
        "other.toml: error: projection.seed: cannot be compared with the baseline (got 12, "
        "expected 11: common random numbers need one seed; or give --seed (as in "
        "baseline.toml))");
  CHECK(comparison_problems({base, base}).empty());
  CHECK(strategy_names({base, other, base}) ==
        std::vector<std::string>{"baseline", "other", "baseline-2"});
}

TEST_CASE("compare: the Lao pilot scenario registers 22% of its turnout", "[model][compare][lao]") {
  const Scenario s = load_scenario(testing::source_dir() / "scenarios/lao/pilot_villages.toml");
  const StrategyRun r = run("pilot", s);
  const std::vector<InterventionYear>& rows = r.results.valuations.front().interventions;
  const auto y2024 = std::find_if(rows.begin(), rows.end(),
                                  [](const InterventionYear& y) { return y.year == 2024; });
  REQUIRE(y2024 != rows.end());
  // 3 villages x 300 persons; a quarter of those not paying already came.
  CHECK(std::abs(y2024->reached - 900) <= 4 * std::sqrt(900.0));
  const double turnout = y2024->attended;
  CHECK(turnout > 150);
  // The pilot's registrations, beyond those who would have joined anyway (0.25% a year).
  const double p = 0.22 * (1 - s.coverage.registration_hazard.at(2024));
  INFO("registered " << y2024->registered << " of a turnout of " << turnout);
  CHECK(std::abs(y2024->registered - p * turnout) <= 4 * std::sqrt(turnout * p * (1 - p)));
  CHECK(y2024->cost == Approx(3 * 5e6 * 1.23).epsilon(1e-12));  // 2024 prices: +23% on 2023
  for (const InterventionYear& y : rows) {
    if (y.year != 2024) CHECK(y.registered == 0);
  }
}

TEST_CASE(
    "compare: at constant prices the money columns are the nominal ones over the price "
    "index",
    "[model][compare]") {
  Scenario s = small_scenario(2030);
  s.economy.inflation = Schedule::constant(0.05);
  s.fund.initial_reserve = 1e9;
  s.interventions = one_of_each(2022, 2027);
  const StrategyRun base = run("baseline", s);
  const StrategyRun strategy = run("strategy", s);
  const std::string nominal = comparison_csv({base, strategy});
  std::vector<StrategyRun> constant = {base, strategy};
  for (StrategyRun& r : constant) r.scenario.projection.prices = "constant";
  const std::string real = comparison_csv(constant);
  const std::vector<std::string> a = rows_of(nominal, "baseline");
  const std::vector<std::string> b = rows_of(real, "baseline");
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i + 1 < a.size(); ++i) {  // the yearly rows
    const std::vector<std::string> x = fields(a[i]), y = fields(b[i]);
    const int year = std::stoi(x[1]);
    const double p =
        base.results.valuations[0].years[static_cast<std::size_t>(year - 2020)].price_index;
    INFO(year);
    CHECK(p == Approx(std::pow(1.05, year - 2020)));
    // programme_cost, subsidy_cost and reserve_end divided by P(t); counts unchanged.
    CHECK(y[2] == x[2]);
    for (std::size_t c : {5, 6, 9}) {
      CHECK(std::stod(y[c]) == Approx(std::stod(x[c]) / p).epsilon(1e-12).margin(1e-6));
    }
  }
}

namespace {

// decisions.csv as (strategy, year, measure) -> fields.
std::map<std::string, std::vector<std::string>> decision_rows(const std::string& csv) {
  std::map<std::string, std::vector<std::string>> out;
  const std::vector<std::string> lines = lines_of(csv);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> f = fields(lines[i]);
    out[f[0] + "," + f[1] + "," + f[2]] = f;
  }
  return out;
}

}  // namespace

TEST_CASE("decisions.csv: an identical copy gains exactly nothing and shares the first place",
          "[model][compare]") {
  Scenario s = small_scenario(2030);
  s.projection.replications = 3;
  s.interventions = one_of_each(2022, 2027);
  const std::vector<StrategyRun> runs = {run("baseline", s), run("copy", s)};
  const std::string csv = decisions_csv(runs, {2025, 2030});
  CHECK(lines_of(csv).front() ==
        "strategy,year,measure,better,mean,p05,p50,p95,share_defined,prob_beats_baseline,"
        "prob_ranks_first");
  const auto rows = decision_rows(csv);
  // strategies x (2025, 2030, horizon) x measures, the actuarial balance at the horizon only
  CHECK(rows.size() == 2 * (3 * 9 - 2));
  CHECK(rows.count("copy,2030,actuarial_balance_change") == 0);
  for (const char* year : {"2025", "2030", "horizon"}) {
    INFO(year);
    const auto& add = rows.at(std::string("copy,") + year + ",additional_contributors");
    CHECK(add[4] == "0");
    CHECK(add[5] == "0");
    CHECK(add[7] == "0");
    CHECK(add[8] == "1");     // defined in every replication
    CHECK(add[9] == "0");     // never beats the baseline
    CHECK(add[10] == "0.5");  // a tie in every replication
    CHECK(rows.at(std::string("baseline,") + year + ",additional_contributors")[10] == "0.5");
    // The baseline has no "beats the baseline".
    CHECK(rows.at(std::string("baseline,") + year + ",additional_contributors")[9].empty());
    // The interventions cost something, the same in both.
    const auto& cost = rows.at(std::string("copy,") + year + ",programme_cost_real");
    CHECK(std::stod(cost[4]) > 0);
    CHECK(cost[10] == "0.5");
    // Nothing gained: no cost per additional contributor, in no replication.
    const auto& per =
        rows.at(std::string("copy,") + year + ",cost_per_additional_contributor_year");
    CHECK(per[4].empty());
    CHECK(per[8] == "0");
  }
  CHECK(rows.at("copy,horizon,actuarial_balance_change")[4] == "0");
}

TEST_CASE("decisions.csv: the probabilities of ranking first add up to 1", "[model][compare]") {
  Scenario base = small_scenario(2030);
  base.projection.replications = 4;
  Scenario a = base, b = base;
  a.interventions = {mobile("mobile", 2022, 2026, 60)};
  b.interventions = {subsidy("subsidy", 2023, 2025, 0.5)};
  const std::vector<StrategyRun> runs = {run("baseline", base), run("a", a), run("b", b)};
  const auto rows = decision_rows(decisions_csv(runs, {2025, 2030}));
  std::map<std::string, double> sums, most_defined;
  for (const auto& [key, f] : rows) {
    const std::string point = key.substr(key.find(',') + 1);  // year,measure
    sums[point] += std::stod(f[10]);
    most_defined[point] = std::max(most_defined[point], std::stod(f[8]));  // share_defined
  }
  CHECK(sums.size() == 3 * 9 - 2);
  for (const auto& [point, sum] : sums) {
    INFO(point);
    // 1 when one scenario's value is defined in every replication, 0 when none is ever; else
    // the share of replications with some value, at least the largest share_defined.
    if (most_defined[point] == 1) {
      CHECK(sum == Approx(1.0).epsilon(1e-12));
    } else if (most_defined[point] == 0) {
      CHECK(sum == 0);
    } else {
      CHECK(sum >= most_defined[point] - 1e-12);
      CHECK(sum <= 1 + 1e-12);
    }
  }
}

TEST_CASE("decisions: programme costs deflated and discounted by hand", "[model][compare]") {
  Scenario base = small_scenario(2030);
  base.economy.social_discount_rate = 0.1;
  Scenario strategy = base;
  strategy.interventions = {mobile("mobile", 2022, 2026, 60), subsidy("subsidy", 2023, 2025, 0.5)};
  const std::vector<StrategyRun> runs = {run("baseline", base), run("both", strategy)};
  const std::string csv = comparison_replications_csv(runs, {2026});
  std::map<std::string, double> value;  // "year,measure" of strategy "both", replication 1
  for (const std::string& line : lines_of(csv)) {
    const std::vector<std::string> f = fields(line);
    if (f[0] == "1" && f[1] == "both")
      value[f[2] + "," + f[3]] = f[4].empty() ? -1 : std::stod(f[4]);
  }
  CHECK(lines_of(csv).front() == "replication,strategy,year,measure,value");
  const Valuation& v = runs[1].results.valuations[0];
  double real = 0, discounted = 0;
  for (const FundYear& f : v.years) {
    if (f.year > 2026) break;
    double cost = 0;
    for (const InterventionYear& row : v.interventions) {
      if (row.year == f.year) cost += row.cost;  // programme and subsidy
    }
    real += cost / f.price_index;
    discounted += cost / f.price_index / std::pow(1.1, f.year - 2020);
  }
  CHECK(real > 0);
  CHECK(v.years[3].price_index > v.years[0].price_index);  // 5% inflation: deflating matters
  CHECK(value.at("2026,programme_cost_real") == Approx(real).epsilon(1e-12));
  CHECK(value.at("2026,programme_cost_discounted") == Approx(discounted).epsilon(1e-12));
  CHECK(value.at("2026,cost_per_additional_contributor_year") ==
        Approx(discounted / value.at("2026,additional_contributor_years")).epsilon(1e-12));
  CHECK(value.at("2026,cost_per_additional_contributor") ==
        Approx(discounted / value.at("2026,additional_contributors")).epsilon(1e-12));
  // The actuarial balance is a horizon measure only.
  CHECK(value.count("2026,actuarial_balance_change") == 0);
  CHECK(value.count("horizon,actuarial_balance_change") == 1);
}

TEST_CASE("comparison.csv: a strategy that spends nothing has no cost per contributor-year",
          "[model][compare]") {
  const Scenario base = small_scenario(2030);
  Scenario law = base;  // a rule change, no programme: more register, nothing is spent
  law.coverage.registration_hazard = Schedule::constant(0.05);
  const std::vector<std::string> rows =
      rows_of(comparison_csv({run("baseline", base), run("law", law)}), "law");
  const std::vector<std::string> horizon = fields(rows.back());
  REQUIRE(horizon[1] == "horizon");
  CHECK(std::stod(horizon[4]) > 0);  // additional contributor-years
  CHECK(horizon[7] == "0");          // cumulative cost
  CHECK(horizon[8].empty());         // not applicable, not "0" (which reads as free)
}
