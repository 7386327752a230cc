// Adding up benefit tallies (per chunk, then weighted by 1 / sample fraction).
#pragma once

#include <type_traits>

#include <ssproj/results.h>

namespace ssproj::engine {

// into += w * t, field by field (every field of BenefitTallies is a count or an amount).
template <typename T, std::size_t N>
inline void add_into(std::array<T, N>& into, const std::array<T, N>& from, double w) {
  for (std::size_t i = 0; i < N; ++i) {
    if constexpr (std::is_arithmetic_v<T>) {
      into[i] += w * from[i];
    } else {
      add_into(into[i], from[i], w);
    }
  }
}

inline void accumulate(BenefitTallies& into, const BenefitTallies& t, double w) {
  add_into(into.old_age_new, t.old_age_new, w);
  add_into(into.old_age_recipients, t.old_age_recipients, w);
  add_into(into.old_age_monthly, t.old_age_monthly, w);
  add_into(into.old_age_new_monthly, t.old_age_new_monthly, w);
  add_into(into.old_age_new_reference, t.old_age_new_reference, w);
  add_into(into.invalidity_new, t.invalidity_new, w);
  add_into(into.invalidity_recipients, t.invalidity_recipients, w);
  add_into(into.invalidity_monthly, t.invalidity_monthly, w);
  add_into(into.invalidity_new_monthly, t.invalidity_new_monthly, w);
  add_into(into.lump_sums, t.lump_sums, w);
  add_into(into.lump_sum_amount, t.lump_sum_amount, w);
  add_into(into.funerals, t.funerals, w);
  add_into(into.funeral_amount, t.funeral_amount, w);
  add_into(into.spouse_new_monthly, t.spouse_new_monthly, w);
  add_into(into.spouse_new, t.spouse_new, w);
  add_into(into.child_new_monthly, t.child_new_monthly, w);
  add_into(into.child_new, t.child_new, w);
  into.births_to_insured += w * t.births_to_insured;
  add_into(into.active, t.active, w);
  add_into(into.active_insurable_monthly, t.active_insurable_monthly, w);
  add_into(into.above_pensionable_age, t.above_pensionable_age, w);
}

}  // namespace ssproj::engine
