// The simulated persons, as a structure of arrays.
#pragma once

#include <array>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

// GCC 12's -Wstringop-overflow misfires on Boost.Container's memset/memmove when it inlines the
// growth of a vector it can prove empty (a unit test's one-person population); silenced for this
// header only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif
#include <boost/container/vector.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace ssproj::population {

// One entry per simulated person, in a stable order (survivors keep their relative order;
// children and immigrants are appended); persons who died or emigrated keep their slot, marked
// by age kGone, until the engine compacts the arrays. No per-person objects: each attribute is one
// contiguous array, so each pass of the year step streams through memory. Every column is
// listed once in kColumns; resizing, compaction and copying go through that list. The engine
// reserves the arrays once per run and compacts them in place, so their storage is allocated
// once and never moved while the population stays within that reservation.
// What the scheme pays a person (Population::benefit).
enum class Benefit : std::uint8_t {
  kNone = 0,
  kOldAge = 1,      // old-age pension in payment
  kInvalidity = 2,  // invalidity pension in payment (becomes old-age at pensionable age)
  kSettled = 3,     // took a lump sum instead of a pension; no further rights
};

// A column of the population: Boost.Container's vector, which (unlike std::vector) can grow
// without initialising its new elements (resize with default_init). The engine writes every new
// slot with set_new_person() anyway, so growing the arrays costs no serial zero fill and the
// first touch of new memory happens where the slots are written, in parallel.
template <typename T>
using Column = boost::container::vector<T>;

struct Population {
  // The age of a slot whose person died or emigrated, until the next compaction.
  static constexpr std::uint8_t kGone = 255;

  Column<std::uint32_t> id;         // unique, never reused within a replication
  Column<std::uint8_t> age;         // completed years on 1 July, 0..100 (100 = 100+)
  Column<std::uint8_t> sex;         // ssproj::Sex
  Column<std::uint8_t> status;      // ssproj::Status (children: inactive)
  Column<std::uint8_t> area;        // ssproj::Area
  Column<std::uint8_t> region;      // index of WorkforceInputs::regions
  Column<std::uint8_t> province;    // index of WorkforceInputs::provinces (in the region)
  Column<std::uint8_t> district;    // 1 + index of WorkforceInputs::districts; 0 elsewhere
  Column<std::uint8_t> sector;      // 1 + index of WorkforceInputs::sectors when employed; 0
  Column<std::uint8_t> scheme;      // ssproj::Scheme of a registered member
  Column<std::uint8_t> membership;  // ssproj::Membership
  Column<std::uint8_t> spell;       // job spell counter (wraps), keys employer compliance
  Column<std::uint16_t> months;     // contribution months credited
  // Revalued career earnings: sum over years of months x insurable monthly earnings / wage
  // index; times the current wage index it is the career's insurable earnings at today's level.
  Column<float> points;
  Column<std::uint8_t> benefit;  // Benefit: none, old-age, invalidity, settled
  Column<float> pension;         // monthly pension in payment, kip (current prices)
  // Ring of the last 5 calendar years (slot = year mod 5): annual insurable earnings / wage
  // index, and months paid; for reference earnings over the last N years.
  Column<std::array<float, 5>> recent_points;
  Column<std::array<std::uint8_t, 5>> recent_months;
  // Years of contribution subsidy received (interventions of type contribution_subsidy);
  // kSubsidyDone once the entitlement has ended.
  Column<std::uint8_t> subsidy_years;
  // The lifelong earnings factor (a function of the id, drawn when the person first needs it:
  // first contributes, or enters the base year's stocks); 0 until then.
  Column<float> earnings_factor;
  static constexpr std::uint8_t kSubsidyDone = 255;

  static constexpr auto kColumns = std::make_tuple(
      &Population::id, &Population::age, &Population::sex, &Population::status, &Population::area,
      &Population::region, &Population::province, &Population::district, &Population::sector,
      &Population::scheme, &Population::membership, &Population::spell, &Population::months,
      &Population::points, &Population::benefit, &Population::pension, &Population::recent_points,
      &Population::recent_months, &Population::subsidy_years, &Population::earnings_factor);

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

  static constexpr std::size_t kNumColumns = std::tuple_size_v<decltype(kColumns)>;
  // f(column k), for a column index k < kNumColumns known only at run time (to spread the
  // columns over threads).
  template <typename F>
  void visit_column(std::size_t k, F&& f) {
    visit_column(k, f, std::make_index_sequence<kNumColumns>{});
  }

  // Keeps the persons whose age is not kGone, in their order, at the front of every column:
  // each column is compacted in place, the age column (which says who stays) last; then the
  // size shrinks to the living and the capacity is kept. `for_columns(count, body)` runs
  // body(k) for k in [0, count), possibly in parallel: no two columns share memory.
  template <typename ForColumns>
  std::size_t compact(ForColumns&& for_columns) {
    const std::size_t n = size();
    const std::uint8_t* alive = age.data();
    // Without a branch (whether a slot is gone is random, and a mispredicted branch per slot
    // cost more than the copy): every slot is copied down to k <= i, and k advances past the
    // living only.
    const auto keep = [n, alive](auto& column) {
      auto* const data = column.data();
      std::size_t k = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const bool stays = alive[i] != kGone;
        data[k] = data[i];
        k += stays ? 1 : 0;
      }
      return k;
    };
    // Column 1 is age (kColumns' order); it is compacted after the others have read it.
    static_assert(std::get<1>(kColumns) == &Population::age);
    for_columns(kNumColumns - 1, [&](std::size_t k) {
      visit_column(k < 1 ? k : k + 1, [&](auto& column) { keep(column); });
    });
    const std::size_t living = keep(age);
    resize_for_overwrite(living);  // shrinks: nothing to initialise
    return living;
  }

  std::size_t size() const { return id.size(); }
  // Resizes every column; new slots are value-initialised (as by set_new_person without id, age
  // and sex).
  void resize(std::size_t n) {
    for_each_column([n](auto& c) { c.resize(n); });
  }
  // Resizes every column, leaving new slots uninitialised: each must be set by set_new_person()
  // before it is read. For the engine, which writes every new slot in its (parallel) passes.
  void resize_for_overwrite(std::size_t n) {
    for_each_column([n](auto& c) { c.resize(n, boost::container::default_init); });
  }
  void reserve(std::size_t n) {
    for_each_column([n](auto& c) { c.reserve(n); });
  }
  // Copies person i of `from` into slot k of this population (every column).
  void copy_person(const Population& from, std::size_t i, std::size_t k) {
    std::apply([&](auto... column) { (((this->*column)[k] = (from.*column)[i]), ...); }, kColumns);
  }
  // Sets slot k to a new person: every column value-initialized (inactive, never registered,
  // no contributions or benefits, area, region, province, district and sector 0).
  void set_new_person(std::size_t k, std::uint32_t person, std::uint8_t years, std::uint8_t s) {
    std::apply([&](auto... column) { (((this->*column)[k] = {}), ...); }, kColumns);
    id[k] = person;
    age[k] = years;
    sex[k] = s;
  }

 private:
  template <typename F, std::size_t... I>
  void visit_column(std::size_t k, F& f, std::index_sequence<I...>) {
    ((k == I ? f(this->*std::get<I>(kColumns)) : void()), ...);
  }
};

}  // namespace ssproj::population
