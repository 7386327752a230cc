#include "data/yearly_table.h"

#include <algorithm>
#include <map>

#include "data/csv.h"

namespace ssproj::data {
namespace {

struct Entry {
  int year;
  int sex;
  int age;
  double value;
  const CsvFile::Row* row;
};

// "3", "3-7" or "3-7, 10" from sorted ages.
std::string age_ranges(const std::vector<int>& ages) {
  std::string out;
  for (std::size_t i = 0; i < ages.size();) {
    std::size_t j = i;
    while (j + 1 < ages.size() && ages[j + 1] == ages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(ages[i]);
    if (j > i) out += "-" + std::to_string(ages[j]);
    i = j + 1;
  }
  return out;
}

constexpr int kMaxMissingReports = 5;

}  // namespace

std::optional<YearlyTable> read_yearly_table(const std::filesystem::path& file,
                                             const TableShape& shape,
                                             core::Diagnostics& diagnostics) {
  std::vector<std::string> header{"year"};
  if (shape.by_sex) header.emplace_back("sex");
  if (shape.by_age) header.emplace_back("age");
  header.push_back(shape.value_column);
  const std::size_t before = diagnostics.size();
  std::optional<CsvFile> csv = CsvFile::read(file, header, diagnostics);
  if (!csv) return std::nullopt;

  const std::size_t sex_field = 1;
  const std::size_t age_field = shape.by_sex ? 2 : 1;
  const std::size_t value_field = header.size() - 1;
  const core::Range years{1900, 2300};
  const core::Range ages{static_cast<double>(shape.min_age), static_cast<double>(shape.max_age)};

  std::vector<Entry> entries;
  entries.reserve(csv->rows().size());
  for (const CsvFile::Row& row : csv->rows()) {
    Entry e{0, 0, 0, 0, &row};
    bool ok = true;
    if (auto year = csv->integer(row, 0, diagnostics)) {
      if (!years.contains(static_cast<double>(*year))) {
        csv->report(diagnostics, row, 0, "year out of range", std::to_string(*year),
                    years.expected(true));
        ok = false;
      }
      e.year = static_cast<int>(*year);
    } else {
      ok = false;
    }
    if (shape.by_sex) {
      if (auto sex = csv->choice(row, sex_field, {"male", "female"}, diagnostics)) {
        e.sex = *sex;
      } else {
        ok = false;
      }
    }
    if (shape.by_age) {
      if (auto age = csv->integer(row, age_field, diagnostics)) {
        if (!ages.contains(static_cast<double>(*age))) {
          csv->report(diagnostics, row, age_field, "age out of range", std::to_string(*age),
                      ages.expected(true) + (shape.max_age == kMaxAge ? " (100 means 100+)" : ""));
          ok = false;
        }
        e.age = static_cast<int>(*age);
      } else {
        ok = false;
      }
    }
    // A bad value is reported here; the row still counts as present (no "missing rows" error
    // for it) and the table is rejected because a diagnostic was added.
    if (auto value = csv->number(row, value_field, diagnostics)) {
      if (!shape.range.contains(*value)) {
        csv->report(diagnostics, row, value_field, "value out of range",
                    std::string(row.fields[value_field]), shape.range.expected(false));
      }
      e.value = *value;
    }
    if (ok) entries.push_back(e);
  }
  if (entries.empty()) {
    if (diagnostics.size() == before) {
      csv->report_file(diagnostics, "", "no data rows", "only a header",
                       "one row per year" + std::string(shape.by_sex ? ", sex" : "") +
                           (shape.by_age ? " and age" : ""));
    }
    return std::nullopt;
  }

  YearlyTable table;
  const auto [lo, hi] =
      std::minmax_element(entries.begin(), entries.end(),
                          [](const Entry& a, const Entry& b) { return a.year < b.year; });
  table.first_year = lo->year;
  table.last_year = hi->year;
  const std::size_t num_years = static_cast<std::size_t>(table.last_year - table.first_year + 1);
  table.values.assign(num_years, SexAgeTable{});
  std::vector<std::array<std::array<const CsvFile::Row*, kNumAges>, kNumSexes>> seen(num_years);
  for (auto& year : seen) {
    for (auto& sex : year) sex.fill(nullptr);
  }

  for (const Entry& e : entries) {
    const auto y = static_cast<std::size_t>(e.year - table.first_year);
    const CsvFile::Row*& first =
        seen[y][static_cast<std::size_t>(e.sex)][static_cast<std::size_t>(e.age)];
    if (first != nullptr) {
      if (csv->count_if_full(diagnostics)) continue;
      std::string what = "year " + std::to_string(e.year);
      if (shape.by_sex) what += ", sex " + std::string(e.sex == 0 ? "male" : "female");
      if (shape.by_age) what += ", age " + std::to_string(e.age);
      csv->report(
          diagnostics, *e.row, 0, "duplicate row", what,
          "one row for each combination (first given on line " + std::to_string(first->line) + ")");
      continue;
    }
    first = e.row;
    table.values[y][static_cast<std::size_t>(e.sex)][static_cast<std::size_t>(e.age)] = e.value;
  }

  // Completeness, reported as one diagnostic per year and sex with missing ages.
  int missing_reports = 0;
  int unreported = 0;
  const int num_sexes = shape.by_sex ? kNumSexes : 1;
  for (std::size_t y = 0; y < num_years; ++y) {
    const int year = table.first_year + static_cast<int>(y);
    bool any_row = false;
    for (int s = 0; s < num_sexes; ++s) {
      for (const CsvFile::Row* r : seen[y][static_cast<std::size_t>(s)]) any_row |= r != nullptr;
    }
    std::vector<std::string> problems;
    if (!any_row) {
      problems.push_back("no row for year " + std::to_string(year));
    } else if (shape.every_age_required) {
      for (int s = 0; s < num_sexes; ++s) {
        std::vector<int> missing;
        const int lo_age = shape.by_age ? shape.min_age : 0;
        const int hi_age = shape.by_age ? shape.max_age : 0;
        for (int a = lo_age; a <= hi_age; ++a) {
          if (seen[y][static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] == nullptr) {
            missing.push_back(a);
          }
        }
        if (missing.empty()) continue;
        std::string what = "no row for year " + std::to_string(year);
        if (shape.by_sex) what += ", sex " + std::string(s == 0 ? "male" : "female");
        if (shape.by_age)
          what += (missing.size() == 1 ? ", age " : ", ages ") + age_ranges(missing);
        problems.push_back(what);
      }
    }
    for (std::string& p : problems) {
      if (missing_reports++ < kMaxMissingReports) {
        std::string expected = "a row for every year " + std::to_string(table.first_year) + "-" +
                               std::to_string(table.last_year);
        if (shape.by_sex) expected += ", sex";
        if (shape.by_age && shape.every_age_required) {
          expected +=
              " and age " + std::to_string(shape.min_age) + "-" + std::to_string(shape.max_age);
        }
        csv->report_file(diagnostics, "", "missing rows", std::move(p), expected);
      } else {
        ++unreported;
      }
    }
  }
  if (unreported > 0) {
    csv->report_file(diagnostics, "", "missing rows",
                     std::to_string(unreported) + " more gaps like those above", "");
  }
  if (diagnostics.size() != before) return std::nullopt;
  return table;
}

}  // namespace ssproj::data
