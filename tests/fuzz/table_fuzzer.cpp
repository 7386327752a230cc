// libFuzzer target, built once per data table (SSPROJ_FUZZ_TABLE is its [data] key): the bytes
// are that table, read by its reader with the other tables of a valid small scenario.
#include <cstddef>
#include <cstdint>

#include "fuzz_setup.h"

#ifndef SSPROJ_FUZZ_TABLE
#error "SSPROJ_FUZZ_TABLE must name a [data] key"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = ssproj::fuzz::scenario_dir(SSPROJ_FUZZ_TABLE) / "fuzz.csv";
  ssproj::fuzz::write_bytes(file, data, size);
  ssproj::fuzz::read_table_expecting_diagnostics(SSPROJ_FUZZ_TABLE, file);
  return 0;
}
