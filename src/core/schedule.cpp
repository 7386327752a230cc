#include <algorithm>
#include <cassert>

#include <ssproj/schedule.h>

namespace ssproj {

Schedule Schedule::constant(double value) { return Schedule({{0, value}}, Interpolation::kStep); }

Schedule::Schedule(std::vector<std::pair<int, double>> points, Interpolation interpolation)
    : points_(std::move(points)), interpolation_(interpolation) {
  assert(!points_.empty());
  assert(std::is_sorted(points_.begin(), points_.end(),
                        [](const auto& a, const auto& b) { return a.first < b.first; }));
}

double Schedule::at(int year) const {
  if (points_.size() == 1 || year <= points_.front().first) return points_.front().second;
  if (year >= points_.back().first) return points_.back().second;
  // First point whose year is > `year`; the one before it is <= `year`.
  const auto next = std::upper_bound(points_.begin(), points_.end(), year,
                                     [](int y, const auto& p) { return y < p.first; });
  const auto prev = next - 1;
  if (interpolation_ == Interpolation::kStep) return prev->second;
  const double w = static_cast<double>(year - prev->first) / (next->first - prev->first);
  return prev->second + w * (next->second - prev->second);
}

}  // namespace ssproj
