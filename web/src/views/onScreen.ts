// Whether an element is on the screen, kept by an IntersectionObserver. Views that draw
// every snapshot (the plot, the neuron thumbnails) skip drawing while nobody can see them
// (below the first screen of a phone at start-up, or scrolled away during training) and
// draw the latest snapshot when they come into view. Printing shows every view: before
// printing (beforeprint, or the print media query turning on) each counts as visible and
// draws, so paper never gets an empty plot.
const printMedia = typeof matchMedia === 'function' ? matchMedia('print') : null;

export class OnScreen {
  #visible = false;  // until the observer's first report, which comes after the first frame
  #printing = false;

  constructor(element: Element, onShow: () => void) {
    new IntersectionObserver(([entry]) => {
      const was = this.visible;
      this.#visible = entry.isIntersecting;
      if (this.visible && !was) onShow();
    }).observe(element);
    const printing = (on: boolean) => {
      const was = this.visible;
      this.#printing = on;
      if (this.visible && !was) onShow();
    };
    addEventListener('beforeprint', () => printing(true));
    addEventListener('afterprint', () => printing(printMedia?.matches ?? false));
    printMedia?.addEventListener('change', (e) => printing(e.matches));
  }

  get visible(): boolean {
    return this.#visible || this.#printing;
  }
}
