/**
 * The cursor commands: the first page of find, aggregate, listCollections and listIndexes
 * (the cursor kept when there are more), getMore and killCursors.
 */
import { Long, type Document } from 'bson';
import * as backend from './backend';
import type { ConnectionSource, CursorStore, HeldConnection } from './cursors';
import { MongoCode, MongoCommandError } from './errors';

/** The id of the cursor a reply opened or continued, '0' when it is exhausted. */
function cursorId(reply: Document): string {
  const cursor = reply.cursor as { id?: Long | number } | undefined;
  return cursor?.id === undefined ? '0' : cursor.id.toString();
}

/** Opens, pages and kills cursors over the pool's connections, remembering them in `cursors`. */
export class CursorCommands {
  constructor(
    private readonly pool: ConnectionSource,
    private readonly cursors: CursorStore,
  ) {}

  /** The first page of `name`; the cursor is kept when DocumentDB has more. */
  async open(
    name: string,
    spec: Document,
    database: string,
    transaction: HeldConnection | undefined,
    socketId: number,
  ): Promise<Document> {
    const connection = transaction ?? (await this.pool.connect());
    let keep = false;
    try {
      const page = await backend.firstPage(connection, name, database, spec);
      const id = cursorId(page.reply);
      if (id !== '0' && page.continuation) {
        keep = page.persistConnection && !transaction;
        this.cursors.open({
          id,
          database,
          collection: String(spec[name] ?? ''),
          continuation: page.continuation,
          connection: page.persistConnection || transaction ? connection : undefined,
          ownsConnection: keep,
          socketId,
        });
      }
      return page.reply;
    } finally {
      if (!transaction && !keep) connection.release();
    }
  }

  /** The next page of a kept cursor; the cursor is closed after its last page or a failure. */
  async getMore(
    spec: Document,
    database: string,
    transaction: HeldConnection | undefined,
  ): Promise<Document> {
    const id = String(spec.getMore as Long);
    const cursor = this.cursors.take(id);
    if (!cursor)
      throw new MongoCommandError(MongoCode.CursorNotFound, 'CursorNotFound', `cursor id ${id} not found`);
    const connection = cursor.connection ?? transaction ?? this.pool;
    const request: Document = { ...spec, getMore: Long.fromString(id) };
    let page: backend.CursorPage;
    try {
      page = await backend.nextPage(connection, database, request, cursor.continuation);
    } catch (error) {
      this.cursors.close(id);
      throw error;
    }
    if (cursorId(page.reply) === '0' || !page.continuation) this.cursors.close(id);
    else cursor.continuation = page.continuation;
    return page.reply;
  }

  /** Closes the cursors named, saying which were found. */
  kill(spec: Document): Document {
    const ids = ((spec.cursors as unknown[] | undefined) ?? []).map((id) => String(id as Long));
    const killed = ids.filter((id) => this.cursors.close(id));
    const notFound = ids.filter((id) => !killed.includes(id));
    const toLongs = (list: string[]): Long[] => list.map((id) => Long.fromString(id));
    return {
      cursorsKilled: toLongs(killed),
      cursorsNotFound: toLongs(notFound),
      cursorsAlive: [],
      cursorsUnknown: [],
      ok: 1,
    };
  }
}
