// `herald <command>`: the daemon and the tools around it.
import { ConfigError } from './config/load.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ main: (argv: string[]) => Promise<number> }> }> = {
  run: { summary: 'run the daemon (MQTT in, speech out)', load: () => import('./cli/run.ts') },
  say: { summary: 'speak text locally, no broker: herald say "text" [--voice V] [--out f.wav] [--device D]', load: () => import('./cli/say.ts') },
  send: { summary: 'publish a say message to a running daemon and follow its events: herald send "text" [--url U] [--device-id ID]', load: () => import('./cli/send.ts') },
  voices: { summary: 'list installed voices', load: () => import('./cli/voices.ts') },
  doctor: { summary: 'check config, broker, audio, espeak-ng, onnxruntime and voices', load: () => import('./cli/doctor.ts') },
  bench: { summary: 'end-to-end benchmark through a real broker and ALSA [--json] [--n N]', load: () => import('./cli/bench.ts') },
  enroll: { summary: 'make a voice: herald enroll NAME (record the prompt script) or herald enroll NAME --from DIR (LJSpeech layout); herald enroll --delete NAME', load: () => import('./cli/enroll.ts') },
  phonemize: { summary: 'text lines on stdin → phonemes and Piper ids as JSON lines [--lang L] [--voice V]', load: () => import('./cli/phonemize.ts') },
};

function usage(): string {
  return `usage: herald <command> [options]\n\n${Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
    .join('\n')}\n\nCommon option: --config PATH (else HERALD_CONFIG, ./herald.yaml, /etc/herald/config.yaml, built-in defaults)\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const { VERSION } = await import('./version.ts');
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`herald: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).main(rest);
  } catch (err) {
    if (err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`herald ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
