// The tutorial end to end (@IT "TensorFlow 2 + Keras 入門", part 3 and its notebook):
// two-gauss, noise 0, 50 % split, 2→3→3→1 tanh, SGD 0.03, MSE, tanh_accuracy, batch 15,
// 100 epochs, then step 8: a test on freshly generated data.
#include <catch2/catch.hpp>

#include "nnplay/datasets.hpp"
#include "nnplay/model.hpp"

using namespace nnplay;

TEST_CASE("the tutorial's model learns two-gauss for every seed", "[tutorial]") {
  for (std::uint32_t seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
    INFO("seed " << seed);
    const auto data = generate_dataset<float>("gauss", 0.0, seed);
    const auto split = split_dataset(data.points, data.labels, 0.5, seed);
    Sequential<float> model(seed);
    DenseConfig first{3, "tanh"};
    first.input_dim = 2;
    model.add(first).add({3, "tanh"}).add({1, "tanh"});
    model.compile({"sgd", {{"learning_rate", 0.03}}, "mean_squared_error", {"tanh_accuracy"}});
    FitOptions<float> options;
    options.batch_size = 15;
    options.epochs = 100;
    options.validation_x = &split.x_valid;
    options.validation_y = &split.y_valid;
    const auto history = model.fit(split.x_train, split.y_train, options);

    CHECK(history.epoch.size() == 100);
    CHECK(history.stop_reason == StopReason::max_epochs);
    CHECK(history.at("val_loss").back() < 0.02);
    CHECK(history.at("val_tanh_accuracy").back() == 1.0);
    CHECK(history.at("loss").back() < history.at("loss").front());

    // step 8: fresh data (training_size = 1.0), evaluate and predict
    const auto test = generate_dataset<float>("gauss", 0.0, seed + 1000);
    const auto result = model.evaluate(test.points, test.labels);
    CHECK(result.at("loss") < 0.02);
    CHECK(result.at("tanh_accuracy") == 1.0);
    const auto predictions = model.predict(test.points);
    for (std::size_t i = 0; i < 10; ++i) CHECK((predictions(i, 0) >= 0 ? 1.f : -1.f) == test.labels(i, 0));
  }
}
