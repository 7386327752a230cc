// Philox4x32-10 for a block of subjects at once: AVX-512 (16 subjects per instruction) or
// AVX2 (8) where the processor has them, Random123's scalar code otherwise and for the tail.
// Every path computes exactly Random123's function (tests/unit/rng_test.cpp checks each path
// the machine supports against it), so results never depend on the path taken.
#include "engine/rng.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SSPROJ_PHILOX_X86 1
// GCC 12 warns that AVX-512 shift intrinsics use an uninitialised value: their headers start
// from _mm512_undefined_epi32() on purpose (GCC bug 105593, fixed in GCC 13).
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#endif

namespace ssproj::engine {
namespace {

// Philox4x32's round multipliers and key increments (Salmon et al. 2011; Random123's
// PHILOX_M4x32_0/1 and PHILOX_W32_0/1).
constexpr std::uint32_t kM0 = 0xD2511F53u;
constexpr std::uint32_t kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kW0 = 0x9E3779B9u;
constexpr std::uint32_t kW1 = 0xBB67AE85u;
constexpr int kRounds = 10;

void scalar_block(const PhiloxBlockArgs& a, std::size_t first) {
  const r123::Philox4x32::key_type key = {{a.key0, a.key1}};
  for (std::size_t j = first; j < a.n; ++j) {
    const r123::Philox4x32::ctr_type counter = {{a.subjects[j], a.word1, a.word2, a.word3}};
    const r123::Philox4x32::ctr_type bits = r123::Philox4x32{}(counter, key);
    for (std::size_t w = 0; w < 4; ++w) a.out[w][j] = bits.v[w];
  }
}

#ifdef SSPROJ_PHILOX_X86
// One round on 16 lanes: the 32x32->64-bit products of the even lanes, then of the odd lanes
// shifted down, recombined into their high and low words.
__attribute__((target("avx512f"))) std::size_t avx512_block(const PhiloxBlockArgs& a) {
  const __m512i m0 = _mm512_set1_epi32(static_cast<int>(kM0));
  const __m512i m1 = _mm512_set1_epi32(static_cast<int>(kM1));
  constexpr __mmask16 kOdd = 0xAAAA;
  std::size_t j = 0;
  for (; j + 16 <= a.n; j += 16) {
    __m512i x0 = _mm512_loadu_si512(a.subjects + j);
    __m512i x1 = _mm512_set1_epi32(static_cast<int>(a.word1));
    __m512i x2 = _mm512_set1_epi32(static_cast<int>(a.word2));
    __m512i x3 = _mm512_set1_epi32(static_cast<int>(a.word3));
    std::uint32_t k0 = a.key0;
    std::uint32_t k1 = a.key1;
    for (int r = 0; r < kRounds; ++r) {
      const __m512i even0 = _mm512_mul_epu32(x0, m0);
      const __m512i odd0 = _mm512_mul_epu32(_mm512_srli_epi64(x0, 32), m0);
      const __m512i even1 = _mm512_mul_epu32(x2, m1);
      const __m512i odd1 = _mm512_mul_epu32(_mm512_srli_epi64(x2, 32), m1);
      const __m512i hi0 = _mm512_mask_blend_epi32(kOdd, _mm512_srli_epi64(even0, 32), odd0);
      const __m512i lo0 = _mm512_mask_blend_epi32(kOdd, even0, _mm512_slli_epi64(odd0, 32));
      const __m512i hi1 = _mm512_mask_blend_epi32(kOdd, _mm512_srli_epi64(even1, 32), odd1);
      const __m512i lo1 = _mm512_mask_blend_epi32(kOdd, even1, _mm512_slli_epi64(odd1, 32));
      x0 = _mm512_xor_si512(_mm512_xor_si512(hi1, x1), _mm512_set1_epi32(static_cast<int>(k0)));
      x2 = _mm512_xor_si512(_mm512_xor_si512(hi0, x3), _mm512_set1_epi32(static_cast<int>(k1)));
      x1 = lo1;
      x3 = lo0;
      k0 += kW0;
      k1 += kW1;
    }
    _mm512_storeu_si512(a.out[0] + j, x0);
    _mm512_storeu_si512(a.out[1] + j, x1);
    _mm512_storeu_si512(a.out[2] + j, x2);
    _mm512_storeu_si512(a.out[3] + j, x3);
  }
  return j;
}

__attribute__((target("avx2"))) std::size_t avx2_block(const PhiloxBlockArgs& a) {
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(kM0));
  const __m256i m1 = _mm256_set1_epi32(static_cast<int>(kM1));
  constexpr int kOdd = 0xAA;
  std::size_t j = 0;
  for (; j + 8 <= a.n; j += 8) {
    __m256i x0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a.subjects + j));
    __m256i x1 = _mm256_set1_epi32(static_cast<int>(a.word1));
    __m256i x2 = _mm256_set1_epi32(static_cast<int>(a.word2));
    __m256i x3 = _mm256_set1_epi32(static_cast<int>(a.word3));
    std::uint32_t k0 = a.key0;
    std::uint32_t k1 = a.key1;
    for (int r = 0; r < kRounds; ++r) {
      const __m256i even0 = _mm256_mul_epu32(x0, m0);
      const __m256i odd0 = _mm256_mul_epu32(_mm256_srli_epi64(x0, 32), m0);
      const __m256i even1 = _mm256_mul_epu32(x2, m1);
      const __m256i odd1 = _mm256_mul_epu32(_mm256_srli_epi64(x2, 32), m1);
      const __m256i hi0 = _mm256_blend_epi32(_mm256_srli_epi64(even0, 32), odd0, kOdd);
      const __m256i lo0 = _mm256_blend_epi32(even0, _mm256_slli_epi64(odd0, 32), kOdd);
      const __m256i hi1 = _mm256_blend_epi32(_mm256_srli_epi64(even1, 32), odd1, kOdd);
      const __m256i lo1 = _mm256_blend_epi32(even1, _mm256_slli_epi64(odd1, 32), kOdd);
      x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), _mm256_set1_epi32(static_cast<int>(k0)));
      x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), _mm256_set1_epi32(static_cast<int>(k1)));
      x1 = lo1;
      x3 = lo0;
      k0 += kW0;
      k1 += kW1;
    }
    for (std::size_t w = 0; w < 4; ++w) {
      const __m256i x = w == 0 ? x0 : w == 1 ? x1 : w == 2 ? x2 : x3;
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(a.out[w] + j), x);
    }
  }
  return j;
}
#endif

PhiloxPath detect_path() {
#ifdef SSPROJ_PHILOX_X86
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return PhiloxPath::kAvx512;
  if (__builtin_cpu_supports("avx2")) return PhiloxPath::kAvx2;
#endif
  return PhiloxPath::kScalar;
}

}  // namespace

PhiloxPath best_philox_path() {
  static const PhiloxPath path = detect_path();
  return path;
}

bool philox_path_available(PhiloxPath path) {
  return static_cast<int>(path) <= static_cast<int>(best_philox_path());
}

void philox_block(PhiloxPath path, const PhiloxBlockArgs& args) {
  std::size_t done = 0;
#ifdef SSPROJ_PHILOX_X86
  if (path == PhiloxPath::kAvx512) done = avx512_block(args);
  if (path == PhiloxPath::kAvx2) done = avx2_block(args);
#else
  (void)path;
#endif
  scalar_block(args, done);
}

}  // namespace ssproj::engine
