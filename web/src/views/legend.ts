// The colour legend under the plot: the scale from class 0 / low (left) to class 1 / high
// (right), ticked in the output's own range (0 … 1 for a probability, -1 … 1 for tanh);
// three or more classes: one block of each class's colour.
import { legendTicks } from '../outputRange.js';
import type { ColourScale } from './colors.js';

export function drawLegend(canvas: HTMLCanvasElement, ticks: HTMLElement, colours: ColourScale, units: number, outputActivation: string): void {
  const g = canvas.getContext('2d')!;
  const labels = legendTicks(units, outputActivation);
  for (let x = 0; x < canvas.width; x++) {
    g.fillStyle = units >= 3 ? colours.classCss(Math.min(units - 1, Math.floor((x / canvas.width) * units))) : colours.css(-1 + (2 * x) / (canvas.width - 1));
    g.fillRect(x, 0, 1, canvas.height);
  }
  ticks.classList.toggle('classes', units >= 3);
  ticks.replaceChildren(...labels.map((text) => {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  }));
}
