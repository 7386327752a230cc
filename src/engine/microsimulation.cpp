// The microsimulation's year step, in the pipeline's order: demography (fates, then
// compaction into next year's arrays), labour transitions, membership, and the observation of
// the new year (contributions, tallies). Every stage runs over fixed chunks of persons in
// parallel; per-chunk results are combined in chunk order, so results never depend on the
// number of threads.
#include "engine/microsimulation.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <type_traits>

#include <tbb/blocked_range.h>

#include <ssproj/error.h>

#include "benefits/person.h"
#include "contributions/person.h"
#include "core/parallel.h"
#include "demography/cohort_component.h"
#include "engine/chunks.h"
#include "engine/tallies.h"
#include "interventions/membership.h"

namespace ssproj::engine {
namespace {

// What happened to a person in a step (bit flags in Microsimulation::fate_).
enum Fate : std::uint8_t {
  kChild = 2,      // gave birth to a child who is alive and in the country on 1 July
  kChildMale = 4,  // ... and the child is a boy
};

constexpr auto kFemale = static_cast<std::size_t>(Sex::kFemale);
constexpr auto kNever = static_cast<std::uint8_t>(Membership::kNever);
constexpr auto kActive = static_cast<std::uint8_t>(Membership::kActive);
using ChunkTally = Microsimulation::ChunkTally;
using WorkforceTally = Microsimulation::WorkforceTally;

// Tallies of a chunk (or of the deaths in the step) added into those of the year, field by field.
template <typename T, typename U>
void add(T& into, const U& from) {
  add_into(into, from);
}

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

// A lognormal factor with mean 1 and log standard deviation sigma, from two uniforms
// (Box-Muller).
float lognormal_factor(double u1, double u2, double sigma) {
  const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  return static_cast<float>(std::exp(sigma * z - 0.5 * sigma * sigma));
}

}  // namespace

Microsimulation::Microsimulation(const SexAgeTable& base, int base_year, double sample_fraction,
                                 std::uint64_t seed, std::uint32_t replication,
                                 const WorkforceModel* workforce, std::size_t capacity)
    : rng_(seed, replication),
      sample_fraction_(sample_fraction),
      year_(base_year),
      workforce_model_(workforce) {
  std::int64_t total = 0;
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      const double expected = base[s][x] * sample_fraction;
      const double whole = std::floor(expected);
      const auto subject = static_cast<std::uint32_t>(s * kNumAges + x);
      const double u = rng_.uniforms(Stream::kInitialPopulation, subject, base_year)[0];
      counts_[s][x] = static_cast<std::int64_t>(whole) + (u < expected - whole ? 1 : 0);
      total += counts_[s][x];
    }
  }
  population_.reserve(std::max(capacity, static_cast<std::size_t>(total)));
  // The scratch of the year step, sized for the whole run: no reallocation from year to year.
  const std::size_t most_chunks = num_chunks(std::max(capacity, static_cast<std::size_t>(total)));
  fate_.reserve(most_chunks * kChunkSize);
  chunk_tallies_.reserve(most_chunks);
  if (workforce != nullptr) workforce_tallies_.reserve(most_chunks);
  if (total > static_cast<std::int64_t>(UINT32_MAX)) {
    throw Error("the microsimulation ran out of person ids (more than 2^32 persons)");
  }
  // The persons by sex, then age; ids follow their slots. Each sex and age fills its own range
  // of slots, in parallel (the first touch of the storage).
  population_.resize_for_overwrite(static_cast<std::size_t>(total));
  std::array<std::int64_t, kNumSexes * kNumAges + 1> first{};
  for (std::size_t c = 0; c < kNumSexes * kNumAges; ++c) {
    first[c + 1] = first[c] + counts_[c / kNumAges][c % kNumAges];
  }
  core::parallel_for(std::size_t{0}, std::size_t{kNumSexes * kNumAges}, [&](std::size_t c) {
    for (auto k = static_cast<std::size_t>(first[c]); k < static_cast<std::size_t>(first[c + 1]);
         ++k) {
      population_.set_new_person(k, static_cast<std::uint32_t>(k),
                                 static_cast<std::uint8_t>(c % kNumAges),
                                 static_cast<std::uint8_t>(c / kNumAges));
    }
  });
  next_id_ = static_cast<std::uint32_t>(total);
  if (workforce_model_ != nullptr && workforce_model_->labour_only) {
    assign_labour_attributes();
    labour_only_observe();
  } else if (workforce_model_ != nullptr) {
    programme_state_.assign(workforce_model_->programmes.size(), {});
    assign_initial_attributes();
    labour_coverage_and_observe();
  }
}

void Microsimulation::new_person_attributes(Population& p, std::size_t k, int year,
                                            const std::size_t* mother) {
  const WorkforceModel& m = *workforce_model_;
  const auto u = rng_.uniforms(Stream::kAttributes, p.id[k], year);
  if (mother != nullptr) {
    p.area[k] = population_.area[*mother];
    p.region[k] = population_.region[*mother];
    p.province[k] = population_.province[*mother];
    p.district[k] = population_.district[*mother];
  } else {
    const auto residence = static_cast<std::size_t>(
        std::upper_bound(m.residence_cdf.begin(), m.residence_cdf.end(), u[0]) -
        m.residence_cdf.begin());
    const std::size_t cell = std::min(residence, m.residence_cdf.size() - 1);
    p.region[k] = static_cast<std::uint8_t>(cell / kNumAreas);
    p.area[k] = static_cast<std::uint8_t>(cell % kNumAreas);
    // The province within the region and area, the district within the province: the
    // attributes stream's third and fourth numbers, so that the region and area (and everything
    // drawn before places existed) stay as they were.
    const PlaceDraws& places = m.places;
    p.province[k] = places.single_province ? p.region[k] : places.province[cell](u[2]);
    p.district[k] = places.has_districts ? places.district[p.province[k]](u[3]) : 0;
  }
  const int band = age_band(p.age[k]);
  if (band >= 0) {
    p.status[k] = static_cast<std::uint8_t>(labour::draw_status(
        m.initial_status[p.sex[k]][static_cast<std::size_t>(band)][p.area[k]], u[1]));
  }
  // The sector is drawn in the person's first workforce pass (labour_coverage_and_observe).
  p.sector[k] = 0;
}

void Microsimulation::assign_initial_attributes() {
  const WorkforceModel& m = *workforce_model_;
  const int year = year_;
  const coverage::CoverageYear& cov = m.coverage_at(year);
  const contributions::ContributionYear& con = m.contributions_at(year);
  const std::size_t n = population_.size();

  // Residence, status and earnings factor, as for a newcomer. Then the counts the stocks are
  // sampled from: the persons of each sex and age outside covered work (among whom the
  // pensioners are), those above pensionable age, and the employed workers whose status points
  // to the voluntary scheme (among whom the voluntary members are; with the pensioners table,
  // only those below pensionable age).
  const starting_point::Stocks& stocks = m.stocks;
  const benefits::BenefitYear& ben = m.benefits_at(year);
  const bool stock_table = m.inputs->has_pensioners;
  struct BaseCounts {
    std::array<std::array<double, kNumAges>, kNumSexes> eligible{};
    double elderly = 0, candidates = 0;
  };
  std::vector<BaseCounts> counted(num_chunks(n));
  for_each_chunk(n, [&](std::size_t c, std::size_t begin, std::size_t end) {
    BaseCounts& k = counted[c];
    for (std::size_t i = begin; i < end; ++i) {
      new_person_attributes(population_, i, year, nullptr);
      const auto status = static_cast<Status>(population_.status[i]);
      const coverage::Path path = coverage::legal_path(cov, status);
      const std::uint8_t sex = population_.sex[i];
      const bool elderly = population_.age[i] >= ben.pensionable_age[sex];
      const bool retired_age = elderly;
      if (path != coverage::Path::kCompulsory) k.eligible[sex][population_.age[i]] += 1;
      k.elderly += elderly;
      if (path == coverage::Path::kVoluntary && !(stock_table && retired_age)) k.candidates += 1;
    }
  });
  BaseCounts all;
  for (const BaseCounts& k : counted) {
    for (std::size_t s = 0; s < kNumSexes; ++s) {
      for (std::size_t x = 0; x < kNumAges; ++x) all.eligible[s][x] += k.eligible[s][x];
    }
    all.elderly += k.elderly;
    all.candidates += k.candidates;
  }
  const starting_point::Draws draws = starting_point::draws_for(
      stocks, *m.inputs, sample_fraction_, all.eligible, all.elderly, all.candidates);

  // Membership and contribution history at the base year.
  Population& p = population_;
  for_each_chunk(n, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto u = rng_.uniforms(Stream::kInitialMembership, p.id[i], year);
      const auto status = static_cast<Status>(p.status[i]);
      const double rank = coverage::legal_path(cov, status) == coverage::Path::kCompulsory
                              ? rng_.uniforms(Stream::kCompliance, p.id[i], p.spell[i])[0]
                              : 1.0;
      starting_point::initial_state(p, i, stocks, draws, cov, con, ben, year, u, rank, [&] {
        return labour::monthly_earnings(*m.inputs, status, p.sex[i], p.age[i],
                                        earnings_factor(p, i));
      });
    }
  });
}

float Microsimulation::earnings_factor(std::uint32_t id) const {
  const auto u = rng_.uniforms(Stream::kEarningsFactor, id, 0);
  return lognormal_factor(u[0], u[1], workforce_model_->earnings_dispersion);
}

void Microsimulation::compact() {
  population_.compact([](std::size_t columns, const auto& body) {
    core::parallel_for(std::size_t{0}, columns, body);
  });
  gone_ = 0;
}

std::int64_t Microsimulation::living() const {
  std::int64_t n = 0;
  for (const auto& ages : counts_) {
    for (std::int64_t c : ages) n += c;
  }
  return n;
}

void Microsimulation::labour_coverage_and_observe() {
  const WorkforceModel& m = *workforce_model_;
  const int year = year_;
  const bool transitions = year > m.base_year;
  const coverage::CoverageYear& cov = m.coverage_at(year);
  const contributions::ContributionYear& con = m.contributions_at(year);
  const benefits::BenefitYear& ben = m.benefits_at(year);
  const double wage_index = m.economy_at(year).wage_index;
  const labour::LabourYear* lab = transitions ? &m.labour_into(year) : nullptr;
  const std::size_t slot = contributions::recent_slot(year);
  Population& p = population_;
  const std::size_t n = p.size();
  std::vector<WorkforceTally>& tallies = workforce_tallies_;  // reused from year to year
  tallies.resize(num_chunks(n));  // each chunk clears its own, in the parallel pass
  // The place rows (WorkforceYear::places): provinces, named districts (code d at
  // district_row + d), sectors (code s at sector_row + s).
  const WorkforceInputs& w = *m.inputs;
  const std::size_t district_row = num_provinces(w) - 1;
  const std::size_t sector_row = district_row + w.districts.size();
  const std::size_t place_rows = num_place_rows(w);  // sector_row + 1 + the sectors
  const bool sectors_on = m.places.has_sectors;
  // The interventions' parameters of the year, from last year's counts of their targets.
  const std::size_t num_programmes = m.programmes.size();
  std::array<interventions::ProgrammeYear, interventions::kMaxProgrammes> programme_year{};
  for (std::size_t k = 0; k < num_programmes && transitions; ++k) {
    programme_year[k] =
        interventions::advance(m.programmes[k], year, sample_fraction_, programme_state_[k]);
  }

  for_each_chunk(n, [&](std::size_t c, std::size_t begin, std::size_t end) {
    WorkforceTally& t = tallies[c];
    {
      // Cleared, keeping the storage of the place rows from year to year.
      std::vector<PlaceTally> rows = std::move(t.places);
      t = WorkforceTally{};
      rows.assign(place_rows, PlaceTally{});
      t.places = std::move(rows);
    }
    // The rows of person i's province, named district and sector.
    const auto for_places = [&](std::size_t i, auto&& f) {
      f(t.places[p.province[i]]);
      if (p.district[i] != 0) f(t.places[district_row + p.district[i]]);
      if (p.sector[i] != 0) f(t.places[sector_row + p.sector[i]]);
    };
    // The benefit tallies of person i's scheme (a member's, a pensioner's; none for a person
    // who never joined, who has no benefit events).
    const auto scheme_tallies = [&](std::size_t i) -> BenefitTallies& {
      return t.scheme_benefits[scheme_index(p.scheme[i])];
    };
    DrawBlock draws;
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t j = (i - begin) % DrawBlock::kSize;
      if (j == 0) {
        const std::size_t count = std::min(DrawBlock::kSize, end - i);
        rng_.uniforms(Stream::kLabour, &p.id[i], year, count, draws);
      }
      if (p.age[i] == Population::kGone) continue;
      const int band = age_band(p.age[i]);
      if (band < 0) continue;  // children have no labour status or membership
      const auto b = static_cast<std::size_t>(band);
      const std::uint8_t sex = p.sex[i];
      if (p.age[i] >= ben.pensionable_age[sex]) t.benefits.above_pensionable_age[sex] += 1;
      if (!transitions && p.scheme[i] != 0) {
        // The base year's deaths and births among the stock, as expected values (the
        // projection's steps give those of later years).
        const starting_point::Stocks& st = m.stocks;
        benefits::record_death(p, i, m.benefits_at(year, p.scheme[i]), m.inputs->survivors[sex][b],
                               scheme_tallies(i), st.death_probability[sex][p.age[i]]);
        if (sex == kFemale && p.membership[i] == kActive) {
          scheme_tallies(i).births_to_insured += st.fertility[p.age[i]];
        }
      }

      // Pensioners: indexation, conversion of invalidity at pensionable age; they neither
      // change status nor contribute.
      const auto benefit = static_cast<Benefit>(p.benefit[i]);
      if (benefits::is_pensioner(p, i)) {
        BenefitTallies& bt = scheme_tallies(i);
        benefits::pension_year(p, i, ben, transitions, bt);
        if (!transitions) {
          starting_point::base_year_award(p, i, m.benefits_at(year, p.scheme[i]), *m.inputs, bt);
        }
        // A pensioner is a beneficiary, no longer an insured member.
        t.cells[sex][b][p.area[i]][p.status[i]].persons += 1;
        for_places(i, [](PlaceTally& row) { row.persons += 1; });
        continue;
      }
      const std::array<double, 3> u = {draws(j, 0), draws(j, 1), draws(j, 2)};

      // Labour: this year's transition.
      bool new_spell = false;
      if (transitions) {
        const auto next = static_cast<std::uint8_t>(
            labour::draw_status(lab->transition_cdf[sex][b][p.area[i]][p.status[i]], u[0]));
        if (next != p.status[i]) {
          p.status[i] = next;
          ++p.spell[i];
          new_spell = true;
        }
      }
      // The sector of a job that starts this year (or of a worker who has none yet: the base
      // year's, an immigrant's first), from the fourth uniform of the year's labour draws; none
      // without work.
      if (sectors_on) {
        if (!is_employed(static_cast<Status>(p.status[i]))) {
          p.sector[i] = 0;
        } else if (new_spell || p.sector[i] == 0) {
          p.sector[i] = m.places.sector_of(p.status[i], p.area[i], draws(j, 3));
        }
      }

      // Coverage: membership for this year (a member who took a lump sum has no more rights).
      // Nobody joins the scheme for the first time at or above pensionable age.
      const bool too_old_to_join =
          p.membership[i] == kNever && p.age[i] >= ben.pensionable_age[sex];
      ProgrammeOutcome programmes;
      const bool reachable = benefit == Benefit::kNone && !too_old_to_join;
      if (transitions && reachable) {
        const auto status = static_cast<Status>(p.status[i]);
        const coverage::Path path = coverage::legal_path(cov, status);
        const double rank = path == coverage::Path::kCompulsory
                                ? rng_.uniforms(Stream::kCompliance, p.id[i], p.spell[i])[0]
                                : 1.0;
        if (num_programmes > 0) {
          programmes = interventions::membership_with_programmes(
              m.programmes, p, i, cov, path, rank, u[1], programme_year, t.programmes,
              [&](const interventions::Programme& pr, interventions::DrawYear when) {
                return rng_.uniforms(static_cast<Stream>(pr.stream), p.id[i],
                                     when == interventions::kThisYear ? year : 0);
              });
        } else {
          coverage::update_membership(cov, status, p.region[i], rank, u[1], p.scheme[i],
                                      p.membership[i]);
        }
      }

      // Benefits: an old-age pension or lump sum at pensionable age; invalidity before it. Also
      // in the base year: the awards of the year to the stock's members.
      if (benefit == Benefit::kNone && p.membership[i] != kNever) {
        const double incidence =
            p.membership[i] == kActive ? m.inputs->invalidity_incidence[sex][b] : 0.0;
        // Under the rules of the member's scheme.
        benefits::claim(
            p, i, m.benefits_at(year, p.scheme[i]), incidence,
            [&] { return rng_.uniforms(Stream::kBenefits, p.id[i], year); }, scheme_tallies(i));
      }
      const auto status = static_cast<Status>(p.status[i]);

      // Observation: tallies, and the year's contributions of active members.
      for (std::size_t k = 0; k < num_programmes; ++k) {
        // The persons a programme can act on: in its target and not out of the scheme's reach
        // (a pensioner, or too old to join).
        if (reachable && m.programmes[k].targets(p, i, p.status[i])) {
          t.programmes[k].targeted += 1;
        }
        if ((programmes.access >> k) & 1u) t.programmes[k].users += p.membership[i] == kActive;
      }
      if (programmes.subsidy_ends) p.subsidy_years[i] = Population::kSubsidyDone;
      CellCount& cell = t.cells[sex][b][p.area[i]][p.status[i]];
      cell.persons += 1;
      const double employed = is_employed(status) ? 1.0 : 0.0;
      for_places(i, [employed](PlaceTally& row) {
        row.persons += 1;
        row.employed += employed;
      });
      // Rights accrued to date, from the months credited before this year's: only in the year the
      // liabilities value.
      if (year == m.valuation_year && p.membership[i] != kNever) {
        benefits::tally_accrued(p, i, m.benefits_at(year, p.scheme[i]), scheme_tallies(i));
      }
      // The ring of a person who never joined holds only zeros: it is left untouched.
      if (p.membership[i] != kNever) contributions::start_year(p, i, slot);
      // A member awarded a pension this year is a beneficiary from now on, no longer a member.
      if (p.membership[i] == kNever || benefits::is_pensioner(p, i)) continue;
      const auto scheme = static_cast<Scheme>(p.scheme[i]);
      const std::size_t k = scheme_index(scheme);
      const bool voluntary = scheme == Scheme::kVoluntary;
      cell.ever_registered[k] += 1;
      if (p.membership[i] != kActive) {
        // Insured members as the NSSF counts them: a compulsory member's insurance ends with
        // the covered job (the employer deregisters them), a voluntary member's some years
        // after the last payment.
        if (voluntary && benefit == Benefit::kNone &&
            contributions::paid_within(p, i, year, cov.insured_window)) {
          cell.registered[k] += 1;
          for_places(i, [](PlaceTally& row) { row.insured += 1; });
        }
        continue;
      }
      cell.registered[k] += 1;
      cell.active[k] += 1;
      for_places(i, [](PlaceTally& row) {
        row.insured += 1;
        row.active += 1;
      });
      const double insurable =
          voluntary
              ? con.voluntary_declared
              : contributions::insurable_monthly(
                    con,
                    labour::monthly_earnings(*m.inputs, status, sex, p.age[i],
                                             earnings_factor(p, i)) *
                        wage_index,
                    scheme == Scheme::kCivilServant ? 0.0
                                                    : cov.underdeclaration * programmes.declared);
      BenefitTallies& bt = t.scheme_benefits[k];
      bt.active[sex] += 1;
      bt.active_insurable_monthly[sex] += insurable;
      const std::uint16_t months = contributions::months_paid(
          voluntary ? std::min(1.0, cov.density_voluntary + programmes.density)
                    : cov.density_compulsory,
          u[2]);
      if (months == 0) continue;
      const double annual = insurable * months;
      contributions::Amounts a = contributions::amounts(con, scheme, annual);
      if (voluntary && programmes.subsidised >= 0) {
        // The government pays its share of the member's contribution, into the fund.
        interventions::pay_subsidy(programmes, a, p.subsidy_years[i],
                                   t.programmes[static_cast<std::size_t>(programmes.subsidised)]);
      }
      contributions::add(t.contributions[k], annual, a);
      contributions::credit(p, i, slot, annual, months, wage_index);
    }
  });

  workforce_ = WorkforceYear{};
  workforce_.year = year;
  workforce_.interventions.assign(num_programmes, InterventionTally{});
  workforce_.places.assign(place_rows, PlaceTally{});
  for (const WorkforceTally& t : tallies) add(workforce_, t);
  for (std::size_t k = 0; k < num_programmes; ++k) {
    programme_state_[k].targeted = workforce_.interventions[k].targeted;
  }
  // Survivor awards, funerals and births to insured women of the step into this year; then the
  // total of the schemes.
  for (std::size_t k = 0; k < kNumSchemes; ++k) {
    add(workforce_.scheme_benefits[k], pending_deaths_[k]);
    add(workforce_.benefits, workforce_.scheme_benefits[k]);
  }
  pending_deaths_ = {};
}

DemographicEvents Microsimulation::step(const demography::StepRates& rates) {
  const int year = year_;
  const std::size_t n = population_.size();
  const std::size_t chunks = num_chunks(n);
  const SexAgeTable emigrate = emigration_probabilities(rates, counts_, sample_fraction_);
  const bool workforce = workforce_model_ != nullptr;
  fate_.resize(n);                                    // every slot's entry is written in pass 1
  std::vector<ChunkTally>& tallies = chunk_tallies_;  // reused from year to year
  tallies.resize(chunks);  // each chunk clears its own, in the parallel pass

  // Demography, pass 1: each person's fate, applied in place: survivors become a year older,
  // the dead and the emigrants are marked gone (their slots are reclaimed by compaction).
  // Draws depend only on (seed, replication, id, year).
  Population& p = population_;
  for_each_chunk(n, [&](std::size_t c, std::size_t begin, std::size_t end) {
    ChunkTally& t = tallies[c];
    t = ChunkTally{};
    // The columns as local pointers: a store through a byte pointer may alias anything, and the
    // compiler would otherwise reload each vector's data pointer after every one.
    std::uint8_t* const ages = p.age.data();
    const std::uint8_t* const sexes = p.sex.data();
    std::uint8_t* const fates = fate_.data();
    DrawBlock draws;
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t j = (i - begin) % DrawBlock::kSize;
      if (j == 0) {
        const std::size_t count = std::min(DrawBlock::kSize, end - i);
        rng_.uniforms(Stream::kDemography, &p.id[i], year, count, draws);
      }
      const std::uint8_t age = ages[i];
      if (age == Population::kGone) {
        fates[i] = 0;
        continue;
      }
      const std::uint8_t sex = sexes[i];
      const std::uint8_t next_age = older(age);
      const std::array<double, 3> u = {draws(j, 0), draws(j, 1), draws(j, 2)};
      const bool survives = u[0] < rates.survival[sex][age];
      bool stays = false;
      if (!survives) {
        ++t.deaths[sex];
        const int band = age_band(age);
        if (workforce && band >= 0 && p.scheme[i] != 0) {
          benefits::record_death(
              p, i, workforce_model_->benefits_at(year + 1, p.scheme[i]),
              workforce_model_->inputs->survivors[sex][static_cast<std::size_t>(band)],
              t.benefits[scheme_index(p.scheme[i])]);
        }
      } else if (u[1] < emigrate[sex][next_age]) {
        ++t.emigrants[sex];
      } else {
        stays = true;
        ++t.counts[sex][next_age];
      }
      std::uint8_t fate = 0;
      if (sex == kFemale &&
          u[2] < (survives ? rates.birth_if_survives[age] : rates.birth_if_dies[age])) {
        const auto v = rng_.uniforms(Stream::kNewborn, p.id[i], year);
        const std::size_t child = v[0] < rates.male_birth_share ? 0 : 1;
        ++t.births[child];
        if (p.membership[i] == kActive)
          t.benefits[scheme_index(p.scheme[i])].births_to_insured += 1;
        if (v[1] >= rates.newborn_survival[child]) {
          ++t.deaths[child];
        } else if (v[2] < emigrate[child][0]) {
          ++t.emigrants[child];
        } else {
          fate = kChild | (child == 0 ? kChildMale : 0);
          ++t.children;
          ++t.counts[child][0];
        }
      }
      fates[i] = fate;
      ages[i] = stays ? next_age : Population::kGone;
      t.gone += stays ? 0 : 1;
    }
  });

  DemographicEvents events;
  events.year = year;
  Counts counts{};
  std::vector<std::int64_t> child_offset(chunks);
  std::int64_t children = 0;
  for (std::size_t c = 0; c < chunks; ++c) {
    const ChunkTally& t = tallies[c];
    child_offset[c] = children;
    children += t.children;
    gone_ += t.gone;
    for (std::size_t s = 0; s < kNumSexes; ++s) {
      events.births[s] += t.births[s];
      events.deaths[s] += t.deaths[s];
      events.emigrants[s] += t.emigrants[s];
      for (std::size_t x = 0; x < kNumAges; ++x) counts[s][x] += t.counts[s][x];
    }
    for (std::size_t k = 0; k < kNumSchemes; ++k) add(pending_deaths_[k], t.benefits[k]);
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

  // Demography, pass 2: the children are appended in their mothers' order, then the
  // immigrants by sex and age; new ids follow the same order.
  // The new slots are uninitialised until set_new_person() writes them, below.
  p.resize_for_overwrite(n + static_cast<std::size_t>(children + total_immigrants));
  const std::uint32_t first_child_id = next_id_;
  if (children > 0) {
    for_each_chunk(n, [&](std::size_t c, std::size_t begin, std::size_t end) {
      auto j = static_cast<std::size_t>(child_offset[c]);
      for (std::size_t i = begin; i < end; ++i) {
        const std::uint8_t fate = fate_[i];
        if ((fate & kChild) == 0) continue;
        const std::size_t slot = n + j;
        p.set_new_person(slot, first_child_id + static_cast<std::uint32_t>(j), 0,
                         (fate & kChildMale) ? 0 : 1);
        if (workforce) new_person_attributes(p, slot, year + 1, &i);
        ++j;
      }
    });
  }
  next_id_ += static_cast<std::uint32_t>(children);
  std::size_t slot = n + static_cast<std::size_t>(children);
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      for (std::int64_t i = 0; i < immigrants[s][x]; ++i, ++slot) {
        p.set_new_person(slot, next_id_++, static_cast<std::uint8_t>(x),
                         static_cast<std::uint8_t>(s));
        if (workforce) new_person_attributes(p, slot, year + 1, nullptr);
      }
    }
  }

  // Once the gone slots exceed a share of the arrays, the living are compacted in place (in
  // their order); the arrays keep their storage.
  if (static_cast<double>(gone_) > kCompactionShare * static_cast<double>(p.size())) compact();
  counts_ = counts;
  ++year_;

  if (workforce && workforce_model_->labour_only) {
    labour_only_observe();
  } else if (workforce) {
    labour_coverage_and_observe();
  }
  return events;
}

}  // namespace ssproj::engine
