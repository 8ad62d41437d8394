// The page's colours: the system's (prefers-color-scheme) unless the URL key `theme` forces
// light or dark (an article embedding the page chooses to match itself). styles.css reads
// <html data-theme>; the data colours (orange/blue, the heatmap) are the same in both.
import type { PlaygroundState } from '../../bindings/src/state.js';

export function applyTheme(theme: PlaygroundState['theme']): void {
  const root = document.documentElement;
  if (theme === 'auto') root.removeAttribute('data-theme');
  else if (root.dataset.theme !== theme) root.dataset.theme = theme;
}
