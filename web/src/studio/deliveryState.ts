import type { Package } from '../api/production';
import type { ChapterSummary, ProjectFacts } from '../api/types';

export interface DeliveryState {
  state: 'done' | 'attention' | 'todo';
  /** What to look at on the delivery page, with how many chapters it concerns (0 when it is not about chapters). */
  attention?: { key: 'packagesStale' | 'packagesNotReady'; count: number };
}

/**
 * The delivery step from what was built: packages made from the book as it is now are done; packages made before a
 * chapter was edited or added need attention, as do packages none of which passes its retailer's rules; no package at
 * all is still to do. Until the package list is read, the project's counts stand in for it (a package that passes is
 * done; every chapter produced and none that passes needs attention).
 */
export function deliveryState(
  facts: ProjectFacts | undefined,
  packages: Package[] | undefined,
  chapters: ChapterSummary[] | undefined,
): DeliveryState {
  const mastered = facts?.chaptersMastered ?? 0;
  const chapterCount = facts?.chapterCount ?? 0;
  if (!packages) {
    if ((facts?.packagesReady ?? 0) > 0) return { state: 'done' };
    return { state: chapterCount > 0 && mastered >= chapterCount ? 'attention' : 'todo' };
  }
  if (packages.length === 0) return { state: 'todo' };
  const builtAt = Math.max(...packages.map((pkg) => Date.parse(pkg.createdAt)));
  const changed = (chapters ?? []).filter((chapter) => !chapter.deleted && Date.parse(chapter.updatedAt) > builtAt);
  if (changed.length > 0) return { state: 'attention', attention: { key: 'packagesStale', count: changed.length } };
  if (!newestPerPlatform(packages).some((pkg) => pkg.readiness.passed))
    return { state: 'attention', attention: { key: 'packagesNotReady', count: 0 } };
  return { state: 'done' };
}

/** The package each retailer would be sent: the list is newest first, so the first of each platform. */
function newestPerPlatform(packages: Package[]): Package[] {
  const seen = new Set<Package['platform']>();
  return packages.filter((pkg) => !seen.has(pkg.platform) && seen.add(pkg.platform));
}
