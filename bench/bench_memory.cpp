// The memory bandwidth the year step is measured against (bench/README.md: bytes touched per
// person-year against the bandwidth).
//
//   BM_Triad/threads:T   a[i] = b[i] + s * c[i] over three arrays of 256 MiB each (far above the
//       caches), split in T equal parts on T threads; counter bytes_per_second: 24 bytes per
//       element (two reads and one write; a write-allocate's extra read is not counted, as
//       STREAM does not).
#include <cstddef>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>

namespace {

constexpr std::size_t kElements = std::size_t{256} << 20 >> 3;  // 256 MiB of doubles per array

void BM_Triad(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  std::vector<double> a(kElements, 0.0), b(kElements, 1.0), c(kElements, 2.0);
  const double s = 3.0;
  const auto part = [&](std::size_t t) {
    const std::size_t begin = kElements * t / threads, end = kElements * (t + 1) / threads;
    for (std::size_t i = begin; i < end; ++i) a[i] = b[i] + s * c[i];
  };
  for (auto _ : state) {
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(part, t);
    part(0);
    for (std::thread& w : workers) w.join();
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  state.counters["bytes_per_second"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * 3 * sizeof(double) * static_cast<double>(kElements),
      benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_Triad)->ArgName("threads")->Arg(1)->Arg(2)->UseRealTime()->Unit(
    benchmark::kMillisecond);
