// Activation values at known points, float against double.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "nnplay/activations.hpp"

using namespace nnplay;

namespace {
double apply(const char* name, double x) {
  double y = 0;
  activation_forward(parse_activation(name), &x, &y, 1, 1);
  return y;
}
}  // namespace

TEST_CASE("activation values", "[activations]") {
  CHECK(apply("linear", -3) == -3);
  CHECK(apply("sigmoid", 0) == 0.5);
  CHECK(apply("tanh", 0.5) == Approx(std::tanh(0.5)));
  CHECK(apply("relu", -2) == 0);
  CHECK(apply("relu", 2) == 2);
  CHECK(apply("elu", -1) == Approx(std::exp(-1.0) - 1));
  CHECK(apply("elu", 2) == 2);
  CHECK(apply("selu", 1) == Approx(1.0507009873554805));
  CHECK(apply("selu", -1) == Approx(1.0507009873554805 * 1.6732632423543772 * (std::exp(-1.0) - 1)));
  CHECK(apply("softplus", 0) == Approx(std::log(2.0)));
  CHECK(apply("softplus", 100) == Approx(100));  // no overflow
  CHECK(apply("softplus", -100) == Approx(std::exp(-100.0)));
  CHECK(apply("softsign", 1) == 0.5);
  CHECK(apply("softsign", -3) == -0.75);
}

TEST_CASE("softmax normalises each row and is shift-invariant", "[activations]") {
  const std::vector<double> x = {1, 2, 3, 1000, 1001, 1002};
  std::vector<double> y(6);
  activation_forward(Activation::softmax, x.data(), y.data(), 2, 3);
  CHECK(y[0] + y[1] + y[2] == Approx(1));
  for (int j = 0; j < 3; ++j) CHECK(y[j] == Approx(y[3 + j]));  // no overflow at 1000
  CHECK(y[2] > y[1]);
}

TEST_CASE("float and double agree", "[activations]") {
  const float xs[] = {-12.f, -3.f, -0.6f, -0.1f, 0.f, 0.25f, 0.7f, 2.f, 9.5f};
  for (const auto& name : activation_names()) {
    if (name == "softmax") continue;
    for (float x : xs) {
      INFO(name << " at " << x);
      float yf = 0;
      double yd = 0, xd = x;
      activation_forward(parse_activation(name), &x, &yf, 1, 1);
      activation_forward(parse_activation(name), &xd, &yd, 1, 1);
      CHECK(yf == Approx(yd).epsilon(1e-6).margin(1e-7));
    }
  }
}

TEST_CASE("activation names", "[activations]") {
  CHECK(activation_names().size() == 9);
  CHECK(std::string(activation_name(Activation::selu)) == "selu");
  CHECK(parse_activation("softsign") == Activation::softsign);
}
