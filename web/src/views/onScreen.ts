// Whether an element is on the screen, kept by an IntersectionObserver. Views that draw
// every snapshot (the plot, the neuron thumbnails) skip drawing while nobody can see them
// (below the first screen of a phone at start-up, or scrolled away during training) and
// draw the latest snapshot when they come into view.
export class OnScreen {
  #visible = false;  // until the observer's first report, which comes after the first frame

  constructor(element: Element, onShow: () => void) {
    new IntersectionObserver(([entry]) => {
      const was = this.#visible;
      this.#visible = entry.isIntersecting;
      if (this.#visible && !was) onShow();
    }).observe(element);
  }

  get visible(): boolean {
    return this.#visible;
  }
}
