// What a report shows, built once from the result tables and rendered twice: as HTML
// (report_html.cpp) and as an Excel workbook (workbook.cpp).
#pragma once

#include <string>
#include <vector>

#include "report/columns.h"
#include "report/result_tables.h"

namespace ssproj::report {

struct SeriesSpec {
  std::string label;
  std::vector<double> y;       // one value per label of the chart; NaN: not defined
  std::vector<double> lo, hi;  // 5% and 95% quantiles across replications, or empty
  bool dashed = false;         // a reference line (a rate over the whole projection)
};

enum class ChartKind { kLine, kStackedArea, kBar, kPyramid, kTornado };

// Values are already in the unit of the axis (billion kip, percent, persons).
struct ChartSpec {
  std::string id;
  std::string title;
  std::string caption;  // what the chart shows, in plain words
  ChartKind kind = ChartKind::kLine;
  std::string x_title, y_title;
  std::vector<std::string> labels;
  std::vector<SeriesSpec> series;
};

// A key figure of the summary: a value with its 5-95% band when there are replications.
struct KeyFigure {
  std::string label;  // "Contributors (paid at least one month)"
  std::string scenario;
  int year = 0;  // 0: over the projection
  double value = 0, p05 = 0, p95 = 0;
  bool has_band = false;
  std::string unit;
  Format format = Format::kNumber;
};

struct TextTable {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

struct ReportContent {
  std::string title;
  std::vector<std::string> facts;    // the run's settings, one line each
  std::vector<std::string> summary;  // the summary in plain words, one paragraph each
  std::vector<KeyFigure> figures;
  std::vector<TextTable> tables;  // strategy and sensitivity tables
  std::vector<ChartSpec> charts;
  std::vector<Assumption> assumptions;
  std::vector<std::string> notes;                              // what could not be shown, and why
  std::vector<std::pair<std::string, std::string>> manifests;  // (name, manifest.json)
};

ReportContent build_content(const ResultDirectory& results, const std::vector<int>& key_years,
                            const std::filesystem::path& scenario_root);

// Numbers for reading: "412,000", "1.23 million", "845 billion kip", "14.2%".
std::string format_for_reading(double x, Format format);
// A figure with its band: "412,000 (5-95%: 405,000 to 419,000)".
std::string figure_text(const KeyFigure& f);

}  // namespace ssproj::report
