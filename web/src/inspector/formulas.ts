// The tf.keras 2.x update of one weight (docs/KERAS_SEMANTICS.md §1), written out and filled
// in with the numbers of the last step: the slots before and after it and the gradient. The
// update it predicts, worked out here in double precision, is shown next to the engine's.
import type { InspectorInfo } from '../protocol.js';

export interface Explanation {
  lines: string[];
  predicted: number;  // Δw by the formula
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e4 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

const p = (x: number) => (x < 0 ? `(${fmt(x)})` : fmt(x));

export function explain(info: InspectorInfo): Explanation {
  const c = info.config as Record<string, number>;
  const t = info.iterations;
  const g = info.g;
  const b = (k: string) => info.before[k] ?? 0;
  const a = (k: string) => info.after[k] ?? 0;
  const lr = c.learning_rate / (1 + (c.decay ?? 0) * (t - 1));
  const eps = c.epsilon ?? 1e-7;
  const lines: string[] = [`t = ${t}, lr = ${fmt(lr)}, g = ${fmt(g)}`];
  let d = 0;
  switch (info.optimizer) {
    case 'SGD': {
      const mu = c.momentum ?? 0;
      if (mu === 0) {
        d = -lr * g;
        lines.push(`Δw = −lr·g = −${fmt(lr)}·${p(g)} = ${fmt(d)}`);
      } else {
        const v = a('momentum');
        lines.push(`v ← μ·v − lr·g = ${fmt(mu)}·${p(b('momentum'))} − ${fmt(lr)}·${p(g)} = ${fmt(v)}`);
        if (c.nesterov) {
          d = mu * v - lr * g;
          lines.push(`Δw = μ·v − lr·g = ${fmt(mu)}·${p(v)} − ${fmt(lr)}·${p(g)} = ${fmt(d)}`);
        } else {
          d = v;
          lines.push(`Δw = v = ${fmt(d)}`);
        }
      }
      break;
    }
    case 'Adagrad': {
      const acc = a('accumulator');
      lines.push(`acc ← acc + g² = ${fmt(b('accumulator'))} + ${p(g)}² = ${fmt(acc)}`);
      d = (-lr * g) / (Math.sqrt(acc) + eps);
      lines.push(`Δw = −lr·g / (√acc + ε) = −${fmt(lr)}·${p(g)} / (√${fmt(acc)} + ${fmt(eps)}) = ${fmt(d)}`);
      break;
    }
    case 'RMSprop': {
      const rho = c.rho, mu = c.momentum ?? 0;
      const ms = a('rms');
      lines.push(`ms ← ρ·ms + (1−ρ)·g² = ${fmt(rho)}·${fmt(b('rms'))} + ${fmt(1 - rho)}·${p(g)}² = ${fmt(ms)}`);
      let denom = ms;
      let under = 'ms';
      if (c.centered) {
        const mg = a('mg');
        lines.push(`mg ← ρ·mg + (1−ρ)·g = ${fmt(rho)}·${p(b('mg'))} + ${fmt(1 - rho)}·${p(g)} = ${fmt(mg)}`);
        denom = ms - mg * mg;
        under = 'ms − mg²';
      }
      if (mu > 0) {
        const mom = mu * b('momentum') + (lr * g) / Math.sqrt(denom + eps);
        lines.push(`mom ← μ·mom + lr·g / √(${under} + ε) = ${fmt(mu)}·${p(b('momentum'))} + ${fmt(lr)}·${p(g)} / √(${fmt(denom)} + ${fmt(eps)}) = ${fmt(mom)}`);
        d = -mom;
        lines.push(`Δw = −mom = ${fmt(d)}`);
      } else {
        d = (-lr * g) / (Math.sqrt(denom) + eps);
        lines.push(`Δw = −lr·g / (√(${under}) + ε) = −${fmt(lr)}·${p(g)} / (√${fmt(denom)} + ${fmt(eps)}) = ${fmt(d)}`);
      }
      break;
    }
    case 'Adadelta': {
      const rho = c.rho;
      const ag = a('accum_grad');
      lines.push(`Eg² ← ρ·Eg² + (1−ρ)·g² = ${fmt(rho)}·${fmt(b('accum_grad'))} + ${fmt(1 - rho)}·${p(g)}² = ${fmt(ag)}`);
      const upd = (Math.sqrt(b('accum_var') + eps) / Math.sqrt(ag + eps)) * g;
      lines.push(`u = √(EΔ² + ε) / √(Eg² + ε)·g = √(${fmt(b('accum_var'))} + ${fmt(eps)}) / √(${fmt(ag)} + ${fmt(eps)})·${p(g)} = ${fmt(upd)}`);
      d = -lr * upd;
      lines.push(`Δw = −lr·u = −${fmt(lr)}·${p(upd)} = ${fmt(d)}`);
      lines.push(`EΔ² ← ρ·EΔ² + (1−ρ)·u² = ${fmt(a('accum_var'))}`);
      break;
    }
    case 'Adam': {
      const b1 = c.beta_1, b2 = c.beta_2;
      const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
      lines.push(`α = lr·√(1−β₂ᵗ) / (1−β₁ᵗ) = ${fmt(lr)}·√(1−${fmt(b2)}^${t}) / (1−${fmt(b1)}^${t}) = ${fmt(alpha)}`);
      const m = a('m'), v = a('v');
      lines.push(`m ← m + (g − m)·(1−β₁) = ${p(b('m'))} + (${fmt(g)} − ${p(b('m'))})·${fmt(1 - b1)} = ${fmt(m)}`);
      lines.push(`v ← v + (g² − v)·(1−β₂) = ${fmt(b('v'))} + (${p(g)}² − ${fmt(b('v'))})·${fmt(1 - b2)} = ${fmt(v)}`);
      let second = v;
      let name = 'v';
      if (c.amsgrad) {
        second = a('vhat');
        name = 'v̂';
        lines.push(`v̂ ← max(v̂, v) = max(${fmt(b('vhat'))}, ${fmt(v)}) = ${fmt(second)}`);
      }
      d = (-alpha * m) / (Math.sqrt(second) + eps);
      lines.push(`Δw = −α·m / (√${name} + ε) = −${fmt(alpha)}·${p(m)} / (√${fmt(second)} + ${fmt(eps)}) = ${fmt(d)}`);
      break;
    }
    case 'Adamax': {
      const b1 = c.beta_1, b2 = c.beta_2;
      const m = a('m'), u = a('v');
      lines.push(`m ← m + (g − m)·(1−β₁) = ${fmt(m)}`);
      lines.push(`u ← max(β₂·u, |g|) = max(${fmt(b2)}·${fmt(b('v'))}, ${fmt(Math.abs(g))}) = ${fmt(u)}`);
      const step = lr / (1 - b1 ** t);
      d = (-step * m) / (u + eps);
      lines.push(`Δw = −lr/(1−β₁ᵗ)·m / (u + ε) = −${fmt(step)}·${p(m)} / (${fmt(u)} + ${fmt(eps)}) = ${fmt(d)}`);
      break;
    }
    case 'Nadam': {
      const b1 = c.beta_1, b2 = c.beta_2;
      const mu = b1 * (1 - 0.5 * 0.96 ** (0.004 * t));
      const muNext = b1 * (1 - 0.5 * 0.96 ** (0.004 * (t + 1)));
      const prod = info.momentumCache ?? 1;
      lines.push(`μₜ = β₁·(1 − ½·0.96^(0.004·t)) = ${fmt(mu)}, μₜ₊₁ = ${fmt(muNext)}, Πμ = ${fmt(prod)}`);
      const m = a('m'), v = a('v');
      lines.push(`m ← β₁·m + (1−β₁)·g = ${fmt(m)}, v ← β₂·v + (1−β₂)·g² = ${fmt(v)}`);
      const gHat = g / (1 - prod), mHat = m / (1 - prod * muNext), vHat = v / (1 - b2 ** t);
      const mBar = (1 - mu) * gHat + muNext * mHat;
      lines.push(`m̄ = (1−μₜ)·g/(1−Πμ) + μₜ₊₁·m/(1−Πμ·μₜ₊₁) = ${fmt(mBar)}, v̂ = v/(1−β₂ᵗ) = ${fmt(vHat)}`);
      d = (-lr * mBar) / (Math.sqrt(vHat) + eps);
      lines.push(`Δw = −lr·m̄ / (√v̂ + ε) = −${fmt(lr)}·${p(mBar)} / (√${fmt(vHat)} + ${fmt(eps)}) = ${fmt(d)}`);
      break;
    }
  }
  return { lines, predicted: d };
}
