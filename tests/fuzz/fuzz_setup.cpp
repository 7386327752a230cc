#include "fuzz_setup.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>

#include <ssproj/scenario.h>

#include "core/diagnostics.h"
#include "data/workforce_tables.h"
#include "data/yearly_table.h"
#include "scenario/data_tables.h"
#include "support/fixtures.h"

namespace ssproj::fuzz {
namespace fs = std::filesystem;

namespace {

struct Setup {
  testing::TempDir dir;
  Scenario scenario;  // the small scenario, loaded
};

// The small scenario of the tests over 2020-2023 with the five workforce tables (two regions).
std::unique_ptr<Setup> make_setup(std::string_view table_key) {
  auto setup = std::make_unique<Setup>();
  testing::SmallDataOptions data{2020, 2023};
  data.workforce = testing::SmallWorkforce{};
  const fs::path file =
      testing::write_small_scenario(setup->dir, data, "start_year = 2020\nend_year = 2023\n");
  setup->scenario = load_scenario(file);
  if (const char* seeds = std::getenv("SSPROJ_FUZZ_SEED_DIR")) {
    const auto copy = [&](const fs::path& from, const std::string& name) {
      if (!from.empty()) {
        fs::copy_file(from, fs::path(seeds) / name, fs::copy_options::overwrite_existing);
      }
    };
    copy(file, "small.toml");
    for (const scenario::DataTable& t : scenario::data_tables()) {
      if (t.key == table_key) copy(setup->scenario.data.*t.member, "small.csv");
    }
  }
  return setup;
}

const Setup& setup(std::string_view table_key = {}) {
  static const std::unique_ptr<Setup> s = make_setup(table_key);
  return *s;
}

}  // namespace

void defect(const std::string& what) {
  std::fprintf(stderr, "%s\n", what.c_str());
  std::abort();
}

const fs::path& scenario_dir(std::string_view table_key) { return setup(table_key).dir.path(); }

void write_bytes(const fs::path& file, const std::uint8_t* data, std::size_t size) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) defect("cannot write " + file.string());
}

void check_located(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    // Without a line: a value given on the command line, located at its argument, or a
    // property of a whole scenario (its horizon against the baseline's), located at its key.
    const bool command_line = d.file.find("command line") != std::string::npos;
    if (d.file.empty() || (d.line < 1 && !command_line && d.key.empty())) {
      defect("a diagnostic without a place: " + d.to_string());
    }
  }
}

void load_expecting_diagnostics(const fs::path& scenario) {
  expecting_diagnostics([&] { (void)load_scenario(scenario); });
}

void read_table_expecting_diagnostics(std::string_view table_key, const fs::path& file) {
  const Setup& s = setup(table_key);
  const auto& tables = scenario::data_tables();
  const auto spec = std::find_if(tables.begin(), tables.end(),
                                 [&](const scenario::DataTable& t) { return t.key == table_key; });
  if (spec == tables.end()) defect("no data table " + std::string(table_key));
  expecting_diagnostics([&] {
    core::Diagnostics diagnostics;
    if (spec->group == scenario::TableGroup::kDemographic) {
      (void)data::read_yearly_table(file, spec->shape, diagnostics);
    } else {
      DataFiles files = s.scenario.data;
      files.*spec->member = file;
      WorkforceInputs out;
      (void)data::load_workforce_tables(files, out, diagnostics);
    }
    check_located(diagnostics.list());
  });
}

}  // namespace ssproj::fuzz
