import { ConflictError, fromWireError, toProblem, toWireError } from '@omni/contracts';
import { ConcurrencyError } from '@omni/event-store';
import { asOmniError } from '../src/http/problems.js';

const productId = '01a20404-9117-74d3-ad2c-d10521d8eacf';

/** What a client reads when a service's error crosses RPC and leaves the gateway as problem+json. */
const problemAfterRpc = (error: unknown) => toProblem(fromWireError(toWireError(error)), 'trace');

const internalNames = [/stream/i, /product-/, new RegExp(productId), /gateway\.|inventory\./, /constraint/i];

describe('problems speak the client’s language', () => {
  it('names the product, not its stream, when it changed concurrently', () => {
    const problem = problemAfterRpc(new ConcurrencyError(`product-${productId}`, 14, 15));
    expect(problem).toMatchObject({ status: 409, code: 'version_conflict', title: 'Conflict' });
    expect(problem.detail).toMatch(/^The product changed /);
    for (const name of internalNames) expect(problem.detail).not.toMatch(name);
  });

  it('falls back to "resource" for a stream named some other way', () => {
    expect(toProblem(new ConcurrencyError('weird:stream', -1, undefined)).detail).toMatch(
      /^The resource changed /,
    );
  });

  it('rewords a duplicate event id, which only the event store knows about', () => {
    const problem = problemAfterRpc(
      new ConflictError('duplicate_event', 'An event with this id was already appended'),
    );
    expect(problem).toMatchObject({ status: 409, detail: 'This change was already recorded' });
  });

  it('hides a database error behind "Internal error"', () => {
    const uniqueViolation = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      { code: '23505', detail: 'Key (lower(email))=(a@b.c) already exists.', table: 'users' },
    );
    const problem = toProblem(asOmniError(uniqueViolation), 'trace');
    expect(problem).toMatchObject({ status: 500, detail: 'Internal error', code: 'internal_error' });
    for (const name of internalNames) expect(JSON.stringify(problem)).not.toMatch(name);
  });
});
