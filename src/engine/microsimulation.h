// One replication of the microsimulation.
#pragma once

#include <cstdint>
#include <tuple>
#include <vector>

#include <ssproj/results.h>

#include "demography/step_rates.h"
#include "engine/rng.h"
#include "engine/workforce_model.h"
#include "interventions/programmes.h"
#include "population/population.h"

namespace ssproj::engine {

using population::Benefit;
using population::Population;

// Simulated persons by [sex][age] (unweighted counts).
using Counts = std::array<std::array<std::int64_t, kNumAges>, kNumSexes>;

class Microsimulation {
 public:
  // Persons are processed in chunks of this many; chunk boundaries depend only on the
  // population size, never on the number of threads, and results do not depend on them.
  static constexpr std::size_t kChunkSize = 16384;

  // Samples the base population: round(P_s(x) * sample_fraction) persons of each sex and
  // age, rounded stochastically (exactly P_s(x) when the fraction is 1 and P is whole).
  // With a workforce model, also gives each person a residence, a labour status, an earnings
  // factor and the base year's membership, and observes the base year. `capacity`: the most
  // slots (living persons and those gone since the last compaction) the run is expected to
  // need; the arrays are reserved for that many once, and grow (by doubling) only if the
  // population outgrows them. Results do not depend on it.
  Microsimulation(const SexAgeTable& base, int base_year, double sample_fraction,
                  std::uint64_t seed, std::uint32_t replication,
                  const WorkforceModel* workforce = nullptr, std::size_t capacity = 0);

  // Advances the population from 1 July rates.year to 1 July rates.year + 1: demography
  // (deaths, births, migration, ageing), then, with a workforce model, labour transitions,
  // membership, and the observation of the new year (contributions and tallies).
  // Parallel over chunks of persons. REQUIRES: rates.year == year().
  DemographicEvents step(const demography::StepRates& rates);

  // Slots are compacted once the persons who died or emigrated fill this share of them.
  static constexpr double kCompactionShare = 0.10;

  // The capacity to reserve for a run whose living population (simulated persons) is at most
  // `most_living`: up to kCompactionShare of the slots may belong to persons gone since the
  // last compaction, and a step appends its arrivals (a few percent of the living) before it
  // compacts; the 1,024 slots absorb the sampling noise of small samples.
  static std::size_t capacity_for(double most_living) {
    return static_cast<std::size_t>(most_living * (1.0 / (1.0 - kCompactionShare) + 0.05)) + 1024;
  }

  int year() const { return year_; }
  // Every slot, including persons who died or emigrated since the last compaction
  // (age == Population::kGone); skip those.
  const Population& population() const { return population_; }
  // Living persons (simulated, unweighted).
  std::int64_t living() const;
  const Counts& counts() const { return counts_; }
  // The workforce on 1 July year() and the contributions of that year, unweighted.
  const WorkforceYear& workforce() const { return workforce_; }

 public:
  // Per-chunk results of the demography pass, combined in chunk order.
  struct ChunkTally {
    std::int64_t children = 0;
    Counts counts{};  // persons on 1 July next year, by sex and age
    std::array<std::int64_t, kNumSexes> births{};
    std::array<std::int64_t, kNumSexes> deaths{};
    std::array<std::int64_t, kNumSexes> emigrants{};
    std::int64_t gone = 0;  // slots of persons who died or emigrated
    // Funerals, survivor awards, births to insured women, by the scheme of the person.
    std::array<BenefitTallies, kNumSchemes> benefits{};
  };

  // The persons of a workforce cell (WorkforceCell) within one chunk, as integers: the hot
  // tally of the workforce pass stays small (14 KB instead of 28), and adding it into the
  // year's doubles by position gives exactly what adding ones as doubles did.
  struct CellCount {
    std::uint32_t persons = 0;
    std::array<std::uint32_t, kNumSchemes> registered{};
    std::array<std::uint32_t, kNumSchemes> ever_registered{};
    std::array<std::uint32_t, kNumSchemes> active{};

    // In the order of WorkforceCell::kFields.
    static constexpr auto kFields = std::tuple(&CellCount::persons, &CellCount::registered,
                                               &CellCount::ever_registered, &CellCount::active);
  };
  static_assert(kChunkSize <= UINT32_MAX);

  // Per-chunk results of the workforce pass.
  struct WorkforceTally {
    SexBandAreaTable<std::array<CellCount, kNumStatuses>> cells{};
    std::array<ContributionTotals, kNumSchemes> contributions{};
    std::array<BenefitTallies, kNumSchemes> scheme_benefits{};
    BenefitTallies benefits{};  // only the persons above pensionable age (no scheme)
    std::array<InterventionTally, interventions::kMaxProgrammes> programmes{};
    std::vector<PlaceTally> places;  // as WorkforceYear::places

    // Every field, in the order of WorkforceYear::kFields (added into it by position).
    static constexpr auto kFields = std::tuple(
        &WorkforceTally::cells, &WorkforceTally::contributions, &WorkforceTally::scheme_benefits,
        &WorkforceTally::benefits, &WorkforceTally::programmes, &WorkforceTally::places);
  };

  // What the interventions did to one person in the coverage step, for the observation.
  using ProgrammeOutcome = interventions::PersonOutcome;

 private:
  void assign_initial_attributes();
  // Residence and status (15+) of a new person in slot k of `p`; a child
  // lives where its mother (person `mother` of population_) lives.
  void new_person_attributes(Population& p, std::size_t k, int year, const std::size_t* mother);
  void labour_coverage_and_observe();
  // projection.stages = "labour": the base year's residence and status, and each year's labour
  // transition and tallies of persons by status (labour_only.cpp).
  void assign_labour_attributes();
  void labour_only_observe();
  // A person's lifelong earnings factor (lognormal, mean 1), a function of the id alone.
  float earnings_factor(std::uint32_t id) const;
  // Person i's earnings factor, drawn on first use and kept in the population (the draw costs
  // a Philox block and a logarithm, cosine and exponential; members contribute for decades).
  float earnings_factor(Population& p, std::size_t i) const {
    float& f = p.earnings_factor[i];
    if (f == 0.0f) f = earnings_factor(p.id[i]);
    return f;
  }
  // Removes the gone slots, keeping the living in their order, in place.
  void compact();
  Population population_;
  std::vector<ChunkTally> chunk_tallies_;          // scratch of the demography pass
  std::vector<WorkforceTally> workforce_tallies_;  // scratch of the workforce pass
  std::vector<std::uint8_t> fate_;  // scratch: the children born to each person in the step
  std::int64_t gone_ = 0;           // gone slots since the last compaction
  Counts counts_{};                 // persons by sex and age, kept in step with population_
  Rng rng_;
  double sample_fraction_;
  int year_;
  std::uint32_t next_id_ = 0;
  const WorkforceModel* workforce_model_;
  WorkforceYear workforce_;
  std::vector<interventions::ProgrammeState> programme_state_;  // one per programme
  // Benefit events of the deaths and births in the current step, added to the next year.
  std::array<BenefitTallies, kNumSchemes> pending_deaths_{};
};

}  // namespace ssproj::engine
