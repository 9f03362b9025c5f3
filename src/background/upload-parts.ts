/**
 * A large text sent to the background in parts (Chrome caps one message at 64 MiB; a backup with
 * stored images can be bigger). Parts arrive in order; a new upload drops an unfinished one.
 */
export class PartAssembler {
  private id: string | null = null;
  private parts: string[] = [];

  /** Add one part; returns the whole text after the last part, else null. */
  add(uploadId: string, part: number, parts: number, text: string): string | null {
    if (!Number.isInteger(part) || !Number.isInteger(parts) || parts < 1 || part < 0 || part >= parts) {
      throw new Error(`part ${part} of ${parts} is not a valid part number`);
    }
    if (uploadId !== this.id) {
      if (part !== 0) throw new Error('The upload was interrupted (a part is missing). Choose the file again.');
      this.id = uploadId;
      this.parts = [];
    }
    if (part !== this.parts.length) {
      this.id = null;
      this.parts = [];
      throw new Error('The upload was interrupted (a part is missing). Choose the file again.');
    }
    this.parts.push(text);
    if (part < parts - 1) return null;
    const whole = this.parts.join('');
    this.id = null;
    this.parts = [];
    return whole;
  }
}
