export { parseManuscript } from './parse';
