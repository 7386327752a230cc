// The population tables and the manifest.
#include <algorithm>
#include <charconv>
#include <cmath>

#include <ssproj/output.h>
#include <ssproj/version.h>

#include "output/csv_writer.h"
#include "util/sha256.h"

namespace ssproj {
namespace {

// Quantile p of sorted values, linear interpolation between order statistics
// (Hyndman and Fan 1996, definition 7; R's default).
double quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string json_number(double x) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  (void)ec;
  return std::string(buf, end);
}

}  // namespace

std::string cohort_population_csv(const PopulationSeries& series) {
  output::CsvWriter csv("year,sex,age,persons");
  for (int year = series.first_year; year <= series.last_year(); ++year) {
    for (Sex sex : kSexes) {
      for (int age = 0; age <= kMaxAge; ++age) {
        csv.field(static_cast<long long>(year))
            .field(sex_name(sex))
            .field(static_cast<long long>(age));
        csv.field(series.at(year)[static_cast<std::size_t>(sex)][static_cast<std::size_t>(age)]);
        csv.end_row();
      }
    }
  }
  return csv.text();
}

std::string microsimulation_population_csv(const std::vector<ReplicationResult>& replications) {
  const bool spread = replications.size() > 1;
  output::CsvWriter csv(spread ? "year,sex,age,persons,persons_p05,persons_p50,persons_p95"
                               : "year,sex,age,persons");
  const PopulationSeries& first = replications.front().population;
  std::vector<double> values(replications.size());
  for (int year = first.first_year; year <= first.last_year(); ++year) {
    for (Sex sex : kSexes) {
      for (int age = 0; age <= kMaxAge; ++age) {
        double sum = 0;
        for (std::size_t r = 0; r < replications.size(); ++r) {
          values[r] = replications[r].population.at(
              year)[static_cast<std::size_t>(sex)][static_cast<std::size_t>(age)];
          sum += values[r];
        }
        csv.field(static_cast<long long>(year))
            .field(sex_name(sex))
            .field(static_cast<long long>(age));
        csv.field(sum / static_cast<double>(replications.size()));
        if (spread) {
          std::sort(values.begin(), values.end());
          csv.field(quantile(values, 0.05))
              .field(quantile(values, 0.50))
              .field(quantile(values, 0.95));
        }
        csv.end_row();
      }
    }
  }
  return csv.text();
}

std::string manifest_json(const Scenario& scenario, const ProjectionResults& results,
                          const RunRecord& record) {
  const ProjectionSettings& p = scenario.projection;
  std::string j = "{\n";
  j += "  \"ssproj_version\": " + json_string(kVersion) + ",\n";
  j += "  \"git_commit\": " + json_string(kGitCommit) + ",\n";
  j += "  \"scenario\": {\n";
  j += "    \"file\": " + json_string(scenario.file.generic_string()) + ",\n";
  j += "    \"name\": " + json_string(scenario.name) + ",\n";
  j += "    \"resolved_sha256\": " + json_string(util::sha256_hex(scenario.resolved_toml)) + "\n";
  j += "  },\n";
  j += "  \"data_files\": [\n";
  for (std::size_t i = 0; i < scenario.inputs.files.size(); ++i) {
    const DataFileRecord& f = scenario.inputs.files[i];
    j += "    {\"key\": " + json_string(f.key) +
         ", \"path\": " + json_string(f.path.generic_string()) +
         ", \"sha256\": " + json_string(f.sha256) + "}";
    j += i + 1 < scenario.inputs.files.size() ? ",\n" : "\n";
  }
  j += "  ],\n";
  j += "  \"base_year\": " + std::to_string(scenario.inputs.base_year) + ",\n";
  j += "  \"start_year\": " + std::to_string(p.start_year) + ",\n";
  j += "  \"end_year\": " + std::to_string(p.end_year) + ",\n";
  j += "  \"seed\": " + std::to_string(p.seed) + ",\n";
  j += "  \"replications\": " + std::to_string(p.replications) + ",\n";
  j += "  \"sample_fraction\": " + json_number(p.sample_fraction) + ",\n";
  j += "  \"threads\": " + std::to_string(record.threads) + ",\n";
  j += "  \"wall_seconds\": " + json_number(record.wall_seconds) + ",\n";
  j += "  \"person_years_simulated\": " + json_number(results.person_years) + ",\n";
  const double rate = record.wall_seconds > 0 ? results.person_years / record.wall_seconds : 0.0;
  j += "  \"person_years_per_second\": " + json_number(std::round(rate)) + "\n";
  j += "}\n";
  return j;
}

}  // namespace ssproj
