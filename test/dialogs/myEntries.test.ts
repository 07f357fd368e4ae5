/**
 * "Mes annonces" alone, with `botbuilder-testing`'s DialogTestClient over in-memory entries:
 * no database. Each row is a conversation: what the resident sends and what must follow.
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MyEntriesDialog } from '../../dialogs/myEntriesDialog';
import { MemoryEntries, MemoryMatching } from './support/fakes';
import { toActivity, type Input } from './support/harness';
import { keyPattern, payloadsOf } from './support/table';
import { MENU } from './testData/common';

const OWNER = 'resident-entries';

/** One turn: what is sent (ids of the seeded entry as `{id}`), the locale key and payloads expected. */
interface Row {
  as?: string;
  send?: Input | ((id: string) => Input);
  says: string;
  offers?: Array<string | ((id: string) => string)>;
}

interface Case {
  name: string;
  seeded: boolean;
  turns: Row[];
  then?: (entries: MemoryEntries, id: string) => void;
}

const CASES: Case[] = [
  { name: 'says when there is nothing', seeded: false, turns: [{ says: 'myEntries.none', offers: MENU }] },
  {
    name: 'offers the actions of the chosen entry and renews it',
    seeded: true,
    turns: [
      { says: 'myEntries.intro', offers: [(id) => `ENTRY_${id}`] },
      {
        send: (id) => ({ payload: `ENTRY_${id}` }),
        says: 'myEntries.actions',
        offers: [(id) => `ENTRY_PAUSE_${id}`, (id) => `ENTRY_RENEW_${id}`, (id) => `ENTRY_WITHDRAW_${id}`],
      },
      { send: (id) => ({ payload: `ENTRY_RENEW_${id}` }), says: 'myEntries.doneRenew', offers: MENU },
    ],
    then: (entries) => assert.ok(entries.stored[0].expiresAt.getTime() > Date.parse('2048-05-06T09:00:00Z')),
  },
  {
    name: 'withdraws the chosen entry',
    seeded: true,
    turns: [
      { says: 'myEntries.intro' },
      { send: (id) => ({ payload: `ENTRY_${id}` }), says: 'myEntries.actions' },
      { send: (id) => ({ payload: `ENTRY_WITHDRAW_${id}` }), says: 'myEntries.doneWithdraw', offers: MENU },
    ],
    then: (entries) => assert.equal(entries.stored[0].status, 'withdrawn'),
  },
  {
    name: 'shows nobody else the owner\u2019s entries',
    seeded: true,
    turns: [{ as: 'someone-else', says: 'myEntries.none', offers: MENU }],
    then: (entries) => assert.equal(entries.stored[0].status, 'pending_review'),
  },
];

/** The texts of a reply and of those that follow it in the same turn. */
function drain(client: DialogTestClient, first: Partial<Activity> | undefined): Partial<Activity>[] {
  const replies = first ? [first] : [];
  for (let next = client.getNextReply() as Partial<Activity> | undefined; next; next = client.getNextReply())
    replies.push(next);
  return replies;
}

describe('dialogs: my entries, alone over fakes', function () {
  for (const { name, seeded, turns, then } of CASES) {
    it(name, async function () {
      const entries = new MemoryEntries();
      const id = seeded
        ? entries
            .add(OWNER, {
              kind: 'offer',
              category: 'printing',
              description: 'Je peux imprimer vos documents',
              availability: 'le soir',
              location: { type: 'Point', coordinates: [5.0017, 43.5833] },
              locationSource: 'address',
              flags: [],
            })
            ._id.toHexString()
        : '';
      const client = new DialogTestClient(
        'test',
        new MyEntriesDialog({ entries, matching: new MemoryMatching() }),
      );
      for (const [index, row] of turns.entries()) {
        const input = typeof row.send === 'function' ? row.send(id) : (row.send ?? 'mes annonces');
        const replies = drain(
          client,
          (await client.sendActivity(toActivity(row.as ?? OWNER, input))) as Partial<Activity>,
        );
        const text = replies.map((reply) => reply.text ?? '').join('\n');
        assert.match(text, keyPattern(row.says), `turn ${index + 1}: expected ${row.says}, got ${text}`);
        const offered = payloadsOf(replies.at(-1));
        for (const payload of row.offers ?? []) {
          const wanted = typeof payload === 'function' ? payload(id) : payload;
          assert.ok(
            offered.includes(wanted),
            `turn ${index + 1}: expected ${wanted} in ${offered.join(', ')}`,
          );
        }
      }
      then?.(entries, id);
    });
  }
});
