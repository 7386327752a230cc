// [[interventions]] entries of a scenario file: what a valid entry of each type loads to (the
// values written and the schema's defaults), every error and warning of their validation with
// its exact text, the resolved TOML of `describe`, and `extends`.
//
// Every diagnostic is compared as the full text of Diagnostic::to_string(), file, line and column
// included. (The range of every numeric key is checked in scenario_test.cpp.)
#include <array>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <sys/wait.h>
#include <tuple>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/error.h>
#include <ssproj/scenario.h>

#include "interventions/intervention.h"
#include "support/fixtures.h"

namespace {

namespace fs = std::filesystem;
using ssproj::Intervention;
using ssproj::InterventionType;
using namespace ssproj::interventions;
using ssproj::load_scenario;
using ssproj::Scenario;
using ssproj::ScenarioError;
using ssproj::Schedule;
using ssproj::testing::SmallDataOptions;
using ssproj::testing::TempDir;
using Lines = std::vector<std::string>;

const std::string kOk = "start_year = 2020\nend_year = 2025\n";

// The small scenario with the workforce tables (regions "north" and "south"), projected from
// 2020 to 2025. A minimum wage and a reserve keep away the warnings that are not the
// interventions'. Lines 1-27 are fixed: `entries` start on line 28.
std::string scenario_with(const std::string& entries) {
  return ssproj::testing::small_scenario_text(
             kOk, "[economy]\nminimum_wage = 1000\n\n[fund]\ninitial_reserve = 1000000\n\n") +
         ssproj::testing::kWorkforceDataKeys + ssproj::testing::kFundAllocation + entries;
}

// Writes the demographic tables for 2020-2025 and the workforce tables into dir/data, then
// `text` as dir/`name`; returns its path.
fs::path write_with_data(const TempDir& dir, const std::string& text,
                         const std::string& name = "scenario.toml") {
  SmallDataOptions data{2020, 2025};
  data.workforce = ssproj::testing::SmallWorkforce{};
  ssproj::testing::write_small_scenario(dir, data, kOk);
  return dir.write(name, text);
}

// scenario_with(entries) written with its data; returns its path.
fs::path write_entries(const TempDir& dir, const std::string& entries) {
  return write_with_data(dir, scenario_with(entries));
}

// Replaces every "{DIR}" in `text` by `dir`.
std::string at(std::string text, const fs::path& dir) {
  const std::string token = "{DIR}";
  for (auto pos = text.find(token); pos != std::string::npos; pos = text.find(token)) {
    text.replace(pos, token.size(), dir.string());
  }
  return text;
}

// Each line of `lines` with "{DIR}" replaced by `dir`.
Lines at(Lines lines, const fs::path& dir) {
  for (std::string& line : lines) line = at(line, dir);
  return lines;
}

// The diagnostics of a scenario that must fail to load, rendered by to_string().
Lines errors_of(const fs::path& file) {
  try {
    (void)load_scenario(file);
  } catch (const ScenarioError& e) {
    Lines out;
    for (const ssproj::Diagnostic& d : e.diagnostics()) {
      CHECK_FALSE(d.warning);
      out.push_back(d.to_string());
    }
    std::string joined;
    for (const std::string& line : out) joined += (joined.empty() ? "" : "\n") + line;
    CHECK(std::string(e.what()) == joined);
    return out;
  }
  FAIL("load_scenario(" << file << ") did not throw ScenarioError");
  return {};
}

// The warnings of a scenario that loads, rendered by to_string().
Lines warnings_of(const Scenario& s) {
  Lines out;
  for (const ssproj::Diagnostic& d : s.warnings) {
    CHECK(d.warning);
    out.push_back(d.to_string());
  }
  return out;
}

// A target array of flags, for comparisons.
template <std::size_t N>
std::array<bool, N> flags(std::initializer_list<int> on) {
  std::array<bool, N> out{};
  for (int i : on) out[static_cast<std::size_t>(i)] = true;
  return out;
}
using StatusFlags = std::array<bool, ssproj::kNumStatuses>;
constexpr int kInformal = static_cast<int>(ssproj::Status::kInformalEmployee);
constexpr int kDomestic = static_cast<int>(ssproj::Status::kDomesticWorker);
constexpr int kOwnAccount = static_cast<int>(ssproj::Status::kOwnAccount);
constexpr int kFamily = static_cast<int>(ssproj::Status::kContributingFamily);
constexpr int kFormal = static_cast<int>(ssproj::Status::kFormalPrivateEmployee);
constexpr int kPublic = static_cast<int>(ssproj::Status::kPublicEmployee);
const StatusFlags kUncovered =
    flags<ssproj::kNumStatuses>({kInformal, kDomestic, kOwnAccount, kFamily});

// Every field of two interventions is the same.
void check_same(const Intervention& a, const Intervention& b) {
  INFO("intervention " << a.name);
  CHECK(a == b);
}

// An entry of each type with every key it has written, none at its default (lines 28-117).
const std::string kEveryKey =
    "[[interventions]]\n"                                                       // 28
    "type = \"mobile_registration\"\n"                                          // 29
    "name = \"mobile-north\"\n"                                                 // 30
    "start_year = 2021\n"                                                       // 31
    "end_year = 2024\n"                                                         // 32
    "regions = [\"north\"]\n"                                                   // 33
    "area = \"rural\"\n"                                                        // 34
    "sex = \"female\"\n"                                                        // 35
    "age_min = 20\n"                                                            // 36
    "age_max = 59\n"                                                            // 37
    "statuses = [\"own_account\", \"contributing_family\"]\n"                   // 38
    "setup_cost = 5000\n"                                                       // 39
    "fixed_cost_per_year = { 2021 = 100, 2023 = 200 }\n"                        // 40
    "visits_per_year = { 2021 = 40, 2022 = 60, interpolation = \"linear\" }\n"  // 41
    "persons_per_visit = 250\n"                                                 // 42
    "turnout = 0.3\n"                                                           // 43
    "conversion = 0.2\n"                                                        // 44
    "payment_lapse_multiplier = 0.7\n"                                          // 45
    "cost_per_visit = 12.5\n"                                                   // 46
    "\n"
    "[[interventions]]\n"
    "type = \"district_office\"\n"
    "name = \"office_south\"\n"
    "start_year = 2022\n"
    "end_year = 2022\n"
    "regions = [\"south\", \"north\"]\n"
    "area = \"urban\"\n"
    "sex = \"male\"\n"
    "age_max = 64\n"
    "statuses = [\"informal_employee\", \"public_employee\"]\n"
    "setup_cost = 2000\n"
    "fixed_cost_per_year = 300\n"
    "registration_increase = 0.01\n"
    "lapse_multiplier = 0.85\n"
    "\n"
    "[[interventions]]\n"
    "type = \"information_outreach\"\n"
    "name = \"Radio2\"\n"
    "start_year = 2022\n"
    "persons_reached_per_year = { 2022 = 1000, 2023 = 1500 }\n"
    "awareness_decay = 0.4\n"
    "channel_multiplier = 1.1\n"
    "registration_multiplier = 1.02\n"
    "cost_per_person_reached = 0.5\n"
    "\n"
    "[[interventions]]\n"
    "type = \"contribution_subsidy\"\n"
    "name = \"half-price\"\n"
    "start_year = 2021\n"
    "subsidy_share = 0.5\n"
    "years_per_member = 2\n"
    "registration_response = 3.0\n"
    "lapse_response = 0.4\n"
    "lapse_multiplier_after = 1.5\n"
    "\n"
    "[[interventions]]\n"
    "type = \"enforcement\"\n"
    "name = \"inspections\"\n"
    "start_year = 2021\n"
    "age_min = 18\n"
    "statuses = [\"formal_private_employee\"]\n"
    "inspected_share = { 2021 = 0.05, 2023 = 0.1 }\n"
    "compliance_effect = 0.3\n"
    "effect_decay = 0.4\n"
    "underdeclaration_effect = 0.2\n"
    "employees_per_inspection = 12\n"
    "cost_per_inspection = 40\n"
    "sanction_revenue_per_inspection = 15\n"
    "\n"
    "[[interventions]]\n"
    "type = \"digital_services\"\n"
    "name = \"app\"\n"
    "start_year = 2023\n"
    "sex = \"both\"\n"
    "area = \"both\"\n"
    "regions = []\n"
    "access_share = 0.6\n"
    "lapse_multiplier = 0.75\n"
    "reactivation_multiplier = 1.3\n"
    "registration_multiplier = 1.15\n"
    "density_increase = 0.1\n"
    "cost_per_user = 2\n"
    "\n"
    "[[interventions]]\n"
    "type = \"domestic_worker_mandate\"\n"
    "name = \"mandate\"\n"
    "start_year = 2024\n"
    "compliance = { 2024 = 0.2, 2025 = 0.4 }\n"
    "setup_cost = 100\n";

// An entry of each type with only its required keys (and a cost, to keep the warnings away).
const std::string kRequiredOnly =
    "[[interventions]]\ntype = \"mobile_registration\"\nname = \"mobile\"\nstart_year = 2021\n"
    "visits_per_year = 10\nsetup_cost = 1\n"
    "[[interventions]]\ntype = \"district_office\"\nname = \"office\"\nstart_year = 2021\n"
    "setup_cost = 1\n"
    "[[interventions]]\ntype = \"information_outreach\"\nname = \"outreach\"\n"
    "start_year = 2021\npersons_reached_per_year = 500\nsetup_cost = 1\n"
    "[[interventions]]\ntype = \"contribution_subsidy\"\nname = \"subsidy\"\nstart_year = 2021\n"
    "subsidy_share = 0.25\n"
    "[[interventions]]\ntype = \"enforcement\"\nname = \"enforcement\"\nstart_year = 2021\n"
    "inspected_share = 0.05\nsetup_cost = 1\n"
    "[[interventions]]\ntype = \"digital_services\"\nname = \"digital\"\nstart_year = 2021\n"
    "access_share = 0.5\nsetup_cost = 1\n"
    "[[interventions]]\ntype = \"domestic_worker_mandate\"\nname = \"mandate\"\n"
    "start_year = 2021\nsetup_cost = 1\n";

struct CliResult {
  int status = -1;  // -1: the process did not exit normally (a crash)
  std::string err;
};

// `ssproj validate FILE` run in `dir`: its exit status and stderr. In a process of its own, so
// that a crash of the validation is a failed check and not the end of the test run.
CliResult validate_in_process(const TempDir& dir, const std::string& file) {
  const TempDir io;
  const fs::path err = io.path() / "stderr";
  const std::string command = "cd '" + dir.path().string() + "' && '" + std::string(SSPROJ_BINARY) +
                              "' validate -q '" + file + "' >/dev/null 2>'" + err.string() +
                              "' </dev/null";
  const int raw = std::system(command.c_str());
  CliResult r;
  r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.err = ssproj::testing::read_file(err);
  return r;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Valid entries

TEST_CASE("interventions: an entry of each type loads with the values written",
          "[scenario][interventions]") {
  TempDir dir;
  const Scenario s = load_scenario(write_entries(dir, kEveryKey));
  CHECK(warnings_of(s).empty());
  REQUIRE(s.interventions.size() == 7);

  const Intervention& mobile = s.interventions[0];
  CHECK(mobile.type() == InterventionType::kMobileRegistration);
  CHECK(mobile.name == "mobile-north");
  CHECK(mobile.start_year == 2021);
  CHECK(mobile.end_year == 2024);
  CHECK(mobile.target.regions == std::vector<bool>{true, false});
  CHECK(mobile.target.areas == std::array<bool, ssproj::kNumAreas>{false, true});
  CHECK(mobile.target.sexes == std::array<bool, ssproj::kNumSexes>{false, true});
  CHECK(mobile.target.age_min == 20);
  CHECK(mobile.target.age_max == 59);
  CHECK(mobile.target.statuses == flags<ssproj::kNumStatuses>({kOwnAccount, kFamily}));
  CHECK(mobile.setup_cost == 5000);
  CHECK(mobile.fixed_cost_per_year ==
        Schedule({{2021, 100}, {2023, 200}}, Schedule::Interpolation::kStep));
  CHECK(mobile.as<MobileRegistration>().visits_per_year ==
        Schedule({{2021, 40}, {2022, 60}}, Schedule::Interpolation::kLinear));
  CHECK(mobile.as<MobileRegistration>().persons_per_visit == 250);
  CHECK(mobile.as<MobileRegistration>().turnout == 0.3);
  CHECK(mobile.as<MobileRegistration>().conversion == 0.2);
  CHECK(mobile.as<MobileRegistration>().payment_lapse_multiplier == 0.7);
  CHECK(mobile.as<MobileRegistration>().cost_per_visit == 12.5);
  CHECK(mobile.runs_in(2021));
  CHECK(mobile.runs_in(2024));
  CHECK_FALSE(mobile.runs_in(2020));
  CHECK_FALSE(mobile.runs_in(2025));

  const Intervention& office = s.interventions[1];
  CHECK(office.type() == InterventionType::kDistrictOffice);
  CHECK(office.name == "office_south");
  CHECK(office.start_year == 2022);
  CHECK(office.end_year == 2022);  // one year only
  CHECK(office.target.regions == std::vector<bool>{true, true});
  CHECK(office.target.areas == std::array<bool, ssproj::kNumAreas>{true, false});
  CHECK(office.target.sexes == std::array<bool, ssproj::kNumSexes>{true, false});
  CHECK(office.target.age_min == 15);
  CHECK(office.target.age_max == 64);
  CHECK(office.target.statuses == flags<ssproj::kNumStatuses>({kInformal, kPublic}));
  CHECK(office.setup_cost == 2000);
  CHECK(office.fixed_cost_per_year == Schedule::constant(300));
  CHECK(office.as<DistrictOffice>().registration_increase == 0.01);
  CHECK(office.as<DistrictOffice>().lapse_multiplier == 0.85);

  const Intervention& outreach = s.interventions[2];
  CHECK(outreach.type() == InterventionType::kInformationOutreach);
  CHECK(outreach.name == "Radio2");
  CHECK(outreach.start_year == 2022);
  CHECK(outreach.end_year == 0);
  CHECK_FALSE(outreach.runs_in(2021));
  CHECK(outreach.runs_in(2022));
  CHECK(outreach.as<InformationOutreach>().persons_reached_per_year ==
        Schedule({{2022, 1000}, {2023, 1500}}, Schedule::Interpolation::kStep));
  CHECK(outreach.as<InformationOutreach>().awareness_decay == 0.4);
  CHECK(outreach.as<InformationOutreach>().channel_multiplier == 1.1);
  CHECK(outreach.as<InformationOutreach>().registration_multiplier == 1.02);
  CHECK(outreach.as<InformationOutreach>().cost_per_person_reached == 0.5);

  const Intervention& subsidy = s.interventions[3];
  CHECK(subsidy.type() == InterventionType::kContributionSubsidy);
  CHECK(subsidy.name == "half-price");
  CHECK(subsidy.as<ContributionSubsidy>().subsidy_share == Schedule::constant(0.5));
  CHECK(subsidy.as<ContributionSubsidy>().years_per_member == 2);
  CHECK(subsidy.as<ContributionSubsidy>().registration_response == 3.0);
  CHECK(subsidy.as<ContributionSubsidy>().lapse_response == 0.4);
  CHECK(subsidy.as<ContributionSubsidy>().lapse_multiplier_after == 1.5);

  const Intervention& enforcement = s.interventions[4];
  CHECK(enforcement.type() == InterventionType::kEnforcement);
  CHECK(enforcement.name == "inspections");
  CHECK(enforcement.target.age_min == 18);
  CHECK(enforcement.target.statuses == flags<ssproj::kNumStatuses>({kFormal}));
  CHECK(enforcement.as<Enforcement>().inspected_share ==
        Schedule({{2021, 0.05}, {2023, 0.1}}, Schedule::Interpolation::kStep));
  CHECK(enforcement.as<Enforcement>().compliance_effect == 0.3);
  CHECK(enforcement.as<Enforcement>().effect_decay == 0.4);
  CHECK(enforcement.as<Enforcement>().underdeclaration_effect == 0.2);
  CHECK(enforcement.as<Enforcement>().employees_per_inspection == 12);
  CHECK(enforcement.as<Enforcement>().cost_per_inspection == 40);
  CHECK(enforcement.as<Enforcement>().sanction_revenue_per_inspection == 15);

  const Intervention& digital = s.interventions[5];
  CHECK(digital.type() == InterventionType::kDigitalServices);
  CHECK(digital.name == "app");
  CHECK(digital.start_year == 2023);
  CHECK(digital.target.regions == std::vector<bool>{true, true});  // [] is every region
  CHECK(digital.target.areas == std::array<bool, ssproj::kNumAreas>{true, true});
  CHECK(digital.target.sexes == std::array<bool, ssproj::kNumSexes>{true, true});
  CHECK(digital.as<DigitalServices>().access_share == Schedule::constant(0.6));
  CHECK(digital.as<DigitalServices>().lapse_multiplier == 0.75);
  CHECK(digital.as<DigitalServices>().reactivation_multiplier == 1.3);
  CHECK(digital.as<DigitalServices>().registration_multiplier == 1.15);
  CHECK(digital.as<DigitalServices>().density_increase == 0.1);
  CHECK(digital.as<DigitalServices>().cost_per_user == 2);

  const Intervention& mandate = s.interventions[6];
  CHECK(mandate.type() == InterventionType::kDomesticWorkerMandate);
  CHECK(mandate.name == "mandate");
  CHECK(mandate.start_year == 2024);
  CHECK(mandate.as<DomesticWorkerMandate>().compliance ==
        Schedule({{2024, 0.2}, {2025, 0.4}}, Schedule::Interpolation::kStep));
  CHECK(mandate.setup_cost == 100);
  CHECK(mandate.target.statuses == flags<ssproj::kNumStatuses>({kDomestic}));
}

TEST_CASE(
    "interventions: Intervention(type) is the entry of a file that writes only the required "
    "keys",
    "[scenario][interventions]") {
  TempDir dir;
  const Scenario s = load_scenario(write_entries(dir, kRequiredOnly));
  REQUIRE(s.interventions.size() == 7);
  for (const Intervention& read : s.interventions) {
    INFO(read.name);
    Intervention built(read.type());
    CHECK_FALSE(built == read);
    built.name = read.name;
    built.start_year = 2021;
    built.setup_cost = read.type() == InterventionType::kContributionSubsidy ? 0.0 : 1.0;
    built.target.regions = {true, true};  // names of the regions table: read with the table
    // The required keys of each type, as written.
    std::visit(
        [&](auto& p) {
          const auto& r = read.as<std::decay_t<decltype(p)>>();
          if constexpr (requires { p.visits_per_year; }) p.visits_per_year = r.visits_per_year;
          if constexpr (requires { p.persons_reached_per_year; }) {
            p.persons_reached_per_year = r.persons_reached_per_year;
          }
          if constexpr (requires { p.subsidy_share; }) p.subsidy_share = r.subsidy_share;
          if constexpr (requires { p.inspected_share; }) p.inspected_share = r.inspected_share;
          if constexpr (requires { p.access_share; }) p.access_share = r.access_share;
        },
        built.parameters);
    CHECK(built == read);
  }
}

TEST_CASE("interventions: the keys not written take the schema's defaults for the type",
          "[scenario][interventions]") {
  TempDir dir;
  const Scenario s = load_scenario(write_entries(dir, kRequiredOnly));
  CHECK(warnings_of(s).empty());
  REQUIRE(s.interventions.size() == 7);

  // Every type: no end, every region, area, sex and working age, no costs but the setup cost.
  for (const Intervention& iv : s.interventions) {
    INFO(iv.name);
    CHECK(iv.start_year == 2021);
    CHECK(iv.end_year == 0);
    CHECK(iv.runs_in(2300));
    CHECK(iv.target.regions == std::vector<bool>{true, true});
    CHECK(iv.target.areas == std::array<bool, ssproj::kNumAreas>{true, true});
    CHECK(iv.target.sexes == std::array<bool, ssproj::kNumSexes>{true, true});
    CHECK(iv.target.age_min == 15);
    CHECK(iv.target.age_max == 100);
    CHECK(iv.setup_cost == (iv.type() == InterventionType::kContributionSubsidy ? 0 : 1));
    CHECK(iv.fixed_cost_per_year == Schedule::constant(0));
  }

  const Intervention& mobile = s.interventions[0];
  CHECK(mobile.type() == InterventionType::kMobileRegistration);
  CHECK(mobile.target.statuses == kUncovered);
  CHECK(mobile.as<MobileRegistration>().visits_per_year == Schedule::constant(10));
  CHECK(mobile.as<MobileRegistration>().persons_per_visit == 300);
  CHECK(mobile.as<MobileRegistration>().turnout == 0.25);
  CHECK(mobile.as<MobileRegistration>().conversion == 0.22);
  CHECK(mobile.as<MobileRegistration>().payment_lapse_multiplier == 0.8);
  CHECK(mobile.as<MobileRegistration>().cost_per_visit == 0);

  const Intervention& office = s.interventions[1];
  CHECK(office.type() == InterventionType::kDistrictOffice);
  CHECK(office.target.statuses == kUncovered);
  CHECK(office.as<DistrictOffice>().registration_increase == 0.005);
  CHECK(office.as<DistrictOffice>().lapse_multiplier == 0.9);  // a district office's default

  const Intervention& outreach = s.interventions[2];
  CHECK(outreach.type() == InterventionType::kInformationOutreach);
  CHECK(outreach.target.statuses == kUncovered);
  CHECK(outreach.as<InformationOutreach>().persons_reached_per_year == Schedule::constant(500));
  CHECK(outreach.as<InformationOutreach>().awareness_decay == 0.3);
  CHECK(outreach.as<InformationOutreach>().channel_multiplier == 1.05);
  CHECK(outreach.as<InformationOutreach>().registration_multiplier ==
        1.0);  // outreach's default, not digital's 1.1
  CHECK(outreach.as<InformationOutreach>().cost_per_person_reached == 0);

  const Intervention& subsidy = s.interventions[3];
  CHECK(subsidy.type() == InterventionType::kContributionSubsidy);
  CHECK(subsidy.target.statuses == kUncovered);
  CHECK(subsidy.as<ContributionSubsidy>().subsidy_share == Schedule::constant(0.25));
  CHECK(subsidy.as<ContributionSubsidy>().years_per_member == 1);
  CHECK(subsidy.as<ContributionSubsidy>().registration_response == 2.75);
  CHECK(subsidy.as<ContributionSubsidy>().lapse_response == 0.5);
  CHECK(subsidy.as<ContributionSubsidy>().lapse_multiplier_after == 2.0);

  const Intervention& enforcement = s.interventions[4];
  CHECK(enforcement.type() == InterventionType::kEnforcement);
  // Enforcement reaches employees: its default statuses are not the voluntary channels'.
  CHECK(enforcement.target.statuses == flags<ssproj::kNumStatuses>({kFormal, kDomestic}));
  CHECK(enforcement.as<Enforcement>().inspected_share == Schedule::constant(0.05));
  CHECK(enforcement.as<Enforcement>().compliance_effect == 0.25);
  CHECK(enforcement.as<Enforcement>().effect_decay == 0.5);
  CHECK(enforcement.as<Enforcement>().underdeclaration_effect ==
        1.0);  // all of the under-declaration
  CHECK(enforcement.as<Enforcement>().employees_per_inspection == 10);
  CHECK(enforcement.as<Enforcement>().cost_per_inspection == 0);
  CHECK(enforcement.as<Enforcement>().sanction_revenue_per_inspection == 0);

  const Intervention& digital = s.interventions[5];
  CHECK(digital.type() == InterventionType::kDigitalServices);
  CHECK(digital.target.statuses == kUncovered);
  CHECK(digital.as<DigitalServices>().access_share == Schedule::constant(0.5));
  CHECK(digital.as<DigitalServices>().lapse_multiplier ==
        0.8);  // digital services' default, not the office's 0.9
  CHECK(digital.as<DigitalServices>().reactivation_multiplier == 1.2);
  CHECK(digital.as<DigitalServices>().registration_multiplier == 1.1);
  CHECK(digital.as<DigitalServices>().density_increase == 0.05);
  CHECK(digital.as<DigitalServices>().cost_per_user == 0);

  const Intervention& mandate = s.interventions[6];
  CHECK(mandate.type() == InterventionType::kDomesticWorkerMandate);
  CHECK(mandate.as<DomesticWorkerMandate>().compliance == Schedule::constant(0.1));
  // The mandate reaches domestic workers only, whatever the defaults of the other types.
  CHECK(mandate.target.statuses == flags<ssproj::kNumStatuses>({kDomestic}));
}

TEST_CASE("interventions: the bounds of the ranges and 32 entries are valid",
          "[scenario][interventions]") {
  TempDir dir;
  SECTION("bounds") {
    // The earliest start is the year after the base population's (2020), not the range's 1900.
    const Scenario s = load_scenario(write_entries(
        dir,
        "[[interventions]]\ntype = \"mobile_registration\"\nname = \"a\"\nstart_year = 2021\n"
        "end_year = 2300\nage_min = 100\nage_max = 100\nvisits_per_year = 0\nturnout = 1\n"
        "conversion = 0\npayment_lapse_multiplier = 0\ncost_per_visit = 1\n"
        "[[interventions]]\ntype = \"contribution_subsidy\"\nname = \"b\"\nstart_year = 2021\n"
        "end_year = 2021\nsubsidy_share = 1\nyears_per_member = 50\nlapse_response = 1\n"
        "[[interventions]]\ntype = \"enforcement\"\nname = \"c\"\nstart_year = 2021\n"
        "age_min = 15\nage_max = 15\ninspected_share = 1\nemployees_per_inspection = 1\n"
        "compliance_effect = 1\neffect_decay = 0\nstatuses = []\nsetup_cost = 0.5\n"));
    REQUIRE(s.interventions.size() == 3);
    CHECK(s.interventions[0].end_year == 2300);
    CHECK(s.interventions[0].target.age_min == 100);
    CHECK(s.interventions[0].as<MobileRegistration>().turnout == 1.0);
    CHECK(s.interventions[1].as<ContributionSubsidy>().subsidy_share == Schedule::constant(1.0));
    CHECK(s.interventions[1].as<ContributionSubsidy>().years_per_member == 50);
    CHECK(s.interventions[2].start_year == 2021);
    CHECK(s.interventions[2].target.age_max == 15);
    CHECK(s.interventions[2].as<Enforcement>().employees_per_inspection == 1.0);
    CHECK(s.interventions[2].target.statuses == StatusFlags{});  // [] reaches no status
  }
  SECTION("32 entries") {
    std::string entries;
    for (int i = 0; i < 32; ++i) {
      entries += "[[interventions]]\ntype = \"district_office\"\nname = \"office" +
                 std::to_string(i) + "\"\nstart_year = 2021\nsetup_cost = 1\n";
    }
    const Scenario s = load_scenario(write_entries(dir, entries));
    REQUIRE(s.interventions.size() == 32);
    CHECK(s.interventions[31].name == "office31");
  }
}

TEST_CASE(
    "interventions: an entry may have a schedule as a sub-table, and a schedule may start "
    "before the intervention",
    "[scenario][interventions]") {
  TempDir dir;
  const Scenario s = load_scenario(write_entries(
      dir,
      "[[interventions]]\ntype = \"mobile_registration\"\nname = \"mobile\"\nstart_year = 2022\n"
      "fixed_cost_per_year = { 2020 = 5, 2022 = 7 }\n"
      "[interventions.visits_per_year]\n2022 = 12\n2024 = 20\ninterpolation = \"linear\"\n"
      "[[interventions]]\ntype = \"district_office\"\nname = \"office\"\nstart_year = 2023\n"
      "fixed_cost_per_year = { 2023 = 1 }\n"));
  REQUIRE(s.interventions.size() == 2);
  CHECK(s.interventions[0].as<MobileRegistration>().visits_per_year ==
        Schedule({{2022, 12}, {2024, 20}}, Schedule::Interpolation::kLinear));
  CHECK(s.interventions[0].fixed_cost_per_year ==
        Schedule({{2020, 5}, {2022, 7}}, Schedule::Interpolation::kStep));
  CHECK(s.interventions[1].fixed_cost_per_year ==
        Schedule({{2023, 1}}, Schedule::Interpolation::kStep));
}

// ---------------------------------------------------------------------------------------------
// Errors of the schema check: keys, types, required keys

TEST_CASE("interventions: an unknown key or a key of another type is an error",
          "[scenario][interventions]") {
  TempDir dir;
  SECTION("a misspelt key, with a suggestion") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"mobile_registration\"\nname = \"m\"\nstart_year = 2021\n"
        "visits_per_year = 10\nturnot = 0.3\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:33:1: error: interventions[0].turnot: unknown key (got "
                   "\"turnot\", expected a key of a \"mobile_registration\" intervention; did you "
                   "mean \"turnout\"?)"},
             dir.path()));
  }
  SECTION("an unknown key without a close match") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "colour = \"blue\"\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:32:1: error: interventions[0].colour: unknown key (got "
                   "\"colour\", expected a key of a \"district_office\" intervention (see "
                   "docs/interventions.md))"},
             dir.path()));
  }
  SECTION("a key of another type") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "turnout = 0.5\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:32:1: error: interventions[0].turnout: key does not apply "
                   "to this type (got \"turnout\", expected a key of a \"district_office\" "
                   "intervention (see docs/interventions.md))"},
             dir.path()));
  }
  SECTION("a key of another type, with a suggestion of this type's") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "lapse_multiplier_after = 1.5\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:32:1: error: interventions[0].lapse_multiplier_after: key "
                   "does not apply to this type (got \"lapse_multiplier_after\", expected a key "
                   "of a \"district_office\" intervention; did you mean \"lapse_multiplier\"?)"},
             dir.path()));
  }
  SECTION("the mandate has no target keys: it reaches domestic workers everywhere") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"domestic_worker_mandate\"\nname = \"m\"\nstart_year = 2021\n"
        "regions = [\"north\"]\nstatuses = [\"domestic_worker\"]\nage_min = 20\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:32:1: error: interventions[0].regions: key does not apply "
                   "to this type (got \"regions\", expected a key of a \"domestic_worker_mandate\" "
                   "intervention (see docs/interventions.md))",
                   "{DIR}/scenario.toml:33:1: error: interventions[0].statuses: key does not "
                   "apply to this type (got \"statuses\", expected a key of a "
                   "\"domestic_worker_mandate\" intervention (see docs/interventions.md))",
                   "{DIR}/scenario.toml:34:1: error: interventions[0].age_min: key does not apply "
                   "to this type (got \"age_min\", expected a key of a \"domestic_worker_mandate\" "
                   "intervention (see docs/interventions.md))"},
             dir.path()));
  }
  SECTION("\"an\" before a type that starts with a vowel") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"information_outreach\"\nname = \"i\"\nstart_year = 2021\n"
        "persons_reached_per_year = 10\nsetup_cost = 1\nwidth = 3\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:34:1: error: interventions[0].width: unknown key (got "
                   "\"width\", expected a key of an \"information_outreach\" intervention (see "
                   "docs/interventions.md))"},
             dir.path()));
  }
  SECTION("the index in the path is the entry's") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"district_office\"\nname = \"a\"\nstart_year = 2021\n"
        "setup_cost = 1\n"
        "[[interventions]]\ntype = \"digital_services\"\nname = \"b\"\nstart_year = 2021\n"
        "access_share = 0.5\ncost_per_user = 1\nregistration_increase = 0.01\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:39:1: error: interventions[1].registration_increase: key "
                   "does not apply to this type (got \"registration_increase\", expected a key of "
                   "a \"digital_services\" intervention (see docs/interventions.md))"},
             dir.path()));
  }
}

TEST_CASE("interventions: type is required and one of the seven types",
          "[scenario][interventions]") {
  TempDir dir;
  const std::string kTypes =
      "\"mobile_registration\", \"district_office\", \"information_outreach\", "
      "\"contribution_subsidy\", \"enforcement\", \"digital_services\" or "
      "\"domestic_worker_mandate\"";
  SECTION("missing: reported at the entry; its other keys are checked against every type's") {
    const fs::path file = write_entries(
        dir, "[[interventions]]\nname = \"x\"\nstart_year = 2021\nturnout = 2\nwidth = 3\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:28:1: error: interventions[0].type: required key is "
                   "missing (expected " +
                       kTypes + ")",
                   "{DIR}/scenario.toml:31:11: error: interventions[0].turnout: value out of range "
                   "(got 2, expected a number in [0, 1])",
                   "{DIR}/scenario.toml:32:1: error: interventions[0].width: unknown key (got "
                   "\"width\", expected a key of [[interventions]] (see docs/interventions.md))"},
             dir.path()));
  }
  SECTION("an unknown type: no false alarms about the keys that would apply to a known one") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"door_to_door\"\nname = \"x\"\nstart_year = 2021\n"
        "turnout = 0.3\nlapse_multiplier = 0.9\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:29:8: error: interventions[0].type: unknown value (got "
                   "\"door_to_door\", expected " +
                   kTypes + ")"},
             dir.path()));
  }
  SECTION("a type that is not a string") {
    const fs::path file =
        write_entries(dir, "[[interventions]]\ntype = 3\nname = \"x\"\nstart_year = 2021\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:29:8: error: interventions[0].type: wrong type (got 3, "
                   "expected " +
                   kTypes + ")"},
             dir.path()));
  }
}

TEST_CASE("interventions: the required keys of every type are reported at the entry",
          "[scenario][interventions]") {
  TempDir dir;
  struct Case {
    std::string type;
    std::string article;  // "a", or "an" before a vowel
    Lines missing;        // the keys' messages, after "interventions[0]."
  };
  const std::vector<Case> cases = {
      {"mobile_registration",
       "a",
       {"visits_per_year: required key is missing (expected a number in [0, 1e+10], or a schedule "
        "{ YEAR "
        "= number, ... } for a \"mobile_registration\" intervention)"}},
      {"district_office", "a", {}},
      {"information_outreach",
       "an",
       {"persons_reached_per_year: required key is missing (expected a number in [0, 1e+10], or a "
        "schedule { YEAR = number, ... } for an \"information_outreach\" intervention)"}},
      {"contribution_subsidy",
       "a",
       {"subsidy_share: required key is missing (expected a number in (0, 1], or a schedule { "
        "YEAR = number, ... } for a \"contribution_subsidy\" intervention)"}},
      {"enforcement",
       "an",
       {"inspected_share: required key is missing (expected a number in [0, 1], or a schedule { "
        "YEAR = number, ... } for an \"enforcement\" intervention)"}},
      {"digital_services",
       "a",
       {"access_share: required key is missing (expected a number in [0, 1], or a schedule { "
        "YEAR = number, ... } for a \"digital_services\" intervention)"}},
      {"domestic_worker_mandate", "a", {}},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.type) {
      // name and start_year are required of every type.
      const fs::path file =
          write_entries(dir, "[[interventions]]\ntype = \"" + c.type + "\"\nsetup_cost = 1\n");
      Lines expected = {
          "{DIR}/scenario.toml:28:1: error: interventions[0].name: required key is missing "
          "(expected a string for " +
              c.article + " \"" + c.type + "\" intervention)",
          "{DIR}/scenario.toml:28:1: error: interventions[0].start_year: required key is missing "
          "(expected an integer in [1900, 2300] for " +
              c.article + " \"" + c.type + "\" intervention)"};
      for (const std::string& m : c.missing) {
        expected.push_back("{DIR}/scenario.toml:28:1: error: interventions[0]." + m);
      }
      CHECK(errors_of(file) == at(expected, dir.path()));
    }
  }
}

TEST_CASE("interventions: values of the wrong type", "[scenario][interventions]") {
  TempDir dir;
  const std::string kStatuses =
      "\"inactive\", \"unemployed\", \"public_employee\", \"formal_private_employee\", "
      "\"informal_employee\", \"domestic_worker\", \"own_account\" or \"contributing_family\"";
  // An entry of type `type`, with `lines` on line 32 on.
  const auto entry = [&](const std::string& type, const std::string& lines) {
    return write_entries(dir, "[[interventions]]\ntype = \"" + type +
                                  "\"\nname = \"x\"\nstart_year = 2021\n" + lines);
  };
  SECTION("interventions is not an array of tables") {
    const fs::path file = write_with_data(dir, "interventions = 3\n" + scenario_with(""));
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:1:17: error: interventions: wrong type (got 3, expected "
                   "an array of tables [[interventions]])"},
             dir.path()));
  }
  SECTION("an array of numbers") {
    const fs::path file = write_with_data(dir, "interventions = [1, 2]\n" + scenario_with(""));
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:1:17: error: interventions: wrong type (got an array, "
                   "expected an array of tables [[interventions]])"},
             dir.path()));
  }
  SECTION("a [table]") {
    const fs::path file =
        write_entries(dir, "[interventions]\ntype = \"district_office\"\nname = \"x\"\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:28:1: error: interventions: wrong type (got a table, "
                   "expected an array of tables [[interventions]])"},
             dir.path()));
  }
  SECTION("name, start_year, a number and a schedule") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"mobile_registration\"\nname = \"m\"\nstart_year = 2021.0\n"
        "visits_per_year = \"many\"\nturnout = \"high\"\nend_year = \"2024\"\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:31:14: error: interventions[0].start_year: wrong type "
                   "(got 2021.0, expected an integer in [1900, 2300])",
                   "{DIR}/scenario.toml:32:19: error: interventions[0].visits_per_year: wrong "
                   "type (got \"many\", expected a number in [0, 1e+10], or a schedule { YEAR = "
                   "number, "
                   "... })",
                   "{DIR}/scenario.toml:33:11: error: interventions[0].turnout: wrong type (got "
                   "\"high\", expected a number in [0, 1])",
                   "{DIR}/scenario.toml:34:12: error: interventions[0].end_year: wrong type (got "
                   "\"2024\", expected an integer in [1900, 2300], or 0)"},
             dir.path()));
  }
  SECTION("statuses: not an array, an item that is not a string, an unknown status") {
    const fs::path file =
        entry("district_office",
              "setup_cost = 1\nstatuses = \"own_account\"\n"
              "[[interventions]]\ntype = \"enforcement\"\nname = \"e\"\nstart_year = 2021\n"
              "inspected_share = 0.1\nsetup_cost = 1\nstatuses = [\"domestic_worker\", 5, "
              "\"farmer\"]\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:33:12: error: interventions[0].statuses: wrong type (got "
                   "\"own_account\", expected an array of strings, each " +
                       kStatuses + ")",
                   "{DIR}/scenario.toml:40:32: error: interventions[1].statuses[1]: wrong type "
                   "(got 5, expected " +
                       kStatuses + ")",
                   "{DIR}/scenario.toml:40:35: error: interventions[1].statuses[2]: unknown value "
                   "(got \"farmer\", expected " +
                       kStatuses + ")"},
             dir.path()));
  }
  SECTION("regions: not an array, an item that is not a string") {
    const fs::path file = entry("district_office", "setup_cost = 1\nregions = \"north\"\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:33:11: error: interventions[0].regions: wrong type (got "
                   "\"north\", expected an array of strings)"},
             dir.path()));
  }
  SECTION("area and sex: one of their words") {
    const fs::path file = entry("district_office", "setup_cost = 1\narea = \"town\"\nsex = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:33:8: error: interventions[0].area: unknown value (got "
                   "\"town\", expected \"urban\", \"rural\" or \"both\")",
                   "{DIR}/scenario.toml:34:7: error: interventions[0].sex: wrong type (got 1, "
                   "expected \"male\", \"female\" or \"both\")"},
             dir.path()));
  }
  SECTION("schedules: a year that is not a year, no years, an entry out of range") {
    const fs::path file = entry("mobile_registration",
                                "setup_cost = 1\nvisits_per_year = { 2021 = 5, soon = 6 }\n"
                                "fixed_cost_per_year = {}\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:33:31: error: interventions[0].visits_per_year: schedule "
                   "key is not a year (got \"soon\", expected a year in [1900, 2300] or "
                   "\"interpolation\")",
                   "{DIR}/scenario.toml:34:23: error: interventions[0].fixed_cost_per_year: "
                   "schedule has no years (got {}, expected at least one YEAR = value entry)"},
             dir.path()));
  }
}

// ---------------------------------------------------------------------------------------------
// Errors of the cross-checks

TEST_CASE("interventions need the workforce tables", "[scenario][interventions]") {
  TempDir dir;
  ssproj::testing::write_small_scenario(dir, SmallDataOptions{2020, 2025}, kOk);
  // Lines 1-13: the small scenario without the workforce tables.
  const fs::path file = dir.write(
      "scenario.toml", ssproj::testing::small_scenario_text(kOk) +
                           "\n[[interventions]]\ntype = \"district_office\"\nname = \"o\"\n"
                           "start_year = 2021\nsetup_cost = 1\n"
                           "\n[[interventions]]\ntype = \"enforcement\"\nname = \"e\"\n"
                           "start_year = 2021\ninspected_share = 0.1\nsetup_cost = 1\n");
  CHECK(errors_of(file) ==
        at(Lines{"{DIR}/scenario.toml:15:1: error: interventions: interventions need the "
                 "workforce tables (expected the five workforce tables in [data] (data.regions, "
                 "...))"},
           dir.path()));
}

TEST_CASE("interventions: at most 32 entries", "[scenario][interventions]") {
  TempDir dir;
  std::string entries;
  for (int i = 0; i < 33; ++i) {
    entries += "[[interventions]]\ntype = \"district_office\"\nname = \"office" +
               std::to_string(i) + "\"\nstart_year = 2021\nsetup_cost = 1\n";
  }
  CHECK(errors_of(write_entries(dir, entries)) ==
        at(Lines{"{DIR}/scenario.toml:28:1: error: interventions: too many interventions (got 33 "
                 "entries, expected at most 32)"},
           dir.path()));
}

TEST_CASE("interventions: a name is letters, digits, '_' and '-', and unique",
          "[scenario][interventions]") {
  TempDir dir;
  const auto office = [](const std::string& name) {
    return "[[interventions]]\ntype = \"district_office\"\nname = " + name +
           "\nstart_year = 2021\nsetup_cost = 1\n";
  };
  const std::string kExpected =
      "expected letters, digits, '_' and '-' (it names rows of interventions.csv and keys the "
      "intervention's random numbers))";
  SECTION("invalid names") {
    const fs::path file =
        write_entries(dir, office("\"two words\"") + office("\"\"") + office("\"a/b\"") +
                               office("\"caf\u00e9\"") + office("\"ok_Name-2\""));
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:30:8: error: interventions[0].name: invalid intervention "
                   "name (got \"two words\", " +
                       kExpected,
                   "{DIR}/scenario.toml:35:8: error: interventions[1].name: invalid intervention "
                   "name (got \"\", " +
                       kExpected,
                   "{DIR}/scenario.toml:40:8: error: interventions[2].name: invalid intervention "
                   "name (got \"a/b\", " +
                       kExpected,
                   "{DIR}/scenario.toml:45:8: error: interventions[3].name: invalid intervention "
                   "name (got \"caf\u00e9\", " +
                       kExpected},
             dir.path()));
  }
  SECTION("a duplicate name, at the later entry") {
    const fs::path file =
        write_entries(dir, office("\"office\"") + office("\"Office\"") + office("\"office\""));
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:40:8: error: interventions[2].name: duplicate "
                   "intervention name (got \"office\", expected a name no other intervention "
                   "has)"},
             dir.path()));
  }
  SECTION("the same name in two types") {
    const fs::path file = write_entries(
        dir, office("\"x\"") +
                 "[[interventions]]\ntype = \"enforcement\"\nname = \"x\"\nstart_year = 2021\n"
                 "inspected_share = 0.1\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:35:8: error: interventions[1].name: duplicate "
                   "intervention name (got \"x\", expected a name no other intervention has)"},
             dir.path()));
  }
}

TEST_CASE("interventions: start_year is after the base population's year",
          "[scenario][interventions]") {
  TempDir dir;
  // A district office starting in `year` (5 lines).
  const auto office = [](const std::string& name, const std::string& year) {
    return "[[interventions]]\ntype = \"district_office\"\nname = \"" + name +
           "\"\nstart_year = " + year + "\nsetup_cost = 1\n";
  };
  SECTION("the base year and a year before it are errors; a year out of range is one error") {
    const fs::path file = write_entries(
        dir, office("a", "2020") + office("b", "1900") + office("c", "2021") + office("d", "1899"));
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:31:14: error: interventions[0].start_year: intervention "
                   "starts in or before the base year (got 2020, expected a year after the base "
                   "population's year (2020))",
                   "{DIR}/scenario.toml:36:14: error: interventions[1].start_year: intervention "
                   "starts in or before the base year (got 1900, expected a year after the base "
                   "population's year (2020))",
                   "{DIR}/scenario.toml:46:14: error: interventions[3].start_year: value out of "
                   "range (got 1899, expected an integer in [1900, 2300])"},
             dir.path()));
  }
  SECTION("the base population's year, not the projection's start year") {
    // Data from 2018, a projection from 2020: 2019 is valid, 2018 is not.
    SmallDataOptions data{2018, 2025};
    data.workforce = ssproj::testing::SmallWorkforce{};
    ssproj::testing::write_small_scenario(dir, data, kOk);
    const fs::path valid = dir.write("valid.toml", scenario_with(office("early", "2019")));
    const Scenario s = load_scenario(valid);
    REQUIRE(s.inputs.base_year == 2018);
    REQUIRE(s.interventions.size() == 1);
    CHECK(s.interventions[0].start_year == 2019);
    const fs::path invalid = dir.write("invalid.toml", scenario_with(office("base", "2018")));
    CHECK(errors_of(invalid) ==
          at(Lines{"{DIR}/invalid.toml:31:14: error: interventions[0].start_year: intervention "
                   "starts in or before the base year (got 2018, expected a year after the base "
                   "population's year (2018))"},
             dir.path()));
  }
}

TEST_CASE("interventions: end_year is 0 or not before start_year", "[scenario][interventions]") {
  TempDir dir;
  const fs::path file = write_entries(
      dir,
      "[[interventions]]\ntype = \"district_office\"\nname = \"a\"\nstart_year = 2023\n"
      "end_year = 2022\nsetup_cost = 1\n"
      "[[interventions]]\ntype = \"district_office\"\nname = \"b\"\nstart_year = 2023\n"
      "end_year = 2023\nsetup_cost = 1\n"
      "[[interventions]]\ntype = \"district_office\"\nname = \"c\"\nstart_year = 2023\n"
      "end_year = 0\nsetup_cost = 1\n");
  CHECK(errors_of(file) ==
        at(Lines{"{DIR}/scenario.toml:32:12: error: interventions[0].end_year: end year is before "
                 "the start year (got 2022, expected a year >= start_year (2023), or 0 for no "
                 "end)"},
           dir.path()));
}

TEST_CASE("interventions: a schedule gives a value in the start year",
          "[scenario][interventions]") {
  TempDir dir;
  SECTION("every schedule key of every type") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"mobile_registration\"\nname = \"m\"\nstart_year = 2021\n"
        "visits_per_year = { 2022 = 10 }\nfixed_cost_per_year = { 2023 = 1, 2021 = 2 }\n"
        "[[interventions]]\ntype = \"information_outreach\"\nname = \"i\"\nstart_year = 2021\n"
        "persons_reached_per_year = { 2024 = 10 }\nsetup_cost = 1\n"
        "[[interventions]]\ntype = \"contribution_subsidy\"\nname = \"s\"\nstart_year = 2021\n"
        "subsidy_share = { 2022 = 0.5, interpolation = \"linear\" }\n"
        "[[interventions]]\ntype = \"enforcement\"\nname = \"e\"\nstart_year = 2021\n"
        "inspected_share = { 2025 = 0.1 }\nsetup_cost = 1\n"
        "[[interventions]]\ntype = \"digital_services\"\nname = \"d\"\nstart_year = 2021\n"
        "access_share = { 2022 = 0.5 }\nsetup_cost = 1\n"
        "[[interventions]]\ntype = \"domestic_worker_mandate\"\nname = \"w\"\nstart_year = 2021\n"
        "compliance = { 2030 = 0.5 }\nfixed_cost_per_year = { 2022 = 1 }\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:32:19: error: interventions[0].visits_per_year: schedule "
                   "starts after the intervention (got first year 2022, expected a first year <= "
                   "start_year (2021))",
                   "{DIR}/scenario.toml:38:28: error: interventions[1].persons_reached_per_year: "
                   "schedule starts after the intervention (got first year 2024, expected a first "
                   "year <= start_year (2021))",
                   "{DIR}/scenario.toml:44:17: error: interventions[2].subsidy_share: schedule "
                   "starts after the intervention (got first year 2022, expected a first year <= "
                   "start_year (2021))",
                   "{DIR}/scenario.toml:49:19: error: interventions[3].inspected_share: schedule "
                   "starts after the intervention (got first year 2025, expected a first year <= "
                   "start_year (2021))",
                   "{DIR}/scenario.toml:55:16: error: interventions[4].access_share: schedule "
                   "starts after the intervention (got first year 2022, expected a first year <= "
                   "start_year (2021))",
                   "{DIR}/scenario.toml:61:14: error: interventions[5].compliance: schedule "
                   "starts after the intervention (got first year 2030, expected a first year <= "
                   "start_year (2021))",
                   "{DIR}/scenario.toml:62:23: error: interventions[5].fixed_cost_per_year: "
                   "schedule starts after the intervention (got first year 2022, expected a first "
                   "year <= start_year (2021))"},
             dir.path()));
  }
  SECTION("the start year of the intervention, not of the projection") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"mobile_registration\"\nname = \"m\"\nstart_year = 2023\n"
        "visits_per_year = { 2023 = 10 }\nfixed_cost_per_year = { 2024 = 1 }\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:33:23: error: interventions[0].fixed_cost_per_year: "
                   "schedule starts after the intervention (got first year 2024, expected a first "
                   "year <= start_year (2023))"},
             dir.path()));
  }
}

TEST_CASE("interventions: regions are regions of the regions table", "[scenario][interventions]") {
  TempDir dir;
  const fs::path file = write_entries(
      dir,
      "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
      "setup_cost = 1\nregions = [\"south\", \"nort\", \"Atlantis\", \"North\"]\n");
  CHECK(errors_of(file) ==
        at(Lines{"{DIR}/scenario.toml:33:21: error: interventions[0].regions[1]: unknown region "
                 "(got \"nort\", expected a region of regions.csv: \"north\" or \"south\"; did you "
                 "mean \"north\"?)",
                 "{DIR}/scenario.toml:33:29: error: interventions[0].regions[2]: unknown region "
                 "(got \"Atlantis\", expected a region of regions.csv: \"north\" or \"south\")",
                 "{DIR}/scenario.toml:33:41: error: interventions[0].regions[3]: unknown region "
                 "(got \"North\", expected a region of regions.csv: \"north\" or \"south\"; did "
                 "you mean \"north\"?)"},
           dir.path()));
}

TEST_CASE("interventions: age_max is not below age_min", "[scenario][interventions]") {
  TempDir dir;
  const fs::path file = write_entries(
      dir,
      "[[interventions]]\ntype = \"district_office\"\nname = \"a\"\nstart_year = 2021\n"
      "age_min = 40\nage_max = 39\nsetup_cost = 1\n"
      "[[interventions]]\ntype = \"enforcement\"\nname = \"b\"\nstart_year = 2021\n"
      "age_max = 30\nage_min = 30\ninspected_share = 0.1\nsetup_cost = 1\n");
  CHECK(errors_of(file) ==
        at(Lines{"{DIR}/scenario.toml:33:11: error: interventions[0].age_max: age_max is below "
                 "age_min (got 39, expected an age >= age_min (40))"},
           dir.path()));
}

TEST_CASE("interventions: every problem is reported at once, in file order",
          "[scenario][interventions]") {
  TempDir dir;
  const fs::path file =
      write_entries(dir,
                    "[[interventions]]\n"                 // 28
                    "type = \"mobile_registration\"\n"    // 29
                    "name = \"mobile\"\n"                 // 30
                    "start_year = 2021\n"                 // 31
                    "turnot = 0.3\n"                      // 32: unknown key
                    "\n"                                  // 33 (visits_per_year missing: line 28)
                    "[coverage]\n"                        // 34
                    "lapse_hazard = 2\n"                  // 35: out of range
                    "\n"                                  // 36
                    "[[interventions]]\n"                 // 37
                    "type = \"district_office\"\n"        // 38
                    "name = \"the office\"\n"             // 39: invalid name
                    "start_year = 2023\n"                 // 40
                    "end_year = 2022\n"                   // 41: before the start
                    "regions = [\"west\"]\n"              // 42: unknown region
                    "\n"                                  // 43
                    "[[interventions]]\n"                 // 44
                    "type = \"enforcement\"\n"            // 45
                    "name = \"mobile\"\n"                 // 46: duplicate
                    "start_year = 2021\n"                 // 47
                    "inspected_share = { 2022 = 0.1 }\n"  // 48: starts after the intervention
                    "age_min = 50\n"                      // 49
                    "age_max = 20\n"                      // 50: below age_min
                    "compliance = 0.5\n");                // 51: a key of the mandate
  CHECK(errors_of(file) ==
        at(Lines{"{DIR}/scenario.toml:28:1: error: interventions[0].visits_per_year: required key "
                 "is missing (expected a number in [0, 1e+10], or a schedule { YEAR = number, ... "
                 "} for a "
                 "\"mobile_registration\" intervention)",
                 "{DIR}/scenario.toml:32:1: error: interventions[0].turnot: unknown key (got "
                 "\"turnot\", expected a key of a \"mobile_registration\" intervention; did you "
                 "mean \"turnout\"?)",
                 "{DIR}/scenario.toml:35:16: error: coverage.lapse_hazard: value out of range (got "
                 "2, expected a number in [0, 1])",
                 "{DIR}/scenario.toml:39:8: error: interventions[1].name: invalid intervention "
                 "name (got \"the office\", expected letters, digits, '_' and '-' (it names "
                 "rows of interventions.csv and keys the intervention's random numbers))",
                 "{DIR}/scenario.toml:41:12: error: interventions[1].end_year: end year is before "
                 "the start year (got 2022, expected a year >= start_year (2023), or 0 for no "
                 "end)",
                 "{DIR}/scenario.toml:42:12: error: interventions[1].regions[0]: unknown region "
                 "(got \"west\", expected a region of regions.csv: \"north\" or \"south\")",
                 "{DIR}/scenario.toml:46:8: error: interventions[2].name: duplicate intervention "
                 "name (got \"mobile\", expected a name no other intervention has)",
                 "{DIR}/scenario.toml:48:19: error: interventions[2].inspected_share: schedule "
                 "starts after the intervention (got first year 2022, expected a first year <= "
                 "start_year (2021))",
                 "{DIR}/scenario.toml:50:11: error: interventions[2].age_max: age_max is below "
                 "age_min (got 20, expected an age >= age_min (50))",
                 "{DIR}/scenario.toml:51:1: error: interventions[2].compliance: key does not "
                 "apply to this type (got \"compliance\", expected a key of an \"enforcement\" "
                 "intervention; did you mean \"compliance_effect\"?)"},
           dir.path()));
}

// ---------------------------------------------------------------------------------------------
// Warnings

TEST_CASE("interventions: an entry without costs is a warning, not an error",
          "[scenario][interventions]") {
  TempDir dir;
  SECTION("an entry of each type without cost keys: all but the subsidy warn") {
    const Scenario s = load_scenario(write_entries(
        dir,
        "[[interventions]]\ntype = \"mobile_registration\"\nname = \"m\"\nstart_year = 2021\n"
        "visits_per_year = 10\n"  // 28-32
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "setup_cost = 0\nfixed_cost_per_year = { 2021 = 0 }\n"  // 33-38
        "[[interventions]]\ntype = \"information_outreach\"\nname = \"i\"\nstart_year = 2021\n"
        "persons_reached_per_year = 5\n"  // 39-43
        "[[interventions]]\ntype = \"contribution_subsidy\"\nname = \"s\"\nstart_year = 2021\n"
        "subsidy_share = 0.5\n"  // 44-48
        "[[interventions]]\ntype = \"enforcement\"\nname = \"e\"\nstart_year = 2021\n"
        "inspected_share = 0.5\nsanction_revenue_per_inspection = 10\n"  // 49-54
        "[[interventions]]\ntype = \"digital_services\"\nname = \"d\"\nstart_year = 2021\n"
        "access_share = 0.5\n"  // 55-59
        "[[interventions]]\ntype = \"domestic_worker_mandate\"\nname = \"w\"\n"
        "start_year = 2021\n"));  // 60-63
    REQUIRE(s.interventions.size() == 7);
    // Entry index, line of its name, name.
    const std::vector<std::tuple<int, int, std::string>> warned = {
        {0, 30, "m"}, {1, 35, "o"}, {2, 41, "i"}, {4, 51, "e"}, {5, 57, "d"}, {6, 62, "w"}};
    Lines expected;
    for (const auto& [index, line, name] : warned) {
      expected.push_back("{DIR}/scenario.toml:" + std::to_string(line) +
                         ":8: warning: interventions[" + std::to_string(index) +
                         "].name: intervention has no costs (got \"" + name +
                         "\", expected a cost key (setup_cost, fixed_cost_per_year or the "
                         "type's own); its cost per additional contributor will be 0)");
    }
    CHECK(warnings_of(s) == at(expected, dir.path()));
  }
  SECTION("a cost key of the type's own, or a cost in a later year, is a cost") {
    const Scenario s = load_scenario(write_entries(
        dir,
        "[[interventions]]\ntype = \"mobile_registration\"\nname = \"m\"\nstart_year = 2021\n"
        "visits_per_year = 10\ncost_per_visit = 1\n"
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "fixed_cost_per_year = { 2021 = 0, 2024 = 5 }\n"
        "[[interventions]]\ntype = \"information_outreach\"\nname = \"i\"\nstart_year = 2021\n"
        "persons_reached_per_year = 5\ncost_per_person_reached = 0.1\n"
        "[[interventions]]\ntype = \"enforcement\"\nname = \"e\"\nstart_year = 2021\n"
        "inspected_share = 0.5\ncost_per_inspection = 3\n"
        "[[interventions]]\ntype = \"digital_services\"\nname = \"d\"\nstart_year = 2021\n"
        "access_share = 0.5\ncost_per_user = 1\n"
        "[[interventions]]\ntype = \"domestic_worker_mandate\"\nname = \"w\"\n"
        "start_year = 2021\nsetup_cost = 1\n"));
    CHECK(s.interventions.size() == 6);
    CHECK(warnings_of(s).empty());
  }
}

TEST_CASE("interventions: an entry that starts after the projection ends is a warning",
          "[scenario][interventions]") {
  TempDir dir;
  const Scenario s = load_scenario(write_entries(
      dir,
      "[[interventions]]\ntype = \"district_office\"\nname = \"late\"\nstart_year = 2026\n"
      "setup_cost = 1\n"
      "[[interventions]]\ntype = \"district_office\"\nname = \"last-year\"\nstart_year = 2025\n"
      "setup_cost = 1\n"
      "[[interventions]]\ntype = \"district_office\"\nname = \"free-and-late\"\n"
      "start_year = 2030\n"));
  REQUIRE(s.interventions.size() == 3);
  CHECK(s.interventions[0].start_year == 2026);
  CHECK(warnings_of(s) ==
        at(Lines{"{DIR}/scenario.toml:30:8: warning: interventions[0].name: intervention starts "
                 "after the projection ends (got \"late\", expected a start_year <= "
                 "projection.end_year (2025) for it to have an effect)",
                 "{DIR}/scenario.toml:40:8: warning: interventions[2].name: intervention has no "
                 "costs (got \"free-and-late\", expected a cost key (setup_cost, "
                 "fixed_cost_per_year or the type's own); its cost per additional contributor "
                 "will be 0)",
                 "{DIR}/scenario.toml:40:8: warning: interventions[2].name: intervention starts "
                 "after the projection ends (got \"free-and-late\", expected a start_year <= "
                 "projection.end_year (2025) for it to have an effect)"},
           dir.path()));
}

TEST_CASE("interventions: warnings come after the scenario's own", "[scenario][interventions]") {
  TempDir dir;
  SmallDataOptions data{2020, 2025};
  data.workforce = ssproj::testing::SmallWorkforce{};
  // Without a minimum wage or a reserve (lines 1-21), then the entry (lines 22-26).
  const fs::path file = ssproj::testing::write_small_scenario(
      dir, data, kOk,
      "[[interventions]]\ntype = \"district_office\"\nname = \"free\"\nstart_year = 2021\n");
  const Scenario s = load_scenario(file);
  const Lines warnings = warnings_of(s);
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].find("economy.minimum_wage: the minimum wage is 0") != std::string::npos);
  CHECK(warnings[1].find("fund.initial_reserve: the fund starts with no reserve") !=
        std::string::npos);
  CHECK(warnings[2] == at("{DIR}/scenario.toml:24:8: warning: interventions[0].name: "
                          "intervention has no costs (got \"free\", expected a cost key "
                          "(setup_cost, fixed_cost_per_year or the type's own); its cost per "
                          "additional contributor will be 0)",
                          dir.path()));
}

// ---------------------------------------------------------------------------------------------
// The resolved scenario (`ssproj describe`)

TEST_CASE("interventions: resolved_toml has every entry with its defaults filled in",
          "[scenario][interventions]") {
  TempDir dir;
  const Scenario s = load_scenario(write_entries(
      dir,
      "[[interventions]]\ntype = \"domestic_worker_mandate\"\nname = \"mandate\"\n"
      "start_year = 2024\nsetup_cost = 100\n"
      "[[interventions]]\ntype = \"district_office\"\nname = \"office\"\nstart_year = 2021\n"
      "regions = [\"south\"]\nfixed_cost_per_year = { 2021 = 5, 2023 = 6 }\n"));
  const std::string& text = s.resolved_toml;
  // The entries, in the order written, each with the keys of its type only (in the order of the
  // key table), numbers as their shortest text.
  const std::string expected_entries =
      "[[interventions]]\n"
      "type = \"domestic_worker_mandate\"\n"
      "name = \"mandate\"\n"
      "start_year = 2024\n"
      "end_year = 0\n"
      "setup_cost = 100\n"
      "fixed_cost_per_year = 0.0\n"
      "compliance = 0.1\n"
      "\n"
      "[[interventions]]\n"
      "type = \"district_office\"\n"
      "name = \"office\"\n"
      "start_year = 2021\n"
      "end_year = 0\n"
      "regions = [\"south\"]\n"
      "provinces = []\n"
      "districts = []\n"
      "sectors = []\n"
      "area = \"both\"\n"
      "sex = \"both\"\n"
      "age_min = 15\n"
      "age_max = 100\n"
      "statuses = [\"informal_employee\", \"domestic_worker\", \"own_account\", "
      "\"contributing_family\"]\n"
      "setup_cost = 0.0\n"
      "fixed_cost_per_year = { 2021 = 5, 2023 = 6 }\n"
      "registration_increase = 0.005\n"
      "lapse_multiplier = 0.9\n";
  INFO(text);
  CHECK(text.find(expected_entries) != std::string::npos);
  CHECK(text.find("turnout") == std::string::npos);
}

TEST_CASE("interventions: resolved_toml saved next to the scenario loads to the same entries",
          "[scenario][interventions]") {
  TempDir dir;
  SECTION("every key written") {
    const Scenario s = load_scenario(write_entries(dir, kEveryKey));
    const Scenario again = load_scenario(dir.write("described.toml", s.resolved_toml));
    CHECK(again.resolved_toml == s.resolved_toml);
    REQUIRE(again.interventions.size() == s.interventions.size());
    for (std::size_t i = 0; i < s.interventions.size(); ++i) {
      check_same(again.interventions[i], s.interventions[i]);
    }
  }
  SECTION("only the required keys written: the defaults come back the same") {
    const Scenario s = load_scenario(write_entries(dir, kRequiredOnly));
    const Scenario again = load_scenario(dir.write("described.toml", s.resolved_toml));
    CHECK(again.resolved_toml == s.resolved_toml);
    REQUIRE(again.interventions.size() == 7);
    for (std::size_t i = 0; i < s.interventions.size(); ++i) {
      check_same(again.interventions[i], s.interventions[i]);
    }
    CHECK(warnings_of(again).empty());
  }
}

// ---------------------------------------------------------------------------------------------
// extends

namespace {

// dir/scenario.toml (the base, with `base_entries`) and dir/strategies/child.toml (lines: 1
// extends, 2 name, 3 blank, then `child_entries` from line 4). Returns the child's path.
fs::path write_strategy(const TempDir& dir, const std::string& base_entries,
                        const std::string& child_entries) {
  write_entries(dir, base_entries);
  return dir.write("strategies/child.toml",
                   "extends = \"../scenario.toml\"\nname = \"strategy\"\n\n" + child_entries);
}

const std::string kMobile =
    "[[interventions]]\ntype = \"mobile_registration\"\nname = \"mobile\"\nstart_year = 2021\n"
    "visits_per_year = 10\ncost_per_visit = 1\n";
const std::string kOutreach =
    "[[interventions]]\ntype = \"information_outreach\"\nname = \"outreach\"\n"
    "start_year = 2022\npersons_reached_per_year = 500\nsetup_cost = 1\n";
const std::string kOffice =
    "[[interventions]]\ntype = \"district_office\"\nname = \"office\"\nstart_year = 2023\n"
    "regions = [\"south\"]\nsetup_cost = 1\n";

}  // namespace

TEST_CASE("interventions: a strategy that extends a base scenario adds its interventions",
          "[scenario][interventions]") {
  TempDir dir;
  const fs::path child = write_strategy(dir, "", kOffice);
  const Scenario s = load_scenario(child);
  CHECK(s.name == "strategy");
  CHECK(warnings_of(s).empty());
  REQUIRE(s.interventions.size() == 1);
  CHECK(s.interventions[0].name == "office");
  CHECK(s.interventions[0].type() == InterventionType::kDistrictOffice);
  CHECK(s.interventions[0].target.regions == std::vector<bool>{false, true});
  CHECK(s.interventions[0].as<DistrictOffice>().lapse_multiplier == 0.9);
  // The resolved strategy, saved next to it, loads to the same scenario.
  const Scenario again = load_scenario(dir.write("strategies/described.toml", s.resolved_toml));
  CHECK(again.resolved_toml == s.resolved_toml);
  REQUIRE(again.interventions.size() == 1);
  check_same(again.interventions[0], s.interventions[0]);
  CHECK(s.resolved_toml.find("regions = \"../data/regions.csv\"\n") != std::string::npos);
}

TEST_CASE("interventions: interventions_mode says whether a strategy's entries add to the base's",
          "[scenario][interventions]") {
  TempDir dir;
  const std::string append = "interventions_mode = \"append\"\n";
  const std::string replace = "interventions_mode = \"replace\"\n";
  SECTION("replace: the child's entries, not the base's") {
    const Scenario s = load_scenario(write_strategy(dir, kMobile + kOutreach, replace + kOffice));
    REQUIRE(s.interventions.size() == 1);
    CHECK(s.interventions[0].name == "office");
    CHECK(s.resolved_toml.find("mobile") == std::string::npos);
    CHECK(s.resolved_toml.find("interventions_mode") == std::string::npos);
  }
  SECTION("append: the base's entries, then the child's") {
    const Scenario s = load_scenario(write_strategy(dir, kMobile + kOutreach, append + kOffice));
    REQUIRE(s.interventions.size() == 3);
    CHECK(s.interventions[0].name == "mobile");
    CHECK(s.interventions[1].name == "outreach");
    CHECK(s.interventions[2].name == "office");
    // The appended entries keep the places of the files that write them.
    const Scenario again = load_scenario(dir.write("strategies/described.toml", s.resolved_toml));
    CHECK(again.resolved_toml == s.resolved_toml);
  }
  SECTION("neither: an error, since the base's entries would be dropped silently") {
    CHECK(errors_of(write_strategy(dir, kMobile + kOutreach, kOffice)) ==
          at(Lines{"{DIR}/strategies/child.toml:4:1: error: interventions: the file this one "
                   "extends has [[interventions]] entries too (got 1 entry here, 2 entries in "
                   "the file extended, expected interventions_mode = \"append\" (add these after "
                   "the extended file's entries) or \"replace\" (drop the extended file's) in "
                   "this file)"},
             dir.path()));
  }
  SECTION("a child without [[interventions]] has the base's") {
    const Scenario s = load_scenario(write_strategy(dir, kMobile + kOutreach, ""));
    REQUIRE(s.interventions.size() == 2);
    CHECK(s.interventions[0].name == "mobile");
    CHECK(s.interventions[1].name == "outreach");
  }
  SECTION("with replace, the same name in the base and the child is no duplicate") {
    const Scenario s = load_scenario(write_strategy(dir, kOffice, replace + kOffice + kMobile));
    REQUIRE(s.interventions.size() == 2);
    CHECK(s.interventions[0].name == "office");
    CHECK(s.interventions[1].name == "mobile");
  }
  SECTION("with append, it is") {
    const Lines errors = errors_of(write_strategy(dir, kOffice, append + kOffice));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("interventions[1].name: duplicate intervention name (got \"office\"") !=
          std::string::npos);
  }
}

TEST_CASE("interventions: errors of an extends chain are located in the file that has them",
          "[scenario][interventions]") {
  TempDir dir;
  SECTION("an entry of the base") {
    const fs::path child = write_strategy(
        dir,
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "end_year = 2020\nsetup_cost = 1\n",
        "");
    CHECK(errors_of(child) ==
          at(Lines{"{DIR}/scenario.toml:32:12: error: interventions[0].end_year: end year is "
                   "before the start year (got 2020, expected a year >= start_year (2021), or 0 "
                   "for no end)"},
             dir.path()));
  }
  SECTION("an entry of the child, with the regions of the base's table") {
    const fs::path child = write_strategy(
        dir, "",
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "regions = [\"east\"]\nsetup_cost = 1\nturnout = 1\n");
    CHECK(
        errors_of(child) ==
        at(Lines{"{DIR}/strategies/child.toml:8:12: error: interventions[0].regions[0]: unknown "
                 "region (got \"east\", expected a region of regions.csv: \"north\" or \"south\")",
                 "{DIR}/strategies/child.toml:10:1: error: interventions[0].turnout: key does "
                 "not apply to this type (got \"turnout\", expected a key of a "
                 "\"district_office\" intervention (see docs/interventions.md))"},
           dir.path()));
  }
  SECTION("a base without the workforce tables") {
    ssproj::testing::write_small_scenario(dir, SmallDataOptions{2020, 2025}, kOk);
    const fs::path child =
        dir.write("strategies/child.toml",
                  "extends = \"../scenario.toml\"\nname = \"strategy\"\n\n" + kOffice);
    CHECK(errors_of(child) ==
          at(Lines{"{DIR}/strategies/child.toml:4:1: error: interventions: interventions need "
                   "the workforce tables (expected the five workforce tables in [data] "
                   "(data.regions, ...))"},
             dir.path()));
  }
}

// ---------------------------------------------------------------------------------------------
// Bugs that were found and fixed: each test pins the intended behaviour.

TEST_CASE("interventions: an empty array is no interventions (and removes a base's)",
          "[scenario][interventions]") {
  // Was "wrong type": toml++'s is_array_of_tables() is false for an empty array. It is the only
  // way for a strategy to drop the [[interventions]] of the scenario it extends.
  TempDir dir;
  SECTION("in a single file") {
    const fs::path file = write_with_data(dir, "interventions = []\n" + scenario_with(""));
    const Scenario s = load_scenario(file);
    CHECK(s.interventions.empty());
    CHECK(warnings_of(s).empty());
  }
  SECTION("in a strategy that extends a base with interventions") {
    REQUIRE(load_scenario(write_entries(dir, kMobile)).interventions.size() == 1);
    const fs::path child =
        dir.write("strategies/child.toml", "extends = \"../scenario.toml\"\ninterventions = []\n");
    const Scenario s = load_scenario(child);
    CHECK(s.interventions.empty());
    CHECK(s.resolved_toml.find("mobile") == std::string::npos);
  }
  SECTION("an array of numbers is still the wrong type") {
    const fs::path file = write_with_data(dir, "interventions = [1]\n" + scenario_with(""));
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:1:17: error: interventions: wrong type (got an array, "
                   "expected an array of tables [[interventions]])"},
             dir.path()));
  }
}

TEST_CASE("interventions: a value out of range is reported once, and does not crash the checks",
          "[scenario][interventions]") {
  // read_interventions read age_min, age_max and end_year without their ranges, so an
  // out-of-range value also failed the cross-checks: a second diagnostic for one mistake, and
  // with age_min above 100 and no age_max written, a null pointer dereferenced (read_target).
  // Values out of range are now not read.
  TempDir dir;
  SECTION("age_min above 100 without age_max: in a process of its own, as it may crash") {
    write_entries(dir,
                  "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\n"
                  "start_year = 2021\nage_min = 101\nsetup_cost = 1\n");
    const CliResult r = validate_in_process(dir, "scenario.toml");
    CHECK(r.status == 2);
    CHECK(r.err ==
          "scenario.toml:32:11: error: interventions[0].age_min: value out of range (got 101, "
          "expected an integer in [15, 100])\n"
          "1 error\n");
  }
  SECTION("age_max below 15") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "age_max = 14\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:32:11: error: interventions[0].age_max: value out of "
                   "range (got 14, expected an integer in [15, 100])"},
             dir.path()));
  }
  SECTION("a negative end_year") {
    const fs::path file = write_entries(
        dir,
        "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
        "end_year = -1\nsetup_cost = 1\n");
    CHECK(errors_of(file) ==
          at(Lines{"{DIR}/scenario.toml:32:12: error: interventions[0].end_year: value out of "
                   "range (got -1, expected an integer in [1900, 2300], or 0)"},
             dir.path()));
  }
}

TEST_CASE("interventions: a name of the wrong type is reported once", "[scenario][interventions]") {
  // A name that is not a string read as "" and was also an "invalid intervention name
  // (got \"\")".
  TempDir dir;
  const fs::path file =
      write_entries(dir,
                    "[[interventions]]\ntype = \"district_office\"\nname = 3\nstart_year = 2021\n"
                    "setup_cost = 1\n");
  CHECK(errors_of(file) ==
        at(Lines{"{DIR}/scenario.toml:30:8: error: interventions[0].name: wrong type (got 3, "
                 "expected a string)"},
           dir.path()));
}

TEST_CASE("interventions: a name used three times is one diagnostic per later entry",
          "[scenario][interventions]") {
  // The third entry was compared with each earlier entry of the same name and got one
  // identical diagnostic for each.
  TempDir dir;
  std::string entries;
  for (int i = 0; i < 3; ++i) {
    entries +=
        "[[interventions]]\ntype = \"district_office\"\nname = \"same\"\n"
        "start_year = 2021\nsetup_cost = 1\n";
  }
  CHECK(errors_of(write_entries(dir, entries)) ==
        at(Lines{"{DIR}/scenario.toml:35:8: error: interventions[1].name: duplicate intervention "
                 "name (got \"same\", expected a name no other intervention has)",
                 "{DIR}/scenario.toml:40:8: error: interventions[2].name: duplicate intervention "
                 "name (got \"same\", expected a name no other intervention has)"},
           dir.path()));
}

TEST_CASE("interventions: an unknown region after an item that is not a string is located at it",
          "[scenario][interventions]") {
  // read_target looked the unknown region up by its index among the string items, but located
  // and named it by that index in the written array: the region "west" of
  // `regions = [1, "west"]` was reported as regions[0], at the 1.
  TempDir dir;
  const fs::path file = write_entries(
      dir,
      "[[interventions]]\ntype = \"district_office\"\nname = \"o\"\nstart_year = 2021\n"
      "setup_cost = 1\nregions = [1, \"west\"]\n");
  CHECK(errors_of(file) ==
        at(Lines{"{DIR}/scenario.toml:33:12: error: interventions[0].regions[0]: wrong type (got "
                 "1, expected a string)",
                 "{DIR}/scenario.toml:33:15: error: interventions[0].regions[1]: unknown region "
                 "(got \"west\", expected a region of regions.csv: \"north\" or \"south\")"},
           dir.path()));
}
