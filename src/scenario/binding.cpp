#include "scenario/binding.h"

#include <algorithm>
#include <utility>
#include <variant>
#include <vector>

#include "interventions/intervention.h"
#include "scenario/schema.h"
#include "scenario/validate.h"

namespace ssproj::scenario {
namespace {

std::optional<double> number_in_range(const toml::node& node, const KeySpec& spec) {
  std::optional<double> x;
  if (const auto* i = node.as_integer()) x = static_cast<double>(i->get());
  if (const auto* f = node.as_floating_point()) x = f->get();
  if (!x || !spec.range.contains(*x)) return std::nullopt;
  return x;
}

std::optional<long long> integer_in_range(const toml::node& node, const KeySpec& spec) {
  const auto* i = node.as_integer();
  if (i == nullptr || !spec.range.contains(static_cast<double>(i->get()))) return std::nullopt;
  return i->get();
}

// The position of `word` among the '|'-separated words of `list`, or -1.
int word_index(std::string_view list, std::string_view word) {
  for (int k = 0; !list.empty(); ++k) {
    const auto bar = list.find('|');
    if (list.substr(0, bar) == word) return k;
    list = bar == std::string_view::npos ? std::string_view{} : list.substr(bar + 1);
  }
  return -1;
}

template <typename T>
void store_list(const toml::node& node, const KeySpec& spec, std::vector<T>& into) {
  const auto* array = node.as_array();
  if (array == nullptr || array->empty()) return;
  std::vector<T> values;
  for (const toml::node& item : *array) {
    const std::optional<double> x = number_in_range(item, spec);
    if (!x || (std::is_integral_v<T> && !item.is_integer())) return;
    values.push_back(static_cast<T>(*x));
  }
  into = std::move(values);
}

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

void store(const toml::node& node, const KeySpec& spec, Schedule& into) {
  if (auto s = schedule_from_node(node, spec.range)) into = std::move(*s);
}
void store(const toml::node& node, const KeySpec& spec, double& into) {
  if (auto x = number_in_range(node, spec)) into = *x;
}
void store(const toml::node& node, const KeySpec& spec, int& into) {
  if (auto x = integer_in_range(node, spec)) into = static_cast<int>(*x);
}
void store(const toml::node& node, const KeySpec& spec, std::uint64_t& into) {
  if (auto x = integer_in_range(node, spec); x && *x >= 0) into = static_cast<std::uint64_t>(*x);
}
void store(const toml::node& node, const KeySpec&, std::string& into) {
  if (const auto* s = node.as_string()) into = s->get();
}
void store(const toml::node& node, const KeySpec& spec, Indexation& into) {
  const auto* s = node.as_string();
  if (s == nullptr || !in_list(spec.choices, s->get())) return;
  const auto found = std::find(kIndexationNames.begin(), kIndexationNames.end(), s->get());
  if (found != kIndexationNames.end()) {
    into = static_cast<Indexation>(found - kIndexationNames.begin());
  }
}
void store(const toml::node& node, const KeySpec& spec, std::vector<int>& into) {
  store_list(node, spec, into);
}
void store(const toml::node& node, const KeySpec& spec, std::vector<double>& into) {
  store_list(node, spec, into);
}
void store(const toml::node& node, const KeySpec& spec, std::array<bool, 2>& into) {
  const auto* s = node.as_string();
  const int k = s != nullptr ? word_index(spec.choices, s->get()) : -1;
  if (k >= 0) into = {k != 1, k != 0};
}
void store(const toml::node& node, const KeySpec& spec, std::array<bool, kNumStatuses>& into) {
  const auto* array = node.as_array();
  if (array == nullptr) return;
  std::array<bool, kNumStatuses> flags{};
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    const int k = s != nullptr ? word_index(spec.choices, s->get()) : -1;
    if (k < 0 || k >= kNumStatuses) return;
    flags[static_cast<std::size_t>(k)] = true;
  }
  into = flags;
}

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
