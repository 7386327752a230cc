#include "demography/cohort_component.h"

#include <Eigen/Core>

namespace ssproj::demography {
namespace {

using Ages = Eigen::Array<double, kNumAges, 1>;

Eigen::Map<const Ages> ages(const AgeVector& v) { return Eigen::Map<const Ages>(v.data()); }

}  // namespace

double survive_and_age(const StepRates& rates, const SexAgeTable& now, SexAgeTable& next) {
  const auto female = static_cast<std::size_t>(Sex::kFemale);
  // Survivors of the step give birth with birth_if_survives, the others with birth_if_dies.
  const Ages births_per_woman =
      ages(rates.birth_if_dies) +
      ages(rates.survival[female]) * (ages(rates.birth_if_survives) - ages(rates.birth_if_dies));
  const double births = (ages(now[female]) * births_per_woman).sum();
  for (Sex sex : kSexes) {
    const auto s = static_cast<std::size_t>(sex);
    const Ages p = ages(now[s]);
    const Ages survivors = p * ages(rates.survival[s]);
    Ages out = Ages::Zero();
    const double share = sex == Sex::kMale ? rates.male_birth_share : 1.0 - rates.male_birth_share;
    out(0) = births * share * rates.newborn_survival[s];
    out.segment(1, kMaxAge - 1) = survivors.head(kMaxAge - 1);
    out(kMaxAge) = survivors(kMaxAge - 1) + survivors(kMaxAge);
    Eigen::Map<Ages>(next[s].data()) = out;
  }
  return births;
}

double cohort_step(const StepRates& rates, const SexAgeTable& now, SexAgeTable& next) {
  const double births = survive_and_age(rates, now, next);
  for (Sex sex : kSexes) {
    const auto s = static_cast<std::size_t>(sex);
    Eigen::Map<Ages> out(next[s].data());
    out = (out + ages(rates.net_migrants[s])).max(0.0);
  }
  return births;
}

PopulationSeries project(int base_year, const SexAgeTable& base,
                         const std::vector<StepRates>& rates) {
  PopulationSeries series;
  series.first_year = base_year;
  series.years.reserve(rates.size() + 1);
  series.years.push_back(base);
  for (const StepRates& r : rates) {
    SexAgeTable next{};
    cohort_step(r, series.years.back(), next);
    series.years.push_back(next);
  }
  return series;
}

}  // namespace ssproj::demography
