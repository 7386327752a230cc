#include "interventions/programmes.h"

#include <algorithm>

namespace ssproj::interventions {

std::uint32_t stream_of(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (const char c : name) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 16777619u;
  }
  return 0x80000000u | (h & 0x7fffffffu);
}

std::vector<Programme> build_programmes(const Scenario& scenario) {
  std::vector<Programme> out;
  for (const Intervention& iv : scenario.interventions) {
    Programme p;
    p.spec = &iv;
    p.stream = stream_of(iv.name);
    const InterventionTarget& t = iv.target;
    const WorkforceInputs& w = scenario.workforce;
    // A list the entry left out (or a test's hand-built target) reaches everyone.
    const auto named = [](const std::vector<bool>& flags, std::size_t k) {
      return k >= flags.size() || flags[k];
    };
    for (std::size_t q = 0; q < num_provinces(w); ++q) {
      p.provinces.push_back(named(t.regions, province_region(w, q)) &&
                                    (!w.has_provinces || named(t.provinces, q))
                                ? 1
                                : 0);
    }
    // Code 0 (no named district, no sector) is reached only when the entry names none.
    const bool all_districts =
        std::all_of(t.districts.begin(), t.districts.end(), [](bool b) { return b; });
    p.districts.push_back(all_districts ? 1 : 0);
    for (std::size_t d = 0; d < w.districts.size(); ++d)
      p.districts.push_back(named(t.districts, d) ? 1 : 0);
    const bool all_sectors =
        std::all_of(t.sectors.begin(), t.sectors.end(), [](bool b) { return b; });
    p.sectors.push_back(all_sectors ? 1 : 0);
    for (std::size_t k = 0; k < w.sectors.size(); ++k)
      p.sectors.push_back(named(t.sectors, k) ? 1 : 0);
    const auto mask = [](const auto& flags) {
      unsigned bits = 0;
      for (std::size_t k = 0; k < flags.size(); ++k) bits |= flags[k] ? (1u << k) : 0u;
      return static_cast<std::uint8_t>(bits);
    };
    p.areas = mask(t.areas);
    p.statuses = mask(t.statuses);
    p.sexes = mask(t.sexes);
    p.age_min = static_cast<std::uint8_t>(t.age_min);
    p.age_max = static_cast<std::uint8_t>(t.age_max);
    p.mandate = std::visit(
        [](const auto& type) {
          return requires { type.mandate(0, 0); };
        },
        iv.parameters);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<coverage::Mandate> mandates_of(const std::vector<Programme>& programmes) {
  std::vector<coverage::Mandate> out;
  for (const Programme& p : programmes) {
    const Intervention& iv = *p.spec;
    std::visit(
        [&](const auto& type) {
          if constexpr (requires { type.mandate(0, 0); }) {
            out.push_back(type.mandate(iv.start_year, iv.end_year));
          }
        },
        iv.parameters);
  }
  return out;
}

ProgrammeYear advance(const Programme& p, int year, double sample_fraction, ProgrammeState& state) {
  const Intervention& iv = *p.spec;
  ProgrammeYear y;
  y.runs = iv.runs_in(year);
  const Capacity capacity{sample_fraction, state.targeted};
  std::visit([&](const auto& type) { type.advance(year, capacity, state, y); }, iv.parameters);
  return y;
}

YearCost cost_in(const Intervention& iv, int year, const InterventionTally& tally) {
  const bool runs = iv.runs_in(year);
  YearCost c;
  c.at_base_prices = year == iv.start_year ? iv.setup_cost : 0.0;
  if (runs) c.at_base_prices += iv.fixed_cost_per_year.at(year);
  c.at_base_prices += std::visit(
      [&](const auto& type) {
        return type.variable_cost(year, runs, tally, c.sanctions_at_base_prices);
      },
      iv.parameters);
  return c;
}

bool has_costs(const Intervention& iv) {
  const Schedule& fixed = iv.fixed_cost_per_year;
  const bool running = std::any_of(fixed.points().begin(), fixed.points().end(),
                                   [](const auto& p) { return p.second > 0; });
  return iv.setup_cost > 0 || running ||
         std::visit([](const auto& type) { return type.has_variable_cost(); }, iv.parameters);
}

}  // namespace ssproj::interventions
