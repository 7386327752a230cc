// Every data table a scenario can name: its key under [data], the field its path goes to, how
// it is loaded and, for the yearly tables, its shape. Loading, the resolved scenario's paths, the
// records of the input files and the test that every path key has a table follow from this one
// list; the key's meaning and units are in its row of the key table (schema.cpp).
#pragma once

#include <array>
#include <cmath>
#include <filesystem>
#include <string_view>

#include <ssproj/scenario.h>

#include "data/yearly_table.h"

namespace ssproj::scenario {

enum class TableGroup : std::uint8_t {
  kDemographic,  // required: the population projection (yearly tables with a shape)
  kWorkforce,    // the five workforce tables: all of them or none
  kOptional,     // read only with the workforce tables
};

struct DataTable {
  std::string_view key;
  std::filesystem::path DataFiles::*member;
  TableGroup group;
  data::TableShape shape = {};  // kDemographic only
};

inline const std::array<DataTable, 17>& data_tables() {
  using core::Range;
  static const std::array<DataTable, 17> tables = {{
      // At most 1e8 persons of one sex and one year of age: no country comes near (India, the
      // largest population, has about 13 million); larger values are typing errors, and would
      // overflow the simulation's person counts.
      {"data.base_population",
       &DataFiles::base_population,
       TableGroup::kDemographic,
       {"persons", true, true, 0, kMaxAge, true, Range{0, 1e8}}},
      // m_x <= 2 keeps the probability of dying m / (1 + m / 2) at or below 1.
      {"data.mortality",
       &DataFiles::mortality,
       TableGroup::kDemographic,
       {"mx", true, true, 0, kMaxAge, true, Range{0, 2}}},
      {"data.fertility",
       &DataFiles::fertility,
       TableGroup::kDemographic,
       {"asfr", false, true, 0, kMaxAge, false, Range{0, 1}}},
      {"data.sex_ratio_at_birth",
       &DataFiles::sex_ratio_at_birth,
       TableGroup::kDemographic,
       {"sex_ratio_at_birth", false, false, 0, 0, true, Range{0.5, 2}}},
      // Net migrants of one sex and one year of age in a year: at most 1e7 either way, a bound
      // no country's migration comes near, for the same reason.
      {"data.net_migration",
       &DataFiles::net_migration,
       TableGroup::kDemographic,
       {"net_migrants", true, true, 0, kMaxAge, true, Range{-1e7, 1e7}}},
      {"data.regions", &DataFiles::regions, TableGroup::kWorkforce},
      {"data.labour_status_shares", &DataFiles::labour_status_shares, TableGroup::kWorkforce},
      {"data.labour_transitions", &DataFiles::labour_transitions, TableGroup::kWorkforce},
      {"data.earnings", &DataFiles::earnings, TableGroup::kWorkforce},
      {"data.age_earnings_profile", &DataFiles::age_earnings_profile, TableGroup::kWorkforce},
      {"data.invalidity", &DataFiles::invalidity, TableGroup::kOptional},
      {"data.survivors", &DataFiles::survivors, TableGroup::kOptional},
      {"data.pensioners", &DataFiles::pensioners, TableGroup::kOptional},
      {"data.service", &DataFiles::service, TableGroup::kOptional},
      {"data.provinces", &DataFiles::provinces, TableGroup::kOptional},
      {"data.districts", &DataFiles::districts, TableGroup::kOptional},
      {"data.sector_shares", &DataFiles::sector_shares, TableGroup::kOptional},
  }};
  return tables;
}

// The shape a yearly table is read with: data.mortality holds probabilities of dying q_x
// (column qx, each at most 1) when demography.mortality_measure is "qx", central death rates
// otherwise.
inline data::TableShape table_shape(const DataTable& table, std::string_view mortality_measure) {
  if (table.member == &DataFiles::mortality && mortality_measure == "qx") {
    return {"qx", true, true, 0, kMaxAge, true, core::Range{0, 1}};
  }
  return table.shape;
}

}  // namespace ssproj::scenario
