// ssproj report: report.html and results.xlsx from a result directory.
#include <fstream>

#include <ssproj/error.h>
#include <ssproj/output.h>
#include <ssproj/report.h>

#include "report/content.h"
#include "report/report_html.h"
#include "report/result_tables.h"
#include "report/workbook.h"

namespace ssproj {

std::vector<std::filesystem::path> write_reports(const std::filesystem::path& dir,
                                                 const ReportOptions& options) {
  const report::ResultDirectory results = report::read_result_directory(dir);
  const report::ReportContent content =
      report::build_content(results, options.key_years, options.scenario_root);

  const std::filesystem::path html = dir / "report.html";
  {
    const std::filesystem::path temporary = temporary_name(html);
    std::ofstream out(temporary, std::ios::binary);
    out << report::report_html(content, SSPROJ_CHART_LIBRARY);
    out.close();
    if (!out) throw IoError("cannot write " + temporary.string());
    replace_file_durably(temporary, html);
  }
  const std::filesystem::path xlsx = dir / "results.xlsx";
  {
    const std::filesystem::path temporary = temporary_name(xlsx);
    try {
      report::write_workbook(results, content, temporary);
    } catch (...) {
      std::error_code ec;
      std::filesystem::remove(temporary, ec);
      throw;
    }
    replace_file_durably(temporary, xlsx);
  }
  return {html, xlsx};
}

}  // namespace ssproj
