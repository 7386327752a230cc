// The declaration of a scenario key (KeySpec) and where its value goes: the binding of a row of the
// key table to a field of `Scenario` (or of one `[[interventions]]` entry). Reading a scenario,
// filling the defaults of a new `Scenario` or `Intervention`, and nothing else, goes through these
// bindings, so that a key is read in exactly one way.
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
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include <ssproj/scenario.h>

#include "core/range.h"

namespace ssproj {
struct InterventionTarget;
}  // namespace ssproj

namespace ssproj::core {

enum class Kind {
  kTable,             // a [section]
  kInteger,           // a TOML integer
  kNumber,            // a TOML integer or float
  kNumberOrSchedule,  // a number, or a table of years -> number (see Schedule)
  kString,            // a TOML string
  kPath,              // a TOML string naming a file, relative to the file it is written in
  kChoice,            // a TOML string, one of KeySpec::choices
  kNamedSchedules,    // a table of NAME = number-or-schedule (names checked against data)
  kNumberList,        // an array of numbers, each in range
  kIntegerList,       // an array of integers, each in range
  kStringList,        // an array of strings (each one of KeySpec::choices when given)
  kTableArray,        // an array of tables ([[name]]); its keys are "name.KEY" specs
};

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
// A value that may be absent (a scheme's rule that otherwise follows the general one).
void store(const toml::node& node, const KeySpec& spec, std::optional<Schedule>& into);
void store(const toml::node& node, const KeySpec& spec, std::optional<int>& into);
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

struct KeySpec {
  std::string_view path;  // dotted: "projection.sample_fraction"
  Kind kind;
  bool required = false;
  std::string_view default_toml = {};  // the default as TOML text; empty when required or none
  Range range = {};
  std::string_view units = {};
  // What the key means: the comment of `ssproj describe` and the meaning column of the
  // scenario reference.
  std::string_view description = {};
  std::string_view choices = {};  // kChoice, kStringList: the accepted words, separated by '|'
  // Keys of the elements of a table array ("interventions.KEY"): the values of the element's
  // `type` the key applies to, separated by '|'; empty: every type. One key may have several
  // specs for disjoint sets of types (different defaults or ranges).
  std::string_view types = {};
  // For the scenario reference: conditions beyond the range or the choices ("at most
  // age_max"), and what an absent key without a default means ("(no interventions)").
  std::string_view range_note = {};
  std::string_view default_note = {};
  // The field the value goes to; unbound keys (data paths, names that refer to data tables,
  // an entry's type) are read where the scenario is loaded, with their cross-checks.
  Binding bind = {};
};

// Ranges and word lists that several keys share.
inline constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
inline constexpr Range kYear{1900, 2300, false, false};  // calendar years the format accepts
inline constexpr Range kUnbounded{};
inline constexpr Range kShare{0, 1, false, false};
// Every numeric key has a finite range (issue 12; a test checks it), so that no accepted value
// can carry a projection to infinity or to a count no integer holds. Where nothing else limits a
// key, the bound is one of these, far above any meaningful value: beyond it a value is a typing
// error. The reasons are in docs/scenario-reference.md §2, "Rules that apply to every key".
// An annual rate of change: above -100% and at most +200% (Lao consumer prices rose by 128% in
// 1999, the most in their record). Compounded over the longest projection the format accepts
// (400 years), 3^400 is about 1e191, still far from a double's limit of 1.8e308.
inline constexpr Range kGrowth{-1, 2, true, false};
// A factor on a rate or a probability: at most a hundredfold, beyond any measured effect.
inline constexpr Range kFactor{0, 100, false, false};
// A number of persons (or of visits, inspections): at most 1e10, more than the world's
// population (8.1e9 in 2024).
inline constexpr Range kPersons{0, 1e10, false, false};
// An amount per person or per unit (a wage, a pension, a cost per visit), kip: at most 1e12,
// about 48 million US dollars at the 2023 rate of about 20,800 kip a dollar.
inline constexpr Range kKipPerUnit{0, 1e12, false, false};
// A total amount (GDP, a reserve, a subsidy, a programme's cost), kip: at most 1e18, about half
// the world's GDP in kip in 2023 (about 105 trillion dollars).
inline constexpr Range kKipTotal{0, 1e18, false, false};
// A multiple of the minimum wage (a ceiling, a pension floor, a grant): at most 1000.
inline constexpr Range kMinimumWages{0, 1000, false, false};
// A calendar year, or 0 for "never" (203 is a typing error, not the year 203).
inline constexpr Range kYearOrNever{1900, 2300, false, false, true};
inline constexpr std::string_view kStatusChoices =
    "inactive|unemployed|public_employee|formal_private_employee|informal_employee|"
    "domestic_worker|own_account|contributing_family";

// Whether `word` is one of the '|'-separated words of `list`.
bool in_list(std::string_view list, std::string_view word);

// The key of the interpolation of a schedule table, and the number a node holds (an integer or a
// float), and a schedule key that is a year.
inline constexpr std::string_view kInterpolationKey = "interpolation";
std::optional<double> as_number(const toml::node& node);
std::optional<int> as_year_key(std::string_view key);

// A number or schedule node whose values are in `range`.
std::optional<Schedule> schedule_from_node(const toml::node& node, const Range& range);

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

}  // namespace ssproj::core
