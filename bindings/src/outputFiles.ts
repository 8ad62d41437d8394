// The CLI's output files, all or nothing: every path is checked before training, then each
// file is written to a temporary file beside it and renamed over it only when all were
// written, so that a failed write leaves no half set behind. Messages name the flag and path.
import { accessSync, constants, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface OutputFile {
  flag: string;  // e.g. 'history-csv'
  path: string;
}

export class OutputError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'the directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'it is a directory',
  ENAMETOOLONG: 'the name is too long',
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? (e as Error).message;
}

const named = (f: OutputFile) => `--${f.flag} ${JSON.stringify(f.path)}`;

// Throws an OutputError for the first path that cannot be written: its directory missing or
// not writable, the path a directory or a device, or two flags naming one file.
export function checkOutputPaths(files: OutputFile[]): void {
  const seen = new Map<string, OutputFile>();
  for (const f of files) {
    if (f.path === '') throw new OutputError(`${named(f)}: the path is empty`);
    const full = resolve(f.path);
    const other = seen.get(full);
    if (other) throw new OutputError(`${named(f)}: the same file as --${other.flag}`);
    seen.set(full, f);
    const dir = dirname(full);
    try {
      if (!statSync(dir).isDirectory()) throw new OutputError(`${named(f)}: ${JSON.stringify(dir)} is not a directory`);
      accessSync(dir, constants.W_OK);
    } catch (e) {
      if (e instanceof OutputError) throw e;
      throw new OutputError(`${named(f)}: cannot write in ${JSON.stringify(dir)}: ${reason(e)}`);
    }
    let target;
    try {
      target = statSync(full);
    } catch {
      continue;  // a new file
    }
    // a rename would replace a device or a directory, not write into it
    if (!target.isFile()) throw new OutputError(`${named(f)}: not a regular file (a directory or a device); give a file path`);
  }
}

// Writes every file or none; on failure removes the temporary files and throws an
// OutputError naming the path that failed.
export function writeAllOrNothing(files: (OutputFile & { text: string })[]): void {
  const temporaries: string[] = [];
  const removeTemporaries = () => {
    for (const t of temporaries) {
      try {
        unlinkSync(t);
      } catch {
        // already gone
      }
    }
  };
  for (const [i, f] of files.entries()) {
    const full = resolve(f.path);
    const temporary = resolve(dirname(full), `.${basename(full)}.${process.pid}.${i}.tmp`);
    temporaries.push(temporary);  // before writing: a partial write is removed too
    try {
      writeFileSync(temporary, f.text);
    } catch (e) {
      removeTemporaries();
      throw new OutputError(`cannot write ${named(f)}: ${reason(e)}; no output file was written`);
    }
  }
  for (const [i, f] of files.entries()) {
    try {
      renameSync(temporaries[i], resolve(f.path));
    } catch (e) {
      removeTemporaries();
      const written = files.slice(0, i).map(named);
      throw new OutputError(`cannot write ${named(f)}: ${reason(e)}${written.length ? `; already written: ${written.join(', ')}` : '; no output file was written'}`);
    }
  }
}
