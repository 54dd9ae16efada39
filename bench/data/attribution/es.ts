/**
 * Spanish excerpts written for this benchmark in the manner of 19th-century novels (raya with incisos, guillemets,
 * comillas). `⟦id⟧` before a turn names its true speaker; after an inciso it sits where the speech resumes.
 */
import type { AttributionExcerpt } from '../../attribution/dataset';

export const ES_EXCERPTS: AttributionExcerpt[] = [
  {
    id: 'es-rosa-llegada',
    language: 'es',
    convention: 'raya',
    characters: [
      { id: 'rosa', name: 'Rosa', gender: 'female' },
      { id: 'julian', name: 'Don Julián', aliases: ['Julián'], gender: 'male' },
      { id: 'tia-engracia', name: 'Tía Engracia', aliases: ['Engracia', 'la tía'], gender: 'female' },
    ],
    text: `La diligencia llegó a Villaverde cuando ya anochecía.

⟦rosa⟧—¿Llegaste bien? —preguntó Rosa, saliendo al portal con el candil.

⟦julian⟧—Molido, hija —dijo Don Julián—. ⟦julian⟧Seis horas de camino y ni una venta abierta.

⟦rosa⟧—Pase, pase usted. La tía tiene la cena puesta.

⟦julian⟧—¿Y tu tía está de buen humor?

⟦rosa⟧—Como siempre.

⟦julian⟧—Entonces está de malo.

Rosa se echó a reír y le tomó el sombrero.

⟦tia-engracia⟧—¿Quién anda ahí? —gritó Tía Engracia desde la cocina.

⟦julian⟧—Un pobre viajero, señora —respondió Don Julián—, ⟦julian⟧que se muere de hambre.

⟦tia-engracia⟧—Pues que se muera fuera, que aquí no se fía.

⟦julian⟧—Engracia, por Dios, que soy yo.

La tía apareció en la puerta secándose las manos en el delantal.

⟦tia-engracia⟧—¡Julián! —exclamó—. ⟦tia-engracia⟧¡Y yo que te hacía en Madrid!

⟦julian⟧—En Madrid estaba, y de Madrid vengo —dijo él—. ⟦julian⟧Traigo noticias.

⟦tia-engracia⟧—Buenas o malas?

⟦julian⟧—Eso depende de quién las oiga.
`,
  },
  {
    id: 'es-botica',
    language: 'es',
    convention: 'raya, turnos sin inciso',
    characters: [
      { id: 'boticario', name: 'Don Cosme', aliases: ['el boticario', 'Cosme'], gender: 'male' },
      { id: 'cura', name: 'Don Anselmo', aliases: ['el cura', 'Anselmo'], gender: 'male' },
      { id: 'pepa', name: 'Pepa', gender: 'female' },
    ],
    text: `En la rebotica se reunían todas las tardes el cura y el boticario.

⟦cura⟧—Mala cosa es esa de los ferrocarriles —dijo Don Anselmo, moviendo una pieza del ajedrez.

⟦boticario⟧—¿Mala? Es el progreso, don Anselmo.

⟦cura⟧—El progreso es que la gente se vaya antes y vuelva peor.

⟦boticario⟧—Jaque —dijo Don Cosme.

⟦cura⟧—No es jaque, que tengo el alfil.

⟦boticario⟧—El alfil se lo comí hace tres jugadas.

El cura se caló los anteojos y miró el tablero con desconfianza.

⟦cura⟧—Usted hace trampas, Cosme.

⟦boticario⟧—Y usted pierde con muy mala gracia.

En esto entró Pepa, la criada, con el chocolate.

⟦pepa⟧—Que dice la señora que si van a estar hasta las tantas —anunció Pepa.

⟦boticario⟧—Dile a la señora que el señor cura está perdiendo y no quiere irse.

⟦cura⟧—Dile que el boticario miente —replicó Don Anselmo.

⟦pepa⟧—Yo no digo nada, que luego me riñen los dos.

⟦boticario⟧—Discreta muchacha —murmuró el boticario.
`,
  },
  {
    id: 'es-carta',
    language: 'es',
    convention: 'raya, incisos largos',
    characters: [
      { id: 'mercedes', name: 'Mercedes', gender: 'female' },
      { id: 'luis', name: 'Luis', gender: 'male' },
    ],
    text: `Mercedes tenía la carta en la mano y no se atrevía a abrirla.

⟦luis⟧—Léela de una vez —dijo Luis, que la miraba desde la ventana.

⟦mercedes⟧—No puedo.

⟦luis⟧—¿Por qué no?

⟦mercedes⟧—Porque es de mi padre —contestó ella en voz baja—, ⟦mercedes⟧y mi padre no escribe nunca sino para dar malas noticias.

⟦luis⟧—Quizá esta vez sea distinto.

⟦mercedes⟧—Tú no le conoces.

Luis se acercó y le quitó la carta de las manos.

⟦luis⟧—Entonces la leeré yo —dijo.

⟦mercedes⟧—¡Luis! —exclamó Mercedes—. ⟦mercedes⟧Devuélvemela.

⟦luis⟧—Aquí la tienes —respondió él, sonriendo—. ⟦luis⟧Ya veo que prefieres sufrir sola.

⟦mercedes⟧—Prefiero sufrir a mi manera.

Rompió el sobre, leyó unas líneas y palideció.

⟦luis⟧—¿Qué ocurre?

⟦mercedes⟧—Que viene —murmuró ella—. ⟦mercedes⟧Que viene el jueves.

⟦luis⟧—¿Tu padre?

⟦mercedes⟧—Mi padre, y con él su abogado.
`,
  },
  {
    id: 'es-tertulia',
    language: 'es',
    convention: 'raya, varios interlocutores',
    characters: [
      { id: 'marquesa', name: 'la Marquesa de Albar', aliases: ['la Marquesa', 'Marquesa'], gender: 'female' },
      { id: 'ramiro', name: 'Ramiro', gender: 'male' },
      { id: 'inesita', name: 'Inesita', gender: 'female' },
      { id: 'general', name: 'el general Ortega', aliases: ['el general', 'Ortega'], gender: 'male' },
    ],
    text: `Aquella noche la tertulia de la Marquesa estaba más animada que de costumbre.

⟦marquesa⟧—Cuéntenos usted lo del duelo, Ramiro —pidió la Marquesa.

⟦ramiro⟧—No hubo duelo, señora. Hubo un malentendido y dos padrinos con prisa.

⟦general⟧—En mis tiempos —dijo el general Ortega— ⟦general⟧los malentendidos se arreglaban al amanecer.

⟦ramiro⟧—En sus tiempos, mi general, se madrugaba más.

Inesita soltó una carcajada que su madre reprendió con la mirada.

⟦inesita⟧—Perdone usted, general —dijo Inesita—. ⟦inesita⟧Es que Ramiro tiene mucha gracia.

⟦general⟧—Demasiada —gruñó Ortega.

⟦marquesa⟧—Vamos, vamos, no riñan ustedes en mi casa.

⟦ramiro⟧—Nadie riñe, Marquesa. El general y yo nos queremos mucho.

⟦general⟧—Yo no quiero a nadie que lleve esos chalecos.

⟦inesita⟧—Pues a mí me gustan —dijo Inesita.

⟦marquesa⟧—A ti te gusta todo lo que no debe gustarte, niña.

⟦inesita⟧—Eso no es verdad, mamá.

⟦marquesa⟧—Es la pura verdad —replicó la Marquesa—, ⟦marquesa⟧y el señor general me dará la razón.
`,
  },
  {
    id: 'es-camino',
    language: 'es',
    convention: 'comillas latinas',
    characters: [
      { id: 'tomas', name: 'Tomás', gender: 'male' },
      { id: 'arriero', name: 'el tío Blas', aliases: ['Blas', 'el arriero'], gender: 'male' },
    ],
    text: `El arriero caminaba delante, tirando de la mula, y Tomás le seguía como podía.

⟦tomas⟧«¿Falta mucho?», preguntó Tomás al cabo de una hora.

⟦arriero⟧«Lo que falta, falta», dijo el tío Blas sin volverse.

⟦tomas⟧«Eso no es una respuesta.»

⟦arriero⟧«Es la única que tengo.»

Siguieron andando. El sol empezaba a apretar.

⟦tomas⟧«¿Y si nos detuviéramos en aquella fuente?»

⟦arriero⟧«Si nos detenemos, no llegamos», contestó Blas.

⟦tomas⟧«Y si no nos detenemos, me muero.»

⟦arriero⟧«Nadie se ha muerto nunca en este camino», dijo el arriero, ⟦arriero⟧«salvo un cura de Cuenca, y ese ya venía malo.»

Tomás no supo si reír o echarse a llorar.

⟦tomas⟧«Es usted un hombre sin entrañas, tío Blas.»

⟦arriero⟧«Tengo las mismas que usted, pero más duras», respondió el viejo.

⟦tomas⟧«Eso se ve.»

⟦arriero⟧«Ande, ande, que a la vuelta de aquel cerro está la venta.»
`,
  },
  {
    id: 'es-confesion',
    language: 'es',
    convention: 'raya, pronombres',
    characters: [
      { id: 'soledad', name: 'Soledad', gender: 'female' },
      { id: 'padre-fermin', name: 'el padre Fermín', aliases: ['Fermín', 'el padre'], gender: 'male' },
    ],
    text: `La iglesia estaba vacía y olía a cera.

⟦soledad⟧—Padre, he pecado —dijo Soledad arrodillándose.

⟦padre-fermin⟧—Todos pecamos, hija. ¿Qué has hecho?

⟦soledad⟧—He mentido a mi madre.

⟦padre-fermin⟧—¿En qué?

⟦soledad⟧—Le dije que iba a misa de siete —contestó ella—, ⟦soledad⟧y fui al paseo.

⟦padre-fermin⟧—¿Sola?

Soledad tardó en responder.

⟦soledad⟧—No, padre.

⟦padre-fermin⟧—Ya —dijo el padre Fermín, y suspiró—. ⟦padre-fermin⟧¿Y quién era él?

⟦soledad⟧—Eso no se lo puedo decir.

⟦padre-fermin⟧—Al confesor se le dice todo.

⟦soledad⟧—Es que usted le conoce —murmuró ella.

⟦padre-fermin⟧—Con más razón —repuso él—. ⟦padre-fermin⟧Así sabré si debo preocuparme.

⟦soledad⟧—Es su sobrino, padre.

Hubo un silencio muy largo al otro lado de la rejilla.

⟦padre-fermin⟧—Reza tres avemarías —dijo por fin el cura—. ⟦padre-fermin⟧Y dile a ese sinvergüenza que venga a verme.
`,
  },
  {
    id: 'es-mercado',
    language: 'es',
    convention: 'raya, inciso al principio',
    characters: [
      { id: 'dona-paca', name: 'Doña Paca', aliases: ['Paca'], gender: 'female' },
      { id: 'frutero', name: 'Andrés', aliases: ['el frutero'], gender: 'male' },
    ],
    text: `En la plaza del mercado las voces subían como el humo.

⟦dona-paca⟧—¿A cómo están hoy las naranjas? —preguntó Doña Paca.

⟦frutero⟧—A real la docena, doña Paca, y porque es usted.

⟦dona-paca⟧—¡A real! Ni que fueran de oro.

⟦frutero⟧—Son de Valencia, que es casi lo mismo —dijo Andrés.

⟦dona-paca⟧—Pues yo las quiero de aquí, que son más baratas.

⟦frutero⟧—Las de aquí no hay quien se las coma.

⟦dona-paca⟧—Yo me las como.

⟦frutero⟧—Usted se come hasta las piedras, con perdón.

Doña Paca levantó el paraguas como si fuera a pegarle.

⟦dona-paca⟧—¡Deslenguado! —gritó—. ⟦dona-paca⟧Se lo diré a tu madre.

⟦frutero⟧—Mi madre le dirá lo mismo que yo —respondió el frutero, muy tranquilo.

⟦dona-paca⟧—Dame media docena y calla.

⟦frutero⟧—Media docena, medio real.

⟦dona-paca⟧—Un cuartillo, y vas que chutas.
`,
  },
  {
    id: 'es-comillas-tren',
    language: 'es',
    convention: 'comillas inglesas',
    characters: [
      { id: 'alvaro', name: 'Álvaro', gender: 'male' },
      { id: 'elena', name: 'Elena', gender: 'female' },
    ],
    text: `El tren se detuvo en medio de la llanura sin razón aparente.

⟦elena⟧"¿Por qué paramos?", preguntó Elena.

⟦alvaro⟧"Alguna vaca en la vía", dijo Álvaro, sin levantar los ojos del periódico.

⟦elena⟧"Siempre dices lo mismo."

⟦alvaro⟧"Y siempre acierto."

Elena se asomó a la ventanilla. No había ninguna vaca.

⟦elena⟧"No veo ninguna vaca, Álvaro."

⟦alvaro⟧"Estará del otro lado", contestó él.

⟦elena⟧"Eres insoportable."

⟦alvaro⟧"Me casé contigo para que alguien me lo dijera", respondió Álvaro, y pasó la página.

⟦elena⟧"Pues ya tienes quien te lo diga todos los días."
`,
  },
  {
    id: 'es-venta-guion',
    language: 'es',
    convention: 'guion (plain hyphen as the dash), first-person narrator',
    narrator: { name: 'Narrador', gender: 'male' },
    characters: [
      { id: 'ventero', name: 'el ventero', aliases: ['ventero'], gender: 'male' },
      { id: 'moza', name: 'Maritornes', aliases: ['la moza'], gender: 'female' },
      { id: 'arriero', name: 'el arriero', aliases: ['arriero'], gender: 'male' },
    ],
    text: `Llegué a la venta con el caballo cojo y la capa empapada. Llamé dos veces antes de que se abriera el postigo.

⟦ventero⟧-¿Quién va a estas horas? -preguntó el ventero, sacando el candil.

⟦narrator⟧-Un estudiante de Salamanca -dije yo-, ⟦narrator⟧que busca techo y cena.

⟦ventero⟧-Techo hay. Cena, según lo que traiga en la bolsa.

⟦narrator⟧-Traigo poco, pero pago lo que como.

⟦ventero⟧-Ya voy -dijo el ventero-. ⟦ventero⟧Espere usted, que se me ha ido la llave.

Abrió al fin, y me hizo pasar a una cocina llena de humo donde una moza fregaba los cacharros.

⟦ventero⟧-Maritornes, pon otro plato -mandó él.

⟦moza⟧-¿Otro? -respondió la moza sin volverse-. ⟦moza⟧No queda más que el guiso de ayer.

⟦narrator⟧-El guiso de ayer me parece un banquete -contesté.

⟦moza⟧-Eso lo dice porque no lo ha probado.

En el rincón, un arriero se rió por lo bajo.

⟦arriero⟧-Tiene razón la moza, señor estudiante. Yo lo probé y aún me duele el estómago.

⟦narrator⟧-Entonces beberé más vino -repliqué.

⟦arriero⟧-Eso ya es otra cosa.
`,
  },
  {
    id: 'es-parentesis-era',
    language: 'es',
    convention: 'double hyphen with tags in parentheses and tags glued to the line',
    characters: [
      { id: 'molinero', name: 'el molinero', aliases: ['molinero'], gender: 'male' },
      { id: 'alcaldesa', name: 'la alcaldesa', aliases: ['alcaldesa'], gender: 'female' },
      { id: 'sacristan', name: 'el sacristán', aliases: ['sacristán'], gender: 'male' },
      { id: 'mozas', name: 'las mozas', aliases: ['mozas'], gender: 'female' },
    ],
    text: `Aquella tarde se juntaron en la era todos los vecinos, y el sacristán, que sabía leer, traía el papel del
pregón en la mano.

⟦molinero⟧--Pues a ver (preguntó el molinero): ⟦molinero⟧¿qué dice ese papel que tanto nos importa?

⟦sacristan⟧--Dice lo que ya sabíamos--respondió el sacristán, doblándolo con mucho cuidado.

⟦alcaldesa⟧--¡Eso no es respuesta! (exclamó la alcaldesa.) ⟦alcaldesa⟧Léalo usted entero, que para eso lo ha traído.

⟦sacristan⟧--Lo leeré si me dejan (repuso el sacristán), ⟦sacristan⟧pero no me interrumpan a cada palabra.

⟦mozas⟧--¡Que lo lea, que lo lea!--gritaron las mozas desde la cerca.

El sacristán carraspeó dos veces y se caló los anteojos.

⟦molinero⟧--¿Y bien? (insistió el molinero). ⟦molinero⟧Ya estamos callados.

⟦sacristan⟧--Pues dice que este año no se cobra el diezmo del trigo.

⟦alcaldesa⟧--¡Bendito sea Dios!--dijo la alcaldesa, santiguándose.
`,
  },
  {
    id: 'es-teatro-posada',
    language: 'es',
    convention: 'teatro: nombre del personaje en mayúsculas con punto o dos puntos, acotaciones entre paréntesis',
    characters: [
      { id: 'ventera', name: 'La Ventera', gender: 'female' },
      { id: 'arriero', name: 'El Arriero', gender: 'male' },
      { id: 'mozo', name: 'Un Mozo', gender: 'male' },
    ],
    text: `(Cocina de una posada. Noche. LA VENTERA junto al fuego.)

LA VENTERA. ⟦ventera⟧¿Quién llama a estas horas? Ya está cerrada la puerta.

EL ARRIERO. ⟦arriero⟧Un hombre cansado, señora, con tres mulas y ningún techo.

LA VENTERA. ⟦ventera⟧—Tres mulas —dice—, y ningún dinero, me temo.

(Entra UN MOZO con un candil.)

UN MOZO: ⟦mozo⟧Ama, que es el arriero de los lunes, el que paga.

LA VENTERA: ⟦ventera⟧Pues ábrele, y que no se hable más.

EL ARRIERO. ⟦arriero⟧Dios se lo pague. (Entra.) ⟦arriero⟧No sabe usted el frío que hace en el camino.
`,
  },
];
