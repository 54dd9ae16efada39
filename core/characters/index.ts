export * from './character';
export { detectCharactersHeuristic } from './detectHeuristic';
export { attributeSpeakers, type AttributableSegment, type SpeakerLabel } from './attributeHeuristic';
