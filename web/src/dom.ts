// Small DOM helpers shared by the page's views.

// The element with this id; a missing one is a bug in index.html, said plainly.
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

// Shows `text` on a button for a moment, then its label again (e.g. "Copied").
export function flashLabel(button: HTMLElement, text: string, label: () => string, ms = 1500): void {
  button.textContent = text;
  setTimeout(() => (button.textContent = label()), ms);
}
