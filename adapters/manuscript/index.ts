export { parseManuscript, type ManuscriptUpload } from './parse';
export { DEFAULT_MANUSCRIPT_LIMITS, type ManuscriptLimits } from './limits';
