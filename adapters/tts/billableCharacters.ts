/**
 * Azure Speech bills every character of the SSML body except the `<speak>` and `<voice>` tags themselves
 * (SPEC.md §6): text, prosody/break/phoneme markup and whitespace inside count. Both engines report this figure.
 */
export function countBillableCharacters(ssml: string): number {
  const withoutTags = ssml
    .replace(/<\?xml[^>]*\?>/gi, '')
    .replace(/<\/?\s*speak\b[^>]*>/gi, '')
    .replace(/<\/?\s*voice\b[^>]*>/gi, '');
  // Azure counts code points, not UTF-16 units.
  return Array.from(withoutTags.trim()).length;
}
