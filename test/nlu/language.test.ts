/**
 * The language detector on short and long messages residents write, in English and in
 * French (SMS, typos, borrowed English words): English is answered in English, French is
 * never taken for English, and an unsure message keeps the conversation's language.
 */
import assert from 'node:assert/strict';
import { detectLanguage, nextLanguage, readLanguageSwitch } from '../../services/nlu/language';

const ENGLISH = [
  'hi',
  'hello',
  'Hey',
  'hello!!',
  'hi there',
  'help please',
  'please help',
  'thanks',
  'thank you so much',
  'Hello, I just moved to Miramas',
  'I need help with my shopping',
  'i need someone to walk my dog',
  'Can someone pick up my prescription tomorrow?',
  'my mum is 87 and she lives alone',
  "I'm looking for help with groceries",
  "I don't speak french very well",
  'do you have anyone who can help with homework',
  'my son needs help with his maths homework',
  'I can help',
  'i can do shopping for old people',
  'I have a car and I am free on saturdays',
  'how does this work?',
  'what is this',
  'what is this page about',
  'where are you based',
  'Is it free?',
  'is this free',
  'who are you',
  'can you help me',
  'can u help me pls',
  'I would like to offer my help',
  'I would like to volunteer',
  'i want to help my neighbours',
  'we need help with printing some documents',
  'my printer is broken and I need to print a form',
  'my wife is sick and we need medicine from the pharmacy',
  'i cant go out, my leg is hurt',
  "i'm stuck at home with a fever",
  "it's for my grandmother, she can't walk well",
  'could someone call my dad sometimes, he is lonely',
  'he just wants someone to talk to',
  'Good morning',
  'good evening, is anyone there?',
  'yes please',
  'no thanks',
  'no thank you',
  'thank you for your help',
  'thanks a lot, that was very kind',
  'sorry I made a mistake',
  'sorry, I meant to ask for help not offer it',
  'I am available in the evenings after work',
  'tomorrow morning if possible',
  'any time this week',
  'next week is fine',
  'the sooner the better',
  'this is for my elderly neighbour',
  'it is for my mother',
  'it is for me',
  'I live near the train station',
  'I live in La Maille',
  'we live in the town centre',
  'what do I need to do',
  'how do I delete my data',
  'where can I see my posts',
  'I want to talk to a person',
  'can I talk to someone real',
  'is there a human here',
  'I do not understand',
  "i don't understand what you mean",
  'what does that mean',
  'the app is not working',
  'Hello, my name is Sarah and I would like to help with shopping for elderly people in my street',
  'Hi! I recently moved here from Manchester and would love to help out my neighbours with anything they need',
  'Hello there, my grandmother lives on her own and needs someone to bring her groceries every week because she cannot carry heavy bags any more',
  'hey guys, I am a student and I can help kids with their english homework in the evenings',
  'i have some free time on weekends and would be happy to walk dogs or feed cats',
  'We are a retired couple and we can drive people to the pharmacy or the doctor if they need it',
  'Is this service only for people who speak French? My French is not very good',
  'hello i am new in miramas and i dont know anyone here',
  'my neighbour is very old and I think she needs help but she does not use the internet',
  'Can you please tell me how this works before I sign up',
  'i need help filling in a form online for the CAF, it is all in french and i do not understand it',
  'Thanks, that was really helpful!',
  'Sounds good to me',
  'That would be great, thank you',
];

const FRENCH = [
  'ok',
  'OK',
  'okay',
  'oki',
  'merci',
  'bonjour',
  'Bonjour !',
  'bonsoir',
  'slt',
  'cc',
  'bjr',
  'jpeu',
  'jpeu aider',
  'top',
  'cool',
  'super',
  'top merci',
  'cool merci',
  'ok top',
  'ok cool',
  'ok super merci',
  'week-end',
  'le week-end',
  'ce week end',
  'parking',
  'sur le parking du lidl',
  'par mail',
  'mail',
  'mon mail',
  'je prefere par mail',
  'stop',
  'menu',
  'help',
  'yes',
  'sorry',
  'no',
  'oui',
  'non',
  'non merci',
  'oui merci',
  'daccord',
  "d'accord",
  'dac',
  'tkt',
  'ok ca marche',
  'merci bcp',
  'merci beaucoup',
  'pas de souci',
  'je peux faire les courses',
  "j'ai besoin d'aide",
  'jai besoin daide pr mes course',
  'slt jpeu aider pr les courses le week end',
  'jsui dispo le samedi aprem',
  'je cherche qqn pour promener mon chien',
  'ma mere a besoin de ses medocs',
  'il me faut quelqu un pour la pharmacie',
  'pour moi',
  'pour ma femme',
  'demain matin',
  'dans la semaine',
  'le plus vite possible',
  'en semaine apres 18h',
  'c urgent',
  'cest gratuit ?',
  "c'est combien ?",
  "c'est la mairie ?",
  'qui etes vous',
  'comment ca marche',
  'je sais pas',
  'jsp',
  'voir mes données',
  'mes annonces',
  'je veux parler a quelquun',
  'en fait non',
  'je me suis trompé',
  'retour',
  'annuler',
  'la maille 2',
  'centre ville',
  'rue de la république',
  'je suis a la maille',
  'Bonjour, je suis une personne agée et je ne peux plus porter mes courses, pouvez vous m aider',
  'bonjour je voudrais proposer mon aide pour les devoirs de maths niveau college',
  'je fais du shopping le samedi je peux prendre des trucs pour les voisins',
  'mon fils peut aider en informatique le soir, il est au lycée',
  'je nai pas internet chez moi et je dois imprimer un document pour la caf',
  'bonjour jai une voiture je peux emmener des gens a la pharmacie',
  'Mon voisin du dessus est tout seul depuis que sa femme est partie, il aurait besoin de discuter un peu',
  'cool le bot',
  'trop cool merci',
  'super sympa',
  'parfait',
  'go',
  'ok go',
];

describe('language detection', function () {
  it('holds at least 80 messages of each language', function () {
    assert.ok(ENGLISH.length >= 80, `${ENGLISH.length} English messages`);
    assert.ok(FRENCH.length >= 80, `${FRENCH.length} French messages`);
  });

  it('switches a French conversation to English on every English message', function () {
    const missed = ENGLISH.filter((text) => nextLanguage('fr', text) !== 'en');
    assert.deepEqual(missed, []);
  });

  it('never switches a French conversation to English on a French message, SMS or borrowed word', function () {
    const wrong = FRENCH.filter((text) => nextLanguage('fr', text) !== 'fr' || detectLanguage(text) === 'en');
    assert.deepEqual(wrong, []);
  });

  it('keeps an English conversation English on English messages and on one borrowed word', function () {
    const switched = [
      ...ENGLISH,
      'ok',
      'merci',
      'top',
      'cool',
      'for me',
      'La Maille 2',
      '06 12 34 56 78',
      '👍',
    ].filter((text) => nextLanguage('en', text) !== 'en');
    assert.deepEqual(switched, []);
  });

  it('brings an English conversation back to French on a clearly French message', function () {
    const kept = [
      "j'ai besoin d'aide pour mes courses",
      'je peux faire les courses pour les voisins',
      'bonjour, je voudrais parler à quelqu’un',
      'slt jpeu aider pr les devoirs',
    ].filter((text) => nextLanguage('en', text) !== 'fr');
    assert.deepEqual(kept, []);
  });

  it('reads French for "merci" and "bonjour", nothing for a borrowed word', function () {
    assert.equal(detectLanguage('merci'), 'fr');
    assert.equal(detectLanguage('bonjour'), 'fr');
    assert.equal(detectLanguage('ok'), undefined);
    assert.equal(detectLanguage('parking'), undefined);
    assert.equal(detectLanguage('hello'), 'en');
  });

  it('reads the requests to switch language, not a negation', function () {
    const cases: Array<[string, 'fr' | 'en' | undefined]> = [
      ['english please', 'en'],
      ['English?', 'en'],
      ['do you speak english', 'en'],
      ['Do you speak English ?', 'en'],
      ['in english pls', 'en'],
      ['vous parlez anglais ?', 'en'],
      ['en anglais svp', 'en'],
      ['français', 'fr'],
      ['francais', 'fr'],
      ['en français svp', 'fr'],
      ['en francais stp', 'fr'],
      ['parlez français', 'fr'],
      ['parle francais', 'fr'],
      ['French please', 'fr'],
      ['can we speak french', 'fr'],
      ['je parle pas anglais', undefined],
      ['I do not speak english', undefined],
      ['français ou anglais ?', undefined],
      ["j'ai un voisin anglais qui a besoin d'aide pour ses courses cette semaine", undefined],
      ['bonjour', undefined],
      ['maths et anglais niveau college', undefined],
      ['cours d anglais', undefined],
      ['I need help with my french homework', undefined],
    ];
    for (const [text, language] of cases) assert.equal(readLanguageSwitch(text), language, text);
    assert.equal(nextLanguage('en', 'en français svp'), 'fr');
    assert.equal(nextLanguage('fr', 'english please'), 'en');
  });
});
