/**
 * The JSON text of a stored document's view, built once per stored version and reused by the listings that return
 * it again. A listing's page is the same few dozen documents request after request; making each one's view and
 * stringifying it was most of what the API's own code spent on a listing (docs/api-performance.md).
 *
 * A version is named by the document's tenant, id and ETag: Cosmos gives every write a new ETag, so a remembered text
 * can only be served for exactly the document it was built from, and a change shows on the next listing. The
 * documents themselves are still read from the store on every request (the query decides who sees what); only the
 * rendering of what was read is reused. A document without an ETag (not read from the store) is rendered each time.
 * A text is kept for a few minutes at most, so what an erased person's old documents said leaves memory soon after
 * (docs/privacy.md, "Retention").
 */
import type { Page, StoredDocument } from '../../core/ports/documents';

/** Views remembered at once (a project's is about 1.3 KB); the oldest is forgotten first. */
const MAX_SERIALIZED_VIEWS = 2000;
/** Longest a rendered view is kept, from when it was rendered. */
export const SERIALIZED_VIEW_TTL_MS = 5 * 60_000;

export class SerializedViews<R extends StoredDocument> {
  readonly #texts = new Map<string, { text: string; renderedAtMs: number }>();

  constructor(
    private readonly view: (record: R) => unknown,
    private readonly maxEntries = MAX_SERIALIZED_VIEWS,
  ) {}

  /** `JSON.stringify(view(record))`, from memory when this version of the document was rendered lately. */
  of(record: R, nowMs = Date.now()): string {
    if (!record.etag) return JSON.stringify(this.view(record));
    const key = `${record.tenantId}\n${record.id}\n${record.etag}`;
    const kept = this.#texts.get(key);
    if (kept && nowMs - kept.renderedAtMs < SERIALIZED_VIEW_TTL_MS) return kept.text;
    const text = JSON.stringify(this.view(record));
    this.#texts.delete(key);
    this.#texts.set(key, { text, renderedAtMs: nowMs });
    if (this.#texts.size > this.maxEntries) this.#texts.delete(this.#texts.keys().next().value!);
    return text;
  }

  /** The JSON of `{ items: page.items.map(view), continuationToken }`, character for character. */
  page(page: Page<R>, nowMs = Date.now()): string {
    const items = page.items.map((record) => this.of(record, nowMs)).join(',');
    return `{"items":[${items}],"continuationToken":${JSON.stringify(page.continuationToken)}}`;
  }

  get size(): number {
    return this.#texts.size;
  }
}
