// Golden outputs of a small scenario: any change to the numbers shows up here. After an
// intended change, regenerate with SSPROJ_UPDATE_GOLDEN=1 ./build/tests/ssproj_tests "[golden]"
// and explain the change in the commit message.
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>

#include <ssproj/output.h>
#include <ssproj/simulate.h>

#include "support/fixtures.h"

using namespace ssproj;

namespace {

void check_golden(const std::string& name, const std::string& actual) {
  const auto file = testing::source_dir() / "tests/golden" / name;
  if (std::getenv("SSPROJ_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(file, std::ios::binary) << actual;
  }
  const std::string expected = testing::read_file(file);
  REQUIRE_FALSE(expected.empty());
  CHECK(actual == expected);
}

}  // namespace

TEST_CASE("Golden tables of a small scenario", "[model][golden]") {
  testing::TempDir dir;
  testing::SmallDataOptions data;
  data.persons_per_cell = 40;
  data.mx = 0.02;
  data.asfr = 0.07;
  data.net_migrants = -0.5;
  const auto file = testing::write_small_scenario(
      dir, data, "start_year = 2020\nend_year = 2030\nseed = 17\nreplications = 3\n");
  const Scenario s = load_scenario(file);
  const ProjectionResults r = simulate(s, RunOptions{});
  check_golden("small_population.csv", microsimulation_population_csv(r.replications));
  check_golden("small_population_cohort.csv", cohort_population_csv(r.cohort));
}
