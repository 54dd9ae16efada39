/**
 * Text that XML 1.0 can carry: lone surrogates become U+FFFD, disallowed control characters are dropped, and line
 * ends become LF (an XML parser would turn CR into LF anyway).
 */
export function sanitizeSpokenText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters; removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

/**
 * Whether a spoken form gives the engine something to say: at least one letter or digit once the text is what XML can
 * carry. Punctuation, dashes and spaces alone make no sound; the offline engine refuses such a request outright ("no
 * speakable text") and Azure returns no audio for it. Stricter than either engine, so whatever passes here is spoken.
 */
export function hasSpeakableText(spokenText: string): boolean {
  return /[\p{L}\p{N}]/u.test(sanitizeSpokenText(spokenText));
}

/**
 * What Azure AI Speech bills for a request: every character of the SSML body except the XML declaration and the
 * `<speak>` and `<voice>` tags themselves (text, prosody, break and phoneme markup and the whitespace inside count),
 * in code points (docs/domain.md, "Azure AI Speech"). The estimate, the plan totals and both engines' reports all use
 * this one count, so what is estimated is what is billed.
 */
export function billableCharacters(ssml: string): number {
  const body = ssml
    .replace(/<\?xml[^>]*\?>/gi, '')
    .replace(/<\/?\s*speak\b[^>]*>/gi, '')
    .replace(/<\/?\s*voice\b[^>]*>/gi, '');
  return Array.from(body.trim()).length;
}
