// The workforce and the scheme's membership: vocabulary and input tables.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <ssproj/demographic_inputs.h>

namespace ssproj {

// Labour status of a person aged 15 or more (children are kInactive). The numbers are part
// of the engine's state layout; the names are what data tables and outputs use.
enum class Status : std::uint8_t {
  kInactive = 0,
  kUnemployed = 1,
  kPublicEmployee = 2,
  kFormalPrivateEmployee = 3,
  kInformalEmployee = 4,
  kDomesticWorker = 5,
  kOwnAccount = 6,
  kContributingFamily = 7,
};
inline constexpr int kNumStatuses = 8;
inline constexpr std::array<std::string_view, kNumStatuses> kStatusNames = {
    "inactive",          "unemployed",      "public_employee", "formal_private_employee",
    "informal_employee", "domestic_worker", "own_account",     "contributing_family"};
inline bool is_employed(Status s) { return s >= Status::kPublicEmployee; }

enum class Area : std::uint8_t { kUrban = 0, kRural = 1 };
inline constexpr int kNumAreas = 2;
inline constexpr std::array<std::string_view, kNumAreas> kAreaNames = {"urban", "rural"};

// Which scheme a registered member belongs to (the last one they contributed to): the
// compulsory scheme of private-sector employees (and of every compulsory status other than
// public employees), the voluntary scheme, and the public employees' (civil servants') scheme.
// Each has its own rules and results; one fund holds them.
enum class Scheme : std::uint8_t { kNone = 0, kPrivate = 1, kVoluntary = 2, kCivilServant = 3 };
inline constexpr int kNumSchemes = 3;
// The names in the outputs and the scenario, by scheme index (Scheme value - 1).
inline constexpr std::array<std::string_view, kNumSchemes> kSchemeNames = {"private", "voluntary",
                                                                           "civil_servant"};
// The index of a member's scheme in per-scheme arrays. REQUIRES: s != Scheme::kNone.
inline constexpr std::size_t scheme_index(Scheme s) { return static_cast<std::size_t>(s) - 1; }
inline constexpr std::size_t scheme_index(std::uint8_t s) {
  return static_cast<std::size_t>(s) - 1;
}
inline constexpr Scheme scheme_at(std::size_t index) { return static_cast<Scheme>(index + 1); }
// The compulsory scheme of a status the law (or a mandate) makes compulsory.
inline constexpr Scheme compulsory_scheme(Status s) {
  return s == Status::kPublicEmployee ? Scheme::kCivilServant : Scheme::kPrivate;
}

// The pensions in payment at the valuation date, by benefit (data.pensioners).
enum class StockBenefit : std::uint8_t { kOldAge = 0, kInvalidity = 1, kSurvivor = 2 };
inline constexpr int kNumStockBenefits = 3;
inline constexpr std::array<std::string_view, kNumStockBenefits> kStockBenefitNames = {
    "old_age", "invalidity", "survivor"};

// Never registered; registered and contributing (active); registered but not contributing.
enum class Membership : std::uint8_t { kNever = 0, kActive = 1, kLapsed = 2 };

// Age bands of the labour data and the workforce outputs: 15-19, ..., 60-64, 65+.
inline constexpr int kFirstWorkingAge = 15;
inline constexpr int kNumAgeBands = 11;
inline constexpr std::array<std::string_view, kNumAgeBands> kAgeBandNames = {
    "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
    "45-49", "50-54", "55-59", "60-64", "65+"};
// The band of an age, or -1 below 15.
inline constexpr int age_band(int age) {
  return age < kFirstWorkingAge ? -1
                                : (age >= 65 ? kNumAgeBands - 1 : (age - kFirstWorkingAge) / 5);
}

using StatusVector = std::array<double, kNumStatuses>;
using TransitionMatrix = std::array<StatusVector, kNumStatuses>;  // [from][to]
// Indexed by [sex][age band][area].
template <typename T>
using SexBandAreaTable = std::array<std::array<std::array<T, kNumAreas>, kNumAgeBands>, kNumSexes>;

// The workforce inputs, all validated on load (see docs/scenario-reference.md for the files).
struct WorkforceInputs {
  // Region names in the order of the regions table; persons carry the index.
  std::vector<std::string> regions;
  // Share of the population living in each region and area, [region][area]; sums to 1.
  std::vector<std::array<double, kNumAreas>> population_share;
  // Shares of the statuses among persons of each sex, age band and area at the base year.
  SexBandAreaTable<StatusVector> status_shares{};
  // Annual probabilities of moving between statuses (rows sum to 1).
  SexBandAreaTable<TransitionMatrix> transitions{};
  // Mean gross monthly earnings by [status][sex], kip at base-year prices (employed only).
  std::array<std::array<double, kNumSexes>, kNumStatuses> mean_monthly_earnings{};
  // Earnings by age band relative to the status mean.
  std::array<double, kNumAgeBands> age_earnings_profile{};

  // Benefits (optional tables; zero when absent): annual invalidity incidence among active
  // members, [sex][band]; on the death of an insured person of that sex and age band, the
  // probability of leaving an eligible spouse, the spouse pension's expected duration in
  // years, the expected number of eligible children and their pensions' expected duration.
  std::array<std::array<double, kNumAgeBands>, kNumSexes> invalidity_incidence{};
  struct Survivors {
    double spouse_probability = 0;
    double spouse_years = 0;
    double children = 0;
    double child_years = 0;
  };
  std::array<std::array<Survivors, kNumAgeBands>, kNumSexes> survivors{};

  // The stocks at the valuation date (1 July of the base year), whole-population units.
  // Pensions in payment (data.pensioners), by [scheme index][StockBenefit][sex][age]; all zero
  // without the table.
  struct PensionStock {
    double persons = 0;
    double average_monthly = 0;  // kip per month, base-year level
  };
  using StockBySexAge = std::array<std::array<PensionStock, kNumAges>, kNumSexes>;
  std::array<std::array<StockBySexAge, kNumStockBenefits>, kNumSchemes> pensioners{};
  bool has_pensioners = false;
  // Mean credited years of contribution of active members (data.service), by [scheme
  // index][sex][age]; without the table, members' records start at the scheme's history year.
  std::array<std::array<std::array<double, kNumAges>, kNumSexes>, kNumSchemes> credited_years{};
  bool has_service = false;

  // Places and sectors (data.provinces, data.districts, data.sector_shares; each optional).
  // Persons carry a province, a district and a sector in one byte each.
  //
  // Provinces in the order of data.provinces (has_provinces). Without that table these are
  // empty, and each region is one province of the same name (num_provinces() and the functions
  // after it): a person's province is their region.
  std::vector<std::string> provinces;
  std::vector<std::size_t> province_region;  // index into `regions`
  // P(province | region, area), [province][area]: within each region and area the shares of
  // the region's provinces sum to 1 (the province's population times its urban or rural share).
  std::vector<std::array<double, kNumAreas>> province_share;
  bool has_provinces = false;
  // The named districts (data.districts); persons carry 1 + the index, 0 when they live
  // elsewhere in their province.
  std::vector<std::string> districts;
  std::vector<std::size_t> district_province;  // index into `provinces`
  std::vector<double> district_share;          // of its province's residents, in [0, 1]
  // Whether a social security office was present in the base year: 0 no, 1 yes, 2 unknown.
  std::vector<std::uint8_t> district_office;
  // Sectors of work (data.sector_shares); employed persons carry 1 + the index of the sector of
  // their current job, everyone else 0.
  std::vector<std::string> sectors;
  // Share of the workers of each employed status and area in each sector:
  // [status][area][sector], summing to 1 over sectors (empty for statuses without work).
  std::array<std::array<std::vector<double>, kNumAreas>, kNumStatuses> sector_share{};
};

// The provinces as the engine counts them: those of data.provinces, or without it one per
// region (province q is region q, named after it).
inline std::size_t num_provinces(const WorkforceInputs& w) {
  return w.has_provinces ? w.provinces.size() : w.regions.size();
}
inline std::size_t province_region(const WorkforceInputs& w, std::size_t q) {
  return w.has_provinces ? w.province_region[q] : q;
}
inline const std::string& province_name(const WorkforceInputs& w, std::size_t q) {
  return w.has_provinces ? w.provinces[q] : w.regions[q];
}

// The rows of WorkforceYear::places: the provinces, then the named districts, then the sectors.
inline std::size_t num_place_rows(const WorkforceInputs& w) {
  return num_provinces(w) + w.districts.size() + w.sectors.size();
}

// At most this many provinces, named districts and sectors (each is one byte of a person's
// state, and 0 means "none" for districts and sectors).
inline constexpr std::size_t kMaxProvinces = 255;
inline constexpr std::size_t kMaxDistricts = 255;
inline constexpr std::size_t kMaxSectors = 255;

}  // namespace ssproj
