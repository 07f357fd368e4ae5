/**
 * The Page's Messenger profile: Get Started button, greeting and persistent menu.
 */
import { CodedError, ErrorCode } from '../../services/errors';
import { t } from '../../services/i18n';

/** Postback payloads of the Get Started button and the persistent menu, for the dialogs to route. */
export const ProfilePayload = Object.freeze({
  GetStarted: 'GET_STARTED',
  Offer: 'MENU_OFFER',
  Need: 'MENU_NEED',
  Human: 'MENU_HUMAN',
  MyEntries: 'MENU_MY_ENTRIES',
  Privacy: 'MENU_PRIVACY',
  Testimonial: 'MENU_TESTIMONIAL',
  Help: 'MENU_HELP',
});

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
  ['messengerProfile.menuOffer', ProfilePayload.Offer],
  ['messengerProfile.menuNeed', ProfilePayload.Need],
  ['messengerProfile.menuHuman', ProfilePayload.Human],
  ['messengerProfile.menuMyEntries', ProfilePayload.MyEntries],
  ['messengerProfile.menuPrivacy', ProfilePayload.Privacy],
  ['messengerProfile.menuTestimonial', ProfilePayload.Testimonial],
  ['messengerProfile.menuHelp', ProfilePayload.Help],
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
    get_started: { payload: ProfilePayload.GetStarted },
    greeting,
    persistent_menu: [{ locale: 'default', composer_input_disabled: false, call_to_actions: callToActions }],
  };
}
