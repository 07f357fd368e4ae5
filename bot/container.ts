/**
 * The composition root: the one place where the application's parts are built and wired.
 *
 * @remarks
 * The server (bot/app.ts), `npm run chat`, `npm run jobs`, `npm run admin` and every test
 * harness take their parts from a {@link Container}; none writes the wiring out again. Parts
 * are built on first use and then shared, so a tool builds only what it touches (`jobs list`
 * builds no module and needs no database). Tests replace parts by name with `overrides`
 * (a recording thread control, a fake transport, a shared understanding model); everything
 * built on a replaced part uses the replacement.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { systemClock, type Clock } from '../services/clock';
import { ensureDomainIndexes } from '../services/domain/ensureIndexes';
import { CodedError, ErrorCode } from '../services/errors';
import { ensureJobIndexes } from '../services/jobs';
import type { Logger } from '../services/logger';
import { channelParts } from './composition/channelParts';
import { conversationParts } from './composition/conversationParts';
import { moduleParts } from './composition/moduleParts';
import { staffParts } from './composition/staffParts';
import type { AppConfig } from './config';
import type { PartFactories, Parts } from './parts';

export type { Parts } from './parts';

/** Replacements of parts by name; each receives the container, to build on other parts. */
export type PartOverrides = { [K in keyof Parts]?: (container: Container) => Parts[K] };

/** Options of {@link Container}. */
export interface ContainerOptions {
  config: AppConfig;
  /** The open database; absent for tools that never touch it. */
  db?: Db;
  logger: Logger;
  clock?: Clock;
  /** This instance's name in inbox and job leases; random by default. */
  instanceId?: string;
  overrides?: PartOverrides;
}

/**
 * How each part is built by default, composed area by area (bot/composition/): the channels
 * and the delivery of messages, the modules, the conversation and its runtime, the staff's
 * e-mail and console.
 */
const FACTORIES: PartFactories = {
  db: (c) => {
    if (!c.options.db) throw new CodedError(ErrorCode.NotSupported, 'this tool runs without a database');
    return c.options.db;
  },
  ...channelParts,
  ...moduleParts,
  ...conversationParts,
  ...staffParts,
};

/** The application's parts, built on first use from the configuration and the database. */
export class Container {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  /** This instance's name in inbox and job leases. */
  readonly instanceId: string;
  private readonly built = new Map<keyof Parts, unknown>();
  private readonly building = new Set<keyof Parts>();

  constructor(readonly options: ContainerOptions) {
    this.config = options.config;
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  }

  /** The part `name`, built (once) by its override or its default factory. */
  get<K extends keyof Parts>(name: K): Parts[K] {
    if (this.built.has(name)) return this.built.get(name) as Parts[K];
    if (this.building.has(name)) {
      throw new CodedError(ErrorCode.ConfigInvalid, `the part "${name}" depends on itself`);
    }
    this.building.add(name);
    try {
      const factory = this.options.overrides?.[name] ?? FACTORIES[name];
      const part = factory(this);
      this.built.set(name, part);
      return part;
    } finally {
      this.building.delete(name);
    }
  }

  /** The default of part `name`, built for `container` (an override may wrap it). */
  static defaultPart<K extends keyof Parts>(name: K, container: Container): Parts[K] {
    return (FACTORIES[name] as (c: Container) => Parts[K])(container);
  }

  /** Creates every collection's indexes (idempotent; once at start-up). */
  async ensureIndexes(): Promise<void> {
    const db = this.get('db');
    await Promise.all([
      ensureDomainIndexes(db),
      this.get('directory').ensureIndexes(),
      this.get('moderation').ensureIndexes(),
      this.get('tasks').ensureIndexes(),
      this.get('limits').ensureIndexes(),
      this.get('outboxStore').ensureIndexes(),
      this.get('inbox').ensureIndexes(),
      this.get('mailOutbox').ensureIndexes(),
      ensureJobIndexes(db),
      this.get('staffAccess').ensureIndexes(),
    ]);
  }
}
