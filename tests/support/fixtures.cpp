#include "support/fixtures.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <sstream>

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

namespace {

std::string by_year_sex_age(const std::string& header, int first, int last, double value) {
  std::ostringstream out;
  out << header << '\n';
  for (int year = first; year <= last; ++year) {
    for (const char* sex : {"male", "female"}) {
      for (int age = 0; age <= kMaxAge; ++age) out << year << ',' << sex << ',' << age << ',' << value << '\n';
    }
  }
  return out.str();
}

}  // namespace

fs::path write_small_scenario(const TempDir& dir, const SmallDataOptions& d,
                              const std::string& projection) {
  dir.write("data/base_population.csv",
            by_year_sex_age("year,sex,age,persons", d.first_year, d.first_year, d.persons_per_cell));
  dir.write("data/mortality.csv", by_year_sex_age("year,sex,age,mx", d.first_year, d.last_year, d.mx));
  dir.write("data/net_migration.csv",
            by_year_sex_age("year,sex,age,net_migrants", d.first_year, d.last_year, d.net_migrants));
  std::ostringstream fertility, srb;
  fertility << "year,age,asfr\n";
  srb << "year,sex_ratio_at_birth\n";
  for (int year = d.first_year; year <= d.last_year; ++year) {
    for (int age = 15; age <= 49; ++age) fertility << year << ',' << age << ',' << d.asfr << '\n';
    srb << year << ',' << d.sex_ratio_at_birth << '\n';
  }
  dir.write("data/fertility.csv", fertility.str());
  dir.write("data/sex_ratio_at_birth.csv", srb.str());
  return dir.write("scenario.toml",
                   "schema_version = 1\n"
                   "name = \"small\"\n"
                   "\n"
                   "[projection]\n" +
                       projection +
                       "\n"
                       "[data]\n"
                       "base_population = \"data/base_population.csv\"\n"
                       "mortality = \"data/mortality.csv\"\n"
                       "fertility = \"data/fertility.csv\"\n"
                       "sex_ratio_at_birth = \"data/sex_ratio_at_birth.csv\"\n"
                       "net_migration = \"data/net_migration.csv\"\n");
}

Scenario make_scenario(int base_year, int end_year, double persons_per_cell, double mx,
                       double asfr, double net_migrants, double sample_fraction,
                       std::uint64_t seed, int replications) {
  Scenario s;
  s.name = "in-memory";
  s.projection = ProjectionSettings{base_year, end_year, seed, sample_fraction, replications};
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

}  // namespace ssproj::testing
