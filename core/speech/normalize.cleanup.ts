/** Language-neutral cleanup of typography that a speech engine would read wrongly or not at all. */

// eslint-disable-next-line no-misleading-character-class -- a set of invisible code points, listed one by one
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const SCENE_BREAK_LINE = /^[ \t]*(?:[*#~•·⁂=_][ \t]*){1,20}[ \t]*$/gmu;

export function cleanTypography(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(/[“”„‟«»‹›"]/g, '"')
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/…/g, '...')
    .replace(SCENE_BREAK_LINE, '')
    .replace(/\r\n?/g, '\n');
}

/**
 * Dashes: a turn-opening dash (raya, "--") is not spoken; other em/en dashes are a pause, read as a comma.
 * Runs after number handling so ranges such as 1990–1995 are already words.
 */
export function speakDashes(text: string): string {
  return text
    .replace(/--+/g, '—')
    .replace(/^([ \t"']*)[—―–][ \t]*/gmu, '$1')
    .replace(/[ \t]*[—―][ \t]*/gu, ', ')
    .replace(/[ \t]+–[ \t]+/gu, ', ')
    .replace(/,\s*(?=[.,;:!?])/g, '')
    .replace(/([.!?¿¡])\s*,\s*/g, '$1 ')
    .replace(/^,\s*/gm, '')
    .replace(/[ \t]{2,}/g, ' ');
}
