import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { EspeakHost } from '../text/espeak-host.ts';
import { languageRules } from '../text/languages.ts';
import { sentenceIds } from '../text/piper-ids.ts';
import { discoverVoices } from '../voices/discover.ts';
import { defaultPhonemeIdMap } from '../voices/piper-symbols.ts';

// Exactly what the daemon feeds a Piper voice, for training and debugging.
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, lang: { type: 'string' }, voice: { type: 'string' } } });
  let idMap = defaultPhonemeIdMap();
  let lang = values.lang ?? 'en-us';
  let espeakVoice = languageRules(lang).espeakVoice;
  if (values.voice) {
    const { config } = loadConfig(values.config);
    const info = discoverVoices(config.voices.dir).voices.find((v) => v.name === values.voice);
    if (!info) {
      process.stderr.write(`herald phonemize: unknown voice '${values.voice}'\n`);
      return 2;
    }
    idMap = info.phonemeIdMap;
    lang = values.lang ?? info.language;
    espeakVoice = info.espeakVoice;
  }
  const espeak = new EspeakHost();
  try {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      const sentences = await sentenceIds(espeak, line, { lang, espeakVoice, idMap });
      process.stdout.write(`${JSON.stringify({ text: line, sentences })}\n`);
    }
  } finally {
    espeak.stop();
  }
  return 0;
}
