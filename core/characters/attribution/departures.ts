/**
 * Someone the narration says has left ("She dropped her veil over her face and glided from the room.", "He shook
 * hands with us and took his leave."): until the narration names them again or they are found speaking, the lines
 * after it are not theirs, though they were the last to speak to the ones who stay.
 */

/** A sentence saying its subject leaves the room or the company. */
const LEAVING =
  /(?<![\p{L}\p{N}])(?:left\s+(?:the|our|my|his|her)\s+(?:room|house|office)|(?:glided|hurried|hastened|rushed|ran|walked|stalked|strode|swept|stepped|slipped|bustled|went)\s+(?:from|out\s+of)\s+(?:the|our|my|his|her)\s+(?:room|house|office)|bustled\s+(?:off|out|away)|hurried\s+(?:off|away)|took\s+(?:his|her)\s+leave|bade\s+us\s+(?:\p{L}+\s+){0,2}good-?(?:bye|night|day|morning|evening|afternoon))(?![\p{L}\p{N}])/iu;

/** Whether a narrated sentence says that the person it is about leaves. */
export function saysLeaving(sentence: string): boolean {
  return LEAVING.test(sentence);
}
