// Classic scripts next to app.js, loaded when needed: a classic script works over http and
// from file:// alike (a module script or a fetch does not from file://), and under a strict
// CSP (script-src 'self') and Trusted Types.

// Where app.js is (read while it runs: currentScript is null later).
const base = (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;

export const besideApp = (file: string): URL => new URL(file, base);

// Resolves once the script has run; rejects with its URL if it could not be loaded.
export function loadScript(file: string): Promise<void> {
  const src = besideApp(file).href;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = trusted(src) as string;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(src));
    document.head.append(script);
  });
}

let policy: { createScriptURL(url: string): unknown } | null | undefined;

// Under `require-trusted-types-for 'script'` a script URL must come from a policy; ours
// passes only the URLs this page made (a Blob URL, its own files).
export function trusted(url: string): unknown {
  const tt = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(u: string): string }): { createScriptURL(url: string): unknown } } }).trustedTypes;
  if (policy === undefined) {
    try {
      policy = tt ? tt.createPolicy('nnplay', { createScriptURL: (u) => u }) : null;
    } catch {
      policy = null;  // the site's trusted-types directive does not list nnplay: plain URLs, if they are allowed at all
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}
