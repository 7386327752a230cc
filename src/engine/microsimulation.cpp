#include "engine/microsimulation.h"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <ssproj/error.h>

#include "demography/cohort_component.h"

namespace ssproj::engine {
namespace {

// What happened to a person in a step (bit flags in Microsimulation::fate_).
enum Fate : std::uint8_t {
  kStays = 1,      // alive and still in the country on 1 July next year
  kChild = 2,      // gave birth to a child who is alive and in the country on 1 July
  kChildMale = 4,  // ... and the child is a boy
};

constexpr auto kFemale = static_cast<std::size_t>(Sex::kFemale);

// Per-chunk results of the first pass, combined in chunk order.
struct ChunkTally {
  std::int64_t stays = 0;
  std::int64_t children = 0;
  Counts counts{};  // persons on 1 July next year, by sex and age
  std::array<std::int64_t, kNumSexes> births{};
  std::array<std::int64_t, kNumSexes> deaths{};
  std::array<std::int64_t, kNumSexes> emigrants{};
};

// Probability that a person arriving at age x (sex s) on 1 July next year emigrates instead:
// the step's net emigrants of that age over the expected number of persons reaching it, so
// that expected emigrants equal the (sampled) net migration.
SexAgeTable emigration_probabilities(const demography::StepRates& rates, const Counts& now,
                                     double sample_fraction) {
  SexAgeTable current{};
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t x = 0; x < kNumAges; ++x) current[s][x] = static_cast<double>(now[s][x]);
  }
  SexAgeTable expected{};
  demography::survive_and_age(rates, current, expected);
  SexAgeTable p{};
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      const double leaving = -rates.net_migrants[s][x] * sample_fraction;
      if (leaving <= 0) continue;
      p[s][x] = expected[s][x] > 0 ? std::min(1.0, leaving / expected[s][x]) : 1.0;
    }
  }
  return p;
}

std::uint8_t older(std::uint8_t age) {
  return static_cast<std::uint8_t>(std::min<int>(age + 1, kMaxAge));
}

}  // namespace

Microsimulation::Microsimulation(const SexAgeTable& base, int base_year, double sample_fraction,
                                 std::uint64_t seed, std::uint32_t replication)
    : rng_(seed, replication), sample_fraction_(sample_fraction), year_(base_year) {
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      const double expected = base[s][x] * sample_fraction;
      const double whole = std::floor(expected);
      const std::uint32_t subject = static_cast<std::uint32_t>(s * kNumAges + x);
      const double u = rng_.uniforms(Stream::kInitialPopulation, subject, base_year)[0];
      const auto n = static_cast<std::int64_t>(whole) + (u < expected - whole ? 1 : 0);
      counts_[s][x] = n;
      for (std::int64_t i = 0; i < n; ++i) {
        population_.push_back(next_id_++, static_cast<std::uint8_t>(x),
                              static_cast<std::uint8_t>(s));
      }
    }
  }
}

DemographicEvents Microsimulation::step(const demography::StepRates& rates) {
  const int year = year_;
  const std::size_t n = population_.size();
  const std::size_t num_chunks = (n + kChunkSize - 1) / kChunkSize;
  const SexAgeTable emigrate = emigration_probabilities(rates, counts_, sample_fraction_);
  fate_.resize(n);
  std::vector<ChunkTally> tallies(num_chunks);

  // Pass 1: each person's fate. Draws depend only on (seed, replication, id, year).
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, num_chunks), [&](const auto& range) {
    for (std::size_t c = range.begin(); c != range.end(); ++c) {
      ChunkTally& t = tallies[c];
      const std::size_t end = std::min(n, (c + 1) * kChunkSize);
      for (std::size_t i = c * kChunkSize; i < end; ++i) {
        const std::uint8_t age = population_.age[i];
        const std::uint8_t sex = population_.sex[i];
        const std::uint8_t next_age = older(age);
        const auto u = rng_.uniforms(Stream::kDemography, population_.id[i], year);
        std::uint8_t fate = 0;
        const bool survives = u[0] < rates.survival[sex][age];
        if (!survives) {
          ++t.deaths[sex];
        } else if (u[1] < emigrate[sex][next_age]) {
          ++t.emigrants[sex];
        } else {
          fate |= kStays;
          ++t.stays;
          ++t.counts[sex][next_age];
        }
        if (sex == kFemale &&
            u[2] < (survives ? rates.birth_if_survives[age] : rates.birth_if_dies[age])) {
          const auto v = rng_.uniforms(Stream::kNewborn, population_.id[i], year);
          const std::size_t child = v[0] < rates.male_birth_share ? 0 : 1;
          ++t.births[child];
          if (v[1] >= rates.newborn_survival[child]) {
            ++t.deaths[child];
          } else if (v[2] < emigrate[child][0]) {
            ++t.emigrants[child];
          } else {
            fate |= kChild | (child == 0 ? kChildMale : 0);
            ++t.children;
            ++t.counts[child][0];
          }
        }
        fate_[i] = fate;
      }
    }
  });

  DemographicEvents events;
  events.year = year;
  Counts counts{};
  std::vector<std::int64_t> stay_offset(num_chunks), child_offset(num_chunks);
  std::int64_t stays = 0, children = 0;
  for (std::size_t c = 0; c < num_chunks; ++c) {
    const ChunkTally& t = tallies[c];
    stay_offset[c] = stays;
    child_offset[c] = children;
    stays += t.stays;
    children += t.children;
    for (std::size_t s = 0; s < kNumSexes; ++s) {
      events.births[s] += t.births[s];
      events.deaths[s] += t.deaths[s];
      events.emigrants[s] += t.emigrants[s];
      for (std::size_t x = 0; x < kNumAges; ++x) counts[s][x] += t.counts[s][x];
    }
  }

  // Immigrants: the (sampled) positive net migration, rounded stochastically.
  Counts immigrants{};
  std::int64_t total_immigrants = 0;
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      const double expected = rates.net_migrants[s][x] * sample_fraction_;
      if (expected <= 0) continue;
      const double whole = std::floor(expected);
      const auto subject = static_cast<std::uint32_t>(s * kNumAges + x);
      const double u = rng_.uniforms(Stream::kImmigration, subject, year)[0];
      immigrants[s][x] = static_cast<std::int64_t>(whole) + (u < expected - whole ? 1 : 0);
      total_immigrants += immigrants[s][x];
      events.immigrants[s] += immigrants[s][x];
      counts[s][x] += immigrants[s][x];
    }
  }

  const auto arrivals = static_cast<std::uint64_t>(children + total_immigrants);
  if (next_id_ + arrivals > UINT32_MAX) {
    throw Error("the microsimulation ran out of person ids (more than 2^32 persons)");
  }

  // Pass 2: survivors in their order, then the children (in their mothers' order), then the
  // immigrants (by sex and age). Ids of new persons follow the same order.
  next_.resize(static_cast<std::size_t>(stays + children + total_immigrants));
  const std::uint32_t first_child_id = next_id_;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, num_chunks), [&](const auto& range) {
    for (std::size_t c = range.begin(); c != range.end(); ++c) {
      auto k = static_cast<std::size_t>(stay_offset[c]);
      auto j = static_cast<std::size_t>(child_offset[c]);
      const std::size_t end = std::min(n, (c + 1) * kChunkSize);
      for (std::size_t i = c * kChunkSize; i < end; ++i) {
        const std::uint8_t fate = fate_[i];
        if (fate & kStays) {
          next_.id[k] = population_.id[i];
          next_.age[k] = older(population_.age[i]);
          next_.sex[k] = population_.sex[i];
          ++k;
        }
        if (fate & kChild) {
          const std::size_t slot = static_cast<std::size_t>(stays) + j;
          next_.id[slot] = first_child_id + static_cast<std::uint32_t>(j);
          next_.age[slot] = 0;
          next_.sex[slot] = (fate & kChildMale) ? 0 : 1;
          ++j;
        }
      }
    }
  });
  next_id_ += static_cast<std::uint32_t>(children);
  std::size_t slot = static_cast<std::size_t>(stays + children);
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      for (std::int64_t i = 0; i < immigrants[s][x]; ++i, ++slot) {
        next_.id[slot] = next_id_++;
        next_.age[slot] = static_cast<std::uint8_t>(x);
        next_.sex[slot] = static_cast<std::uint8_t>(s);
      }
    }
  }

  std::swap(population_, next_);
  counts_ = counts;
  ++year_;
  return events;
}

}  // namespace ssproj::engine
