/**
 * The application's container over a test database, as bot/container.ts wires it, with
 * Messenger replaced by what the test gives (a recording or fake-Graph transport).
 */
import type { Db } from 'mongodb';
import { parseConfig } from '../../bot/config';
import { Container, type PartOverrides } from '../../bot/container';
import type { Clock } from '../../services/clock';
import type { Entries } from '../../services/entries/entries';
import type { EntryRepository } from '../../services/entries/entryRepository';
import type { MatchRepository } from '../../services/matching/matchRepository';
import type { Matching } from '../../services/matching/matching';
import type { ResidentRepository } from '../../services/residents/residentRepository';
import type { Logger } from '../../services/logger';
import type { ResidentNotifier } from '../../services/messaging/notifier';

/** What {@link testContainer} needs. */
export interface TestContainerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Where rendered messages go. */
  transport: ResidentNotifier;
  /** Other parts replaced (the Graph clients of a fake Graph API, a directory…). */
  overrides?: PartOverrides;
  /** Configuration variables beyond the database's. */
  env?: Record<string, string>;
}

/** A container without Messenger (unless `overrides.graph` gives one) sending through `transport`. */
export function testContainer(options: TestContainerOptions): Container {
  const { db, clock, logger, transport } = options;
  return new Container({
    config: parseConfig({ MONGODB_URI: 'mongodb://127.0.0.1/', MONGODB_DB: db.databaseName, ...options.env }),
    db,
    logger,
    clock,
    overrides: { graph: () => undefined, transport: () => transport, ...options.overrides },
  });
}

/** The modules' use cases and the repositories behind them. */
export interface Modules {
  entries: Entries;
  matching: Matching;
  repositories: { residents: ResidentRepository; entries: EntryRepository; matches: MatchRepository };
}

/** The entries and matching modules of `container`. */
export function modulesOf(container: Container): Modules {
  return {
    entries: container.get('entries'),
    matching: container.get('matching'),
    repositories: {
      residents: container.get('residents'),
      entries: container.get('entryRepository'),
      matches: container.get('matchRepository'),
    },
  };
}
