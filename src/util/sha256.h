// SHA-256 (FIPS 180-4) of bytes and files, as lowercase hex, for provenance records.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ssproj::util {

std::string sha256_hex(std::string_view bytes);

// @throws IoError when the file cannot be read.
std::string sha256_file_hex(const std::filesystem::path& file);

}  // namespace ssproj::util
