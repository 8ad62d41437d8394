#!/usr/bin/env node
// The `nnplay` command (package.json "bin").
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
