#include "output/replicated_table.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

DefinedValues defined_values(const std::vector<double>& per_replication) {
  DefinedValues d;
  double sum = 0;
  for (double x : per_replication) {
    if (std::isnan(x)) {
      ++d.missing;
      continue;
    }
    d.sorted.push_back(x);
    sum += x;
  }
  d.mean = d.sorted.empty() ? std::numeric_limits<double>::quiet_NaN()
                            : sum / static_cast<double>(d.sorted.size());
  std::sort(d.sorted.begin(), d.sorted.end());
  return d;
}

namespace {

std::string header_of(const std::string& key_header, const std::vector<std::string>& values,
                      bool spread, const std::string& trailing_header) {
  std::string header = key_header;
  for (const std::string& name : values) {
    header += "," + name;
    if (spread) header += "," + name + "_p05," + name + "_p50," + name + "_p95";
  }
  if (!trailing_header.empty()) header += "," + trailing_header;
  return header;
}

}  // namespace

ReplicatedTable::ReplicatedTable(std::string key_header, std::vector<std::string> values,
                                 std::size_t replications, std::string trailing_header)
    : value_names_(std::move(values)),
      replications_(replications),
      has_trailing_(!trailing_header.empty()),
      out_(header_of(key_header, value_names_, replications > 1, trailing_header)),
      row_(value_names_.size() * replications, 0.0),
      sorted_(replications) {}

void ReplicatedTable::add_row(std::string key, std::string trailing, bool median) {
  finish_row();
  key_ = std::move(key);
  trailing_ = std::move(trailing);
  median_ = median;
  std::fill(row_.begin(), row_.end(), 0.0);
  open_ = true;
}

void ReplicatedTable::set(std::size_t r, std::size_t column, double value) {
  row_[column * replications_ + r] = value;
}

void ReplicatedTable::finish_row() {
  if (!open_) return;
  open_ = false;
  const bool spread = replications_ > 1;
  out_.field(key_);
  for (std::size_t column = 0; column < value_names_.size(); ++column) {
    const double* v = &row_[column * replications_];
    double sum = 0;
    for (std::size_t r = 0; r < replications_; ++r) {
      if (std::isinf(v[r])) {
        // No table holds an infinite value: an input far outside any sensible range (the
        // validator's ranges should have caught it) made the projection overflow.
        throw Error(
            "the projection overflowed: column " + value_names_[column] + " of row " + key_ +
            (replications_ > 1 ? " in replication " + std::to_string(r + 1) : std::string()) +
            " is infinite; an input is far outside any sensible range");
      }
      sorted_[r] = v[r];
      sum += v[r];
    }
    sort_nan_last(sorted_);
    out_.field(median_ ? quantile(sorted_, 0.50) : sum / static_cast<double>(replications_));
    if (spread) {
      out_.field(quantile(sorted_, 0.05))
          .field(quantile(sorted_, 0.50))
          .field(quantile(sorted_, 0.95));
    }
  }
  if (has_trailing_) out_.field(trailing_);
  out_.end_row();
}

std::string ReplicatedTable::csv() {
  finish_row();
  return out_.text();
}

}  // namespace ssproj::output
