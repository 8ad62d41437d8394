// A playground link where a URL state is expected: the page's "Copy link" button copies the
// whole URL (http://…/index.html#activation=relu), and `--state` / state.parse take its hash.
// A hash ('#a=b'), a query ('?a=b') or a bare 'a=b&c=d' is returned as it is.

// Everything before the first '#' of a link: an http(s) or file URL, or a path to an .html
// file; its path has no '=' or '&' (a key=value list is not a link).
const LINK = /^(?:(?:https?|file):|[^#?=&]*\.html?(?=[?#]|$))[^#]*/i;

export function hashOfLink(text: string): string {
  if (text.startsWith('#') || text.startsWith('?')) return text;
  const link = LINK.exec(text);
  if (!link || /[=&]/.test(link[0].replace(/\?.*$/, ''))) return text;
  const hash = text.slice(link[0].length);
  if (hash !== '') return hash;
  const query = link[0].indexOf('?');
  return query < 0 ? '' : link[0].slice(query);
}
