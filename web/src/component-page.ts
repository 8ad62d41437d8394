// Which page <nnplay-playground> may load, and why not: pure rules, no DOM (tested in Node).
// Without src the page is index.html next to the component's script (its URL from
// document.currentScript or import.meta.url). A bundler may rewrite that URL into something
// else: webpack 5 into the file:// path of node_modules on the machine that built the site,
// esbuild and Vite into the URL of the article's own bundle, whose folder holds the article
// (which would embed itself, over and over) or no page at all. Those are refused here or,
// once loaded, by the page check (isPlaygroundDocument), with a message that names src.

// The name of the component's iframe: a document loaded under it that holds a component
// itself is not the playground page (the page has no component), so that component stays
// empty instead of nesting the article once more.
export const FRAME_NAME = 'nnplay-playground-page';

// The marker web/index.html carries in its <head>.
export const PAGE_MARKER_SELECTOR = 'meta[name="nnplay-page"]';

const HOW_TO_FIX = "set the src attribute to the URL of the page's index.html (`npx nnplay copy-page DIR` copies the page's files into your site; docs/EMBEDDING.md §3)";

export const noPageMessage = (why: string): string => `cannot find the playground page: ${why}; ${HOW_TO_FIX}`;

const withoutHash = (url: string): string => url.replace(/#.*$/, '');

// A page URL the component may load into its frame from a document at documentUrl, or the
// reason why not. `found` says where the URL came from (for the message).
export function checkPageUrl(page: URL, documentUrl: string, found: string): URL | string {
  if (page.protocol === 'file:' && !documentUrl.startsWith('file:')) {
    return noPageMessage(`${found} is ${page.href}, a file where this article is served over ${new URL(documentUrl).protocol.slice(0, -1)} (a bundler rewrote the script's URL into a path on the machine that built it)`);
  }
  if (withoutHash(page.href) === withoutHash(documentUrl)) {
    return noPageMessage(`${found} is this article itself (${withoutHash(page.href)}), which would embed itself`);
  }
  return page;
}

// The default page: index.html next to the script at scriptUrl.
export function defaultPageUrl(scriptUrl: string | null, documentUrl: string): URL | string {
  if (!scriptUrl) return noPageMessage('this script has no URL of its own (a bundler inlined it)');
  let page: URL;
  try {
    page = new URL('index.html', scriptUrl);
  } catch {
    return noPageMessage(`this script's URL (${scriptUrl.slice(0, 80)}) is not one a page can be next to`);
  }
  return checkPageUrl(page, documentUrl, 'index.html next to this script');
}

// Whether a document the frame loaded is the playground page. null: cannot tell (another
// origin, or nothing loaded yet), which counts as yes.
export function isPlaygroundDocument(doc: { URL: string; querySelector(selector: string): unknown } | null): boolean {
  if (!doc || doc.URL === 'about:blank') return true;
  return doc.querySelector(PAGE_MARKER_SELECTOR) !== null;
}
