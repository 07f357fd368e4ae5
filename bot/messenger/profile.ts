/**
 * The Page's Messenger profile: Get Started button, greeting and persistent menu (their
 * payloads are the dialogs' `MenuPayload`, so the router knows every one).
 */
import { MenuPayload } from '../../dialogs/payload';
import { CodedError, ErrorCode } from '../../services/errors';
import { t } from '../../services/i18n';

/** Meta's limits on the profile. */
export const PROFILE_LIMITS = Object.freeze({ greeting: 160, menuItems: 20, menuTitle: 30 });

/** A postback entry of the persistent menu. */
export interface MenuPostback {
  type: 'postback';
  title: string;
  payload: string;
}

/** Body of `POST /me/messenger_profile`. */
export interface MessengerProfileBody {
  get_started: { payload: string };
  greeting: { locale: string; text: string }[];
  persistent_menu: { locale: string; composer_input_disabled: boolean; call_to_actions: MenuPostback[] }[];
}

const MENU: readonly [string, string][] = [
  ['messengerProfile.menuOffer', MenuPayload.offer],
  ['messengerProfile.menuNeed', MenuPayload.need],
  ['messengerProfile.menuHuman', MenuPayload.human],
  ['messengerProfile.menuMyEntries', MenuPayload.myEntries],
  ['messengerProfile.menuPrivacy', MenuPayload.privacy],
  ['messengerProfile.menuTestimonial', MenuPayload.testimonial],
  ['messengerProfile.menuHelp', MenuPayload.help],
];

/**
 * Builds the Messenger profile from `locales/fr.json` (section `messengerProfile`).
 *
 * @throws CodedError(MessageInvalid) when a text breaks Meta's limits (greeting over 160
 * characters, menu title over 30, more than 20 menu items), so a bad translation fails
 * here rather than at Meta.
 */
export function buildMessengerProfile(): MessengerProfileBody {
  const greeting = [
    { locale: 'default', text: t('messengerProfile.greetingDefault') },
    { locale: 'fr_FR', text: t('messengerProfile.greetingFr') },
  ];
  for (const { locale, text } of greeting) {
    if (Array.from(text).length > PROFILE_LIMITS.greeting) {
      throw new CodedError(
        ErrorCode.MessageInvalid,
        `greeting (${locale}) over ${PROFILE_LIMITS.greeting} characters`,
      );
    }
  }
  const callToActions = MENU.map(([key, payload]): MenuPostback => ({
    type: 'postback',
    title: t(key),
    payload,
  }));
  if (callToActions.length > PROFILE_LIMITS.menuItems) {
    throw new CodedError(ErrorCode.MessageInvalid, `persistent menu over ${PROFILE_LIMITS.menuItems} items`);
  }
  for (const { title, payload } of callToActions) {
    if (Array.from(title).length > PROFILE_LIMITS.menuTitle) {
      throw new CodedError(
        ErrorCode.MessageInvalid,
        `menu title of ${payload} over ${PROFILE_LIMITS.menuTitle} characters`,
      );
    }
  }
  return {
    get_started: { payload: MenuPayload.getStarted },
    greeting,
    persistent_menu: [{ locale: 'default', composer_input_disabled: false, call_to_actions: callToActions }],
  };
}
