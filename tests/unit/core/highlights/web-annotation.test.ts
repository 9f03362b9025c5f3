import { describe, expect, it } from 'vitest';
import { toWebAnnotations } from '../../../../src/core/highlights/web-annotation';

describe('W3C Web Annotation export', () => {
  it('writes an AnnotationCollection with quote and position selectors, notes as plain-text bodies', () => {
    const doc = toWebAnnotations({ title: 'T', url: 'https://a.example/x?utm=1', canonicalUrl: 'https://a.example/x' }, [
      {
        id: 'b',
        captureId: 1,
        exact: 'second',
        prefix: 'p',
        suffix: 's',
        color: 'pink',
        note: '',
        createdAt: '2026-01-02T00:00:00.000Z',
        updatedAt: '2026-01-02T00:00:00.000Z',
      },
      {
        id: 'a',
        captureId: 1,
        exact: 'first',
        prefix: '',
        suffix: '',
        start: 3,
        end: 8,
        color: 'yellow',
        note: '<b>n</b>',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-03T00:00:00.000Z',
      },
    ]) as { '@context': unknown[]; type: string; total: number; first: { items: Array<Record<string, unknown>> } };
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(2);
    const [first, second] = doc.first.items;
    expect(first).toEqual({
      id: 'urn:uuid:a',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-03T00:00:00.000Z',
      body: { type: 'TextualBody', value: '<b>n</b>', format: 'text/plain', purpose: 'commenting' },
      target: {
        source: 'https://a.example/x',
        selector: [
          { type: 'TextQuoteSelector', exact: 'first', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 3, end: 8 },
        ],
      },
      'cc:color': 'yellow',
    });
    expect(second).toMatchObject({ motivation: 'highlighting', target: { selector: [{ type: 'TextQuoteSelector', exact: 'second' }] } });
    expect(second).not.toHaveProperty('body');
  });
});
