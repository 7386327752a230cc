// Counter-based random numbers (Random123 Philox4x32-10).
//
// A draw is a pure function of (seed, replication, stream, subject, year): no generator state
// is carried between persons, threads or years, so a person's draws do not depend on which
// thread simulates them, on chunking, or on what else the scenario does. Two scenarios run
// with the same seed give the same person the same draws (common random numbers).
#pragma once

#include <array>
#include <cstddef>
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
  kLabour = 6,      // subject: person id; status transition, membership, months paid, job's sector
  kCompliance = 7,  // subject: person id, "year": job spell; the employer's compliance
  kInitialMembership = 8,  // subject: person id; membership at the base year
  kBenefits = 9,           // subject: person id; claiming a pension, invalidity
  kEarningsFactor = 10,    // subject: person id, year 0; the lifelong earnings factor
  kUncertainInput = 11,    // subject: hash of an [[uncertain]] key, year 0; its draw
  kLatinHypercube = 12,    // subject: hash of an [[uncertain]] key, "year": position; strata order
  // Values with the high bit set belong to interventions: 0x80000000 | a hash of the
  // intervention's name (interventions::stream_of); subject: person id, year (or 0 for a
  // person's fixed rank).
};

// The instruction sets philox_block() can use, in increasing order.
enum class PhiloxPath : int { kScalar = 0, kAvx2 = 1, kAvx512 = 2 };
// The widest path this processor supports (detected once).
PhiloxPath best_philox_path();
bool philox_path_available(PhiloxPath path);

// Philox4x32-10 of the counters (subjects[j], word1, word2, word3) under key (key0, key1), for
// j in [0, n): word w of the result into out[w][j].
struct PhiloxBlockArgs {
  const std::uint32_t* subjects;
  std::uint32_t word1, word2, word3;
  std::uint32_t key0, key1;
  std::size_t n;
  std::array<std::uint32_t*, 4> out;
};
// Exactly r123::Philox4x32 on every path; `path` must be available.
void philox_block(PhiloxPath path, const PhiloxBlockArgs& args);

// The draws of up to kSize subjects, as 32-bit words; Rng::uniform() turns a word into the
// number uniforms() gives.
struct DrawBlock {
  static constexpr std::size_t kSize = 512;
  std::array<std::array<std::uint32_t, kSize>, 4> words;
  // Uniform k (0..3) of the j-th subject of the block.
  double operator()(std::size_t j, std::size_t k) const;
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
    return {uniform(bits.v[0]), uniform(bits.v[1]), uniform(bits.v[2]), uniform(bits.v[3])};
  }

  // uniforms(stream, subjects[j], year) for j in [0, n), n <= DrawBlock::kSize, into `block`:
  // the same numbers, computed for many subjects at once.
  void uniforms(Stream stream, const std::uint32_t* subjects, int year, std::size_t n,
                DrawBlock& block) const {
    philox_block(best_philox_path(), {subjects,
                                      static_cast<std::uint32_t>(year),
                                      static_cast<std::uint32_t>(stream),
                                      replication_,
                                      key_.v[0],
                                      key_.v[1],
                                      n,
                                      {block.words[0].data(), block.words[1].data(),
                                       block.words[2].data(), block.words[3].data()}});
  }

  // A uniform number in (0, 1) from 32 random bits.
  static double uniform(std::uint32_t bits) {
    constexpr double kScale = 1.0 / 4294967296.0;  // 2^-32
    return (bits + 0.5) * kScale;
  }

 private:
  r123::Philox4x32::key_type key_;
  std::uint32_t replication_;
};

inline double DrawBlock::operator()(std::size_t j, std::size_t k) const {
  return Rng::uniform(words[k][j]);
}

}  // namespace ssproj::engine
