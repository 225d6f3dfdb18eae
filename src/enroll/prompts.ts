// What a person reads aloud when enrolling by recording (`herald enroll NAME`
// without --from, and the MQTT request `enroll`). Written for Herald, not
// taken from a published prompt list. Together they hold every phoneme
// espeak-ng's en-us voice gives for ordinary English text, most of them many
// times (test/enroll-prompts.test.ts measures it through Herald's own
// phonemizer), in about a minute of speech.

// The first prompt: a recording of the person agreeing, kept with the voice
// (enrolled.json `consentTake`) for as long as the voice exists.
export const CONSENT_SENTENCE = 'I agree that this device may learn and speak in my voice.';

export const PROMPTS: readonly string[] = [
  CONSENT_SENTENCE,
  'Beige curtains hung by the window while a usual breeze drifted through.',
  "Thursday's weather brought thick fog, then bright sunshine by noon.",
  'Joyful children chased each other around the old oak tree.',
  'Please measure the garage carefully before you order a new door.',
  'A huge yellow van parked beside the jazz club at midnight.',
  'Should the cook put sugar in the pudding, or would you rather not?',
  'Our heating engineer fixed the boiler and checked every pipe.',
  'The button on my mountain jacket was bitten off by a kitten.',
  'She thinks the vision of a cheaper future is worth pursuing.',
  'Twelve zebras wandered past the ranch while the farmer watched.',
  "Bring the singing bird back to the king's long hallway.",
  'Few people knew how loudly the ducks could quack at dawn.',
  'Water bottles, little kettles and metal ladders cluttered the attic.',
  'Can you hear the birds early in the morning near the shore?',
  'The judge asked the witness to describe the strange noise again.',
  'Our tour guide pointed toward the castle on the distant hill.',
  'Please leave your shoes by the door and wash your hands with soap.',
  'Seven hundred and sixty boxes arrive on Wednesday afternoon.',
  'Thank you, that was the last sentence, and you read it very well.',
];

// A take's id (its file name): prompt-01 … prompt-20, in prompt order.
export function promptTakeId(index: number): string {
  return `prompt-${String(index + 1).padStart(2, '0')}`;
}

export const CONSENT_TAKE_ID = promptTakeId(0);
