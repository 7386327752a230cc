// libFuzzer target: the bytes are a sensitivity file (docs/sensitivity.md) beside the small
// scenario; its variants' scenarios are loaded as `ssproj sensitivity` does before running.
#include <cstddef>
#include <cstdint>

#include <ssproj/sensitivity.h>

#include "fuzz_setup.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = ssproj::fuzz::scenario_dir() / "sensitivity.toml";
  ssproj::fuzz::write_bytes(file, data, size);
  ssproj::fuzz::expecting_diagnostics([&] {
    const ssproj::SensitivityPlan plan = ssproj::load_sensitivity_plan(file);
    (void)ssproj::load_sensitivity_scenarios(plan, {});
  });
  return 0;
}
