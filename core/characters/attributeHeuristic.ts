/**
 * Label-only speaker attribution: a speaker id per segment id, never text. Dialogue takes its speaker from an
 * adjacent attribution ("said Elizabeth"), else from turn alternation in a two-person exchange, else from who is
 * addressed by name; narration and headings belong to the narrator.
 */
import { NARRATOR_ID, type Character } from './character';
import { propagateTurns } from './attributeTurns';
import { SPEECH_VERBS } from './vocabulary';

/** Possessives ("cried his wife") say nothing about who speaks. */
const SUBJECT_PRONOUNS = { female: new Set(['she', 'ella', 'ela']), male: new Set(['he', 'él', 'ele']) };

export interface AttributableSegment {
  id: string;
  kind: 'narration' | 'dialogue' | 'heading';
  text: string;
  chapterId: string;
  index: number;
  /** When known, a paragraph boundary stops an attribution from reaching across it. */
  boundaryBefore?: string;
}

export interface SpeakerLabel {
  segmentId: string;
  speakerId: string | 'narrator' | 'unknown';
  confidence: number;
}

const EXPLICIT = 0.9;
const SAME_PARAGRAPH = 0.85;
const PRONOUN = 0.6;
const BEAT = 0.6;
const VOCATIVE = 0.45;

interface AliasIndex {
  pattern: RegExp | null;
  byAlias: Map<string, string>;
  gender: Map<string, Character['gender']>;
}

function aliasIndex(characters: Character[]): AliasIndex {
  const byAlias = new Map<string, string>();
  const gender = new Map<string, Character['gender']>();
  for (const character of characters) {
    if (character.id === NARRATOR_ID) continue;
    gender.set(character.id, character.gender);
    for (const alias of [character.name, ...character.aliases])
      if (!byAlias.has(alias)) byAlias.set(alias, character.id);
  }
  const escaped = [...byAlias.keys()]
    .sort((a, b) => b.length - a.length)
    .map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern =
    escaped.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return { pattern, byAlias, gender };
}

function namesIn(text: string, index: AliasIndex): { id: string; offset: number }[] {
  if (!index.pattern) return [];
  return [...text.matchAll(index.pattern)].map((match) => ({ id: index.byAlias.get(match[0])!, offset: match.index }));
}

const ALL_VERBS = Object.values(SPEECH_VERBS).flat().join('|');
const VERB_NEAR_START = new RegExp(
  `^[\\s,.;:!?¡¿—–\\-"'“”‘’«»]*(?:[\\p{L}'’.]+\\s+){0,4}?(?:${ALL_VERBS})(?!\\p{L})`,
  'iu',
);
const VERB_ANYWHERE = new RegExp(`(?<!\\p{L})(?:${ALL_VERBS})(?!\\p{L})`, 'iu');

/** Who an attribution clause names: "said Elizabeth" → Elizabeth; "said she" → last speaker of that gender. */
function speakerFromAttribution(
  text: string,
  index: AliasIndex,
  recent: string[],
): { id: string; confidence: number } | null {
  const clause = text.slice(0, 200);
  if (!VERB_NEAR_START.test(clause) && !(VERB_ANYWHERE.test(clause) && clause.length < 80)) return null;
  const names = namesIn(clause, index);
  if (names.length > 0) return { id: names[0].id, confidence: EXPLICIT };
  const words = (clause.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 6);
  const female = words.some((word) => SUBJECT_PRONOUNS.female.has(word));
  const male = words.some((word) => SUBJECT_PRONOUNS.male.has(word));
  if (female === male) return null;
  const wanted = female ? 'female' : 'male';
  const match = recent.find((id) => index.gender.get(id) === wanted);
  return match ? { id: match, confidence: PRONOUN } : null;
}

export function attributeSpeakers(segments: AttributableSegment[], characters: Character[]): SpeakerLabel[] {
  const index = aliasIndex(characters);
  const byChapter = new Map<string, AttributableSegment[]>();
  for (const segment of segments) {
    if (!byChapter.has(segment.chapterId)) byChapter.set(segment.chapterId, []);
    byChapter.get(segment.chapterId)!.push(segment);
  }
  const labels = new Map<string, SpeakerLabel>();
  for (const chapterSegments of byChapter.values()) {
    const ordered = [...chapterSegments].sort((a, b) => a.index - b.index);
    attributeChapter(ordered, index, labels);
  }
  return segments.map((segment) => labels.get(segment.id)!);
}

function attributeChapter(ordered: AttributableSegment[], index: AliasIndex, labels: Map<string, SpeakerLabel>): void {
  const recent: string[] = [];
  const remember = (id: string) => {
    const at = recent.indexOf(id);
    if (at >= 0) recent.splice(at, 1);
    recent.unshift(id);
  };
  const found: (SpeakerLabel | null)[] = ordered.map(() => null);
  const recentAt: string[][] = [];

  // Pass 1: explicit attributions next to the dialogue.
  ordered.forEach((segment, position) => {
    recentAt[position] = [...recent];
    if (segment.kind !== 'dialogue') {
      found[position] = { segmentId: segment.id, speakerId: NARRATOR_ID, confidence: 1 };
      for (const { id } of namesIn(segment.text, index)) remember(id);
      return;
    }
    const next = ordered[position + 1];
    const previous = ordered[position - 1];
    const sameParagraph = (segment: AttributableSegment | undefined) =>
      segment !== undefined && segment.boundaryBefore !== 'paragraph';
    let hit: { id: string; confidence: number } | null = null;
    if (next?.kind === 'narration' && sameParagraph(next)) hit = speakerFromAttribution(next.text, index, recent);
    if (!hit && previous?.kind === 'narration' && sameParagraph(segment) && /[:,—–-]\s*$/u.test(previous.text)) {
      const names = namesIn(previous.text.slice(-120), index);
      if (names.length > 0 && VERB_ANYWHERE.test(previous.text.slice(-120)))
        hit = { id: names[names.length - 1].id, confidence: EXPLICIT };
    }

    if (!hit) hit = embeddedAttribution(segment.text, index, recent);
    if (!hit && next?.kind === 'narration' && sameParagraph(next)) hit = actionBeat(next.text, index);
    if (!hit && previous?.kind === 'narration' && sameParagraph(segment)) hit = actionBeat(previous.text, index);

    if (hit) {
      found[position] = { segmentId: segment.id, speakerId: hit.id, confidence: hit.confidence };
      remember(hit.id);
    }
  });

  // Pass 2: dialogue split by an attribution within one paragraph shares its speaker.
  for (let position = 0; position < ordered.length; position++) {
    if (found[position] || ordered[position].kind !== 'dialogue') continue;
    for (const step of [-2, 2]) {
      const other = ordered[position + step];
      const between = ordered[position + step / 2];
      const inner = step < 0 ? ordered[position] : other;
      if (!other || other.kind !== 'dialogue' || between?.kind !== 'narration') continue;
      if (between.boundaryBefore === 'paragraph' || inner?.boundaryBefore === 'paragraph') continue;
      const label = found[position + step];
      if (label && label.speakerId !== NARRATOR_ID && label.confidence >= EXPLICIT) {
        found[position] = { segmentId: ordered[position].id, speakerId: label.speakerId, confidence: SAME_PARAGRAPH };
        break;
      }
    }
  }

  // Pass 3: paragraph mates, alternation in runs of turns, answers to an addressed name.
  propagateTurns(ordered, found, (text) => vocatives(text, index));

  // Pass 4: a line addressing someone is spoken by another recently named person.
  ordered.forEach((segment, position) => {
    if (found[position] || segment.kind !== 'dialogue') return;
    const addressed = vocatives(segment.text, index);
    const candidate = recentAt[position].slice(0, 2).find((id) => !addressed.includes(id));
    if (addressed.length > 0 && candidate)
      found[position] = { segmentId: segment.id, speakerId: candidate, confidence: VOCATIVE };
  });
  found.forEach((label, position) =>
    labels.set(ordered[position].id, label ?? { segmentId: ordered[position].id, speakerId: 'unknown', confidence: 0 }),
  );
}

/** Names used to address someone: at the start or end of the line, set off by a comma or closing punctuation. */
function vocatives(text: string, index: AliasIndex): string[] {
  const inner = text.replace(/^[\s"'“”‘’«»—–-]+|[\s"'“”‘’«»—–-]+$/gu, '');
  // A one- or two-word line naming someone ("Bingley.") is an answer, not an address.
  if ((inner.match(/\p{L}+/gu) ?? []).length < 3) return [];
  return namesIn(inner, index)
    .filter(({ offset }) => {
      const before = inner.slice(Math.max(0, offset - 12), offset);
      const after = inner.slice(offset).replace(/^[\p{L}.'’ ]+/u, '');
      return /(^|[,!?]\s*|(?:my dear|dear|oh|oh!)\s+)$/iu.test(before) && /^\s*([,!?.]|$)/u.test(after);
    })
    .map(({ id }) => id);
}

/** The "-- Vem cá, disse Capitu." style: the attribution follows the speech inside one dash-led segment. */
const EMBEDDED = new RegExp(`[,;.!?…]\\s+(?=(?:${ALL_VERBS})(?!\\p{L}))`, 'iu');

function embeddedAttribution(
  text: string,
  index: AliasIndex,
  recent: string[],
): { id: string; confidence: number } | null {
  if (!/^\s*(?:--|[—―–])/u.test(text)) return null;
  const match = EMBEDDED.exec(text);
  if (!match) return null;
  const hit = speakerFromAttribution(text.slice(match.index + match[0].length), index, recent);
  return hit && { id: hit.id, confidence: Math.min(hit.confidence, SAME_PARAGRAPH) };
}

/** "Sir Thomas struck the mantelpiece." beside a line in the same paragraph: the one acting usually speaks. */
function actionBeat(text: string, index: AliasIndex): { id: string; confidence: number } | null {
  const names = namesIn(text, index);
  const lead = text.search(/\p{L}/u);
  if (names.length === 0 || names[0].offset !== lead) return null;
  return { id: names[0].id, confidence: BEAT };
}
