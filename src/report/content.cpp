// The report's content from the result tables: key figures, plain-words summary, charts.
#include "report/content.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

namespace ssproj::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Money is charted in trillions of kip, shares in percent.
constexpr double kTrillion = 1e12;
constexpr double kPercent = 100;
// Age groups of the population pyramids, in years.
constexpr int kPyramidGroupWidth = 5;
constexpr int kOpenAge = 100;

using Filter = std::vector<std::pair<std::string, std::string>>;

bool matches(const Table& t, std::size_t row, const Filter& filter) {
  for (const auto& [column, value] : filter) {
    if (t.text(row, t.column(column)) != value) return false;
  }
  return true;
}

// A field as a whole number (a year, an age); -1 when it is not a number ("horizon", empty), so
// that it matches no year. Never casts a NaN.
int whole(const Table& t, std::size_t row, int column) {
  const double x = t.number(row, column);
  return std::isfinite(x) ? static_cast<int>(std::lround(x)) : -1;
}

// The years of a yearly table, in order.
std::vector<int> years_of(const Table& t) {
  std::set<int> years;
  const int c = t.column("year");
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const double y = t.number(r, c);
    if (std::isfinite(y)) years.insert(static_cast<int>(y));
  }
  return {years.begin(), years.end()};
}

// The index of `year` in the sorted `years`, or years.size() when it is not there (a
// "horizon" row, a year outside the chart).
std::size_t index_of(const std::vector<int>& years, int year) {
  const auto it = std::lower_bound(years.begin(), years.end(), year);
  return it != years.end() && *it == year ? static_cast<std::size_t>(it - years.begin())
                                          : years.size();
}

// The sum of `column` over the rows of each year that pass `filter` (means add up; quantiles
// do not, so a sum has no band).
SeriesSpec sum_by_year(const Table& t, const std::vector<int>& years, const std::string& column,
                       const Filter& filter, double scale, std::string label) {
  SeriesSpec s;
  s.label = std::move(label);
  s.y.assign(years.size(), 0.0);
  const int yc = t.column("year"), vc = t.column(column);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (!matches(t, r, filter)) continue;
    const std::size_t i = index_of(years, whole(t, r, yc));
    if (i < years.size()) s.y[i] += t.number(r, vc) * scale;
  }
  return s;
}

// The value of the one row of each year that passes `filter`, with its band when the table
// has quantile columns.
SeriesSpec row_by_year(const Table& t, const std::vector<int>& years, const std::string& column,
                       const Filter& filter, double scale, std::string label) {
  SeriesSpec s;
  s.label = std::move(label);
  s.y.assign(years.size(), kNaN);
  const int yc = t.column("year"), vc = t.column(column);
  const int lc = t.column(column + "_p05"), hc = t.column(column + "_p95");
  if (lc >= 0 && hc >= 0) {
    s.lo.assign(years.size(), kNaN);
    s.hi.assign(years.size(), kNaN);
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (!matches(t, r, filter)) continue;
    const std::size_t i = index_of(years, whole(t, r, yc));
    if (i >= years.size()) continue;
    s.y[i] = t.number(r, vc) * scale;
    if (!s.lo.empty()) {
      s.lo[i] = t.number(r, lc) * scale;
      s.hi[i] = t.number(r, hc) * scale;
    }
  }
  return s;
}

KeyFigure make_figure(std::string label, const std::string& scenario, int year, std::string unit,
                      Format format) {
  KeyFigure f;
  f.label = std::move(label);
  f.scenario = scenario;
  f.year = year;
  f.unit = std::move(unit);
  f.format = format;
  return f;
}

// One value of a table (the first row passing `filter`) as a key figure.
bool figure_of(const Table* t, const std::string& column, const Filter& filter, KeyFigure& f) {
  if (t == nullptr || t->column(column) < 0) return false;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    if (!matches(*t, r, filter)) continue;
    f.value = t->number(r, t->column(column));
    const int lc = t->column(column + "_p05"), hc = t->column(column + "_p95");
    f.has_band = lc >= 0 && hc >= 0;
    if (f.has_band) {
      f.p05 = t->number(r, lc);
      f.p95 = t->number(r, hc);
    }
    return true;
  }
  return false;
}

// An identifier for reading: "general_average_premium" -> "general average premium".
std::string words(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}

std::vector<std::string> year_labels(const std::vector<int>& years) {
  std::vector<std::string> labels;
  for (int y : years) labels.push_back(std::to_string(y));
  return labels;
}

std::string with_separators(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", std::abs(x));
  std::string digits = buf, out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (x < 0 && out != "0" ? "-" : "") + out;
}

// Three significant digits.
double round3(double x) {
  if (x == 0 || !std::isfinite(x)) return x;
  const double magnitude = std::pow(10.0, std::floor(std::log10(std::abs(x))) - 2);
  return std::round(x / magnitude) * magnitude;
}

std::string short_number(double x, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

// Three significant digits of a number below 1000 ("1.23", "73.6", "845"); more digits above.
std::string significant3(double x) {
  const double a = std::abs(round3(x));
  return short_number(round3(x), a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

// "a to b" for a band, the unit said once: "800 billion to 900 billion kip" is written
// "800 billion to 900 billion" after a value that carries the unit.
std::string band_text(double lo, double hi, Format format) {
  auto bare = [&](double x) {
    std::string t = format_for_reading(x, format);
    if (format == Format::kMoney && t.ends_with(" kip")) t.resize(t.size() - 4);
    return t;
  };
  return bare(lo) + " to " + bare(hi);
}

// The charts of one scenario's tables (a run, or the baseline of a comparison).
void add_run_charts(const RunTables& run, const std::vector<int>& key_years,
                    const std::string& prefix, ReportContent& c) {
  const std::string of = prefix.empty() ? "" : " (" + run.name + ")";
  if (const Table* pop = run.find("population.csv")) {
    const std::vector<int> years = years_of(*pop);
    std::vector<int> chosen;
    if (!years.empty()) chosen.push_back(years.front());
    for (int y : key_years) {
      if (std::binary_search(years.begin(), years.end(), y)) chosen.push_back(y);
    }
    if (!years.empty()) chosen.push_back(years.back());
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    const int num_groups = kOpenAge / kPyramidGroupWidth + 1;
    std::vector<std::string> labels;
    for (int g = num_groups - 1; g >= 0; --g) {
      const int from = g * kPyramidGroupWidth;
      labels.push_back(from >= kOpenAge ? std::to_string(kOpenAge) + "+"
                                        : std::to_string(from) + "-" +
                                              std::to_string(from + kPyramidGroupWidth - 1));
    }
    const int yc = pop->column("year"), sc = pop->column("sex"), ac = pop->column("age"),
              pc = pop->column("persons");
    for (int year : chosen) {
      ChartSpec ch;
      ch.id = prefix + "pyramid_" + std::to_string(year);
      ch.title = "Population by age and sex, " + std::to_string(year) + of;
      ch.caption = "Persons on 1 July " + std::to_string(year) +
                   " in five-year age groups (the microsimulation, mean over replications); "
                   "men to the left, women to the right.";
      ch.kind = ChartKind::kPyramid;
      ch.x_title = "persons";
      ch.labels = labels;
      SeriesSpec men{"men", std::vector<double>(labels.size(), 0.0), {}, {}, false};
      SeriesSpec women{"women", std::vector<double>(labels.size(), 0.0), {}, {}, false};
      for (std::size_t r = 0; r < pop->rows.size(); ++r) {
        if (whole(*pop, r, yc) != year) continue;
        const int age = whole(*pop, r, ac);
        const std::size_t g = static_cast<std::size_t>(
            num_groups - 1 - std::min(age / kPyramidGroupWidth, num_groups - 1));
        (pop->text(r, sc) == "male" ? men : women).y[g] += pop->number(r, pc);
      }
      ch.series = {men, women};
      c.charts.push_back(std::move(ch));
    }
  }
  if (const Table* labour = run.find("labour.csv")) {
    const std::vector<int> years = years_of(*labour);
    ChartSpec ch;
    ch.id = prefix + "labour";
    ch.title = "Persons aged 15 and over by labour status" + of;
    ch.caption = "Each year on 1 July; the statuses of the labour force survey, stacked.";
    ch.kind = ChartKind::kStackedArea;
    ch.x_title = "year";
    ch.y_title = "persons";
    ch.labels = year_labels(years);
    std::vector<std::string> statuses;
    const int st = labour->column("status");
    for (std::size_t r = 0; r < labour->rows.size(); ++r) {
      const std::string& s = labour->text(r, st);
      if (std::find(statuses.begin(), statuses.end(), s) == statuses.end()) statuses.push_back(s);
    }
    for (const std::string& s : statuses) {
      ch.series.push_back(sum_by_year(*labour, years, "persons", {{"status", s}}, 1.0, s));
    }
    c.charts.push_back(std::move(ch));
  }
  if (const Table* cov = run.find("coverage.csv")) {
    const std::vector<int> years = years_of(*cov);
    ChartSpec ch;
    ch.id = prefix + "contributors_by_scheme";
    ch.title = "Active contributors by scheme" + of;
    ch.caption = "Members contributing in the year, on 1 July, stacked by scheme.";
    ch.kind = ChartKind::kStackedArea;
    ch.x_title = "year";
    ch.y_title = "persons";
    ch.labels = year_labels(years);
    for (const char* scheme : {"private", "civil_servant", "voluntary"}) {
      ch.series.push_back(
          sum_by_year(*cov, years, "active_contributors", {{"scheme", scheme}}, 1.0, scheme));
    }
    c.charts.push_back(std::move(ch));
  }
  if (const Table* ind = run.find("indicators.csv")) {
    std::vector<int> years;
    const int ic = ind->column("indicator"), yc = ind->column("year");
    for (std::size_t r = 0; r < ind->rows.size(); ++r) {
      if (ind->text(r, ic) == "contributors_over_employed") {
        years.push_back(whole(*ind, r, yc));
      }
    }
    std::sort(years.begin(), years.end());
    if (!years.empty()) {
      ChartSpec ch;
      ch.id = prefix + "coverage_rate";
      ch.title = "Coverage: active contributors as a share of employed persons" + of;
      ch.caption =
          "All schemes; the band is the 5-95% range across replications when there are "
          "several.";
      ch.x_title = "year";
      ch.y_title = "% of employed persons";
      ch.labels = year_labels(years);
      ch.series.push_back(row_by_year(*ind, years, "value",
                                      {{"indicator", "contributors_over_employed"}}, kPercent,
                                      "coverage"));
      c.charts.push_back(std::move(ch));
    }
  }
  if (const Table* fin = run.find("finance.csv")) {
    const std::vector<int> years = years_of(*fin);
    const Filter total = {{"scheme", "total"}, {"branch", "total"}};
    ChartSpec reserve;
    reserve.id = prefix + "reserve";
    reserve.title = "Reserve of the fund at the end of the year" + of;
    reserve.caption =
        "All schemes and branches, trillion kip of the year (nominal, or base-year "
        "kip with constant prices); negative after depletion (a debt).";
    reserve.x_title = "year";
    reserve.y_title = "trillion kip";
    reserve.labels = year_labels(years);
    reserve.series.push_back(
        row_by_year(*fin, years, "reserve_end", total, 1 / kTrillion, "reserve"));
    c.charts.push_back(std::move(reserve));

    ChartSpec ratio;
    ratio.id = prefix + "reserve_ratio";
    ratio.title = "Reserve ratio" + of;
    ratio.caption =
        "Reserve at the end of the year over the year's benefits and administration: "
        "the years of outgo the reserve would pay. All schemes; the pension branches "
        "beside the total.";
    ratio.x_title = "year";
    ratio.y_title = "years of outgo";
    ratio.labels = year_labels(years);
    ratio.series.push_back(row_by_year(*fin, years, "reserve_ratio", total, 1.0, "all branches"));
    ratio.series.push_back(row_by_year(*fin, years, "reserve_ratio",
                                       {{"scheme", "total"}, {"branch", "pensions"}}, 1.0,
                                       "pension branches"));
    c.charts.push_back(std::move(ratio));

    ChartSpec cost;
    cost.id = prefix + "paygo";
    cost.title = "PAYG cost rate, contribution rate and general average premium" + of;
    cost.caption =
        "The year's benefits and administration as a share of insurable earnings, "
        "against the rate the contributions bring in and the general average premium "
        "(GAP: the constant rate that finances the projection), all schemes and "
        "branches.";
    cost.x_title = "year";
    cost.y_title = "% of insurable earnings";
    cost.labels = year_labels(years);
    cost.series.push_back(
        row_by_year(*fin, years, "paygo_cost_rate", total, kPercent, "PAYG cost rate"));
    if (const Table* ind = run.find("indicators.csv")) {
      for (const auto& [name, label] :
           {std::pair<std::string, std::string>{"contribution_rate", "contribution rate"},
            {"general_average_premium", "general average premium"}}) {
        KeyFigure f;
        if (figure_of(ind, "value", {{"indicator", name}, {"scheme", "all"}, {"group", "total"}},
                      f)) {
          SeriesSpec s;
          s.label = label;
          s.y.assign(years.size(), f.value * kPercent);
          s.dashed = true;
          cost.series.push_back(std::move(s));
        }
      }
    }
    c.charts.push_back(std::move(cost));
  }
  if (const Table* ben = run.find("beneficiaries.csv")) {
    const std::vector<int> years = years_of(*ben);
    ChartSpec ch;
    ch.id = prefix + "beneficiaries";
    ch.title = "Pensions in payment" + of;
    ch.caption = "Recipients on 1 July, all schemes; survivor pensions are expected numbers.";
    ch.kind = ChartKind::kStackedArea;
    ch.x_title = "year";
    ch.y_title = "pensions";
    ch.labels = year_labels(years);
    const Filter all = {{"scheme", "total"}, {"age_group", "all"}};
    for (const auto& [benefit, label] : {std::pair<std::string, std::string>{"old_age", "old-age"},
                                         {"invalidity", "invalidity"},
                                         {"survivor_spouse", "spouses"},
                                         {"survivor_child", "children"}}) {
      Filter f = all;
      f.emplace_back("benefit", benefit);
      ch.series.push_back(sum_by_year(*ben, years, "recipients", f, 1.0, label));
    }
    c.charts.push_back(std::move(ch));
  }
}

// The key figures of one scenario at the key years and over the projection.
void add_run_figures(const RunTables& run, const std::vector<int>& key_years, ReportContent& c,
                     bool sentences) {
  const Table* con = run.find("contributions.csv");
  const Table* ind = run.find("indicators.csv");
  const Table* fin = run.find("finance.csv");
  const Table* ben = run.find("beneficiaries.csv");
  const Table* lia = run.find("liabilities.csv");
  for (int year : key_years) {
    const std::string y = std::to_string(year);
    KeyFigure contributors = make_figure("Contributors (paid at least one month in the year)",
                                         run.name, year, "persons", Format::kCount);
    KeyFigure coverage = make_figure("Active contributors as a share of employed persons", run.name,
                                     year, "share", Format::kShare);
    KeyFigure reserve =
        make_figure("Reserve at the end of the year", run.name, year, "kip", Format::kMoney);
    KeyFigure ratio =
        make_figure("Reserve ratio", run.name, year, "years of outgo", Format::kNumber);
    KeyFigure paygo = make_figure("PAYG cost rate", run.name, year, "share of insurable earnings",
                                  Format::kShare);
    const bool has_c =
        figure_of(con, "contributors", {{"year", y}, {"scheme", "total"}}, contributors);
    const bool has_v = figure_of(
        ind, "value", {{"indicator", "contributors_over_employed"}, {"year", y}}, coverage);
    const Filter total = {{"year", y}, {"scheme", "total"}, {"branch", "total"}};
    const bool has_r = figure_of(fin, "reserve_end", total, reserve);
    const bool has_q = figure_of(fin, "reserve_ratio", total, ratio);
    const bool has_p = figure_of(fin, "paygo_cost_rate", total, paygo);
    double pensioners = 0;
    if (ben != nullptr) {
      for (const char* benefit : {"old_age", "invalidity"}) {
        SeriesSpec s =
            sum_by_year(*ben, {year}, "recipients",
                        {{"scheme", "total"}, {"age_group", "all"}, {"benefit", benefit}}, 1.0, "");
        pensioners += s.y.front();
      }
    }
    for (KeyFigure* f : {&contributors, &coverage, &reserve, &ratio, &paygo}) {
      if ((f == &contributors && has_c) || (f == &coverage && has_v) || (f == &reserve && has_r) ||
          (f == &ratio && has_q) || (f == &paygo && has_p)) {
        c.figures.push_back(*f);
      }
    }
    if (!sentences) continue;
    if (has_c) {
      std::string s = "In " + y + ", " + figure_text(contributors) +
                      " people are projected to contribute to the NSSF";
      if (has_v)
        s += ", " + format_for_reading(coverage.value, Format::kShare) + " of employed persons";
      s += ".";
      if (ben != nullptr) {
        s += " " + format_for_reading(pensioners, Format::kCount) +
             " old-age and invalidity pensions are in payment.";
      }
      c.summary.push_back(s);
    }
    if (has_r) {
      std::string s = "At the end of " + y + " the fund's reserve is " + figure_text(reserve);
      if (reserve.value < 0) {
        s += ": the reserve has run out and the fund carries a debt";
      } else if (has_q && std::isfinite(ratio.value)) {
        s += ", " + format_for_reading(ratio.value, Format::kNumber) + " years of outgo";
      }
      s += ".";
      if (has_p) {
        s += " Benefits and administration cost " + figure_text(paygo) +
             " of insurable earnings (the PAYG cost rate).";
      }
      c.summary.push_back(s);
    }
  }
  KeyFigure gap = make_figure("General average premium, all schemes and branches", run.name, 0,
                              "share of insurable earnings", Format::kShare);
  KeyFigure rate = make_figure("Contribution rate received, all schemes and branches", run.name, 0,
                               "share of insurable earnings", Format::kShare);
  KeyFigure balance = make_figure("Actuarial balance, all schemes and branches", run.name, 0,
                                  "share of insurable earnings", Format::kShare);
  KeyFigure depletion = make_figure("Reserve depletion year", run.name, 0, "year", Format::kYear);
  const Filter all_total = {{"scheme", "all"}, {"group", "total"}};
  auto with = [&](const char* indicator) {
    Filter f = all_total;
    f.emplace_back("indicator", indicator);
    return f;
  };
  const bool has_gap = figure_of(ind, "value", with("general_average_premium"), gap);
  const bool has_rate = figure_of(ind, "value", with("contribution_rate"), rate);
  const bool has_balance = figure_of(ind, "value", with("actuarial_balance"), balance);
  const bool has_depletion = figure_of(ind, "value", with("reserve_depletion_year"), depletion);
  for (auto [f, has] : {std::pair{&gap, has_gap},
                        {&rate, has_rate},
                        {&balance, has_balance},
                        {&depletion, has_depletion}}) {
    if (has) c.figures.push_back(*f);
  }
  KeyFigure accrued = make_figure("Accrued-to-date liability of the pension branches", run.name, 0,
                                  "kip at the valuation date", Format::kMoney);
  KeyFigure funding = make_figure("Funding ratio of the pension branches", run.name, 0,
                                  "share of the accrued-to-date liability", Format::kShare);
  const bool has_accrued = figure_of(lia, "accrued", {{"scheme", "total"}}, accrued);
  const bool has_funding = figure_of(lia, "funding_ratio", {{"scheme", "total"}}, funding);
  if (has_accrued) c.figures.push_back(accrued);
  if (has_funding) c.figures.push_back(funding);
  if (!sentences) return;
  if (has_gap && has_rate) {
    std::string s = "Over the projection the contributions bring in " + figure_text(rate) +
                    " of insurable earnings; the constant rate that would finance the whole "
                    "projection (the general average premium) is " +
                    figure_text(gap) + ".";
    if (has_balance) {
      s += " The actuarial balance is " + figure_text(balance) +
           (balance.value < 0 ? ": a deficit." : ": a surplus.");
    }
    c.summary.push_back(s);
  }
  if (has_depletion) {
    c.summary.push_back(std::isfinite(depletion.value)
                            ? "The reserve is exhausted in " + figure_text(depletion) + "."
                            : "The reserve is not exhausted within the projection.");
  }
  if (has_accrued) {
    std::string s = "At the valuation date the pension branches owe " + figure_text(accrued) +
                    " for pensions in payment and rights already earned";
    if (has_funding && std::isfinite(funding.value)) {
      s += "; the reserve covers " + format_for_reading(funding.value, Format::kShare) + " of it";
    }
    c.summary.push_back(s + ".");
  }
}

std::string band_cell(const Table& t, std::size_t r, const std::string& column, Format format) {
  const double v = t.number(r, t.column(column));
  if (!std::isfinite(v)) return "not applicable";
  std::string s = format_for_reading(v, format);
  const int lc = t.column(column + "_p05"), hc = t.column(column + "_p95");
  if (lc >= 0 && hc >= 0 && std::isfinite(t.number(r, lc)) && std::isfinite(t.number(r, hc)) &&
      format_for_reading(t.number(r, lc), format) != format_for_reading(t.number(r, hc), format)) {
    s += " (" + band_text(t.number(r, lc), t.number(r, hc), format) + ")";
  }
  return s;
}

// places.csv: active contributors and the coverage of the employed of each region, province
// and named district, at the first year and the key years.
void add_places(const RunTables& run, const std::vector<int>& years, ReportContent& c) {
  const Table* t = run.find("places.csv");
  if (t == nullptr || t->rows.empty()) return;
  const int yc = t->column("year"), lc = t->column("level"), pc = t->column("place");
  std::vector<std::string> shown = {t->text(0, yc)};
  for (int y : years) {
    if (std::to_string(y) != shown.front()) shown.push_back(std::to_string(y));
  }
  TextTable table;
  table.title = "Active contributors and coverage of the employed by place (places.csv)";
  table.header = {"level", "place"};
  for (const std::string& y : shown) {
    table.header.push_back("active contributors " + y);
    table.header.push_back("coverage of the employed " + y);
  }
  // The places in the order of the first year's rows.
  for (std::size_t r = 0; r < t->rows.size() && t->text(r, yc) == shown.front(); ++r) {
    std::vector<std::string> row = {t->text(r, lc), t->text(r, pc)};
    for (const std::string& y : shown) {
      std::size_t k = r;
      while (k < t->rows.size() &&
             (t->text(k, yc) != y || t->text(k, lc) != row[0] || t->text(k, pc) != row[1])) {
        ++k;
      }
      if (k == t->rows.size()) {
        row.insert(row.end(), {"", ""});
        continue;
      }
      row.push_back(band_cell(*t, k, "active_contributors", Format::kCount));
      row.push_back(band_cell(*t, k, "coverage_of_employed", Format::kShare));
    }
    table.rows.push_back(std::move(row));
  }
  c.tables.push_back(std::move(table));
}

// comparison_places.csv: where each strategy adds contributors, at the key years: the places
// below the nation whose additional contributors are not 0 in some key year.
void add_place_effects(const Table& t, ReportContent& c) {
  const int sc = t.column("strategy"), yc = t.column("year"), lc = t.column("level"),
            pc = t.column("place"), ac = t.column("additional_contributors");
  TextTable table;
  table.title =
      "Where the strategies act: additional contributors by place (comparison_places.csv)";
  table.header = {"strategy",
                  "year",
                  "level",
                  "place",
                  "additional contributors",
                  "change in coverage of the employed"};
  const std::string baseline = t.rows.empty() ? "" : t.text(0, sc);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (t.text(r, sc) == baseline || t.text(r, lc) == "national") continue;
    const double add = t.number(r, ac);
    if (!std::isfinite(add) || add == 0) continue;
    table.rows.push_back({t.text(r, sc), t.text(r, yc), t.text(r, lc), t.text(r, pc),
                          band_cell(t, r, "additional_contributors", Format::kCount),
                          band_cell(t, r, "coverage_change", Format::kShare)});
  }
  if (!table.rows.empty()) c.tables.push_back(std::move(table));
}

// decisions.csv: the measures with their bands and the probabilities of beating the baseline
// and of ranking first, at the key years.
void add_decisions(const Table& t, const std::vector<std::string>& strategies,
                   const std::vector<int>& years, ReportContent& c) {
  const int sc = t.column("strategy"), yc = t.column("year"), mc = t.column("measure");
  const auto find = [&](const std::string& s, const std::string& y, const std::string& m) {
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (t.text(r, sc) == s && t.text(r, yc) == y && t.text(r, mc) == m)
        return static_cast<long>(r);
    }
    return -1L;
  };
  const auto cell = [&](long r, Format f) -> std::string {
    if (r < 0) return "";
    const auto ur = static_cast<std::size_t>(r);
    const double mean = t.number(ur, t.column("mean"));
    if (!std::isfinite(mean)) return "not applicable";
    std::string s = format_for_reading(mean, f);
    const double lo = t.number(ur, t.column("p05")), hi = t.number(ur, t.column("p95"));
    if (std::isfinite(lo) && std::isfinite(hi) &&
        format_for_reading(lo, f) != format_for_reading(hi, f)) {
      s += " (" + band_text(lo, hi, f) + ")";
    }
    // Over the replications where the measure is defined; say so when that is not all.
    const double share = t.number(ur, t.column("share_defined"));
    if (std::isfinite(share) && share < 1) {
      s += "; not applicable in " + short_number((1 - share) * kPercent, 0) + "% of replications";
    }
    return s;
  };
  const auto probability = [&](long r, const char* column) -> std::string {
    if (r < 0) return "";
    const double p = t.number(static_cast<std::size_t>(r), t.column(column));
    return std::isfinite(p) ? short_number(p * kPercent, 0) + "%" : "-";
  };
  TextTable table;
  table.title = "Decision measures (decisions.csv): costs in base-year kip, discounted";
  table.header = {"strategy",
                  "to",
                  "additional contributors",
                  "P(beats baseline)",
                  "P(ranks first)",
                  "cost per additional contributor-year (kip)",
                  "P(ranks first)"};
  ChartSpec first;
  first.id = "cmp_rank_first";
  first.title = "Probability of adding the most contributors";
  first.caption =
      "Share of replications in which the strategy has the most additional "
      "contributors of all scenarios (ties share), at the key years.";
  first.kind = ChartKind::kBar;
  first.x_title = "strategy";
  first.y_title = "% of replications";
  first.labels = strategies;
  for (int y : years) first.series.push_back(SeriesSpec{std::to_string(y), {}, {}, {}, false});
  for (const std::string& s : strategies) {
    for (std::size_t k = 0; k < years.size(); ++k) {
      const std::string y = std::to_string(years[k]);
      const long add = find(s, y, "additional_contributors");
      const long per = find(s, y, "cost_per_additional_contributor_year");
      table.rows.push_back({s, y, cell(add, Format::kCount),
                            probability(add, "prob_beats_baseline"),
                            probability(add, "prob_ranks_first"), cell(per, Format::kMoney),
                            probability(per, "prob_ranks_first")});
      first.series[k].y.push_back(
          add < 0
              ? kNaN
              : t.number(static_cast<std::size_t>(add), t.column("prob_ranks_first")) * kPercent);
    }
  }
  c.tables.push_back(std::move(table));
  c.charts.push_back(std::move(first));
}

void add_comparison(const ResultDirectory& d, const std::vector<int>& key_years, ReportContent& c) {
  const Table& t = *d.comparison;
  const int sc = t.column("strategy"), yc = t.column("year");
  std::vector<std::string> strategies;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (std::find(strategies.begin(), strategies.end(), t.text(r, sc)) == strategies.end()) {
      strategies.push_back(t.text(r, sc));
    }
  }
  std::vector<int> years;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (t.text(r, sc) == strategies.front() && t.text(r, yc) != "horizon") {
      years.push_back(whole(t, r, yc));
    }
  }
  const auto row_of = [&](const std::string& s, const std::string& year) -> long {
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (t.text(r, sc) == s && t.text(r, yc) == year) return static_cast<long>(r);
    }
    return -1;
  };
  std::vector<int> shown;
  for (int y : key_years) {
    if (std::binary_search(years.begin(), years.end(), y)) shown.push_back(y);
  }
  // The strategy table: one row per strategy and key year.
  TextTable table;
  table.title = "Strategies against the baseline";
  table.header = {"strategy",
                  "year",
                  "active contributors",
                  "additional contributors",
                  "programme cost to the year (kip)",
                  "kip per additional contributor-year"};
  for (const std::string& s : strategies) {
    for (int y : shown) {
      const long r = row_of(s, std::to_string(y));
      if (r < 0) continue;
      const auto ur = static_cast<std::size_t>(r);
      const bool free = t.number(ur, t.column("cumulative_cost")) == 0;
      table.rows.push_back(
          {s, std::to_string(y), band_cell(t, ur, "active_contributors", Format::kCount),
           s == strategies.front() ? "baseline"
                                   : band_cell(t, ur, "additional_contributors", Format::kCount),
           free ? "no programme cost" : band_cell(t, ur, "cumulative_cost", Format::kMoney),
           free ? "not applicable"
                : band_cell(t, ur, "cost_per_additional_contributor_year", Format::kMoney)});
    }
  }
  c.tables.push_back(std::move(table));
  TextTable horizon;
  horizon.title = "Valuation over the projection";
  horizon.header = {"strategy", "general average premium", "reserve depletion year"};
  for (const std::string& s : strategies) {
    const long r = row_of(s, "horizon");
    if (r < 0) continue;
    const auto ur = static_cast<std::size_t>(r);
    const double dep = t.number(ur, t.column("reserve_depletion_year"));
    horizon.rows.push_back({s, band_cell(t, ur, "general_average_premium", Format::kShare),
                            std::isfinite(dep)
                                ? band_cell(t, ur, "reserve_depletion_year", Format::kYear)
                                : "not within the projection"});
  }
  c.tables.push_back(std::move(horizon));

  // Plain words: the most additional contributors at each key year, and the lowest cost.
  for (int y : shown) {
    double best = -std::numeric_limits<double>::infinity();
    std::string best_name;
    std::size_t best_row = 0;
    for (std::size_t k = 1; k < strategies.size(); ++k) {
      const long r = row_of(strategies[k], std::to_string(y));
      if (r < 0) continue;
      const double add = t.number(static_cast<std::size_t>(r), t.column("additional_contributors"));
      if (add > best) {
        best = add;
        best_name = strategies[k];
        best_row = static_cast<std::size_t>(r);
      }
    }
    if (best_name.empty()) continue;
    c.summary.push_back("In " + std::to_string(y) + ", " + best_name +
                        " adds the most contributors against the baseline: " +
                        band_cell(t, best_row, "additional_contributors", Format::kCount) +
                        " (mean, with the 5-95% range across replications when there are "
                        "several).");
  }
  if (!shown.empty()) {
    const std::string y = std::to_string(shown.front());
    double best = std::numeric_limits<double>::infinity();
    std::string best_name;
    std::size_t best_row = 0;
    for (std::size_t k = 1; k < strategies.size(); ++k) {
      const long r = row_of(strategies[k], y);
      if (r < 0) continue;
      const auto ur = static_cast<std::size_t>(r);
      const double per = t.number(ur, t.column("cost_per_additional_contributor_year"));
      if (t.number(ur, t.column("cumulative_cost")) > 0 && std::isfinite(per) && per < best) {
        best = per;
        best_name = strategies[k];
        best_row = ur;
      }
    }
    if (!best_name.empty()) {
      c.summary.push_back(
          "Among the strategies that spend money, " + best_name +
          " costs least per additional contributor-year up to " + y + ": " +
          band_cell(t, best_row, "cost_per_additional_contributor_year", Format::kMoney) +
          " (nominal kip, not discounted). Strategies that change rules rather than spend "
          "show \"not applicable\".");
    }
  }

  if (d.decisions) add_decisions(*d.decisions, strategies, shown, c);

  // Charts: contributors and reserve per strategy over time; additional contributors and cost
  // per additional contributor-year at the key years.
  const auto per_strategy = [&](const std::string& id, const std::string& title,
                                const std::string& caption, const std::string& column, double scale,
                                const std::string& y_title) {
    ChartSpec ch;
    ch.id = id;
    ch.title = title;
    ch.caption = caption;
    ch.x_title = "year";
    ch.y_title = y_title;
    ch.labels = year_labels(years);
    for (const std::string& s : strategies) {
      ch.series.push_back(row_by_year(t, years, column, {{"strategy", s}}, scale, s));
    }
    c.charts.push_back(std::move(ch));
  };
  per_strategy("cmp_contributors", "Active contributors per strategy",
               "Active contributors of all schemes on 1 July; bands: the 5-95% range across "
               "replications (sampling noise of the simulation).",
               "active_contributors", 1.0, "persons");
  const auto at_key_years = [&](const std::string& id, const std::string& title,
                                const std::string& caption, const std::string& column, double scale,
                                const std::string& y_title) {
    ChartSpec ch;
    ch.id = id;
    ch.title = title;
    ch.caption = caption;
    ch.kind = ChartKind::kBar;
    ch.x_title = "strategy";
    ch.y_title = y_title;
    for (std::size_t k = 1; k < strategies.size(); ++k) ch.labels.push_back(strategies[k]);
    for (int y : shown) {
      SeriesSpec s;
      s.label = std::to_string(y);
      for (std::size_t k = 1; k < strategies.size(); ++k) {
        const long r = row_of(strategies[k], std::to_string(y));
        s.y.push_back(r < 0 ? kNaN
                            : t.number(static_cast<std::size_t>(r), t.column(column)) * scale);
      }
      ch.series.push_back(std::move(s));
    }
    c.charts.push_back(std::move(ch));
  };
  at_key_years("cmp_additional", "Additional contributors against the baseline",
               "Active contributors of the strategy minus those of the baseline, at the key "
               "years (mean over replications).",
               "additional_contributors", 1.0, "persons");
  at_key_years("cmp_cost_effectiveness", "Programme cost per additional contributor-year",
               "Programme and subsidy cost from the start to the key year over the additional "
               "contributor-years gained, in million kip (nominal); no bar: nothing spent or "
               "nothing gained.",
               "cost_per_additional_contributor_year", 1e-6, "million kip");
  per_strategy("cmp_reserve", "Reserve per strategy",
               "Reserve of the fund at the end of the year, all schemes, trillion kip.",
               "reserve_end", 1 / kTrillion, "trillion kip");
}

void add_sensitivity(const ResultDirectory& d, ReportContent& c) {
  const Table& t = *d.tornado;
  const int ic = t.column("indicator"), gc = t.column("group"), yc = t.column("year"),
            ac = t.column("assumption");
  // One tornado per (indicator, group, year), in the file's order; the assumptions are already
  // sorted by swing.
  std::vector<std::tuple<std::string, std::string, std::string>> keys;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto key = std::make_tuple(t.text(r, ic), t.text(r, gc), t.text(r, yc));
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  constexpr std::size_t kTornadoes = 4;  // the horizon indicators come first in tornado.csv
  for (std::size_t k = 0; k < keys.size() && k < kTornadoes; ++k) {
    const auto& [indicator, group, year] = keys[k];
    ChartSpec ch;
    ch.id = "tornado_" + std::to_string(k);
    ch.kind = ChartKind::kTornado;
    const bool year_unit = indicator.find("year") != std::string::npos;
    const double scale = year_unit || indicator == "reserve_ratio" ? 1.0 : kPercent;
    ch.title = "Sensitivity of the " + words(indicator) + " (" + group +
               (year.empty() ? "" : ", " + year) + ")";
    ch.x_title = year_unit ? "change in years"
                           : (scale == kPercent ? "change in points of "
                                                  "insurable earnings (%)"
                                                : "change");
    SeriesSpec low{"low variant", {}, {}, {}, false};
    SeriesSpec high{"high variant", {}, {}, {}, false};
    double baseline = kNaN;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (std::make_tuple(t.text(r, ic), t.text(r, gc), t.text(r, yc)) != keys[k]) continue;
      ch.labels.push_back(t.text(r, ac));
      low.y.push_back(t.number(r, t.column("low_change")) * scale);
      high.y.push_back(t.number(r, t.column("high_change")) * scale);
      baseline = t.number(r, t.column("baseline"));
    }
    ch.caption = "The change from the baseline's value (" +
                 (year_unit           ? format_for_reading(baseline, Format::kYear)
                  : scale == kPercent ? format_for_reading(baseline, Format::kShare)
                                      : short_number(baseline, 2)) +
                 ") when one assumption takes its low or its high value, the others at the "
                 "baseline; the widest swing first.";
    if (k == 0 && !ch.labels.empty()) {
      c.summary.push_back("The " + words(indicator) + " of the " + group + " group (baseline " +
                          (scale == kPercent ? format_for_reading(baseline, Format::kShare)
                                             : short_number(baseline, 2)) +
                          ") depends most on " + ch.labels.front() + ": from " +
                          short_number(low.y.front(), 1) + " to " +
                          short_number(high.y.front(), 1) + (scale == kPercent ? " points" : "") +
                          " between its low and high "
                          "values.");
    }
    ch.series = {low, high};
    c.charts.push_back(std::move(ch));
  }
  // The variants side by side on the horizon indicators (the yearly ones are in
  // sensitivity.csv and the workbook).
  const Table& s = *d.sensitivity;
  const std::vector<std::tuple<std::string, std::string, std::string>> shown = {
      {"general_average_premium", "pensions", "GAP, pensions"},
      {"general_average_premium", "total", "GAP, all branches"},
      {"actuarial_balance", "total", "actuarial balance, all branches"},
      {"scaled_premium", "pensions", "scaled premium (1st period), pensions"},
      {"reserve_depletion_year", "total", "reserve depleted, all branches"}};
  TextTable table;
  table.title = "Variants: horizon indicators";
  table.header = {"variant", "kind"};
  for (const auto& col : shown) table.header.push_back(std::get<2>(col));
  const int vc = s.column("variant"), kc = s.column("kind"), ic2 = s.column("indicator"),
            gc2 = s.column("group"), yc2 = s.column("year"), valc = s.column("value");
  std::vector<std::string> variants;
  for (std::size_t r = 0; r < s.rows.size(); ++r) {
    if (std::find(variants.begin(), variants.end(), s.text(r, vc)) == variants.end()) {
      variants.push_back(s.text(r, vc));
    }
  }
  for (const std::string& v : variants) {
    std::vector<std::string> row = {v, ""};
    for (const auto& [indicator, group, label] : shown) {
      std::string cell = "-";
      for (std::size_t r = 0; r < s.rows.size(); ++r) {
        if (s.text(r, vc) != v || s.text(r, ic2) != indicator || s.text(r, gc2) != group ||
            !s.text(r, yc2).empty()) {
          continue;
        }
        row[1] = s.text(r, kc);
        const double x = s.number(r, valc);
        const bool year_unit = indicator.find("year") != std::string::npos;
        cell = !std::isfinite(x)
                   ? (year_unit ? "not within the projection" : "not defined")
                   : format_for_reading(x, year_unit ? Format::kYear : Format::kShare);
        break;
      }
      row.push_back(cell);
    }
    table.rows.push_back(std::move(row));
  }
  c.tables.push_back(std::move(table));
}

}  // namespace

std::string format_for_reading(double x, Format format) {
  if (!std::isfinite(x)) return "not defined";
  switch (format) {
    case Format::kKey:
    case Format::kYear:
      return short_number(std::round(x), 0);
    case Format::kCount: {
      const double r = round3(x);
      if (std::abs(r) >= 1e6) return short_number(r / 1e6, 2) + " million";
      return with_separators(r);
    }
    case Format::kMoney: {
      const double a = std::abs(x);
      if (a >= 1e12) return significant3(x / 1e12) + " trillion kip";
      if (a >= 1e9) return significant3(x / 1e9) + " billion kip";
      if (a >= 1e6) return significant3(x / 1e6) + " million kip";
      return with_separators(round3(x)) + " kip";
    }
    case Format::kShare:
      return short_number(x * kPercent, 1) + "%";
    case Format::kNumber:
      return short_number(x, 1);
  }
  return short_number(x, 2);
}

std::string figure_text(const KeyFigure& f) {
  std::string s = format_for_reading(f.value, f.format);
  // No band when it rounds to the value itself (a rate fixed by the rules).
  if (f.has_band && std::isfinite(f.p05) && std::isfinite(f.p95) &&
      format_for_reading(f.p05, f.format) != format_for_reading(f.p95, f.format)) {
    s += " (5-95%: " + band_text(f.p05, f.p95, f.format) + ")";
  }
  return s;
}

ReportContent build_content(const ResultDirectory& d, const std::vector<int>& key_years,
                            const std::filesystem::path& scenario_root) {
  ReportContent c;
  const RunTables& base = d.runs.front();
  const std::string& m = base.manifest;
  const std::string scenario_name = manifest_value(m, "name");
  switch (d.kind) {
    case ResultKind::kRun:
      c.title = "Projection: " + scenario_name;
      break;
    case ResultKind::kCompare:
      c.title = "Strategies compared with " + scenario_name;
      break;
    case ResultKind::kSensitivity:
      c.title = "Sensitivity of " + scenario_name;
      break;
  }
  const std::string replications = manifest_value(m, "replications");
  c.facts.push_back("Projection " + manifest_value(m, "start_year") + "-" +
                    manifest_value(m, "end_year") + " from the base year " +
                    manifest_value(m, "base_year") + ", seed " + manifest_value(m, "seed") + ", " +
                    replications + " replication(s), sample fraction " +
                    manifest_value(m, "sample_fraction") + ".");
  c.facts.push_back("ssproj " + manifest_value(m, "ssproj_version") + ", commit " +
                    manifest_value(m, "git_commit") + "; scenario file " +
                    manifest_value(m, "file") + ".");
  if (replications == "1") {
    c.notes.push_back(
        "One replication: no 5-95% bands. Run with --replications 10 or more to "
        "see the sampling noise.");
  }
  std::vector<int> years;
  if (const Table* pop = base.find("population.csv")) years = years_of(*pop);
  std::vector<int> shown;
  for (int y : key_years) {
    if (std::binary_search(years.begin(), years.end(), y)) shown.push_back(y);
  }
  if (!years.empty() && shown.empty()) shown.push_back(years.back());

  if (d.kind == ResultKind::kCompare) add_comparison(d, shown, c);
  if (d.kind == ResultKind::kSensitivity) add_sensitivity(d, c);
  if (d.kind == ResultKind::kCompare && d.comparison_places)
    add_place_effects(*d.comparison_places, c);
  if (d.kind == ResultKind::kRun) add_places(base, shown, c);
  add_run_figures(base, shown, c, d.kind == ResultKind::kRun);
  add_run_charts(base, shown, d.kind == ResultKind::kRun ? "" : "base_", c);
  // Coverage and the fund first, the population behind them.
  std::stable_partition(c.charts.begin(), c.charts.end(), [](const ChartSpec& ch) {
    return ch.kind != ChartKind::kPyramid && ch.id.find("labour") == std::string::npos;
  });
  if (base.find("coverage.csv") == nullptr) {
    c.notes.push_back(
        "The scenario runs no scheme (no coverage, contribution, fund or benefit "
        "tables): only the population and the tables it has are shown.");
  }

  const auto scenario_path = [&](const std::string& file) {
    return scenario_root == "." ? std::filesystem::path(file) : scenario_root / file;
  };
  const std::filesystem::path scenario_file = scenario_path(manifest_value(m, "file"));
  c.assumptions = scenario_assumptions(scenario_file);
  if (!std::filesystem::exists(scenario_file)) {
    c.notes.push_back("The scenario file " + scenario_file.string() +
                      " was not found, so its ASSUMPTION comments are not listed (give "
                      "--scenario-root, the directory ssproj ran in).");
  }
  if (d.kind != ResultKind::kRun) {
    std::set<std::string> seen = {scenario_file.string()};
    for (std::size_t k = 1; k < d.runs.size(); ++k) {
      const std::filesystem::path f = scenario_path(manifest_value(d.runs[k].manifest, "file"));
      if (!seen.insert(f.string()).second) continue;
      for (Assumption& a : scenario_assumptions(f)) {
        if (a.file == scenario_file.string() || a.file == seen.begin()->c_str()) continue;
        bool duplicate = false;
        for (const Assumption& b : c.assumptions) {
          duplicate = duplicate || (b.file == a.file && b.line == a.line);
        }
        if (!duplicate) c.assumptions.push_back(std::move(a));
      }
    }
    c.manifests.emplace_back("the result set", d.manifest);
  }
  for (const RunTables& r : d.runs) c.manifests.emplace_back(r.name, r.manifest);
  return c;
}

}  // namespace ssproj::report
