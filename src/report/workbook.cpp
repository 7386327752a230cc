// results.xlsx with libxlsxwriter (Debian libxlsxwriter-dev): a maintained writer of the Office
// Open XML format, so the workbook opens in Excel and LibreOffice with typed cells, number
// formats and native charts, which a CSV cannot carry.
#include "report/workbook.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <map>
#include <xlsxwriter.h>

#include <ssproj/error.h>

namespace ssproj::report {
namespace {

// Excel's limits: a sheet name of at most 31 characters, and this many rows.
constexpr std::size_t kMaxSheetName = 31;
constexpr std::size_t kMaxRows = 1048576;
// Column widths in characters.
constexpr double kKeyWidth = 16, kNumberWidth = 18, kTextWidth = 60;
// Native charts: rows of the data blocks they are drawn beside, and their size.
constexpr double kChartScale = 1.5;
constexpr lxw_row_t kRowsPerChart = 24;

class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& file) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as written: large tables, small memory
    options.use_zip64 = LXW_TRUE;
    book_ = workbook_new_opt(file.c_str(), &options);
    if (book_ == nullptr) throw IoError("cannot create " + file.string());
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_bg_color(header_, 0xEEF3F8);
    format_set_border(header_, LXW_BORDER_THIN);
    title_ = workbook_add_format(book_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    wrap_ = workbook_add_format(book_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    for (Format f : {Format::kKey, Format::kYear, Format::kCount, Format::kMoney, Format::kShare,
                     Format::kNumber}) {
      lxw_format* x = workbook_add_format(book_);
      switch (f) {
        case Format::kYear:
          format_set_num_format(x, "0");
          break;
        case Format::kCount:
        case Format::kMoney:
          format_set_num_format(x, "#,##0");
          break;
        case Format::kShare:
          format_set_num_format(x, "0.0%");
          break;
        case Format::kNumber:
          format_set_num_format(x, "#,##0.00");
          break;
        case Format::kKey:
          break;
      }
      formats_[f] = x;
    }
    // Reproducible files: with SOURCE_DATE_EPOCH set (the reproducible-builds convention) the
    // creation date is that time, and two reports of the same results are byte-identical.
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>("ssproj results");
    properties.comments = const_cast<char*>("Written by ssproj report (docs/outputs.md)");
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
      properties.created = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    }
    workbook_set_properties(book_, &properties);
  }
  ~Workbook() {
    if (book_ != nullptr) {
      // Only reached on an exception: free the workbook; its half-written file is removed by
      // the caller.
      workbook_close(book_);
    }
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void close(const std::filesystem::path& file) {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) throw IoError("cannot write " + file.string() + ": " + lxw_strerror(e));
  }

  lxw_worksheet* sheet(const std::string& wanted) {
    std::string name;
    for (char c : wanted) name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
    if (name.size() > kMaxSheetName) name.resize(kMaxSheetName);
    // Names must be unique (case-insensitively): a suffix when two are cut to the same.
    std::string unique = name;
    for (int k = 2; used_.count(lower(unique)); ++k) {
      const std::string suffix = "~" + std::to_string(k);
      unique = name.substr(0, kMaxSheetName - suffix.size()) + suffix;
    }
    used_.insert({lower(unique), unique});
    lxw_worksheet* ws = workbook_add_worksheet(book_, unique.c_str());
    if (ws == nullptr) throw IoError("cannot add the sheet " + unique);
    last_name_ = unique;
    return ws;
  }
  const std::string& last_name() const { return last_name_; }

  lxw_format* format(Format f) { return formats_.at(f); }
  lxw_format* bold() { return bold_; }
  lxw_format* header() { return header_; }
  lxw_format* title() { return title_; }
  lxw_format* wrap() { return wrap_; }
  lxw_workbook* book() { return book_; }

 private:
  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  lxw_workbook* book_ = nullptr;
  lxw_format *bold_ = nullptr, *header_ = nullptr, *title_ = nullptr, *wrap_ = nullptr;
  std::map<Format, lxw_format*> formats_;
  std::map<std::string, std::string> used_;
  std::string last_name_;
};

void put_number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double x, lxw_format* f) {
  if (std::isfinite(x)) {
    worksheet_write_number(ws, r, c, x, f);
  } else {
    worksheet_write_blank(ws, r, c, f);
  }
}

// A result table as a sheet: the header with units, typed numbers, frozen header, filter.
void table_sheet(Workbook& wb, const std::string& name, const Table& t) {
  lxw_worksheet* ws = wb.sheet(name);
  std::vector<const ColumnInfo*> info;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    info.push_back(column_info(t.header[c]));
    const auto col = static_cast<lxw_col_t>(c);
    const bool key = info.back() == nullptr || info.back()->format == Format::kKey ||
                     info.back()->format == Format::kYear;
    worksheet_set_column(ws, col, col, key ? kKeyWidth : kNumberWidth, nullptr);
  }
  worksheet_set_row(ws, 0, 30, nullptr);
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    std::string label = t.header[c];
    if (info[c] != nullptr && !info[c]->unit.empty())
      label += " (" + std::string(info[c]->unit) + ")";
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), label.c_str(), wb.header());
  }
  const std::size_t rows = std::min(t.rows.size(), kMaxRows - 1);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto col = static_cast<lxw_col_t>(c);
      const std::string& field = t.rows[r][c];
      const Format f = info[c] == nullptr ? Format::kKey : info[c]->format;
      // A key that is a number (a year) is written as a number; a number column's empty field
      // (not defined) as a blank cell.
      const double x = t.number(r, static_cast<int>(c));
      if (f == Format::kKey) {
        if (std::isfinite(x) && t.header[c] != "unit") {
          worksheet_write_number(ws, row, col, x, wb.format(Format::kYear));
        } else {
          worksheet_write_string(ws, row, col, field.c_str(), nullptr);
        }
      } else if (field.empty() || std::isfinite(x)) {
        put_number(ws, row, col, x, wb.format(f));
      } else {
        worksheet_write_string(ws, row, col, field.c_str(), nullptr);  // "horizon"
      }
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows),
                       static_cast<lxw_col_t>(t.header.size() - 1));
}

lxw_chart* native_chart(Workbook& wb, const ChartSpec& c, const std::string& sheet, lxw_row_t first,
                        lxw_row_t last, std::size_t columns) {
  uint8_t type = LXW_CHART_LINE;
  switch (c.kind) {
    case ChartKind::kLine:
      type = LXW_CHART_LINE;
      break;
    case ChartKind::kStackedArea:
      type = LXW_CHART_AREA_STACKED;
      break;
    case ChartKind::kBar:
      type = LXW_CHART_COLUMN;
      break;
    case ChartKind::kPyramid:
      type = LXW_CHART_BAR_STACKED;
      break;
    case ChartKind::kTornado:
      type = LXW_CHART_BAR;
      break;
  }
  lxw_chart* chart = workbook_add_chart(wb.book(), type);
  chart_title_set_name(chart, c.title.c_str());
  chart_axis_set_name(chart->x_axis, c.kind == ChartKind::kPyramid || c.kind == ChartKind::kTornado
                                         ? ""
                                         : c.x_title.c_str());
  chart_axis_set_name(chart->y_axis, c.kind == ChartKind::kPyramid || c.kind == ChartKind::kTornado
                                         ? c.x_title.c_str()
                                         : c.y_title.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  for (std::size_t s = 0; s < columns; ++s) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, sheet.c_str(), first, 0, last, 0);
    chart_series_set_values(series, sheet.c_str(), first, static_cast<lxw_col_t>(s + 1), last,
                            static_cast<lxw_col_t>(s + 1));
    chart_series_set_name_range(series, sheet.c_str(), first - 1, static_cast<lxw_col_t>(s + 1));
  }
  return chart;
}

// Every chart of the report with its data, and the same chart drawn by Excel beside it.
void charts_sheet(Workbook& wb, const std::vector<ChartSpec>& charts) {
  lxw_worksheet* ws = wb.sheet("Charts");
  const std::string name = wb.last_name();
  worksheet_set_column(ws, 0, 0, kKeyWidth, nullptr);
  lxw_row_t row = 0;
  for (const ChartSpec& c : charts) {
    worksheet_write_string(ws, row, 0, c.title.c_str(), wb.title());
    worksheet_write_string(ws, row + 1, 0, c.caption.c_str(), nullptr);
    // The data block: labels, then one column per series (the bands beside, as p05 and p95).
    const lxw_row_t head = row + 2;
    worksheet_write_string(ws, head, 0, (c.kind == ChartKind::kPyramid ? "age" : c.x_title).c_str(),
                           wb.header());
    std::size_t col = 1;
    for (const SeriesSpec& s : c.series) {
      worksheet_write_string(ws, head, static_cast<lxw_col_t>(col++), s.label.c_str(), wb.header());
    }
    std::size_t bands = 0;
    for (const SeriesSpec& s : c.series) {
      if (s.lo.empty()) continue;
      worksheet_write_string(ws, head, static_cast<lxw_col_t>(col++), (s.label + " p05").c_str(),
                             wb.header());
      worksheet_write_string(ws, head, static_cast<lxw_col_t>(col++), (s.label + " p95").c_str(),
                             wb.header());
      ++bands;
    }
    for (std::size_t i = 0; i < c.labels.size(); ++i) {
      const auto r = static_cast<lxw_row_t>(head + 1 + i);
      const double as_number = std::strtod(c.labels[i].c_str(), nullptr);
      if (c.kind != ChartKind::kPyramid && c.kind != ChartKind::kTornado &&
          c.kind != ChartKind::kBar && std::isfinite(as_number) && std::abs(as_number) < 1e6 &&
          std::to_string(static_cast<int>(as_number)) == c.labels[i]) {
        worksheet_write_number(ws, r, 0, as_number, wb.format(Format::kYear));
      } else {
        worksheet_write_string(ws, r, 0, c.labels[i].c_str(), nullptr);
      }
      std::size_t k = 1;
      for (std::size_t s = 0; s < c.series.size(); ++s) {
        // The pyramid's men to the left: negative values in the stacked bars.
        const double sign = c.kind == ChartKind::kPyramid && s == 0 ? -1 : 1;
        put_number(ws, r, static_cast<lxw_col_t>(k++), sign * c.series[s].y[i],
                   wb.format(Format::kNumber));
      }
      for (const SeriesSpec& s : c.series) {
        if (s.lo.empty()) continue;
        put_number(ws, r, static_cast<lxw_col_t>(k++), s.lo[i], wb.format(Format::kNumber));
        put_number(ws, r, static_cast<lxw_col_t>(k++), s.hi[i], wb.format(Format::kNumber));
      }
    }
    const lxw_row_t last = static_cast<lxw_row_t>(head + c.labels.size());
    lxw_chart* chart = native_chart(wb, c, name, head + 1, last, c.series.size());
    lxw_chart_options options{};
    options.x_scale = kChartScale;
    options.y_scale = kChartScale;
    worksheet_insert_chart_opt(ws, row + 2, static_cast<lxw_col_t>(c.series.size() + 2 * bands + 2),
                               chart, &options);
    row = std::max<lxw_row_t>(last, row + kRowsPerChart) + 3;
  }
}

void summary_sheet(Workbook& wb, const ReportContent& c) {
  lxw_worksheet* ws = wb.sheet("Summary");
  worksheet_set_column(ws, 0, 0, kTextWidth, nullptr);
  worksheet_set_column(ws, 1, 6, kNumberWidth, nullptr);
  lxw_row_t r = 0;
  worksheet_write_string(ws, r++, 0, c.title.c_str(), wb.title());
  for (const std::string& f : c.facts) worksheet_write_string(ws, r++, 0, f.c_str(), nullptr);
  ++r;
  for (const std::string& s : c.summary) worksheet_write_string(ws, r++, 0, s.c_str(), nullptr);
  for (const std::string& n : c.notes) worksheet_write_string(ws, r++, 0, n.c_str(), nullptr);
  ++r;
  const char* header[] = {"key figure", "scenario", "year", "value", "5%", "95%", "unit"};
  for (lxw_col_t k = 0; k < 7; ++k) worksheet_write_string(ws, r, k, header[k], wb.header());
  ++r;
  for (const KeyFigure& f : c.figures) {
    worksheet_write_string(ws, r, 0, f.label.c_str(), nullptr);
    worksheet_write_string(ws, r, 1, f.scenario.c_str(), nullptr);
    if (f.year) {
      worksheet_write_number(ws, r, 2, f.year, wb.format(Format::kYear));
    } else {
      worksheet_write_string(ws, r, 2, "projection", nullptr);
    }
    put_number(ws, r, 3, f.value, wb.format(f.format));
    if (f.has_band) {
      put_number(ws, r, 4, f.p05, wb.format(f.format));
      put_number(ws, r, 5, f.p95, wb.format(f.format));
    }
    worksheet_write_string(ws, r, 6, f.unit.c_str(), nullptr);
    ++r;
  }
  for (const TextTable& t : c.tables) {
    ++r;
    worksheet_write_string(ws, r++, 0, t.title.c_str(), wb.bold());
    for (std::size_t k = 0; k < t.header.size(); ++k) {
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(k), t.header[k].c_str(), wb.header());
    }
    ++r;
    for (const auto& row : t.rows) {
      for (std::size_t k = 0; k < row.size(); ++k) {
        worksheet_write_string(ws, r, static_cast<lxw_col_t>(k), row[k].c_str(), nullptr);
      }
      ++r;
    }
  }
}

void assumptions_sheet(Workbook& wb, const ReportContent& c) {
  lxw_worksheet* ws = wb.sheet("Assumptions");
  worksheet_set_column(ws, 0, 0, 30, nullptr);
  worksheet_set_column(ws, 1, 1, 100, wb.wrap());
  worksheet_set_column(ws, 2, 2, 45, nullptr);
  const char* header[] = {"key", "reasoning and source", "file:line"};
  for (lxw_col_t k = 0; k < 3; ++k) worksheet_write_string(ws, 0, k, header[k], wb.header());
  lxw_row_t r = 1;
  for (const Assumption& a : c.assumptions) {
    worksheet_write_string(ws, r, 0, a.key.c_str(), nullptr);
    worksheet_write_string(ws, r, 1, a.text.c_str(), wb.wrap());
    worksheet_write_string(ws, r, 2, (a.file + ":" + std::to_string(a.line)).c_str(), nullptr);
    ++r;
  }
  worksheet_freeze_panes(ws, 1, 0);
}

std::string stem(const std::string& file) { return file.substr(0, file.rfind('.')); }

}  // namespace

void write_workbook(const ResultDirectory& d, const ReportContent& c,
                    const std::filesystem::path& file) {
  Workbook wb(file);
  summary_sheet(wb, c);
  charts_sheet(wb, c.charts);
  if (d.comparison) table_sheet(wb, "comparison", *d.comparison);
  if (d.decisions) table_sheet(wb, "decisions", *d.decisions);
  if (d.tornado) table_sheet(wb, "tornado", *d.tornado);
  if (d.sensitivity) table_sheet(wb, "sensitivity", *d.sensitivity);
  if (d.kind == ResultKind::kRun) {
    for (const std::string& name : d.runs.front().order) {
      table_sheet(wb, stem(name), *d.runs.front().find(name));
    }
  } else {
    // Every scenario's valuation tables; the long tables stay in each scenario's CSV files.
    for (const RunTables& run : d.runs) {
      for (const char* t : {"finance.csv", "indicators.csv"}) {
        if (const Table* table = run.find(t)) table_sheet(wb, run.name + " " + stem(t), *table);
      }
    }
  }
  assumptions_sheet(wb, c);
  wb.close(file);
}

}  // namespace ssproj::report
