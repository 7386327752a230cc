// The year step's workforce pass when projection.stages is "labour": each person aged 15 or more
// moves between labour statuses by the year's transition matrix (stream 6, word 0, as in the full
// pass), and is counted by sex, age band, area and status. No membership, contributions,
// benefits or interventions. The base year gets residence and status as in the full model
// (stream 5), without the scheme's starting stocks.
#include <algorithm>

#include "engine/chunks.h"
#include "engine/microsimulation.h"
#include "engine/tallies.h"

namespace ssproj::engine {

void Microsimulation::assign_labour_attributes() {
  const int year = year_;
  for_each_chunk(population_.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) new_person_attributes(population_, i, year, nullptr);
  });
}

void Microsimulation::labour_only_observe() {
  const WorkforceModel& m = *workforce_model_;
  const int year = year_;
  const bool transitions = year > m.base_year;
  const labour::LabourYear* lab = transitions ? &m.labour_into(year) : nullptr;
  Population& p = population_;
  const std::size_t n = p.size();
  std::vector<WorkforceTally>& tallies = workforce_tallies_;  // reused from year to year
  tallies.resize(num_chunks(n));

  for_each_chunk(n, [&](std::size_t c, std::size_t begin, std::size_t end) {
    auto& cells = tallies[c].cells;
    cells = {};
    const std::uint8_t* age = p.age.data();
    const std::uint8_t* sex = p.sex.data();
    const std::uint8_t* area = p.area.data();
    std::uint8_t* status = p.status.data();
    DrawBlock draws;
    for (std::size_t block = begin; block < end; block += DrawBlock::kSize) {
      const std::size_t count = std::min(DrawBlock::kSize, end - block);
      if (transitions) rng_.uniforms(Stream::kLabour, &p.id[block], year, count, draws);
      for (std::size_t j = 0; j < count; ++j) {
        const std::size_t i = block + j;
        if (age[i] == Population::kGone) continue;
        const int band = age_band(age[i]);
        if (band < 0) continue;  // children have no labour status
        const auto b = static_cast<std::size_t>(band);
        if (transitions) {
          status[i] = static_cast<std::uint8_t>(
              labour::draw_status(lab->transition_cdf[sex[i]][b][area[i]][status[i]], draws(j, 0)));
        }
        cells[sex[i]][b][area[i]][status[i]].persons += 1;
      }
    }
  });

  workforce_ = WorkforceYear{};
  workforce_.year = year;
  for (const WorkforceTally& t : tallies) add_into(workforce_.cells, t.cells);
}

}  // namespace ssproj::engine
