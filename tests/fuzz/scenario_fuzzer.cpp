// libFuzzer target: the bytes are a scenario file, loaded with the small scenario's data.
#include <cstddef>
#include <cstdint>

#include "fuzz_setup.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = ssproj::fuzz::scenario_dir() / "fuzzed.toml";
  ssproj::fuzz::write_bytes(file, data, size);
  ssproj::fuzz::load_expecting_diagnostics(file);
  return 0;
}
