// Injected by the engines' test server as the first script of every HTML page (and frame):
// records what must not happen from inside the page, because WebKitGTK's driver gives no
// console access: uncaught errors (what reaches window.onerror), unhandled rejections,
// console.error, resources that failed to load, and workers that failed. The journeys read
// window.__engineErrors back through the driver.
(() => {
  const errors = [];
  window.__engineErrors = errors;
  const text = (v) => (v instanceof Error ? `${v.name}: ${v.message}` : String(v));
  window.addEventListener('error', (e) => {
    const t = e.target;
    if (t && t !== window && (t.src || t.href)) errors.push(`failed resource: ${t.src || t.href}`);
    else errors.push(`error: ${e.message || text(e.error)}${e.filename ? ` (${e.filename.replace(/^.*\//, '')}:${e.lineno})` : ''}`);
  }, true);
  window.addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${text(e.reason)}`));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    errors.push(`console.error: ${args.map(text).join(' ')}`);
    consoleError(...args);
  };
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('error', (e) => errors.push(`worker error: ${e.message || 'the worker failed (no message)'}`));
      }
    };
  }
})();
