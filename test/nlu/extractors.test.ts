import assert from 'node:assert/strict';
import { extractEmails, extractPhones } from '../../services/nlu/contacts';
import { mentionsMoney } from '../../services/nlu/money';
import { normalizeText } from '../../services/nlu/normalize';
import { detectUrgency } from '../../services/nlu/urgency';
import { screenText } from '../../dialogs/screening';

describe('nlu phone numbers', () => {
  it('finds French numbers in every usual format, as ten digits', () => {
    assert.deepEqual(extractPhones('appelez le 06 12 34 56 78'), ['0612345678']);
    assert.deepEqual(extractPhones('tel:06.12.34.56.78.'), ['0612345678']);
    assert.deepEqual(extractPhones('06-12-34-56-78 ou 0712345678'), ['0612345678', '0712345678']);
    assert.deepEqual(extractPhones('+33 6 12 34 56 78'), ['0612345678']);
    assert.deepEqual(extractPhones('+33612345678 / 0033 4 90 58 79 79'), ['0612345678', '0490587979']);
    assert.deepEqual(extractPhones('+33 (0)6 12 34 56 78'), ['0612345678']);
    assert.deepEqual(extractPhones('le CCAS au 08000 13140'), ['0800013140']);
  });

  it('does not take other numbers for phones', () => {
    assert.deepEqual(extractPhones('code postal 13140, 12 rue des lilas'), []);
    assert.deepEqual(extractPhones('le 01/02/2024 à 10h30'), []);
    assert.deepEqual(extractPhones('commande 061234567890123'), []);
    assert.deepEqual(extractPhones('0012345678'), []);
  });

  it('returns each number once', () => {
    assert.deepEqual(extractPhones('0612345678 ou 06 12 34 56 78'), ['0612345678']);
  });
});

describe('nlu e-mails and redaction', () => {
  it('finds e-mail addresses, lower-cased', () => {
    assert.deepEqual(extractEmails('écrivez à Jean.Dupont+voisins@Exemple.fr.'), [
      'jean.dupont+voisins@exemple.fr',
    ]);
    assert.deepEqual(extractEmails('pas de mail ici, juste @marie et exemple.fr'), []);
  });

  it('reads full-width digits and ignores zero-width characters', () => {
    assert.deepEqual(extractPhones('０６ １２ ３４ ５６ ７８'), ['0612345678']);
    assert.deepEqual(extractEmails('jean\u200B@mail.fr'), ['jean@mail.fr']);
  });

  it('leaves the removal to the screening, which replaces phones, e-mails and the address', () => {
    assert.equal(
      screenText('Marie, 06 12 34 56 78 ou marie@exemple.fr, au 12 rue Jean Jaurès').text,
      'Marie, [numéro retiré] ou [e-mail retiré], au [adresse retirée]',
    );
    assert.equal(screenText('rien à retirer').text, 'rien à retirer');
  });
});

describe('nlu money mentions', () => {
  for (const text of [
    'je fais les courses pour 10 €',
    'promenade du chien 10e',
    'je demande 10 euros de l heure',
    'il faut payer combien ?',
    'je serai payé ?',
    'quel est votre tarif',
    'travail rémunéré',
    'contre rémunération',
    "je le fais contre de l'argent",
    'pour 5e je promène votre chien',
    "5e de l'heure",
    '2,50e le trajet',
    '10e la séance',
    '10e/h',
    'je prends 15e',
  ]) {
    it(`sees money in "${text}"`, () => assert.equal(mentionsMoney(text), true));
  }
  for (const text of [
    'c est gratuit',
    'ce n est pas payant',
    'sans payer bien sûr',
    'rien à payer',
    'bénévole, non rémunéré',
    "j'habite au 10e étage",
    "je n'ai plus d'argent pour les courses",
    'la couture de masques',
    'Aide aux devoirs du CP à la 5e',
    'de la 6ème à la 3ème',
    'mon fils est en 6e',
    'niveau 3e en anglais',
    'cours pour 5e et 4e',
    'maths 6e 5e 4e 3e',
    'soutien 6e-5e, anglais 4e/3e',
    'élève de 3e',
    'la 2e fois',
    'le 20e siècle',
    'dispo le 2 à 14h',
    '2 paquets de pâtes et 12 oeufs',
  ]) {
    it(`sees no money in "${text}"`, () => assert.equal(mentionsMoney(text), false));
  }
});

describe('nlu urgency', () => {
  for (const text of [
    'c est urgent',
    'ASAP svp',
    'vite svp',
    "aujourd'hui si possible",
    'pour ce soir',
    'auj',
  ]) {
    it(`is high for "${text}"`, () => assert.equal(detectUrgency(normalizeText(text)), 'high'));
  }
  for (const text of ['pas urgent', "rien d'urgent", 'pas très urgent', 'la semaine prochaine', '']) {
    it(`is normal for "${text}"`, () => assert.equal(detectUrgency(normalizeText(text)), 'normal'));
  }
});
