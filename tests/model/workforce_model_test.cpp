// Properties of the microsimulation with the workforce and the scheme's membership: transition
// frequencies against their probabilities, limiting cases of the hazards, the domestic
// workers' mandate, contributions, reproducibility across thread counts, the consistency of
// labour.csv, coverage.csv and contributions.csv with each other and with population.csv, and
// the Lao baseline's start-year calibration.
#include "engine/workforce_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/output.h>
#include <ssproj/simulate.h>

#include "demography/step_rates.h"
#include "engine/microsimulation.h"
#include "support/fixtures.h"

using namespace ssproj;

namespace {

constexpr double kStandardErrors = 4.0;

constexpr auto kPublic = static_cast<std::size_t>(Status::kPublicEmployee);
constexpr auto kFormal = static_cast<std::size_t>(Status::kFormalPrivateEmployee);
constexpr auto kInformal = static_cast<std::size_t>(Status::kInformalEmployee);
constexpr auto kDomestic = static_cast<std::size_t>(Status::kDomesticWorker);

constexpr auto kNever = static_cast<std::uint8_t>(Membership::kNever);
constexpr auto kActive = static_cast<std::uint8_t>(Membership::kActive);
constexpr auto kLapsed = static_cast<std::uint8_t>(Membership::kLapsed);
constexpr auto kVoluntary = static_cast<std::uint8_t>(Scheme::kVoluntary);

// |observed - n p| within 4 binomial standard errors (exactly 0 when p is 0).
void check_binomial(double observed, double n, double p) {
  INFO("observed " << observed << ", n " << n << ", p " << p << ", expected " << n * p);
  if (p <= 0) {
    CHECK(observed == 0);
  } else {
    CHECK(std::abs(observed - n * p) <= kStandardErrors * std::sqrt(n * p * (1 - p)));
  }
}

// A scenario in memory with the small workforce tables of `w`: `persons` at every sex and age
// up to `max_age`, no births, deaths or migration (so the persons keep their order from year to
// year).
Scenario stable_scenario(int end_year, double persons, int max_age,
                         const testing::SmallWorkforce& w = {}) {
  Scenario s = testing::make_scenario(2020, end_year, persons, 0.0, 0.0, 0.0);
  for (auto& ages : s.inputs.base_population) {
    for (std::size_t x = static_cast<std::size_t>(max_age) + 1; x < kNumAges; ++x) ages[x] = 0;
  }
  s.workforce = testing::make_workforce_inputs(w);
  return s;
}

// A row of probabilities that differs by sex, area and origin, with a heavy diagonal.
StatusVector varied_row(std::size_t sex, std::size_t area, std::size_t from) {
  StatusVector p{};
  double sum = 0;
  for (std::size_t to = 0; to < kNumStatuses; ++to) {
    p[to] = (to == from ? 12.0 : 0.0) +
            static_cast<double>((from * 3 + to * 5 + sex * 7 + area * 11) % 9);
    sum += p[to];
  }
  for (double& x : p) x /= sum;
  return p;
}

struct StatusCounts {
  // [sex][area][from][to] over one step.
  std::array<std::array<TransitionMatrix, kNumAreas>, kNumSexes> moves{};
};

// Runs one step of `s` (base year 2020) and counts the moves of every person by sex, area and
// status before and after.
StatusCounts one_step_moves(const Scenario& s, std::uint64_t seed) {
  const engine::WorkforceModel model = engine::build_workforce_model(s);
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, seed, 0, &model);
  const engine::Population before = sim.population();
  sim.step(rates.at(0));
  const engine::Population& after = sim.population();
  REQUIRE(after.size() == before.size());
  StatusCounts c;
  std::size_t moved = 0;  // persons whose place in the arrays changed
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (after.id[i] != before.id[i]) ++moved;
    c.moves[before.sex[i]][before.area[i]][before.status[i]][after.status[i]] += 1;
  }
  REQUIRE(moved == 0);
  return c;
}

// A CSV table read back: the header's column names and the rows' fields.
struct Csv {
  std::map<std::string, std::size_t> column;
  std::vector<std::vector<std::string>> rows;

  explicit Csv(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
      std::vector<std::string> fields;
      std::size_t start = 0;
      while (true) {
        const std::size_t comma = line.find(',', start);
        fields.push_back(line.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      if (header) {
        for (std::size_t i = 0; i < fields.size(); ++i) column[fields[i]] = i;
        header = false;
      } else {
        rows.push_back(std::move(fields));
      }
    }
  }
  const std::string& text(std::size_t row, const std::string& name) const {
    return rows.at(row).at(column.at(name));
  }
  double number(std::size_t row, const std::string& name) const {
    return std::stod(text(row, name));
  }
};

// The Lao baseline at a 2% sample, 2023-2035.
Scenario lao_sample(int replications) {
  Scenario s = load_scenario(testing::source_dir() / "scenarios/lao/baseline.toml");
  s.projection.end_year = 2035;
  s.projection.sample_fraction = 0.02;
  s.projection.replications = replications;
  return s;
}

std::string workforce_tables(const std::vector<ReplicationResult>& r) {
  return labour_csv(r) + coverage_csv(r) + contributions_csv(r);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Statistical agreement with the inputs

TEST_CASE(
    "Workforce: transition frequencies agree with the probabilities of their sex, age "
    "band, area and origin",
    "[model][workforce][statistical]") {
  // 160,000 persons aged 30 of each sex, spread evenly over the 8 statuses at the start: about
  // 10,000 per sex, area and origin. Each sex and area has its own matrix at 30-34; the other
  // bands keep everybody where they are (they would show up as a wrong lookup).
  testing::SmallWorkforce w;
  w.status_shares.fill(0.125);
  w.transitions = testing::identity_transitions();
  Scenario s = stable_scenario(2021, 0.0, kMaxAge, w);
  s.inputs.base_population[0][30] = 160000;
  s.inputs.base_population[1][30] = 160000;
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    for (std::size_t area = 0; area < kNumAreas; ++area) {
      for (std::size_t from = 0; from < kNumStatuses; ++from) {
        s.workforce.transitions[sex][3][area][from] = varied_row(sex, area, from);
      }
    }
  }
  const StatusCounts c = one_step_moves(s, 2021);

  double persons = 0, urban = 0;
  int comparisons = 0;
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    for (std::size_t area = 0; area < kNumAreas; ++area) {
      for (std::size_t from = 0; from < kNumStatuses; ++from) {
        double n = 0;
        for (double x : c.moves[sex][area][from]) n += x;
        persons += n;
        if (area == 0) urban += n;
        INFO("sex " << sex << ", area " << area << ", from " << kStatusNames[from]);
        REQUIRE(n > 5000);
        const StatusVector p = varied_row(sex, area, from);
        for (std::size_t to = 0; to < kNumStatuses; ++to) {
          INFO("to " << kStatusNames[to]);
          check_binomial(c.moves[sex][area][from][to], n, p[to]);
          ++comparisons;
        }
      }
    }
  }
  CHECK(comparisons == 2 * 2 * 8 * 8);
  REQUIRE(persons == 320000);
  // Residence: 0.375 of the population is urban (regions north 0.125 + south 0.25).
  check_binomial(urban, persons, 0.375);
  // Initial statuses: 1/8 each, by sex.
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    for (std::size_t from = 0; from < kNumStatuses; ++from) {
      double n = 0;
      for (std::size_t area = 0; area < kNumAreas; ++area) {
        for (double x : c.moves[sex][area][from]) n += x;
      }
      check_binomial(n, 160000, 0.125);
    }
  }
}

TEST_CASE(
    "Workforce: the formalisation shift sends moves into informal_employee to "
    "formal_private_employee",
    "[model][workforce][statistical]") {
  testing::SmallWorkforce w;
  w.status_shares.fill(0.125);
  w.transitions = testing::mixing_transitions(0.5);  // 1/14 to each other status
  Scenario s = stable_scenario(2021, 0.0, kMaxAge, w);
  s.inputs.base_population[0][40] = 40000;
  s.inputs.base_population[1][40] = 40000;
  double shift = 0;
  SECTION("shift 0: the data's probabilities") { shift = 0; }
  SECTION("shift 0.5: half of them") { shift = 0.5; }
  SECTION("shift 1: all of them; nobody is an informal employee a year later") { shift = 1; }
  s.labour.formalisation_shift = Schedule::constant(shift);
  const StatusCounts c = one_step_moves(s, 7);
  for (std::size_t from = 0; from < kNumStatuses; ++from) {
    double n = 0, informal = 0, formal = 0;
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      for (std::size_t area = 0; area < kNumAreas; ++area) {
        for (double x : c.moves[sex][area][from]) n += x;
        informal += c.moves[sex][area][from][kInformal];
        formal += c.moves[sex][area][from][kFormal];
      }
    }
    INFO("from " << kStatusNames[from] << ", shift " << shift);
    const double p_informal = from == kInformal ? 0.5 : 0.5 / 7;
    const double p_formal = from == kFormal ? 0.5 : 0.5 / 7;
    check_binomial(informal, n, (1 - shift) * p_informal);
    check_binomial(formal, n, p_formal + shift * p_informal);
  }
}

// ---------------------------------------------------------------------------------------------
// Limiting cases of membership

namespace {

// Statuses never change; public employees, formal private employees and domestic workers
// (once compulsory) with the given compliance; 1,000 voluntary members at the start, half of
// them active. Persons are aged 44 or less, so that until 2030 nobody reaches a pensionable
// age (whose benefits end memberships).
Scenario membership_scenario(int end_year, double compliance) {
  REQUIRE(end_year <= 2030);
  testing::SmallWorkforce w;
  w.transitions = testing::identity_transitions();
  Scenario s = stable_scenario(end_year, 300.0, 44, w);
  s.coverage.compliance[kPublic] = Schedule::constant(compliance);
  s.coverage.compliance[kFormal] = Schedule::constant(compliance);
  s.coverage.compliance[kDomestic] = Schedule::constant(compliance);
  s.coverage.initial_voluntary_members = 1000;
  s.coverage.initial_voluntary_active_share = 0.5;
  s.coverage.registration_hazard = Schedule::constant(0.0);
  s.coverage.lapse_hazard = Schedule::constant(0.0);
  s.coverage.reactivation_hazard = Schedule::constant(0.0);
  return s;
}

struct MembershipCounts {
  int active_compulsory = 0, active_voluntary = 0, lapsed_voluntary = 0, lapsed_compulsory = 0;
  int never_employed_voluntary_path = 0;  // never registered, employed, not compulsory
};

MembershipCounts count_members(const engine::Population& p) {
  MembershipCounts c;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const bool compulsory = p.scheme[i] != kVoluntary;
    if (p.membership[i] == kActive) ++(compulsory ? c.active_compulsory : c.active_voluntary);
    if (p.membership[i] == kLapsed) ++(compulsory ? c.lapsed_compulsory : c.lapsed_voluntary);
    const auto status = static_cast<Status>(p.status[i]);
    if (p.membership[i] == kNever && is_employed(status) && status != Status::kPublicEmployee &&
        status != Status::kFormalPrivateEmployee) {
      ++c.never_employed_voluntary_path;
    }
  }
  return c;
}

}  // namespace

TEST_CASE("Workforce: base-year members and their contribution history, by hand",
          "[model][workforce][limiting]") {
  // Compliance 1: every public and formal private employee is a compulsory member, credited
  // 12 months a year (density 1) since 2001 or age 18, plus the base year's 12. Voluntary
  // members: 6 months a year (density 0.5) since 2015 or age 18, plus 6 in the base year when
  // active.
  Scenario s = membership_scenario(2021, 1.0);
  s.coverage.history_start_year_compulsory = 2001;
  s.coverage.history_start_year_voluntary = 2015;
  s.coverage.density_voluntary = Schedule::constant(0.5);
  s.economy.minimum_wage = Schedule::constant(1000000);  // what voluntary members declare
  const engine::WorkforceModel model = engine::build_workforce_model(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 5, 0, &model);
  const engine::Population& p = sim.population();
  int compulsory = 0, voluntary = 0, active_voluntary = 0, wrong = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const auto status = static_cast<Status>(p.status[i]);
    const int adult_years = std::max(0, p.age[i] - 18);
    int expected = 0;
    if (status == Status::kPublicEmployee || status == Status::kFormalPrivateEmployee) {
      ++compulsory;
      if (p.scheme[i] != static_cast<std::uint8_t>(compulsory_scheme(status)) ||
          p.membership[i] != kActive) {
        ++wrong;
      }
      expected = 12 * std::min(adult_years, 2020 - 2001) + 12;
    } else if (p.membership[i] != kNever) {
      ++voluntary;
      if (p.scheme[i] != kVoluntary || !is_employed(status)) ++wrong;
      if (p.membership[i] == kActive) ++active_voluntary;
      expected = 6 * std::min(adult_years, 2020 - 2015) + (p.membership[i] == kActive ? 6 : 0);
    }
    if (p.months[i] != expected) ++wrong;
    if ((p.points[i] > 0) != (expected > 0)) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(compulsory > 3000);
  // 1,000 voluntary members among the employed outside the compulsory statuses, half active.
  const double candidates =
      static_cast<double>(count_members(p).never_employed_voluntary_path + voluntary);
  check_binomial(voluntary, candidates, 1000 / candidates);
  check_binomial(active_voluntary, voluntary, 0.5);
}

TEST_CASE(
    "Workforce: with zero hazards, constant compliance and no status changes, nobody's "
    "membership changes",
    "[model][workforce][limiting]") {
  Scenario s = membership_scenario(2030, 0.6);
  const double lapse = GENERATE(0.0, 0.25);  // 0.25: the control, where memberships do change
  s.coverage.lapse_hazard = Schedule::constant(lapse);
  const engine::WorkforceModel model = engine::build_workforce_model(s);
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 11, 0, &model);
  const engine::Population base = sim.population();
  const MembershipCounts at_base = count_members(base);
  // Every kind of membership is there to change.
  CHECK(at_base.active_compulsory > 1000);
  CHECK(at_base.active_voluntary > 400);
  CHECK(at_base.lapsed_voluntary > 400);
  CHECK(at_base.never_employed_voluntary_path > 500);
  int changed = 0, moved = 0;
  for (const auto& r : rates) {
    sim.step(r);
    const engine::Population& p = sim.population();
    REQUIRE(p.size() == base.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p.id[i] != base.id[i] || p.status[i] != base.status[i]) ++moved;
      if (p.membership[i] != base.membership[i] || p.scheme[i] != base.scheme[i]) ++changed;
    }
  }
  REQUIRE(moved == 0);  // the same persons in the same statuses
  INFO("lapse hazard " << lapse);
  if (lapse == 0) {
    CHECK(changed == 0);
  } else {
    CHECK(changed > 0);
  }
}

TEST_CASE("Workforce: hazards of 1 move every eligible person in one year",
          "[model][workforce][limiting]") {
  Scenario s = membership_scenario(2021, 0.6);
  SECTION("lapse 1: no active voluntary member is left") {
    s.coverage.lapse_hazard = Schedule::constant(1.0);
    const engine::WorkforceModel model = engine::build_workforce_model(s);
    engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 3, 0, &model);
    const MembershipCounts before = count_members(sim.population());
    sim.step(demography::build_step_rates(s).at(0));
    const MembershipCounts after = count_members(sim.population());
    REQUIRE(before.active_voluntary > 400);
    CHECK(after.active_voluntary == 0);
    CHECK(after.lapsed_voluntary == before.lapsed_voluntary + before.active_voluntary);
    CHECK(after.active_compulsory == before.active_compulsory);
  }
  SECTION("reactivation 1: every lapsed member on the voluntary path pays again") {
    s.coverage.reactivation_hazard = Schedule::constant(1.0);
    const engine::WorkforceModel model = engine::build_workforce_model(s);
    engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 3, 0, &model);
    const MembershipCounts before = count_members(sim.population());
    sim.step(demography::build_step_rates(s).at(0));
    const MembershipCounts after = count_members(sim.population());
    REQUIRE(before.lapsed_voluntary > 400);
    CHECK(after.lapsed_voluntary == 0);
    CHECK(after.active_voluntary == before.active_voluntary + before.lapsed_voluntary);
  }
  SECTION("registration 1: every employed person on the voluntary path registers") {
    s.coverage.registration_hazard = Schedule::constant(1.0);
    const engine::WorkforceModel model = engine::build_workforce_model(s);
    engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 3, 0, &model);
    const MembershipCounts before = count_members(sim.population());
    sim.step(demography::build_step_rates(s).at(0));
    const MembershipCounts after = count_members(sim.population());
    REQUIRE(before.never_employed_voluntary_path > 500);
    CHECK(after.never_employed_voluntary_path == 0);
    CHECK(after.active_voluntary == before.active_voluntary + before.never_employed_voluntary_path);
  }
}

TEST_CASE("Workforce: domestic workers switch to the compulsory scheme in the mandate year",
          "[model][workforce][limiting]") {
  const double compliance = GENERATE(1.0, 0.5);
  Scenario s = membership_scenario(2023, compliance);
  s.coverage.domestic_worker_mandate_year = 2022;
  s.coverage.registration_hazard = Schedule::constant(0.2);  // some voluntary members join
  const ProjectionResults r = simulate(s, RunOptions{});
  const std::vector<WorkforceYear>& years = r.replications.at(0).workforce;
  REQUIRE(years.size() == 4);
  INFO("compliance " << compliance);
  for (const WorkforceYear& y : years) {
    double persons = 0, registered_compulsory = 0, active_compulsory = 0, active_voluntary = 0;
    for (const auto& bands : y.cells) {
      for (const auto& areas : bands) {
        for (const auto& statuses : areas) {
          const WorkforceCell& c = statuses[kDomestic];
          persons += c.persons;
          registered_compulsory += c.registered[0];
          active_compulsory += c.active[0];
          active_voluntary += c.active[1];
        }
      }
    }
    INFO("year " << y.year);
    REQUIRE(persons > 500);
    if (y.year < 2022) {
      CHECK(registered_compulsory == 0);
      CHECK(active_voluntary > 0);
    } else if (compliance == 1.0) {
      CHECK(active_compulsory == persons);
      CHECK(active_voluntary == 0);
    } else {
      check_binomial(active_compulsory, persons, compliance);
      // A member whose employer does not comply is lapsed, not active in either scheme.
      CHECK(active_compulsory + active_voluntary < persons);
    }
  }
}

TEST_CASE(
    "Workforce: a lapsed member stays in `registered` for insured_window_years after the last "
    "payment, and in `ever_registered` for good",
    "[model][workforce][limiting]") {
  // No compulsory members; 1,000 voluntary members at the start, half active (they pay in the
  // base year 2020), half lapsed. Every active member lapses in 2021 and nobody comes back, so
  // after 2020 every member is lapsed.
  const int window = GENERATE(1, 2, 4);
  Scenario s = membership_scenario(2026, 0.0);
  s.coverage.lapse_hazard = Schedule::constant(1.0);
  s.coverage.insured_window_years = window;
  const ProjectionResults r = simulate(s, RunOptions{});
  const std::vector<WorkforceYear>& years = r.replications.at(0).workforce;
  REQUIRE(years.size() == 7);
  INFO("window " << window);
  for (const WorkforceYear& y : years) {
    double registered = 0, ever = 0, active = 0, other_schemes = 0;
    for (const auto& bands : y.cells) {
      for (const auto& areas : bands) {
        for (const auto& statuses : areas) {
          for (const WorkforceCell& c : statuses) {
            const std::size_t k = scheme_index(Scheme::kVoluntary);
            registered += c.registered[k];
            ever += c.ever_registered[k];
            active += c.active[k];
            for (std::size_t j = 0; j < kNumSchemes; ++j) {
              if (j != k) other_schemes += c.ever_registered[j];
            }
          }
        }
      }
    }
    INFO("year " << y.year << ": registered " << registered << ", ever registered " << ever);
    REQUIRE(other_schemes == 0);
    REQUIRE(ever > 800);
    CHECK(active == (y.year == 2020 ? active : 0.0));
    if (y.year == 2020) {
      CHECK(registered == ever);  // everybody paid within the window
    } else if (y.year <= 2020 + window) {
      // Those active in 2020 (half of the members, at random), and those lapsed in 2020 whose
      // last payment (in one of the `window` years before 2020, with equal probabilities) is
      // within the window.
      const double lapsed_in = static_cast<double>(window - (y.year - 2020)) / window;
      check_binomial(registered, ever, 0.5 + 0.5 * lapsed_in);
    } else {
      CHECK(registered == 0);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Contributions

TEST_CASE("Workforce: zero contribution rates give zero contributions; amounts follow the rates",
          "[model][workforce][identity]") {
  Scenario s = membership_scenario(2022, 0.8);
  s.economy.minimum_wage = Schedule::constant(1000000);
  s.coverage.registration_hazard = Schedule::constant(0.1);
  const bool zero = GENERATE(true, false);
  if (!zero) {
    s.contributions.private_employer_rate = Schedule::constant(0.06);
    s.contributions.private_employee_rate = Schedule::constant(0.055);
    s.contributions.public_employee_rate = Schedule::constant(0.08);
    s.contributions.public_state_rate = Schedule::constant(0.085);
    s.contributions.voluntary_rate = Schedule::constant(0.09);
  }
  const ProjectionResults r = simulate(s, RunOptions{});
  for (const WorkforceYear& y : r.replications.at(0).workforce) {
    INFO("year " << y.year << (zero ? ", zero rates" : ", rates"));
    // The two compulsory schemes together (private and civil servants).
    ContributionTotals compulsory = y.contributions[scheme_index(Scheme::kPrivate)];
    const ContributionTotals& civil = y.contributions[scheme_index(Scheme::kCivilServant)];
    compulsory.contributors += civil.contributors;
    compulsory.insurable_earnings += civil.insurable_earnings;
    compulsory.employer += civil.employer;
    compulsory.employee += civil.employee;
    compulsory.government += civil.government;
    const ContributionTotals& voluntary = y.contributions[scheme_index(Scheme::kVoluntary)];
    CHECK(compulsory.contributors > 1000);
    CHECK(voluntary.contributors > 100);
    CHECK(compulsory.insurable_earnings > 0);
    // Density 1: 12 months at the declared income, the minimum wage.
    CHECK(voluntary.insurable_earnings == Approx(voluntary.contributors * 12 * 1000000));
    if (zero) {
      for (const ContributionTotals& t : y.contributions) {
        CHECK(t.employer == 0);
        CHECK(t.employee == 0);
        CHECK(t.government == 0);
      }
    } else {
      CHECK(voluntary.employee == Approx(0.09 * voluntary.insurable_earnings));
      CHECK(voluntary.employer == 0);
      CHECK(voluntary.government == 0);
      // Employers pay for private and domestic employees, the State for public employees.
      CHECK(compulsory.employer > 0);
      CHECK(compulsory.government > 0);
      CHECK(compulsory.employer + compulsory.government < 0.085 * compulsory.insurable_earnings);
      CHECK(compulsory.employee > 0.055 * compulsory.insurable_earnings);
      CHECK(compulsory.employee < 0.08 * compulsory.insurable_earnings);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reproducibility and the output tables

TEST_CASE("Workforce tables are byte-identical with 1 and 2 threads",
          "[model][workforce][determinism]") {
  const Scenario s = lao_sample(3);
  REQUIRE(s.has_workforce());
  RunOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const ProjectionResults a = simulate(s, one);
  const ProjectionResults b = simulate(s, two);
  REQUIRE(a.replications.size() == 3);
  REQUIRE(a.replications[0].workforce.size() == 13);  // 2023-2035
  CHECK(labour_csv(a.replications) == labour_csv(b.replications));
  CHECK(coverage_csv(a.replications) == coverage_csv(b.replications));
  CHECK(contributions_csv(a.replications) == contributions_csv(b.replications));
  // And the replications differ from each other (the test compares real draws).
  CHECK(workforce_tables({a.replications[0]}) != workforce_tables({a.replications[1]}));
}

TEST_CASE(
    "labour.csv, coverage.csv and contributions.csv agree with each other and with "
    "population.csv",
    "[model][workforce][identity]") {
  const Scenario s = lao_sample(2);
  const ProjectionResults r = simulate(s, RunOptions{});
  const Csv population(microsimulation_population_csv(r.replications));
  const Csv labour(labour_csv(r.replications));
  const Csv coverage(coverage_csv(r.replications));
  const Csv contributions(contributions_csv(r.replications));
  const int years = s.projection.end_year - s.projection.start_year + 1;
  const std::size_t cells = kNumSexes * kNumAgeBands * kNumAreas * kNumStatuses;
  REQUIRE(labour.rows.size() == static_cast<std::size_t>(years) * cells);
  REQUIRE(coverage.rows.size() == static_cast<std::size_t>(years) * cells * kNumSchemes);
  REQUIRE(contributions.rows.size() == static_cast<std::size_t>(years) * (kNumSchemes + 1));

  // Persons aged 15+ by year, sex and age group: labour.csv summed over areas and statuses
  // equals population.csv summed over the ages of the group, exactly.
  std::map<std::string, double> by_group_population, by_group_labour;
  for (std::size_t i = 0; i < population.rows.size(); ++i) {
    const int age = std::stoi(population.text(i, "age"));
    const int band = age_band(age);
    if (band < 0) continue;
    by_group_population[population.text(i, "year") + "," + population.text(i, "sex") + "," +
                        std::string(kAgeBandNames[static_cast<std::size_t>(band)])] +=
        population.number(i, "persons");
  }
  for (std::size_t i = 0; i < labour.rows.size(); ++i) {
    by_group_labour[labour.text(i, "year") + "," + labour.text(i, "sex") + "," +
                    labour.text(i, "age_group")] += labour.number(i, "persons");
  }
  REQUIRE(by_group_labour.size() == static_cast<std::size_t>(years) * kNumSexes * kNumAgeBands);
  CHECK(by_group_labour == by_group_population);

  // coverage.csv: one row per scheme per labour.csv row, in the same order.
  std::map<std::string, double> active_by_year_scheme;
  for (std::size_t i = 0; i < coverage.rows.size(); ++i) {
    const std::size_t cell = i / kNumSchemes;
    const std::string key = coverage.text(i, "year") + "," + coverage.text(i, "sex") + "," +
                            coverage.text(i, "age_group") + "," + coverage.text(i, "area") + "," +
                            coverage.text(i, "status");
    REQUIRE(key == labour.text(cell, "year") + "," + labour.text(cell, "sex") + "," +
                       labour.text(cell, "age_group") + "," + labour.text(cell, "area") + "," +
                       labour.text(cell, "status"));
    REQUIRE(coverage.text(i, "scheme") == kSchemeNames[i % kNumSchemes]);
    const double persons = labour.number(cell, "persons");
    const double registered = coverage.number(i, "registered");
    const double active = coverage.number(i, "active_contributors");
    INFO(key << "," << coverage.text(i, "scheme") << ": persons " << persons << ", registered "
             << registered << ", active " << active);
    CHECK(registered >= active);
    CHECK(registered <= persons);
    CHECK(active >= 0);
    const Status status = static_cast<Status>(
        std::find(kStatusNames.begin(), kStatusNames.end(), coverage.text(i, "status")) -
        kStatusNames.begin());
    if (!is_employed(status)) CHECK(active == 0);
    if (persons == 0) CHECK(registered == 0);
    // The rate is the active contributors over the persons of the cell (replication means).
    const double rate = coverage.number(i, "coverage_rate");
    CHECK(rate >= 0);
    CHECK(rate <= 1);
    if (persons == 0) CHECK(rate == 0);
    active_by_year_scheme[coverage.text(i, "year") + "," + coverage.text(i, "scheme")] += active;
  }

  // contributions.csv: total = the sum of the schemes in every column; every active member
  // pays at least one month (densities 0.9 and 0.7), so contributors = active contributors.
  const std::vector<std::string> columns = {"contributors", "insurable_earnings",
                                            "contributions_employer", "contributions_employee",
                                            "contributions_government"};
  constexpr std::size_t kRows = kNumSchemes + 1;
  const auto row_of = [](std::size_t first, Scheme scheme) { return first + scheme_index(scheme); };
  for (std::size_t i = 0; i + kNumSchemes < contributions.rows.size(); i += kRows) {
    const std::string year = contributions.text(i, "year");
    for (std::size_t k = 0; k < kNumSchemes; ++k) {
      REQUIRE(contributions.text(i + k, "scheme") == kSchemeNames[k]);
    }
    REQUIRE(contributions.text(i + kNumSchemes, "scheme") == "total");
    INFO("year " << year);
    for (const std::string& column : columns) {
      INFO("column " << column);
      double sum = 0;
      for (std::size_t k = 0; k < kNumSchemes; ++k) sum += contributions.number(i + k, column);
      CHECK(contributions.number(i + kNumSchemes, column) == Approx(sum).epsilon(1e-12));
    }
    for (std::size_t k = 0; k < kNumSchemes; ++k) {
      CHECK(
          contributions.number(i + k, "contributors") ==
          Approx(active_by_year_scheme[year + "," + std::string(kSchemeNames[k])]).epsilon(1e-12));
    }
    const std::size_t priv = row_of(i, Scheme::kPrivate);
    const std::size_t civil = row_of(i, Scheme::kCivilServant);
    const std::size_t voluntary = row_of(i, Scheme::kVoluntary);
    // Private employers pay; the State pays for the civil servants; voluntary members alone.
    CHECK(contributions.number(priv, "contributions_employer") > 0);
    CHECK(contributions.number(priv, "contributions_government") == 0);
    CHECK(contributions.number(civil, "contributions_employer") == 0);
    CHECK(contributions.number(civil, "contributions_government") > 0);
    CHECK(contributions.number(voluntary, "contributions_employer") == 0);
    CHECK(contributions.number(voluntary, "contributions_government") == 0);
  }
}

TEST_CASE("A scenario without the workforce tables writes no workforce tables",
          "[model][workforce]") {
  testing::TempDir dir;
  const bool workforce = GENERATE(false, true);
  testing::SmallDataOptions data{2020, 2023};
  if (workforce) data.workforce = testing::SmallWorkforce{};
  const Scenario s = load_scenario(
      testing::write_small_scenario(dir, data, "start_year = 2021\nend_year = 2023\n"));
  REQUIRE(s.has_workforce() == workforce);
  const ProjectionResults r = simulate(s, RunOptions{});
  CHECK(r.replications.at(0).population.years.size() == 3);
  CHECK(r.replications.at(0).workforce.size() == (workforce ? 3u : 0u));
  CHECK(r.valuations.size() == (workforce ? 1u : 0u));
  write_run_outputs(dir.path() / "out", s, r, RunRecord{1, 0.5});
  for (const char* name : {"labour.csv", "coverage.csv", "contributions.csv"}) {
    INFO(name << ", workforce " << workforce);
    CHECK(std::filesystem::exists(dir.path() / "out" / name) == workforce);
  }
  CHECK(std::filesystem::exists(dir.path() / "out/population.csv"));
  CHECK(std::filesystem::exists(dir.path() / "out/manifest.json"));
  if (workforce) {
    const std::string contributions = testing::read_file(dir.path() / "out/contributions.csv");
    CHECK(contributions.rfind("year,scheme,contributors,insurable_earnings,contributions_employer,"
                              "contributions_employee,contributions_government\n2021,private,",
                              0) == 0);
    const std::string labour = testing::read_file(dir.path() / "out/labour.csv");
    CHECK(labour.rfind("year,sex,age_group,area,status,persons\n2021,male,15-19,urban,inactive,",
                       0) == 0);
  }
}

// ---------------------------------------------------------------------------------------------
// The Lao baseline's start-year calibration

TEST_CASE("Lao baseline: the start year reproduces the calibration targets within 2%",
          "[model][workforce][lao][slow]") {
  Scenario s = load_scenario(testing::source_dir() / "scenarios/lao/baseline.toml");
  REQUIRE(s.projection.sample_fraction == 1.0);
  REQUIRE(s.projection.start_year == 2023);
  s.projection.end_year = 2024;
  const ProjectionResults r = simulate(s, RunOptions{});
  const WorkforceYear& y = r.replications.at(0).workforce.at(0);
  REQUIRE(y.year == 2023);
  double employed = 0, unemployed = 0, active = 0, registered = 0, registered_voluntary = 0;
  for (const auto& bands : y.cells) {
    for (const auto& areas : bands) {
      for (const auto& statuses : areas) {
        for (std::size_t st = 0; st < kNumStatuses; ++st) {
          const WorkforceCell& c = statuses[st];
          if (is_employed(static_cast<Status>(st))) employed += c.persons;
          if (st == static_cast<std::size_t>(Status::kUnemployed)) unemployed += c.persons;
          for (std::size_t k = 0; k < kNumSchemes; ++k) {
            active += c.active[k];
            registered += c.registered[k];
          }
          registered_voluntary += c.registered[scheme_index(Scheme::kVoluntary)];
        }
      }
    }
  }
  const double informal_share = 1 - active / employed;
  const double unemployment_rate = unemployed / (employed + unemployed);
  INFO("employed " << employed << ", informal share " << informal_share << ", unemployment "
                   << unemployment_rate << ", registered " << registered << " (voluntary "
                   << registered_voluntary << "), active " << active << " (" << active / employed
                   << " of the employed)");
  auto within_2_percent = [](double x, double target) { return std::abs(x / target - 1) <= 0.02; };
  CHECK(within_2_percent(employed, 2480000));
  CHECK(within_2_percent(informal_share, 0.864));
  CHECK(within_2_percent(unemployment_rate, 0.024));
  CHECK(within_2_percent(registered, 353962));
  CHECK(within_2_percent(registered_voluntary, 26793));
  CHECK(within_2_percent(active / employed, 0.14));
}

TEST_CASE("Lao baseline: the starting point holds pensions in payment and runs in without a jump",
          "[model][workforce][lao][slow]") {
  Scenario s = load_scenario(testing::source_dir() / "scenarios/lao/baseline.toml");
  REQUIRE(s.warnings.empty());  // the reconstructed reserve: no warning
  REQUIRE(s.fund.initial_reserve > 0);
  REQUIRE(s.workforce.has_pensioners);
  s.projection.end_year = 2030;
  const ProjectionResults r = simulate(s, RunOptions{});
  const std::vector<WorkforceYear>& years = r.replications.at(0).workforce;
  const Valuation& v = r.valuations.at(0);
  REQUIRE(years.front().year == 2023);
  const auto sum = [](const std::array<double, kNumSexes>& a) { return a[0] + a[1]; };

  // 2023: pensions of every kind in payment, and their outgo.
  const BenefitTallies& b0 = years.front().benefits;
  CHECK(sum(b0.old_age_recipients) > 30000);
  CHECK(sum(b0.invalidity_recipients) > 1000);
  double survivors = 0;
  for (const BeneficiaryRow& row : v.beneficiaries) {
    if (row.year == 2023 && row.scheme == "total" && row.benefit == "survivor_spouse")
      survivors += row.recipients;
  }
  CHECK(survivors > 10000);
  const FundYear& f0 = v.years.front();
  for (Branch branch : {Branch::kOldAge, Branch::kInvalidity, Branch::kSurvivors}) {
    CHECK(f0.branches[static_cast<std::size_t>(branch)].benefits > 0);
  }
  // Old-age pension coverage within 1 point of the ILO's 5.6% (World Social Protection Report
  // 2014-15).
  const double coverage = sum(b0.old_age_recipients) / sum(b0.above_pensionable_age);
  INFO("old-age pensioners over persons above pensionable age, 2023: " << coverage);
  CHECK(std::abs(coverage - 0.056) <= 0.01);

  // No backlog: the 2024 old-age awards within 25% of the mean of 2025-2030.
  double later = 0;
  for (const WorkforceYear& y : years) {
    if (y.year >= 2025) later += sum(y.benefits.old_age_new) / 6;
  }
  const double awards_2024 = sum(years.at(1).benefits.old_age_new);
  INFO("old-age awards 2024: " << awards_2024 << ", mean 2025-2030: " << later);
  CHECK(std::abs(awards_2024 / later - 1) <= 0.25);
  CHECK(sum(b0.old_age_new) > 0);  // the base year's own awards

  // No start-up drop of the active voluntary members.
  const auto voluntary = [](const WorkforceYear& y) {
    return y.contributions[scheme_index(Scheme::kVoluntary)].contributors;
  };
  INFO("active voluntary members 2023 " << voluntary(years.at(0)) << ", 2024 "
                                        << voluntary(years.at(1)));
  CHECK(std::abs(voluntary(years.at(1)) / voluntary(years.at(0)) - 1) < 0.05);
}

TEST_CASE("A scheme's own old-age rules apply to its members only", "[model][workforce][lao]") {
  Scenario s = load_scenario(testing::source_dir() / "scenarios/lao/baseline.toml");
  s.projection.sample_fraction = 0.05;
  s.projection.end_year = 2027;
  // No civil servant can qualify for a pension: they all get the lump sum, of 2 months a year.
  s.benefits.civil_servant_scheme.minimum_months = Schedule::constant(1200);
  s.benefits.civil_servant_scheme.lump_sum_months_per_year = Schedule::constant(2.0);
  const ProjectionResults r = simulate(s, RunOptions{});
  const auto sum = [](const std::array<double, kNumSexes>& a) { return a[0] + a[1]; };
  const std::size_t civil = scheme_index(Scheme::kCivilServant);
  const std::size_t priv = scheme_index(Scheme::kPrivate);
  double civil_lump_sums = 0, private_awards = 0;
  for (const WorkforceYear& y : r.replications.at(0).workforce) {
    if (y.year == 2023) continue;  // the base year's awards are the stock's
    INFO("year " << y.year);
    CHECK(sum(y.scheme_benefits[civil].old_age_new) == 0);
    civil_lump_sums += sum(y.scheme_benefits[civil].lump_sums);
    private_awards += sum(y.scheme_benefits[priv].old_age_new);
  }
  CHECK(civil_lump_sums > 100);
  CHECK(private_awards > 100);
  // The general rules are unchanged for the others.
  const engine::WorkforceModel m = engine::build_workforce_model(s);
  CHECK(m.benefits_at(2027, static_cast<std::uint8_t>(Scheme::kCivilServant)).minimum_months ==
        1200);
  CHECK(m.benefits_at(2027, static_cast<std::uint8_t>(Scheme::kPrivate)).minimum_months == 180);
  CHECK(m.benefits_at(2027, static_cast<std::uint8_t>(Scheme::kPrivate)).lump_sum_months_per_year ==
        m.benefits_at(2027).lump_sum_months_per_year);
}
