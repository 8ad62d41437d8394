// Hints worded for the input at hand: "click"/"hover" with a mouse, "tap" on a touch screen
// (no hover). Static hints use the .when-hover / .when-touch classes (styles.css); texts set
// from code ask here.
export function touchInput(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(hover: none)').matches;
}
