// The page's texts: Japanese by default (the tutorial's), English by a switch (URL key lang).
import { en } from './en.js';
import { ja, type Messages } from './ja.js';

export type MessageKey = keyof Messages;
const tables: Record<'ja' | 'en', Messages> = { ja, en };

let current: Messages = ja;

export function setLanguage(lang: 'ja' | 'en'): void {
  current = tables[lang];
  document.documentElement.lang = lang;
  // Static texts carry data-i18n="key" (text) or data-i18n-label="key" (aria-label and title).
  // (the static HTML has the Japanese texts already: unchanged text is left alone, so it is not repainted)
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = t(el.dataset.i18n as MessageKey);
    if (el.textContent !== text) el.textContent = text;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = t(el.dataset.i18nLabel as MessageKey);
    el.setAttribute('aria-label', text);
    el.title = text;
  }
}

export function t(key: MessageKey): string {
  return current[key] ?? key;
}
