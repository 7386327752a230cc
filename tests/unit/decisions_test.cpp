// The decision measures and their summary on hand-made series: what compare keeps of each
// replication (ComparedReplication) is all the comparison tables read.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/compare.h>

namespace {

using namespace ssproj;

// A replication over 2030-2031 with `active` contributors in each year and `cost` kip of
// programme cost in 2031; prices constant, no fund.
ComparedReplication replication(double active_2030, double active_2031, double cost) {
  ComparedReplication r;
  StrategySeries& s = r.series;
  s.years = {2030, 2031};
  s.active = {active_2030, active_2031};
  s.employed = {1000, 1000};
  s.programme = {0, cost};
  s.subsidy = {0, 0};
  s.reserve = {0, 0};
  s.paygo = {0, 0};
  s.price = {1, 1};
  s.income = {0, 0};
  s.outgo = {0, 0};
  return r;
}

StrategyRun strategy(const std::string& name, std::vector<ComparedReplication> replications) {
  StrategyRun run;
  run.name = name;
  run.scenario.projection.start_year = 2030;
  run.scenario.projection.end_year = 2031;
  run.scenario.projection.replications = static_cast<int>(replications.size());
  run.scenario.economy.social_discount_rate = 0;
  run.replications = std::move(replications);
  return run;
}

// A baseline and a strategy that gains 10 contributors in 2031 in replication 1 and none in
// replication 2, at 1,000 kip each time: 100 kip per additional contributor-year in
// replication 1, none in 2.
std::vector<StrategyRun> one_replication_gains_nothing() {
  return {strategy("baseline", {replication(100, 100, 0), replication(100, 100, 0)}),
          strategy("visits", {replication(100, 110, 1000), replication(100, 100, 1000)})};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("decisions: a cost per contributor undefined in one replication is counted, not averaged",
          "[compare][decisions]") {
  const std::vector<StrategyRun> runs = one_replication_gains_nothing();
  const std::string csv = decisions_csv(runs, {2031});
  INFO(csv);
  CHECK(csv.find("\nvisits,2031,additional_contributors,higher,5,0.5,5,9.5,1,0.5,0.75\n") !=
        std::string::npos);
  // The mean and quantiles are over the replications where the measure is defined, with their
  // share; P(first): replication 1 only (in replication 2 no scenario has a value).
  CHECK(csv.find("\nvisits,2031,cost_per_additional_contributor_year,lower,100,100,100,100,0.5,,"
                 "0.5\n") != std::string::npos);
  CHECK(csv.find("\nbaseline,2031,cost_per_additional_contributor_year,lower,,,,,0,,0\n") !=
        std::string::npos);
  const std::string summary = decisions_summary(runs, {2031});
  INFO(summary);
  CHECK(summary.find("100 (n/a in 1 of 2)") != std::string::npos);
  CHECK(summary.find("5 [0.5 to 9.5]") != std::string::npos);
  // Every row of the year's block has its column bars where the header has them, however long
  // its cells.
  const std::vector<std::string> lines = lines_of(summary);
  std::size_t header = 0;
  while (header < lines.size() && lines[header].rfind("to 2031", 0) != 0) ++header;
  REQUIRE(header + 2 < lines.size());
  const auto bars = [](const std::string& line) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '|') at.push_back(i);
    }
    return at;
  };
  CHECK(bars(lines[header]).size() == 2);
  CHECK(bars(lines[header + 1]) == bars(lines[header]));
  CHECK(bars(lines[header + 2]) == bars(lines[header]));
}

TEST_CASE("compare summary: the cost per contributor-year over the replications that gain",
          "[compare][decisions]") {
  const std::string summary = comparison_summary(one_replication_gains_nothing(), {2031});
  INFO(summary);
  CHECK(summary.find("100 (n/a in 1)") != std::string::npos);
  // No general average premium in these series: a dash, not "nan".
  CHECK(summary.find("nan") == std::string::npos);
  std::string base_line, visits_line;
  for (const std::string& line : lines_of(summary)) {
    if (line.rfind("baseline ", 0) == 0) base_line = line;
    if (line.rfind("visits ", 0) == 0) visits_line = line;
  }
  CHECK(base_line.size() == visits_line.size());
}
