// The loss landscape: the training loss on a 2-D plane through the current weights,
// L(w + α·d₁ + β·d₂), as in Li et al., "Visualizing the Loss Landscape of Neural Nets"
// (NeurIPS 2018). The directions are either filter-normalised random directions or the
// first two principal components of the weight trajectory; the trajectory is projected
// onto the plane. The model's weights are restored afterwards (also on error).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "nnplay/model.hpp"

namespace nnplay {

enum class LandscapeDirections { random, pca };
LandscapeDirections parse_landscape_directions(const std::string& name);  // "random" | "pca"

struct LandscapeOptions {
  LandscapeDirections directions = LandscapeDirections::random;
  // α and β run over [-span, span]. 0: 1 for random directions (the paper's range), and
  // 1.25 × the path's largest coordinate for PCA directions (whose unit is one weight unit).
  double span = 0;
  std::size_t resolution = 41;  // grid points per axis, 2 to 201
  std::uint32_t seed = 0;       // draws the random directions (and PCA's starting vectors)
};

template <class T>
struct Landscape {
  std::vector<double> alpha, beta;  // the grid's coordinates, `resolution` each, ascending
  std::vector<T> loss;              // row-major [beta][alpha]: loss[i·resolution + j] at (alpha[j], beta[i])
  std::vector<std::array<double, 2>> path;  // each trajectory snapshot's (α, β), in order
  std::vector<double> direction_x, direction_y;  // d₁, d₂ over the flat weights (get_weights() order)
  std::array<double, 2> explained_variance{0, 0};  // PCA: each direction's share of the trajectory's variance
  T center_loss = T(0);             // the loss at the current weights (α = β = 0)
};

// trajectory: earlier weight vectors (Sequential::flat_weights()), oldest first; PCA needs
// at least 2 that differ from the current weights. The loss is evaluate()'s (penalties
// included), each grid point in one forward pass over all of x.
template <class T>
Landscape<T> loss_landscape(Sequential<T>& model, const Matrix<T>& x, const Matrix<T>& y, const LandscapeOptions& options,
                            const std::vector<std::vector<T>>& trajectory = {});

// A filter-normalised random direction (Li et al. §4): Gaussian, then each output unit's
// incoming weight vector (a kernel column) rescaled to that unit's weight norm. Biases get
// 0, as the paper's code does by default ("ignore biasbn").
template <class T>
std::vector<double> filter_normalized_direction(const Sequential<T>& model, Rng& rng);

// The first two principal components of the snapshots (rows, each centred on their mean),
// orthonormal, the larger first; `explained` receives each one's share of the variance.
std::array<std::vector<double>, 2> principal_directions(const std::vector<std::vector<double>>& rows, std::uint32_t seed,
                                                        std::array<double, 2>& explained);

// (α, β) minimising |v − α·d₁ − β·d₂| (exact projection when d₁ ⟂ d₂).
std::array<double, 2> project_onto_plane(const std::vector<double>& v, const std::vector<double>& d1, const std::vector<double>& d2);

}  // namespace nnplay
