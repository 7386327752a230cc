#include "interventions/programmes.h"

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
    p.regions.assign(scenario.workforce.regions.size(), 1);
    for (std::size_t r = 0; r < p.regions.size() && r < t.regions.size(); ++r) {
      p.regions[r] = t.regions[r] ? 1 : 0;
    }
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
    out.push_back(std::move(p));
  }
  return out;
}

ProgrammeYear advance(const Programme& p, int year, double sample_fraction, ProgrammeState& state) {
  const Intervention& iv = *p.spec;
  ProgrammeYear y;
  y.runs = iv.runs_in(year);
  // Capacity in real persons over the target in simulated persons (last year's count).
  const auto share_of_target = [&](double persons) {
    if (persons <= 0) return 0.0;
    return state.targeted > 0 ? std::min(1.0, persons * sample_fraction / state.targeted) : 1.0;
  };
  switch (iv.type) {
    case InterventionType::kMobileRegistration:
      if (y.runs) y.visit = share_of_target(iv.visits_per_year.at(year) * iv.persons_per_visit);
      break;
    case InterventionType::kInformationOutreach: {
      const double kept = state.aware * (1.0 - iv.awareness_decay);
      y.contact = y.runs ? share_of_target(iv.persons_reached_per_year.at(year)) : 0.0;
      state.aware = kept + y.contact * (1.0 - kept);
      y.aware_before = kept;
      y.aware = state.aware;
      break;
    }
    case InterventionType::kContributionSubsidy:
      if (y.runs) y.subsidy = iv.subsidy_share.at(year);
      break;
    case InterventionType::kEnforcement:
      y.inspected = y.runs ? iv.inspected_share.at(year) : 0.0;
      state.intensity = state.intensity * (1.0 - iv.effect_decay) + y.inspected;
      y.enforcement = std::min(1.0, iv.compliance_effect * state.intensity);
      y.declared = 1.0 - iv.underdeclaration_effect * std::min(1.0, state.intensity);
      break;
    case InterventionType::kDigitalServices:
      if (y.runs) y.access = iv.access_share.at(year);
      break;
    case InterventionType::kDistrictOffice:
    case InterventionType::kDomesticWorkerMandate:
      break;
  }
  return y;
}

}  // namespace ssproj::interventions
