/**
 * The master every encode of a package reads. A chapter or credits file given with its encodings may have a local copy
 * of one of them standing in for its master (`masterFile`, `credits.openingFile`): those are stream-copied or retagged
 * as they are, but never decoded to be encoded again, which would put a second lossy generation in the deliverable.
 * Whatever is encoded (a cut, a file in a format it has no encoding in, an M4B not joined from AAC) reads the real
 * master, through the caller's `masterOf` / `creditsMasterOf` where it gives them.
 */
import type { PackageRequest } from '../../core/packaging';
import type { SourceFiles } from './sourceFiles';

export type CreditsPart = 'opening' | 'closing';

/** Whose master: a chapter (its index in `request.chapters`) or one of the credits. */
export type MasterRef = { chapterIndex: number } | { credits: CreditsPart };

export interface MasterLookup {
  /** A chapter's master on local disk; absent → the request's `masterFile` is the master. */
  masterOf?: (chapterIndex: number) => Promise<string>;
  /** A credits file's master on local disk; absent → the request's credits file is the master. */
  creditsMasterOf?: (part: CreditsPart) => Promise<string>;
}

export class MasterSources {
  /** Each master is asked for once per build, however many files are made from it. */
  private readonly files = new Map<string, Promise<string>>();

  constructor(
    private readonly request: PackageRequest,
    private readonly lookup: MasterLookup,
    private readonly sources: SourceFiles,
  ) {}

  /** The master's local file, fetched by the caller on first use where it fetches lazily. */
  file(ref: MasterRef): Promise<string> {
    const id = 'credits' in ref ? ref.credits : String(ref.chapterIndex);
    let file = this.files.get(id);
    if (!file) {
      file = this.lookUp(ref);
      this.files.set(id, file);
    }
    return file;
  }

  private async lookUp(ref: MasterRef): Promise<string> {
    if ('credits' in ref) {
      const given = this.request.credits?.[`${ref.credits}File`];
      const file = this.lookup.creditsMasterOf ? await this.lookup.creditsMasterOf(ref.credits) : given;
      if (!file) throw new Error(`the package has no ${ref.credits} credits`);
      return file;
    }
    const chapter = this.request.chapters[ref.chapterIndex];
    const file = this.lookup.masterOf ? await this.lookup.masterOf(ref.chapterIndex) : chapter.masterFile;
    if (chapter.masterSha256) this.sources.know(file, chapter.masterSha256);
    return file;
  }

  /** The master's sha256: a chapter's known hash is taken without fetching its master. */
  async sha256(ref: MasterRef): Promise<string> {
    if ('chapterIndex' in ref) {
      const known = this.request.chapters[ref.chapterIndex].masterSha256;
      if (known) return known;
    }
    return this.sources.sha256(await this.file(ref));
  }
}
