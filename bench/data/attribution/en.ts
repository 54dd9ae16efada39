/**
 * English excerpts written for this benchmark in the manner of 19th-century novels (straight double quotes, curly
 * quotes, British single quotes). `⟦id⟧` before a turn names its true speaker.
 */
import type { AttributionExcerpt } from '../../attribution/dataset';

export const EN_EXCERPTS: AttributionExcerpt[] = [
  {
    id: 'en-harwood-breakfast',
    language: 'en',
    convention: 'straight double quotes',
    characters: [
      { id: 'mrs-harwood', name: 'Mrs. Harwood', gender: 'female' },
      { id: 'mr-harwood', name: 'Mr. Harwood', gender: 'male' },
      { id: 'eleanor', name: 'Eleanor', aliases: ['Nell'], gender: 'female' },
    ],
    text: `The breakfast-room at Ashcombe was never quiet when Mrs. Harwood had news.

⟦mrs-harwood⟧"My dear," said Mrs. Harwood, as soon as her husband had unfolded his paper, ⟦mrs-harwood⟧"have you heard that Netherby Lodge is taken at last?"

⟦mr-harwood⟧"I have not," replied Mr. Harwood, without looking up.

⟦mrs-harwood⟧"But it is, for Mrs. Lyle was here yesterday and told me all about it."

Mr. Harwood turned a page.

⟦mrs-harwood⟧"Do you not want to know who has taken it?" cried his wife impatiently.

⟦mr-harwood⟧"You want to tell me, and I have no objection to hearing it."

⟦eleanor⟧"It is a Captain Merrow, papa," said Eleanor, who had been listening from the window. ⟦eleanor⟧"A sailor, and quite rich, they say."

⟦mr-harwood⟧"A sailor who is rich must have been very lucky or very wicked," observed her father.

⟦mrs-harwood⟧"How can you talk so!" exclaimed Mrs. Harwood. ⟦mrs-harwood⟧"He is single, and he will dine here on Thursday."

⟦mr-harwood⟧"Then I shall dine at the club on Thursday."

⟦eleanor⟧"Oh, papa, you will do no such thing," said Eleanor, laughing.

⟦mr-harwood⟧"Nell, you are the only sensible creature in this house," said he. ⟦mr-harwood⟧"Pray do not prove me wrong by falling in love with a sailor."

⟦eleanor⟧"I promise nothing," she replied.
`,
  },
  {
    id: 'en-garden-walk',
    language: 'en',
    convention: 'curly double quotes',
    characters: [
      { id: 'eleanor', name: 'Eleanor', aliases: ['Miss Harwood'], gender: 'female' },
      { id: 'captain-merrow', name: 'Captain Merrow', aliases: ['Merrow'], gender: 'male' },
      { id: 'lucy', name: 'Lucy', gender: 'female' },
    ],
    text: `They walked on in silence until the path turned towards the river.

⟦captain-merrow⟧“You do not like me, Miss Harwood,” said Captain Merrow at last.

⟦eleanor⟧“I do not know you, sir.”

⟦captain-merrow⟧“That is a very cautious answer.”

⟦eleanor⟧“It is a very honest one.”

⟦captain-merrow⟧“Then I shall hope to be known better,” he said, and bowed.

Lucy, who had run ahead, came back with her hands full of cowslips.

⟦lucy⟧“Look, Eleanor! There are hundreds of them by the mill.”

⟦eleanor⟧“You will spoil your gloves,” said Eleanor.

⟦lucy⟧“I do not care for gloves,” returned Lucy. ⟦lucy⟧“Captain Merrow, do sailors wear gloves?”

⟦captain-merrow⟧“Only when they are ashore and wish to please young ladies,” answered Merrow gravely.

⟦lucy⟧“Then you are wearing them to please Eleanor.”

⟦eleanor⟧“Lucy!”

⟦captain-merrow⟧“Your sister has found me out,” said the captain, smiling.

⟦eleanor⟧“My sister finds out a great many things that are not true,” Eleanor replied, colouring.
`,
  },
  {
    id: 'en-study-quarrel',
    language: 'en',
    convention: 'straight double quotes, action beats',
    characters: [
      { id: 'sir-thomas', name: 'Sir Thomas Vane', aliases: ['Sir Thomas'], gender: 'male' },
      { id: 'edmund', name: 'Edmund', gender: 'male' },
    ],
    text: `Sir Thomas was standing by the fire when his son came in.

⟦sir-thomas⟧"Shut the door, Edmund," said Sir Thomas.

⟦edmund⟧"You sent for me, sir?"

⟦sir-thomas⟧"I did. I have had a letter from Oxford."

Edmund said nothing. He looked at the carpet.

⟦sir-thomas⟧"Have you no explanation to offer?"

⟦edmund⟧"None that would satisfy you, sir."

⟦sir-thomas⟧"Try me," said his father coldly.

⟦edmund⟧"I owe three hundred pounds," said Edmund, ⟦edmund⟧"and I cannot pay it."

⟦sir-thomas⟧"Three hundred!" Sir Thomas struck the mantelpiece with his open hand. ⟦sir-thomas⟧"And to whom?"

⟦edmund⟧"To Mr. Crale, chiefly. The rest to tradesmen."

⟦sir-thomas⟧"Crale is a scoundrel."

⟦edmund⟧"He is my friend, sir."

⟦sir-thomas⟧"Then you have chosen your friends as badly as your pleasures."

Edmund lifted his head. ⟦edmund⟧"I did not come here to be insulted."

⟦sir-thomas⟧"You came here because I sent for you," replied Sir Thomas, ⟦sir-thomas⟧"and you will stay until I have done."
`,
  },
  {
    id: 'en-parsonage-tea',
    language: 'en',
    convention: 'British single quotes',
    characters: [
      { id: 'mrs-pell', name: 'Mrs. Pell', gender: 'female' },
      { id: 'mr-pell', name: 'Mr. Pell', aliases: ['the vicar'], gender: 'male' },
      { id: 'anne', name: 'Anne Dacre', aliases: ['Anne', 'Miss Dacre'], gender: 'female' },
    ],
    text: `The vicar's wife poured the tea with the air of a general disposing of troops.

⟦mrs-pell⟧‘You will take sugar, Miss Dacre?’ said Mrs. Pell.

⟦anne⟧‘No sugar, thank you.’

⟦mrs-pell⟧‘No sugar! Mr. Pell, do you hear? Miss Dacre takes no sugar.’

⟦mr-pell⟧‘I hear, my dear,’ said the vicar mildly. ⟦mr-pell⟧‘It is a great virtue in these times.’

⟦anne⟧‘It is only a habit,’ said Anne.

⟦mrs-pell⟧‘Habits are virtues in the young,’ returned Mrs. Pell, ⟦mrs-pell⟧‘and vices in the old. Is not that so, Mr. Pell?’

⟦mr-pell⟧‘I have never been able to decide.’

⟦mrs-pell⟧‘You never decide anything.’

⟦mr-pell⟧‘That,’ said Mr. Pell, ⟦mr-pell⟧‘is why I married you.’

Anne bent over her cup to hide a smile.

⟦mrs-pell⟧‘And how is your poor mother?’ Mrs. Pell went on.

⟦anne⟧‘Much better, I thank you. She walked to the gate yesterday.’

⟦mrs-pell⟧‘To the gate! She should not have done it.’

⟦anne⟧‘The doctor said she might,’ replied Anne.

⟦mrs-pell⟧‘Doctors say a great many things,’ said Mrs. Pell darkly.
`,
  },
  {
    id: 'en-inn-strangers',
    language: 'en',
    convention: 'straight double quotes, untagged exchange',
    characters: [
      { id: 'landlord', name: 'Jukes', aliases: ['the landlord'], gender: 'male' },
      { id: 'traveller', name: 'Mr. Ferrand', aliases: ['the traveller', 'Ferrand'], gender: 'male' },
    ],
    text: `It was past ten when the traveller knocked at the door of the Blue Boar.

⟦landlord⟧"We are full," said Jukes, the landlord, holding up his candle.

⟦traveller⟧"I need only a chair by the fire," said the stranger.

⟦landlord⟧"There is no chair."

⟦traveller⟧"Then I will sit upon the floor."

⟦landlord⟧"In this weather? You must be very tired, or very poor."

⟦traveller⟧"I am both."

⟦landlord⟧"What name?"

⟦traveller⟧"Ferrand."

⟦landlord⟧"From London?"

⟦traveller⟧"From a great deal further."

Jukes looked at him a long while, and then stood aside.

⟦landlord⟧"Come in, then, Mr. Ferrand," he said. ⟦landlord⟧"My wife will find you something."

⟦traveller⟧"You are very good," replied Mr. Ferrand.

⟦landlord⟧"I am not good at all," said Jukes. ⟦landlord⟧"I am only curious."
`,
  },
  {
    id: 'en-ballroom',
    language: 'en',
    convention: 'curly double quotes, pronoun attributions',
    characters: [
      { id: 'lady-orme', name: 'Lady Orme', gender: 'female' },
      { id: 'julia', name: 'Julia', aliases: ['Miss Orme'], gender: 'female' },
      { id: 'mr-lacey', name: 'Mr. Lacey', aliases: ['Lacey'], gender: 'male' },
    ],
    text: `The rooms were already crowded when Lady Orme and her daughter arrived.

⟦lady-orme⟧“Hold up your head, Julia,” whispered Lady Orme. ⟦lady-orme⟧“Mr. Lacey is by the pillar.”

⟦julia⟧“I see him, mamma.”

⟦lady-orme⟧“Then do not look at him.”

⟦julia⟧“How am I to see him without looking at him?” she asked.

Her mother did not answer, for Mr. Lacey was already before them.

⟦mr-lacey⟧“Lady Orme, your servant,” said he. ⟦mr-lacey⟧“Miss Orme, may I hope for the next dance?”

⟦julia⟧“I am engaged for the next,” said Julia.

⟦mr-lacey⟧“And the one after?”

⟦julia⟧“For that one also.”

⟦mr-lacey⟧“Then I shall wait until you are not,” he said, ⟦mr-lacey⟧“if I have to wait until morning.”

⟦lady-orme⟧“You are very persevering, Mr. Lacey,” said Lady Orme, not displeased.

⟦mr-lacey⟧“It is my only talent, madam.”

⟦julia⟧“It is not a very agreeable one,” murmured Julia.

⟦mr-lacey⟧“Perhaps not,” Lacey replied, ⟦mr-lacey⟧“but it is very useful.”
`,
  },
  {
    id: 'en-sickroom',
    language: 'en',
    convention: 'straight double quotes, vocatives',
    characters: [
      { id: 'dr-ames', name: 'Dr. Ames', gender: 'male' },
      { id: 'martha', name: 'Martha', gender: 'female' },
      { id: 'old-mr-gale', name: 'Mr. Gale', aliases: ['the old man'], gender: 'male' },
    ],
    text: `The doctor came down the stairs slowly, and Martha met him in the hall.

⟦martha⟧"Well, Dr. Ames?"

⟦dr-ames⟧"He is sleeping now, Martha. Let him sleep."

⟦martha⟧"Will he mend?"

⟦dr-ames⟧"That is in other hands than mine," said the doctor.

⟦martha⟧"You always say that when you mean no," said Martha, and sat down upon the bottom stair.

Above them a bell rang sharply.

⟦old-mr-gale⟧"Martha! Martha, I say!" called Mr. Gale from his room.

⟦martha⟧"Coming, sir!"

She went up, and the doctor followed her.

⟦old-mr-gale⟧"Ames, you old humbug," said the old man, ⟦old-mr-gale⟧"you told me I should sleep till noon."

⟦dr-ames⟧"I told you that you ought to, Gale. I did not say you would."

⟦old-mr-gale⟧"Martha, give me my spectacles."

⟦martha⟧"You are not to read, sir."

⟦old-mr-gale⟧"I am not going to read. I am going to look at the doctor and see if he is lying."

⟦dr-ames⟧"I never lie to my patients," said Dr. Ames. ⟦dr-ames⟧"I only leave things out."
`,
  },
  {
    id: 'en-proposal',
    language: 'en',
    convention: 'straight double quotes, split quotes',
    characters: [
      { id: 'arthur', name: 'Arthur Venn', aliases: ['Arthur', 'Venn'], gender: 'male' },
      { id: 'clara', name: 'Clara', gender: 'female' },
    ],
    text: `Arthur had prepared a speech, and forgot every word of it.

⟦arthur⟧"Clara," he began, ⟦arthur⟧"I have something to say to you."

⟦clara⟧"I know," said Clara. ⟦clara⟧"You have been trying to say it since Easter."

⟦arthur⟧"Have I been so transparent?"

⟦clara⟧"As glass."

⟦arthur⟧"Then you know what I am going to ask."

⟦clara⟧"I know what you are going to ask," she said, ⟦clara⟧"but I do not know what I shall answer."

⟦arthur⟧"Is there any hope?" asked Arthur.

⟦clara⟧"There is always hope," replied Clara. ⟦clara⟧"My aunt says it is the one thing that costs nothing."

⟦arthur⟧"Your aunt is a philosopher."

⟦clara⟧"My aunt is a very sensible woman, and she does not like you."

⟦arthur⟧"And you?"

Clara was silent for a moment.

⟦clara⟧"I am not my aunt," she said at last.

⟦arthur⟧"Is that a yes?" cried Venn.

⟦clara⟧"It is not a no," said she.
`,
  },
  {
    id: 'en-dash-narrator',
    language: 'en',
    convention: 'dash-introduced dialogue without closing marks, first-person narrator',
    narrator: { name: 'Narrator', gender: 'male' },
    characters: [
      { id: 'uncle', name: 'my uncle', aliases: ['uncle'], gender: 'male' },
      { id: 'aunt', name: 'my aunt', aliases: ['aunt'], gender: 'female' },
      { id: 'mr-doyle', name: 'Mr Doyle', aliases: ['Doyle', 'old Doyle'], gender: 'male' },
    ],
    text: `When I came down to supper old Doyle was sitting by the fire with his pipe.

⟦mr-doyle⟧—There was something queer about him, Doyle said. ⟦mr-doyle⟧I always thought so.

⟦uncle⟧—Queer in what way? asked my uncle.

⟦mr-doyle⟧—I couldn't rightly say.

My aunt set the teapot on the table and looked at me.

⟦aunt⟧—You'll be sorry to hear it, she said. ⟦aunt⟧The old man is dead.

⟦narrator⟧—Who is dead? said I.

⟦aunt⟧—Mr Keane, from the shop.

⟦narrator⟧—When?

⟦aunt⟧—Last night, God rest him.

I went on eating as if the news had not touched me. My uncle filled his glass.

⟦uncle⟧—He was a good friend to the boy, he said to Doyle.

⟦mr-doyle⟧—Too good, maybe. A boy wants boys of his own age about him.

⟦narrator⟧—I liked him, I said.

Nobody answered me, and after a while old Doyle knocked out his pipe against the grate.
`,
  },
  {
    id: 'en-play-ferry',
    language: 'en',
    convention: 'a play: speaker labels with a full stop or a colon, stage directions in brackets and italics',
    characters: [
      { id: 'oswin', name: 'Oswin', gender: 'male' },
      { id: 'brida', name: 'Brida', gender: 'female' },
      { id: 'watchman', name: 'A Watchman', gender: 'male' },
    ],
    text: `[A landing stage by night. Enter OSWIN, with a lantern.]

OSWIN. ⟦oswin⟧The river is high, and the ferry rope is wet through. No one will cross tonight.

BRIDA. ⟦brida⟧Then no one will pay us, brother, and we shall eat the bread we have.

OSWIN. ⟦oswin⟧"Eat the bread we have," she says, as if there were any.

_A bell rings on the far bank._

A WATCHMAN: ⟦watchman⟧Ferry! Ferry, there! Is anyone awake?

BRIDA: ⟦brida⟧Answer him, Oswin. He will ring until the whole town is up.

OSWIN. [Calling.] ⟦oswin⟧Who wants the ferry at this hour?

A WATCHMAN: ⟦watchman⟧The watch, with a letter for the mill that cannot wait till morning.

[Exeunt.]
`,
  },
];
