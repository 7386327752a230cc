// Uncertain inputs ([[uncertain]], docs/uncertainty.md): each distribution's draws against its
// mean and variance, Latin hypercube strata, the streams keyed by the key's name (common draws
// across scenarios), partial rank correlations against hand-built cases, reading and every
// error of the entries, and --set on an intervention's key.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/error.h>
#include <ssproj/scenario.h>

#include "interventions/intervention.h"
#include "support/fixtures.h"
#include "uncertainty/uncertain.h"

namespace {

namespace fs = std::filesystem;
using ssproj::Scenario;
using ssproj::UncertainInput;
using namespace ssproj::uncertainty;

UncertainInput input(std::string key, std::string distribution) {
  UncertainInput in;
  in.key = std::move(key);
  in.distribution = std::move(distribution);
  in.apply = "value";
  return in;
}

Scenario with_inputs(std::vector<UncertainInput> inputs, int replications,
                     std::string sampling = "random", std::uint64_t seed = 7) {
  Scenario s;
  s.projection.seed = seed;
  s.projection.replications = replications;
  s.projection.sampling = std::move(sampling);
  s.uncertain = std::move(inputs);
  return s;
}

struct Moments {
  double mean, variance;
};

// The draws of input k over every replication.
std::vector<double> sample(const Scenario& s, std::size_t k) {
  std::vector<double> xs;
  for (const std::vector<double>& r : draws(s)) xs.push_back(r[k]);
  return xs;
}

// The sample's mean and variance are each within 4 standard errors of `expected` (the standard
// error of the variance from the sample's fourth central moment).
void check_moments(const std::vector<double>& xs, const Moments& expected) {
  const auto n = static_cast<double>(xs.size());
  double mean = 0;
  for (double x : xs) mean += x / n;
  double m2 = 0, m4 = 0;
  for (double x : xs) {
    m2 += (x - mean) * (x - mean) / n;
    m4 += std::pow(x - mean, 4) / n;
  }
  const double se_mean = std::sqrt(expected.variance / n);
  const double se_variance = std::sqrt((m4 - m2 * m2) / n);
  INFO("mean " << mean << " expected " << expected.mean << " (se " << se_mean << "); variance "
               << m2 << " expected " << expected.variance << " (se " << se_variance << ")");
  CHECK(std::abs(mean - expected.mean) < 4 * se_mean);
  CHECK(std::abs(m2 - expected.variance) < 4 * se_variance);
}

}  // namespace

TEST_CASE("each distribution's draws have its mean and variance", "[uncertainty]") {
  constexpr int kDraws = 20000;
  UncertainInput normal = input("a", "normal");
  normal.mean = 0.05;
  normal.sd = 0.01;
  UncertainInput lognormal = input("b", "lognormal");
  lognormal.mean = 2.0;
  lognormal.sd = 1.5;  // skewed: the value's own mean and sd, not the log's
  UncertainInput uniform = input("c", "uniform");
  uniform.min = -1;
  uniform.max = 3;
  UncertainInput triangular = input("d", "triangular");
  triangular.min = 0.1;
  triangular.mode = 0.2;
  triangular.max = 0.5;
  UncertainInput beta = input("e", "beta");
  beta.alpha = 23;  // 22 of 100 attendees registered, a uniform prior
  beta.beta = 79;
  beta.min = 0;
  beta.max = 1;
  UncertainInput scaled_beta = input("f", "beta");
  scaled_beta.alpha = 0.5;  // U-shaped, on 10-20
  scaled_beta.beta = 0.5;
  scaled_beta.min = 10;
  scaled_beta.max = 20;
  for (const std::string sampling : {"random", "latin_hypercube"}) {
    SECTION(sampling) {
      const Scenario s = with_inputs({normal, lognormal, uniform, triangular, beta, scaled_beta},
                                     kDraws, sampling);
      check_moments(sample(s, 0), {0.05, 1e-4});
      check_moments(sample(s, 1), {2.0, 2.25});
      check_moments(sample(s, 2), {1.0, 16.0 / 12});
      const double a = 0.1, c = 0.2, b = 0.5;
      check_moments(sample(s, 3),
                    {(a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18});
      check_moments(sample(s, 4), {23.0 / 102, 23.0 * 79 / (102.0 * 102 * 103)});
      check_moments(sample(s, 5), {15.0, 100 * 0.25 / (1.0 * 2)});
    }
  }
}

TEST_CASE("a distribution of no spread draws its one value", "[uncertainty]") {
  UncertainInput normal = input("a", "normal");
  normal.mean = 0.07;
  UncertainInput uniform = input("b", "uniform");
  uniform.min = uniform.max = 3;
  UncertainInput beta = input("c", "beta");
  beta.alpha = 2;
  beta.beta = 2;
  beta.min = beta.max = 0.4;
  const Scenario s = with_inputs({normal, uniform, beta}, 20);
  for (const std::vector<double>& r : draws(s)) CHECK(r == std::vector<double>{0.07, 3, 0.4});
}

TEST_CASE("Latin hypercube sampling hits each stratum of each input once", "[uncertainty]") {
  for (const int n : {1, 2, 7, 50, 200}) {
    const Scenario s =
        with_inputs({input("a", "uniform"), input("b", "uniform"), input("c", "uniform")}, n,
                    "latin_hypercube");
    std::vector<std::vector<int>> hits(3, std::vector<int>(static_cast<std::size_t>(n), 0));
    for (int r = 0; r < n; ++r) {
      const std::vector<double> u = uniforms(s)[static_cast<std::size_t>(r)];
      for (std::size_t k = 0; k < 3; ++k) {
        const auto stratum = static_cast<std::size_t>(std::floor(u[k] * n));
        REQUIRE(stratum < static_cast<std::size_t>(n));
        ++hits[k][stratum];
      }
    }
    for (const auto& h : hits) CHECK(std::count(h.begin(), h.end(), 1) == n);
  }
  // The orders of two inputs differ (each key has its own shuffle).
  const Scenario s =
      with_inputs({input("a", "uniform"), input("b", "uniform")}, 50, "latin_hypercube");
  int same = 0;
  for (int r = 0; r < 50; ++r) {
    const std::vector<double> u = uniforms(s)[static_cast<std::size_t>(r)];
    if (std::floor(u[0] * 50) == std::floor(u[1] * 50)) ++same;
  }
  CHECK(same < 10);
}

TEST_CASE("a key draws the same value in every scenario of the same seed", "[uncertainty]") {
  // Common random numbers for parameters: the stream is the key's, whatever else the scenario
  // draws and in whatever order; another key or another seed draws otherwise.
  const Scenario one = with_inputs({input("fund.investment_return", "uniform")}, 30);
  const Scenario two = with_inputs(
      {input("coverage.lapse_hazard", "uniform"), input("fund.investment_return", "uniform")}, 30);
  const Scenario other_seed =
      with_inputs({input("fund.investment_return", "uniform")}, 30, "random", 8);
  const auto a = uniforms(one), b = uniforms(two), c = uniforms(other_seed);
  for (std::size_t r = 0; r < 30; ++r) {
    CHECK(a[r][0] == b[r][1]);
    CHECK(a[r][0] != b[r][0]);
    CHECK(a[r][0] != c[r][0]);
  }
  // And different replications draw differently.
  CHECK(a[0][0] != a[1][0]);
}

TEST_CASE("a draw is applied as a --set argument of the key", "[uncertainty]") {
  UncertainInput in = input("fund.investment_return", "normal");
  CHECK(set_argument(in, 0.0625) == "fund.investment_return=0.0625");
  in.apply = "shift";
  CHECK(set_argument(in, -0.01) == "fund.investment_return+=-0.01");
  in.apply = "factor";
  CHECK(set_argument(in, 1.1) == "fund.investment_return*=1.1");
  // The shortest text that reads back as the same number.
  in.apply = "value";
  const double x = 0.1 + 0.2;
  CHECK(set_argument(in, x) == "fund.investment_return=0.30000000000000004");
}

TEST_CASE("partial rank correlations of hand-built cases", "[uncertainty]") {
  // Inputs on a grid: a = 1..6 repeated, b the reverse order of a, c independent of both.
  const std::vector<double> a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  const std::vector<double> c = {5, 1, 9, 12, 3, 7, 2, 11, 6, 10, 4, 8};
  SECTION("an output that rises with one input only") {
    std::vector<double> y;
    for (double x : a) y.push_back(std::exp(x));  // monotone: ranks equal
    const std::vector<double> p = partial_rank_correlations({a, c}, y);
    CHECK(p[0] == Approx(1.0));
    CHECK(std::isnan(p[1]));  // the output is entirely a's: nothing left for c
  }
  SECTION("an output that falls with one input and rises with another") {
    std::vector<double> y;
    for (std::size_t i = 0; i < a.size(); ++i) y.push_back(-2 * a[i] + 0.5 * c[i]);
    const std::vector<double> p = partial_rank_correlations({a, c}, y);
    CHECK(p[0] < -0.9);
    CHECK(p[1] > 0.5);
  }
  SECTION("an input that does not vary, and an output with missing values") {
    const std::vector<double> flat(12, 3.0);
    std::vector<double> y = a;
    y[4] = std::nan("");
    const std::vector<double> p = partial_rank_correlations({a, flat}, y);
    CHECK(p[0] == Approx(1.0));  // over the 11 cases where y is a number
    CHECK(std::isnan(p[1]));
  }
  SECTION("too few cases") {
    const std::vector<double> p =
        partial_rank_correlations({{1, 2, 3, 4}, {4, 1, 3, 2}}, {1, 2, 3, 4});
    CHECK(std::isnan(p[0]));
    CHECK(std::isnan(p[1]));
  }
}

TEST_CASE("[[uncertain]] entries are read with their location and checked", "[uncertainty]") {
  const ssproj::testing::TempDir dir;
  const fs::path lao = ssproj::testing::source_dir() / "scenarios/lao";
  // The strategy without its own uncertain inputs (`uncertain = []` drops those of the file it
  // extends), then the entries under test.
  dir.write("plain.toml",
            "extends = \"" + (lao / "mobile_offices.toml").string() + "\"\nuncertain = []\n");
  const auto file = [&](const std::string& entries) {
    return dir.write("s.toml", "extends = \"plain.toml\"\nname = \"u\"\n" + entries);
  };
  const std::string normal =
      "[[uncertain]]\nkey = \"fund.investment_return\"\ntype = \"normal\"\nmean = 0.0\n"
      "sd = 0.01\napply = \"shift\"\nreason = \"r\"\n";
  SECTION("a valid entry, and an intervention's key by its name") {
    const Scenario s = ssproj::load_scenario(
        file(normal + "[[uncertain]]\nkey = \"interventions.mobile_offices_south.conversion\"\n"
                      "type = \"beta\"\nalpha = 23\nbeta = 79\nreason = \"pilot\"\n"));
    REQUIRE(s.uncertain.size() == 2);
    CHECK(s.uncertain[0].key == "fund.investment_return");
    CHECK(s.uncertain[0].apply == "shift");
    CHECK(s.uncertain[0].line == 4);
    CHECK(s.uncertain[1].distribution == "beta");
    CHECK(s.uncertain[1].max == 1.0);  // the beta's default
    CHECK(s.uncertain[1].apply == "value");
  }
  SECTION("each problem, at its entry") {
    const std::vector<std::string> errors = ssproj::testing::scenario_errors(
        file("[[uncertain]]\nkey = \"fund.investment_returns\"\ntype = \"normal\"\nmean = 0.0\n"
             "sd = 1.0\nreason = \"r\"\n"
             "[[uncertain]]\nkey = \"projection.seed\"\ntype = \"uniform\"\nmin = 1\nmax = 2\n"
             "reason = \"r\"\n"
             "[[uncertain]]\nkey = \"interventions.mobile_office.conversion\"\ntype = \"uniform\"\n"
             "min = 0.1\nmax = 0.2\nreason = \"r\"\n"
             "[[uncertain]]\nkey = \"interventions.mobile_offices_south.sectors\"\n"
             "type = \"uniform\"\nmin = 0.1\nmax = 0.2\nreason = \"r\"\n"
             "[[uncertain]]\nkey = \"coverage.lapse_hazard\"\ntype = \"lognormal\"\nmean = 0.0\n"
             "sd = 0.1\nreason = \"r\"\n"
             "[[uncertain]]\nkey = \"coverage.lapse_hazard\"\ntype = \"triangular\"\nmin = 0.3\n"
             "mode = 0.5\nmax = 0.2\nreason = \"r\"\n"
             "[[uncertain]]\nkey = \"coverage.registration_hazard\"\ntype = \"triangular\"\n"
             "min = 0.1\nmode = 0.5\nmax = 0.2\nreason = \"r\"\n"));
    const std::string f = (dir.path() / "s.toml").string();
    CHECK(errors == std::vector<std::string>{
                        f + ":4:7: error: uncertain[0].key: unknown key (got "
                            "\"fund.investment_returns\", expected a number or schedule key of "
                            "the scenario; did you mean \"fund.investment_return\"?)",
                        f + ":10:7: error: uncertain[1].key: not a number or schedule key (got "
                            "\"projection.seed\", expected a key whose value is a number or a "
                            "schedule (an integer, a word or a list cannot be drawn))",
                        f + ":16:7: error: uncertain[2].key: no intervention of this name (got "
                            "\"mobile_office\", expected the name of an [[interventions]] entry; "
                            "did you mean \"mobile_offices_south\"?)",
                        f + ":22:7: error: uncertain[3].key: not a number or schedule key (got "
                            "\"interventions.mobile_offices_south.sectors\", expected a key whose "
                            "value is a number or a schedule (an integer, a word or a list cannot "
                            "be drawn))",
                        f + ":30:8: error: uncertain[4].mean: a lognormal distribution needs a "
                            "mean > 0 (got 0, expected a number > 0 (use `normal` for values "
                            "that may be negative))",
                        f + ":34:7: error: uncertain[5].key: key made uncertain twice (got "
                            "\"coverage.lapse_hazard\", expected one [[uncertain]] entry per key "
                            "(the first is at line 28))",
                        f + ":38:7: error: uncertain[5].max: max is below min (got 0.2, expected "
                            "a number >= min (0.3))",
                        f + ":44:8: error: uncertain[6].mode: mode outside min-max (got 0.5, "
                            "expected a number from 0.1 to 0.2)"});
  }
  SECTION("a distribution that reaches values the key refuses") {
    const std::vector<std::string> errors = ssproj::testing::scenario_errors(
        file("[[uncertain]]\nkey = \"coverage.lapse_hazard\"\ntype = \"normal\"\nmean = 0.18\n"
             "sd = 0.05\nreason = \"r\"\n"));
    const std::string f = (dir.path() / "s.toml").string();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with(
        f +
        ":4:7: error: uncertain[0]: the distribution's lowest value (its 0.0001% quantile) is "
        "refused: value out of range (got coverage.lapse_hazard=-0.0576"));
    CHECK(
        errors[0].ends_with(", expected a number in [0, 1]; narrow the distribution or choose "
                            "one whose values the key accepts)"));
  }
}

TEST_CASE("a file's [[uncertain]] entries add to those of the file it extends", "[uncertainty]") {
  const ssproj::testing::TempDir dir;
  const fs::path lao = ssproj::testing::source_dir() / "scenarios/lao";
  dir.write("base.toml", "extends = \"" + (lao / "baseline.toml").string() +
                             "\"\n"
                             "[[uncertain]]\nkey = \"fund.investment_return\"\ntype = \"normal\"\n"
                             "mean = 0.0\nsd = 0.01\napply = \"shift\"\nreason = \"r\"\n"
                             "[[uncertain]]\nkey = \"coverage.lapse_hazard\"\ntype = \"uniform\"\n"
                             "min = 0.1\nmax = 0.3\nreason = \"r\"\n");
  const fs::path strategy =
      dir.write("strategy.toml",
                "extends = \"base.toml\"\n"
                "[[uncertain]]\nkey = \"coverage.lapse_hazard\"\ntype = \"uniform\"\n"
                "min = 0.15\nmax = 0.2\nreason = \"narrower\"\n"
                "[[uncertain]]\nkey = \"coverage.registration_hazard\"\n"
                "type = \"uniform\"\nmin = 0.0\nmax = 0.01\nreason = \"r\"\n");
  const Scenario s = ssproj::load_scenario(strategy);
  REQUIRE(s.uncertain.size() == 3);
  CHECK(s.uncertain[0].key == "fund.investment_return");
  CHECK(s.uncertain[1].key == "coverage.lapse_hazard");
  CHECK(s.uncertain[1].min == 0.15);  // replaced in place
  CHECK(s.uncertain[2].key == "coverage.registration_hazard");
}

TEST_CASE("set: a key of an intervention is named by the entry's name", "[uncertainty][cli]") {
  const fs::path file = ssproj::testing::source_dir() / "scenarios/lao/mobile_offices.toml";
  ssproj::ScenarioOverrides o;
  o.set = {"interventions.mobile_offices_south.conversion=0.3",
           "interventions.mobile_offices_south.turnout*=2"};
  const Scenario s = ssproj::load_scenario(file, o);
  const Scenario plain = ssproj::load_scenario(file);
  REQUIRE(s.interventions.size() == 1);
  using ssproj::interventions::MobileRegistration;
  CHECK(s.interventions[0].as<MobileRegistration>().conversion == 0.3);
  CHECK(s.interventions[0].as<MobileRegistration>().turnout ==
        2 * plain.interventions[0].as<MobileRegistration>().turnout);

  o.set = {"interventions.mobile_office.conversion=0.3",
           "interventions.mobile_offices_south.sectors_x=1",
           "interventions.mobile_offices_south.conversion=2"};
  CHECK(ssproj::testing::scenario_errors(file, o) ==
        std::vector<std::string>{
            "command line: --set interventions.mobile_office.conversion=0.3: error: "
            "interventions.mobile_office.conversion: no intervention of this name (got "
            "\"mobile_office\", expected the name of an [[interventions]] entry, in "
            "interventions.NAME.KEY; did you mean \"mobile_offices_south\"?)",
            "command line: --set interventions.mobile_offices_south.sectors_x=1: error: "
            "interventions.mobile_offices_south.sectors_x: not a key of this intervention (got "
            "\"sectors_x\", expected a key of a \"mobile_registration\" intervention (see "
            "docs/interventions.md))",
            "command line: --set interventions.mobile_offices_south.conversion=2: error: "
            "interventions[0].conversion: value out of range (got 2, expected a number in [0, "
            "1])"});
}
