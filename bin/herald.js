#!/usr/bin/env node
// Entry for `npx herald` and the installed service: registers tsx so the
// TypeScript sources run as they are, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
