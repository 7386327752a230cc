// The parallel loops of ssproj: oneTBB's parallel_for, with the happens-before edges that
// ThreadSanitizer needs in a -DSSPROJ_SANITIZE=thread build (docs/design.md, "Sanitizers").
//
// oneTBB hands a loop's work to its worker threads inside libtbb, which Debian builds without
// ThreadSanitizer: the sanitizer does not see that everything written before a loop happens
// before each body, and each body before the code after the loop, and reports a race on every
// such access. In that build the loops below tell it, with __tsan_release and __tsan_acquire on
// one token per loop; in every other build they are tbb::parallel_for unchanged. Races between
// two bodies of one loop are still reported: nothing orders bodies with each other.
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#if defined(__SANITIZE_THREAD__)
#define SSPROJ_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SSPROJ_TSAN 1
#endif
#endif

#ifdef SSPROJ_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace ssproj::core {

#ifdef SSPROJ_TSAN
// The edges of one loop: construct before it, wrap its body, destroy after it.
class LoopEdges {
 public:
  LoopEdges() { __tsan_release(&before_); }
  ~LoopEdges() { __tsan_acquire(&after_); }
  LoopEdges(const LoopEdges&) = delete;
  LoopEdges& operator=(const LoopEdges&) = delete;
  // The wrapper is not instrumented: it reads its captures from the copy that oneTBB made in
  // its task object, a hand-over the sanitizer cannot see; the body it calls is instrumented.
  template <typename Body>
  auto wrap(const Body& body) {
    return [ this, &body ](const auto& arg) __attribute__((no_sanitize("thread"))) {
      __tsan_acquire(&before_);
      body(arg);
      __tsan_release(&after_);
    };
  }

 private:
  char before_ = 0;
  char after_ = 0;
};
#endif

// body(subrange) over subranges of `range`, in parallel.
template <typename Value, typename Body>
void parallel_for(const tbb::blocked_range<Value>& range, const Body& body) {
#ifdef SSPROJ_TSAN
  LoopEdges edges;
  tbb::parallel_for(range, edges.wrap(body));
#else
  tbb::parallel_for(range, body);
#endif
}

// body(i) for i in [first, last), in parallel: over a blocked_range (grain size 1), as oneTBB's
// own index form does, but without its parallel_for_body_wrapper. That wrapper sits between
// oneTBB and the body and reads the loop's bounds from its copy in the task object; under
// ThreadSanitizer it is instrumented and outside LoopEdges, so it was reported as racing with
// the caller that wrote the copy (when the sanitizer no longer had the writer's stack, the
// suppression of start_for could not match). Here only LoopEdges' uninstrumented wrapper sits
// between oneTBB and the body.
template <typename Index, typename Body>
void parallel_for(Index first, Index last, const Body& body) {
  parallel_for(tbb::blocked_range<Index>(first, last), [&body](const auto& range) {
    for (Index i = range.begin(); i != range.end(); ++i) body(i);
  });
}

}  // namespace ssproj::core
