/**
 * A notice to a resident without Messenger, as their referent reads it: a call script
 * ("Appelez Mme Martin (06…) : un voisin à moins de 500 m peut…") and, when the notice asks
 * a question, its own answers ("Elle accepte", "Elle refuse").
 */
import { t } from '../../services/i18n';
import type { Category } from '../../services/domain/types';
import type { SharedContact } from '../../services/matching';
import type { OfflineStep, StepNotice, Task } from '../../services/tasks';
import { distanceText } from '../matching/distanceText';
import { categoryName } from '../replies';
import { contactText } from './matching';
import { noticeText } from './index';

/** The notices that ask the person a question the referent records the answer to. */
export type StepQuestion = 'suggestion' | 'request' | 'followUp' | 'renewal';

const QUESTIONS: Record<string, StepQuestion> = {
  'matching.helperSuggested': 'suggestion',
  'matching.helperAsked': 'request',
  'matching.followUpAsked': 'followUp',
  'entries.renewalAsked': 'renewal',
};

/** The question a step's notice asks, if any. */
export function stepQuestion(notice: StepNotice): StepQuestion | undefined {
  return QUESTIONS[notice.type];
}

/** "Elle", "Il", or "La personne", read from how the person is addressed. */
export function pronounOf(addressAs: string | undefined): string {
  const title = (addressAs ?? '').trim().toLowerCase();
  if (/^(mme|madame|mlle|mademoiselle)\b/.test(title)) return t('tasks.offline.she');
  if (/^(m\.|m |monsieur|mr\.? )/.test(title)) return t('tasks.offline.he');
  return t('tasks.offline.someone');
}

/** The titles of a question's two answers (yes first). */
export function stepAnswerTitles(step: OfflineStep): { yes: string; no: string } | undefined {
  const question = stepQuestion(step.notice);
  if (!question) return undefined;
  const who = pronounOf(step.addressAs);
  return {
    yes: t(`tasks.offline.answer.${question}.yes`, { who }),
    no: t(`tasks.offline.answer.${question}.no`, { who }),
  };
}

const text = (notice: StepNotice, field: string): string => {
  const value = notice[field];
  return typeof value === 'string' ? value : '';
};
const category = (notice: StepNotice): string => categoryName(notice.category as Category);
const distance = (notice: StepNotice): string => distanceText(Number(notice.distanceMeters));

/** What to tell the person, by notice type; the rendered Messenger text for the others. */
const WHAT: Record<string, (notice: StepNotice) => string> = {
  'matching.helperSuggested': (notice) =>
    t('tasks.offline.what.helperSuggested', {
      distance: distance(notice),
      category: category(notice),
      description: text(notice, 'description'),
      availability: text(notice, 'availability'),
    }),
  'matching.helperAsked': (notice) =>
    t('tasks.offline.what.helperAsked', {
      distance: distance(notice),
      category: category(notice),
      description: text(notice, 'description'),
      availability: text(notice, 'availability'),
    }),
  'matching.requestAccepted': (notice) =>
    t('tasks.offline.what.requestAccepted', {
      category: category(notice),
      contact:
        contactText((notice.helperContact as SharedContact | null) ?? null) ??
        t('tasks.offline.what.contactByReferent'),
    }),
  'matching.followUpAsked': (notice) => t('tasks.offline.what.followUpAsked', { category: category(notice) }),
  'matching.toReferent': () => t('tasks.offline.what.toReferent'),
  'entries.renewalAsked': (notice) => t('tasks.offline.what.renewalAsked', { category: category(notice) }),
  'entries.closedByExpiry': (notice) =>
    t('tasks.offline.what.closedByExpiry', { category: category(notice) }),
};

/** What the referent tells the person, in a sentence. */
export function stepWhat(notice: StepNotice): string {
  const what = WHAT[notice.type];
  return what ? what(notice) : t('tasks.offline.what.other', { text: noticeText(notice) });
}

/**
 * The call script of a step: whom to call, on which number (referents only), and what to
 * tell them or ask them.
 */
export function callScript(task: Pick<Task, 'contact' | 'step'>): string | undefined {
  if (!task.step) return undefined;
  return t('tasks.offline.call', {
    who: task.step.addressAs ?? t('tasks.offline.unnamed'),
    phone: task.contact?.phone ?? t('tasks.offline.noPhone'),
    what: stepWhat(task.step.notice),
  });
}
