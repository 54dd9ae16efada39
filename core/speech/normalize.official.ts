/**
 * The vocabulary of laws and official bulletins: the parts of a law Spanish abbreviates ("apdo.", "tít.", "disp.
 * adic."), the signature of a resolution, and the names of the acts a number and its year follow ("Ley 39/2015",
 * "Real Decreto 1065/2007", "Portaria n.º 12/2024").
 */
import type { Abbreviation } from './normalize.rules';

export const SPANISH_OFFICIAL_ABBREVIATIONS: Abbreviation[] = [
  { written: 'apdo.', spoken: 'apartado', when: 'beforeNumber', title: true },
  { written: 'apdos.', spoken: 'apartados', when: 'beforeNumber', title: true },
  { written: 'tít.', spoken: 'título', when: 'beforeNumber', title: true },
  { written: 'títs.', spoken: 'títulos', when: 'beforeNumber', title: true },
  // The kinds of provision a law ends with, then its ordinal ("la disp. adic. 2.ª").
  { written: 'disp. adic.', spoken: 'disposición adicional', title: true },
  { written: 'disp. trans.', spoken: 'disposición transitoria', title: true },
  { written: 'disp. derog.', spoken: 'disposición derogatoria', title: true },
  { written: 'disp. final', spoken: 'disposición final' },
  // Before the signatory's name at the foot of a document ("Fdo.: José A. Martín").
  { written: 'Fdo.', spoken: 'firmado', title: true },
];

/** Acts numbered with their year after a slash ("Ley 39/2015"); a department's code may stand between ("HAC/1234"). */
export const SPANISH_NUMBERED_ACTS: readonly string[] = [
  'ley',
  'leyes',
  'decreto',
  'decreto-ley',
  'orden',
  'resolución',
  'circular',
  'instrucción',
  'reglamento',
  'directiva',
];

export const PORTUGUESE_NUMBERED_ACTS: readonly string[] = [
  'lei',
  'decreto',
  'decreto-lei',
  'portaria',
  'resolução',
  'despacho',
  'provisória',
  'normativa',
  'complementar',
];
