/**
 * Someone the narration says has left ("She dropped her veil over her face and glided from the room.", "He shook
 * hands with us and took his leave."): until the narration names them again or they are found speaking, the lines
 * after it are not theirs, though they were the last to speak to the ones who stay.
 */

/** A sentence saying its subject leaves the room or the company. */
const LEAVING =
  /(?<![\p{L}\p{N}])(?:left\s+(?:the|our|my|his|her)\s+(?:room|house|office)|(?:glided|hurried|hastened|rushed|ran|walked|stalked|strode|swept|stepped|slipped|bustled|went)\s+(?:from|out\s+of)\s+(?:the|our|my|his|her)\s+(?:room|house|office)|bustled\s+(?:off|out|away)|hurried\s+(?:off|away)|took\s+(?:his|her)\s+leave|bade\s+us\s+(?:\p{L}+\s+){0,2}good-?(?:bye|night|day|morning|evening|afternoon))(?![\p{L}\p{N}])/iu;

/**
 * The same in Portuguese and Spanish, where the subject is often left out ("…, e saiu pela porta dos fundos", "y
 * salió al rellano para contestar"): only a going out through or from a place of the house, out running, or away for
 * good, so a thing that comes out ("a tampa saiu rolando pelo chão") or a result ("le salió bien") is no departure;
 * and only in the singular, since the sentence's subject is one person ("Cuando se fueron, don Eusebio volvió a
 * quedarse solo": the others left).
 */
const PLACE_LEFT =
  '(?:porta|portão|sala|cozinha|casa|quarto|quintal|varanda|corredor|rua|escritório|loja|puerta|habitación|cuarto|cocina|salón|rellano|pasillo|calle|patio|despacho|tienda)';
const LEAVING_ROMANCE = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    // "saiu pela porta", "saiu rindo pela porta da cozinha", "saiu para o quintal"
    `saiu(?:\\s+\\p{L}+ndo)?\\s+(?:pela|pelo|da|do|para\\s+(?:a|o))\\s+${PLACE_LEFT}` +
    '|saiu\\s+(?:correndo|às\\s+pressas)|(?:foi-se|foi)\\s+embora|retirou-se' +
    // "salió al rellano", "salió corriendo por la puerta", "se fue", "se marchó"
    `|(?<!(?:me|te|le|les|nos|os)\\s)salió(?:\\s+\\p{L}+ndo)?\\s+(?:por\\s+la|de\\s+la|del|al|a\\s+la)\\s+${PLACE_LEFT}` +
    '|salió\\s+corriendo|se\\s+(?:fue|marchó|retiró)(?!\\s+\\p{L}+ndo)' +
    ')(?![\\p{L}\\p{N}])',
  'iu',
);

/** Whether a narrated sentence says that the person it is about leaves. */
export function saysLeaving(sentence: string): boolean {
  return LEAVING.test(sentence) || LEAVING_ROMANCE.test(sentence);
}
