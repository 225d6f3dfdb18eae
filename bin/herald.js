#!/usr/bin/env node
// Entry for `herald`, `npm start` and the installed service: the compiled
// JavaScript in dist/ under plain node. Running the TypeScript through tsx here
// would cost the daemon about 120 MB of RSS; `npm run dev` does that for development.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `herald: ${fileURLToPath(cli)} is missing: Herald runs from its compiled JavaScript.\n` +
      `Build it with: cd ${root} && npm run build   (bash scripts/setup.sh installs and builds)\n`,
  );
  process.exit(1);
}
await import(cli.href);
