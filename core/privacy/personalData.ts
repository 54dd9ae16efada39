/**
 * Finding and removing one person's data inside any stored value, whatever its shape. Three kinds of trace:
 *
 * - their user id, as a whole value (an owner, an author, `createdBy`, a cost's `userId`): replaced by their
 *   pseudonym, so the record keeps a stable, unlinkable attribution;
 * - their email address, anywhere inside a text: replaced by a placeholder;
 * - their name: in a person object (one carrying their id and a `name`, like a comment's author) the name is
 *   replaced; inside free text it is replaced only where the text is people's own writing (comments, notes,
 *   notifications), never in a book (a character may share a name with the person).
 */

export interface DataSubject {
  userId: string;
  email: string;
  /** The names the person is known by (their display name, and names their comments were signed with). */
  names: string[];
  pseudonym: string;
}

/** Whether names in free text are scrubbed: people's own writing, or book content that is left alone. */
export type TextKind = 'people' | 'book';

export const ERASED_NAME = 'Deleted user';
export const ERASED_EMAIL = '[deleted user]';

/** Fields of a person object that hold their name or contact. */
const PERSON_NAME_FIELDS = ['name', 'displayName'];
const PERSON_CONTACT_FIELDS = ['email'];
/** Names this short would match ordinary words inside text; they are scrubbed only as whole values. */
const MIN_NAME_CHARS_IN_TEXT = 3;
/** Ids this long are unique enough to be found inside other strings (a key, an embedded path). */
const MIN_ID_CHARS_IN_TEXT = 8;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiled matchers for one subject. */
export class SubjectMatcher {
  private readonly email: RegExp | null;
  private readonly names: RegExp | null;

  constructor(readonly subject: DataSubject) {
    this.email = subject.email ? new RegExp(escapeRegExp(subject.email), 'giu') : null;
    const names = [
      ...new Set(subject.names.map((name) => name.trim()).filter((n) => n.length >= MIN_NAME_CHARS_IN_TEXT)),
    ];
    // Longest first, so "Ana María López" goes before "Ana María"; whole words only (letters and digits around).
    names.sort((a, b) => b.length - a.length);
    this.names = names.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
      : null;
  }

  /** Whether the value holds any trace of the subject. */
  mentions(value: unknown, text: TextKind): boolean {
    if (typeof value === 'string') return this.stringMentions(value, text);
    if (Array.isArray(value)) return value.some((item) => this.mentions(item, text));
    if (value !== null && typeof value === 'object') {
      return Object.values(value).some((field) => this.mentions(field, text));
    }
    return false;
  }

  /** The value with every trace of the subject removed (a new value; the input is not changed). */
  erase(value: unknown, text: TextKind): unknown {
    if (typeof value === 'string') return this.eraseString(value, text);
    if (Array.isArray(value)) return value.map((item) => this.erase(item, text));
    if (value === null || typeof value !== 'object') return value;
    const source = value as Record<string, unknown>;
    // A person object names its person in `userId` (a comment's author, who resolved a thread, who decided).
    const isSubject = source.userId === this.subject.userId;
    const result: Record<string, unknown> = {};
    for (const [field, fieldValue] of Object.entries(source)) {
      if (isSubject && typeof fieldValue === 'string' && PERSON_NAME_FIELDS.includes(field)) {
        result[field] = ERASED_NAME;
      } else if (isSubject && typeof fieldValue === 'string' && PERSON_CONTACT_FIELDS.includes(field)) {
        result[field] = ERASED_EMAIL;
      } else {
        result[field] = this.erase(fieldValue, text);
      }
    }
    return result;
  }

  private stringMentions(value: string, text: TextKind): boolean {
    if (this.holdsId(value)) return true;
    const embedded = parseEmbeddedJson(value);
    if (embedded !== undefined) return this.mentions(embedded, text);
    if (this.email && matches(this.email, value)) return true;
    if (this.isNameValue(value)) return text === 'people';
    return text === 'people' && this.names !== null && matches(this.names, value);
  }

  private eraseString(value: string, text: TextKind): string {
    if (value === this.subject.userId) return this.subject.pseudonym;
    // A JSON document kept as text (a notification's payload) is erased field by field, then written back.
    const embedded = parseEmbeddedJson(value);
    if (embedded !== undefined) {
      return this.mentions(embedded, text) ? JSON.stringify(this.erase(embedded, text)) : value;
    }
    let erased = this.holdsId(value) ? value.split(this.subject.userId).join(this.subject.pseudonym) : value;
    if (this.email) erased = erased.replace(this.email, ERASED_EMAIL);
    if (text === 'people') {
      if (this.isNameValue(erased)) return ERASED_NAME;
      if (this.names) erased = erased.replace(this.names, ERASED_NAME);
    }
    return erased;
  }

  private holdsId(value: string): boolean {
    const { userId } = this.subject;
    return value === userId || (userId.length >= MIN_ID_CHARS_IN_TEXT && value.includes(userId));
  }

  private isNameValue(value: string): boolean {
    const trimmed = value.trim().toLocaleLowerCase();
    return trimmed.length > 0 && this.subject.names.some((name) => name.trim().toLocaleLowerCase() === trimmed);
  }
}

/** The value of a string that holds a JSON object or array, or undefined for any other string. */
function parseEmbeddedJson(value: string): unknown {
  const trimmed = value.trim();
  const looksLikeJson =
    (trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'));
  if (!looksLikeJson) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function matches(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(value);
}
