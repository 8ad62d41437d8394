// The affine op in float — which picks a kernel by shape: 4-lane vector kernels for k, n
// up to 4, compile-time widths up to 8, and a generic loop — against the same op in double
// (whose gradients test_gradients.cpp checks), for every shape around those boundaries.
// The op runs alone in its graph, so Graph::forward / backward run just this op.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>

#include "nnplay/model.hpp"
#include "nnplay/ops.hpp"
#include "nnplay/regularizers.hpp"

using namespace nnplay;

namespace {

// The op on one shape, in scalar type T: x [rows, k] -> out [rows, n].
template <class T>
struct AffineCase {
  Graph<T> graph;
  Node<T> w, b;
  Node<T>* x;
  Node<T>* out;

  AffineCase(std::size_t rows, std::size_t k, std::size_t n, bool bias, bool input_grad)
      : w(Node<T>::parameter(k, n)), b(Node<T>::parameter(1, n)) {
    graph.reserve(rows);
    x = graph.node(k);
    out = graph.node(n);
    x->needs_grad = input_grad;
    graph.template add<AffineOp<T>>(x, &w, bias ? &b : nullptr, out);
  }
};

template <class From, class To>
void copy_values(const Matrix<From>& from, Matrix<To>& to, std::size_t used) {
  for (std::size_t i = 0; i < used; ++i) to.data()[i] = To(from.data()[i]);
}

template <class A, class B>
void check_close(const Matrix<A>& got, const Matrix<B>& want, std::size_t used, const std::string& what) {
  for (std::size_t i = 0; i < used; ++i) {
    INFO(what << " element " << i);
    CHECK(double(got.data()[i]) == Approx(double(want.data()[i])).epsilon(1e-5).margin(1e-6));
  }
}

}  // namespace

TEST_CASE("the float affine kernels agree with the double op for every shape up to 9 x 9", "[kernels]") {
  std::mt19937 rng(2024);
  std::uniform_real_distribution<double> value(-1.0, 1.0);
  for (std::size_t k = 1; k <= 9; ++k) {
    for (std::size_t n = 1; n <= 9; ++n) {
      for (int variant = 0; variant < 4; ++variant) {
        const bool bias = variant & 1, input_grad = variant & 2;
        const std::size_t rows = 1 + (k * 7 + n * 3 + variant) % 13;  // 1..13 rows
        const std::string what = "k=" + std::to_string(k) + " n=" + std::to_string(n) + (bias ? " bias" : "") +
                                 (input_grad ? " dx" : "");
        AffineCase<double> exact(rows, k, n, bias, input_grad);
        AffineCase<float> fast(rows, k, n, bias, input_grad);
        for (auto* m : {&exact.x->value, &exact.w.value, &exact.b.value}) {
          for (auto& v : *m) v = value(rng);
        }
        copy_values(exact.x->value, fast.x->value, rows * k);
        copy_values(exact.w.value, fast.w.value, k * n);
        copy_values(exact.b.value, fast.b.value, n);

        exact.graph.forward(rows);
        fast.graph.forward(rows);
        check_close(fast.out->value, exact.out->value, rows * n, what + " out");

        // dL/dout is set by hand. The op must assign dw, db and dx (each gradient has one
        // writer; nothing zeroes them first): they start as NaN here, so any value that
        // was added to instead of written shows.
        for (auto& v : exact.out->grad) v = value(rng);
        copy_values(exact.out->grad, fast.out->grad, rows * n);
        for (auto* g : {&fast.w.grad, &fast.b.grad, &fast.x->grad}) std::fill(g->begin(), g->end(), NAN);
        exact.graph.backward(rows);
        fast.graph.backward(rows);
        check_close(fast.w.grad, exact.w.grad, k * n, what + " dw");
        if (bias) check_close(fast.b.grad, exact.b.grad, n, what + " db");
        if (input_grad) check_close(fast.x->grad, exact.x->grad, rows * k, what + " dx");
        // The gradients must be the real ones, not zeros that agree.
        double total = 0;
        for (std::size_t i = 0; i < k * n; ++i) total += std::fabs(exact.w.grad.data()[i]);
        CHECK(total > 0);
      }
    }
  }
}

TEST_CASE("a float model's gradients equal the double model's, regularizer included", "[kernels]") {
  // Small layers (vector kernels), a wide one (compile-time width) and a regularized kernel,
  // whose penalty must add to the gradient the affine kernel wrote.
  auto build = [](auto& model) {
    DenseConfig first{3, "tanh"};
    first.input_dim = 2;
    first.kernel_regularizer = make_regularizer("l1_l2", 0.01);
    DenseConfig wide{6, "relu"};
    wide.kernel_regularizer = make_regularizer("l2", 0.03);
    model.add(first).add(wide).add({2, "sigmoid"});
    model.compile({"sgd", {}, "mean_squared_error", {}});
  };
  Sequential<double> exact(11);
  Sequential<float> fast(11);
  build(exact);
  build(fast);
  std::vector<WeightArray<float>> weights;
  for (const auto& w : exact.get_weights()) weights.push_back({w.name, w.shape, std::vector<float>(w.data.begin(), w.data.end())});
  fast.set_weights(weights);

  std::mt19937 rng(7);
  std::uniform_real_distribution<double> value(-1.0, 1.0);
  Matrix<double> x = Matrix<double>::from_shape({9, 2}), y = Matrix<double>::from_shape({9, 2});
  for (auto& v : x) v = 2 * value(rng);
  for (auto& v : y) v = 0.5 + 0.5 * value(rng);
  Matrix<float> xf = Matrix<float>::from_shape({9, 2}), yf = Matrix<float>::from_shape({9, 2});
  copy_values(x, xf, x.size());
  copy_values(y, yf, y.size());

  const auto want = exact.compute_gradients(x, y);
  fast.compute_gradients(xf, yf);  // twice: the second must not build on the first
  const auto got = fast.compute_gradients(xf, yf);
  CHECK(double(got.loss) == Approx(want.loss).epsilon(1e-5));
  REQUIRE(got.gradients.size() == want.gradients.size());
  for (std::size_t a = 0; a < want.gradients.size(); ++a) {
    for (std::size_t i = 0; i < want.gradients[a].data.size(); ++i) {
      INFO(want.gradients[a].name << " element " << i);
      CHECK(double(got.gradients[a].data[i]) == Approx(want.gradients[a].data[i]).epsilon(1e-4).margin(1e-6));
    }
  }
}
