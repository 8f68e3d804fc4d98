import type { z } from 'zod';
import { ValidationError, type FieldError } from './errors.js';

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Parses `input` or throws a ValidationError naming every offending field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(`The ${what} is invalid`, zodIssuesToFieldErrors(result.error.issues));
}
