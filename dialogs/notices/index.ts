/**
 * Every module's notices rendered to French Messenger activities: the one place where a
 * typed notice (services/messaging/notifier.ts) becomes text and quick replies.
 *
 * @remarks
 * Each module's renderers live in their own file of this folder and are listed here once.
 * A notice type without a renderer is a programming error and throws.
 */
import type { Activity } from 'botbuilder';
import { CodedError, ErrorCode } from '../../services/errors';
import type { Notice } from '../../services/messaging/notifier';
import { ENTRY_NOTICES } from './entries';
import { MATCHING_NOTICES } from './matching';
import { moderationRenderers } from './moderation';
import { reportRenderers } from './reports';
import { taskRenderers } from './tasks';
import { testimonialRenderers } from './testimonials';

export type { NoticeRenderers } from './renderers';

const RENDERERS: Record<string, (notice: never) => Partial<Activity>> = {
  ...ENTRY_NOTICES,
  ...MATCHING_NOTICES,
  ...moderationRenderers,
  ...testimonialRenderers,
  ...reportRenderers,
  ...taskRenderers,
};

/** The French activity of a notice. */
export function renderNotice(notice: Notice): Partial<Activity> {
  const render = RENDERERS[notice.type] as ((notice: Notice) => Partial<Activity>) | undefined;
  if (!render) throw new CodedError(ErrorCode.NotSupported, `no renderer for notice ${notice.type}`);
  return render(notice);
}

/** The text of a notice alone: what a referent reads of one that could not be delivered. */
export function noticeText(notice: Notice): string {
  return renderNotice(notice).text ?? '';
}
