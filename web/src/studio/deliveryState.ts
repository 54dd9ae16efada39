import type { Package } from '../api/production';
import type { ChapterSummary, ProjectFacts } from '../api/types';

export interface DeliveryState {
  state: 'done' | 'attention' | 'todo';
  /** What to look at on the delivery page, with how many chapters it concerns (0 when it is not about chapters). */
  attention?: { key: 'packagesStale' | 'packagesNotReady'; count: number };
}

/**
 * The delivery step from what was built: packages made from the book as it is now are done; packages made before a
 * chapter changed (chaptersChangedSincePackages) need attention, as do packages none of which passes its retailer's rules; no package at
 * all is still to do. Until the package list is read, the project's counts stand in for it (a package that passes is
 * done; every chapter with something to say produced and none that passes needs attention).
 */
export function deliveryState(
  facts: ProjectFacts | undefined,
  packages: Package[] | undefined,
  chapters: ChapterSummary[] | undefined,
): DeliveryState {
  const mastered = facts?.chaptersMastered ?? 0;
  const toProduce = chaptersToProduce(facts);
  if (!packages) {
    if ((facts?.packagesReady ?? 0) > 0) return { state: 'done' };
    return { state: toProduce > 0 && mastered >= toProduce ? 'attention' : 'todo' };
  }
  if (packages.length === 0) return { state: 'todo' };
  const changed = chaptersChangedSincePackages(packages, chapters ?? []);
  if (changed.length > 0) return { state: 'attention', attention: { key: 'packagesStale', count: changed.length } };
  if (!newestPerPlatform(packages).some((pkg) => pkg.readiness.passed))
    return { state: 'attention', attention: { key: 'packagesNotReady', count: 0 } };
  return { state: 'done' };
}

/** The chapters a production of the whole book masters: every live one with something to say. */
export function chaptersToProduce(facts: ProjectFacts | undefined): number {
  return Math.max(0, (facts?.chapterCount ?? 0) - (facts?.chaptersWithNothingToSpeak ?? 0));
}

/**
 * Live chapters that are no longer what the retailers would be sent: a chapter whose plan revision moved since its
 * audio in a package was made (a line's speaker or words, the text, a new plan), or that was edited after the newest
 * package was built (a title; and the only sign for packages built before they recorded revisions).
 */
export function chaptersChangedSincePackages(packages: Package[], chapters: ChapterSummary[]): ChapterSummary[] {
  if (packages.length === 0) return [];
  const sent = newestPerPlatform(packages);
  const builtAt = Math.max(...packages.map((pkg) => Date.parse(pkg.createdAt)));
  return chapters.filter(
    (chapter) =>
      !chapter.deleted &&
      (Date.parse(chapter.updatedAt) > builtAt ||
        sent.some((pkg) => {
          const revision = pkg.chapterPlanRevisions[chapter.id];
          return revision !== undefined && revision !== chapter.planRevision;
        })),
  );
}

/** Live chapters whose audio was made from an earlier plan revision than the chapter's own. */
export function chaptersChangedSinceAudio(chapters: ChapterSummary[]): ChapterSummary[] {
  return chapters.filter(
    (chapter) =>
      !chapter.deleted &&
      chapter.hasMaster &&
      typeof chapter.masterPlanRevision === 'number' &&
      chapter.masterPlanRevision !== chapter.planRevision,
  );
}

/** The package each retailer would be sent: the list is newest first, so the first of each platform. */
function newestPerPlatform(packages: Package[]): Package[] {
  const seen = new Set<Package['platform']>();
  return packages.filter((pkg) => !seen.has(pkg.platform) && seen.add(pkg.platform));
}
