/**
 * Comments under the Page's posts, end to end through the signed webhook (`feed` changes)
 * and the fake Graph API: one private reply per comment even when Meta delivers it twice,
 * a comment showing a phone number hidden (its author told why), the Page's own comments
 * and chit-chat left alone.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { decideOnComment } from '../../bot/comments/pageComments';
import { Nlu } from '../../services/nlu';
import type { RecordedCall } from '../support/fake-graph';
import { PAGE_ID, startTestApp, type TestApp } from '../support/testApp';

const POST_ID = `${PAGE_ID}_555`;

/** A `feed` webhook body: one comment added under the Page's post. */
function commentBody(commentId: string, authorId: string, message: string, createdAt = new Date()) {
  return {
    object: 'page',
    entry: [
      {
        id: PAGE_ID,
        time: Date.now(),
        changes: [
          {
            field: 'feed',
            value: {
              item: 'comment',
              verb: 'add',
              comment_id: commentId,
              post_id: POST_ID,
              parent_id: POST_ID,
              from: { id: authorId, name: 'Quelqu’un' },
              message,
              created_time: Math.floor(createdAt.getTime() / 1000),
            },
          },
        ],
      },
    ],
  };
}

const privateReplies = (calls: readonly RecordedCall[], commentId: string) =>
  calls.filter(
    (call) =>
      call.method === 'POST' &&
      call.path === `/${PAGE_ID}/messages` &&
      (call.body as { recipient?: { comment_id?: string } }).recipient?.comment_id === commentId,
  );

describe('comments under the Page’s posts, end to end', function () {
  this.timeout(60_000);
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(async () => {
    await test.stop();
  });

  it('answers a request for help with exactly one private reply, even when delivered twice', async () => {
    const body = commentBody(
      `${POST_ID}_c1`,
      '7000000001',
      'bonjour jaurai besoin de quelquun pour mes courses cette semaine',
    );
    assert.equal((await test.postWebhook(body)).status, 200);
    assert.equal((await test.postWebhook(body)).status, 200);
    await test.graph.waitForCalls((call) => privateReplies([call], `${POST_ID}_c1`).length > 0);
    await test.graph.waitForCalls((call) => call.path === `/${POST_ID}_c1/comments`);
    await sleep(300);
    const replies = privateReplies(test.graph.calls, `${POST_ID}_c1`);
    assert.equal(replies.length, 1);
    const message = (
      replies[0].body as { message: { text: string; quick_replies?: Array<{ payload: string }> } }
    ).message;
    assert.match(message.text, /besoin d'un coup de main/);
    assert.deepEqual(
      message.quick_replies?.map((reply) => reply.payload),
      ['MENU_NEED', 'MENU_OFFER', 'MENU_HUMAN'],
    );
    const publicAnswers = test.graph.calls.filter((call) => call.path === `/${POST_ID}_c1/comments`);
    assert.equal(publicAnswers.length, 1);
    assert.match((publicAnswers[0].body as { message: string }).message, /message privé/);
    assert.equal(
      test.graph.calls.filter((call) => call.path === `/${POST_ID}_c1`).length,
      0,
      'a comment without personal data stays visible',
    );
  });

  it('hides a comment that shows a phone number and tells its author why, without a public answer', async () => {
    const id = `${POST_ID}_c2`;
    await test.postWebhook(
      commentBody(id, '7000000002', 'je peux aider pour les courses appelez moi au 06 12 34 56 78'),
    );
    await test.graph.waitForCalls((call) => privateReplies([call], id).length > 0);
    await sleep(300);
    const hides = test.graph.calls.filter((call) => call.method === 'POST' && call.path === `/${id}`);
    assert.equal(hides.length, 1);
    assert.deepEqual(hides[0].body, { is_hidden: true });
    const text = (privateReplies(test.graph.calls, id)[0].body as { message: { text: string } }).message.text;
    assert.match(text, /masqué votre commentaire/);
    assert.match(text, /proposer votre aide/);
    assert.ok(!text.includes('06 12 34 56 78'));
    assert.equal(test.graph.calls.filter((call) => call.path === `/${id}/comments`).length, 0);
    const hideIndex = test.graph.calls.indexOf(hides[0]);
    const replyIndex = test.graph.calls.indexOf(privateReplies(test.graph.calls, id)[0]);
    assert.ok(hideIndex < replyIndex, 'hidden before anything else is done');
  });

  it('leaves the Page’s own comments, thanks without a question and week-old comments alone', async () => {
    const before = test.graph.calls.length;
    await test.postWebhook(
      commentBody(`${POST_ID}_c3`, PAGE_ID, 'Merci à tous pour vos messages ! Besoin d’aide ? Écrivez-nous.'),
    );
    await test.postWebhook(commentBody(`${POST_ID}_c4`, '7000000004', 'bravo a tous les benevoles 👏'));
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await test.postWebhook(
      commentBody(`${POST_ID}_c5`, '7000000005', 'j ai besoin d aide pour mes papiers', eightDaysAgo),
    );
    // A question afterwards: once it is answered, the three before it were processed.
    await test.postWebhook(commentBody(`${POST_ID}_c6`, '7000000006', 'c est pour qui ce service ?'));
    await test.graph.waitForCalls((call) => privateReplies([call], `${POST_ID}_c6`).length > 0);
    await sleep(300);
    const paths = test.graph.calls.slice(before).map((call) => call.path);
    for (const id of ['c3', 'c4', 'c5']) {
      assert.ok(!paths.some((path) => path.includes(`${POST_ID}_${id}`)), `${id}: ${paths.join(', ')}`);
      assert.equal(privateReplies(test.graph.calls, `${POST_ID}_${id}`).length, 0, id);
    }
  });
});

describe('deciding on a comment', () => {
  let nlu: Nlu;
  before(function () {
    this.timeout(60_000);
    nlu = Nlu.load();
  });
  const decide = (text: string) => decideOnComment(text, nlu.understand(text));

  it('answers offers, needs and questions, and hides what exposes someone', () => {
    assert.equal(decide('moi je veux bien donner un coup de main pour promener les chiens').answer, 'offer');
    assert.equal(decide('ma voisine agee cherche quelqu un pour sa pharmacie').answer, 'need');
    assert.equal(decide('comment on fait pour s inscrire ?').answer, 'question');
    assert.equal(decide('super initiative').answer, null);
    assert.deepEqual(decide('super initiative, moi c est 12 rue des Lilas').exposed, ['address']);
    assert.equal(decide('super initiative, écrivez-moi à jean.dupont@example.org').answer, 'hidden_only');
  });
});
