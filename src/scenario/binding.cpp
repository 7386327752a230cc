#include <algorithm>
#include <utility>
#include <variant>
#include <vector>

#include "interventions/intervention.h"
#include "scenario/schema.h"
#include "scenario/validate.h"

namespace ssproj::scenario {
namespace {
// The default of every key with one, parsed once: [i] belongs to scenario_keys()[i].
const std::vector<toml::table>& parsed_defaults() {
  static const std::vector<toml::table> parsed = [] {
    std::vector<toml::table> out;
    for (const KeySpec& spec : scenario_keys()) {
      out.push_back(spec.default_toml.empty()
                        ? toml::table{}
                        : toml::parse("v = " + std::string(spec.default_toml)));
    }
    return out;
  }();
  return parsed;
}

}  // namespace

void read_bound_keys(const toml::table& document, Scenario& s) {
  const std::span<const KeySpec> keys = scenario_keys();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeySpec& spec = keys[i];
    if (spec.bind.into_scenario == nullptr) continue;
    const toml::node* node = document.at_path(spec.path).node();
    if (node == nullptr) node = parsed_defaults()[i].get("v");
    if (node != nullptr) spec.bind.into_scenario(*node, spec, s);
  }
}

void read_bound_element_keys(const toml::table& element, std::string_view array, Intervention& iv) {
  const std::string_view type = iv.type_name();
  const EntryParts parts{&iv, &iv.target,
                         std::visit([](auto& p) -> void* { return &p; }, iv.parameters)};
  const std::span<const KeySpec> keys = scenario_keys();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeySpec& spec = keys[i];
    if (spec.bind.into_entry == nullptr || !spec.path.starts_with(array) ||
        (!spec.types.empty() && !in_list(spec.types, type))) {
      continue;
    }
    const toml::node* node = element.get(spec.path.substr(array.size() + 1));
    if (node == nullptr) node = parsed_defaults()[i].get("v");
    if (node != nullptr) spec.bind.into_entry(*node, spec, parts);
  }
}

}  // namespace ssproj::scenario

namespace ssproj {

Scenario::Scenario() { scenario::read_bound_keys(toml::table{}, *this); }

Scenario::~Scenario() = default;
Scenario::Scenario(const Scenario&) = default;
Scenario::Scenario(Scenario&&) noexcept = default;
Scenario& Scenario::operator=(const Scenario&) = default;
Scenario& Scenario::operator=(Scenario&&) noexcept = default;

namespace {

// The parameters of type `t`, value-initialised.
interventions::Parameters parameters_of(InterventionType t) {
  static const auto all = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<interventions::Parameters, sizeof...(I)>{
        interventions::Parameters(std::in_place_index<I>)...};
  }
  (std::make_index_sequence<kNumInterventionTypes>{});
  return all[static_cast<std::size_t>(t)];
}

}  // namespace

Intervention::Intervention(InterventionType t) : parameters(parameters_of(t)) {
  scenario::read_bound_element_keys(toml::table{}, "interventions", *this);
  std::visit(
      [this](const auto& type) {
        if constexpr (requires { type.fixed_target(target); }) type.fixed_target(target);
      },
      parameters);
}

}  // namespace ssproj
