/**
 * `npm run messenger:setup`: sets the Page's Messenger profile (Get Started button,
 * greeting, persistent menu) from `locales/fr.json`, subscribes the Page to the webhook
 * fields the bot handles, and prints what to configure in Meta's dashboard.
 *
 * Reads the configuration like the app does (bot/config.ts): MESSENGER_PAGE_ACCESS_TOKEN,
 * MESSENGER_APP_SECRET (and MESSENGER_VERIFY_TOKEN, which the app's config requires with
 * them), GRAPH_API_URL (default https://graph.facebook.com), GRAPH_API_VERSION (default v25.0).
 */
import { setUpMessenger } from '../bot/messenger/setup';
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
  await setUpMessenger({
    profile: graph.profile,
    pageId: config.messenger.pageId,
    webhookUrl: process.env.PUBLIC_URL
      ? `${process.env.PUBLIC_URL.replace(/\/$/, '')}/api/messenger`
      : undefined,
    pageInboxAppId: config.pageInboxAppId,
    print: (line) => console.log(line),
  });
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
