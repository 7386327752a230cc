#include "data/place_tables.h"

#include <algorithm>

#include "core/range.h"
#include "data/csv.h"
#include "data/keyed_table.h"
#include "data/workforce_tables.h"

namespace ssproj::data {
namespace {

// Looks `name` up in `names`; reports an unknown one at the row's field with a suggestion.
// `source`: the table that defines the names.
std::optional<std::size_t> lookup(const CsvFile& csv, const CsvFile::Row& row, std::size_t field,
                                  const std::vector<std::string>& names, const std::string& what,
                                  const std::filesystem::path& source,
                                  core::Diagnostics& diagnostics) {
  const std::string name(row.fields[field]);
  const auto found = std::find(names.begin(), names.end(), name);
  if (found != names.end()) return static_cast<std::size_t>(found - names.begin());
  csv.report(diagnostics, row, field, "unknown " + what, "\"" + name + "\"",
             core::expected_word(name, names, "a " + what + " of " + source.filename().string()));
  return std::nullopt;
}

// A new name of a table that defines its vocabulary: not empty, not seen before.
bool new_name(const CsvFile& csv, const CsvFile::Row& row, std::size_t field,
              const std::vector<std::string>& seen, const std::string& what,
              core::Diagnostics& diagnostics) {
  const std::string name(row.fields[field]);
  if (name.empty()) {
    csv.report(diagnostics, row, field, "empty " + what + " name", "\"\"", "a name");
    return false;
  }
  if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
    csv.report(diagnostics, row, field, "duplicate " + what, "\"" + name + "\"",
               "each " + what + " once");
    return false;
  }
  return true;
}

std::optional<double> bounded(const CsvFile& csv, const CsvFile::Row& row, std::size_t field,
                              const core::Range& range, const std::string& expected,
                              core::Diagnostics& diagnostics) {
  const std::optional<double> x = csv.number(row, field, diagnostics);
  if (!x) return std::nullopt;
  if (!range.contains(*x)) {
    csv.report(diagnostics, row, field, "value out of range", number_text(*x), expected);
    return std::nullopt;
  }
  return x;
}

// Census populations: positive, and below 1e9 (no province or district comes near).
const core::Range kPopulation{0, 1e9, true, false};

bool load_provinces(const std::filesystem::path& file, const std::filesystem::path& regions_file,
                    WorkforceInputs& out, std::vector<double>& population,
                    core::Diagnostics& diagnostics) {
  const std::optional<CsvFile> csv =
      CsvFile::read(file, {"province", "region", "population_total", "urban_share"}, diagnostics,
                    CsvFile::Header::kNamed);
  if (!csv) return false;
  const std::size_t before = diagnostics.size();
  std::vector<std::string> names;
  std::vector<std::size_t> regions;
  std::vector<double> urban;
  for (const CsvFile::Row& row : csv->rows()) {
    const bool fresh = new_name(*csv, row, 0, names, "province", diagnostics);
    const auto region = lookup(*csv, row, 1, out.regions, "region", regions_file, diagnostics);
    const auto persons =
        bounded(*csv, row, 2, kPopulation, "a positive number of persons, below 1e9", diagnostics);
    const auto share = bounded(*csv, row, 3, core::Range{0, 1}, "a share in [0, 1]", diagnostics);
    if (!fresh || !region || !persons || !share) continue;
    names.emplace_back(row.fields[0]);
    regions.push_back(*region);
    population.push_back(*persons);
    urban.push_back(*share);
  }
  if (diagnostics.size() > before) return false;
  if (names.empty() || names.size() > kMaxProvinces) {
    csv->report_file(diagnostics, "province", names.empty() ? "no province" : "too many provinces",
                     std::to_string(names.size()),
                     "1 to " + std::to_string(kMaxProvinces) + " rows");
    return false;
  }
  // Each region and area with residents needs a province to put them in.
  std::vector<std::array<double, kNumAreas>> weight_sum(out.regions.size(),
                                                        std::array<double, kNumAreas>{});
  std::vector<std::array<double, kNumAreas>> weight(names.size());
  for (std::size_t p = 0; p < names.size(); ++p) {
    weight[p] = {population[p] * urban[p], population[p] * (1.0 - urban[p])};
    for (std::size_t a = 0; a < kNumAreas; ++a) weight_sum[regions[p]][a] += weight[p][a];
  }
  bool ok = true;
  for (std::size_t r = 0; r < out.regions.size(); ++r) {
    for (std::size_t a = 0; a < kNumAreas; ++a) {
      if (out.population_share[r][a] > 0 && weight_sum[r][a] <= 0) {
        csv->report_file(
            diagnostics, "region",
            "no province for the " + std::string(kAreaNames[a]) + " residents of " + "a region",
            "\"" + out.regions[r] + "\"",
            "a province of that region with " + std::string(kAreaNames[a]) +
                " residents (data.regions gives it a share of " +
                number_text(out.population_share[r][a]) + ")");
        ok = false;
      }
    }
  }
  if (!ok) return false;
  out.provinces = names;
  out.province_region = regions;
  out.province_share.assign(names.size(), {});
  for (std::size_t p = 0; p < names.size(); ++p) {
    for (std::size_t a = 0; a < kNumAreas; ++a) {
      const double sum = weight_sum[regions[p]][a];
      out.province_share[p][a] = sum > 0 ? weight[p][a] / sum : 0.0;
    }
  }
  out.has_provinces = true;
  return true;
}

bool load_districts(const std::filesystem::path& file, const std::filesystem::path& provinces_file,
                    const std::vector<double>& province_people, WorkforceInputs& out,
                    core::Diagnostics& diagnostics) {
  const std::optional<CsvFile> csv =
      CsvFile::read(file, {"district", "province", "population", "office_present"}, diagnostics,
                    CsvFile::Header::kNamed);
  if (!csv) return false;
  if (!out.has_provinces) {
    csv->report_file(diagnostics, "data.districts", "districts given without provinces", "",
                     "data.provinces, the table of the provinces the districts belong to");
    return false;
  }
  const std::size_t before = diagnostics.size();
  std::vector<double> in_districts(out.provinces.size(), 0.0);
  std::vector<int> first_line(out.provinces.size(), 0);
  for (const CsvFile::Row& row : csv->rows()) {
    const bool fresh = new_name(*csv, row, 0, out.districts, "district", diagnostics);
    const auto province =
        lookup(*csv, row, 1, out.provinces, "province", provinces_file, diagnostics);
    const auto persons =
        bounded(*csv, row, 2, kPopulation, "a positive number of persons, below 1e9", diagnostics);
    const auto office = csv->choice(row, 3, {"no", "yes", "unknown"}, diagnostics);
    if (!fresh || !province || !persons || !office) continue;
    out.districts.emplace_back(row.fields[0]);
    out.district_province.push_back(*province);
    out.district_share.push_back(*persons / province_people[*province]);
    out.district_office.push_back(static_cast<std::uint8_t>(*office));
    in_districts[*province] += *persons;
    if (first_line[*province] == 0) first_line[*province] = row.line;
  }
  if (diagnostics.size() > before) return false;
  if (out.districts.size() > kMaxDistricts) {
    csv->report_file(diagnostics, "district", "too many districts",
                     std::to_string(out.districts.size()),
                     "at most " + std::to_string(kMaxDistricts) + " rows");
    return false;
  }
  bool ok = true;
  for (std::size_t p = 0; p < out.provinces.size(); ++p) {
    // A district's population is the same census's count as its province's: together they
    // cannot exceed it (rounding of a scaled table allowed for).
    if (in_districts[p] > province_people[p] * (1 + 1e-9)) {
      diagnostics.add(Diagnostic{
          file.string(), first_line[p], 1, "population",
          "districts hold more persons than their province",
          number_text(in_districts[p]) + " in the districts of \"" + out.provinces[p] + "\"",
          "at most the province's population_total, " + number_text(province_people[p])});
      ok = false;
    }
  }
  return ok;
}

bool load_sector_shares(const std::filesystem::path& file, WorkforceInputs& out,
                        core::Diagnostics& diagnostics) {
  std::vector<std::string> employed;
  for (std::size_t s = 0; s < kNumStatuses; ++s) {
    if (is_employed(static_cast<Status>(s))) employed.emplace_back(kStatusNames[s]);
  }
  // The sector names: the table's own vocabulary, in order of first appearance.
  std::optional<std::vector<std::string>> names = read_column_words(
      file, {"status", "area", "sector", "share"}, 2, diagnostics, CsvFile::Header::kNamed);
  if (!names) return false;
  std::vector<std::string> sectors = std::move(*names);
  if (sectors.empty() || sectors.size() > kMaxSectors) {
    diagnostics.add(Diagnostic{
        file.string(), 1, 1, "sector", sectors.empty() ? "no sector" : "too many sectors",
        std::to_string(sectors.size()), "1 to " + std::to_string(kMaxSectors) + " sectors"});
    return false;
  }
  std::vector<std::string> areas(kAreaNames.begin(), kAreaNames.end());
  const std::optional<KeyedTable> t = read_keyed_table(
      file, {KeyColumn{"status", employed}, KeyColumn{"area", areas}, KeyColumn{"sector", sectors}},
      "share", core::Range{0, 1}, diagnostics, CsvFile::Header::kNamed);
  if (!t) return false;
  if (!check_sums(*t, 2, "sector shares", "share", diagnostics)) return false;
  std::size_t i = 0;
  for (std::size_t e = 0; e < employed.size(); ++e) {
    const auto status = static_cast<std::size_t>(
        std::find(kStatusNames.begin(), kStatusNames.end(), employed[e]) - kStatusNames.begin());
    for (std::size_t a = 0; a < kNumAreas; ++a) {
      const auto first = t->values.begin() + static_cast<std::ptrdiff_t>(i);
      out.sector_share[status][a].assign(first,
                                         first + static_cast<std::ptrdiff_t>(sectors.size()));
      i += sectors.size();
    }
  }
  out.sectors = std::move(sectors);
  return true;
}

}  // namespace

bool load_place_tables(const DataFiles& files, WorkforceInputs& out,
                       core::Diagnostics& diagnostics) {
  // Without data.provinces the lists stay empty: each region is one province
  // (num_provinces()).
  bool ok = true;
  std::vector<double> province_people;
  if (!files.provinces.empty()) {
    ok = load_provinces(files.provinces, files.regions, out, province_people, diagnostics) && ok;
  }
  if (!files.districts.empty() && ok) {
    ok = load_districts(files.districts, files.provinces, province_people, out, diagnostics) && ok;
  }
  if (!files.sector_shares.empty()) {
    ok = load_sector_shares(files.sector_shares, out, diagnostics) && ok;
  }
  return ok;
}

}  // namespace ssproj::data
