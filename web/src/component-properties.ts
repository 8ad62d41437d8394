// Frameworks that set a custom element's props as DOM properties when the element has a
// property of that name (React 19 does; so do Preact and Vue for known properties) would
// assign `el.dataset = 'xor'`: HTMLElement's dataset is read-only (a TypeError in strict
// code) and the setting would be lost. On <nnplay-playground> a string assigned to dataset
// becomes the dataset attribute (the URL key); reading dataset is still the DOM's
// DOMStringMap of data-* attributes.
export function acceptDatasetProperty(proto: object): void {
  const dom = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'dataset');
  if (!dom?.get) return;
  Object.defineProperty(proto, 'dataset', {
    configurable: true,
    get(this: HTMLElement) {
      return dom.get!.call(this);
    },
    set(this: HTMLElement, value: unknown) {
      this.setAttribute('dataset', String(value));
    },
  });
}
