// Opens COUNT connections to 127.0.0.1:PORT that never send a byte, a batch at a time,
// then reports on stdout how many connected and how many the server has closed since,
// and keeps the rest open until it is killed.
import { connect, type Socket } from 'node:net';

const [port, count, batch] = [...process.argv.slice(2, 4).map(Number), Number(process.argv[4] ?? 500)];
let connected = 0;
let closed = 0;
let failed = 0;
const sockets: Socket[] = [];

function open(): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    sockets.push(socket);
    socket.once('connect', () => {
      connected += 1;
      resolve();
    });
    socket.once('error', () => {
      failed += 1;
      resolve();
    });
    socket.once('close', () => {
      closed += 1;
    });
    socket.resume(); // read, so that a close by the server is seen
  });
}

async function main(): Promise<void> {
  for (let opened = 0; opened < count; opened += batch) {
    const next: Array<Promise<void>> = [];
    for (let i = opened; i < Math.min(count, opened + batch); i += 1) next.push(open());
    await Promise.all(next);
  }
  const report = (): boolean => process.stdout.write(`${JSON.stringify({ connected, closed, failed })}\n`);
  report();
  setInterval(report, 500);
}

void main();
