// The native engine's loss history for one configuration, as JSON, so that the node tests
// can check that the wasm build computes the same numbers (tests/node/parity.test.mjs).
//   nnplay_native_reference <dataset> <seed> <layers e.g. 8,8> <activation> <optimizer> <lr> <batch> <epochs>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "nnplay/datasets.hpp"
#include "nnplay/model.hpp"

int main(int argc, char** argv) {
  if (argc != 9) {
    std::fprintf(stderr, "usage: %s dataset seed layers activation optimizer lr batch epochs\n", argv[0]);
    return 2;
  }
  try {
    const std::string dataset = argv[1], layers = argv[3], activation = argv[4], optimizer = argv[5];
    const auto seed = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10));
    const double lr = std::atof(argv[6]);
    const auto batch = static_cast<std::size_t>(std::atoi(argv[7]));
    const int epochs = std::atoi(argv[8]);
    const auto data = nnplay::generate_dataset<float>(dataset, 0.1, seed);
    const auto split = nnplay::split_dataset(data.points, data.labels, 0.5, seed);
    nnplay::Sequential<float> model(seed);
    std::stringstream sizes(layers);
    std::string item;
    bool first = true;
    while (std::getline(sizes, item, ',')) {
      nnplay::DenseConfig c{static_cast<std::size_t>(std::atoi(item.c_str())), activation};
      if (first) c.input_dim = 2;
      first = false;
      model.add(c);
    }
    model.add({1, "tanh"});
    model.compile({optimizer, {{"learning_rate", lr}}, "mse", {"tanh_accuracy"}});
    nnplay::FitOptions<float> options;
    options.batch_size = batch;
    options.epochs = epochs;
    options.validation_x = &split.x_valid;
    options.validation_y = &split.y_valid;
    const auto h = model.fit(split.x_train, split.y_train, options);
    std::printf("{");
    for (std::size_t k = 0; k < h.history.size(); ++k) {
      std::printf("%s\"%s\": [", k ? ", " : "", h.history[k].first.c_str());
      for (std::size_t i = 0; i < h.history[k].second.size(); ++i) std::printf("%s%.9g", i ? ", " : "", h.history[k].second[i]);
      std::printf("]");
    }
    std::printf("}\n");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
