import { rememberJson, toJson } from '../src/http/json-text.js';

describe('toJson', () => {
  it('gives the text JSON.stringify gives, whatever the answer holds', () => {
    const answers: unknown[] = [
      null,
      42,
      'text with "quotes" and \u2028',
      [1, undefined, () => 1, Symbol('s'), { a: [undefined] }],
      { a: undefined, b: () => 1, c: null, d: [], e: {}, 'odd "key"': 1 },
      { when: new Date(0), nested: { when: new Date(1), list: [{ x: 1 }, [2, [3]]] } },
      { section: { error: { code: 'unavailable' } }, partial: true },
      [[['deep', { deeper: [1] }]]],
    ];
    for (const answer of answers) expect(toJson(answer)).toBe(JSON.stringify(answer));
  });

  it('reuses the remembered text of a shared value instead of serialising it again', () => {
    const section = Object.freeze({ id: 'p1', stock: 3 });
    rememberJson(section, '{"id":"p1","stock":3}');
    expect(toJson({ product: section, partial: false })).toBe(
      '{"product":{"id":"p1","stock":3},"partial":false}',
    );
    // Proof that the text, not the value, was used: a remembered text is taken as it is.
    const marked = Object.freeze({ id: 'p2' });
    rememberJson(marked, '{"id":"from the cache"}');
    expect(toJson({ sections: [marked] })).toBe('{"sections":[{"id":"from the cache"}]}');
  });
});
