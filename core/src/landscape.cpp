// The loss landscape (see landscape.hpp): directions, projection, and the grid of losses.
#include "nnplay/landscape.hpp"

#include <algorithm>
#include <cmath>

#include "compiler.hpp"
#include "nnplay/errors.hpp"
#include "nnplay/limits.hpp"

namespace nnplay {

namespace {
double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

void normalize(std::vector<double>& v) {
  const double n = std::sqrt(dot(v, v));
  if (n > 0) {
    for (auto& x : v) x /= n;
  }
}

// v -= (v·u)·u for a unit u
void remove_component(std::vector<double>& v, const std::vector<double>& u) {
  const double c = dot(v, u);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] -= c * u[i];
}

// Σ_rows (row·v)·row, i.e. XᵀX·v
std::vector<double> gram_times(const std::vector<std::vector<double>>& rows, const std::vector<double>& v) {
  std::vector<double> out(v.size(), 0.0);
  for (const auto& r : rows) {
    const double c = dot(r, v);
    for (std::size_t i = 0; i < v.size(); ++i) out[i] += c * r[i];
  }
  return out;
}

// Restores the model's weights when the landscape is done (or throws).
template <class T>
class WeightsGuard {
 public:
  explicit WeightsGuard(Sequential<T>& model) : model_(model), saved_(model.flat_weights()) {}
  ~WeightsGuard() { model_.set_flat_weights(saved_); }
  const std::vector<T>& saved() const { return saved_; }

 private:
  Sequential<T>& model_;
  std::vector<T> saved_;
};
}  // namespace

NNPLAY_COLD LandscapeDirections parse_landscape_directions(const std::string& name) {
  if (name == "random") return LandscapeDirections::random;
  if (name == "pca") return LandscapeDirections::pca;
  fail("landscape: directions must be 'random' or 'pca', got '", name, "'");
}

template <class T>
std::vector<double> filter_normalized_direction(const Sequential<T>& model, Rng& rng) {
  std::vector<double> d;
  d.reserve(model.parameter_count());
  for (std::size_t l = 0; l < model.layer_count(); ++l) {
    const Dense<T>& layer = model.layer(l);
    const std::size_t in = layer.input_dim(), out = layer.units();
    const std::size_t begin = d.size();
    for (std::size_t k = 0; k < in * out; ++k) d.push_back(rng.normal(0, 1));
    for (std::size_t j = 0; j < out; ++j) {  // kernel column j: unit j's incoming weights
      double wn = 0, dn = 0;
      for (std::size_t i = 0; i < in; ++i) {
        const double w = double(layer.kernel.value(i, j));
        wn += w * w;
        dn += d[begin + i * out + j] * d[begin + i * out + j];
      }
      const double scale = dn > 0 ? std::sqrt(wn) / std::sqrt(dn) : 0.0;
      for (std::size_t i = 0; i < in; ++i) d[begin + i * out + j] *= scale;
    }
    if (layer.use_bias()) d.resize(d.size() + out, 0.0);
  }
  return d;
}

NNPLAY_COLD std::array<std::vector<double>, 2> principal_directions(const std::vector<std::vector<double>>& rows_in, std::uint32_t seed,
                                                        std::array<double, 2>& explained) {
  if (rows_in.size() < 2) fail("landscape: PCA directions need at least 2 weight snapshots, got ", rows_in.size());
  const std::size_t n = rows_in.front().size();
  if (n < 2) fail("landscape: PCA directions need at least 2 weights, the model has ", n);
  std::vector<double> mean(n, 0.0);
  for (const auto& r : rows_in) {
    for (std::size_t i = 0; i < n; ++i) mean[i] += r[i] / double(rows_in.size());
  }
  std::vector<std::vector<double>> rows = rows_in;
  double total = 0;  // the trace of XᵀX: the total variance
  for (auto& r : rows) {
    for (std::size_t i = 0; i < n; ++i) {
      r[i] -= mean[i];
      total += r[i] * r[i];
    }
  }
  if (!(total > 0)) fail("landscape: PCA directions need a trajectory that moves; every snapshot is the same");
  // Subspace iteration on XᵀX with two vectors, then Rayleigh–Ritz to order and rotate them.
  Rng rng(seed);
  std::array<std::vector<double>, 2> q;
  for (auto& v : q) {
    v.resize(n);
    for (auto& x : v) x = rng.normal(0, 1);
  }
  normalize(q[0]);
  remove_component(q[1], q[0]);
  normalize(q[1]);
  for (int it = 0; it < 500; ++it) {
    std::array<std::vector<double>, 2> z = {gram_times(rows, q[0]), gram_times(rows, q[1])};
    normalize(z[0]);
    remove_component(z[1], z[0]);
    normalize(z[1]);
    const double change = std::fabs(std::fabs(dot(z[0], q[0])) - 1) + std::fabs(std::fabs(dot(z[1], q[1])) - 1);
    q = std::move(z);
    if (change < 1e-14) break;
  }
  // 2×2 projected matrix H = Qᵀ XᵀX Q; its larger eigenvector (h01, λ − h00) rotates q
  // into the first component (the second is orthogonal to it in the plane).
  const auto a0 = gram_times(rows, q[0]), a1 = gram_times(rows, q[1]);
  const double h00 = dot(q[0], a0), h01 = dot(q[0], a1), h11 = dot(q[1], a1);
  const double lambda = 0.5 * (h00 + h11) + std::sqrt(0.25 * (h00 - h11) * (h00 - h11) + h01 * h01);
  double c = 1, s = 0;
  if (std::fabs(h01) > 0) {
    const double len = std::hypot(h01, lambda - h00);
    c = h01 / len;
    s = (lambda - h00) / len;
  } else if (h11 > h00) {
    c = 0;
    s = 1;
  }
  std::array<std::vector<double>, 2> d = {std::vector<double>(n), std::vector<double>(n)};
  for (std::size_t i = 0; i < n; ++i) {
    d[0][i] = c * q[0][i] + s * q[1][i];
    d[1][i] = -s * q[0][i] + c * q[1][i];
  }
  normalize(d[0]);
  remove_component(d[1], d[0]);
  normalize(d[1]);
  double l0 = dot(d[0], gram_times(rows, d[0])), l1 = dot(d[1], gram_times(rows, d[1]));
  if (l1 > l0) {
    std::swap(d[0], d[1]);
    std::swap(l0, l1);
  }
  explained = {l0 / total, l1 / total};
  return d;
}

std::array<double, 2> project_onto_plane(const std::vector<double>& v, const std::vector<double>& d1, const std::vector<double>& d2) {
  const double a = dot(d1, d1), b = dot(d1, d2), c = dot(d2, d2);
  const double p = dot(d1, v), q = dot(d2, v);
  const double det = a * c - b * b;
  if (!(std::fabs(det) > 0)) return {a > 0 ? p / a : 0.0, 0.0};
  return {(c * p - b * q) / det, (a * q - b * p) / det};
}

template <class T>
Landscape<T> loss_landscape(Sequential<T>& model, const Matrix<T>& x, const Matrix<T>& y, const LandscapeOptions& options,
                            const std::vector<std::vector<T>>& trajectory) {
  if (!model.compiled()) fail("landscape: the model is not compiled; call compile(optimizer, loss, metrics) first");
  if (options.resolution < 2 || options.resolution > 201) {
    fail("landscape: resolution must be a whole number from 2 to 201, got ", options.resolution);
  }
  if (!std::isfinite(options.span) || options.span < 0) {
    fail("landscape: span must be a finite number > 0 (or 0 for the default), got ", number_text(options.span));
  }
  const std::size_t count = model.parameter_count();
  for (std::size_t s = 0; s < trajectory.size(); ++s) {
    if (trajectory[s].size() != count) {
      fail("landscape: trajectory snapshot ", s, " has ", trajectory[s].size(), " values but the model has ", count, " weights");
    }
    for (T v : trajectory[s]) {
      if (!std::isfinite(v)) fail("landscape: trajectory snapshot ", s, " holds ", number_text(v), "; only finite numbers are allowed");
    }
  }
  // The time budget, before any work: every cell is a forward pass over every row.
  const double cells = double(options.resolution) * double(options.resolution);
  const double cost = cells * double(rows(x)) * (double(count) + landscape_row_overhead);
  if (cost > max_landscape_cost) {
    fail("landscape: resolution ", options.resolution, " (", cells, " cells) over ", rows(x), " rows of x with ", count,
         " weights costs ", cost, " (cells x rows x (weights + 64)), more than the time budget of ", max_landscape_cost,
         "; use a lower resolution, fewer rows (a sample of x) or a smaller model");
  }
  // The memory budget: two directions, the offsets (twice for PCA) and two weight vectors.
  const double copies = 2.0 * 8 + double(trajectory.size()) * 8 * (options.directions == LandscapeDirections::pca ? 2 : 1);
  require_within_budget("landscape: the directions and trajectory for this model",
                        double(count) * (copies + 2.0 * sizeof(T)), max_argument_bytes,
                        "pass fewer trajectory snapshots or use a smaller model");
  WeightsGuard<T> guard(model);
  const std::vector<T>& centre = guard.saved();
  Landscape<T> out;
  out.center_loss = model.training_loss(x, y);  // also checks x and y

  std::vector<std::vector<double>> offsets;  // snapshot − centre
  for (const auto& snapshot : trajectory) {
    std::vector<double> o(count);
    for (std::size_t i = 0; i < count; ++i) o[i] = double(snapshot[i]) - double(centre[i]);
    offsets.push_back(std::move(o));
  }
  if (options.directions == LandscapeDirections::random) {
    Rng rng(options.seed);
    out.direction_x = filter_normalized_direction(model, rng);
    out.direction_y = filter_normalized_direction(model, rng);
  } else {
    if (trajectory.size() < 2) {
      fail("landscape: directions 'pca' needs a trajectory of at least 2 earlier weight snapshots, got ", trajectory.size());
    }
    std::vector<std::vector<double>> rows = offsets;
    rows.emplace_back(count, 0.0);  // the current weights belong to the trajectory
    auto d = principal_directions(rows, options.seed, out.explained_variance);
    out.direction_x = std::move(d[0]);
    out.direction_y = std::move(d[1]);
  }
  double extent = 0;
  for (const auto& o : offsets) {
    const auto p = project_onto_plane(o, out.direction_x, out.direction_y);
    out.path.push_back(p);
    extent = std::max({extent, std::fabs(p[0]), std::fabs(p[1])});
  }
  double span = options.span;
  if (span == 0) span = options.directions == LandscapeDirections::random || !(extent > 0) ? 1.0 : 1.25 * extent;

  const std::size_t res = options.resolution;
  for (std::size_t k = 0; k < res; ++k) {
    const double v = -span + 2 * span * double(k) / double(res - 1);
    out.alpha.push_back(v);
    out.beta.push_back(v);
  }
  out.loss.resize(res * res);
  std::vector<T> w(count);
  for (std::size_t i = 0; i < res; ++i) {
    for (std::size_t j = 0; j < res; ++j) {
      const double a = out.alpha[j], b = out.beta[i];
      for (std::size_t k = 0; k < count; ++k) w[k] = T(double(centre[k]) + a * out.direction_x[k] + b * out.direction_y[k]);
      model.set_flat_weights(w);
      out.loss[i * res + j] = model.training_loss(x, y);
    }
  }
  return out;
}

template Landscape<float> loss_landscape(Sequential<float>&, const Matrix<float>&, const Matrix<float>&, const LandscapeOptions&,
                                         const std::vector<std::vector<float>>&);
template Landscape<double> loss_landscape(Sequential<double>&, const Matrix<double>&, const Matrix<double>&, const LandscapeOptions&,
                                          const std::vector<std::vector<double>>&);
template std::vector<double> filter_normalized_direction(const Sequential<float>&, Rng&);
template std::vector<double> filter_normalized_direction(const Sequential<double>&, Rng&);

}  // namespace nnplay
