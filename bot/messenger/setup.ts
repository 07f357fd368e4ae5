/**
 * What `npm run messenger:setup` does: sets the Page's Messenger profile, subscribes the app
 * to every webhook field the bot handles, and prints what must still be set by hand in
 * Meta's dashboard.
 */
import type { ProfileApi } from '../../services/graph';
import { buildMessengerProfile } from './profile';

/**
 * The Page's webhook fields the bot reads: messages and their echoes, postbacks, m.me
 * referrals, the handover protocol (and `standby` while the Page inbox owns a thread), and
 * the Page feed (comments under its posts).
 */
export const PAGE_WEBHOOK_FIELDS = [
  'messages',
  'message_echoes',
  'messaging_postbacks',
  'messaging_referrals',
  'messaging_handovers',
  'standby',
  'feed',
] as const;

/** The permissions the page token needs, and why (printed for the dashboard). */
export const PAGE_PERMISSIONS: readonly (readonly [string, string])[] = [
  ['pages_messaging', 'messages, private replies to comments'],
  ['pages_manage_metadata', 'subscribing the app to the page webhook'],
  ['pages_read_engagement', 'reading the page feed and its comments'],
  ['pages_manage_engagement', 'answering and hiding comments'],
  ['pages_manage_posts', 'publishing testimonials'],
];

/** What {@link setUpMessenger} needs. */
export interface MessengerSetup {
  profile: Pick<ProfileApi, 'setMessengerProfile' | 'subscribePage'>;
  /** Our Page id; without it the subscription is left to the dashboard (and said so). */
  pageId: string | undefined;
  /** Where Meta must send the webhook (`https://<host>/api/messenger`), when known. */
  webhookUrl: string | undefined;
  /** The app that receives handed-over threads (the Page inbox). */
  pageInboxAppId: string;
  print: (line: string) => void;
}

/** Sets the profile, subscribes the Page's fields, and prints the dashboard checklist. */
export async function setUpMessenger(setup: MessengerSetup): Promise<void> {
  const { print } = setup;
  const body = buildMessengerProfile();
  await setup.profile.setMessengerProfile({ ...body });
  print('Messenger profile set:');
  print(`- get_started: ${body.get_started.payload}`);
  for (const greeting of body.greeting) print(`- greeting (${greeting.locale}): ${greeting.text}`);
  for (const item of body.persistent_menu[0]?.call_to_actions ?? [])
    print(`- menu: ${item.title} -> ${item.payload}`);

  if (setup.pageId === undefined) {
    print('MESSENGER_PAGE_ID is not set: subscribe the page to the fields below in the dashboard.');
  } else {
    await setup.profile.subscribePage(setup.pageId, PAGE_WEBHOOK_FIELDS);
    print(`Page ${setup.pageId} subscribed to: ${PAGE_WEBHOOK_FIELDS.join(', ')}`);
  }

  print('');
  print("Still to do in Meta's dashboard (App > Messenger > Settings, and the Page's settings):");
  print(
    `1. Webhook callback URL: ${setup.webhookUrl ?? 'https://<your host>/api/messenger'}, verify token: MESSENGER_VERIFY_TOKEN.`,
  );
  print(`2. Webhook fields of the app (Page object): ${PAGE_WEBHOOK_FIELDS.join(', ')}.`);
  print('3. Permissions of the page token (App Review for a live app):');
  for (const [permission, why] of PAGE_PERMISSIONS) print(`   - ${permission}: ${why}`);
  print(
    `4. Handover protocol (Page settings > Advanced messaging): this app as primary receiver, the Page inbox (${setup.pageInboxAppId}) as secondary.`,
  );
  print(
    '5. Set MESSENGER_PAGE_NAME to the page username so posters and e-mails link to https://m.me/<name>.',
  );
}
