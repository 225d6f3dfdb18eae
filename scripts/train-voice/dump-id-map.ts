// Prints Herald's Piper phoneme_id_map (src/voices/piper-symbols.ts) as JSON, so
// the recipe and the exported .onnx.json use exactly the daemon's table.
import { defaultPhonemeIdMap } from '../../src/voices/piper-symbols.ts';
process.stdout.write(JSON.stringify(defaultPhonemeIdMap()) + '\n');
