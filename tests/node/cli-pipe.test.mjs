// The nnplay command behaves like a Unix tool when its reader goes away (issue 22):
// `nnplay train --epochs 50 | head -1` ends quietly with status 0, never an EPIPE stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));

// As `| head -1`: read the first line, then close the pipe while the command still writes.
function headOne() {
  const child = spawn(process.execPath, [cli, 'train', '--epochs', '50'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  child.stdout.on('data', (b) => {
    stdout += b;
    if (stdout.includes('\n')) child.stdout.destroy();  // head -1 has its line and exits
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

test('a stdout closed after the first line ends the command quietly, 20 times out of 20', { timeout: 180_000 }, async () => {
  for (let run = 1; run <= 20; run++) {
    const r = await headOne();
    assert.match(r.stdout, /^Epoch 1\/50\n/, `run ${run}: the first line arrived`);
    assert.equal(r.stderr, '', `run ${run}: nothing on stderr (got ${JSON.stringify(r.stderr.slice(0, 300))})`);
    assert.ok(r.code === 0 || r.code === 141, `run ${run}: exit status 0 or 141, got ${r.code} (signal ${r.signal})`);
  }
});
