import { classifyHeadingLine, foldAccents, type HeadingMatch } from './headings';
import { joinTitle } from './headingTitles';
import type { Boundary } from './boundary';
import { sameTitleKey } from './partChapterTitles';
import { countWords, WORDS_PER_MINUTE } from './stats';

/**
 * A play's acts and scenes as an audiobook of a play has them (docs/manuscripts.md, "Plays"): one chapter per act,
 * its scenes read on inside it, or, for an act too long for one chapter, one per scene with the act's heading spoken
 * at the start of its first. A book is read as a play by its structure alone: an act heading with scene headings
 * under it.
 */

const ACT_WORDS = new Set(['act', 'acte', 'acto', 'ato', 'jornada']);
const SCENE_WORDS = new Set(['scene', 'escena', 'cena']);

/** An act longer than an hour of listening is cut at its scenes. */
export const LONG_ACT_WORDS = 60 * WORDS_PER_MINUTE;

const headingOf = (boundary: Boundary): HeadingMatch | null => classifyHeadingLine(boundary.title);
const isAct = (boundary: Boundary) =>
  boundary.type === 'part' && ACT_WORDS.has(foldAccents(headingOf(boundary)?.label ?? ''));
const isScene = (boundary: Boundary) =>
  boundary.type === 'chapter' && SCENE_WORDS.has(foldAccents(headingOf(boundary)?.label ?? ''));
/** "ACT I. SCENE I. Elsinore.": an act heading that opens its first scene on the same line. */
const opensScene = (act: Boundary) => {
  const trailer = headingOf(act)?.trailer ?? '';
  return trailer !== '' && SCENE_WORDS.has(classifyHeadingLine(trailer)?.label ?? '');
};

/** "ACT I. SCENE I. Elsinore." names the whole act "ACT I". */
const actAlone = (act: Boundary) => {
  const trailer = headingOf(act)?.trailer ?? '';
  return act.title.slice(0, act.title.lastIndexOf(trailer)).replace(/[\s.:;,–—-]+$/u, '');
};

/**
 * A play in acts without numbered scenes ("FIRST ACT", "SECOND ACT", each over its setting): two acts or more and no
 * chapter heading from the first act on, so the acts are not a novel's parts over its chapters.
 */
function actsAlone(boundaries: Boundary[]): boolean {
  const first = boundaries.findIndex(isAct);
  if (first < 0) return false;
  const after = boundaries.slice(first);
  return after.filter(isAct).length >= 2 && after.every((b) => isAct(b) || b.type !== 'chapter');
}

/** The boundaries with a play's acts as its chapters; a book that is not a play comes back as it was. */
export function withPlayActs(text: string, boundaries: Boundary[]): Boundary[] {
  const isPlay =
    boundaries.some(
      (b, i) => isAct(b) && (opensScene(b) || (i + 1 < boundaries.length && isScene(boundaries[i + 1]))),
    ) || actsAlone(boundaries);
  if (!isPlay) return boundaries;
  const result: Boundary[] = [];
  /** The scenes a long act was cut into after its first, with the act's heading. */
  const actOfScene = new Map<Boundary, string>();
  for (let i = 0; i < boundaries.length; i++) {
    const act = boundaries[i];
    if (!isAct(act)) {
      result.push(act);
      continue;
    }
    let next = i + 1;
    while (next < boundaries.length && isScene(boundaries[next])) next++;
    const scenes = boundaries.slice(i + 1, next);
    const end = boundaries[next]?.offset ?? text.length;
    const long = countWords(text.slice(act.offset, end)) > LONG_ACT_WORDS;
    const chapter: Boundary = { ...act, type: 'chapter' };
    if (!long) result.push(opensScene(act) ? { ...chapter, title: actAlone(act) } : chapter);
    else if (opensScene(act) || scenes.length === 0) {
      result.push(chapter, ...scenes);
      for (const scene of scenes) actOfScene.set(scene, opensScene(act) ? actAlone(act) : act.title);
    } else {
      const [first, ...rest] = scenes;
      for (const scene of rest) actOfScene.set(scene, act.title);
      result.push(
        {
          ...chapter,
          title: joinTitle(act.title, first.title),
          confidence: Math.min(act.confidence, first.confidence),
        },
        ...rest,
      );
    }
    i = next - 1;
  }
  return withActsOnRepeatedScenes(result, actOfScene);
}

/**
 * Scenes numbered again in every act ("SCENE II" in act one and in act two) would be chapters of the same name: when
 * two chapters share a title, each scene a long act was cut into is named with its act, as its first scene is ("ACT
 * II: SCENE II").
 */
function withActsOnRepeatedScenes(boundaries: Boundary[], actOfScene: Map<Boundary, string>): Boundary[] {
  if (actOfScene.size === 0) return boundaries;
  const chapters = boundaries.filter((b) => b.type === 'chapter');
  if (new Set(chapters.map((b) => sameTitleKey(b.title))).size === chapters.length) return boundaries;
  return boundaries.map((boundary) => {
    const act = actOfScene.get(boundary);
    return act === undefined ? boundary : { ...boundary, title: joinTitle(act, boundary.title) };
  });
}
