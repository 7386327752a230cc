#include "output/replicated_table.h"

#include <algorithm>
#include <cmath>

#include <ssproj/error.h>

#include "output/csv_writer.h"

namespace ssproj::output {

void sort_nan_last(std::vector<double>& values) {
  std::sort(values.begin(), values.end(), [](double a, double b) {
    return std::isnan(b) ? !std::isnan(a) : (!std::isnan(a) && a < b);
  });
}

double quantile(const std::vector<double>& sorted, double p) {
  // NaN (an event that does not happen) sorts last, as "later than any value": a quantile
  // that falls on a finite order statistic is finite, one that needs a NaN is NaN.
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  const double w = h - static_cast<double>(lo);
  if (w == 0) return sorted[lo];
  return sorted[lo] + w * (sorted[hi] - sorted[lo]);
}

ReplicatedTable::ReplicatedTable(std::string key_header, std::vector<std::string> values,
                                 std::size_t replications, std::string trailing_header)
    : key_header_(std::move(key_header)),
      value_names_(std::move(values)),
      replications_(replications),
      trailing_header_(std::move(trailing_header)) {}

void ReplicatedTable::add_row(std::string key, std::string trailing, bool median) {
  keys_.push_back(std::move(key));
  median_.push_back(median);
  trailing_.push_back(std::move(trailing));
  values_.resize(values_.size() + value_names_.size() * replications_, 0.0);
}

void ReplicatedTable::set(std::size_t r, std::size_t column, double value) {
  const std::size_t row = keys_.size() - 1;
  values_[(row * value_names_.size() + column) * replications_ + r] = value;
}

std::string ReplicatedTable::csv() const {
  const bool spread = replications_ > 1;
  std::string header = key_header_;
  for (const std::string& name : value_names_) {
    header += "," + name;
    if (spread) header += "," + name + "_p05," + name + "_p50," + name + "_p95";
  }
  if (!trailing_header_.empty()) header += "," + trailing_header_;
  CsvWriter out(header);
  std::vector<double> values(replications_);
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    out.field(keys_[row]);
    for (std::size_t column = 0; column < value_names_.size(); ++column) {
      const double* v = &values_[(row * value_names_.size() + column) * replications_];
      double sum = 0;
      for (std::size_t r = 0; r < replications_; ++r) {
        if (std::isinf(v[r])) {
          // No table holds an infinite value: an input far outside any sensible range (the
          // validator's ranges should have caught it) made the projection overflow.
          throw Error(
              "the projection overflowed: column " + value_names_[column] + " of row " +
              keys_[row] +
              (replications_ > 1 ? " in replication " + std::to_string(r + 1) : std::string()) +
              " is infinite; an input is far outside any sensible range");
        }
        values[r] = v[r];
        sum += v[r];
      }
      sort_nan_last(values);
      out.field(median_[row] ? quantile(values, 0.50) : sum / static_cast<double>(replications_));
      if (spread) {
        out.field(quantile(values, 0.05))
            .field(quantile(values, 0.50))
            .field(quantile(values, 0.95));
      }
    }
    if (!trailing_header_.empty()) out.field(trailing_[row]);
    out.end_row();
  }
  return out.text();
}

}  // namespace ssproj::output
