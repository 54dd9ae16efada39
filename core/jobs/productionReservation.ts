/**
 * What a production reserves against the monthly character quota when it starts (core/jobs/productionSlots.ts): the
 * characters of the lines it renders and of the spoken retail credits. Every production prepares the credits before
 * its packages, and renders them when they are not stored for the book's current metadata, so their characters are
 * held like the lines': a production never records more than it reserved on their account.
 */
import { creditsScript } from '../packaging';
import { bookMetadata } from '../production/bookPackaging';
import { segmentCharacters } from '../production/productionJob';
import type { ProjectRecord } from '../projects/project';

/** The opening and closing credits as the speech engine would bill them: each one segment of the narrator's. */
export function creditsCharacters(project: ProjectRecord): number {
  const script = creditsScript(bookMetadata(project));
  return segmentCharacters(script.opening) + segmentCharacters(script.closing);
}

/** A production's reservation: `lineCharacters` (the estimate of the lines it renders, 0 for none) and the credits. */
export function productionReservation(project: ProjectRecord, lineCharacters: number): number {
  return lineCharacters + creditsCharacters(project);
}
