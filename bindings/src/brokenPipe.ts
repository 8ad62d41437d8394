// A closed stdout (`nnplay train | head -1`) ends the command at once and quietly with
// status 0, as ripgrep does: the reader has what it wanted. Without a listener, Node turns
// the stream's EPIPE into an unhandled 'error' event and a stack trace.
interface OutputStream {
  on(event: 'error', listener: (e: Error & { code?: string }) => void): unknown;
}

export function endQuietlyWhenOutputCloses(proc: { stdout: OutputStream; stderr: OutputStream; exit(code?: number): never }): void {
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('error', (e) => {
      if (e.code === 'EPIPE') proc.exit(0);
      throw e;  // anything else is a real failure, reported as before
    });
  }
}
