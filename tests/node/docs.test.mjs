// The repository stands alone: every citation of a doc (an upper-case <NAME>.md, optionally with a
// path and a section "§N" or "§N.M") in a tracked file points at a file of the repository and, when
// a section is given, at a numbered heading of that file. Also checks that docs/*.md follow the
// heading convention the citations rely on. Needs no build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTION = '\u00a7';  // written as an escape so that this file cites nothing itself

// A citation: an optional path, an upper-case file name ending in .md, then optionally § and a
// section number. A preceding "](" makes it a Markdown link, resolved from the citing file's folder.
const CITATION = new RegExp(String.raw`(\]\()?((?:[\w.-]+/)*)([A-Z][A-Z0-9_]*\.md)(?:\s*${SECTION}\s*(\d+(?:\.\d+)*))?`, 'g');
// The heading convention of docs/: "## N. Title" for a section, "### N.M Title" for a subsection.
const NUMBERED_HEADING = /^(#{1,6})\s+(\d+(?:\.\d+)*)\.?\s+\S/;

export function findCitations(text) {
  const out = [];
  for (const m of text.matchAll(CITATION)) {
    const before = text[m.index - 1];
    // Not the tail of a longer name or path (a path from outside the repository is caught below).
    if (!m[1] && before !== undefined && /[\w/.-]/.test(before)) continue;
    if (!m[1] && m[2].startsWith('..')) continue;
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ link: Boolean(m[1]), path: m[2] + m[3], section: m[4] ?? null, line, text: m[0].replace(/^\]\(/, '') });
  }
  // A path that starts outside the repository ("/work/x/<NAME>.md", "../x/<NAME>.md") is reported
  // as written, not as its tail: match the whole token.
  for (const m of text.matchAll(/(?:\/|\.\.\/)[\w./-]*?([A-Z][A-Z0-9_]*\.md)/g)) {
    const before = text[m.index - 1];
    if (before === '(' && text[m.index - 2] === ']') continue;  // a relative Markdown link, handled above
    if (before !== undefined && /[\w.-]/.test(before)) continue;
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ link: false, path: m[0], section: null, line, text: m[0], outside: true });
  }
  return out;
}

export function headingsOf(text) {
  const numbers = new Set();
  let inFence = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    if (inFence) continue;
    const m = NUMBERED_HEADING.exec(line);
    if (m) numbers.add(m[2]);
  }
  return numbers;
}

// files: [{path, text}] (repo-relative paths); exists(path) and read(path) see the repository.
// Returns one message per broken citation.
export function brokenCitations(files, exists, read) {
  const problems = [];
  const sections = new Map();
  for (const { path, text } of files) {
    for (const c of findCitations(text)) {
      const where = `${path}:${c.line}: "${c.text}"`;
      if (c.outside) {
        problems.push(`${where} points outside the repository`);
        continue;
      }
      const target = c.link ? posix.normalize(posix.join(posix.dirname(path), c.path)) : posix.normalize(c.path);
      if (target.startsWith('..') || !exists(target)) {
        problems.push(`${where}: there is no ${target} in the repository`);
        continue;
      }
      if (c.section === null) continue;
      if (!sections.has(target)) sections.set(target, headingsOf(read(target)));
      if (!sections.get(target).has(c.section)) {
        problems.push(`${where}: ${target} has no heading numbered ${c.section} (has: ${[...sections.get(target)].join(', ') || 'none'})`);
      }
    }
  }
  return problems;
}

// The numbered headings of a doc follow the convention: "## N." at level 2, "### N.M" under
// section N at level 3, each number once.
export function headingProblems(path, text) {
  const problems = [];
  const seen = new Set();
  let section = null;
  let inFence = false;
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('```')) inFence = !inFence;
    if (inFence) return;
    const m = NUMBERED_HEADING.exec(line);
    if (!m) {
      if (/^##\s/.test(line)) section = null;
      return;
    }
    const [, hashes, number] = m;
    const parts = number.split('.');
    const where = `${path}:${i + 1}: "${line}"`;
    if (seen.has(number)) problems.push(`${where}: section ${number} appears twice`);
    seen.add(number);
    if (parts.length === 1) {
      if (hashes !== '##' || !/^##\s+\d+\.\s/.test(line)) problems.push(`${where}: a section is written "## ${number}. Title"`);
      section = number;
    } else if (parts.length === 2) {
      if (hashes !== '###' || !/^###\s+\d+\.\d+\s/.test(line)) problems.push(`${where}: a subsection is written "### ${number} Title"`);
      if (parts[0] !== section) problems.push(`${where}: subsection ${number} is not under section ${parts[0]} (it follows section ${section ?? 'none'})`);
    } else {
      problems.push(`${where}: numbers go two levels deep at most`);
    }
  });
  return problems;
}

function trackedTextFiles() {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  const files = [];
  for (const path of new Set(out.split('\0').filter(Boolean))) {
    if (path === 'package-lock.json' || path.startsWith('node_modules/')) continue;
    const full = join(ROOT, path);
    if (!existsSync(full) || !statSync(full).isFile() || statSync(full).size > 2_000_000) continue;
    const buffer = readFileSync(full);
    if (buffer.includes(0)) continue;  // binary
    files.push({ path, text: buffer.toString('utf8') });
  }
  return files;
}

const inRepo = (path) => existsSync(join(ROOT, path)) && relative(ROOT, resolve(ROOT, path)).split('/')[0] !== '..';
const readRepo = (path) => readFileSync(join(ROOT, path), 'utf8');

test('every cited doc and section exists in the repository', () => {
  const files = trackedTextFiles();
  assert.ok(files.length > 50, `found only ${files.length} files`);
  const cited = files.flatMap((f) => findCitations(f.text));
  assert.ok(cited.some((c) => c.section !== null), 'expected the sources to cite sections of the docs');
  assert.deepEqual(brokenCitations(files, inRepo, readRepo), []);
});

test('docs/*.md number their headings "## N." and "### N.M"', () => {
  const docs = trackedTextFiles().filter((f) => /^docs\/[^/]+\.md$/.test(f.path));
  assert.ok(docs.length >= 4, `expected the four docs, found ${docs.map((d) => d.path)}`);
  for (const d of docs) assert.ok(headingsOf(d.text).size > 0, `${d.path} has no numbered heading`);
  assert.deepEqual(docs.flatMap((d) => headingProblems(d.path, d.text)), []);
});

test('the checks catch a missing doc, a missing section, a path outside the repository and a bad heading', () => {
  const md = (name) => name + '.md';  // so that this file's own text cites nothing
  const doc = ['# T', '## 1. One', '### 1.1 Sub', '## 2. Two', '### 3.1 Misplaced', '#### 2.1.1 Deep'].join('\n');
  const repo = { [md('docs/T')]: doc };
  const cite = (target) => `see ${target}`;
  const files = [
    { path: 'a.cpp', text: cite(`${md('docs/T')} ${SECTION}1.1`) + '\n' + cite(`${md('docs/T')} ${SECTION}2`) },  // fine
    { path: 'b.cpp', text: cite(`${md('docs/MISSING')} ${SECTION}1`) },
    { path: 'c.cpp', text: cite(`${md('docs/T')} ${SECTION}4`) },
    { path: 'd.cpp', text: cite(`${md('T')} ${SECTION}1`) },  // not at the root
    { path: 'e.cpp', text: cite(`${md('/work/shared/docs/T')} ${SECTION}1`) },
    { path: 'docs/f.md', text: `[link](${md('T')}) and [bad](${md('U')}) and [up](${md('../docs/T')})` },  // links resolve from docs/
  ];
  const problems = brokenCitations(files, (p) => p in repo, (p) => repo[p]);
  const by = (file) => problems.filter((p) => p.startsWith(file + ':'));
  assert.equal(by('a.cpp').length, 0, problems.join('\n'));
  assert.ok((by('b.cpp')[0] ?? '').includes(`no ${md('docs/MISSING')}`), problems.join('\n'));
  assert.match(by('c.cpp')[0] ?? '', /no heading numbered 4/);
  assert.ok((by('d.cpp')[0] ?? '').includes(`no ${md('T')} in the repository`), problems.join('\n'));
  assert.match(by('e.cpp').join('\n'), /outside the repository/);
  assert.deepEqual(by('docs/f.md').map((p) => /no (\S+)/.exec(p)?.[1]), [md('docs/U')]);
  const headings = headingProblems('docs/t', doc);
  assert.equal(headings.length, 2, headings.join('\n'));
  assert.match(headings[0], /3\.1 is not under section 3 \(it follows section 2\)/);
  assert.match(headings[1], /two levels deep/);
});
