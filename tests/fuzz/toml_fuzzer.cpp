// libFuzzer target: the TOML guard and then toml++ itself, on any text the guard lets through.
// This is the harness that found the two toml++ 3.3.0 defects the guard now stops
// (src/core/toml_guard.h); under UBSan and ASan a new defect of the parser shows here first.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <toml++/toml.h>

#include "core/toml_guard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (ssproj::core::toml_guard(text)) return 0;
  try {
    (void)toml::parse(text, std::string_view("fuzz.toml"));
  } catch (const toml::parse_error&) {
    // A syntax error, reported with its place: what bad text should give.
  }
  return 0;
}
