#pragma once

#include <filesystem>
#include <string>

#include "report/content.h"

namespace ssproj::report {

// The whole of report.html, with the chart library read from `chart_library` and inlined.
// @throws IoError when the library cannot be read
std::string report_html(const ReportContent& content, const std::filesystem::path& chart_library);

}  // namespace ssproj::report
