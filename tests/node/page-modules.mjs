// Page-side TypeScript modules for the node tests: `exports` (an export statement naming files
// from the repository root) is bundled with esbuild and imported, so a rule the page runs is
// tested as a function, in milliseconds, instead of in a browser.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** e.g. importPage("export { ja } from './web/src/i18n/ja.ts';") */
export async function importPage(exports) {
  const out = await esbuild.build({
    stdin: { contents: exports, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
