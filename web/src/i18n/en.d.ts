import type { Messages } from './ja.js';
export declare const en: Messages;
