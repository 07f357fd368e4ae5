/**
 * The CloudAdapter of the Bot Framework endpoint, with identities keyed by channel.
 */
import { CloudAdapter, type Middleware, type TurnContext } from 'botbuilder';
import { toBotIdentity, toWireIdentity } from './identity';

/**
 * Rewrites every turn's activity to the bot's identities (see `identity.ts`) and every
 * outgoing activity back to the connector's, for replies, `expectReplies` answers and
 * proactive turns alike.
 */
export const channelIdentityMiddleware: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    toBotIdentity(context.activity);
    context.onSendActivities(async (_context, activities, send) => {
      for (const activity of activities) toWireIdentity(activity);
      return send();
    });
    await next();
  },
};

/** A CloudAdapter whose turns only ever see channel-keyed identities. */
export function createBotFrameworkAdapter(
  authentication: ConstructorParameters<typeof CloudAdapter>[0],
): CloudAdapter {
  const adapter = new CloudAdapter(authentication);
  adapter.use(channelIdentityMiddleware);
  return adapter;
}
