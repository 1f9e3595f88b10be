import { removeServerData, stopServer } from './server.js';

export default async function globalTeardown() {
  await stopServer();
  removeServerData();
}
