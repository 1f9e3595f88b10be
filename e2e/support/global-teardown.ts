import { stopMailbox } from './mailbox.js';
import { removeServerData, stopServer } from './server.js';

export default async function globalTeardown() {
  await stopServer();
  removeServerData();
  await stopMailbox();
}
