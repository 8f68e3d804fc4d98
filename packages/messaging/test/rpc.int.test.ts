import 'reflect-metadata';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/nats-core';
import { BusinessRuleError, UnavailableError, rpcSubject, type RpcRequest } from '@omni/contracts';
import {
  RpcErrorFilter,
  RpcTracingInterceptor,
  checkServices,
  connectNats,
  createRpcClient,
  rpcServerOptions,
  type RpcClient,
} from '@omni/messaging';
import { startTestNats, startTestTracing, type TestNatsServer, type TestTracing } from '@omni/testing';
import { context, trace } from '@opentelemetry/api';

@Controller()
class DemoController {
  @MessagePattern(rpcSubject('demo', 'echo'))
  echo(@Payload() { input, context: ctx }: RpcRequest<{ text: string }>) {
    return {
      text: input.text,
      correlationId: ctx.correlationId,
      traceId: trace.getActiveSpan()?.spanContext().traceId,
    };
  }

  @MessagePattern(rpcSubject('demo', 'refuse'))
  refuse(): never {
    throw new BusinessRuleError('insufficient_stock', 'Only 2 available', { details: { available: 2 } });
  }

  @MessagePattern(rpcSubject('demo', 'crash'))
  crash(): never {
    throw new Error('SELECT * FROM secrets failed');
  }

  @MessagePattern(rpcSubject('demo', 'health'))
  health() {
    return { status: 'up', service: 'demo' };
  }
}

@Module({ controllers: [DemoController] })
class DemoModule {}

let natsServer: TestNatsServer;
let nats: NatsConnection;
let app: INestMicroservice;
let client: RpcClient;
let tracing: TestTracing;

beforeAll(async () => {
  tracing = startTestTracing();
  natsServer = await startTestNats();
  app = await NestFactory.createMicroservice(DemoModule, {
    ...rpcServerOptions({ service: 'demo', natsUrl: natsServer.url }),
    logger: false,
  });
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new RpcTracingInterceptor());
  await app.listen();
  nats = await connectNats({ url: natsServer.url, name: 'rpc-test' });
  client = createRpcClient(nats, { defaultTimeoutMs: 2000 });
});

afterAll(async () => {
  await app.close();
  await nats.close();
  await natsServer.dispose();
  await tracing.shutdown();
});

const request = <T>(input: T): RpcRequest<T> => ({ input, context: { correlationId: 'corr-1' } });

it('answers a request through the NestJS NATS transport', async () => {
  await expect(client.call('demo', 'echo', request({ text: 'hi' }))).resolves.toMatchObject({
    text: 'hi',
    correlationId: 'corr-1',
  });
});

it('carries the caller’s trace into the handler', async () => {
  const span = trace.getTracer('test').startSpan('http request');
  const reply = await context.with(trace.setSpan(context.active(), span), () =>
    client.call<{ traceId: string }>('demo', 'echo', request({ text: 'traced' })),
  );
  span.end();
  expect(reply.traceId).toBe(span.spanContext().traceId);
});

it('turns a refusal into the same error class, code, status and details', async () => {
  const refusal = client.call('demo', 'refuse', request({}));
  await expect(refusal).rejects.toBeInstanceOf(BusinessRuleError);
  await expect(refusal).rejects.toMatchObject({
    code: 'insufficient_stock',
    status: 422,
    details: { available: 2 },
  });
});

it('never leaks an internal error message', async () => {
  await expect(client.call('demo', 'crash', request({}))).rejects.toMatchObject({
    status: 500,
    message: 'Internal error',
  });
});

it('reports a service that does not answer as unavailable', async () => {
  await expect(client.call('nobody', 'echo', request({}), { timeoutMs: 300 })).rejects.toBeInstanceOf(
    UnavailableError,
  );
  await expect(checkServices(client, ['demo', 'nobody'], 300)).resolves.toEqual({
    demo: 'up',
    nobody: 'down',
  });
});
