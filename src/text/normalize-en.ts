import { cardinal, digits, ordinal, year } from './number-words-en.ts';

// Rules run in order; each rewrites the text and leaves words for the next.
// Order matters: times and money before plain numbers, units before numbers.

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bDr\.(?=\s+[A-Z])/g, 'Doctor'],
  [/\bMr\.(?=\s)/g, 'Mister'],
  [/\bMrs\.(?=\s)/g, 'Missus'],
  [/\bMs\.(?=\s)/g, 'Miz'],
  [/\bProf\.(?=\s)/g, 'Professor'],
  [/\bSt\.(?=\s+[A-Z])/g, 'Saint'],
  // The period stays when it also ends the sentence.
  [/\b([A-Z][a-z]+)\s+St\.(?=\s+[a-z0-9])/g, '$1 Street'],
  [/\b([A-Z][a-z]+)\s+St\b/g, '$1 Street'],
  [/\b([A-Z][a-z]+)\s+Ave\.(?=\s+[a-z0-9])/g, '$1 Avenue'],
  [/\b([A-Z][a-z]+)\s+Ave\b/g, '$1 Avenue'],
  [/\b([A-Z][a-z]+)\s+Rd\.(?=\s+[a-z0-9])/g, '$1 Road'],
  [/\b([A-Z][a-z]+)\s+Rd\b/g, '$1 Road'],
  [/\be\.g\.(?=\s|$)/gi, 'for example'],
  [/\bi\.e\.(?=\s|$)/gi, 'that is'],
  [/\betc\.(?=\s+[a-z])/g, 'et cetera'],
  [/\betc\./g, 'et cetera.'],
  [/\bvs\.?(?=\s)/g, 'versus'],
  [/\bapprox\.(?=\s)/gi, 'approximately'],
  [/\b(?:No|no)\.\s*(?=\d)/g, 'number '],
  [/\bmin\.(?=\s+[a-z])/g, 'minutes'],
  [/\bDept\.(?=\s)/g, 'Department'],
  [/\bJan\.(?=\s)/g, 'January'],
  [/\bFeb\.(?=\s)/g, 'February'],
  [/\bAug\.(?=\s)/g, 'August'],
  [/\bSept?\.(?=\s)/g, 'September'],
  [/\bOct\.(?=\s)/g, 'October'],
  [/\bNov\.(?=\s)/g, 'November'],
  [/\bDec\.(?=\s)/g, 'December'],
];

// Unit symbols after a number: singular, plural.
const UNITS: Record<string, [string, string]> = {
  'km/h': ['kilometer per hour', 'kilometers per hour'],
  kph: ['kilometer per hour', 'kilometers per hour'],
  mph: ['mile per hour', 'miles per hour'],
  'm/s': ['meter per second', 'meters per second'],
  km: ['kilometer', 'kilometers'],
  cm: ['centimeter', 'centimeters'],
  mm: ['millimeter', 'millimeters'],
  m: ['meter', 'meters'],
  mi: ['mile', 'miles'],
  ft: ['foot', 'feet'],
  kg: ['kilogram', 'kilograms'],
  g: ['gram', 'grams'],
  lb: ['pound', 'pounds'],
  lbs: ['pound', 'pounds'],
  t: ['tonne', 'tonnes'],
  l: ['liter', 'liters'],
  ml: ['milliliter', 'milliliters'],
  '°C': ['degree Celsius', 'degrees Celsius'],
  '°F': ['degree Fahrenheit', 'degrees Fahrenheit'],
  '°': ['degree', 'degrees'],
  h: ['hour', 'hours'],
  hr: ['hour', 'hours'],
  hrs: ['hours', 'hours'],
  min: ['minute', 'minutes'],
  mins: ['minutes', 'minutes'],
  s: ['second', 'seconds'],
  sec: ['second', 'seconds'],
  ms: ['millisecond', 'milliseconds'],
  kW: ['kilowatt', 'kilowatts'],
  kWh: ['kilowatt hour', 'kilowatt hours'],
  W: ['watt', 'watts'],
  V: ['volt', 'volts'],
  A: ['amp', 'amps'],
  Hz: ['hertz', 'hertz'],
  kHz: ['kilohertz', 'kilohertz'],
  dB: ['decibel', 'decibels'],
  GB: ['gigabyte', 'gigabytes'],
  MB: ['megabyte', 'megabytes'],
  '%': ['percent', 'percent'],
};

const CURRENCIES: Record<string, [string, string, string, string]> = {
  $: ['dollar', 'dollars', 'cent', 'cents'],
  '€': ['euro', 'euros', 'cent', 'cents'],
  '£': ['pound', 'pounds', 'penny', 'pence'],
  '¥': ['yen', 'yen', '', ''],
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const unitPattern = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join('|');

function numberWords(raw: string): string {
  const clean = raw.replace(/,/g, '');
  const [whole, frac] = clean.split('.');
  const wholeWords = cardinal(whole === '' ? '0' : whole);
  return frac !== undefined && frac !== '' ? `${wholeWords} point ${digits(frac)}` : wholeWords;
}

function isOne(raw: string): boolean {
  return Number(raw.replace(/,/g, '')) === 1;
}

// "7 p.m. Then" keeps its period as the sentence end; "7 p.m. on" does not need it.
function keepSentenceEnd(match: string, offset: number, whole: string): string {
  const rest = whole.slice(offset + match.length);
  return match.endsWith('.') && (rest === '' || /^\s+[A-Z]/.test(rest)) ? '.' : '';
}

function time(h: string, m: string, suffix: string | undefined): string {
  const hour = Number(h);
  const minute = Number(m);
  const meridiem = suffix ? ` ${suffix.replace(/\./g, '').toLowerCase().split('').join(' ')}` : '';
  if (!suffix && hour >= 13 && minute === 0) return `${cardinal(hour)} hundred hours`;
  if (!suffix && hour === 0 && minute === 0) return 'midnight';
  const spokenHour = hour === 0 ? 'twelve' : cardinal(hour);
  if (minute === 0) return suffix ? `${spokenHour}${meridiem}` : `${spokenHour} o'clock`;
  const spokenMinute = minute < 10 ? `oh ${cardinal(minute)}` : cardinal(minute);
  return `${spokenHour} ${spokenMinute}${meridiem}`;
}

export function normalizeEnglish(input: string): string {
  let text = input;

  // Times: 7:30, 07:05, 19:00, 7:30pm, 7:30 a.m.
  text = text.replace(/\b([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?:\s*([ap]\.?m\.?)(?=\W|$))?/gi, (match, h, m, suffix, offset, whole) => time(h, m, suffix) + keepSentenceEnd(match, offset, whole));
  // 7pm, 11 a.m.
  text = text.replace(/\b(1[0-2]|0?[1-9])\s*([ap])\.?m\.?(?=\W|$)/gi, (match, h, ap, offset, whole) => `${cardinal(h)} ${ap.toLowerCase()} m${keepSentenceEnd(match, offset, whole)}`);

  // Money: $5, $5.50, €1,200, £3.99
  text = text.replace(/([$€£¥])\s?(\d[\d,]*)(?:\.(\d{1,2}))?\b/g, (_m, sym: string, whole: string, cents: string | undefined) => {
    const [one, many, subOne, subMany] = CURRENCIES[sym];
    let out = `${cardinal(whole.replace(/,/g, ''))} ${isOne(whole) ? one : many}`;
    if (cents && Number(cents) > 0 && subOne) {
      const c = Number(cents.padEnd(2, '0'));
      out += ` ${cardinal(c)} ${c === 1 ? subOne : subMany}`;
    }
    return out;
  });

  for (const [pattern, replacement] of ABBREVIATIONS) text = text.replace(pattern, replacement);

  // Ordinals: 1st, 22nd, 3rd, 4th
  text = text.replace(/\b(\d+)(st|nd|rd|th)\b/gi, (_m, n) => ordinal(n));

  // Number ranges: 5-10, 9–11 → "five to ten"
  text = text.replace(/\b(\d+)\s?[-–]\s?(\d+)\b(?!\s?[-–]?\d)/g, (m, a, b, offset: number, whole: string) => {
    // Phone numbers and codes like 555-1234 stay digit groups.
    if (a.length > 3 || b.length > 3 || /\d[-–]$/.test(whole.slice(0, offset))) return m;
    return `${a} to ${b}`;
  });

  text = text.replace(/(^|[^\w.])-(\d)/g, '$1minus $2');

  // Number followed by a unit symbol: 5 km, 20°C, 50%, 3.5kg
  text = text.replace(new RegExp(`(?<![\\w.])(\\d[\\d,]*(?:\\.\\d+)?)\\s?(${unitPattern})(?![\\w/])`, 'g'), (_m, n: string, unit: string) => {
    const [one, many] = UNITS[unit];
    return `${numberWords(n)} ${isOne(n) ? one : many}`;
  });

  // Years after words that introduce them: in 1999, since 2019
  text = text.replace(/\b(in|since|from|until|by|year|of|circa)\s+(1\d\d\d|20\d\d)\b/gi, (_m, w, y) => `${w} ${year(Number(y))}`);

  // Letters glued to digits (gate B12, flight BA123, A4): space them so each is read.
  // Three or more digits in a code are read one by one (BA123 → B A one two three).
  text = text.replace(/\b([A-Za-z]{1,3})(\d+)\b/g, (_m, letters: string, num: string) => {
    const spelled = letters === letters.toUpperCase() ? letters.split('').join(' ') : letters;
    return `${spelled} ${num.length >= 3 ? digits(num) : num}`;
  });
  text = text.replace(/\b(\d+)([A-Za-z])\b/g, '$1 $2');

  // Long digit strings (phone numbers, ids) are read digit by digit.
  text = text.replace(/\b\d{7,}\b/g, (m) => digits(m));
  // Digit groups joined by dashes or spaces in phone style: 555-1234
  text = text.replace(/\b\d{2,4}(?:-\d{2,4}){1,3}\b/g, (m) => m.split('-').map(digits).join(', '));

  // Plain numbers with thousands separators and decimals; negative numbers.
  text = text.replace(/\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+\.\d+\b|\.\d+\b|\b\d+\b/g, (m) => numberWords(m.startsWith('.') ? `0${m}` : m));

  // Symbols.
  text = text
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s\+\s/g, ' plus ')
    .replace(/(\w)@(\w)/g, '$1 at $2')
    .replace(/#\s*(?=\w)/g, 'number ');

  return text;
}
