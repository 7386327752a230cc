// The mechanisms and costs of the seven types of [[interventions]]: what each one does to the
// membership hazards of the persons it reaches, checked against values computed by hand (within
// 4 binomial standard errors at a fixed seed, or exactly where the quantity is deterministic);
// what interventions.csv charges for it; and that an intervention that does nothing leaves every
// table bit for bit as it was.
//
// The scenarios are small (write_small_scenario), mostly with nobody changing labour status
// (identity transitions), no births, deaths or migration, and persons aged 15 to 45 at the base
// year 2020, so that nobody reaches pensionable age within the horizon and the persons of a
// target are the same from year to year.
#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

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

constexpr double kStandardErrors = 4.0;

constexpr auto kPublic = static_cast<std::size_t>(Status::kPublicEmployee);
constexpr auto kFormal = static_cast<std::size_t>(Status::kFormalPrivateEmployee);
constexpr auto kInformal = static_cast<std::size_t>(Status::kInformalEmployee);
constexpr auto kDomestic = static_cast<std::size_t>(Status::kDomesticWorker);
constexpr auto kOwnAccount = static_cast<std::size_t>(Status::kOwnAccount);

constexpr auto kNever = static_cast<std::uint8_t>(Membership::kNever);
constexpr auto kActive = static_cast<std::uint8_t>(Membership::kActive);

constexpr std::size_t kNorth = 0;  // region indexes of the small workforce tables
constexpr std::size_t kSouth = 1;
constexpr std::size_t kRural = static_cast<std::size_t>(Area::kRural);
constexpr std::size_t kFemaleSex = 1;

// The statuses on the voluntary path (without a mandate): the default target of the voluntary
// channels.
bool voluntary_status(std::size_t status) {
  return status == kInformal || status == kDomestic || status == kOwnAccount ||
         status == static_cast<std::size_t>(Status::kContributingFamily);
}

// |observed - n p| within 4 binomial standard errors (exactly 0 when p is 0, exactly n when p
// is 1).
void check_binomial(double observed, double n, double p) {
  INFO("observed " << observed << ", n " << n << ", p " << p << ", expected " << n * p);
  if (p <= 0) {
    CHECK(observed == 0);
  } else if (p >= 1) {
    CHECK(observed == n);
  } else {
    CHECK(std::abs(observed - n * p) <= kStandardErrors * std::sqrt(n * p * (1 - p)));
  }
}

// The small workforce with nobody changing status.
testing::SmallWorkforce fixed_statuses() {
  testing::SmallWorkforce w;
  w.transitions = testing::identity_transitions();
  return w;
}

std::string number(double x) {
  std::ostringstream out;
  out.precision(17);
  out << x;
  return out.str();
}

// A small scenario on disk, loaded: base year 2020, output years 2020..end_year (the base year
// included), no deaths, births or migration, `persons` at every sex and age from 15 to
// `max_age` at the base year (none younger or older), and `sections` ([coverage], [economy],
// [[interventions]], ...) at the end of the file.
Scenario stable_scenario(const testing::TempDir& dir, int end_year, double persons,
                         const std::string& sections,
                         const testing::SmallWorkforce& w = fixed_statuses(), int max_age = 45) {
  testing::SmallDataOptions data;
  data.first_year = 2020;
  data.last_year = end_year;
  data.persons_per_cell = persons;
  data.mx = 0;
  data.asfr = 0;
  data.workforce = w;
  Scenario s = load_scenario(testing::write_small_scenario(
      dir, data, "start_year = 2020\nend_year = " + std::to_string(end_year) + "\nseed = 11\n",
      sections));
  for (auto& ages : s.inputs.base_population) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      if (x < static_cast<std::size_t>(kFirstWorkingAge) || x > static_cast<std::size_t>(max_age))
        ages[x] = 0;
    }
  }
  return s;
}

// Sums over the cells of a year that `keep(sex, band, area, status)` selects.
struct CellSums {
  double persons = 0;
  std::array<double, 2> registered{};
  std::array<double, 2> ever_registered{};
  std::array<double, 2> active{};
};
CellSums sum_cells(
    const WorkforceYear& y,
    const std::function<bool(std::size_t, std::size_t, std::size_t, std::size_t)>& keep) {
  CellSums out;
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    for (std::size_t b = 0; b < kNumAgeBands; ++b) {
      for (std::size_t a = 0; a < kNumAreas; ++a) {
        for (std::size_t st = 0; st < kNumStatuses; ++st) {
          if (!keep(sex, b, a, st)) continue;
          const WorkforceCell& c = y.cells[sex][b][a][st];
          out.persons += c.persons;
          for (std::size_t k = 0; k < 2; ++k) {
            out.registered[k] += c.registered[k];
            out.ever_registered[k] += c.ever_registered[k];
            out.active[k] += c.active[k];
          }
        }
      }
    }
  }
  return out;
}
CellSums status_cells(const WorkforceYear& y, std::size_t status) {
  return sum_cells(
      y, [&](std::size_t, std::size_t, std::size_t, std::size_t st) { return st == status; });
}
CellSums voluntary_cells(const WorkforceYear& y) {
  return sum_cells(y, [](std::size_t, std::size_t, std::size_t, std::size_t st) {
    return voluntary_status(st);
  });
}

// Each person's membership, by id (255 for ids not alive).
std::vector<std::uint8_t> membership_by_id(const engine::Population& p) {
  std::uint32_t max_id = 0;
  for (std::size_t i = 0; i < p.size(); ++i) max_id = std::max(max_id, p.id[i]);
  std::vector<std::uint8_t> out(static_cast<std::size_t>(max_id) + 1, 255);
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p.age[i] != engine::Population::kGone) out[p.id[i]] = p.membership[i];
  }
  return out;
}

// The results and valuation of a scenario's first replication.
struct Run {
  ProjectionResults results;
  Valuation valuation;
  const std::vector<WorkforceYear>& years() const { return results.replications.at(0).workforce; }
};
Run run(const Scenario& s) {
  Run r{simulate(s, RunOptions{}), {}};
  r.valuation = valuate(s, r.years());
  return r;
}

// All the output tables of a run, with the names of the tables.
std::vector<std::pair<std::string, std::string>> all_tables(const Scenario& s,
                                                            const ProjectionResults& r) {
  std::vector<Valuation> valuations;
  for (const ReplicationResult& rep : r.replications)
    valuations.push_back(valuate(s, rep.workforce));
  return {{"population_cohort.csv", cohort_population_csv(r.cohort)},
          {"population.csv", microsimulation_population_csv(r.replications)},
          {"labour.csv", labour_csv(r.replications)},
          {"coverage.csv", coverage_csv(r.replications)},
          {"contributions.csv", contributions_csv(r.replications)},
          {"finance.csv", finance_csv(valuations)},
          {"beneficiaries.csv", beneficiaries_csv(valuations)},
          {"indicators.csv", indicators_csv(valuations)},
          {"replacement_rates.csv", replacement_rates_csv(valuations)}};
}

// The price index of `year` (base year 2020) under constant inflation, as the economy builds it.
double price_index(int year, double inflation) {
  double p = 1;
  for (int t = 2021; t <= year; ++t) p = p * (1 + inflation);
  return p;
}

const std::string kInterventionHeader = "\n[[interventions]]\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// mobile_registration

TEST_CASE(
    "mobile_registration: reached, attended and registered follow the visits, turnout and "
    "conversion, in the target only",
    "[model][interventions]") {
  // Base registration hazard 0 and no members at the start: every registration is the mobile
  // office's. The target: rural north, women aged 20-39, informal employees and own-account
  // workers (about 2,300 persons). 4 visits x 250 persons reach about 43% of them; 100 visits
  // reach all of them.
  testing::TempDir dir;
  const double visits = GENERATE(4.0, 100.0);
  const Scenario s = stable_scenario(dir, 2023, 1000,
                                     "[coverage]\nlapse_hazard = 0.0\n" + kInterventionHeader +
                                         "type = \"mobile_registration\"\n"
                                         "name = \"mobile\"\n"
                                         "start_year = 2021\n"
                                         "regions = [\"north\"]\n"
                                         "area = \"rural\"\n"
                                         "sex = \"female\"\n"
                                         "statuses = [\"informal_employee\", \"own_account\"]\n"
                                         "age_min = 20\n"
                                         "age_max = 39\n"
                                         "visits_per_year = " +
                                         number(visits) +
                                         "\n"
                                         "persons_per_visit = 250\n"
                                         "turnout = 0.5\n"
                                         "conversion = 0.4\n");
  INFO("visits " << visits);
  const engine::WorkforceModel model = engine::build_workforce_model(s);
  const auto rates = demography::build_step_rates(s);
  REQUIRE(rates.size() == 3);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, s.projection.seed, 0, &model);
  double targeted_last_year = sim.workforce().interventions.at(0).targeted;
  REQUIRE(targeted_last_year > 2000);
  REQUIRE(targeted_last_year < 2700);
  double registered_in_all = 0;
  for (const auto& r : rates) {
    const std::vector<std::uint8_t> before = membership_by_id(sim.population());
    sim.step(r);
    const engine::Population& p = sim.population();
    const WorkforceYear& y = sim.workforce();
    INFO("year " << y.year);
    const InterventionTally& t = y.interventions.at(0);
    const double visit = std::min(1.0, visits * 250 / targeted_last_year);

    // Persons in the target who were not paying members before the year, registrations, and
    // registrations outside the target.
    double uncovered = 0, registrations = 0, outside = 0, targeted = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p.age[i] == engine::Population::kGone) continue;
      const bool in_target = p.region[i] == kNorth && p.area[i] == kRural &&
                             p.sex[i] == kFemaleSex &&
                             (p.status[i] == kInformal || p.status[i] == kOwnAccount) &&
                             p.age[i] >= 20 && p.age[i] <= 39;
      const std::uint8_t was = before.at(p.id[i]);
      targeted += in_target;
      if (in_target && was != kActive) uncovered += 1;
      if (was == kNever && p.membership[i] != kNever) {
        registrations += 1;
        if (!in_target) outside += 1;
      }
    }
    CHECK(t.targeted == targeted);
    CHECK(outside == 0);
    CHECK(registrations == t.registered);  // all of them caused by the visits
    registered_in_all += registrations;
    check_binomial(t.reached, t.targeted, visit);
    check_binomial(t.attended, uncovered, visit * 0.5);
    check_binomial(t.registered, t.attended, 0.4);
    if (visits == 100.0) CHECK(t.reached == t.targeted);

    // In the first year every member is in a cell of the target: women, rural, the two statuses,
    // bands 20-24..35-39.
    if (y.year == 2021) {
      const CellSums all = sum_cells(y, [](auto, auto, auto, auto) { return true; });
      const CellSums in =
          sum_cells(y, [](std::size_t sex, std::size_t b, std::size_t a, std::size_t st) {
            return sex == kFemaleSex && b >= 1 && b <= 4 && a == kRural &&
                   (st == kInformal || st == kOwnAccount);
          });
      CHECK(all.registered[0] == 0);
      CHECK(all.registered[1] == t.registered);
      CHECK(in.registered[1] == t.registered);
      CHECK(in.active[1] == t.registered);
    }
    targeted_last_year = t.targeted;
  }
  CHECK(registered_in_all > 300);
}

TEST_CASE("mobile_registration: members in visited villages lapse less (payment at the visit)",
          "[model][interventions]") {
  // Only the initial voluntary members; no registration, no reactivation, turnout 0. A member
  // lapses with probability 0.5 x (0.6 if visited, else 1); visit = min(1, 20 x 300 / last
  // year's target), about 0.39.
  testing::TempDir dir;
  const Scenario s = stable_scenario(dir, 2023, 500,
                                     "[coverage]\n"
                                     "lapse_hazard = 0.5\n"
                                     "reactivation_hazard = 0.0\n"
                                     "initial_voluntary_members = 8000\n" +
                                         kInterventionHeader +
                                         "type = \"mobile_registration\"\n"
                                         "name = \"mobile\"\n"
                                         "start_year = 2021\n"
                                         "visits_per_year = 20\n"
                                         "persons_per_visit = 300\n"
                                         "turnout = 0.0\n"
                                         "payment_lapse_multiplier = 0.6\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 4);
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& last = r.years()[k - 1];
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const InterventionTally& t = y.interventions.at(0);
    const double visit = std::min(1.0, 20.0 * 300 / last.interventions.at(0).targeted);
    const double active_before = voluntary_cells(last).active[1];
    const double active = voluntary_cells(y).active[1];
    REQUIRE(active_before > 500);
    REQUIRE(visit < 0.6);
    check_binomial(active, active_before, 1 - 0.5 * (visit * 0.6 + (1 - visit)));
    check_binomial(t.lapsed_prevented, active_before, visit * 0.5 * 0.4);
    check_binomial(t.reached, t.targeted, visit);
    CHECK(t.attended == 0);
    CHECK(t.registered == 0);
  }
}

// ---------------------------------------------------------------------------------------------
// district_office

TEST_CASE(
    "district_office: registration probability rises by registration_increase and lapse is "
    "multiplied, in its region and years only",
    "[model][interventions]") {
  // Registration 0.1, lapse 0.4, no reactivation. In the south in 2021-2022 an uncovered
  // worker registers with 1 - 0.9 x 0.95 = 0.145 and a member lapses with 0.4 x 0.5.
  testing::TempDir dir;
  const Scenario s = stable_scenario(dir, 2023, 500,
                                     "[coverage]\n"
                                     "registration_hazard = 0.1\n"
                                     "lapse_hazard = 0.4\n"
                                     "reactivation_hazard = 0.0\n"
                                     "initial_voluntary_members = 6000\n" +
                                         kInterventionHeader +
                                         "type = \"district_office\"\n"
                                         "name = \"office\"\n"
                                         "start_year = 2021\n"
                                         "end_year = 2022\n"
                                         "regions = [\"south\"]\n"
                                         "registration_increase = 0.05\n"
                                         "lapse_multiplier = 0.5\n");
  const engine::WorkforceModel model = engine::build_workforce_model(s);
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, s.projection.seed, 0, &model);
  for (const auto& r : rates) {
    const std::vector<std::uint8_t> before = membership_by_id(sim.population());
    sim.step(r);
    const engine::Population& p = sim.population();
    const WorkforceYear& y = sim.workforce();
    const bool runs = y.year <= 2022;
    INFO("year " << y.year);
    // [0] north, [1] south: workers on the voluntary path.
    std::array<double, 2> never{}, joined{}, active{}, lapsed{}, persons{};
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p.age[i] == engine::Population::kGone || !voluntary_status(p.status[i])) continue;
      const std::size_t south = p.region[i] == kSouth ? 1 : 0;
      const std::uint8_t was = before.at(p.id[i]);
      persons[south] += 1;
      if (was == kNever) {
        never[south] += 1;
        joined[south] += p.membership[i] == kActive;
      } else if (was == kActive) {
        active[south] += 1;
        lapsed[south] += p.membership[i] != kActive;
      }
    }
    REQUIRE(never[1] > 3000);
    REQUIRE(active[1] > 500);
    check_binomial(joined[0], never[0], 0.1);
    check_binomial(lapsed[0], active[0], 0.4);
    check_binomial(joined[1], never[1], runs ? 1 - 0.9 * 0.95 : 0.1);
    check_binomial(lapsed[1], active[1], runs ? 0.4 * 0.5 : 0.4);
    const InterventionTally& t = y.interventions.at(0);
    CHECK(t.targeted == persons[1]);
    CHECK(t.reached == (runs ? persons[1] : 0.0));
    CHECK(t.attended == t.reached);
    // Attributed: the registrations the base hazard would not have given, the lapses prevented.
    check_binomial(t.registered, never[1], runs ? 1 - 0.9 * 0.95 - 0.1 : 0.0);
    check_binomial(t.lapsed_prevented, active[1], runs ? 0.4 * 0.5 : 0.0);
  }
}

// ---------------------------------------------------------------------------------------------
// information_outreach

TEST_CASE(
    "information_outreach: with registration_multiplier 1 and no other channel it changes no "
    "registration",
    "[model][interventions]") {
  testing::TempDir dir;
  testing::SmallDataOptions data{2020, 2025};
  data.persons_per_cell = 200;
  data.workforce = testing::SmallWorkforce{};  // people change status
  const std::string base =
      "[coverage]\n"
      "registration_hazard = 0.1\n"
      "initial_voluntary_members = 2000\n"
      "[coverage.compliance]\n"
      "formal_private_employee = 0.6\n"
      "[contributions]\n"
      "voluntary_rate = 0.09\n"
      "[economy]\n"
      "minimum_wage = 1000000\n";
  const std::string projection = "start_year = 2020\nend_year = 2025\n";
  const Scenario without =
      load_scenario(testing::write_small_scenario(dir, data, projection, base));
  const Scenario with =
      load_scenario(testing::write_small_scenario(dir, data, projection,
                                                  base + kInterventionHeader +
                                                      "type = \"information_outreach\"\n"
                                                      "name = \"outreach\"\n"
                                                      "start_year = 2021\n"
                                                      "persons_reached_per_year = 3000\n"
                                                      "registration_multiplier = 1.0\n"
                                                      "channel_multiplier = 1.5\n"
                                                      "cost_per_person_reached = 100\n"));
  REQUIRE(with.interventions.size() == 1);
  const ProjectionResults a = simulate(without, RunOptions{});
  const ProjectionResults b = simulate(with, RunOptions{});
  CHECK(labour_csv(a.replications) == labour_csv(b.replications));
  CHECK(coverage_csv(a.replications) == coverage_csv(b.replications));
  CHECK(contributions_csv(a.replications) == contributions_csv(b.replications));
  double attended = 0;
  for (const WorkforceYear& y : b.replications.at(0).workforce) {
    INFO("year " << y.year);
    const InterventionTally& t = y.interventions.at(0);
    CHECK(t.registered == 0);
    CHECK(t.lapsed_prevented == 0);
    attended += t.attended;
  }
  CHECK(attended > 1000);  // it did make people aware
}

TEST_CASE("information_outreach: the aware share follows the awareness recursion",
          "[model][interventions]") {
  // A_t = A_{t-1} (1 - d) + r_t (1 - A_{t-1} (1 - d)), with r_t = min(1, persons reached /
  // last year's target); attended = the newly aware = target x (A_t - A_{t-1} (1 - d)); reached
  // = target x r_t. After the end year nobody is contacted and awareness only decays.
  testing::TempDir dir;
  const double decay = 0.3;
  const Scenario s =
      stable_scenario(dir, 2025, 200,
                      "[coverage]\nregistration_hazard = 0.05\n" + kInterventionHeader +
                          "type = \"information_outreach\"\n"
                          "name = \"outreach\"\n"
                          "start_year = 2021\n"
                          "end_year = 2023\n"
                          "persons_reached_per_year = { 2021 = 2000, 2022 = 1000, "
                          "2023 = 4000 }\n"
                          "awareness_decay = 0.3\n"
                          "registration_multiplier = 1.4\n"
                          "cost_per_person_reached = 100\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 6);
  const std::array<double, 6> persons_reached = {0, 2000, 1000, 4000, 0, 0};
  double aware = 0;
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const InterventionTally& t = y.interventions.at(0);
    const double target_last_year = r.years()[k - 1].interventions.at(0).targeted;
    REQUIRE(target_last_year > 5000);
    const double contact = std::min(1.0, persons_reached[k] / target_last_year);
    const double kept = aware * (1 - decay);
    aware = kept + contact * (1 - kept);
    INFO("contact " << contact << ", aware " << aware);
    CHECK(t.targeted == voluntary_cells(y).persons);
    CHECK(t.reached == Approx(t.targeted * contact).epsilon(1e-12));
    check_binomial(t.attended, t.targeted, aware - kept);
    if (y.year > 2023) {
      CHECK(t.reached == 0);
      CHECK(t.attended == 0);
    }
  }
  CHECK(aware > 0.1);  // awareness decays after the end but is not yet gone
}

TEST_CASE("information_outreach: channel_multiplier scales the conversion of a mobile office",
          "[model][interventions]") {
  // Mobile offices visit every target person (visit 1, turnout 1) with conversion 0.2; the
  // outreach makes everybody aware in its first year (contact 1). An attendee registers with
  // 0.2 x 1.5 = 0.3, of which 0.1 is the outreach's (listed after the mobile office).
  testing::TempDir dir;
  const bool outreach = GENERATE(false, true);
  std::string sections = "[coverage]\nlapse_hazard = 0.0\n" + kInterventionHeader +
                         "type = \"mobile_registration\"\n"
                         "name = \"mobile\"\n"
                         "start_year = 2021\n"
                         "visits_per_year = 1000\n"
                         "persons_per_visit = 1000\n"
                         "turnout = 1.0\n"
                         "conversion = 0.2\n";
  if (outreach) {
    sections += kInterventionHeader +
                "type = \"information_outreach\"\n"
                "name = \"outreach\"\n"
                "start_year = 2021\n"
                "persons_reached_per_year = 10000000\n"
                "awareness_decay = 0.0\n"
                "channel_multiplier = 1.5\n";
  }
  INFO("outreach " << outreach);
  const Scenario s = stable_scenario(dir, 2023, 300, sections);
  const Run r = run(s);
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const InterventionTally& mobile = y.interventions.at(0);
    const double uncovered = voluntary_cells(r.years()[k - 1]).persons -
                             voluntary_cells(r.years()[k - 1]).ever_registered[1];
    REQUIRE(uncovered > 1000);
    CHECK(mobile.reached == mobile.targeted);
    CHECK(mobile.attended == uncovered);
    const double registered = voluntary_cells(y).ever_registered[1] -
                              voluntary_cells(r.years()[k - 1]).ever_registered[1];
    check_binomial(registered, mobile.attended, outreach ? 0.3 : 0.2);
    if (outreach) {
      const InterventionTally& info = y.interventions.at(1);
      CHECK(mobile.registered + info.registered == registered);
      check_binomial(mobile.registered, mobile.attended, 0.2);
      check_binomial(info.registered, mobile.attended, 0.1);
      CHECK(info.reached == Approx(info.targeted).epsilon(1e-12));  // contact 1
    } else {
      CHECK(mobile.registered == registered);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// contribution_subsidy

TEST_CASE(
    "contribution_subsidy: the government pays share x the contributions of the subsidised "
    "and the fund receives the same total",
    "[model][interventions]") {
  // Without a response of registration or lapse the members are the same with and without the
  // subsidy; every active voluntary member is subsidised (all ages and voluntary statuses, 50
  // years each), so the government pays 30% of every voluntary contribution.
  testing::TempDir dir;
  const std::string base =
      "[coverage]\n"
      "registration_hazard = 0.1\n"
      "lapse_hazard = 0.2\n"
      "reactivation_hazard = 0.1\n"
      "density_voluntary = 0.7\n"
      "initial_voluntary_members = 3000\n"
      "[contributions]\n"
      "voluntary_rate = 0.09\n"
      "[economy]\n"
      "minimum_wage = 1000000\n"
      "inflation = 0.05\n";
  const Scenario without = stable_scenario(dir, 2024, 300, base, testing::SmallWorkforce{});
  const Scenario with = stable_scenario(dir, 2024, 300,
                                        base + kInterventionHeader +
                                            "type = \"contribution_subsidy\"\n"
                                            "name = \"subsidy\"\n"
                                            "start_year = 2021\n"
                                            "subsidy_share = 0.3\n"
                                            "years_per_member = 50\n"
                                            "registration_response = 0.0\n"
                                            "lapse_response = 0.0\n"
                                            "lapse_multiplier_after = 1.0\n",
                                        testing::SmallWorkforce{});
  const Run a = run(without);
  const Run b = run(with);
  CHECK(coverage_csv(a.results.replications) == coverage_csv(b.results.replications));
  REQUIRE(a.years().size() == b.years().size());
  for (std::size_t k = 0; k < a.years().size(); ++k) {
    const WorkforceYear& y0 = a.years()[k];
    const WorkforceYear& y1 = b.years()[k];
    INFO("year " << y1.year);
    const ContributionTotals& v0 = y0.contributions[1];
    const ContributionTotals& v1 = y1.contributions[1];
    const InterventionTally& t = y1.interventions.at(0);
    REQUIRE(v0.contributors > 1000);
    CHECK(v1.contributors == v0.contributors);
    CHECK(v1.insurable_earnings == v0.insurable_earnings);
    CHECK(v1.employer == 0);
    CHECK(y1.contributions[0].government == y0.contributions[0].government);
    CHECK(v1.employee + v1.government == Approx(v0.employee).epsilon(1e-12));
    CHECK(v1.government == Approx(t.subsidy).epsilon(1e-12));
    if (y1.year == 2020) {
      CHECK(v1.government == 0);  // the base year: before it starts
      CHECK(t.reached == 0);
    } else {
      CHECK(v1.government == Approx(0.3 * v0.employee).epsilon(1e-12));
      CHECK(t.reached == v1.contributors);
    }
    // The fund's contribution income is the same.
    const BranchYear& f0 = a.valuation.years[k].branches[kNumBranches];
    const BranchYear& f1 = b.valuation.years[k].branches[kNumBranches];
    CHECK(f1.contributions == Approx(f0.contributions).epsilon(1e-12));
    CHECK(f1.reserve_end == Approx(f0.reserve_end).epsilon(1e-12));
    // interventions.csv: the subsidy is the whole cost (no other cost keys).
    const InterventionYear& row = b.valuation.interventions.at(k);
    CHECK(row.year == y1.year);
    CHECK(row.subsidy_cost == t.subsidy);
    CHECK(row.cost == t.subsidy);
  }
}

TEST_CASE(
    "contribution_subsidy: years_per_member limits the years of subsidy; registration rises by "
    "1 + registration_response x share",
    "[model][interventions]") {
  // Nobody lapses or changes status. A member is subsidised in the first years_per_member years
  // in which they are an active member while it runs (from 2021: the base year's members too),
  // so the subsidised in year t are the members of year t less those of year t - Y (R_t = 0 for
  // t <= 2020). An uncovered worker registers with 0.1 x (1 + 2 x 0.5) = 0.2, half of it the
  // subsidy's.
  testing::TempDir dir;
  const int years_per_member = GENERATE(1, 2);
  INFO("years_per_member " << years_per_member);
  const Scenario s = stable_scenario(dir, 2024, 200,
                                     "[coverage]\n"
                                     "registration_hazard = 0.1\n"
                                     "lapse_hazard = 0.0\n"
                                     "initial_voluntary_members = 1500\n"
                                     "[contributions]\n"
                                     "voluntary_rate = 0.1\n"
                                     "[economy]\n"
                                     "minimum_wage = 1000000\n" +
                                         kInterventionHeader +
                                         "type = \"contribution_subsidy\"\n"
                                         "name = \"subsidy\"\n"
                                         "start_year = 2021\n"
                                         "subsidy_share = 0.5\n"
                                         "years_per_member = " +
                                         std::to_string(years_per_member) +
                                         "\n"
                                         "registration_response = 2.0\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 5);
  std::vector<double> members;  // R_t, registered voluntary members, 2020..
  for (const WorkforceYear& y : r.years()) members.push_back(voluntary_cells(y).ever_registered[1]);
  double subsidised_person_years = 0;
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const InterventionTally& t = y.interventions.at(0);
    const CellSums now = voluntary_cells(y);
    CHECK(now.active[1] == now.registered[1]);  // nobody lapses
    const double earlier = k > static_cast<std::size_t>(years_per_member)
                               ? members[k - static_cast<std::size_t>(years_per_member)]
                               : 0.0;
    CHECK(t.reached == members[k] - earlier);
    CHECK(t.subsidy == Approx(t.reached * 0.5 * 0.1 * 12 * 1000000).epsilon(1e-12));
    CHECK(y.contributions[1].government == Approx(t.subsidy).epsilon(1e-12));
    subsidised_person_years += t.reached;
    // Registrations of the uncovered.
    const double uncovered = voluntary_cells(r.years()[k - 1]).persons - members[k - 1];
    check_binomial(members[k] - members[k - 1], uncovered, 0.2);
    check_binomial(t.registered, uncovered, 0.1);
  }
  if (years_per_member == 1) CHECK(subsidised_person_years == members.back());
  CHECK(subsidised_person_years > 2000);
}

TEST_CASE(
    "contribution_subsidy: lapse is 1 - lapse_response x share while subsidised and "
    "lapse_multiplier_after in the year after",
    "[model][interventions]") {
  // Only the base year's members; no registration or reactivation. One year of subsidy in
  // 2021: lapse 0.3 x (1 - 0.8 x 0.5); 2022, the year after: 0.3 x 2; 2023: 0.3.
  testing::TempDir dir;
  const Scenario s = stable_scenario(dir, 2023, 500,
                                     "[coverage]\n"
                                     "lapse_hazard = 0.3\n"
                                     "reactivation_hazard = 0.0\n"
                                     "initial_voluntary_members = 10000\n"
                                     "[contributions]\n"
                                     "voluntary_rate = 0.1\n"
                                     "[economy]\n"
                                     "minimum_wage = 1000000\n" +
                                         kInterventionHeader +
                                         "type = \"contribution_subsidy\"\n"
                                         "name = \"subsidy\"\n"
                                         "start_year = 2021\n"
                                         "subsidy_share = 0.5\n"
                                         "years_per_member = 1\n"
                                         "lapse_response = 0.8\n"
                                         "lapse_multiplier_after = 2.0\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 4);
  const std::array<double, 4> lapse = {0, 0.3 * (1 - 0.8 * 0.5), 0.3 * 2, 0.3};
  const std::array<double, 4> prevented = {0, 0.3 * 0.8 * 0.5, 0, 0};
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const double before = voluntary_cells(r.years()[k - 1]).active[1];
    const double now = voluntary_cells(y).active[1];
    const InterventionTally& t = y.interventions.at(0);
    REQUIRE(before > 1000);
    check_binomial(now, before, 1 - lapse[k]);
    check_binomial(t.lapsed_prevented, before, prevented[k]);
    CHECK(t.reached == (y.year == 2021 ? now : 0.0));  // subsidised: 2021's active members
  }
}

TEST_CASE(
    "contribution_subsidy: with two subsidy programmes lapse_multiplier_after applies once, in "
    "the year after the last subsidised year",
    "[model][interventions]") {
  // docs/interventions.md §6: the year after the subsidy has lapse_multiplier_after "once; the
  // entitlement is then marked ended for good". Two programmes: "short" (1 year, listed first)
  // and "long" (3 years), no lapse response; the years of subsidy a member has received count
  // for both. Only the base year's members, lapse 0.2, no registration or reactivation:
  // 2021 "short" pays; 2022 and 2023 "long" pays (while it pays, the end of "short" is no year
  // after); 2024, the year after the last subsidised year: lapse 0.2 x 3; 2025: 0.2 again.
  //
  // Was wrong (commit 5fe1606): in 2022 "short" marked the entitlement ended (lapse x 3) while
  // "long" paid, and 2023 was "the year after" again.
  testing::TempDir dir;
  const std::string entry =
      "start_year = 2021\n"
      "subsidy_share = 0.5\n"
      "lapse_response = 0.0\n"
      "lapse_multiplier_after = 3.0\n";
  const Scenario s = stable_scenario(dir, 2025, 500,
                                     "[coverage]\n"
                                     "lapse_hazard = 0.2\n"
                                     "reactivation_hazard = 0.0\n"
                                     "initial_voluntary_members = 12000\n"
                                     "[contributions]\n"
                                     "voluntary_rate = 0.1\n"
                                     "[economy]\n"
                                     "minimum_wage = 1000000\n" +
                                         kInterventionHeader +
                                         "type = \"contribution_subsidy\"\n"
                                         "name = \"short\"\n"
                                         "years_per_member = 1\n" +
                                         entry + kInterventionHeader +
                                         "type = \"contribution_subsidy\"\n"
                                         "name = \"long\"\n"
                                         "years_per_member = 3\n" +
                                         entry);
  const Run r = run(s);
  REQUIRE(r.years().size() == 6);
  // 2020..2025: the lapse hazard of the year, and which programme pays (0 short, 1 long).
  const std::array<double, 6> lapse = {0, 0.2, 0.2, 0.2, 0.2 * 3, 0.2};
  const std::array<int, 6> payer = {-1, 0, 1, 1, -1, -1};
  int years_after = 0;
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const double before = voluntary_cells(r.years()[k - 1]).active[1];
    const double now = voluntary_cells(y).active[1];
    REQUIRE(before > 500);
    check_binomial(now, before, 1 - lapse[k]);
    years_after += 1 - now / before > 0.4;
    for (int j = 0; j < 2; ++j) {
      INFO("programme " << j);
      const InterventionTally& t = y.interventions.at(static_cast<std::size_t>(j));
      CHECK(t.reached == (payer[k] == j ? now : 0.0));  // every active member is subsidised
      CHECK(t.lapsed_prevented == 0);
    }
  }
  CHECK(years_after == 1);
}

// ---------------------------------------------------------------------------------------------
// enforcement

TEST_CASE(
    "enforcement: compliance of the compulsory statuses is 1 - (1 - c)(1 - e_t), with the "
    "intensity decaying after the end year",
    "[model][interventions]") {
  // Formal private employees, compliance 0.4; inspections of half of them in 2021 and 2022.
  // I_t = (1 - 0.5) I_{t-1} + 0.5 while it runs, then only decays; e_t = min(1, 0.6 I_t).
  // Each employee keeps one job spell, so one fixed compliance rank: the active members are
  // those with a rank below c'_t, nested as c'_t rises and falls.
  testing::TempDir dir;
  const Scenario s = stable_scenario(dir, 2025, 1000,
                                     "[coverage.compliance]\n"
                                     "formal_private_employee = 0.4\n" +
                                         kInterventionHeader +
                                         "type = \"enforcement\"\n"
                                         "name = \"inspections\"\n"
                                         "start_year = 2021\n"
                                         "end_year = 2022\n"
                                         "inspected_share = 0.5\n"
                                         "compliance_effect = 0.6\n"
                                         "effect_decay = 0.5\n"
                                         "employees_per_inspection = 8\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 6);
  double intensity = 0;
  std::vector<double> active;
  for (std::size_t k = 0; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const bool runs = y.year >= 2021 && y.year <= 2022;
    if (k > 0) intensity = intensity * (1 - 0.5) + (runs ? 0.5 : 0.0);
    const double effect = std::min(1.0, 0.6 * intensity);
    const double compliance = 1 - (1 - 0.4) * (1 - effect);
    INFO("intensity " << intensity << ", compliance " << compliance);
    const CellSums formal = status_cells(y, kFormal);
    REQUIRE(formal.persons > 3000);
    check_binomial(formal.active[0], formal.persons, compliance);
    CHECK(formal.registered[1] == 0);
    CHECK(status_cells(y, kPublic).registered[0] == 0);  // not targeted, compliance 0
    active.push_back(formal.active[0]);
    const InterventionTally& t = y.interventions.at(0);
    check_binomial(t.reached, formal.persons, runs ? 0.5 : 0.0);
    CHECK(t.attended == t.reached);
    // Every new active member is the inspections' doing.
    if (k > 0) CHECK(t.registered == std::max(0.0, formal.active[0] - active[k - 1]));
  }
  // 2020 <= 2021 <= 2022 >= 2023 >= 2024 >= 2025 >= 2020.
  CHECK(active[0] < active[1]);
  CHECK(active[1] < active[2]);
  CHECK(active[2] > active[3]);
  CHECK(active[3] > active[4]);
  CHECK(active[4] >= active[5]);
  CHECK(active[5] >= active[0]);
}

TEST_CASE("enforcement: under-declaration falls by underdeclaration_effect x min(1, I_t)",
          "[model][interventions]") {
  // Every formal employee is an active member (compliance 1) and the inspections do not change
  // compliance (compliance_effect 0): the same members with and without them, declaring
  // 1 - 0.2 (1 - 0.5 min(1, I_t)) of their earnings instead of 0.8 (no floor, no ceiling).
  testing::TempDir dir;
  const std::string base =
      "[coverage]\n"
      "underdeclaration = 0.2\n"
      "[coverage.compliance]\n"
      "formal_private_employee = 1.0\n"
      "[contributions]\n"
      "private_employer_rate = 0.06\n"
      "private_employee_rate = 0.055\n";
  const Scenario without = stable_scenario(dir, 2023, 200, base);
  const Scenario with = stable_scenario(dir, 2023, 200,
                                        base + kInterventionHeader +
                                            "type = \"enforcement\"\n"
                                            "name = \"inspections\"\n"
                                            "start_year = 2021\n"
                                            "end_year = 2021\n"
                                            "inspected_share = 0.4\n"
                                            "compliance_effect = 0.0\n"
                                            "effect_decay = 0.5\n"
                                            "underdeclaration_effect = 0.5\n");
  const Run a = run(without);
  const Run b = run(with);
  CHECK(coverage_csv(a.results.replications) == coverage_csv(b.results.replications));
  double intensity = 0;
  for (std::size_t k = 0; k < a.years().size(); ++k) {
    const ContributionTotals& c0 = a.years()[k].contributions[0];
    const ContributionTotals& c1 = b.years()[k].contributions[0];
    const int year = a.years()[k].year;
    INFO("year " << year);
    if (k > 0) intensity = intensity * 0.5 + (year == 2021 ? 0.4 : 0.0);
    const double declared = 1 - 0.2 * (1 - 0.5 * std::min(1.0, intensity));
    REQUIRE(c0.contributors > 500);
    CHECK(c1.contributors == c0.contributors);
    CHECK(c1.insurable_earnings == Approx(c0.insurable_earnings * declared / 0.8).epsilon(1e-9));
    CHECK(c1.employer == Approx(c0.employer * declared / 0.8).epsilon(1e-9));
    if (year >= 2021) CHECK(c1.insurable_earnings > c0.insurable_earnings);
  }
}

// ---------------------------------------------------------------------------------------------
// digital_services

TEST_CASE(
    "digital_services: access_share of the target has access; their lapse is multiplied and "
    "their density raised",
    "[model][interventions]") {
  // Density 0.5 (6 months) and 0.75 with access (9 months), both exact; lapse 0.4, halved with
  // access; no registration or reactivation. Access is a fixed rank of each person: the same
  // persons every year.
  testing::TempDir dir;
  const Scenario s = stable_scenario(dir, 2023, 500,
                                     "[coverage]\n"
                                     "lapse_hazard = 0.4\n"
                                     "reactivation_hazard = 0.0\n"
                                     "density_voluntary = 0.5\n"
                                     "initial_voluntary_members = 8000\n"
                                     "[contributions]\n"
                                     "voluntary_rate = 0.1\n"
                                     "[economy]\n"
                                     "minimum_wage = 1000000\n" +
                                         kInterventionHeader +
                                         "type = \"digital_services\"\n"
                                         "name = \"online\"\n"
                                         "start_year = 2021\n"
                                         "access_share = 0.5\n"
                                         "lapse_multiplier = 0.5\n"
                                         "density_increase = 0.25\n"
                                         "cost_per_user = 1000\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 4);
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    const WorkforceYear& last = r.years()[k - 1];
    INFO("year " << y.year);
    const InterventionTally& t = y.interventions.at(0);
    const InterventionTally& t0 = last.interventions.at(0);
    const double active = voluntary_cells(y).active[1];
    const double active_before = voluntary_cells(last).active[1];
    REQUIRE(t.targeted > 7000);
    check_binomial(t.reached, t.targeted, 0.5);
    if (k > 1) CHECK(t.reached == t0.reached);  // the same persons
    CHECK(t.attended == t.reached);
    CHECK(t.users <= t.reached);
    // Months paid: 9 with access, 6 without, at the minimum wage.
    const ContributionTotals& v = y.contributions[1];
    CHECK(v.contributors == active);
    CHECK(v.insurable_earnings ==
          Approx(1000000.0 * (9 * t.users + 6 * (active - t.users))).epsilon(1e-12));
    if (k == 1) {
      // Access independent of membership: lapse 0.5 x 0.2 + 0.5 x 0.4.
      check_binomial(active, active_before, 1 - 0.3);
    } else {
      check_binomial(t.users, t0.users, 1 - 0.4 * 0.5);
      check_binomial(active - t.users, active_before - t0.users, 1 - 0.4);
      check_binomial(t.lapsed_prevented, t0.users, 0.4 * 0.5);
    }
    // interventions.csv: users x cost per user.
    const InterventionYear& row = r.valuation.interventions.at(k);
    CHECK(row.cost == Approx(t.users * 1000).epsilon(1e-12));
  }
}

TEST_CASE("digital_services: registration of the uncovered with access is multiplied",
          "[model][interventions]") {
  // Everybody in the target has access (access_share 1): an uncovered worker registers with
  // 0.1 x 2; members never lapse.
  testing::TempDir dir;
  const Scenario s = stable_scenario(dir, 2023, 300,
                                     "[coverage]\n"
                                     "registration_hazard = 0.1\n"
                                     "lapse_hazard = 0.0\n" +
                                         kInterventionHeader +
                                         "type = \"digital_services\"\n"
                                         "name = \"online\"\n"
                                         "start_year = 2021\n"
                                         "access_share = 1.0\n"
                                         "registration_multiplier = 2.0\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 4);
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const InterventionTally& t = y.interventions.at(0);
    const CellSums before = voluntary_cells(r.years()[k - 1]);
    const CellSums now = voluntary_cells(y);
    const double uncovered = before.persons - before.ever_registered[1];
    REQUIRE(uncovered > 2000);
    CHECK(t.reached == t.targeted);
    CHECK(t.users == now.active[1]);
    check_binomial(now.ever_registered[1] - before.ever_registered[1], uncovered, 0.2);
    check_binomial(t.registered, uncovered, 0.1);  // those the base hazard would not register
  }
}

// ---------------------------------------------------------------------------------------------
// domestic_worker_mandate

TEST_CASE(
    "domestic_worker_mandate: domestic workers are compulsory with its compliance from the "
    "start year, and no longer after the end year",
    "[model][interventions]") {
  testing::TempDir dir;
  const double compliance = GENERATE(1.0, 0.5);
  INFO("compliance " << compliance);
  const Scenario s = stable_scenario(dir, 2025, 500,
                                     "[coverage]\n"
                                     "registration_hazard = 0.2\n"
                                     "[coverage.compliance]\n"
                                     "domestic_worker = 0.9\n" +
                                         kInterventionHeader +
                                         "type = \"domestic_worker_mandate\"\n"
                                         "name = \"mandate\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2023\n"
                                         "compliance = " +
                                         number(compliance) +
                                         "\n"
                                         "setup_cost = 5000\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 6);
  double active_2022 = -1;
  for (std::size_t k = 0; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const CellSums d = status_cells(y, kDomestic);
    const InterventionTally& t = y.interventions.at(0);
    REQUIRE(d.persons > 1500);
    CHECK(t.targeted == d.persons);
    if (y.year < 2022) {
      CHECK(d.registered[0] == 0);
      if (y.year == 2021) CHECK(d.active[1] > 0);
      CHECK(t.reached == 0);
    } else if (y.year <= 2023) {
      CHECK(t.reached == d.persons);
      CHECK(d.active[1] == 0);
      check_binomial(d.active[0], d.persons, compliance);
      if (y.year == 2022) {
        active_2022 = d.active[0];
        // The new compulsory members, less those who paid voluntarily in 2021.
        const double voluntary_2021 = status_cells(r.years()[k - 1], kDomestic).active[1];
        CHECK(t.registered <= d.active[0]);
        CHECK(t.registered >= d.active[0] - voluntary_2021);
        if (compliance == 1.0) CHECK(t.registered == d.persons - voluntary_2021);
      } else {
        CHECK(d.active[0] == active_2022);  // a fixed rank for each employer
        CHECK(t.registered == 0);
      }
    } else {
      CHECK(d.active[0] == 0);
      CHECK(d.ever_registered[0] > 0);  // the former compulsory members, lapsed,
      CHECK(d.registered[0] == 0);      // whose insurance ended with the mandate
      CHECK(t.reached == 0);
      CHECK(t.registered == 0);
    }
  }
}

TEST_CASE(
    "domestic_worker_mandate: the intervention gives the same tables as the same mandate in "
    "[coverage]",
    "[model][interventions]") {
  testing::TempDir dir;
  testing::SmallDataOptions data{2020, 2024};
  data.persons_per_cell = 200;
  data.workforce = testing::SmallWorkforce{};
  const std::string projection = "start_year = 2020\nend_year = 2024\n";
  const std::string common =
      "[coverage]\n"
      "registration_hazard = 0.1\n"
      "initial_voluntary_members = 2000\n";
  const Scenario law =
      load_scenario(testing::write_small_scenario(dir, data, projection,
                                                  common + "domestic_worker_mandate_year = 2022\n"
                                                           "[coverage.compliance]\n"
                                                           "domestic_worker = 0.35\n"));
  const Scenario programme =
      load_scenario(testing::write_small_scenario(dir, data, projection,
                                                  common + kInterventionHeader +
                                                      "type = \"domestic_worker_mandate\"\n"
                                                      "name = \"mandate\"\n"
                                                      "start_year = 2022\n"
                                                      "compliance = 0.35\n"));
  const ProjectionResults a = simulate(law, RunOptions{});
  const ProjectionResults b = simulate(programme, RunOptions{});
  CHECK(labour_csv(a.replications) == labour_csv(b.replications));
  CHECK(coverage_csv(a.replications) == coverage_csv(b.replications));
  CHECK(contributions_csv(a.replications) == contributions_csv(b.replications));
  // The mandate did something.
  CHECK(status_cells(b.replications.at(0).workforce.back(), kDomestic).active[0] > 0);
}

TEST_CASE(
    "domestic_worker_mandate with enforcement: inspections raise the mandate's compliance; "
    "registrations are credited to each",
    "[model][interventions]") {
  // From 2021 the mandate makes domestic workers compulsory with compliance 0.3; inspections of
  // every employer (I_t = 1 with decay 1) give e = 0.5, so compliance 1 - 0.7 x 0.5 = 0.65 for
  // domestic workers and 1 - 0.6 x 0.5 = 0.7 for formal private employees. Nobody was a member
  // before: the mandate is credited with the ranks below 0.3, the inspections with those from
  // 0.3 to 0.65.
  testing::TempDir dir;
  const Scenario s = stable_scenario(dir, 2022, 500,
                                     "[coverage.compliance]\n"
                                     "formal_private_employee = 0.4\n" +
                                         kInterventionHeader +
                                         "type = \"domestic_worker_mandate\"\n"
                                         "name = \"mandate\"\n"
                                         "start_year = 2021\n"
                                         "compliance = 0.3\n" +
                                         kInterventionHeader +
                                         "type = \"enforcement\"\n"
                                         "name = \"inspections\"\n"
                                         "start_year = 2021\n"
                                         "inspected_share = 1.0\n"
                                         "compliance_effect = 0.5\n"
                                         "effect_decay = 1.0\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 3);
  const WorkforceYear& y = r.years()[1];
  REQUIRE(y.year == 2021);
  const CellSums domestic = status_cells(y, kDomestic);
  const CellSums formal = status_cells(y, kFormal);
  const InterventionTally& mandate = y.interventions.at(0);
  const InterventionTally& inspections = y.interventions.at(1);
  REQUIRE(domestic.persons > 1500);
  check_binomial(domestic.active[0], domestic.persons, 0.65);
  const double formal_before = status_cells(r.years()[0], kFormal).active[0];
  check_binomial(formal_before, formal.persons, 0.4);
  check_binomial(formal.active[0], formal.persons, 0.7);
  check_binomial(mandate.registered, domestic.persons, 0.3);
  // The formal employees newly active are all the inspections' doing; of the domestic
  // workers, those with ranks from 0.3 to 0.65.
  const double formal_new = formal.active[0] - formal_before;
  check_binomial(formal_new, formal.persons, 0.3);
  check_binomial(inspections.registered - formal_new, domestic.persons, 0.35);
  CHECK(mandate.registered + inspections.registered ==
        domestic.active[0] + formal.active[0] - formal_before);
  // Every compulsory employee's employer is inspected.
  CHECK(inspections.reached == domestic.persons + formal.persons);
  CHECK(mandate.reached == domestic.persons);
  // The next year: the same members, nobody new.
  const WorkforceYear& next = r.years()[2];
  CHECK(status_cells(next, kDomestic).active[0] == domestic.active[0]);
  CHECK(status_cells(next, kFormal).active[0] == formal.active[0]);
  CHECK(next.interventions.at(0).registered == 0);
  CHECK(next.interventions.at(1).registered == 0);
}

TEST_CASE(
    "domestic_worker_mandate over a mandate in law sets the compliance but is not credited "
    "with the registrations",
    "[model][interventions]") {
  testing::TempDir dir;
  const Scenario s = stable_scenario(dir, 2023, 500,
                                     "[coverage]\n"
                                     "domestic_worker_mandate_year = 2021\n"
                                     "[coverage.compliance]\n"
                                     "domestic_worker = 0.3\n" +
                                         kInterventionHeader +
                                         "type = \"domestic_worker_mandate\"\n"
                                         "name = \"mandate\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2022\n"
                                         "compliance = 0.6\n");
  const Run r = run(s);
  REQUIRE(r.years().size() == 4);
  const std::array<double, 4> compliance = {0, 0.3, 0.6, 0.3};
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const CellSums d = status_cells(y, kDomestic);
    REQUIRE(d.persons > 1500);
    check_binomial(d.active[0], d.persons, compliance[k]);
    CHECK(d.active[1] == 0);
    const InterventionTally& t = y.interventions.at(0);
    CHECK(t.reached == (y.year == 2022 ? d.persons : 0.0));
    CHECK(t.registered == 0);
  }
  CHECK(status_cells(r.years()[2], kDomestic).active[0] >
        status_cells(r.years()[1], kDomestic).active[0]);
}

// ---------------------------------------------------------------------------------------------
// Sampling

TEST_CASE(
    "Capacities are real persons: with a sample the visits and the outreach reach as many "
    "persons as without",
    "[model][interventions]") {
  // A target that does not change from year to year (nobody changes status, ages or dies):
  // the outreach reaches exactly persons_reached_per_year persons (weighted), and the mobile
  // offices the share visits x persons_per_visit / last year's target.
  testing::TempDir dir;
  const double fraction = GENERATE(1.0, 0.5);
  INFO("sample fraction " << fraction);
  Scenario s = stable_scenario(dir, 2023, 400,
                               kInterventionHeader +
                                   "type = \"mobile_registration\"\n"
                                   "name = \"mobile\"\n"
                                   "start_year = 2021\n"
                                   "visits_per_year = 10\n"
                                   "persons_per_visit = 500\n" +
                                   kInterventionHeader +
                                   "type = \"information_outreach\"\n"
                                   "name = \"outreach\"\n"
                                   "start_year = 2021\n"
                                   "persons_reached_per_year = 3000\n");
  s.projection.sample_fraction = fraction;
  const Run r = run(s);
  REQUIRE(r.years().size() == 4);
  for (std::size_t k = 1; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    INFO("year " << y.year);
    const InterventionTally& mobile = y.interventions.at(0);
    const InterventionTally& outreach = y.interventions.at(1);
    const double target_last_year = r.years()[k - 1].interventions.at(0).targeted;
    REQUIRE(target_last_year > 9000);  // weighted
    CHECK(mobile.targeted == target_last_year);
    CHECK(outreach.reached == Approx(3000).epsilon(1e-9));
    // Simulated persons: the weighted counts x the sample fraction.
    check_binomial(mobile.reached * fraction, mobile.targeted * fraction,
                   10.0 * 500 / target_last_year);
  }
}

// ---------------------------------------------------------------------------------------------
// Costs

TEST_CASE(
    "interventions.csv: setup cost in the start year, fixed and type costs in the years it "
    "runs, grown with the price index",
    "[model][interventions]") {
  // All seven types from 2022 to 2023, inflation 10%.
  testing::TempDir dir;
  const double inflation = 0.10;
  const Scenario s = stable_scenario(dir, 2024, 200,
                                     "[economy]\n"
                                     "inflation = 0.10\n"
                                     "minimum_wage = 1000000\n"
                                     "[coverage]\n"
                                     "registration_hazard = 0.1\n"
                                     "initial_voluntary_members = 2000\n"
                                     "[coverage.compliance]\n"
                                     "formal_private_employee = 0.5\n"
                                     "[contributions]\n"
                                     "voluntary_rate = 0.1\n"
                                     "private_employer_rate = 0.06\n" +
                                         kInterventionHeader +
                                         "type = \"mobile_registration\"\n"
                                         "name = \"mobile\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2023\n"
                                         "setup_cost = 1000000\n"
                                         "fixed_cost_per_year = 200000\n"
                                         "visits_per_year = 12\n"
                                         "cost_per_visit = 30000\n" +
                                         kInterventionHeader +
                                         "type = \"district_office\"\n"
                                         "name = \"office\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2023\n"
                                         "fixed_cost_per_year = 700000\n" +
                                         kInterventionHeader +
                                         "type = \"information_outreach\"\n"
                                         "name = \"outreach\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2023\n"
                                         "setup_cost = 300000\n"
                                         "persons_reached_per_year = 1500\n"
                                         "cost_per_person_reached = 25\n" +
                                         kInterventionHeader +
                                         "type = \"contribution_subsidy\"\n"
                                         "name = \"subsidy\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2023\n"
                                         "fixed_cost_per_year = 50000\n"
                                         "subsidy_share = 0.4\n" +
                                         kInterventionHeader +
                                         "type = \"enforcement\"\n"
                                         "name = \"inspections\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2023\n"
                                         "setup_cost = 400000\n"
                                         "fixed_cost_per_year = { 2022 = 100000, 2023 = 150000 }\n"
                                         "inspected_share = 0.3\n"
                                         "employees_per_inspection = 5\n"
                                         "cost_per_inspection = 8000\n"
                                         "sanction_revenue_per_inspection = 3000\n" +
                                         kInterventionHeader +
                                         "type = \"digital_services\"\n"
                                         "name = \"online\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2023\n"
                                         "setup_cost = 250000\n"
                                         "access_share = 0.6\n"
                                         "cost_per_user = 120\n" +
                                         kInterventionHeader +
                                         "type = \"domestic_worker_mandate\"\n"
                                         "name = \"mandate\"\n"
                                         "start_year = 2022\n"
                                         "end_year = 2023\n"
                                         "setup_cost = 90000\n"
                                         "fixed_cost_per_year = 10000\n");
  REQUIRE(s.interventions.size() == 7);
  const Run r = run(s);
  REQUIRE(r.years().size() == 5);
  REQUIRE(r.valuation.interventions.size() == 5 * 7);
  const std::array<const char*, 7> names = {"mobile",      "office", "outreach", "subsidy",
                                            "inspections", "online", "mandate"};
  for (std::size_t k = 0; k < r.years().size(); ++k) {
    const WorkforceYear& y = r.years()[k];
    const int year = y.year;
    const double prices = price_index(year, inflation);
    const bool runs = year >= 2022 && year <= 2023;
    const double setup = year == 2022 ? 1.0 : 0.0;
    for (std::size_t j = 0; j < 7; ++j) {
      const InterventionYear& row = r.valuation.interventions.at(k * 7 + j);
      const InterventionTally& t = y.interventions.at(j);
      INFO("year " << year << ", " << names[j]);
      CHECK(row.year == year);
      CHECK(row.intervention == names[j]);
      CHECK(row.type == kInterventionTypeNames[j]);
      CHECK(row.targeted == t.targeted);
      CHECK(row.reached == t.reached);
      CHECK(row.attended == t.attended);
      CHECK(row.registered == t.registered);
      CHECK(row.lapsed_prevented == t.lapsed_prevented);
      CHECK(row.subsidy_cost == t.subsidy);
      if (j != 3) CHECK(t.subsidy == 0);
      if (j != 4) CHECK(row.sanction_revenue == 0);
      if (!runs) {
        CHECK(row.cost == 0);
        CHECK(row.sanction_revenue == 0);
        CHECK(t.reached == 0);
        continue;
      }
      double expected = 0;  // at base-year prices, without the subsidy
      switch (j) {
        case 0:
          expected = setup * 1000000 + 200000 + 12 * 30000;
          break;
        case 1:
          expected = 700000;
          // Only a fixed cost: exactly the fixed cost x the price index.
          CHECK(row.cost == 700000 * prices);
          break;
        case 2:
          REQUIRE(t.reached > 0);
          expected = setup * 300000 + t.reached * 25;
          break;
        case 3:
          REQUIRE(t.subsidy > 0);
          expected = 50000;
          break;
        case 4: {
          REQUIRE(t.reached > 100);
          const double inspections = t.reached / 5;
          expected = setup * 400000 + (year == 2022 ? 100000 : 150000) + inspections * 8000;
          CHECK(row.sanction_revenue == Approx(inspections * 3000 * prices).epsilon(1e-12));
          break;
        }
        case 5:
          REQUIRE(t.users > 100);
          expected = setup * 250000 + t.users * 120;
          break;
        case 6:
          expected = setup * 90000 + 10000;
          break;
        default:
          break;
      }
      CHECK(row.cost == Approx(expected * prices + t.subsidy).epsilon(1e-12));
    }
  }
  // The price index: 1.1^2 in 2022, 1.1^3 in 2023.
  CHECK(r.valuation.interventions.at(2 * 7 + 1).cost == Approx(700000 * 1.21).epsilon(1e-12));
  CHECK(r.valuation.interventions.at(3 * 7 + 1).cost == Approx(700000 * 1.331).epsilon(1e-12));
  // interventions.csv carries the rows.
  const std::string csv = interventions_csv({r.valuation});
  CHECK(csv.find("\n2022,mandate,domestic_worker_mandate,") != std::string::npos);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 5 * 7);
}

// ---------------------------------------------------------------------------------------------
// Interventions that do nothing

namespace {

// Each type alone, and all seven together, added to a scenario with status changes, births,
// deaths, members of both schemes and the domestic workers' mandate in law (from 2021,
// compliance 0.3): every table equals, bit for bit, the scenario's without them. `late`: they
// start after the horizon; otherwise they run with no effect (multipliers 1, additive effects 0;
// the subsidy targets the unemployed, who are on no path; the mandate repeats the law's).
void check_does_nothing(bool late) {
  const std::string base =
      "[economy]\n"
      "inflation = 0.05\n"
      "minimum_wage = 1000000\n"
      "[coverage]\n"
      "registration_hazard = 0.08\n"
      "density_voluntary = 0.8\n"
      "underdeclaration = 0.15\n"
      "initial_voluntary_members = 800\n"
      "domestic_worker_mandate_year = 2021\n"
      "[coverage.compliance]\n"
      "public_employee = 0.9\n"
      "formal_private_employee = 0.6\n"
      "domestic_worker = 0.3\n"
      "[contributions]\n"
      "voluntary_rate = 0.09\n"
      "private_employer_rate = 0.06\n"
      "private_employee_rate = 0.055\n"
      "public_employee_rate = 0.08\n"
      "public_state_rate = 0.085\n";
  const std::string start = late ? "start_year = 2030\n" : "start_year = 2021\n";
  const std::array<std::string, 7> entries = {
      "type = \"mobile_registration\"\nname = \"mobile\"\n" + start +
          "visits_per_year = 10\nturnout = 0.5\nconversion = 0.0\n"
          "payment_lapse_multiplier = 1.0\ncost_per_visit = 1000\n",
      "type = \"district_office\"\nname = \"office\"\n" + start +
          "registration_increase = 0.0\nlapse_multiplier = 1.0\nfixed_cost_per_year = 1000\n",
      "type = \"information_outreach\"\nname = \"outreach\"\n" + start +
          "persons_reached_per_year = 2000\nregistration_multiplier = 1.0\n"
          "channel_multiplier = 1.3\ncost_per_person_reached = 10\n",
      "type = \"contribution_subsidy\"\nname = \"subsidy\"\n" + start +
          "subsidy_share = 0.5\nstatuses = [\"unemployed\"]\n" +
          (late ? "" : "registration_response = 3.0\nlapse_response = 0.5\n"),
      "type = \"enforcement\"\nname = \"inspections\"\n" + start +
          "inspected_share = 0.3\ncompliance_effect = 0.0\nunderdeclaration_effect = 0.0\n"
          "cost_per_inspection = 100\n",
      "type = \"digital_services\"\nname = \"online\"\n" + start +
          "access_share = 0.5\nlapse_multiplier = 1.0\nreactivation_multiplier = 1.0\n"
          "registration_multiplier = 1.0\ndensity_increase = 0.0\ncost_per_user = 10\n",
      "type = \"domestic_worker_mandate\"\nname = \"mandate\"\n" + start +
          "compliance = 0.3\nsetup_cost = 1000\n",
  };
  testing::TempDir dir;
  testing::SmallDataOptions data{2020, 2025};
  data.persons_per_cell = 80;
  data.workforce = testing::SmallWorkforce{};
  const std::string projection = "start_year = 2020\nend_year = 2025\nreplications = 2\n";
  const Scenario without =
      load_scenario(testing::write_small_scenario(dir, data, projection, base));
  const ProjectionResults a = simulate(without, RunOptions{});
  const auto ta = all_tables(without, a);
  // 0..6: one type alone; 7: all of them.
  for (std::size_t which = 0; which < 8; ++which) {
    std::string sections = base;
    for (std::size_t j = 0; j < entries.size(); ++j) {
      if (which == 7 || which == j) sections += kInterventionHeader + entries[j];
    }
    INFO((which == 7 ? std::string("all types") : std::string(kInterventionTypeNames[which])));
    const Scenario with =
        load_scenario(testing::write_small_scenario(dir, data, projection, sections));
    REQUIRE(with.interventions.size() == (which == 7 ? 7u : 1u));
    const ProjectionResults b = simulate(with, RunOptions{});
    const auto tb = all_tables(with, b);
    for (std::size_t i = 0; i < ta.size(); ++i) {
      INFO(ta[i].first);
      CHECK(ta[i].second == tb[i].second);
    }
    // The running ones did reach people: the tables stayed equal for the right reason.
    if (!late && which != 3) {
      double reached = 0;
      for (const WorkforceYear& y : b.replications.at(0).workforce) {
        for (const InterventionTally& t : y.interventions) reached += t.reached;
      }
      CHECK(reached > 0);
    }
  }
}

}  // namespace

TEST_CASE(
    "An intervention that starts after the horizon leaves every table bit for bit as without it",
    "[model][interventions]") {
  check_does_nothing(true);
}

TEST_CASE(
    "An intervention with multipliers 1 and no additive effect leaves every table bit for bit "
    "as without it",
    "[model][interventions]") {
  check_does_nothing(false);
}
