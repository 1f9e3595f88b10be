import { startMailbox } from './mailbox.js';
import { removeServerData, startServer, stopServer } from './server.js';

export default async function globalSetup() {
  await stopServer();
  removeServerData();
  await startMailbox();
  await startServer();
}
