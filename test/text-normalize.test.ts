// English normalization and sentence splitting: the text that reaches the
// phonemizer. Pure functions, no processes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasSpeakableText, normalizeText } from '../src/text/normalize.ts';
import { MAX_SENTENCE_CHARS, splitSentences } from '../src/text/split.ts';
import { sentencesOf } from '../src/text/split.ts';

const en = (text: string) => normalizeText(text, 'en');

describe('English normalization', () => {
  test('clock times: h:mm, leading zero, 24-hour, midnight, am/pm', () => {
    assert.equal(en('The train leaves at 7:30.'), 'The train leaves at seven thirty.');
    assert.equal(en('Meet at 07:05 today'), 'Meet at seven oh five today');
    assert.equal(en('At 19:00 we eat'), 'At nineteen hundred hours we eat');
    assert.equal(en('At 0:00 it resets'), 'At midnight it resets');
    assert.equal(en('At 12:00'), "At twelve o'clock");
    assert.equal(en('At 23:59'), 'At twenty-three fifty-nine');
    assert.equal(en('At 7:30pm sharp'), 'At seven thirty p m sharp');
    assert.equal(en('Call at 11 a.m. tomorrow'), 'Call at eleven a m tomorrow');
  });

  test('a period that is both "p.m." and the sentence end stays as the sentence end', () => {
    assert.equal(en('It ends at 7 p.m. Then we go.'), 'It ends at seven p m. Then we go.');
    assert.equal(en('Boarding at 10:30 a.m. on time'), 'Boarding at ten thirty a m on time');
    assert.deepEqual(sentencesOf('It ends at 7 p.m. Then we go.', 'en'), ['It ends at seven p m.', 'Then we go.']);
  });

  test('decimals and thousands separators', () => {
    assert.equal(en('Pi is 3.14'), 'Pi is three point one four');
    assert.equal(en('It costs .5 more'), 'It costs zero point five more');
    assert.equal(en('Value 1,234.56 here'), 'Value one thousand two hundred thirty-four point five six here');
    assert.equal(en('Population 2,000,000'), 'Population two million');
    assert.equal(en('Room 42'), 'Room forty-two');
    assert.equal(en('It is -5 degrees'), 'It is minus five degrees');
  });

  test('ordinals', () => {
    assert.equal(en('The 1st, 2nd, 3rd, 4th, 11th, 21st and 100th'), 'The first, second, third, fourth, eleventh, twenty-first and one hundredth');
    assert.equal(en('On Jan. 5th'), 'On January fifth');
  });

  test('units after numbers, singular and plural', () => {
    assert.equal(en('Drive 5 km to go'), 'Drive five kilometers to go');
    assert.equal(en('Speed 1 km/h now'), 'Speed one kilometer per hour now');
    assert.equal(en('It is 20°C outside'), 'It is twenty degrees Celsius outside');
    assert.equal(en('Temps of -3°C'), 'Temps of minus three degrees Celsius');
    assert.equal(en('50% off'), 'fifty percent off');
    assert.equal(en('It is 3.5% now'), 'It is three point five percent now');
    assert.equal(en('Weighs 3.5kg'), 'Weighs three point five kilograms');
    assert.equal(en('I am 5 ft tall'), 'I am five feet tall');
    assert.equal(en('1 s'), 'one second');
    assert.equal(en('12 ms'), 'twelve milliseconds');
    assert.equal(en('3 kWh used'), 'three kilowatt hours used');
  });

  test('abbreviations, including the ones that end a sentence', () => {
    assert.equal(en('Dr. Smith lives on Main St. near Oak Ave'), 'Doctor Smith lives on Main Street near Oak Avenue');
    assert.equal(en('I live on Main St.'), 'I live on Main Street.');
    assert.equal(en('St. Louis'), 'Saint Louis');
    assert.equal(en('Mr. Jones and Mrs. Jones'), 'Mister Jones and Missus Jones');
    assert.equal(en('e.g. apples'), 'for example apples');
    assert.equal(en('Bring fruit etc.'), 'Bring fruit et cetera.');
    assert.equal(en('No. 5'), 'number five');
    assert.equal(en('Approx. 5 kg'), 'approximately five kilograms');
  });

  test('money: symbols, cents, singular', () => {
    assert.equal(en('$5'), 'five dollars');
    assert.equal(en('$1'), 'one dollar');
    assert.equal(en('$5.50'), 'five dollars fifty cents');
    assert.equal(en('Pay $1.01 now'), 'Pay one dollar one cent now');
    assert.equal(en('€1,200'), 'one thousand two hundred euros');
    assert.equal(en('£3.99'), 'three pounds ninety-nine pence');
    assert.equal(en('$1,000,000 prize'), 'one million dollars prize');
  });

  test('ranges become "to"; phone numbers stay digit groups', () => {
    assert.equal(en('Open 9-5 daily'), 'Open nine to five daily');
    assert.equal(en('Pages 10–20'), 'Pages ten to twenty');
    assert.equal(en('20-30 km'), 'twenty to thirty kilometers');
    assert.equal(en('Call 555-1234'), 'Call five five five, one two three four');
    assert.equal(en('ID 12345678'), 'ID one two three four five six seven eight');
  });

  test('years after the words that introduce them', () => {
    assert.equal(en('In 1999 and since 2019'), 'In nineteen ninety-nine and since twenty nineteen');
    assert.equal(en('in 2005 and by 1900 and from 2000'), 'in two thousand five and by nineteen hundred and from two thousand');
    assert.equal(en('the year 1850'), 'the year eighteen fifty');
    // Not after such a word: a plain number.
    assert.equal(en('Score 1999 points'), 'Score one thousand nine hundred ninety-nine points');
  });

  test('codes, symbols and cleanup', () => {
    assert.equal(en('Gate B12'), 'Gate B twelve');
    assert.equal(en('Flight BA123 boards'), 'Flight B A one two three boards');
    assert.equal(en('Tom & Jerry'), 'Tom and Jerry');
    assert.equal(en('#1 fan'), 'number one fan');
    assert.equal(en('“Quoted”\u200b  text\twith\nbreaks'), '"Quoted" text with breaks');
  });

  test('languages without rules keep their numbers for espeak-ng', () => {
    assert.equal(normalizeText('Es ist 7:30 Uhr, 3,5 km.', 'de'), 'Es ist 7:30 Uhr, 3,5 km.');
  });

  test('speakable text: letters or digits in any script, not emoji or symbols', () => {
    assert.equal(hasSpeakableText('🔥🚀 !!! ...'), false);
    assert.equal(hasSpeakableText('   '), false);
    assert.equal(hasSpeakableText('你好'), true);
    assert.equal(hasSpeakableText('42'), true);
  });
});

describe('sentence splitting', () => {
  test('English: ends at . ! ? and ellipsis followed by space; decimals and abbreviations do not split', () => {
    assert.deepEqual(sentencesOf('Hello there. How are you? I am fine! Dr. Smith said 3.5 is ok... Right.', 'en'), [
      'Hello there.',
      'How are you?',
      'I am fine!',
      'Doctor Smith said three point five is ok...',
      'Right.',
    ]);
    assert.deepEqual(splitSentences('Version 2.5 is out.Really', 'en'), ['Version 2.5 is out.Really']);
    assert.deepEqual(splitSentences('No end mark', 'en'), ['No end mark']);
  });

  test('closing quotes stay with their sentence', () => {
    assert.deepEqual(splitSentences('Er sagte: "Hallo." Dann ging er.', 'de'), ['Er sagte: "Hallo."', 'Dann ging er.']);
  });

  test('Chinese: 。！？ end sentences without spaces', () => {
    assert.deepEqual(splitSentences('你好。今天天气很好！你吃饭了吗？好的', 'zh'), ['你好。', '今天天气很好！', '你吃饭了吗？', '好的']);
    assert.deepEqual(splitSentences('你好。今天天气很好！', 'cmn'), ['你好。', '今天天气很好！']);
  });

  test('pieces with nothing speakable are dropped', () => {
    assert.deepEqual(splitSentences('Hi. ... !!! Bye.', 'en'), ['Hi.', 'Bye.']);
  });

  test(`a sentence longer than ${MAX_SENTENCE_CHARS} characters is cut at clause punctuation, nothing lost`, () => {
    const text = `${'word, '.repeat(100)}end.`;
    const pieces = splitSentences(text, 'en');
    assert.ok(pieces.length >= 3, `${pieces.length} pieces`);
    for (const p of pieces) assert.ok(p.length <= MAX_SENTENCE_CHARS, `piece of ${p.length} chars`);
    for (const p of pieces.slice(0, -1)) assert.ok(p.endsWith(','), `cut at a comma: ...${p.slice(-10)}`);
    assert.equal(pieces.join(' ').replace(/\s+/g, ' '), text.trim());
  });

  test('a long sentence without punctuation is cut at spaces', () => {
    const text = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const pieces = splitSentences(text, 'en');
    assert.ok(pieces.length >= 2);
    for (const p of pieces) assert.ok(p.length <= MAX_SENTENCE_CHARS);
    assert.equal(pieces.join(' '), text);
  });
});
