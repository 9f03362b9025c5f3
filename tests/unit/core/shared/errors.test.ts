import { describe, expect, it } from 'vitest';
import { CaptureError, errorMessage } from '../../../../src/core/shared/errors';

describe('errorMessage', () => {
  it("says an Error's message, an error-like object's, or the thrown value", () => {
    expect(errorMessage(new CaptureError('internal', 'It broke.'))).toBe('It broke.');
    expect(errorMessage(new TypeError(''))).toBe('');
    expect(errorMessage({ message: 'No tab with id: 3.' })).toBe('No tab with id: 3.');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(null)).toBe('null');
    expect(errorMessage({ code: 1 })).toBe('[object Object]');
  });
});
