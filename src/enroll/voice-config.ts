import { readFileSync } from 'node:fs';
import type { AdaptationFigures } from './enrolled.ts';

export interface EnrolledFacts {
  created: string;
  takes: number;
  speechSeconds: number;
  adaptation: AdaptationFigures;
}

// The new voice's .onnx.json: the bundled voice's, whose phoneme map and
// espeak-ng voice the base model was trained with, under the new name, with
// what made it. The bundled voice's own provenance (its teacher) is not the
// new voice's and is left out; so is every transcript. The `herald` block
// stays: it marks a voice trained on Herald's phonemes (voices/discover.ts).
export function enrolledVoiceConfig(bundledConfigPath: string, name: string, facts: EnrolledFacts): string {
  const config = JSON.parse(readFileSync(bundledConfigPath, 'utf8')) as Record<string, unknown>;
  config.dataset = name;
  config.herald = {
    enrolled: {
      created: facts.created,
      takes: facts.takes,
      seconds: facts.speechSeconds,
      steps: facts.adaptation.steps,
      heldOut: facts.adaptation.heldOut,
      trainLoss: facts.adaptation.trainLoss,
      baseValLoss: facts.adaptation.baseValLoss,
      valLoss: facts.adaptation.valLoss,
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
