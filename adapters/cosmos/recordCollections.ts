/**
 * One collection per record type of the per-project containers, each bound to its container and its `type`
 * discriminator (core/ports/typedCollection.ts): the table of which record lives where. The composition root builds
 * it once and hands each service the collections of the records it owns.
 */
import type { Database } from '@azure/cosmos';
import type { ChapterRecord, CharacterRecord, ManuscriptRecord, SegmentRecord } from '../../core/book/records';
import type { JobRecord } from '../../core/jobs/job';
import type { LexiconKeyRecord } from '../../core/lexicon/lexiconKeys';
import type { LexiconRosterRecord } from '../../core/lexicon/lexiconRoster';
import type { LexiconEntryRecord, LexiconStateRecord } from '../../core/lexicon/lexiconService';
import type { PausePolicyRecord } from '../../core/planning/pausePolicy';
import type { PackageRecord } from '../../core/production/packageRecord';
import type { ChapterApprovalRecord, ReviewThreadRecord } from '../../core/review/review';
import { typedCollection, type TypedCollection, type TypedRecord } from '../../core/ports/typedCollection';
import { containerDefinitions } from './containers';
import { CosmosProjectCollection } from './cosmosCollections';

export interface RecordCollections {
  /** The `chapters` container: manuscript uploads beside the chapters cut from them. */
  manuscripts: TypedCollection<ManuscriptRecord>;
  chapters: TypedCollection<ChapterRecord>;
  characters: TypedCollection<CharacterRecord>;
  segments: TypedCollection<SegmentRecord>;
  /** The `lexicon` container: entries, the lexicon's version, key claims and the pause policy. */
  lexiconEntries: TypedCollection<LexiconEntryRecord>;
  lexiconState: TypedCollection<LexiconStateRecord>;
  lexiconKeys: TypedCollection<LexiconKeyRecord>;
  lexiconRosters: TypedCollection<LexiconRosterRecord>;
  pausePolicies: TypedCollection<PausePolicyRecord>;
  /** The `reviews` container: comment threads beside chapter decisions. */
  reviewThreads: TypedCollection<ReviewThreadRecord>;
  chapterApprovals: TypedCollection<ChapterApprovalRecord>;
  packages: TypedCollection<PackageRecord>;
  /** The `jobs` container: jobs beside the project's job lock (read here by the plan consistency check). */
  jobs: TypedCollection<JobRecord>;
}

type ProjectContainer = 'chapters' | 'characters' | 'segments' | 'lexicon' | 'reviews' | 'packages' | 'jobs';

export function buildRecordCollections(database: Database): RecordCollections {
  const stores = new Map<ProjectContainer, CosmosProjectCollection<TypedRecord>>();
  const store = (name: ProjectContainer) => {
    let found = stores.get(name);
    if (!found) {
      found = new CosmosProjectCollection<TypedRecord>(database.container(containerDefinitions[name].id));
      stores.set(name, found);
    }
    return found;
  };
  const bind = <T extends TypedRecord>(name: ProjectContainer, type: T['type']) =>
    typedCollection<T>(store(name), type);
  return {
    manuscripts: bind<ManuscriptRecord>('chapters', 'manuscript'),
    chapters: bind<ChapterRecord>('chapters', 'chapter'),
    characters: bind<CharacterRecord>('characters', 'character'),
    segments: bind<SegmentRecord>('segments', 'segment'),
    lexiconEntries: bind<LexiconEntryRecord>('lexicon', 'lexiconEntry'),
    lexiconState: bind<LexiconStateRecord>('lexicon', 'lexiconState'),
    lexiconKeys: bind<LexiconKeyRecord>('lexicon', 'lexiconKey'),
    lexiconRosters: bind<LexiconRosterRecord>('lexicon', 'lexiconRoster'),
    pausePolicies: bind<PausePolicyRecord>('lexicon', 'pausePolicy'),
    reviewThreads: bind<ReviewThreadRecord>('reviews', 'reviewThread'),
    chapterApprovals: bind<ChapterApprovalRecord>('reviews', 'chapterApproval'),
    packages: bind<PackageRecord>('packages', 'package'),
    jobs: bind<JobRecord>('jobs', 'job'),
  };
}
