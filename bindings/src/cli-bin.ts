#!/usr/bin/env node
// The `nnplay` command (package.json "bin").
import { endQuietlyWhenOutputCloses } from './brokenPipe.js';
import { main } from './cli.js';

endQuietlyWhenOutputCloses(process);
process.exitCode = await main(process.argv.slice(2));
