// The simulated persons, as a structure of arrays.
#pragma once

#include <array>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace ssproj::population {

// One entry per simulated person, in a stable order (survivors keep their relative order;
// children and immigrants are appended); persons who died or emigrated keep their slot, marked
// by age kGone, until the engine compacts the arrays. No per-person objects: each attribute is one
// contiguous array, so each pass of the year step streams through memory. Every column is
// listed once in kColumns; resizing, compaction and copying go through that list.
// What the scheme pays a person (Population::benefit).
enum class Benefit : std::uint8_t {
  kNone = 0,
  kOldAge = 1,      // old-age pension in payment
  kInvalidity = 2,  // invalidity pension in payment (becomes old-age at pensionable age)
  kSettled = 3,     // took a lump sum instead of a pension; no further rights
};

struct Population {
  // The age of a slot whose person died or emigrated, until the next compaction.
  static constexpr std::uint8_t kGone = 255;

  std::vector<std::uint32_t> id;         // unique, never reused within a replication
  std::vector<std::uint8_t> age;         // completed years on 1 July, 0..100 (100 = 100+)
  std::vector<std::uint8_t> sex;         // ssproj::Sex
  std::vector<std::uint8_t> status;      // ssproj::Status (children: inactive)
  std::vector<std::uint8_t> area;        // ssproj::Area
  std::vector<std::uint8_t> region;      // index of WorkforceInputs::regions
  std::vector<std::uint8_t> scheme;      // ssproj::Scheme of a registered member
  std::vector<std::uint8_t> membership;  // ssproj::Membership
  std::vector<std::uint8_t> spell;       // job spell counter (wraps), keys employer compliance
  std::vector<std::uint16_t> months;     // contribution months credited
  // Revalued career earnings: sum over years of months x insurable monthly earnings / wage
  // index; times the current wage index it is the career's insurable earnings at today's level.
  std::vector<float> points;
  std::vector<std::uint8_t> benefit;  // Benefit: none, old-age, invalidity, settled
  std::vector<float> pension;         // monthly pension in payment, kip (current prices)
  // Ring of the last 5 calendar years (slot = year mod 5): annual insurable earnings / wage
  // index, and months paid; for reference earnings over the last N years.
  std::vector<std::array<float, 5>> recent_points;
  std::vector<std::array<std::uint8_t, 5>> recent_months;
  // Years of contribution subsidy received (interventions of type contribution_subsidy);
  // kSubsidyDone once the entitlement has ended.
  std::vector<std::uint8_t> subsidy_years;
  static constexpr std::uint8_t kSubsidyDone = 255;

  static constexpr auto kColumns = std::make_tuple(
      &Population::id, &Population::age, &Population::sex, &Population::status, &Population::area,
      &Population::region, &Population::scheme, &Population::membership, &Population::spell,
      &Population::months, &Population::points, &Population::benefit, &Population::pension,
      &Population::recent_points, &Population::recent_months, &Population::subsidy_years);

  // Bytes of state per person (the sum of the element sizes of every column).
  static constexpr std::size_t bytes_per_person() {
    return std::apply(
        [](auto... column) {
          return (sizeof(typename std::remove_reference_t<decltype(std::declval<Population&>().*
                                                                   column)>::value_type) +
                  ...);
        },
        kColumns);
  }

  template <typename F>
  void for_each_column(F&& f) {
    std::apply([&](auto... column) { (f(this->*column), ...); }, kColumns);
  }

  std::size_t size() const { return id.size(); }
  void resize(std::size_t n) {
    for_each_column([n](auto& c) { c.resize(n); });
  }
  void reserve(std::size_t n) {
    for_each_column([n](auto& c) { c.reserve(n); });
  }
  void shrink_to_fit() {
    for_each_column([](auto& c) { c.shrink_to_fit(); });
  }
  // Copies person i of `from` into slot k of this population (every column).
  void copy_person(const Population& from, std::size_t i, std::size_t k) {
    std::apply([&](auto... column) { (((this->*column)[k] = (from.*column)[i]), ...); }, kColumns);
  }
  // Sets slot k to a new person: every column value-initialized (inactive, never registered,
  // no contributions or benefits, area and region 0).
  void set_new_person(std::size_t k, std::uint32_t person, std::uint8_t years, std::uint8_t s) {
    std::apply([&](auto... column) { (((this->*column)[k] = {}), ...); }, kColumns);
    id[k] = person;
    age[k] = years;
    sex[k] = s;
  }
};

}  // namespace ssproj::population
