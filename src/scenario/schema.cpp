#include "scenario/schema.h"

#include <array>
#include <charconv>
#include <cmath>

namespace ssproj::scenario {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// Calendar years the format accepts at all; the data tables narrow this down.
constexpr Range kYear{1900, 2300, false, false};
constexpr Range kUnbounded{};
constexpr Range kNonNegative{0, kNone, false, false};

const std::array kKeys = {
    KeySpec{"schema_version", Kind::kInteger, true, "", Range{1, 1}, "",
            "Version of the scenario file format; this build reads version 1."},
    KeySpec{"name", Kind::kString, true, "", kUnbounded, "", "Short name of the scenario."},
    KeySpec{"description", Kind::kString, false, "\"\"", kUnbounded, "",
            "What the scenario represents and where its numbers come from."},
    KeySpec{"extends", Kind::kPath, false, "", kUnbounded, "",
            "Scenario file this one is based on, relative to this file; merged deeply, this "
            "file wins."},

    KeySpec{"projection", Kind::kTable, true, "", kUnbounded, "", "Horizon and sampling."},
    KeySpec{"projection.start_year", Kind::kInteger, true, "", kYear, "year",
            "First year in the output tables (stocks on 1 July). At least the base population's "
            "year; the years in between are simulated but not written."},
    KeySpec{"projection.end_year", Kind::kInteger, true, "", kYear, "year",
            "Last year in the output tables (1 July)."},
    KeySpec{"projection.seed", Kind::kInteger, false, "1", Range{0, 9.2233720368547758e18}, "",
            "Master seed of the random numbers; same seed, same results."},
    KeySpec{"projection.sample_fraction", Kind::kNumber, false, "1.0", Range{0, 1, true, false},
            "share", "Share of the population simulated; each person stands for 1/f persons."},
    KeySpec{"projection.replications", Kind::kInteger, false, "1", Range{1, 10000}, "count",
            "Independent replications of the microsimulation."},

    KeySpec{"data", Kind::kTable, true, "", kUnbounded, "",
            "Data tables, as paths relative to the scenario file that names them."},
    KeySpec{"data.base_population", Kind::kPath, true, "", kUnbounded, "CSV",
            "Persons by sex and single age on 1 July of the base year."},
    KeySpec{"data.mortality", Kind::kPath, true, "", kUnbounded, "CSV",
            "Central death rates m_x by calendar year, sex and single age."},
    KeySpec{"data.fertility", Kind::kPath, true, "", kUnbounded, "CSV",
            "Age-specific fertility rates by calendar year and single age of mother."},
    KeySpec{"data.sex_ratio_at_birth", Kind::kPath, true, "", kUnbounded, "CSV",
            "Male births per female birth by calendar year."},
    KeySpec{"data.net_migration", Kind::kPath, true, "", kUnbounded, "CSV",
            "Net international migrants by calendar year, sex and single age."},

    KeySpec{"demography", Kind::kTable, false, "", kUnbounded, "",
            "Scenario multipliers on the demographic data."},
    KeySpec{"demography.mortality_multiplier", Kind::kNumberOrSchedule, false, "1.0", kNonNegative,
            "factor", "Multiplies every central death rate m_x."},
    KeySpec{"demography.fertility_multiplier", Kind::kNumberOrSchedule, false, "1.0", kNonNegative,
            "factor", "Multiplies every age-specific fertility rate."},
    KeySpec{"demography.migration_multiplier", Kind::kNumberOrSchedule, false, "1.0", kUnbounded,
            "factor", "Multiplies every net migrant count."},
};

std::string format_bound(double x, bool integer) {
  // The largest 64-bit integer has no double of its own: 2^63 - 1 rounds to 2^63.
  if (integer && x >= 0x1p63) return "9223372036854775807";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  (void)ec;
  return std::string(buf, end);
}

}  // namespace

bool Range::contains(double x) const {
  if (!std::isfinite(x)) return false;
  if (!std::isnan(min) && (min_open ? x <= min : x < min)) return false;
  if (!std::isnan(max) && (max_open ? x >= max : x > max)) return false;
  return true;
}

std::string Range::expected(bool integer) const {
  const std::string what = integer ? "an integer" : "a number";
  const bool has_min = !std::isnan(min);
  const bool has_max = !std::isnan(max);
  if (has_min && has_max && min == max) return format_bound(min, integer);
  if (has_min && has_max) {
    return what + " in " + (min_open ? "(" : "[") + format_bound(min, integer) + ", " +
           format_bound(max, integer) + (max_open ? ")" : "]");
  }
  if (has_min) return what + (min_open ? " > " : " >= ") + format_bound(min, integer);
  if (has_max) return what + (max_open ? " < " : " <= ") + format_bound(max, integer);
  return integer ? "an integer" : "a finite number";
}

std::span<const KeySpec> scenario_keys() { return kKeys; }

const KeySpec* find_key(std::string_view path) {
  for (const KeySpec& k : kKeys) {
    if (k.path == path) return &k;
  }
  return nullptr;
}

}  // namespace ssproj::scenario
