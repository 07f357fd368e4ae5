/**
 * The baseline for the webhook benchmark: a bare restify server that checks the signature
 * and answers 200, nothing else. Prints its port on standard output.
 */
import restify from 'restify';
import { verifySignature } from '../../bot/messenger/signature';
import { readRawBody } from '../../bot/routes/rawBody';

const secret = process.env.MESSENGER_APP_SECRET ?? 'bench-secret';
const server = restify.createServer();
server.post('/api/messenger', async (request, response) => {
  const raw = await readRawBody(request, 256 * 1024);
  try {
    verifySignature(raw, request.header('x-hub-signature-256') || undefined, secret);
  } catch {
    response.sendRaw(403, 'Forbidden');
    return;
  }
  response.sendRaw(200, 'EVENT_RECEIVED');
});
server.listen(0, '127.0.0.1', () => {
  console.log(String(server.address().port));
});
