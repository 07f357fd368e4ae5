/**
 * `npm run chat`: talk to the bot in the terminal, in French.
 *
 * Quick replies are numbered: type the number or the text. Commands:
 *   /moi NOM          speak as another resident (to play both sides of a match)
 *   /position LAT LON share a location (for example /position 43.5836 5.0019)
 *   /quitter          leave
 * Uses MONGODB_URI, or starts (or reuses) the local engine.
 */
import { createInterface } from 'node:readline';
import type { CardAction } from 'botbuilder';
import { loadConfig } from '../bot/config';
import { Container } from '../bot/container';
import { resolveDatabaseUri } from '../bot/devDatabase';
import { TERMINAL_CHANNEL, TerminalAdapter, type PrintedReply } from '../bot/terminal/terminalAdapter';
import { connectDatabase } from '../services/db/connect';
import { t } from '../services/i18n';
import { createLogger } from '../services/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const { client } = await connectDatabase({
    uri: await resolveDatabaseUri(config, { log: (line) => process.stderr.write(`${line}\n`) }),
  });
  const lastChoices = new Map<string, CardAction[]>();
  let me = 'voisin-terminal';

  const adapter = new TerminalAdapter((reply: PrintedReply) => {
    const prefix = reply.to === me ? 'Bot' : `Bot → ${reply.to}`;
    console.log(`${prefix} › ${reply.text}`);
    reply.choices.forEach((choice, index) => console.log(`   ${index + 1}. ${choice.title}`));
    lastChoices.set(reply.to, reply.choices);
  });
  adapter.onTurnError = async (context, error) => {
    console.error(`(erreur : ${error.message})`);
    await context.sendActivity(t('fallback.error'));
  };
  // The application's own parts, with the terminal as the only channel.
  const container = new Container({
    config,
    db: client.db(config.mongodbDb),
    logger,
    overrides: {
      adapterFor: () => (channelId) => (channelId === TERMINAL_CHANNEL ? adapter : undefined),
      graph: () => undefined,
    },
  });
  await container.ensureIndexes();
  const bot = container.get('bot');

  console.log(t('terminal.intro', { me }));
  // Piped input (a script, a test) is echoed instead of prompted, so the transcript reads like a chat.
  const interactive = process.stdin.isTTY === true;
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const prompt = (): void => {
    if (!interactive) return;
    lines.setPrompt(`${me} › `);
    lines.prompt();
  };
  prompt();
  for await (const line of lines) {
    const input = line.trim();
    if (!interactive && input) console.log(`${me} › ${input}`);
    if (input === '/quitter') break;
    if (input.startsWith('/moi ')) {
      me = input.slice(5).trim() || me;
      console.log(t('terminal.switched', { me }));
    } else if (input.startsWith('/position ')) {
      const [lat, lon] = input
        .slice(10)
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      if (Number.isFinite(lat) && Number.isFinite(lon)) {
        await adapter.receive(me, { location: { lat: lat, lon: lon } }, (context) => bot.run(context));
      } else console.log(t('terminal.badPosition'));
    } else if (input) {
      const choice = pickChoice(input, lastChoices.get(me) ?? []);
      await adapter.receive(
        me,
        choice ? { text: choice.title, payload: String(choice.value) } : { text: input },
        (context) => bot.run(context),
      );
    }
    prompt();
  }
  lines.close();
  await client.close();
}

/** The quick reply the person meant, by number or by its title. */
function pickChoice(input: string, choices: CardAction[]): CardAction | undefined {
  const number = Number(input);
  if (Number.isInteger(number) && number >= 1 && number <= choices.length) return choices[number - 1];
  const folded = fold(input);
  return choices.find((choice) => fold(choice.title ?? '') === folded);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
