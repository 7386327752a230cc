#include <algorithm>
#include <limits>

#include <catch2/catch.hpp>

#include <ssproj/output.h>
#include <ssproj/simulate.h>
#include <ssproj/version.h>

#include "output/csv_writer.h"
#include "output/replicated_table.h"
#include "scenario/schema.h"
#include "support/fixtures.h"
#include "util/sha256.h"

using namespace ssproj;
namespace fs = std::filesystem;

namespace {

ReplicationResult replication_with(double persons) {
  ReplicationResult r;
  r.population.first_year = 2030;
  SexAgeTable t{};
  t[0][0] = persons;
  t[1][100] = 2 * persons;
  r.population.years = {t};
  return r;
}

std::string line(const std::string& text, int n) {
  std::size_t start = 0;
  for (int i = 0; i < n; ++i) start = text.find('\n', start) + 1;
  return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("population_cohort.csv: header, row order and exact numbers", "[unit][output]") {
  PopulationSeries s;
  s.first_year = 2023;
  SexAgeTable t{};
  t[0][0] = 81210;
  t[0][1] = 0.1 + 0.2;  // shortest round-trip text: 0.30000000000000004
  t[1][100] = 12.5;
  s.years = {t, t};
  const std::string csv = cohort_population_csv(s);
  CHECK(line(csv, 0) == "year,sex,age,persons");
  CHECK(line(csv, 1) == "2023,male,0,81210");
  CHECK(line(csv, 2) == "2023,male,1,0.30000000000000004");
  CHECK(line(csv, 3) == "2023,male,2,0");
  CHECK(line(csv, 102) == "2023,female,0,0");
  CHECK(line(csv, 202) == "2023,female,100,12.5");
  CHECK(line(csv, 203) == "2024,male,0,81210");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 2 * 2 * kNumAges);
}

TEST_CASE("population.csv: one replication has no quantile columns", "[unit][output]") {
  const std::string csv = microsimulation_population_csv({replication_with(10)});
  CHECK(line(csv, 0) == "year,sex,age,persons");
  CHECK(line(csv, 1) == "2030,male,0,10");
}

TEST_CASE("population.csv: mean and type-7 quantiles across replications", "[unit][output]") {
  // Values 10, 20, 30, 40 (given out of order): mean 25; p05 = 10 + 0.15 x 10 = 11.5;
  // p50 = 25; p95 = 30 + 0.85 x 10 = 38.5.
  const std::string csv = microsimulation_population_csv(
      {replication_with(30), replication_with(10), replication_with(40), replication_with(20)});
  CHECK(line(csv, 0) == "year,sex,age,persons,persons_p05,persons_p50,persons_p95");
  CHECK(line(csv, 1) == "2030,male,0,25,11.5,25,38.5");
  CHECK(line(csv, 202) == "2030,female,100,50,23,50,77");
}

TEST_CASE("Files are written atomically and leave no temporaries", "[unit][output]") {
  testing::TempDir dir;
  const fs::path out = dir.path() / "results" / "run";
  write_files_atomically(out, {{"a.csv", "x\n1\n"}, {"manifest.json", "{}\n"}});
  CHECK(testing::read_file(out / "a.csv") == "x\n1\n");
  CHECK(testing::read_file(out / "manifest.json") == "{}\n");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++entries;
  CHECK(entries == 2);
}

TEST_CASE("A failed write leaves neither partial tables nor temporaries nor an old manifest",
          "[unit][output]") {
  testing::TempDir dir;
  const fs::path out = dir.path() / "run";
  write_files_atomically(out, {{"a.csv", "old\n"}, {"manifest.json", "{\"old\": 1}\n"}});
  // The second file cannot be created (its directory does not exist): nothing is renamed.
  CHECK_THROWS_AS(write_files_atomically(out, {{"a.csv", "new\n"}, {"missing/b.csv", "new\n"}}),
                  IoError);
  CHECK(testing::read_file(out / "a.csv") == "old\n");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++entries;
  CHECK(entries == 2);
  // An output directory that cannot be created.
  const fs::path blocker = dir.write("file", "not a directory");
  CHECK_THROWS_AS(write_files_atomically(blocker / "sub", {{"a.csv", "x\n"}}), IoError);
}

TEST_CASE("manifest.json records provenance and throughput", "[unit][output]") {
  Scenario s = testing::make_scenario(2020, 2021, 1.0, 0.0, 0.0, 0.0, 0.5, 77, 2);
  s.file = "scenarios/x.toml";
  s.name = "quote \" name";
  s.resolved_toml = "abc";
  s.inputs.files.push_back({"data.mortality", "data/m.csv", "ff00"});
  ProjectionResults results;
  results.person_years = 1000;
  const std::string json = manifest_json(s, results, RunRecord{2, 0.5});
  CHECK(json.find("\"ssproj_version\": \"" + std::string(kVersion) + "\"") != std::string::npos);
  CHECK(json.find("\"git_commit\": \"" + std::string(kGitCommit) + "\"") != std::string::npos);
  CHECK(json.find("\"name\": \"quote \\\" name\"") != std::string::npos);
  CHECK(json.find("\"resolved_sha256\": "
                  "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"") !=
        std::string::npos);
  CHECK(json.find("{\"key\": \"data.mortality\", \"path\": \"data/m.csv\", \"sha256\": "
                  "\"ff00\"}") != std::string::npos);
  CHECK(json.find("\"seed\": 77,") != std::string::npos);
  CHECK(json.find("\"replications\": 2,") != std::string::npos);
  CHECK(json.find("\"sample_fraction\": 0.5,") != std::string::npos);
  CHECK(json.find("\"threads\": 2,") != std::string::npos);
  CHECK(json.find("\"person_years_simulated\": 1000,") != std::string::npos);
  CHECK(json.find("\"person_years_per_second\": 2000,\n") != std::string::npos);
  // No tables given: an empty list.
  CHECK(json.find("\"tables\": [\n  ]\n}\n") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Result sets replace the previous set as a whole

namespace {

std::vector<std::string> entries_of(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("A result set replaces the previous set as a whole", "[unit][output][result_set]") {
  testing::TempDir dir;
  const fs::path out = dir.path() / "run";
  {
    ResultSet set(out);
    set.write("a.csv", "old a\n");
    set.write("sub/b.csv", "old b\n");
    set.write("manifest.json", "{\"old\": 1}\n");
    // Nothing is visible before the commit.
    CHECK_FALSE(fs::exists(out));
    set.commit();
  }
  CHECK(entries_of(out) == std::vector<std::string>{"a.csv", "manifest.json", "sub"});
  {
    ResultSet set(out);
    set.write("c.csv", "new c\n");
    REQUIRE(set.files().size() == 1);
    CHECK(set.files()[0].first == "c.csv");
    CHECK(set.files()[0].second == util::sha256_hex("new c\n"));
    set.write("manifest.json", "{\"new\": 1}\n");
    // The previous set is still whole while the new one is written.
    CHECK(testing::read_file(out / "a.csv") == "old a\n");
    set.commit();
  }
  // Only the new set: tables of the old set that the new one does not have are gone.
  CHECK(entries_of(out) == std::vector<std::string>{"c.csv", "manifest.json"});
  CHECK(testing::read_file(out / "manifest.json") == "{\"new\": 1}\n");
  // Nothing left beside it.
  CHECK(entries_of(dir.path()) == std::vector<std::string>{"run"});
}

TEST_CASE("A result set that is not committed leaves the previous set and no staging",
          "[unit][output][result_set]") {
  testing::TempDir dir;
  const fs::path out = dir.path() / "run";
  {
    ResultSet set(out);
    set.write("a.csv", "old\n");
    set.write("manifest.json", "{}\n");
    set.commit();
  }
  {
    ResultSet set(out);
    set.write("a.csv", "new\n");
    // An error before the commit: the destructor removes the staging directory.
  }
  CHECK(testing::read_file(out / "a.csv") == "old\n");
  CHECK(entries_of(dir.path()) == std::vector<std::string>{"run"});
}

TEST_CASE("A result set refuses a directory that is not an earlier result set",
          "[unit][output][result_set]") {
  testing::TempDir dir;
  dir.write("mine/notes.txt", "a user's file\n");
  CHECK_THROWS_WITH(ResultSet(dir.path() / "mine"),
                    Catch::Contains("holds files but no manifest.json"));
  CHECK(testing::read_file(dir.path() / "mine/notes.txt") == "a user's file\n");
  const fs::path blocker = dir.write("file", "not a directory");
  CHECK_THROWS_AS(ResultSet(blocker / "sub"), IoError);
  CHECK_THROWS_WITH(ResultSet(blocker), Catch::Contains("not a directory"));
  // An empty directory is fine.
  fs::create_directory(dir.path() / "empty");
  ResultSet set(dir.path() / "empty");
  set.write("manifest.json", "{}\n");
  set.commit();
  CHECK(entries_of(dir.path() / "empty") == std::vector<std::string>{"manifest.json"});
}

TEST_CASE("A result set removes the staging directories of runs that died",
          "[unit][output][result_set]") {
  testing::TempDir dir;
  const fs::path out = dir.path() / "run";
  // A staging directory of a process that no longer exists (pid 2^22 + 1 is above Linux's
  // pid_max default), and one of a running process (this one, another directory name).
  fs::create_directories(dir.path() / ".run.staging.4194305" / "x");
  fs::create_directories(dir.path() / ".other.staging.4194305");
  {
    ResultSet set(out);
    set.write("manifest.json", "{}\n");
    set.commit();
  }
  CHECK(entries_of(dir.path()) == std::vector<std::string>{".other.staging.4194305", "run"});
}

TEST_CASE("A table never holds an infinite value", "[unit][output]") {
  output::ReplicatedTable table("year", {"amount"}, 2);
  table.add_row("2030");
  table.set(0, 0, 1.0);
  table.set(1, 0, std::numeric_limits<double>::infinity());
  CHECK_THROWS_WITH(table.csv(),
                    "the projection overflowed: column amount of row 2030 in "
                    "replication 2 is infinite; an input is far outside any "
                    "sensible range");
  output::CsvWriter csv("a,b");
  csv.field(1.0).field(2.0).end_row();
  CHECK_THROWS_WITH(csv.field(0.0).field(std::numeric_limits<double>::infinity()),
                    Catch::Contains("an infinite value in row 2 of a table with columns a,b"));
}

TEST_CASE("An overflowed table names the inputs nearest their bounds and writes nothing",
          "[unit][output]") {
  // Every key is bounded (core/keys.h), so a real overflow needs a defect; the projection's
  // results are made infinite here by hand, for a scenario whose resolved text holds two amounts
  // near their bounds and one far from it.
  testing::TempDir dir;
  Scenario s = testing::make_scenario(2020, 2021, 1.0, 0.0, 0.0, 0.0);
  s.resolved_toml =
      "[benefits.health_care]\ncost_per_member = 9e11\n[fund]\ninitial_reserve = 2e17\n"
      "administration_per_member = 1000.0\n[economy]\ninflation = { 2020 = 0.05, 2030 = 1.5 }\n";
  ProjectionResults results = simulate(s, {});
  results.cohort.years[1][0][3] = std::numeric_limits<double>::infinity();
  CHECK(scenario::values_nearest_bounds(s.resolved_toml, 3) ==
        std::vector<std::string>{"benefits.health_care.cost_per_member = 9e+11 (at most 1e+12)",
                                 "economy.inflation = 1.5 (at most 2)",
                                 "fund.initial_reserve = 2e+17 (at most 1e+18)"});
  CHECK_THROWS_WITH(
      write_run_outputs(dir.path() / "out", s, results, {}),
      "population_cohort.csv: the projection overflowed: an infinite value in row 206 of a table "
      "with columns year,sex,age,persons; an input is far outside any sensible range; the inputs "
      "nearest their bounds: benefits.health_care.cost_per_member = 9e+11 (at most 1e+12), "
      "economy.inflation = 1.5 (at most 2), fund.initial_reserve = 2e+17 (at most 1e+18)");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}
