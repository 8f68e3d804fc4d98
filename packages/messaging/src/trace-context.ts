import {
  context,
  propagation,
  type Context,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/nats-core';

const setter: TextMapSetter<MsgHdrs> = {
  set(carrier, key, value) {
    carrier.set(key, value);
  },
};

const getter: TextMapGetter<MsgHdrs | undefined> = {
  get(carrier, key) {
    return carrier?.get(key) || undefined;
  },
  keys(carrier) {
    return carrier ? [...carrier.keys()] : [];
  },
};

/** Writes the W3C trace context of `ctx` (default: the active one) into NATS headers. */
export function injectTraceContext(
  headers: MsgHdrs = natsHeaders(),
  ctx: Context = context.active(),
): MsgHdrs {
  propagation.inject(ctx, headers, setter);
  return headers;
}

/** The context carried by a message's headers, to parent (or link) the handler's span. */
export function extractTraceContext(headers: MsgHdrs | undefined, base: Context = context.active()): Context {
  return propagation.extract(base, headers, getter);
}

/** The `traceparent` of the active context, for the CloudEvents envelope. */
export function currentTraceparent(ctx: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

/** A context from a stored `traceparent` string (e.g. an event's envelope). */
export function contextFromTraceparent(
  traceparent: string | undefined,
  base: Context = context.active(),
): Context {
  return traceparent ? propagation.extract(base, { traceparent }) : base;
}
