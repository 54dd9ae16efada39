export * from './character';
export { detectCharactersHeuristic } from './detectHeuristic';
export { attributeSpeakers } from './attributeHeuristic';
