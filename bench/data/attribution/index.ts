/** Every labelled attribution excerpt, by language. */
import type { AttributionExcerpt } from '../../attribution/dataset';
import { EN_EXCERPTS } from './en';
import { ES_EXCERPTS } from './es';
import { PT_EXCERPTS } from './pt';

export const ALL_EXCERPTS: AttributionExcerpt[] = [...EN_EXCERPTS, ...ES_EXCERPTS, ...PT_EXCERPTS];
