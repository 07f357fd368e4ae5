/**
 * The text under a testimonial: first name and neighbourhood, initials, or anonymous; and
 * the post as the Page publishes it, in French. Both are screened (see
 * `services/screening/screenText`). The testimonials module's {@link PostComposer}.
 */
import { CodedError, ErrorCode } from '../../services/errors';
import { t } from '../../services/i18n';
import { screeningWords, screenText } from '../screening';
import type { PostComposer, SignatureChoice, TestimonialSignature } from '../../services/testimonials';

export type { SignatureChoice } from '../../services/testimonials';

const MAX_PART = 60;

/**
 * Renders the signature.
 *
 * @throws CodedError `payload_invalid` for an unknown kind, or a name missing for a kind that needs one.
 */
export function renderSignature(choice: SignatureChoice): TestimonialSignature {
  const firstName = clean(choice.firstName);
  switch (choice.kind) {
    case 'anonymous':
      return { kind: 'anonymous', text: t('testimonials.signature.anonymous') };
    case 'initials': {
      const words = `${firstName} ${clean(choice.lastName)}`.split(/[\s-]+/).filter(Boolean);
      if (words.length === 0) throw invalid('initials need a name');
      const initials = words.map((word) => `${Array.from(word)[0]?.toUpperCase() ?? ''}.`).join(' ');
      return { kind: 'initials', text: t('testimonials.signature.initials', { initials }) };
    }
    case 'first_name_neighbourhood': {
      if (firstName === '') throw invalid('this signature needs a first name');
      const neighbourhood = clean(choice.neighbourhood);
      const text =
        neighbourhood === ''
          ? t('testimonials.signature.firstName', { firstName })
          : t('testimonials.signature.firstNameNeighbourhood', { firstName, neighbourhood });
      return { kind: 'first_name_neighbourhood', text };
    }
    default:
      throw invalid('unknown signature kind');
  }
}

/**
 * The exact text of the post for a testimonial.
 *
 * @remarks
 * The text and the signature are screened here again, so that a testimonial stored before
 * the screening (or by any other path) is never published with contact details.
 */
export function renderPost(text: string, signature: TestimonialSignature): string {
  return t('testimonials.post', { text: screenText(text).text, signature: screenText(signature.text).text });
}

/**
 * The first name a `first_name_neighbourhood` signature shows, read back from its text;
 * undefined for the other kinds.
 *
 * @remarks
 * The inverse of {@link renderSignature} for that kind: the erasure looks for the name in
 * what other people's conversations hold.
 */
export function signedFirstName(signature: TestimonialSignature): string | undefined {
  if (signature.kind !== 'first_name_neighbourhood') return undefined;
  for (const key of ['testimonials.signature.firstNameNeighbourhood', 'testimonials.signature.firstName']) {
    const pattern = t(key)
      .split(/(\{\w+\})/)
      .map((part) =>
        part === '{firstName}'
          ? '(?<firstName>.+?)'
          : /^\{\w+\}$/.test(part)
            ? '.+'
            : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    const found = new RegExp(`^${pattern}$`, 'u').exec(signature.text)?.groups?.firstName;
    if (found) return found;
  }
  return undefined;
}

/** A part of a name: contact details dropped (not replaced), spaces tidied, at most 60 characters. */
function clean(value: string | undefined): string {
  if (typeof value !== 'string') return '';
  return screenText(value, { replacement: 'nothing' }).text.trim().replace(/\s+/g, ' ').slice(0, MAX_PART);
}

function invalid(message: string): CodedError {
  return new CodedError(ErrorCode.PayloadInvalid, message);
}

/** The French texts of the Page, as the testimonials module's port. */
export const frenchPosts: PostComposer = {
  signature: renderSignature,
  anonymousSignature: () => ({ kind: 'anonymous', text: t('testimonials.signature.anonymous') }),
  post: renderPost,
  signedFirstName,
  get screening() {
    return screeningWords();
  },
};
