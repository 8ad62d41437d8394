// The colour legend under the plot: the scale from -1 (left) to 1 (right).
import type { ColourScale } from './colors.js';

export function drawLegend(canvas: HTMLCanvasElement, colours: ColourScale): void {
  const g = canvas.getContext('2d')!;
  for (let x = 0; x < canvas.width; x++) {
    g.fillStyle = colours.css(-1 + (2 * x) / (canvas.width - 1));
    g.fillRect(x, 0, 1, canvas.height);
  }
}
