import 'reflect-metadata';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/nats-core';
import { UnavailableError, rpcSubject, type RpcRequest } from '@omni/contracts';
import {
  RpcErrorFilter,
  connectNats,
  createRpcClient,
  rpcServerOptions,
  type RpcClient,
} from '@omni/messaging';
import { eventually, startTestNats, type TestNatsServer } from '@omni/testing';

/** Answers of `demo.held` wait here until the test lets them go. */
const held: { input: number; release: () => void }[] = [];

@Controller()
class DemoController {
  @MessagePattern(rpcSubject('demo', 'double'))
  double(@Payload() { input }: RpcRequest<number>) {
    return input * 2;
  }

  @MessagePattern(rpcSubject('demo', 'held'))
  async held(@Payload() { input }: RpcRequest<number>) {
    await new Promise<void>((release) => held.push({ input, release }));
    return input;
  }
}

@Module({ controllers: [DemoController] })
class DemoModule {}

let natsServer: TestNatsServer;
let nats: NatsConnection;
let app: INestMicroservice;
let client: RpcClient;

beforeAll(async () => {
  natsServer = await startTestNats();
  app = await NestFactory.createMicroservice(DemoModule, {
    ...rpcServerOptions({ service: 'demo', natsUrl: natsServer.url }),
    logger: false,
  });
  app.useGlobalFilters(new RpcErrorFilter());
  await app.listen();
  nats = await connectNats({ url: natsServer.url, name: 'rpc-client-test' });
  client = createRpcClient(nats, { defaultTimeoutMs: 5000 });
});

afterAll(async () => {
  for (const h of held) h.release();
  await app.close();
  await nats.close();
  await natsServer.dispose();
});

const request = (input: number): RpcRequest<number> => ({ input, context: { correlationId: `c-${input}` } });

describe('when many calls are in flight at once', () => {
  it('gives each caller its own answer', async () => {
    const inputs = Array.from({ length: 500 }, (_, i) => i);
    const answers = await Promise.all(inputs.map((i) => client.call<number>('demo', 'double', request(i))));
    expect(answers).toEqual(inputs.map((i) => i * 2));
  });
});

describe('when a service answers after the deadline', () => {
  it('reports it unavailable, ignores the late answer and keeps serving other calls', async () => {
    const late = client.call('demo', 'held', request(7), { timeoutMs: 200 });
    await expect(late).rejects.toBeInstanceOf(UnavailableError);
    await expect(late).rejects.toMatchObject({ status: 503, message: 'The demo service did not answer' });
    await eventually(() => expect(held.map((h) => h.input)).toContain(7));
    held.find((h) => h.input === 7)!.release();
    await expect(client.call('demo', 'double', request(21))).resolves.toBe(42);
  });
});

describe('when the connection closes with calls in flight', () => {
  it('fails them, and every later call, as unavailable', async () => {
    const own = await connectNats({ url: natsServer.url, name: 'rpc-client-closing' });
    const closing = createRpcClient(own, { defaultTimeoutMs: 60_000 });
    const inFlight = closing.call('demo', 'held', request(8));
    await eventually(() => expect(held.map((h) => h.input)).toContain(8));
    await own.close();
    await expect(inFlight).rejects.toMatchObject({
      status: 503,
      message: 'The demo service could not be reached',
    });
    await expect(closing.call('demo', 'double', request(1))).rejects.toBeInstanceOf(UnavailableError);
  });
});
