"""Runs a notebook written by nnplay against a small numpy stand-in for tf.keras 2.x.

TensorFlow cannot be installed on the test machine, so this stand-in implements just what the
notebook of a tanh / mean-squared-error / SGD setup calls, with tf.keras 2.x's rules
(docs/KERAS_SEMANTICS.md §1.2, §2, §3, §4): Dense layers computing act(x @ kernel + bias) in
float32, the batch-mean squared error, plain SGD, consecutive batches with the last partial one
kept, the epoch loss as the batch-size-weighted mean of the pre-update batch losses, metrics as
per-sample means, validation after each epoch. fit() refuses shuffle=True: the notebook must
bring its own order. Every code cell runs in order; the last one's `relative` (the loss's
relative differences, nnplay against this Keras) is printed as JSON.

Usage: python3 fake_keras.py NOTEBOOK.ipynb
"""
import json
import sys
import types

import numpy as np

F32 = np.float32


class Dense:
    def __init__(self, units, activation='linear', input_shape=None, **unused):
        assert not unused, f'the stand-in does not know {sorted(unused)}'
        assert activation in ('tanh', 'linear'), activation
        self.units, self.activation = units, activation
        self.kernel = self.bias = None

    def __call__(self, x):
        z = x @ self.kernel + self.bias
        return np.tanh(z) if self.activation == 'tanh' else z


class SGD:
    def __init__(self, learning_rate=0.01, **unused):
        assert not unused, f'the stand-in SGD does not know {sorted(unused)}'
        self.learning_rate = F32(learning_rate)


class History:
    def __init__(self, history):
        self.history = history


class Sequential:
    def __init__(self, layers):
        self.layers = layers

    def set_weights(self, weights):
        assert len(weights) == 2 * len(self.layers)
        for i, layer in enumerate(self.layers):
            layer.kernel = np.array(weights[2 * i], dtype=F32)
            layer.bias = np.array(weights[2 * i + 1], dtype=F32)
            assert layer.kernel.shape[1] == layer.units and layer.bias.shape == (layer.units,)

    def compile(self, optimizer, loss, metrics=()):
        assert isinstance(optimizer, SGD) and loss == 'mean_squared_error', (optimizer, loss)
        self.optimizer, self.metrics = optimizer, list(metrics)

    def _forward(self, x):
        outputs = [x]
        for layer in self.layers:
            outputs.append(layer(outputs[-1]).astype(F32))
        return outputs

    def _logs(self, x, y, batch_size):
        loss_sum, metric_sums, n = 0.0, [0.0] * len(self.metrics), len(x)
        for start in range(0, n, batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            p = self._forward(xb)[-1]
            loss_sum += float(np.mean((p - yb) ** 2)) * len(xb)
            for i, m in enumerate(self.metrics):
                metric_sums[i] += float(np.sum(m(yb, p)))
        logs = {'loss': loss_sum / n}
        for i, m in enumerate(self.metrics):
            logs[m.__name__] = metric_sums[i] / n
        return logs

    def fit(self, x, y, batch_size, epochs, validation_data=None, initial_epoch=0, shuffle=True, verbose=1):
        assert shuffle is False, 'the notebook must bring its own order (shuffle=False)'
        x, y = np.asarray(x, dtype=F32), np.asarray(y, dtype=F32)
        history = {}
        for _ in range(initial_epoch, epochs):
            loss_sum, metric_sums = 0.0, [0.0] * len(self.metrics)
            for start in range(0, len(x), batch_size):  # consecutive batches, the last one partial
                xb, yb = x[start:start + batch_size], y[start:start + batch_size]
                outputs = self._forward(xb)
                p = outputs[-1]
                loss_sum += float(np.mean((p - yb) ** 2)) * len(xb)  # before the update
                for i, m in enumerate(self.metrics):
                    metric_sums[i] += float(np.sum(m(yb, p)))
                grad = (F32(2) * (p - yb) / F32(p.size)).astype(F32)
                for li in range(len(self.layers) - 1, -1, -1):
                    layer, a = self.layers[li], outputs[li + 1]
                    if layer.activation == 'tanh':
                        grad = (grad * (F32(1) - a * a)).astype(F32)
                    kernel_grad, bias_grad = outputs[li].T @ grad, grad.sum(axis=0)
                    grad = (grad @ layer.kernel.T).astype(F32)
                    layer.kernel = (layer.kernel - self.optimizer.learning_rate * kernel_grad).astype(F32)
                    layer.bias = (layer.bias - self.optimizer.learning_rate * bias_grad).astype(F32)
            logs = {'loss': loss_sum / len(x)}
            for i, m in enumerate(self.metrics):
                logs[m.__name__] = metric_sums[i] / len(x)
            if validation_data is not None:
                for k, v in self._logs(np.asarray(validation_data[0], F32), np.asarray(validation_data[1], F32), batch_size).items():
                    logs['val_' + k] = v
            for k, v in logs.items():
                history.setdefault(k, []).append(v)
        return History(history)

    def evaluate(self, x, y, verbose=1):
        logs = self._logs(np.asarray(x, F32), np.asarray(y, F32), 32)
        return [logs['loss']] + [logs[m.__name__] for m in self.metrics]


def install():
    backend = types.ModuleType('tensorflow.keras.backend')
    backend.cast = lambda x, dtype: np.asarray(x).astype(dtype)
    backend.mean = lambda x, axis=None: np.mean(x, axis=axis)
    backend.equal = lambda a, b: np.equal(a, b)
    keras = types.ModuleType('tensorflow.keras')
    keras.backend = backend
    keras.models = types.SimpleNamespace(Sequential=Sequential)
    keras.layers = types.SimpleNamespace(Dense=Dense)
    keras.optimizers = types.SimpleNamespace(SGD=SGD)  # no .legacy: TF 2.0-2.8 take the AttributeError path
    tf = types.ModuleType('tensorflow')
    tf.__version__ = '2.3.0 (numpy stand-in)'
    tf.keras = keras
    pyplot = types.ModuleType('matplotlib.pyplot')
    for name in ('plot', 'xlabel', 'ylabel', 'legend', 'show'):
        setattr(pyplot, name, lambda *a, **k: None)
    matplotlib = types.ModuleType('matplotlib')
    matplotlib.pyplot = pyplot
    sys.modules.update({'tensorflow': tf, 'tensorflow.keras': keras, 'tensorflow.keras.backend': backend,
                        'matplotlib': matplotlib, 'matplotlib.pyplot': pyplot})


if __name__ == '__main__':
    install()
    notebook = json.load(open(sys.argv[1], encoding='utf-8'))
    scope = {}
    out = sys.stdout
    sys.stdout = sys.stderr  # the cells' prints
    for cell in notebook['cells']:
        if cell['cell_type'] == 'code':
            exec(compile(''.join(cell['source']), sys.argv[1], 'exec'), scope)
    sys.stdout = out
    print(json.dumps({'relative': scope['relative'], 'history': scope['history'], 'test_loss': scope['test_loss']}))
