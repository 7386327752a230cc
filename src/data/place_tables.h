// Loading the tables of places and sectors (data.provinces, data.districts,
// data.sector_shares), after the regions table whose names they use.
#pragma once

#include <ssproj/scenario.h>
#include <ssproj/workforce.h>

#include "core/diagnostics.h"

namespace ssproj::data {

// Reads the optional place and sector tables into `out`, whose regions and population shares
// are already loaded. Without data.provinces the province lists stay empty.
// Reports unknown regions and provinces (with a suggestion), duplicate names, values out of
// range, a region and area with residents but no province, districts holding more persons than
// their province, districts without provinces, and sector shares that do not sum to 1.
bool load_place_tables(const DataFiles& files, WorkforceInputs& out,
                       core::Diagnostics& diagnostics);

}  // namespace ssproj::data
