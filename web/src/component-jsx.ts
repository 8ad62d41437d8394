// <nnplay-playground> in TSX (React, Preact, Vue, Solid…): the global JSX.IntrinsicElements
// entry, typed from the URL-state schema's keys (lower-cased, as HTML attributes are). JSX
// runtimes that keep their own JSX namespace (React 19's React.JSX, Preact's preact.JSX) take
// the same type by module augmentation: docs/EMBEDDING.md §4 has the lines.
import type { PlaygroundState } from '../../bindings/src/state.js';

type AttributeValue = string | number | boolean;

export type NnplayPlaygroundAttributes = {
  [K in Lowercase<Exclude<keyof PlaygroundState, 'hide'>>]?: AttributeValue;
} & {
  [part: `${string}_hide`]: 'true' | 'false' | boolean | undefined;
} & {
  src?: string;
  height?: number | string;  // 'auto' (the default) or pixels
  id?: string;
  class?: string;
  className?: string;
  style?: string | Record<string, string | number>;
  slot?: string;
  title?: string;
  hidden?: boolean;
  key?: string | number;
  ref?: unknown;
  children?: never;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'nnplay-playground': NnplayPlaygroundAttributes;
    }
  }
}
