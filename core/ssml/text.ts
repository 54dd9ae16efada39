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

/** Azure bills every character of the body except the `<speak>` and `<voice>` tags themselves (SPEC.md §6). */
export function billableCharacters(ssml: string): number {
  const body = ssml
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<\/?speak\b[^>]*>/g, '')
    .replace(/<\/?voice\b[^>]*>/g, '');
  return Array.from(body.trim()).length;
}
