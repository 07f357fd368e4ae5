/**
 * Residents offering help, in their own words: the offer stored with what they said.
 */
import { strict as assert } from 'node:assert';
import type { Entry } from '../../services/domain/types';
import type { Harness } from '../dialogs/support/harness';
import { playScripts, type Script } from './support/script';

/** The entries `psid` left. */
async function entriesOf(harness: Harness, psid: string): Promise<Entry[]> {
  return harness.database.db.collection<Entry>('entries').find({ psid }).toArray();
}

const scripts: Script[] = [
  {
    title: 'a retired man offers to do the shopping, without accents, all typed',
    voice: 'senior',
    psid: 'offer-senior',
    transcript: true,
    turns: [
      { send: 'bonjour je suis a la retraite et j ai du temps je peux faire les courses des voisins' },
      { send: 'je passe au super u le mardi et le vendredi avec ma voiture', says: ['form.where'] },
      { send: '12 place jean jaures', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'le mardi et le vendredi matin', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui d accord', says: ['form.recap'] },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const [offer, ...others] = await entriesOf(harness, 'offer-senior');
      assert.equal(others.length, 0);
      assert.equal(offer?.kind, 'offer');
      assert.equal(offer?.category, 'groceries');
      assert.match(offer?.availability ?? '', /mardi/);
    },
  },
];

playScripts('conversations: offering help', scripts);
