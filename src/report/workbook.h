#pragma once

#include <filesystem>

#include "report/content.h"

namespace ssproj::report {

// Writes results.xlsx to `file`: a summary sheet, the charts with their data and native Excel
// charts, one sheet per table (typed numbers, units in the header, frozen header, filters) and
// the assumptions. @throws IoError
void write_workbook(const ResultDirectory& results, const ReportContent& content,
                    const std::filesystem::path& file);

}  // namespace ssproj::report
