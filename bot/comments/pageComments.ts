/**
 * Comments under the Page's posts: a comment that offers or asks for help, asks a question
 * or tells of an emergency gets one private reply in Messenger (which opens the conversation
 * there) and a short public answer; a comment that shows a phone number, an e-mail or an
 * address is hidden from the public and its author told why in the private reply.
 *
 * @remarks
 * Each comment is processed once: the inbox keys it by comment id (a second delivery is a
 * duplicate), and its Graph calls go through the outbox under that key (a processing resumed
 * after a crash does not repeat them). The Page's own comments, and comments older than
 * Meta's 7-day limit for private replies, are left alone. Nothing of the comment is logged
 * but its kind of answer.
 */
import type { Understanding } from '../../services/nlu';
import type { CommentsApi, OutgoingMessage } from '../../services/graph';
import type { Logger } from '../../services/logger';
import type { OutgoingCalls } from '../../services/outbox';
import { screenText, type RemovedKind } from '../../services/screening/screenText';
import { t } from '../../services/i18n';
import type { ReceivedEvent } from '../../services/inbox/inboxDocuments';
import { MenuPayload } from '../../dialogs/payload';
import type { EventKind, EventSource } from '../messenger/events';

/** Meta's limit: a private reply only within 7 days of the comment. */
export const PRIVATE_REPLY_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** What a comment calls for. */
export type CommentAnswer = 'need' | 'offer' | 'question' | 'emergency' | 'hidden_only';

/** The decision on one comment: which private reply, and whether to hide it. */
export interface CommentDecision {
  answer: CommentAnswer | null;
  /** What the comment shows that must not stay public (phone, e-mail, address). */
  exposed: readonly RemovedKind[];
}

/** The kinds of personal data that make a comment hidden. */
const EXPOSING: ReadonlySet<RemovedKind> = new Set<RemovedKind>(['phone', 'premium', 'email', 'address']);

/** Decides what a comment calls for, from its text and what the understanding read in it. Pure. */
export function decideOnComment(text: string, understanding: Understanding): CommentDecision {
  const exposed = screenText(text).removed.filter((kind) => EXPOSING.has(kind));
  let answer: CommentAnswer | null = null;
  if (understanding.emergency !== null) answer = 'emergency';
  else if (understanding.intent === 'need') answer = 'need';
  else if (understanding.intent === 'offer') answer = 'offer';
  else if (
    ['help', 'human', 'complaint', 'delete_data'].includes(understanding.intent) ||
    /\?\s*$/.test(text.trim())
  )
    answer = 'question';
  if (answer === null && exposed.length > 0) answer = 'hidden_only';
  return { answer, exposed };
}

/** What {@link PageComments} is built from. */
export interface PageCommentsOptions {
  pageId: string | undefined;
  comments: Pick<CommentsApi, 'privateReply' | 'publicReply' | 'hide'>;
  calls: OutgoingCalls;
  understand: (text: string) => Understanding;
  /** Also answer publicly under the comment ("Nous vous avons écrit en message privé"). */
  publicAnswer: boolean;
  now: () => Date;
  logger: Logger;
}

/** Answers the comments the inbox hands it. */
export class PageComments {
  constructor(private readonly options: PageCommentsOptions) {}

  /** Processes one `comment` event of the inbox. */
  async handle(event: ReceivedEvent<EventSource, EventKind>): Promise<void> {
    const { logger, now } = this.options;
    const comment = readComment(event.raw);
    if (!comment) return;
    if (comment.authorId === event.pageId || comment.authorId === this.options.pageId) return;
    if (now().getTime() - event.timestamp > PRIVATE_REPLY_MAX_AGE_MS) {
      logger.info('comment too old to answer', { result: 'skipped' });
      return;
    }
    const decision = decideOnComment(comment.text, this.options.understand(comment.text));
    if (decision.answer === null) {
      logger.info('comment needs no answer', { result: 'ignored' });
      return;
    }
    await this.options.calls.runTurn(event.key, event.psid, async (calls) => {
      const hide = decision.exposed.length > 0;
      if (hide) {
        await calls.perform({ kind: 'comment', psid: event.psid, body: { hide: comment.id } }, async () => {
          await this.options.comments.hide(comment.id);
          return undefined;
        });
      }
      const message = privateReplyOf(decision);
      await calls.perform(
        {
          kind: 'comment',
          psid: event.psid,
          body: { privateReply: comment.id, message },
          text: message.text,
        },
        () => this.options.comments.privateReply(event.pageId, comment.id, message),
      );
      if (this.options.publicAnswer && !hide) {
        const text = t('comments.publicAnswer');
        await calls.perform(
          { kind: 'comment', psid: event.psid, body: { publicReply: comment.id, text } },
          () => this.options.comments.publicReply(comment.id, text),
        );
      }
      logger.info('comment answered', { result: decision.answer ?? 'none', hidden: hide });
    });
  }
}

/** The private reply: what the comment called for, why it was hidden, and where to go on. */
export function privateReplyOf(decision: CommentDecision): OutgoingMessage & { text: string } {
  const parts: string[] = [];
  if (decision.exposed.length > 0) parts.push(t('comments.hidden'));
  if (decision.answer === 'emergency') {
    parts.push(
      [t('emergency.intro'), t('emergency.base'), t('emergency.suicide'), t('emergency.violence')].join('\n'),
    );
  }
  parts.push(t(`comments.answer.${decision.answer ?? 'question'}`));
  const text = parts.join('\n\n');
  if (decision.answer === 'emergency') return { text };
  return {
    text,
    quick_replies: [
      { content_type: 'text', title: t('comments.choice.need'), payload: MenuPayload.need },
      { content_type: 'text', title: t('comments.choice.offer'), payload: MenuPayload.offer },
      { content_type: 'text', title: t('comments.choice.human'), payload: MenuPayload.human },
    ],
  };
}

interface PageComment {
  id: string;
  authorId: string;
  text: string;
}

function readComment(raw: Record<string, unknown>): PageComment | undefined {
  const id = raw.comment_id;
  const from = raw.from;
  const authorId =
    typeof from === 'object' && from !== null ? (from as Record<string, unknown>).id : undefined;
  const text = typeof raw.message === 'string' ? raw.message : '';
  if (typeof id !== 'string' || typeof authorId !== 'string' || text.trim() === '') return undefined;
  return { id, authorId, text };
}
