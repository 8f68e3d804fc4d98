import type { z } from 'zod';
import { ValidationError, type FieldError } from './errors.js';

/** One entry per offending field; an unknown key is named as the field it is. */
export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'Unknown field' }));
    }
    return [{ path: pathOf(issue.path), message: issue.message }];
  });
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(body)';
}

/** Parses `input` or throws a ValidationError naming every offending field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(`The ${what} is invalid`, zodIssuesToFieldErrors(result.error.issues));
}
