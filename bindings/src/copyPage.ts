// `nnplay copy-page DIR`: the playground page's files (every `nnplay/page/…` export of
// package.json: index.html, app.js, the worker, the wasm, uplot.js, styles.css, …, with
// their source maps) copied into DIR, so that a site built by a bundler (Vite, webpack,
// esbuild) can serve them and point <nnplay-playground src="…/index.html"> at them.
// A bundler's `nnplay/page/index.html?url` copies the HTML alone, without what it loads.
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COPY_PAGE_USAGE = 'nnplay copy-page DIR      copy the page\'s files (index.html, app.js, the worker, the wasm, …) into DIR, e.g. public/nnplay';

// The page's files, from the package's exports: [path in the package, file name].
export function pageFiles(packageRoot: string): string[] {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return Object.entries(pkg.exports)
    .filter(([key, target]) => key.startsWith('./page/') && typeof target === 'string')
    .map(([, target]) => (target as string).replace(/^\.\//, ''));
}

// Copies the page into dir (created if needed; files of the same name are replaced) and
// returns the names copied. Throws an Error naming what is wrong.
export function copyPage(dir: string, packageRoot: string): string[] {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new Error(`copy-page: ${JSON.stringify(dir)} is a file; give a folder (it is created if it does not exist)`);
  const files = pageFiles(packageRoot);
  const missing = files.filter((f) => !existsSync(join(packageRoot, f)));
  if (missing.length) throw new Error(`copy-page: the package has no ${missing.join(', ')} (build it first: npm run build)`);
  const from = dirname(join(packageRoot, files[0]));
  if (existsSync(target) && realpathSync(target) === realpathSync(from)) throw new Error(`copy-page: ${JSON.stringify(dir)} is the package's own folder; give another one`);
  mkdirSync(target, { recursive: true });
  const copied: string[] = [];
  for (const file of files) {
    for (const name of [file, `${file}.map`]) {
      const source = join(packageRoot, name);
      if (name !== file && !existsSync(source)) continue;
      const base = relative(from, source);
      copyFileSync(source, join(target, base));
      copied.push(base);
    }
  }
  return copied;
}

// The command: exit code 0, or 2 for a bad command line, 1 when the copy fails.
export function copyPageCommand(args: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  if (args.length !== 1 || args[0] === '') {
    err(`nnplay: copy-page needs exactly one folder, got ${args.length === 0 ? 'none' : args.map((a) => JSON.stringify(a)).join(' ')}\nUsage: ${COPY_PAGE_USAGE}`);
    return 2;
  }
  try {
    // dist/cli.mjs sits in the package's dist/: the package is one folder up.
    const copied = copyPage(args[0], resolve(dirname(fileURLToPath(import.meta.url)), '..'));
    out(`copied ${copied.length} files to ${args[0]}: ${copied.join(', ')}`);
    out(`serve them with your site and point the component at them: <nnplay-playground src="…/${args[0].replace(/\/+$/, '').split('/').pop()}/index.html">`);
    return 0;
  } catch (e) {
    err(`nnplay: ${(e as Error).message}`);
    return 1;
  }
}
