// The page's wording of the module's and the worker's messages (a code and parameters,
// bindings/src/messages.ts): English is the module's own text, Japanese is i18n/messagesJa.ts.
import { ENGLISH, type Message, type MessageCode, type MessageParams } from '../../bindings/src/messages.js';
import { language } from './i18n/index.js';
import { JAPANESE } from './i18n/messagesJa.js';

const TABLES: Record<'ja' | 'en', Record<MessageCode, (p: MessageParams) => string>> = { ja: JAPANESE, en: ENGLISH };

// A message in the page's current language.
export function word(m: Message): string {
  const wording = TABLES[language()][m.code];
  return wording ? wording(m.params) : m.text;
}
