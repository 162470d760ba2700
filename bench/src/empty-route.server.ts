// The HTTP floor: Fastify with one empty JSON route and nothing else, started as its own process.
// Prints {"port":N} once it listens on loopback; stops on SIGTERM.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/empty', async () => ({}));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(
  `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
);
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
