// The page's texts: Japanese by default (the tutorial's), English by a switch (URL key lang).
import { en } from './en.js';
import { ja, type Messages } from './ja.js';

export type MessageKey = keyof Messages;
const tables: Record<'ja' | 'en', Messages> = { ja, en };

let current: Messages = ja;
let currentLang: 'ja' | 'en' = 'ja';

export function language(): 'ja' | 'en' {
  return currentLang;
}

export function setLanguage(lang: 'ja' | 'en'): void {
  current = tables[lang];
  currentLang = lang;
  // The static HTML has the Japanese texts already: only what differs is written (even an
  // unchanged lang or text, written again, makes the browser restyle and lay out the page).
  const set = (el: Element, name: string, value: string) => {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  };
  set(document.documentElement, 'lang', lang);
  const title = `${t('title')} - nnplay`;
  if (document.title !== title) document.title = title;
  // The language button names the other language in that language: it says so for readers.
  const button = document.getElementById('language');
  if (button) set(button, 'lang', lang === 'ja' ? 'en' : 'ja');
  // Static texts carry data-i18n="key" (text), data-i18n-label="key" (aria-label and title)
  // or data-i18n-aria="key" (aria-label only).
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = t(el.dataset.i18n as MessageKey);
    if (el.textContent !== text) el.textContent = text;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria]')) set(el, 'aria-label', t(el.dataset.i18nAria as MessageKey));
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = t(el.dataset.i18nLabel as MessageKey);
    set(el, 'aria-label', text);
    set(el, 'title', text);
  }
}

export function t(key: MessageKey): string {
  return current[key] ?? key;
}
