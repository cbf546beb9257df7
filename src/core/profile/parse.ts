import { parseCsvProfile } from './csv';
import { parseOrtProfile } from './ort';
import { parseTfliteProfile } from './tflite';
import type { Profile } from './types';

/**
 * Parses a profile in any supported format, told apart by content: JSON
 * (ONNX Runtime trace events), a TFLite "Run Order" table, else CSV.
 * Throws PROFILE_FORMAT. O(text).
 * @example parseProfile(text).format === 'ort'
 */
export function parseProfile(text: string): Profile {
  const head = text.trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return parseOrtProfile(text);
  if (/=+\s*Run Order\s*=+/.test(text)) return parseTfliteProfile(text);
  return parseCsvProfile(text);
}
