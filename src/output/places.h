// The rows of places.csv and comparison_places.csv: the nation, each region, province and named
// district, as sums of the place tallies (WorkforceYear::places).
#pragma once

#include <string>
#include <vector>

#include <ssproj/results.h>
#include <ssproj/workforce.h>

namespace ssproj::output {

struct PlaceRow {
  std::string key;                   // "level,place": "region,South", "district,Paksong"
  std::string within;                // "region,province" of the place ("," for the nation)
  std::vector<std::size_t> members;  // indexes into WorkforceYear::places
};

// The nation, the regions, the provinces (with data.provinces), the named districts.
std::vector<PlaceRow> place_rows(const WorkforceInputs& inputs);

// The sum of rows `rows` of a year's place tallies (WorkforceYear::places).
PlaceTally sum_rows(const std::vector<PlaceTally>& places, const std::vector<std::size_t>& rows);

}  // namespace ssproj::output
