// The line Keras' Progbar (tf.keras 2.3, verbose=1) prints when an epoch or an evaluation
// ends: "17/17 [==============================] - 0s 1ms/step - loss: 0.9218 - ...".

// Python's '%.4f' if |v| > 1e-3, else '%.4e' (exponent with at least two digits).
export function kerasNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Math.abs(v) > 1e-3) return v.toFixed(4);
  const [mantissa, exponent] = v.toExponential(4).split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
  return `${mantissa}e${sign}${digits}`;
}

export function progbarLine(steps: number, seconds: number, logs: Record<string, number>): string {
  const width = String(steps).length;
  const bar = `${String(steps).padStart(width)}/${steps} [${'='.repeat(30)}]`;
  const perStep = steps > 0 ? seconds / steps : 0;
  let time = ` - ${seconds.toFixed(0)}s`;
  if (perStep >= 1 || perStep === 0) time += ` ${perStep.toFixed(0)}s/step`;
  else if (perStep >= 1e-3) time += ` ${(perStep * 1e3).toFixed(0)}ms/step`;
  else time += ` ${(perStep * 1e6).toFixed(0)}us/step`;
  const values = Object.entries(logs).map(([k, v]) => ` - ${k}: ${kerasNumber(v)}`).join('');
  return bar + time + values;
}
