// "A training step does no heap allocation": counted by replacing the global operator new
// for this test program. Buffers are set up at compile and on the first batch of a size;
// after that, batches inside an epoch allocate nothing (the epoch's end writes history).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "nnplay/datasets.hpp"
#include "nnplay/features.hpp"
#include "nnplay/fit_loop.hpp"

namespace {
std::atomic<long> g_allocations{0};
}

void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace nnplay;

TEST_CASE("a training step allocates nothing", "[allocation]") {
  const auto data = generate_dataset<float>("spiral", 0.1, 3);
  const auto x = make_features(data.points, parse_features({"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"}));
  for (const std::string optimizer : {"sgd", "adam", "rmsprop", "nadam"}) {
    INFO(optimizer);
    Sequential<float> model(1);
    DenseConfig first{8, "tanh"};
    first.input_dim = 7;
    first.kernel_regularizer = make_regularizer("l2", 0.001);
    model.add(first).add({8, "relu"}).add({1, "tanh"});
    OptimizerOptions hyper;
    if (optimizer == "rmsprop" || optimizer == "sgd") hyper["momentum"] = 0.5;  // the slot-using paths
    model.compile({optimizer, hyper, "mse", {"tanh_accuracy", "mae"}});
    FitOptions<float> options;
    options.batch_size = 10;
    options.epochs = 3;
    FitLoop<float> loop(model, x, data.labels, options);
    loop.run_batch();  // the first batch of this size may set buffers up
    const long before = g_allocations.load();
    for (int b = 1; b < 40; ++b) REQUIRE_FALSE(loop.run_batch());  // 50 batches per epoch: none ends it
    CHECK(g_allocations.load() - before == 0);
  }
}
