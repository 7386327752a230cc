// What the benefit rules do to one person in a year: pensions in payment, claims at
// pensionable age or on invalidity, and the survivors' and funeral benefits at death. Inline
// and without allocation: each runs once per person and year in the engine's loop, which
// gives them the person's draws and the tallies of its chunk.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

#include "benefits/benefits.h"
#include "population/population.h"

namespace ssproj::benefits {

using population::Benefit;
using population::Population;

inline bool is_pensioner(const Population& p, std::size_t i) {
  const auto benefit = static_cast<Benefit>(p.benefit[i]);
  return benefit == Benefit::kOldAge || benefit == Benefit::kInvalidity;
}

// A pensioner (old-age or invalidity) among the year's recipients.
inline void tally_pensioner(const Population& p, std::size_t i, BenefitTallies& bt) {
  const std::uint8_t sex = p.sex[i];
  const std::size_t group = pensioner_age_group(p.age[i]);
  if (p.benefit[i] == static_cast<std::uint8_t>(Benefit::kOldAge)) {
    bt.old_age_recipients[sex] += 1;
    bt.old_age_monthly[sex] += p.pension[i];
    bt.old_age_recipients_by_age[sex][group] += 1;
    bt.old_age_monthly_by_age[sex][group] += p.pension[i];
  } else {
    bt.invalidity_recipients[sex] += 1;
    bt.invalidity_monthly[sex] += p.pension[i];
    bt.invalidity_recipients_by_age[sex][group] += 1;
    bt.invalidity_monthly_by_age[sex][group] += p.pension[i];
  }
}

// A pensioner's year: the pension indexed (`index`: in every year after the base year), an
// invalidity pension becoming an old-age pension at pensionable age, and the tally.
// REQUIRES: is_pensioner(p, i).
inline void pension_year(Population& p, std::size_t i, const BenefitYear& y, bool index,
                         BenefitTallies& bt) {
  if (index) p.pension[i] = static_cast<float>(p.pension[i] * (1.0 + y.indexation));
  if (p.benefit[i] == static_cast<std::uint8_t>(Benefit::kInvalidity) &&
      p.age[i] >= y.pensionable_age[p.sex[i]]) {
    p.benefit[i] = static_cast<std::uint8_t>(Benefit::kOldAge);
  }
  tally_pensioner(p, i, bt);
}

// A registered member without a benefit, in a year: at or above pensionable age, an old-age
// pension with enough months (claimed with the year's claim probability), otherwise a lump sum
// of the contributions; below it, an invalidity pension with the person's incidence
// (`invalidity_incidence`, zero for a lapsed member). A person who gets a benefit leaves the
// labour force and the scheme. `draw()` gives the person's two uniforms of the year, asked for
// only when a claim is possible. Returns whether the person got a benefit.
template <typename Draw>
bool claim(Population& p, std::size_t i, const BenefitYear& y, double invalidity_incidence,
           Draw&& draw, BenefitTallies& bt) {
  const std::uint8_t sex = p.sex[i];
  const bool old = p.age[i] >= y.pensionable_age[sex];
  if (!old && !(invalidity_incidence > 0)) return false;
  const auto v = draw();
  const double years = p.months[i] / 12.0;
  if (old && p.months[i] >= y.minimum_months) {
    if (v[0] < y.claim_probability) {
      const double reference = reference_monthly(p, i, y);
      p.pension[i] = static_cast<float>(pension_amount(y, years, reference));
      p.benefit[i] = static_cast<std::uint8_t>(Benefit::kOldAge);
      bt.old_age_new[sex] += 1;
      bt.old_age_new_monthly[sex] += p.pension[i];
      bt.old_age_new_by_age[sex][pensioner_age_group(p.age[i])] += 1;
      bt.old_age_new_reference[sex] += reference;
    }
  } else if (old) {
    if (p.months[i] > 0) {
      const double reference = reference_monthly(p, i, y);
      bt.lump_sums[sex] += 1;
      bt.lump_sum_amount[sex] += y.lump_sum_months_per_year * years * reference;
    }
    p.benefit[i] = static_cast<std::uint8_t>(Benefit::kSettled);
  } else if (v[1] < invalidity_incidence && p.months[i] >= y.invalidity_minimum_months) {
    const double reference = reference_monthly(p, i, y);
    const double credited =
        years + y.future_service_credit * std::max(0, y.pensionable_age[sex] - p.age[i]);
    p.pension[i] = static_cast<float>(pension_amount(y, credited, reference));
    p.benefit[i] = static_cast<std::uint8_t>(Benefit::kInvalidity);
    bt.invalidity_new[sex] += 1;
    bt.invalidity_new_by_age[sex][pensioner_age_group(p.age[i])] += 1;
    bt.invalidity_new_monthly[sex] += p.pension[i];
  }
  if (p.benefit[i] == static_cast<std::uint8_t>(Benefit::kNone)) return false;
  // Retired, invalid or settled: out of the labour force and the scheme.
  if (p.benefit[i] != static_cast<std::uint8_t>(Benefit::kSettled)) {
    p.status[i] = static_cast<std::uint8_t>(Status::kInactive);
    p.sector[i] = 0;
    tally_pensioner(p, i, bt);
  }
  if (p.membership[i] == static_cast<std::uint8_t>(Membership::kActive)) {
    p.membership[i] = static_cast<std::uint8_t>(Membership::kLapsed);
  }
  return true;
}

// The rights person i has accrued to date, for the accrued-to-date liability: a registered
// member without a benefit (active, or deferred with credited months), counted by sex and age
// with the accrued monthly pension min(accrual x years, maximum replacement) x reference
// earnings when their months reach the minimum, else the lump sum lump_sum_months_per_year x
// years x reference they would get at pensionable age. No minimum pension: it is not a right
// accrued pro rata. Called before the year's contributions are credited.
inline void tally_accrued(const Population& p, std::size_t i, const BenefitYear& y,
                          BenefitTallies& bt) {
  if (p.benefit[i] != static_cast<std::uint8_t>(Benefit::kNone) ||
      p.membership[i] == static_cast<std::uint8_t>(Membership::kNever)) {
    return;
  }
  const bool active = p.membership[i] == static_cast<std::uint8_t>(Membership::kActive);
  const std::uint16_t months = p.months[i];
  if (!active && months == 0) return;
  const std::uint8_t sex = p.sex[i];
  const std::uint8_t age = p.age[i];
  (active ? bt.accrued_active : bt.accrued_deferred)[sex][age] += 1;
  if (months == 0) return;
  const double years = months / 12.0;
  const double reference = reference_monthly(p, i, y);
  if (months >= y.minimum_months) {
    (active ? bt.accrued_active_monthly : bt.accrued_deferred_monthly)[sex][age] +=
        std::min(y.accrual * years, y.maximum_replacement) * reference;
  } else {
    (active ? bt.accrued_active_lump_sum : bt.accrued_deferred_lump_sum)[sex][age] +=
        y.lump_sum_months_per_year * years * reference;
  }
}

// The death of person i (aged 15 or more): a funeral grant for a pensioner or an active member,
// and the expected survivor pensions (`sv`: the expected spouse and children of a person of
// that sex and age band and their years of payment) on the pension in payment or, for a member
// with enough months, on the reference earnings. Under the rules of the year the awards
// belong to.
// `weight`: the probability of the death, for expected events (1 for a death that happened).
inline void record_death(const Population& p, std::size_t i, const BenefitYear& y,
                         const WorkforceInputs::Survivors& sv, BenefitTallies& tally,
                         double weight = 1.0) {
  constexpr auto kNever = static_cast<std::uint8_t>(Membership::kNever);
  constexpr auto kActive = static_cast<std::uint8_t>(Membership::kActive);
  const std::uint8_t sex = p.sex[i];
  const auto benefit = static_cast<Benefit>(p.benefit[i]);
  const bool pensioner = is_pensioner(p, i);
  if (pensioner || p.membership[i] == kActive) {
    tally.funerals[sex] += weight;
    tally.funeral_amount[sex] += weight * y.funeral_grant;
  }
  double base = 0;  // monthly amount the survivor pensions are shares of
  if (pensioner) {
    base = p.pension[i];
  } else if (benefit == Benefit::kNone && p.membership[i] != kNever &&
             p.months[i] >= y.survivor_minimum_months) {
    base = reference_monthly(p, i, y);
  } else {
    return;
  }
  auto duration = [](double years) {
    return static_cast<std::size_t>(std::clamp<long>(std::lround(years), 1, kMaxSurvivorYears));
  };
  const std::size_t spouse_sex = 1 - sex;
  const std::size_t d = duration(sv.spouse_years);
  const double spouses = weight * sv.spouse_probability;
  tally.spouse_new[spouse_sex][d] += spouses;
  tally.spouse_new_monthly[spouse_sex][d] += spouses * y.spouse_share * base;
  const std::size_t dc = duration(sv.child_years);
  const double children = weight * sv.children;
  tally.child_new[dc] += children;
  tally.child_new_monthly[dc] += children * y.child_share * base;
}

}  // namespace ssproj::benefits
