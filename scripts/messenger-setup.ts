/**
 * `npm run messenger:setup`: sets the Page's Messenger profile (Get Started button,
 * greeting, persistent menu) from `locales/fr.json`.
 *
 * Reads the configuration like the app does (bot/config.ts): MESSENGER_PAGE_ACCESS_TOKEN,
 * MESSENGER_APP_SECRET (and MESSENGER_VERIFY_TOKEN, which the app's config requires with
 * them), GRAPH_API_URL (default https://graph.facebook.com), GRAPH_API_VERSION (default v25.0).
 */
import { buildMessengerProfile } from '../bot/messenger/profile';
import { ConfigError, loadConfig } from '../bot/config';
import { createGraphClients, GraphError } from '../services/graph';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.messenger) {
    // Half-set variables already raised a ConfigError naming the missing ones; none set lands here.
    throw new ConfigError(
      'MESSENGER_PAGE_ACCESS_TOKEN and MESSENGER_APP_SECRET (with MESSENGER_VERIFY_TOKEN) must be set',
    );
  }
  const graph = createGraphClients({
    graphApiUrl: config.graphApiUrl,
    graphApiVersion: config.graphApiVersion,
    accessToken: config.messenger.pageAccessToken,
    appSecret: config.messenger.appSecret,
  });
  const body = buildMessengerProfile();
  await graph.profile.setMessengerProfile({ ...body });
  const menu = body.persistent_menu[0]?.call_to_actions ?? [];
  console.log(
    `Messenger profile set on ${config.graphApiUrl}/${config.graphApiVersion}/me/messenger_profile:`,
  );
  console.log(`- get_started: ${body.get_started.payload}`);
  for (const greeting of body.greeting) console.log(`- greeting (${greeting.locale}): ${greeting.text}`);
  for (const item of menu) console.log(`- menu: ${item.title} -> ${item.payload}`);
}

main().catch((error: unknown) => {
  if (error instanceof GraphError) {
    console.error(
      `Meta refused the profile: ${error.message}${error.graphMessage ? ` (${error.graphMessage})` : ''}`,
    );
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exitCode = 1;
});
