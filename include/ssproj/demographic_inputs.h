// Demographic input tables in memory: the base population and the rates by calendar year.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ssproj {

// Single years of age 0..kMaxAge; the last age is the open group (kMaxAge = 100 means 100+).
inline constexpr int kMaxAge = 100;
inline constexpr int kNumAges = kMaxAge + 1;

enum class Sex : std::uint8_t { kMale = 0, kFemale = 1 };
inline constexpr int kNumSexes = 2;
inline constexpr std::array<Sex, kNumSexes> kSexes = {Sex::kMale, Sex::kFemale};
// "male" or "female", as written in data tables and outputs.
const char* sex_name(Sex sex);

using AgeVector = std::array<double, kNumAges>;        // indexed by age 0..100
using SexAgeTable = std::array<AgeVector, kNumSexes>;  // indexed by [sex][age]

// A data file that was read, with the SHA-256 of its bytes (lowercase hex), for provenance.
struct DataFileRecord {
  std::string key;             // the scenario key that named it, e.g. "data.mortality"
  std::filesystem::path path;  // as resolved against the scenario file that named it
  std::string sha256;
};

// The demographic inputs of a projection, all validated on load.
//
// Timing: stocks (the base population) refer to 1 July of `base_year`; rates, the sex ratio at
// birth and net migration refer to calendar years (1 January to 31 December). Every yearly
// table covers the calendar years first_year..last_year, which include base_year..end_year of
// the projection.
struct DemographicInputs {
  int base_year = 0;
  SexAgeTable base_population{};  // persons on 1 July base_year, by sex and age

  int first_year = 0;  // first calendar year of the yearly tables
  int last_year = 0;   // last calendar year of the yearly tables
  // Indexed by (year - first_year):
  std::vector<SexAgeTable> mortality;      // central death rate m_x, deaths per person-year
  std::vector<AgeVector> fertility;        // births per woman per year by age of mother
  std::vector<double> sex_ratio_at_birth;  // male births per female birth
  std::vector<SexAgeTable> net_migrants;   // persons per calendar year (negative: emigration)

  std::vector<DataFileRecord> files;

  int year_index(int year) const { return year - first_year; }
};

}  // namespace ssproj
