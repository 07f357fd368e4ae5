import { MemoryStorage } from 'botbuilder';
import { MongoStorage, type StorageDocument } from '../../services/db/mongoStorage';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { storageSuite } from '../support/storageSuite';

describe('bot state storage', () => {
  let database: TestDatabase;
  let collections = 0;
  before(async () => {
    database = await openTestDatabase('storage');
  });
  after(async () => {
    await database.dispose();
  });

  storageSuite('MemoryStorage', () => new MemoryStorage());
  storageSuite(
    'MongoStorage',
    () => new MongoStorage(database.db.collection<StorageDocument>(`state_${++collections}`)),
  );
});
