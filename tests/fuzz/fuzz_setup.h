// Shared set-up of the libFuzzer targets (docs/design.md, "Fuzzing"): a valid small scenario
// with every data table, written once per process into a temporary directory, so that a target
// can replace one input by the fuzzer's bytes and read it as `ssproj run` would.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <ssproj/error.h>

namespace ssproj::fuzz {

// The directory of the small scenario (scenario.toml and its data tables), made on the first
// call. With SSPROJ_FUZZ_SEED_DIR set, the scenario file and, for `table_key` (a [data] key such
// as "data.mortality"), that table are copied there as seeds (tests/fuzz/run-fuzzers).
const std::filesystem::path& scenario_dir(std::string_view table_key = {});

// Writes `size` bytes to `file`, replacing it.
void write_bytes(const std::filesystem::path& file, const std::uint8_t* data, std::size_t size);

// Reports a defect and aborts, so that libFuzzer keeps the input.
[[noreturn]] void defect(const std::string& what);

// Bad input must give located diagnostics: each with its file and a line >= 1 (or, for a value
// given on the command line, that argument; for a whole scenario's property, its key). Aborts on
// one that is not.
void check_located(const std::vector<Diagnostic>& diagnostics);

// Runs `f`. An ssproj::ScenarioError (checked with check_located) or another ssproj::Error is
// the expected outcome of bad input; any other exception is a defect (the user would see an
// unlocated "ssproj: error: ..."), and aborts.
template <typename F>
void expecting_diagnostics(F&& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    check_located(e.diagnostics());
  } catch (const Error&) {
    // Another error of ssproj's own (a file that cannot be read), with its message.
  } catch (const std::exception& e) {
    defect(std::string("unexpected exception (an unlocated error for the user): ") + e.what());
  }
}

// Loads `scenario` as `ssproj validate` does.
void load_expecting_diagnostics(const std::filesystem::path& scenario);

// Reads `file` as the table of [data] key `table_key`, with the other tables of the small
// scenario, by the reader `ssproj run` uses for it.
void read_table_expecting_diagnostics(std::string_view table_key,
                                      const std::filesystem::path& file);

}  // namespace ssproj::fuzz
