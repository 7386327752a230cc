#include "data/workforce_tables.h"

#include <cmath>
#include <sstream>

#include "core/keys.h"
#include "data/keyed_table.h"
#include "data/place_tables.h"

namespace ssproj::data {
namespace {

template <std::size_t N>
std::vector<std::string> words(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

const KeyColumn kSexColumn{"sex", {"male", "female"}};
const KeyColumn kBandColumn{"age_band", words(kAgeBandNames)};
const KeyColumn kAreaColumn{"area", words(kAreaNames)};
const KeyColumn kStatusColumn{"status", words(kStatusNames)};

}  // namespace

std::string number_text(double x) {
  std::ostringstream out;
  out.precision(10);
  out << x;
  return out.str();
}

// Checks that the values of each group (the combinations of the first `group_keys` key
// columns) sum to 1; reports a group that does not at the line of its first row.
bool check_sums(const KeyedTable& t, std::size_t group_keys, const std::string& what,
                const std::string& value_column, core::Diagnostics& diagnostics) {
  std::size_t group_size = 1;
  for (std::size_t k = group_keys; k < t.keys.size(); ++k) group_size *= t.keys[k].words.size();
  bool ok = true;
  for (std::size_t g = 0; g * group_size < t.values.size(); ++g) {
    double sum = 0;
    int line = 0;
    for (std::size_t i = g * group_size; i < (g + 1) * group_size; ++i) {
      sum += t.values[i];
      if (line == 0 || t.lines[i] < line) line = t.lines[i];
    }
    if (std::abs(sum - 1.0) <= kSumTolerance) continue;
    ok = false;
    std::string group;
    std::size_t rest = g;
    std::vector<std::string> parts(group_keys);
    for (std::size_t k = group_keys; k-- > 0;) {
      parts[k] = t.keys[k].name + " " + t.keys[k].words[rest % t.keys[k].words.size()];
      rest /= t.keys[k].words.size();
    }
    for (const std::string& p : parts) group += (group.empty() ? "" : ", ") + p;
    Diagnostic d{t.file.string(),
                 line,
                 1,
                 value_column,
                 what + " do not sum to 1",
                 number_text(sum) + (group.empty() ? "" : " for " + group),
                 "1 within " + number_text(kSumTolerance)};
    diagnostics.add(std::move(d));
  }
  return ok;
}

bool load_workforce_tables(const DataFiles& files, WorkforceInputs& out,
                           core::Diagnostics& diagnostics) {
  const core::Range share{0, 1};
  bool ok = true;

  // Regions: the vocabulary comes from the table itself. Rows with a wrong number of fields
  // are reported by read_keyed_table below, so the name pass reports only when it fails.
  core::Diagnostics name_diagnostics;
  auto region_names =
      read_column_words(files.regions, {"region", "area", "population_share"}, 0, name_diagnostics);
  if (!region_names) {
    for (const Diagnostic& d : name_diagnostics.list()) diagnostics.add(d);
  } else if (region_names->empty()) {
    // Without a region the workforce would silently be left out of the run.
    diagnostics.add(Diagnostic{files.regions.string(), 1, 1, "region", "no region", "no rows",
                               "at least one row: region,area,population_share"});
    region_names.reset();
  } else if (region_names->size() > kMaxRegions) {
    diagnostics.add(Diagnostic{files.regions.string(), 1, 1, "region", "too many regions",
                               std::to_string(region_names->size()),
                               "at most " + std::to_string(kMaxRegions)});
    region_names.reset();
  }
  if (region_names) {
    const KeyColumn regions{"region", *region_names};
    if (auto t = read_keyed_table(files.regions, {regions, kAreaColumn}, "population_share", share,
                                  diagnostics)) {
      ok &= check_sums(*t, 0, "population shares", "population_share", diagnostics);
      out.regions = *region_names;
      out.population_share.assign(region_names->size(), {});
      for (std::size_t r = 0; r < region_names->size(); ++r) {
        for (std::size_t a = 0; a < kNumAreas; ++a) {
          out.population_share[r][a] =
              t->values[t->index({static_cast<int>(r), static_cast<int>(a)})];
        }
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }

  if (auto t = read_keyed_table(files.labour_status_shares,
                                {kSexColumn, kBandColumn, kAreaColumn, kStatusColumn}, "share",
                                share, diagnostics)) {
    ok &= check_sums(*t, 3, "status shares", "share", diagnostics);
    std::size_t i = 0;
    for (auto& bands : out.status_shares) {
      for (auto& areas : bands) {
        for (auto& statuses : areas) {
          for (double& v : statuses) v = t->values[i++];
        }
      }
    }
  } else {
    ok = false;
  }

  const KeyColumn from{"from", words(kStatusNames)};
  const KeyColumn to{"to", words(kStatusNames)};
  if (auto t = read_keyed_table(files.labour_transitions,
                                {kSexColumn, kBandColumn, kAreaColumn, from, to}, "probability",
                                share, diagnostics)) {
    ok &= check_sums(*t, 4, "transition probabilities", "probability", diagnostics);
    std::size_t i = 0;
    for (auto& bands : out.transitions) {
      for (auto& areas : bands) {
        for (auto& matrix : areas) {
          for (auto& row : matrix) {
            for (double& v : row) v = t->values[i++];
          }
        }
      }
    }
  } else {
    ok = false;
  }

  // Earnings: the employed statuses only.
  const KeyColumn employed{
      "status",
      {kStatusNames.begin() + static_cast<int>(Status::kPublicEmployee), kStatusNames.end()}};
  if (auto t = read_keyed_table(files.earnings, {employed, kSexColumn}, "mean_monthly_earnings",
                                core::kKipPerUnit, diagnostics)) {
    for (std::size_t s = 0; s < employed.words.size(); ++s) {
      for (std::size_t x = 0; x < kNumSexes; ++x) {
        out.mean_monthly_earnings[s + static_cast<std::size_t>(Status::kPublicEmployee)][x] =
            t->values[s * kNumSexes + x];
      }
    }
  } else {
    ok = false;
  }

  if (auto t = read_keyed_table(files.age_earnings_profile, {kBandColumn}, "factor", core::kFactor,
                                diagnostics)) {
    for (std::size_t b = 0; b < kNumAgeBands; ++b) out.age_earnings_profile[b] = t->values[b];
  } else {
    ok = false;
  }
  if (!files.invalidity.empty()) {
    if (auto t = read_keyed_table(files.invalidity, {kSexColumn, kBandColumn}, "incidence", share,
                                  diagnostics)) {
      for (std::size_t s = 0; s < kNumSexes; ++s) {
        for (std::size_t b = 0; b < kNumAgeBands; ++b) {
          out.invalidity_incidence[s][b] = t->values[s * kNumAgeBands + b];
        }
      }
    } else {
      ok = false;
    }
  }
  if (!files.survivors.empty()) {
    const KeyColumn quantity{"quantity",
                             {"spouse_probability", "spouse_years", "children", "child_years"}};
    if (auto t = read_keyed_table(files.survivors, {kSexColumn, kBandColumn, quantity}, "value",
                                  core::Range{0, 100}, diagnostics)) {
      std::size_t i = 0;
      for (auto& bands : out.survivors) {
        for (WorkforceInputs::Survivors& sv : bands) {
          sv.spouse_probability = t->values[i++];
          sv.spouse_years = t->values[i++];
          sv.children = t->values[i++];
          sv.child_years = t->values[i++];
          if (sv.spouse_probability > 1) {
            diagnostics.add(Diagnostic{t->file.string(), t->lines[i - 4], 1, "value",
                                       "spouse probability above 1",
                                       number_text(sv.spouse_probability), "a number in [0, 1]"});
            ok = false;
          }
        }
      }
    } else {
      ok = false;
    }
  }
  // The stocks at the valuation date: ages 15..100 in single years.
  std::vector<std::string> ages;
  for (int x = kFirstWorkingAge; x <= kMaxAge; ++x) ages.push_back(std::to_string(x));
  const KeyColumn age_column{"age", ages};
  const KeyColumn scheme_column{"scheme", words(kSchemeNames)};
  if (!files.pensioners.empty()) {
    const KeyColumn benefit{"benefit", words(kStockBenefitNames)};
    const KeyColumn quantity{"quantity", {"persons", "average_monthly_kip"}};
    if (auto t = read_keyed_table(files.pensioners,
                                  {scheme_column, benefit, kSexColumn, age_column, quantity},
                                  "value", core::kKipPerUnit, diagnostics)) {
      std::size_t i = 0;
      for (auto& benefits : out.pensioners) {
        for (auto& sexes : benefits) {
          for (auto& by_age : sexes) {
            for (std::size_t x = kFirstWorkingAge; x < kNumAges; ++x) {
              by_age[x].persons = t->values[i++];
              by_age[x].average_monthly = t->values[i++];
            }
          }
        }
      }
      out.has_pensioners = true;
    } else {
      ok = false;
    }
  }
  if (!files.service.empty()) {
    if (auto t = read_keyed_table(files.service, {scheme_column, kSexColumn, age_column},
                                  "credited_years", core::Range{0, 85}, diagnostics)) {
      std::size_t i = 0;
      for (auto& sexes : out.credited_years) {
        for (auto& by_age : sexes) {
          for (std::size_t x = kFirstWorkingAge; x < kNumAges; ++x) by_age[x] = t->values[i++];
        }
      }
      out.has_service = true;
    } else {
      ok = false;
    }
  }
  // Provinces, districts and sectors: after the regions, whose names they use.
  if (!out.regions.empty()) ok = load_place_tables(files, out, diagnostics) && ok;
  if (!ok) out = WorkforceInputs{};
  return ok;
}

}  // namespace ssproj::data
