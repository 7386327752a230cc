// The tables of every committed Lao scenario, as checksums: a refactoring must leave every byte
// of them unchanged at the same seed. The comparison of the baseline with every strategy (2%
// samples, common random numbers) and the pilot run are hashed file by file.
//
// After an intended change of the numbers, regenerate with
//   SSPROJ_UPDATE_GOLDEN=1 ./build/tests/ssproj_tests "[checksum]"
// and explain the change in the commit message.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/fixtures.h"
#include "util/sha256.h"

namespace {

namespace fs = std::filesystem;
using ssproj::testing::quote;

// "relative/path sha256" for every CSV table below `dir`, sorted by path.
std::string checksums(const fs::path& dir, const std::string& prefix) {
  std::vector<std::string> lines;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".csv") continue;
    lines.push_back(prefix + fs::relative(entry.path(), dir).generic_string() + " " +
                    ssproj::util::sha256_file_hex(entry.path()));
  }
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

}  // namespace

TEST_CASE("Every Lao scenario gives the recorded tables", "[model][checksum]") {
  const fs::path lao = ssproj::testing::source_dir() / "scenarios/lao";
  std::vector<std::string> strategies;
  for (const auto& entry : fs::directory_iterator(lao)) {
    const std::string stem = entry.path().stem().string();
    // sensitivity.toml is a sensitivity plan, not a scenario (its test: sensitivity_test.cpp).
    if (entry.path().extension() == ".toml" && stem != "baseline" && stem != "pilot_villages" &&
        stem != "sensitivity") {
      strategies.push_back(stem);
    }
  }
  std::sort(strategies.begin(), strategies.end());
  REQUIRE(strategies.size() >= 8);

  const ssproj::testing::TempDir dir;
  std::string args = "compare " + quote(lao / "baseline.toml");
  for (const std::string& s : strategies) args += " " + quote(lao / (s + ".toml"));
  args += " --sample-fraction 0.02 --quiet --out " + quote(dir.path() / "compare");
  const ssproj::testing::Result compare = ssproj::testing::run_ssproj(args);
  INFO(compare.err);
  REQUIRE(compare.status == 0);
  const ssproj::testing::Result pilot =
      ssproj::testing::run_ssproj("run " + quote(lao / "pilot_villages.toml") + " --quiet --out " +
                                  quote(dir.path() / "pilot"));
  INFO(pilot.err);
  REQUIRE(pilot.status == 0);

  const std::string actual =
      checksums(dir.path() / "compare", "compare/") + checksums(dir.path() / "pilot", "pilot/");
  const fs::path file = ssproj::testing::source_dir() / "tests/golden/lao_tables.sha256";
  if (std::getenv("SSPROJ_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(file, std::ios::binary) << actual;
  }
  const std::string expected = ssproj::testing::read_file(file);
  REQUIRE_FALSE(expected.empty());
  CHECK(actual == expected);
}
