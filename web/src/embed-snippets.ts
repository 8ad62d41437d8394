// The two snippets an author pastes into an article (a plain iframe, or the
// <nnplay-playground> component): one writer, used by the page's Embed dialog
// (views/embedDialog.ts) and by docs/EMBEDDING.md (scripts/embedding-doc.mjs), so the
// snippet the page hands out is the one the documentation explains.
import { formatValue, type PlaygroundState, SCHEMA } from '../../bindings/src/state.js';

export interface EmbedSetup {
  page: string;     // absolute URL of the page's index.html (no hash)
  hash: string;     // the settings, 'key=value&…' (no leading '#')
  width: string;    // a CSS width: '100%' or e.g. '600px'
  height: number | 'auto';  // 'auto' follows the page's content height
}

// The settings that differ from the defaults (a missing key takes its default, so the
// page opens the same setup from a shorter link); the seed always, as it defaults to random.
export function compactHash(state: PlaygroundState): string {
  const s = state as unknown as Record<string, unknown>;
  const parts: string[] = [];
  for (const f of SCHEMA) {
    const v = s[f.key];
    if (v === null || v === undefined) continue;
    const text = formatValue(f, v);
    if (f.key !== 'seed' && f.default !== null && text === formatValue(f, f.default)) continue;
    parts.push(`${f.key}=${encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':')}`);
  }
  for (const part of state.hide ?? []) parts.push(`${part}_hide=true`);
  return parts.join('&');
}

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FIRST_HEIGHT = 900;  // what a frame that follows the content shows until the page reports its height

export function iframeSnippet(s: EmbedSetup): string {
  const src = s.hash ? `${s.page}#${s.hash}` : s.page;
  const height = s.height === 'auto' ? FIRST_HEIGHT : s.height;
  const frame = `<iframe id="nnplay" src="${attr(src)}"\n        title="Neural Network Playground" style="width: ${attr(s.width)}; height: ${height}px; border: 0" loading="lazy"></iframe>`;
  if (s.height !== 'auto') return frame;
  return `${frame}
<script>
  // Follow the page's height (no inner scrollbar); its other messages: ready, epoch, stopped, state.
  addEventListener('message', (e) => {
    const frame = document.getElementById('nnplay');
    if (e.source !== frame.contentWindow || e.data?.source !== 'nnplay') return;
    if (e.data.type === 'size') frame.style.height = e.data.height + 'px';
  });
</script>`;
}

// The component: its script next to the page, and each setting as a lower-case attribute.
export function componentSnippet(s: EmbedSetup): string {
  const script = new URL('nnplay-playground.js', s.page).href;
  const attrs: string[] = [];
  for (const pair of s.hash.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    attrs.push(`${pair.slice(0, eq).toLowerCase()}="${attr(decodeURIComponent(pair.slice(eq + 1)))}"`);
  }
  if (s.height !== 'auto') attrs.push(`height="${s.height}"`);
  if (s.width !== '100%') attrs.push(`style="width: ${attr(s.width)}"`);
  return `<script src="${attr(script)}"></script>\n<nnplay-playground${attrs.map((a) => ' ' + a).join('')}></nnplay-playground>`;
}
