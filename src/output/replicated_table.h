// A table whose value columns have one value per replication, written as the mean and, with
// more than one replication, the 5th, 50th and 95th percentiles across replications.
#pragma once

#include <string>
#include <vector>

#include "output/csv_writer.h"

namespace ssproj::output {

// Sorts ascending with NaN (an event that does not happen) last, as "later than any value".
void sort_nan_last(std::vector<double>& values);
// Quantile p of values sorted by sort_nan_last, linear interpolation between order statistics
// (Hyndman and Fan 1996, definition 7; R's default): a quantile that falls on a finite order
// statistic is finite, one that needs a NaN is NaN.
double quantile(const std::vector<double>& sorted, double p);

// The values of a measure that is not defined in every replication (a cost per contributor where
// nothing is gained), summarised over those where it is: their mean (summed in replication
// order), their values sorted for quantile(), and how many replications have none (NaN).
struct DefinedValues {
  std::vector<double> sorted;
  double mean = 0;  // NaN when none is defined
  std::size_t missing = 0;
};
DefinedValues defined_values(const std::vector<double>& per_replication);

class ReplicatedTable {
 public:
  // `key_header`: the key columns, e.g. "year,sex,age"; `values`: the value column names.
  ReplicatedTable(std::string key_header, std::vector<std::string> values, std::size_t replications,
                  std::string trailing_header = {});

  // Starts a row with its key text (e.g. "2023,male,0") and, when the table has trailing key
  // columns (written after the values), their text. A `median` row writes the median across
  // replications instead of the mean in each value column (for values that are years: the mean
  // of 2040 and 2041 is no year, and one replication without the event would blank it).
  // The previous row is summarised and written as text now: only one row of values is kept
  // (a 100-replication coverage table would otherwise hold 270 MB of them).
  void add_row(std::string key, std::string trailing = {}, bool median = false);
  // Sets value column `column` of the last row for replication `r`.
  void set(std::size_t r, std::size_t column, double value);

  // CSV text: the keys, then for each value column its mean (median rows: its median) and, with
  // more than one replication, `<name>_p05,<name>_p50,<name>_p95` (Hyndman-Fan definition 7), then
  // the trailing keys. A NaN value (an event that does not happen) is an empty field; the mean is
  // empty when any replication has NaN, the quantiles order NaN last. An infinite value throws
  // (here or in add_row, when its row is written).
  std::string csv();

 private:
  // Writes the current row, if any, as CSV text.
  void finish_row();
  std::vector<std::string> value_names_;
  std::size_t replications_;
  bool has_trailing_;
  CsvWriter out_;
  bool open_ = false;  // a row has been started and not yet written
  std::string key_;
  std::string trailing_;
  bool median_ = false;
  std::vector<double> row_;     // [column][replication] of the current row
  std::vector<double> sorted_;  // scratch: one column's values, sorted
};

}  // namespace ssproj::output
