import { type Messages } from './ja.js';
export type MessageKey = keyof Messages;
export declare function setLanguage(lang: 'ja' | 'en'): void;
export declare function t(key: MessageKey): string;
