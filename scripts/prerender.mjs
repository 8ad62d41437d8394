// The page's default-language (ja) texts written into the static HTML at build time, so the
// page reads right (and its largest text paints) before any script runs: every empty
// element with data-i18n="key" gets its text, every data-i18n-label="key" its aria-label
// and title, every data-i18n-aria="key" its aria-label. The page's own setLanguage() later writes the same texts (or English).
import * as esbuild from 'esbuild';

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function loadMessages(file) {
  const out = await esbuild.build({ entryPoints: [file], bundle: true, format: 'esm', write: false, logLevel: 'error' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

export function prerender(html, messages) {
  const text = (key) => {
    if (!(key in messages)) throw new Error(`scripts/prerender.mjs: no message ${key} for data-i18n`);
    return escape(messages[key]);
  };
  return html
    .replace(/(<([a-z0-9]+)\b[^>]*?\sdata-i18n="([^"]+)"[^>]*>)(<\/\2>)/g, (_, open, _tag, key, close) => `${open}${text(key)}${close}`)
    .replace(/(<[a-z0-9]+\b[^>]*?\sdata-i18n-label="([^"]+)")/g, (_, open, key) => `${open} aria-label="${text(key)}" title="${text(key)}"`)
    .replace(/(<[a-z0-9]+\b[^>]*?\sdata-i18n-aria="([^"]+)")/g, (_, open, key) => `${open} aria-label="${text(key)}"`);
}
