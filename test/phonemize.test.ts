// The phonemizer through the real espeak-ng (WebAssembly, in its own child
// process) and Piper's id sequence built from its output.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { phonemesToIds } from '../src/text/piper-ids.ts';
import { EspeakHost } from '../src/text/espeak-host.ts';
import { languageRules } from '../src/text/languages.ts';
import { phonemizeSentence } from '../src/text/phonemize.ts';
import { defaultPhonemeIdMap } from '../src/voices/piper-symbols.ts';

const idMap = defaultPhonemeIdMap();
const ID = (symbol: string) => idMap[symbol][0];

let espeak: EspeakHost;
before(async () => {
  espeak = new EspeakHost();
  await espeak.start();
});
after(() => espeak?.stop());

// Piper voices learned punctuation as phonemes: a comma (colon, semicolon)
// and the space after it, and the sentence's final . ? ! as its last symbol.
function assertClauses(phonemes: string, expected: { commas: number; end: '.' | '?' | '!' }): void {
  assert.equal(phonemes.split(', ').length - 1, expected.commas, `commas followed by a space in ${JSON.stringify(phonemes)}`);
  assert.equal((phonemes.match(/,/g) ?? []).length, expected.commas, `no comma without its space in ${JSON.stringify(phonemes)}`);
  assert.ok(phonemes.endsWith(expected.end), `${JSON.stringify(phonemes)} ends with ${expected.end}`);
  assert.ok(!/\s$/.test(phonemes) && !/^\s/.test(phonemes), 'no leading or trailing space');
  assert.ok(!/ {2}/.test(phonemes), 'no double spaces');
  assert.ok(!/[_|()]/.test(phonemes), `espeak-ng separators and language flags removed: ${JSON.stringify(phonemes)}`);
  const { missing } = phonemesToIds(phonemes, idMap);
  assert.deepEqual(missing, [], 'every symbol is in the Piper id map');
}

describe('phonemizer (espeak-ng WASM) keeps clause punctuation', () => {
  test('English: exact IPA with comma+space and the final period', async () => {
    assert.equal(await phonemizeSentence(espeak, 'en-us', 'Hello, world.'), 'həlˈoʊ, wˈɜːld.'.normalize('NFD'));
    assert.equal(await phonemizeSentence(espeak, 'en-us', 'Is it raining?'), 'ɪz ɪt ɹˈeɪnɪŋ?');
    assert.equal(await phonemizeSentence(espeak, 'en-us', 'Stop!'), 'stˈɑːp!');
    assertClauses(await phonemizeSentence(espeak, 'en-us', 'One, two, three!'), { commas: 2, end: '!' });
  });

  test('colon and semicolon are phonemes followed by a space', async () => {
    const p = await phonemizeSentence(espeak, 'en-us', 'Note: one; two.');
    assert.match(p, /^\S+: \S+; \S+\.$/);
  });

  test('a run such as "?!" ends on its last mark', async () => {
    const p = await phonemizeSentence(espeak, 'en-us', 'Really?!');
    assert.ok(p.endsWith('!') && !p.includes('?'), p);
  });

  test('German', async () => {
    assertClauses(await phonemizeSentence(espeak, languageRules('de').espeakVoice, 'Guten Tag, wie geht es?'), { commas: 1, end: '?' });
  });

  test('French (its espeak-ng voice resolves)', async () => {
    const p = await phonemizeSentence(espeak, languageRules('fr').espeakVoice, 'Bonjour, le monde!');
    assertClauses(p, { commas: 1, end: '!' });
    assert.ok(p.startsWith('bɔ̃ʒˈuʁ'.normalize('NFD')), p);
  });

  test('Spanish', async () => {
    assertClauses(await phonemizeSentence(espeak, languageRules('es').espeakVoice, 'Hola, mundo.'), { commas: 1, end: '.' });
  });

  test('Chinese: full-width ，。？ become , . ?', async () => {
    const voice = languageRules('zh').espeakVoice;
    assertClauses(await phonemizeSentence(espeak, voice, '你好，世界。'), { commas: 1, end: '.' });
    assertClauses(await phonemizeSentence(espeak, voice, '你好吗？'), { commas: 0, end: '?' });
  });

  test('British English and other region tags reach a real espeak-ng voice', async () => {
    const gb = await phonemizeSentence(espeak, languageRules('en-gb').espeakVoice, 'Hello.');
    const us = await phonemizeSentence(espeak, 'en-us', 'Hello.');
    assert.ok(gb.endsWith('.') && gb !== us, `${gb} vs ${us}`);
    assert.ok((await phonemizeSentence(espeak, 'fr-fr', 'Bonjour.')).length > 1);
  });

  test('an unknown espeak-ng voice is an error, not a hang', async () => {
    await assert.rejects(phonemizeSentence(espeak, 'xx-nonexistent', 'Hello.'), /no voice/);
  });
});

describe('espeak-ng host', () => {
  test('rawPhonemesMany answers every clause in one request, each as it would alone', async () => {
    const clauses = ['Hello', 'world', 'is it raining', 'the twenty third of May'];
    const many = await espeak.rawPhonemesMany('en-us', clauses);
    const one = (await Promise.all(clauses.map((c) => espeak.rawPhonemesMany('en-us', [c])))).flat();
    assert.deepEqual(many, one);
    assert.match(many[0], /h.*l.*o/);
    assert.deepEqual(await espeak.rawPhonemesMany('en-us', []), []);
    await assert.rejects(espeak.rawPhonemesMany('xx-nonexistent', ['Hello']), /espeak-ng has no voice 'xx-nonexistent'/);
  });

  test('killed, it is restarted: the request it was answering fails, saying so, and the next works', async () => {
    const pid = espeak.pid as number;
    const long = espeak.synthesize('en-us', 'A long sentence that keeps the process busy for a while. '.repeat(20));
    process.kill(pid, 'SIGKILL');
    await assert.rejects(long, /espeak-ng process exited \(SIGKILL\)/);
    assert.deepEqual(await espeak.rawPhonemesMany('en-us', ['Hello']), await espeak.rawPhonemesMany('en-us', ['Hello']));
    assert.notEqual(espeak.pid, pid);
  });
});

describe('phonemesToIds', () => {
  test('^ _ (p _)* $ with the default map', async () => {
    const phonemes = await phonemizeSentence(espeak, 'en-us', 'Hello, world.');
    const { ids, missing } = phonemesToIds(phonemes, idMap);
    assert.deepEqual(missing, []);
    const symbols = [...phonemes.normalize('NFD')];
    assert.equal(ids.length, 2 + 2 * symbols.length + 1);
    assert.equal(ids[0], ID('^'));
    assert.equal(ids[1], ID('_'));
    assert.equal(ids[ids.length - 1], ID('$'));
    symbols.forEach((s, i) => {
      assert.equal(ids[2 + 2 * i], ID(s), `symbol ${i} ${s}`);
      assert.equal(ids[3 + 2 * i], ID('_'));
    });
    assert.ok(ids.includes(ID(',')) && ids.includes(ID(' ')) && ids.includes(ID('.')));
  });

  test('symbols missing from the map are skipped and reported; multi-id symbols keep all their ids', () => {
    const map = { '^': [1], _: [0], $: [2], a: [5], b: [6, 7] };
    assert.deepEqual(phonemesToIds('abxa', map), { ids: [1, 0, 5, 0, 6, 7, 0, 5, 0, 2], missing: ['x'] });
    assert.deepEqual(phonemesToIds('', map), { ids: [1, 0, 2], missing: [] });
  });

  test('precomposed characters are decomposed (NFD) like piper-phonemize', () => {
    // ã = a + U+0303 (combining tilde), both in the default map.
    const { ids, missing } = phonemesToIds('\u00e3', idMap);
    assert.deepEqual(missing, []);
    assert.deepEqual(ids, [ID('^'), ID('_'), ID('a'), ID('_'), ID('\u0303'), ID('_'), ID('$')]);
  });
});
