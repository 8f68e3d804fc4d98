import { deadLetterStreamConfig, serviceStreamConfig, streamReplicas } from '../src/streams.js';

describe('stream replicas (NATS_STREAM_REPLICAS)', () => {
  it('defaults to one copy, what a single server can hold', () => {
    expect(streamReplicas({})).toBe(1);
  });

  it('takes the configured count, 3 for a 3-node cluster', () => {
    expect(streamReplicas({ NATS_STREAM_REPLICAS: '3' })).toBe(3);
  });

  it.each(['0', '6', '2.5', 'three'])('refuses %s with the variable named', (value) => {
    expect(() => streamReplicas({ NATS_STREAM_REPLICAS: value })).toThrow(/NATS_STREAM_REPLICAS/);
  });

  it('applies to every service stream and the dead-letter stream', () => {
    const previous = process.env.NATS_STREAM_REPLICAS;
    process.env.NATS_STREAM_REPLICAS = '3';
    try {
      expect(serviceStreamConfig('inventory').num_replicas).toBe(3);
      expect(deadLetterStreamConfig().num_replicas).toBe(3);
    } finally {
      if (previous === undefined) delete process.env.NATS_STREAM_REPLICAS;
      else process.env.NATS_STREAM_REPLICAS = previous;
    }
  });
});
