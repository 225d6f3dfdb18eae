// Piper's default phoneme-to-id table (piper-phonemize DEFAULT_PHONEME_ID_MAP):
// the index of a symbol is its id. Voices carry their own map in .onnx.json;
// this one is used for voices Herald builds and for test fixtures.
const SYMBOLS: readonly string[] = [
  '_', '^', '$', ' ', '!', "'", '(', ')', ',', '-', '.', ':', ';', '?',
  ...'abcdefhijklmnopqrstuvwxyz',
  ...'æçðøħŋœǀǁǂǃɐɑɒɓɔɕɖɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕʘʙʛʜʝʟʡʢʲˈˌːˑ˞βθχᵻⱱ',
  ...'0123456789',
  '\u0327', '\u0303', '\u032a', '\u032f', '\u0329', 'ʰ', 'ˤ', 'ε', '↓', '#', '"', '↑',
  '\u033a', '\u033b', 'g', 'ʦ', 'X', '\u031d', '\u030a',
];

export const PAD = '_';
export const BOS = '^';
export const EOS = '$';

export function defaultPhonemeIdMap(): Record<string, number[]> {
  const map: Record<string, number[]> = {};
  SYMBOLS.forEach((symbol, id) => {
    map[symbol] = [id];
  });
  return map;
}
