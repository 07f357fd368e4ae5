/**
 * What the testimonials module tells the admins, as typed notices (rendered to French in
 * dialogs/notices/testimonials.ts), and the port that writes the Page's texts.
 */
import { screenText, type ScreeningWords } from '../screening/screenText';
import type { SignatureChoice, TestimonialSignature } from './types';

/** The testimonials module's notices (to the admins; ids and error codes only). */
export type TestimonialNotice =
  /** Meta refused the publication for good. */
  | { type: 'testimonials.publicationFailed'; id: string; code: string }
  /** A withdrawn testimonial's post was deleted from the Page. */
  | { type: 'testimonials.postDeleted'; id: string }
  /** A withdrawn testimonial's post could not be deleted (the job tries again). */
  | { type: 'testimonials.postDeleteFailed'; id: string; code: string };

/**
 * The texts the Page shows: a signature, the post of a testimonial; implemented by the
 * conversation layer (French), wired by the composition root.
 */
export interface PostComposer {
  /**
   * The signature of the resident's choice.
   *
   * @throws CodedError `payload_invalid` for an unknown kind, or a name missing for a kind that needs one.
   */
  signature(choice: SignatureChoice): TestimonialSignature;
  /** The signature of a testimonial whose author is unknown (or erased). */
  anonymousSignature(): TestimonialSignature;
  /** The exact text of the post for a testimonial. */
  post(text: string, signature: TestimonialSignature): string;
  /** The first name a `first_name_neighbourhood` signature shows, read back; undefined for the other kinds. */
  signedFirstName(signature: TestimonialSignature): string | undefined;
  /** The placeholders the screening writes into a text the Page shows, in the Page's language. */
  readonly screening: ScreeningWords;
}

/**
 * The exact text the Page publishes for a testimonial.
 *
 * @remarks
 * The text and the signature are screened here again, so that a testimonial stored before
 * the screening (or by any other path) is never published with contact details.
 */
export function postMessage(composer: PostComposer, text: string, signature: TestimonialSignature): string {
  const words = composer.screening;
  return composer.post(screenText(text, { words }).text, {
    ...signature,
    text: screenText(signature.text, { words }).text,
  });
}
