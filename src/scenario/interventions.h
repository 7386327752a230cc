// Reading the [[interventions]] entries of a merged scenario into typed Intervention values.
#pragma once

#include <toml++/toml.h>

#include <ssproj/scenario.h>

#include "core/diagnostics.h"
#include "scenario/schema.h"

namespace ssproj::scenario {

// Reads every [[interventions]] entry that passed the schema check into s.interventions, and
// checks what the schema cannot: unique names, end after start, schedules that give a value
// in the start year, region names of the regions table, age_min <= age_max, and that the
// scenario has the workforce tables. Adds warnings for entries without costs and entries that
// never run within the projection. REQUIRES: the workforce tables are loaded (when given).
void read_interventions(const toml::table& document, Scenario& s, Diagnostics& diagnostics);

// Fills in the defaults of every entry's keys (for the resolved scenario).
void add_intervention_defaults(toml::table& document);

}  // namespace ssproj::scenario
