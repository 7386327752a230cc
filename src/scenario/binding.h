// Where a scenario key's value goes: the binding of a row of the key table to a field of
// `Scenario` (or of one `[[interventions]]` entry). Reading a scenario, filling the defaults of a
// new `Scenario` or `Intervention`, and nothing else, goes through these bindings, so that a key
// is read in exactly one way.
//
//   field<&Scenario::coverage, &CoverageAssumptions::lapse_hazard>     a (nested) member
//   field_at<1, &Scenario::fund, &FundAssumptions::allocation>        element 1 of an array member
//   entry_field<&Intervention::name>                                  a member of an entry
//   target_field<&InterventionTarget::age_min>                        a member of its target
//   parameter<&MobileRegistration::turnout>                           a parameter of its type
//
// The value stored is the key's node as written, or its default from the key table; values of
// the wrong type or out of range are not stored (validation reports them).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include <ssproj/scenario.h>

#include "interventions/target.h"

namespace ssproj::scenario {

struct KeySpec;

// The parts of an [[interventions]] entry a key can go to: the entry, its target, and the
// parameters of its type (the alternative of Intervention::parameters that the key's type has).
struct EntryParts {
  Intervention* entry = nullptr;
  InterventionTarget* target = nullptr;
  void* parameters = nullptr;
};

struct Binding {
  void (*into_scenario)(const toml::node&, const KeySpec&, Scenario&) = nullptr;
  void (*into_entry)(const toml::node&, const KeySpec&, const EntryParts&) = nullptr;

  bool bound() const { return into_scenario != nullptr || into_entry != nullptr; }
};

// Typed stores, one per kind of field. Each leaves the field unchanged when the node is not a
// valid value of the key.
void store(const toml::node& node, const KeySpec& spec, Schedule& into);
void store(const toml::node& node, const KeySpec& spec, double& into);
void store(const toml::node& node, const KeySpec& spec, int& into);
void store(const toml::node& node, const KeySpec& spec, std::uint64_t& into);
void store(const toml::node& node, const KeySpec& spec, std::string& into);
void store(const toml::node& node, const KeySpec& spec, Indexation& into);
void store(const toml::node& node, const KeySpec& spec, std::vector<int>& into);
void store(const toml::node& node, const KeySpec& spec, std::vector<double>& into);
// A choice of three words "a|b|both": the first selects element 0, the second element 1, the
// third both (interventions.area, interventions.sex).
void store(const toml::node& node, const KeySpec& spec, std::array<bool, 2>& into);
// A list of words of the key's choices: element k is set when the k-th choice is listed.
void store(const toml::node& node, const KeySpec& spec, std::array<bool, kNumStatuses>& into);

// Stores every bound key of the scenario (not of table-array elements): its value in
// `document`, or its default.
void read_bound_keys(const toml::table& document, Scenario& s);
// Stores every bound key of element `element` of the table array `array` ("interventions")
// that applies to `type`: its value in the element, or its default for the type.
void read_bound_element_keys(const toml::table& element, std::string_view array, Intervention& iv);

namespace detail {
template <auto... Members>
void store_member(const toml::node& node, const KeySpec& spec, Scenario& s) {
  store(node, spec, (s.*....*Members));
}
template <std::size_t Index, auto... Members>
void store_element(const toml::node& node, const KeySpec& spec, Scenario& s) {
  store(node, spec, (s.*....*Members)[Index]);
}
template <auto... Members>
void store_entry(const toml::node& node, const KeySpec& spec, const EntryParts& parts) {
  store(node, spec, (*parts.entry.*....*Members));
}
template <auto... Members>
void store_target(const toml::node& node, const KeySpec& spec, const EntryParts& parts) {
  store(node, spec, (*parts.target.*....*Members));
}
template <typename C, typename M>
C class_of(M C::*);
template <auto Member>
void store_parameter(const toml::node& node, const KeySpec& spec, const EntryParts& parts) {
  using Type = decltype(class_of(Member));
  store(node, spec, static_cast<Type*>(parts.parameters)->*Member);
}
}  // namespace detail

template <auto... Members>
inline constexpr Binding field{&detail::store_member<Members...>, nullptr};
template <std::size_t Index, auto... Members>
inline constexpr Binding field_at{&detail::store_element<Index, Members...>, nullptr};
template <auto... Members>
inline constexpr Binding entry_field{nullptr, &detail::store_entry<Members...>};
template <auto... Members>
inline constexpr Binding target_field{nullptr, &detail::store_target<Members...>};
// A member of an intervention type's parameters (interventions/types/).
template <auto Member>
inline constexpr Binding parameter{nullptr, &detail::store_parameter<Member>};

}  // namespace ssproj::scenario
