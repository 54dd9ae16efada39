/**
 * Who the scene is about while a chapter is read: the people the narration has named lately, the person each
 * sentence is about, and when someone the cast does not name came in. Pronouns and relations in the evidence are
 * resolved against it (evidence.ts).
 */
import { SOMEONE_ELSE } from '../attributeTurns';
import type { Gender } from '../character';
import { nounGender, unnamedPeopleIn, type Cast, type Mention } from './cast';
import { saysLeaving } from './departures';
import { relativesNamed } from './relatives';
import { pronounGender, readSpeechTag, sentencesOf } from './speechTags';

/** Someone last named longer ago than this (in characters of text) has left the scene. */
const SCENE_CHARS = 3000;
/** Personal pronouns of each gender, in any case (en/es/pt): who a sentence with no named subject goes on about. */
const PRONOUNS_OF: Record<'female' | 'male', RegExp> = {
  male: /(?<![\p{L}\p{N}])(?:he|him|his|himself|él|ele|elle)(?![\p{L}\p{N}])/iu,
  female: /(?<![\p{L}\p{N}])(?:she|her|hers|herself|ella|ela)(?![\p{L}\p{N}])/iu,
};

/** Someone named this close (in characters) before a pronoun is its likely antecedent. */
const FOCUS_CHARS = 400;

/**
 * The people a scene has named, most recent first. A sentence's subject (the person it opens with) is remembered
 * after the others it names, so "he" prefers the person the narration is about.
 */
export class Recency {
  private readonly order: string[] = [];
  private readonly when = new Map<string, number>();
  /** The last person of each gender a sentence was about: "He …" goes on being about him. */
  private readonly subjectOf = new Map<Gender, string>();
  /** Per gender, who the last narrated sentence was about when it opened with no one (aboutFirstNamed). */
  private readonly lastAbout = new Map<Gender, string>();
  /** When someone the cast does not name was last named, per gender ("o capitão", "a slatternly girl"). */
  private readonly unnamed = new Map<Gender, number>();
  /** Characters of text read so far: how long ago someone was named. */
  private clock = 0;
  /** People the narration said left, not named or heard since (departures.ts). */
  private readonly gone = new Set<string>();
  /** Who the last sentence with a subject was about: a sentence leaving its subject out goes on about them. */
  private lastSubject: string | undefined;

  remember(id: string, at = this.clock): void {
    this.gone.delete(id);
    const index = this.order.indexOf(id);
    if (index >= 0) this.order.splice(index, 1);
    this.order.unshift(id);
    this.when.set(id, at);
  }

  /** The speaker of the line just read: the person the scene is now about. */
  rememberSpeaker(id: string, cast: Cast): void {
    this.remember(id);
    const gender = cast.genderOf(id);
    if (gender !== 'unknown') this.subjectOf.set(gender, id);
  }

  /** Text read without looking for names in it (dialogue): it still puts earlier namings further back. */
  pass(text: string): void {
    this.clock += text.length;
  }

  rememberText(text: string, cast: Cast): void {
    const start = this.clock;
    this.clock += text.length;
    for (const { offset, text: sentence } of sentencesOf(text)) {
      const at = start + offset;
      this.lastAbout.clear();
      // A role names a person when its noun is a person's ("a man", "the nephew") or as a sentence's subject; "the
      // subject" in "on the subject" names nobody.
      const lead = sentence.search(/\p{L}/u);
      const mentions = cast.mentions(sentence).filter(
        (mention) =>
          !mention.role ||
          opensSentence(sentence, lead, mention) ||
          nounGender(
            sentence
              .slice(mention.offset, mention.offset + mention.length)
              .split(/\s+/u)
              .at(-1)!,
          ) !== 'unknown',
      );
      const possessors = (gender: Gender) => [
        ...(this.subjectOf.get(gender) ? [this.subjectOf.get(gender)!] : []),
        ...this.snapshot(),
      ];
      for (const relative of relativesNamed(sentence, cast, possessors)) mentions.push(relative);
      mentions.sort((a, b) => a.offset - b.offset);
      // A sentence is about the person it opens with, or the one its speech tag names ("said Corley."), or, opening
      // with "He"/"She", about the last person of that gender a sentence was about.
      const tag = readSpeechTag(sentence, cast.language);
      const tagged = tag ? cast.subjectOf(tag.subject) : null;
      const pronoun = /^(he|she|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/iu.exec(sentence.slice(Math.max(0, lead)))?.[1];
      const gender = pronoun ? pronounGender(pronoun.toLowerCase()) : null;
      const subject =
        mentions.find((mention) => opensSentence(sentence, lead, mention))?.id ??
        mentions.find((mention) => mention.id === tagged && !mention.possessive)?.id ??
        (gender ? this.subjectOf.get(gender) : undefined);
      for (const mention of mentions) if (mention.id !== subject) this.remember(mention.id, at + mention.offset);
      for (const person of unnamedPeopleIn(sentence, cast)) {
        this.unnamed.set(person.gender, at + person.offset);
        if (person.offset === lead) this.subjectOf.set(person.gender, SOMEONE_ELSE);
      }
      if (subject === SOMEONE_ELSE && gender) this.unnamed.set(gender, at + Math.max(0, lead));
      else if (subject === undefined) {
        this.aboutFirstNamed(mentions, cast, sentence);
        // "Sonó entonces su teléfono, … y salió al rellano": naming nobody and opening on no subject of its own (not
        // "El suboficial se despidió… y se fue"), the sentence's leaving is its last subject's.
        if (
          mentions.length === 0 &&
          this.lastSubject !== undefined &&
          !OWN_SUBJECT.test(sentence.slice(Math.max(0, lead))) &&
          saysLeaving(sentence)
        )
          this.gone.add(this.lastSubject);
      } else if (subject) {
        this.lastSubject = subject;
        this.remember(subject, at + Math.max(0, lead));
        const subjectGender = cast.genderOf(subject);
        if (subjectGender !== 'unknown') this.subjectOf.set(subjectGender, subject);
        if (saysLeaving(sentence)) this.gone.add(subject);
      }
    }
  }

  /**
   * A sentence that opens with no one ("It was late before Holmes returned.") is about the first person of each
   * gender it names: "He came back alone" after it is that person, not the last subject of an earlier sentence.
   * A pronoun of that gender before the name ("The problem of how he could pass the hours till he met Corley…")
   * is still the person the narration was about, and the one named after it someone else.
   */
  private aboutFirstNamed(mentions: Mention[], cast: Cast, sentence: string): void {
    const seen = new Set<Gender>();
    for (const mention of mentions) {
      const gender = cast.genderOf(mention.id);
      if (mention.possessive || gender === 'unknown' || seen.has(gender)) continue;
      seen.add(gender);
      if (this.subjectOf.has(gender) && PRONOUNS_OF[gender].test(sentence.slice(0, mention.offset))) continue;
      this.subjectOf.set(gender, mention.id);
      this.lastAbout.set(gender, mention.id);
    }
  }

  /**
   * Per gender, the person the last narrated sentence was about when it opened with no one ("At the corner Harold
   * took out the watch, which Mr. Pell had given him."): "he said" after it is that person, not the man named later
   * in a clause.
   */
  aboutLastSentence(): ReadonlyMap<Gender, string> {
    return new Map(this.lastAbout);
  }

  /** The people the narration said left, and nobody has named or heard since. */
  departed(): string[] {
    return [...this.gone];
  }

  /** Who is still in the scene: named within about a page, most recent first. */
  snapshot(): string[] {
    return this.order.filter((id) => this.clock - this.when.get(id)! <= SCENE_CHARS);
  }

  /** People named in the last few sentences read, most recent first (a pronoun's likely antecedents). */
  fresh(): string[] {
    return this.order.filter((id) => this.clock - this.when.get(id)! <= FOCUS_CHARS);
  }

  /**
   * Everyone the chapter has named so far, most recent first, back to the last time someone the cast does not name
   * came in: a long speech ("our client" telling his story) puts its speaker out of the scene's page, not out of the
   * room, while an unnamed newcomer after him is more likely who the narration now means.
   */
  sinceLastStranger(): string[] {
    const stranger = Math.max(-1, ...this.unnamed.values());
    return this.order.filter((id) => this.when.get(id)! > stranger);
  }

  /** Genders for which someone the cast does not name was named after everyone of that gender it does name. */
  unnamedLatest(cast: Cast): Set<Gender> {
    const latest = new Set<Gender>();
    for (const [gender, at] of this.unnamed) {
      if (this.clock - at > FOCUS_CHARS) continue;
      const named = this.order.find((id) => cast.genderOf(id) === gender);
      if (named === undefined || this.when.get(named)! < at) latest.add(gender);
    }
    return latest;
  }
}

/** A sentence opening with an article: its subject is whoever or whatever the article brings in. */
const OWN_SUBJECT = /^(?:the|a|an|el|la|los|las|un|una|o|os|as|um|uma)\s/iu;

/** A naming that opens its sentence, after at most two words ("Old Cotter looked…", "But Lenehan could…"). */
function opensSentence(sentence: string, lead: number, mention: Mention): boolean {
  if (mention.possessive || lead < 0 || mention.offset < lead) return false;
  return (
    (sentence.slice(lead, mention.offset).match(/\p{L}+/gu) ?? []).length <= 2 &&
    !/[,;:]/u.test(sentence.slice(lead, mention.offset))
  );
}
