/**
 * What detection counts for each person or speaking role while it reads the book (detectHeuristic.ts), and how two
 * records of one person are added together.
 */
import type { AgeBand, Gender } from './character';
import { emptyVotes, genderOf, type Votes } from './genderEvidence';

export interface Tally {
  forms: Map<string, number>;
  /** Labels of bare surnames ("Darcy"): a person is named by a fuller form when there is one. */
  bareSurnames: Set<string>;
  mentions: number;
  titled: number;
  /** Times the person is addressed by name in dialogue. */
  vocatives: number;
  /** Times the person is called by name inside a line, between commas or before a sentence's end. */
  callsInLine: number;
  /** Mentions after a preposition of place ("in London", "em Lisboa"). */
  locatives: number;
  /** Mentions in narration (outside dialogue). */
  narrated: number;
  /** Mentions an apposition calls an animal ("Biscuit, a brown dog"). */
  animals: number;
  lines: number;
  chapters: Set<string>;
  first: { chapterId: string; offset: number; at: number } | null;
  votes: Votes;
  pronounVotes: Votes;
  titleVotes: Votes;
  ages: Map<AgeBand, number>;
  verbs: Map<string, number>;
  roleGender: Gender;
  /** Where the book writes a role's phrase (roles only). */
  roleAt: number[];
  /** Chapters (by index) where a role speaks (roles only). */
  speaksIn: Set<number>;
  /** Where a role's speech tags stand: chapter index and offset in that chapter (roles only). */
  tagsAt: { chapter: number; local: number }[];
  /** In a story collection, the story (chapter index) a role's record is counted in while roles fold; else null. */
  story: number | null;
}

export function newTally(): Tally {
  return {
    forms: new Map(),
    bareSurnames: new Set(),
    mentions: 0,
    titled: 0,
    vocatives: 0,
    callsInLine: 0,
    locatives: 0,
    narrated: 0,
    animals: 0,
    lines: 0,
    chapters: new Set(),
    first: null,
    votes: emptyVotes(),
    pronounVotes: emptyVotes(),
    titleVotes: emptyVotes(),
    ages: new Map(),
    verbs: new Map(),
    roleGender: 'unknown',
    roleAt: [],
    speaksIn: new Set(),
    tagsAt: [],
    story: null,
  };
}

export function addVotes(into: Votes, votes: Votes): void {
  into.female += votes.female;
  into.male += votes.male;
}

export function countLine(tally: Tally, verb: string): void {
  tally.lines++;
  const lower = verb.toLowerCase();
  tally.verbs.set(lower, (tally.verbs.get(lower) ?? 0) + 1);
}

/** A role's lines and mentions join the person it is; its phrase becomes an alias, never the name. */
export function absorbRole(person: Tally, role: Tally): void {
  for (const form of role.forms.keys()) if (!person.forms.has(form)) person.forms.set(form, 0);
  for (const [verb, count] of role.verbs) person.verbs.set(verb, (person.verbs.get(verb) ?? 0) + count);
  person.lines += role.lines;
  person.mentions += role.mentions;
  for (const chapter of role.chapters) person.chapters.add(chapter);
}

/**
 * An office the book writes as a name ("el Corregidor") joins the person who holds it: everything counted is added,
 * and its forms become aliases, so the person keeps the name the book gives them.
 */
export function absorbOffice(person: Tally, office: Tally): void {
  absorbTally(person, { ...office, forms: new Map([...office.forms.keys()].map((form) => [form, 0])) });
}

/** Adds everything counted for `from` (another record of the same person) to `into`. */
export function absorbTally(into: Tally, from: Tally): void {
  for (const [form, count] of from.forms) into.forms.set(form, (into.forms.get(form) ?? 0) + count);
  for (const [verb, count] of from.verbs) into.verbs.set(verb, (into.verbs.get(verb) ?? 0) + count);
  for (const [age, count] of from.ages) into.ages.set(age, (into.ages.get(age) ?? 0) + count);
  for (const label of from.bareSurnames) into.bareSurnames.add(label);
  for (const chapter of from.chapters) into.chapters.add(chapter);
  into.mentions += from.mentions;
  into.titled += from.titled;
  into.vocatives += from.vocatives;
  into.callsInLine += from.callsInLine;
  into.locatives += from.locatives;
  into.animals += from.animals;
  into.narrated += from.narrated;
  into.lines += from.lines;
  addVotes(into.votes, from.votes);
  addVotes(into.pronounVotes, from.pronounVotes);
  addVotes(into.titleVotes, from.titleVotes);
  if (into.roleGender === 'unknown') into.roleGender = from.roleGender;
  into.roleAt = [...into.roleAt, ...from.roleAt].sort((a, b) => a - b);
  into.tagsAt = [...into.tagsAt, ...from.tagsAt].sort((a, b) => a.chapter - b.chapter || a.local - b.local);
  if (from.first !== null && (into.first === null || from.first.at < into.first.at)) into.first = from.first;
}

/** A title or a role's own word ("the old woman", "o padre") settles it; otherwise pronouns and articles. */
export function genderOfTally(tally: Tally): Gender {
  const titled = genderOf(tally.titleVotes);
  if (titled !== 'unknown') return titled;
  if (tally.roleGender !== 'unknown') return tally.roleGender;
  return genderOf(tally.votes);
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
