import assert from 'node:assert/strict';
import { carriedTime } from '../../dialogs/entry/carriedTime';

describe('the time the first message says', () => {
  it('keeps the words that say when, as they were written', () => {
    for (const [message, expected] of [
      ["Bonjour, j'aurais besoin d'aide pour mes courses demain matin svp", 'demain matin'],
      ['je peux aider samedi après-midi pour les papiers', 'samedi après-midi'],
      ['qqn pr sortir mon chien ce soir ??', 'ce soir'],
      ['il me faudrait une imprimante lundi prochain', 'lundi prochain'],
      ['je fais les courses de mes voisins tous les mardis', 'tous les mardis'],
      ['je suis libre le samedi matin de 9h à 12h pour aider', 'le samedi matin de 9h à 12h'],
      ["je propose de l'aide informatique le mercredi ou le samedi", 'le mercredi ou le samedi'],
      ['soutien en maths pour mon fils la semaine prochaine', 'la semaine prochaine'],
      ['je peux aider le week-end', 'le week-end'],
      ['slt jpeu aider pr les courses le samedi aprem', 'le samedi aprem'],
      ['dispo cet aprem pour promener un chien', 'cet aprem'],
    ]) {
      assert.equal(carriedTime(message), expected, message);
    }
  });

  it('carries no moment gone by, nor a mere "now"', () => {
    for (const message of [
      "je suis tombée ce matin et j'ai besoin qu'on m'aide pour les courses",
      "mon père a fait un malaise hier soir, il faudrait quelqu'un pour ses courses",
      'besoin de courses depuis ce matin je n ai rien',
      "depuis l'orage de samedi je n'ai plus internet, quelqu'un pourrait me partager sa connexion",
      "ma mère est à la maison maintenant, il faut l'aider pour ses courses",
    ]) {
      assert.equal(carriedTime(message), undefined, message);
    }
  });

  it('carries nothing when the message names no time', () => {
    for (const message of ["j'ai besoin d'aide pour les courses", 'je propose mon aide', '', undefined]) {
      assert.equal(carriedTime(message), undefined, String(message));
    }
  });
});
