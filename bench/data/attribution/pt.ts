/**
 * Portuguese excerpts written for this benchmark in the manner of 19th-century novels (the typewriter "--" of
 * Machado's editions with the attribution after a comma, the em dash with incisos, guillemets). `⟦id⟧` before a
 * turn names its true speaker.
 */
import type { AttributionExcerpt } from '../../attribution/dataset';

export const PT_EXCERPTS: AttributionExcerpt[] = [
  {
    id: 'pt-capitu-quintal',
    language: 'pt',
    convention: 'double hyphen, attribution after a comma',
    characters: [
      { id: 'capitu', name: 'Capitu', gender: 'female' },
      { id: 'bentinho', name: 'Bentinho', gender: 'male' },
    ],
    text: `Era de tarde, e o quintal cheirava a terra molhada.

⟦capitu⟧-- Vem cá, disse Capitu.

⟦bentinho⟧-- Não posso, respondeu Bentinho; ⟦bentinho⟧minha mãe está chamando.

⟦capitu⟧-- Ela não chamou ninguém.

⟦bentinho⟧-- Chamou, sim; eu ouvi.

⟦capitu⟧-- Você ouve o que quer, tornou ela rindo.

Bentinho ficou parado junto ao muro, sem saber o que fazer das mãos.

⟦capitu⟧-- Tem medo de mim?

⟦bentinho⟧-- Medo? Por que havia de ter medo?

⟦capitu⟧-- Não sei; pergunto.

⟦bentinho⟧-- Não tenho medo de ninguém, disse ele.

⟦capitu⟧-- Então venha ver o que escrevi no muro.

⟦bentinho⟧-- Que foi que escreveu?

⟦capitu⟧-- Venha ver, insistiu Capitu.

Ele foi. No reboco, a ponta do prego tinha riscado dois nomes.

⟦bentinho⟧-- Capitu! exclamou Bentinho.

⟦capitu⟧-- Não diga nada, murmurou ela. ⟦capitu⟧Apague, se quiser.
`,
  },
  {
    id: 'pt-jose-dias',
    language: 'pt',
    convention: 'double hyphen with incisos',
    characters: [
      { id: 'jose-dias', name: 'José Dias', aliases: ['o agregado'], gender: 'male' },
      { id: 'dona-gloria', name: 'Dona Glória', aliases: ['Glória'], gender: 'female' },
      { id: 'tio-cosme', name: 'Tio Cosme', aliases: ['Cosme'], gender: 'male' },
    ],
    text: `Na sala, depois do jantar, José Dias pediu licença para falar.

⟦jose-dias⟧-- Dona Glória, a senhora persiste na ideia do seminário?

⟦dona-gloria⟧-- Persisto -- disse Dona Glória. ⟦dona-gloria⟧-- É promessa, e promessa não se discute.

⟦jose-dias⟧-- Não discuto; lembro apenas que o menino é muito moço.

⟦tio-cosme⟧-- Moço é bom para o seminário, acudiu Tio Cosme, bocejando.

⟦jose-dias⟧-- Sem dúvida, sem dúvida, apressou-se o agregado.

⟦dona-gloria⟧-- Então por que toca no assunto?

⟦jose-dias⟧-- Porque há certas amizades... -- José Dias baixou a voz. ⟦jose-dias⟧-- Certas amizades na vizinhança.

⟦dona-gloria⟧-- Que amizades?

⟦jose-dias⟧-- A filha do Pádua, minha senhora.

Tio Cosme largou o cachimbo e olhou para a irmã.

⟦tio-cosme⟧-- Ora, são crianças, disse ele.

⟦jose-dias⟧-- Crianças crescem, Tio Cosme.

⟦dona-gloria⟧-- Basta, disse Dona Glória levantando-se. ⟦dona-gloria⟧Falaremos disto amanhã.
`,
  },
  {
    id: 'pt-travessao-baile',
    language: 'pt',
    convention: 'em dash with incisos',
    characters: [
      { id: 'aurelia', name: 'Aurélia', gender: 'female' },
      { id: 'seixas', name: 'Seixas', aliases: ['Fernando Seixas', 'Fernando'], gender: 'male' },
      { id: 'dona-firmina', name: 'Dona Firmina', aliases: ['Firmina'], gender: 'female' },
    ],
    text: `A orquestra terminava a quadrilha quando Seixas se aproximou.

⟦seixas⟧— Dá-me a honra da valsa? — perguntou Seixas, inclinando-se.

⟦aurelia⟧— Já estou comprometida — respondeu Aurélia friamente.

⟦seixas⟧— Com quem, se não é indiscrição?

⟦aurelia⟧— Com o meu cansaço.

Dona Firmina, sentada ao lado, abanou-se com mais força.

⟦dona-firmina⟧— Aurélia, minha filha — disse Dona Firmina —, ⟦dona-firmina⟧o senhor Seixas é nosso amigo.

⟦aurelia⟧— Por isso mesmo não o quero enganar — tornou a moça. ⟦aurelia⟧— Estou cansada, e dançaria mal.

⟦seixas⟧— Dançaria melhor que todas — disse ele.

⟦aurelia⟧— O senhor é muito amável.

⟦seixas⟧— Sou apenas justo.

⟦aurelia⟧— A justiça é virtude rara nos salões — replicou Aurélia.

⟦seixas⟧— E a crueldade, virtude comum?

Aurélia sorriu pela primeira vez naquela noite.

⟦aurelia⟧— Vá dançar com a Adelaide, Fernando — disse ela. ⟦aurelia⟧— Ela está olhando para cá há dez minutos.
`,
  },
  {
    id: 'pt-botica-aldeia',
    language: 'pt',
    convention: 'double hyphen, untagged exchange',
    characters: [
      { id: 'boticario-pt', name: 'o boticário Teles', aliases: ['Teles', 'o boticário'], gender: 'male' },
      { id: 'vigario', name: 'o vigário', aliases: ['padre Lopes', 'Lopes'], gender: 'male' },
    ],
    text: `Na botica do Teles, à noite, discutia-se a política do Império.

⟦boticario-pt⟧-- O ministério cai antes do Natal, disse o boticário.

⟦vigario⟧-- Cai nada, respondeu o vigário.

⟦boticario-pt⟧-- Aposto.

⟦vigario⟧-- Padre não aposta.

⟦boticario-pt⟧-- Então reze.

⟦vigario⟧-- Rezo pelo ministério e pela sua alma, Teles.

⟦boticario-pt⟧-- A minha alma vai bem, obrigado.

⟦vigario⟧-- É o que todos dizem até o último dia.

O boticário fechou a gaveta do dinheiro com estrondo.

⟦boticario-pt⟧-- Padre Lopes, o senhor veio comprar alguma coisa ou veio pregar?

⟦vigario⟧-- Vim buscar o xarope da minha mãe.

⟦boticario-pt⟧-- Está pronto desde ontem.

⟦vigario⟧-- Pois então dê cá, e guarde o sermão para outro dia.
`,
  },
  {
    id: 'pt-aspas-carta',
    language: 'pt',
    convention: 'guillemets',
    characters: [
      { id: 'sofia', name: 'Sofia', gender: 'female' },
      { id: 'rubiao', name: 'Rubião', gender: 'male' },
    ],
    text: `Rubião entregou a carta com a mão trêmula.

⟦sofia⟧«Que é isto?», perguntou Sofia.

⟦rubiao⟧«Leia, e saberá», disse Rubião.

⟦sofia⟧«Não leio cartas que não me são dirigidas.»

⟦rubiao⟧«Esta é dirigida à senhora.»

⟦sofia⟧«Não tem nome.»

⟦rubiao⟧«Não tem nome porque não era preciso», respondeu ele.

Sofia olhou-o longamente, e depois rasgou o envelope sem abri-lo.

⟦rubiao⟧«Por que fez isso?», exclamou Rubião.

⟦sofia⟧«Para que o senhor não tenha de se arrepender amanhã», disse Sofia, ⟦sofia⟧«nem eu hoje.»

⟦rubiao⟧«A senhora é cruel.»

⟦sofia⟧«Sou prudente, que é coisa diferente.»
`,
  },
  {
    id: 'pt-estalagem',
    language: 'pt',
    convention: 'em dash, several speakers',
    characters: [
      { id: 'estalajadeiro', name: 'Joaquim', aliases: ['o estalajadeiro'], gender: 'male' },
      { id: 'viajante', name: 'o doutor Carvalho', aliases: ['Carvalho', 'o doutor'], gender: 'male' },
      { id: 'maria', name: 'Maria', aliases: ['a criada'], gender: 'female' },
    ],
    text: `Chovia a cântaros quando o doutor Carvalho bateu à porta da estalagem.

⟦estalajadeiro⟧— Quem é? — gritou Joaquim lá de dentro.

⟦viajante⟧— Um viajante molhado até aos ossos.

⟦estalajadeiro⟧— Molhados há muitos. Tem dinheiro?

⟦viajante⟧— Tenho o bastante para uma cama e uma sopa — respondeu Carvalho.

A porta abriu-se, e o estalajadeiro examinou-o da cabeça aos pés.

⟦estalajadeiro⟧— Maria! — chamou ele. ⟦estalajadeiro⟧— Põe mais um prato.

⟦maria⟧— Não há mais sopa, patrão — disse a criada.

⟦estalajadeiro⟧— Pois faz mais.

⟦maria⟧— Com quê?

⟦estalajadeiro⟧— Com água, que chove bastante.

⟦viajante⟧— Não se incomode, menina — disse o doutor, sorrindo. ⟦viajante⟧— Pão e queijo chegam.

⟦maria⟧— Queijo também não há — respondeu Maria.

⟦viajante⟧— Então pão.

⟦maria⟧— Pão há. Duro, mas há.
`,
  },
  {
    id: 'pt-irmas',
    language: 'pt',
    convention: 'double hyphen, pronouns',
    characters: [
      { id: 'lulu', name: 'Lulu', aliases: ['Luísa'], gender: 'female' },
      { id: 'carlota', name: 'Carlota', gender: 'female' },
      { id: 'major', name: 'o major Vieira', aliases: ['o major', 'Vieira'], gender: 'male' },
    ],
    text: `As duas irmãs bordavam à janela, esperando o pai.

⟦carlota⟧-- Lá vem o major, disse Carlota.

⟦lulu⟧-- Sozinho?

⟦carlota⟧-- Com o filho do Dr. Brás.

⟦lulu⟧-- Então eu subo, disse Lulu, largando o bastidor.

⟦carlota⟧-- Sobe por quê?

⟦lulu⟧-- Porque não gosto dele.

⟦carlota⟧-- Mentira, retrucou a irmã. ⟦carlota⟧Gostas demais.

Lulu corou e não respondeu. O major entrou, tirando o chapéu.

⟦major⟧-- Boas tardes, meninas. Trago visita.

⟦carlota⟧-- Já vimos, papai, disse Carlota.

⟦major⟧-- E a Luísa, aonde vai com tanta pressa?

⟦lulu⟧-- Buscar o café, papai, respondeu ela do corredor.

⟦major⟧-- Café às quatro da tarde? perguntou o major Vieira, espantado.

⟦carlota⟧-- Ela hoje inventou de ser prendada, explicou Carlota.
`,
  },
  {
    id: 'pt-viuva',
    language: 'pt',
    convention: 'em dash, attribution before speech',
    characters: [
      { id: 'dona-carmo', name: 'Dona Carmo', aliases: ['Carmo'], gender: 'female' },
      { id: 'aguiar', name: 'Aguiar', gender: 'male' },
      { id: 'fidelia', name: 'Fidélia', gender: 'female' },
    ],
    text: `Fidélia chegou ao fim da tarde, vestida de preto como sempre.

⟦dona-carmo⟧— Entre, minha filha — disse Dona Carmo, abrindo-lhe os braços.

⟦fidelia⟧— Não venho incomodar?

⟦dona-carmo⟧— Incomodar! Você é a alegria desta casa.

⟦aguiar⟧— E a minha também — acrescentou Aguiar.

Fidélia sentou-se no canapé e tirou as luvas devagar.

⟦fidelia⟧— Recebi carta de Lisboa — disse ela.

⟦aguiar⟧— Do pai?

⟦fidelia⟧— Do pai. Quer que eu vá para lá.

⟦dona-carmo⟧— Para sempre? — perguntou Dona Carmo, assustada.

⟦fidelia⟧— Não disse. Mas eu não vou.

⟦aguiar⟧— Faz bem — tornou Aguiar. ⟦aguiar⟧— O Rio também é terra sua.

⟦fidelia⟧— O Rio é onde estão os meus mortos — respondeu Fidélia.

⟦dona-carmo⟧— E os seus vivos, que somos nós.
`,
  },
  {
    id: 'pt-travessa-narrador',
    language: 'pt',
    convention: 'double hyphen glued to the punctuation, attribution without dashes, first-person narrator',
    narrator: { name: 'Narrador', gender: 'male' },
    characters: [
      { id: 'lucia', name: 'Lucia', aliases: ['a Lucia'], gender: 'female' },
      { id: 'tio-anselmo', name: 'Tio Anselmo', aliases: ['o tio', 'meu tio'], gender: 'male' },
    ],
    text: `Achei a Lucia á janella, com os olhos na rua e o bordado esquecido no regaço.

⟦narrator⟧--Esperava alguem? perguntei eu.--⟦lucia⟧Ninguem, respondeu ella sem se voltar. ⟦lucia⟧Espero que a chuva passe.

⟦narrator⟧--A chuva não passa antes da noite.

⟦lucia⟧--Então esperarei a noite.

Sentei-me ao pé della; ella continuou a olhar para a rua.

⟦lucia⟧--Você hoje está calado, disse ella emfim; ⟦lucia⟧aconteceu alguma cousa?

⟦narrator⟧--Nada, respondi; ⟦narrator⟧estive com meu tio.

⟦lucia⟧--E elle disse o que?

⟦narrator⟧--Disse o que sempre diz.

Nisto abriu-se a porta e entrou o Tio Anselmo, sacudindo o guarda-chuva.

⟦tio-anselmo⟧--Cá estão os dous! exclamou. ⟦tio-anselmo⟧Logo vi que não estavas em casa.

⟦lucia⟧--Chegou tarde, tio.

⟦tio-anselmo⟧--Cheguei quando pude, menina, retorquiu elle, ⟦tio-anselmo⟧que a rua está um rio.
`,
  },
  {
    id: 'pt-teatro-botica',
    language: 'pt',
    convention: 'teatro: nome da personagem em maiúsculas com ponto, rubricas entre parênteses',
    characters: [
      { id: 'boticario', name: 'O Boticário', gender: 'male' },
      { id: 'dona-rita', name: 'Dona Rita', gender: 'female' },
      { id: 'caixeiro', name: 'O Caixeiro', gender: 'male' },
    ],
    text: `(Uma botica de vila. O BOTICÁRIO ao balcão.)

DONA RITA. ⟦dona-rita⟧Bons dias, senhor boticário. Venho buscar o xarope do meu marido.

O BOTICÁRIO. ⟦boticario⟧Está pronto desde ontem, minha senhora. Caixeiro, o xarope da senhora Dona Rita!

O CAIXEIRO. ⟦caixeiro⟧Já vai, patrão, já vai.

DONA RITA: ⟦dona-rita⟧E diga-me, é verdade que o padre vai para Lisboa?

O BOTICÁRIO. ⟦boticario⟧Assim dizem, mas eu não acredito em metade do que se diz nesta vila.
`,
  },
];
