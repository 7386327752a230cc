// Counter-based random numbers (Random123 Philox4x32-10).
//
// A draw is a pure function of (seed, replication, stream, subject, year): no generator state
// is carried between persons, threads or years, so a person's draws do not depend on which
// thread simulates them, on chunking, or on what else the scenario does. Two scenarios run
// with the same seed give the same person the same draws (common random numbers).
#pragma once

#include <array>
#include <cstdint>

#include <Random123/philox.h>

namespace ssproj::engine {

// What a draw is for. The numbers are part of the reproducibility contract: a new purpose
// gets a new number and existing numbers never change.
enum class Stream : std::uint32_t {
  kInitialPopulation = 1,  // subject: sex * 101 + age; sampling of the base population
  kDemography = 2,         // subject: person id; death, emigration, giving birth
  kNewborn = 3,            // subject: mother's id; the child's sex, survival, emigration
  kImmigration = 4,        // subject: sex * 101 + age; rounding of immigrant counts
  kAttributes = 5,         // subject: person id, year of arrival; residence, status
  kLabour = 6,             // subject: person id; status transition, membership, months paid
  kCompliance = 7,         // subject: person id, "year": job spell; the employer's compliance
  kInitialMembership = 8,  // subject: person id; membership at the base year
  kBenefits = 9,           // subject: person id; claiming a pension, invalidity
  kEarningsFactor = 10,    // subject: person id, year 0; the lifelong earnings factor
  // Values with the high bit set belong to interventions: 0x80000000 | a hash of the
  // intervention's name (interventions::stream_of); subject: person id, year (or 0 for a
  // person's fixed rank).
};

class Rng {
 public:
  Rng(std::uint64_t seed, std::uint32_t replication)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        replication_(replication) {}

  // Four independent uniform numbers in (0, 1), each with 32 random bits.
  std::array<double, 4> uniforms(Stream stream, std::uint32_t subject, int year) const {
    const r123::Philox4x32::ctr_type counter = {{subject, static_cast<std::uint32_t>(year),
                                                 static_cast<std::uint32_t>(stream), replication_}};
    const r123::Philox4x32::ctr_type bits = r123::Philox4x32{}(counter, key_);
    constexpr double kScale = 1.0 / 4294967296.0;  // 2^-32
    return {(bits.v[0] + 0.5) * kScale, (bits.v[1] + 0.5) * kScale, (bits.v[2] + 0.5) * kScale,
            (bits.v[3] + 0.5) * kScale};
  }

 private:
  r123::Philox4x32::key_type key_;
  std::uint32_t replication_;
};

}  // namespace ssproj::engine
