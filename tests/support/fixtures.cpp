#include "support/fixtures.h"

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include <ssproj/error.h>

namespace ssproj::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("ssproj-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& contents) const {
  const fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << contents;
  if (!out) throw IoError("cannot write " + file.string());
  return file;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

fs::path source_dir() { return SSPROJ_SOURCE_DIR; }

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}
std::string quote(const fs::path& p) { return quote(p.string()); }

Result run_ssproj(const std::string& args, const fs::path& cwd, const std::string& launcher) {
  const TempDir io;
  const fs::path out = io.path() / "stdout";
  const fs::path err = io.path() / "stderr";
  const std::string command = "cd " + quote(cwd) + " && " + launcher +
                              quote(std::string(SSPROJ_BINARY)) + " " + args + " >" + quote(out) +
                              " 2>" + quote(err) + " </dev/null";
  const int raw = std::system(command.c_str());
  Result r;
  r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

namespace {

std::string by_year_sex_age(const std::string& header, int first, int last, double value) {
  std::ostringstream out;
  out << header << '\n';
  for (int year = first; year <= last; ++year) {
    for (const char* sex : {"male", "female"}) {
      for (int age = 0; age <= kMaxAge; ++age) {
        out << year << ',' << sex << ',' << age << ',' << value << '\n';
      }
    }
  }
  return out.str();
}

// The shortest text that reads back to the same double.
std::string number(double x) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  (void)ec;
  return std::string(buf, end);
}

}  // namespace

TransitionMatrix identity_transitions() {
  TransitionMatrix m{};
  for (std::size_t s = 0; s < kNumStatuses; ++s) m[s][s] = 1.0;
  return m;
}

TransitionMatrix mixing_transitions(double stay) {
  TransitionMatrix m{};
  for (std::size_t from = 0; from < kNumStatuses; ++from) {
    for (std::size_t to = 0; to < kNumStatuses; ++to) {
      m[from][to] = from == to ? stay : (1.0 - stay) / (kNumStatuses - 1);
    }
  }
  return m;
}

WorkforceInputs make_workforce_inputs(const SmallWorkforce& w) {
  WorkforceInputs in;
  for (const auto& [name, shares] : w.regions) {
    in.regions.push_back(name);
    in.population_share.push_back(shares);
  }
  for (auto& bands : in.status_shares) {
    for (auto& areas : bands) areas.fill(w.status_shares);
  }
  for (auto& bands : in.transitions) {
    for (auto& areas : bands) areas.fill(w.transitions);
  }
  for (std::size_t st = 0; st < kNumStatuses; ++st) {
    if (is_employed(static_cast<Status>(st))) {
      in.mean_monthly_earnings[st].fill(w.mean_monthly_earnings[st]);
    }
  }
  in.age_earnings_profile = w.age_earnings_profile;
  return in;
}

void write_workforce_tables(const TempDir& dir, const SmallWorkforce& w) {
  std::ostringstream regions, shares, transitions, earnings, profile;
  regions << "region,area,population_share\n";
  for (const auto& [name, area_shares] : w.regions) {
    for (std::size_t a = 0; a < kNumAreas; ++a) {
      regions << name << ',' << kAreaNames[a] << ',' << number(area_shares[a]) << '\n';
    }
  }
  shares << "sex,age_band,area,status,share\n";
  transitions << "sex,age_band,area,from,to,probability\n";
  for (const char* sex : {"male", "female"}) {
    for (std::string_view band : kAgeBandNames) {
      for (std::string_view area : kAreaNames) {
        for (std::size_t st = 0; st < kNumStatuses; ++st) {
          shares << sex << ',' << band << ',' << area << ',' << kStatusNames[st] << ','
                 << number(w.status_shares[st]) << '\n';
          for (std::size_t to = 0; to < kNumStatuses; ++to) {
            transitions << sex << ',' << band << ',' << area << ',' << kStatusNames[st] << ','
                        << kStatusNames[to] << ',' << number(w.transitions[st][to]) << '\n';
          }
        }
      }
    }
  }
  earnings << "status,sex,mean_monthly_earnings\n";
  for (std::size_t st = 0; st < kNumStatuses; ++st) {
    if (!is_employed(static_cast<Status>(st))) continue;
    for (const char* sex : {"male", "female"}) {
      earnings << kStatusNames[st] << ',' << sex << ',' << number(w.mean_monthly_earnings[st])
               << '\n';
    }
  }
  profile << "age_band,factor\n";
  for (std::size_t b = 0; b < kNumAgeBands; ++b) {
    profile << kAgeBandNames[b] << ',' << number(w.age_earnings_profile[b]) << '\n';
  }
  dir.write("data/regions.csv", regions.str());
  dir.write("data/labour_status_shares.csv", shares.str());
  dir.write("data/labour_transitions.csv", transitions.str());
  dir.write("data/earnings.csv", earnings.str());
  dir.write("data/age_earnings_profile.csv", profile.str());
}

const std::string kWorkforceDataKeys =
    "regions = \"data/regions.csv\"\n"
    "labour_status_shares = \"data/labour_status_shares.csv\"\n"
    "labour_transitions = \"data/labour_transitions.csv\"\n"
    "earnings = \"data/earnings.csv\"\n"
    "age_earnings_profile = \"data/age_earnings_profile.csv\"\n";

const std::string kFundAllocation = "\n[fund.allocation]\nold_age = 1.0\n";

fs::path write_small_scenario(const TempDir& dir, const SmallDataOptions& d,
                              const std::string& projection, const std::string& sections) {
  dir.write("data/base_population.csv", by_year_sex_age("year,sex,age,persons", d.first_year,
                                                        d.first_year, d.persons_per_cell));
  dir.write("data/mortality.csv",
            by_year_sex_age("year,sex,age,mx", d.first_year, d.last_year, d.mx));
  dir.write("data/net_migration.csv", by_year_sex_age("year,sex,age,net_migrants", d.first_year,
                                                      d.last_year, d.net_migrants));
  std::ostringstream fertility, srb;
  fertility << "year,age,asfr\n";
  srb << "year,sex_ratio_at_birth\n";
  for (int year = d.first_year; year <= d.last_year; ++year) {
    for (int age = 15; age <= 49; ++age) fertility << year << ',' << age << ',' << d.asfr << '\n';
    srb << year << ',' << d.sex_ratio_at_birth << '\n';
  }
  dir.write("data/fertility.csv", fertility.str());
  dir.write("data/sex_ratio_at_birth.csv", srb.str());
  if (d.workforce) write_workforce_tables(dir, *d.workforce);
  return dir.write("scenario.toml",
                   small_scenario_text(projection) +
                       (d.workforce ? kWorkforceDataKeys + kFundAllocation : std::string()) +
                       sections);
}

const std::string kSmallDataSection =
    "[data]\n"
    "base_population = \"data/base_population.csv\"\n"
    "mortality = \"data/mortality.csv\"\n"
    "fertility = \"data/fertility.csv\"\n"
    "sex_ratio_at_birth = \"data/sex_ratio_at_birth.csv\"\n"
    "net_migration = \"data/net_migration.csv\"\n";

std::string small_scenario_text(const std::string& projection, const std::string& more) {
  return "schema_version = 1\n"
         "name = \"small\"\n"
         "\n"
         "[projection]\n" +
         projection + "\n" + more + kSmallDataSection;
}

Scenario make_scenario(int base_year, int end_year, double persons_per_cell, double mx, double asfr,
                       double net_migrants, double sample_fraction, std::uint64_t seed,
                       int replications) {
  Scenario s;
  s.name = "in-memory";
  s.projection = ProjectionSettings{base_year,    end_year,  seed,  sample_fraction,
                                    replications, "current", "all", "random"};
  DemographicInputs& in = s.inputs;
  in.base_year = base_year;
  for (auto& ages : in.base_population) ages.fill(persons_per_cell);
  in.first_year = base_year;
  in.last_year = end_year;
  const auto years = static_cast<std::size_t>(end_year - base_year + 1);
  SexAgeTable m{};
  for (auto& ages : m) ages.fill(mx);
  SexAgeTable migrants{};
  for (auto& ages : migrants) ages.fill(net_migrants);
  AgeVector f{};
  for (int x = 15; x <= 49; ++x) f[static_cast<std::size_t>(x)] = asfr;
  in.mortality.assign(years, m);
  in.fertility.assign(years, f);
  in.sex_ratio_at_birth.assign(years, 1.05);
  in.net_migrants.assign(years, migrants);
  return s;
}

std::vector<std::string> scenario_errors(const std::filesystem::path& file,
                                         const ScenarioOverrides& overrides) {
  try {
    (void)load_scenario(file, overrides);
  } catch (const ScenarioError& e) {
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics()) out.push_back(d.to_string());
    return out;
  }
  // No Catch macro here: this file is also linked into the fuzzers, which have no Catch.
  // An exception escaping a test case fails it with this message.
  throw std::logic_error("load_scenario(" + file.string() + ") did not throw ScenarioError");
}

}  // namespace ssproj::testing
