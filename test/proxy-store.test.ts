// The single-instance store (memory) against the store contract every implementation follows.
import { MemoryStore } from '../src/server/proxy/store';
import { describeStoreContract } from './helpers/store-contract';

describeStoreContract('memory', async () => new MemoryStore());
