// Uncertain inputs in whole runs (docs/uncertainty.md): a distribution without spread gives the
// tables of the plain value; two strategies with the same inputs and distributions differ by
// exactly zero in every replication; a drawn input changes what it should and nothing else; the
// draws and the drivers tables; the same tables on 1 and 2 threads.
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/fixtures.h"

namespace {

namespace fs = std::filesystem;
using ssproj::testing::quote;
using ssproj::testing::read_file;
using ssproj::testing::TempDir;

const fs::path kLao = ssproj::testing::source_dir() / "scenarios/lao";
// Small and short: the Lao model at 0.2% to 2030, 4 replications.
const std::string kFast =
    " --quiet --sample-fraction 0.002 --replications 4 --set projection.end_year=2030";

std::string extends(const std::string& file) {
  return "extends = " + quote((kLao / file).string()) + "\n";
}

// A Lao strategy without its uncertain inputs, written into `dir` as plain_FILE; the text that
// extends it.
std::string extends_plain(const TempDir& dir, const std::string& file) {
  dir.write("plain_" + file, extends(file) + "uncertain = []\n");
  return "extends = \"plain_" + file + "\"\n";
}

// Every table of a run's directory (not the manifest, which records the scenario, nor draws.csv).
std::map<std::string, std::string> tables_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = fs::relative(e.path(), dir).string();
    if (!e.is_regular_file() || name.ends_with("manifest.json") || name.ends_with("draws.csv")) {
      continue;
    }
    out[name] = read_file(e.path());
  }
  return out;
}

void run_ok(const std::string& args) {
  const ssproj::testing::Result r = ssproj::testing::run_ssproj(args);
  INFO("ssproj " << args << "\n" << r.err);
  REQUIRE(r.status == 0);
}

// The rows of a CSV as vectors of fields (no quoted fields in these tables).
std::vector<std::vector<std::string>> rows_of(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) fields.push_back(cell);
    rows.push_back(fields);
  }
  return rows;
}

}  // namespace

TEST_CASE("uncertain inputs: a distribution without spread gives the plain value's tables",
          "[model][uncertainty]") {
  const TempDir dir;
  const fs::path degenerate = dir.write(
      "degenerate.toml",
      extends("baseline.toml") +
          "[[uncertain]]\nkey = \"fund.investment_return\"\ntype = \"normal\"\nmean = 0.05\n"
          "sd = 0.0\nreason = \"r\"\n"
          "[[uncertain]]\nkey = \"coverage.lapse_hazard\"\ntype = \"uniform\"\nmin = 1.0\n"
          "max = 1.0\napply = \"factor\"\nreason = \"r\"\n"
          "[[uncertain]]\nkey = \"economy.real_wage_growth\"\ntype = \"triangular\"\nmin = 0.0\n"
          "mode = 0.0\nmax = 0.0\napply = \"shift\"\nreason = \"r\"\n");
  run_ok("run " + quote(degenerate) + kFast + " --out " + quote(dir.path() / "a"));
  run_ok("run " + quote(kLao / "baseline.toml") + kFast +
         " --set fund.investment_return=0.05 --out " + quote(dir.path() / "b"));
  const auto a = tables_of(dir.path() / "a"), b = tables_of(dir.path() / "b");
  REQUIRE(a.size() >= 13);
  for (const auto& [name, text] : b) {
    INFO(name);
    CHECK(a.at(name) == text);
  }
  // draws.csv records the one value of each input in every replication.
  const auto draws = rows_of(read_file(dir.path() / "a/draws.csv"));
  REQUIRE(draws.size() == 1 + 4 * 3);
  CHECK(draws[0] ==
        std::vector<std::string>{"replication", "key", "distribution", "apply", "value"});
  CHECK(draws[1] ==
        std::vector<std::string>{"1", "fund.investment_return", "normal", "value", "0.05"});
  CHECK(draws[12] ==
        std::vector<std::string>{"4", "economy.real_wage_growth", "triangular", "shift", "0"});
}

TEST_CASE("uncertain inputs: identical strategies with identical distributions differ by zero",
          "[model][uncertainty][compare]") {
  const TempDir dir;
  const std::string entries =
      "[[uncertain]]\nkey = \"fund.investment_return\"\ntype = \"normal\"\nmean = 0.0\n"
      "sd = 0.01\napply = \"shift\"\nreason = \"r\"\n"
      "[[uncertain]]\nkey = \"interventions.mobile_offices_south.conversion\"\n"
      "type = \"beta\"\nalpha = 23\nbeta = 79\nreason = \"r\"\n";
  // With the six inputs of mobile_offices.toml, whose conversion entry is replaced here.
  const fs::path one = dir.write("one.toml", extends("mobile_offices.toml") + entries);
  const fs::path two =
      dir.write("two.toml", extends("mobile_offices.toml") + "name = \"two\"\n" + entries);
  run_ok("compare " + quote(one) + " " + quote(two) + kFast + " --out " + quote(dir.path() / "c"));
  // Every measure of the copy against the first, in every replication and year, is exactly 0
  // (or not applicable), and the draws of the two are the same.
  const auto rows = rows_of(read_file(dir.path() / "c/comparison_replications.csv"));
  int checked = 0;
  for (const auto& row : rows) {
    if (row[1] != "two") continue;
    const std::string& measure = row[3];
    if (measure.starts_with("additional_") || measure.ends_with("_change") ||
        measure == "reserve_change_real" || measure == "actuarial_balance_change") {
      INFO(row[0] << " " << row[2] << " " << measure);
      CHECK(row[4] == "0");
      ++checked;
    }
  }
  CHECK(checked > 4 * 3);
  std::map<std::string, std::string> drawn;  // replication and key -> value of "one"
  const auto draws = rows_of(read_file(dir.path() / "c/comparison_draws.csv"));
  REQUIRE(draws.size() == 1 + 4 * 2 * 7);
  for (const auto& row : draws) {
    if (row[1] == "one") drawn[row[0] + row[2]] = row[5];
  }
  for (const auto& row : draws) {
    if (row[1] == "two") CHECK(drawn.at(row[0] + row[2]) == row[5]);
  }
  // The draws differ between replications.
  CHECK(drawn.at("1fund.investment_return") != drawn.at("2fund.investment_return"));
}

TEST_CASE("uncertain inputs: the drawn conversion drives the registrations, on 1 and 2 threads",
          "[model][uncertainty][compare]") {
  const TempDir dir;
  const fs::path strategy =
      dir.write("strategy.toml",
                extends_plain(dir, "mobile_offices.toml") +
                    "[projection]\nsampling = \"latin_hypercube\"\n"
                    "[[uncertain]]\nkey = \"interventions.mobile_offices_south.conversion\"\n"
                    "type = \"uniform\"\nmin = 0.05\nmax = 0.6\nreason = \"r\"\n"
                    "[[uncertain]]\nkey = \"economy.inflation\"\ntype = \"uniform\"\n"
                    "min = -0.01\nmax = 0.01\napply = \"shift\"\nreason = \"r\"\n");
  const fs::path base = dir.write(
      "base.toml", extends("baseline.toml") + "[projection]\nsampling = \"latin_hypercube\"\n");
  const std::string args = "compare " + quote(base) + " " + quote(strategy) +
                           " --quiet --sample-fraction 0.01 --replications 12 --set "
                           "projection.end_year=2030";
  run_ok(args + " --threads 1 --out " + quote(dir.path() / "t1"));
  run_ok(args + " --threads 2 --out " + quote(dir.path() / "t2"));
  const auto t1 = tables_of(dir.path() / "t1"), t2 = tables_of(dir.path() / "t2");
  for (const auto& [name, text] : t1) {
    INFO(name);
    CHECK(t2.at(name) == text);
  }
  CHECK(read_file(dir.path() / "t1/comparison_draws.csv") ==
        read_file(dir.path() / "t2/comparison_draws.csv"));
  // The conversion is the first driver of the additional contributors in 2030, with a partial
  // rank correlation near 1 (registrations rise with it, person by person: common numbers).
  const auto drivers = rows_of(read_file(dir.path() / "t1/comparison_drivers.csv"));
  REQUIRE(drivers.size() > 1);
  CHECK(drivers[0] ==
        std::vector<std::string>{"strategy", "year", "measure", "key", "prcc", "rank"});
  bool found = false;
  for (const auto& row : drivers) {
    if (row[1] == "2030" && row[2] == "additional_contributors" && row[5] == "1") {
      found = true;
      CHECK(row[3] == "interventions.mobile_offices_south.conversion");
      CHECK(std::stod(row[4]) > 0.8);
    }
  }
  CHECK(found);
}
