/**
 * The entry form's readers (dialogs/entry/answers.ts, corrections.ts): what residents type
 * for a choice, a yes/no, a time, a relative, the page as contact, and a correction.
 */
import { strict as assert } from 'node:assert';
import {
  isTimeExpression,
  readAgreement,
  readBeneficiary,
  readChoiceText,
  readPageContact,
  readRecurrence,
  readUrgencyAnswer,
} from '../../dialogs/entry/answers';
import { readsInOrder } from '../../dialogs/matching/suggestionAnswer';
import { readCorrection } from '../../dialogs/entry/corrections';

describe('dialogs: the entry form reads answers in context', function () {
  it('reads a choice by number, title, synonym or close typo, and nothing ambiguous', function () {
    const choices = [
      { payload: 'A', title: 'Animaux' },
      { payload: 'B', title: 'Impressions', synonyms: /^(imprimer|imprimante)$/ },
    ];
    assert.equal(readChoiceText('2', choices), 'B');
    assert.equal(readChoiceText('le premier', choices), 'A');
    assert.equal(readChoiceText('ANIMAUX', choices), 'A');
    assert.equal(readChoiceText('animeaux', choices), 'A');
    assert.equal(readChoiceText('imprimante', choices), 'B');
    assert.equal(readChoiceText('3', choices), undefined);
    assert.equal(readChoiceText('bonjour', choices), undefined);
  });

  it('reads yes and no in their usual forms, and not a question', function () {
    for (const yes of ['oui d’accord', 'ouais', 'ok vas-y', 'oui c est urgent', 'Ouiii', '👍', 'bien sûr'])
      assert.equal(readAgreement(yes), true, yes);
    for (const no of ['non pas du tout', 'nan', 'je refuse', 'Non merci'])
      assert.equal(readAgreement(no), false, no);
    for (const other of ['oui ?', 'peut-être', 'je sais pas trop'])
      assert.equal(readAgreement(other), undefined, other);
  });

  it('reads the urgency from a time, a yes or a no', function () {
    for (const high of ['le plus vite possible', 'ce soir', 'demain matin', 'oui c’est urgent'])
      assert.equal(readUrgencyAnswer(high), 'high', high);
    for (const normal of ['dans la semaine', 'pas pressé', 'non pas du tout', 'samedi', 'pas urgent'])
      assert.equal(readUrgencyAnswer(normal), 'normal', normal);
    assert.equal(readUrgencyAnswer('ma mère'), undefined);
  });

  it('takes a time for the availability, but not how urgent it is', function () {
    for (const when of ['ce soir', 'dans la semaine', 'le mardi et le vendredi matin', 'vers 18h'])
      assert.ok(isTimeExpression(when), when);
    for (const other of ['oui c est urgent', 'pas urgent', 'ma mère'])
      assert.ok(!isTimeExpression(other), other);
  });

  it('reads who the help is for', function () {
    for (const self of ['c pour moi', 'pour moi', 'Moi-même', 'pr moi'])
      assert.equal(readBeneficiary(self), 'self', self);
    for (const relative of ['ma mère', 'mon mari', 'pour ma maman', 'pr ma mere', 'c est pour mon fils'])
      assert.equal(readBeneficiary(relative), 'relative', relative);
    assert.equal(readBeneficiary('ma mère est tombée elle ne se relève plus du tout'), undefined);
  });

  it('reads whether an offer is one-off or regular, and nothing from a plain day', function () {
    for (const regular of [
      'chaque samedi',
      'tout les mercredis',
      'tt les mercredis',
      'oui régulièrement',
      'le samedi matin, chaque semaine',
      'une fois par semaine',
      'tous les jours après 17 h',
      'every week',
    ])
      assert.equal(readRecurrence(regular), 'regular', regular);
    for (const once of ['juste une fois', 'ponctuellement', 'Une seule fois', 'pas toutes les semaines'])
      assert.equal(readRecurrence(once), 'once', once);
    for (const neither of ['le samedi matin', 'le mercredi aprem', 'en semaine', 'oui'])
      assert.equal(readRecurrence(neither), undefined, neither);
  });

  it('reads an author accepting the order of helpers, never a refusal', function () {
    for (const inOrder of [
      "d'accord, demandez dans l'ordre",
      'oui et le suivant si besoin',
      'ok l un apres l autre',
    ])
      assert.equal(readsInOrder(inOrder), true, inOrder);
    for (const other of ['non, le suivant', 'oui demandez-lui', 'dans l ordre ?'])
      assert.equal(readsInOrder(other), false, other);
  });

  it('reads the page as the contact', function () {
    for (const page of ['par la page', 'sur messenger', 'ici', 'par la pge', 'Par Messenger c’est bien'])
      assert.ok(readPageContact(page), page);
    assert.ok(!readPageContact('par téléphone'));
  });

  it('reads corrections, switching only to the other kind', function () {
    assert.equal(readCorrection('retour', 'offer'), 'back');
    assert.equal(readCorrection('je me suis trompée', 'need'), 'back');
    assert.equal(readCorrection('oups en fait non', 'need'), 'back');
    assert.equal(readCorrection('modifier', 'need'), 'edit');
    assert.deepEqual(readCorrection("en fait non c'est moi qui ai besoin d'aide", 'offer'), {
      switchTo: 'need',
    });
    assert.deepEqual(readCorrection('je veux plutôt proposer', 'need'), { switchTo: 'offer' });
    assert.equal(readCorrection("c'est moi qui ai besoin d'aide", 'need'), undefined);
    assert.equal(readCorrection('je peux aider ceux qui ont besoin d aide', 'offer'), undefined);
  });
});
