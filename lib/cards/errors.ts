// Typed errors for card syntax. Lesson cards fail loudly (a broken lesson must not build);
// imported notes never throw (see lib/notes), they collect warnings instead.

/** A card in a lesson is malformed. The message starts with `file:line:`. */
export class CardSyntaxError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(message: string, where: { file: string; line: number }) {
    super(`${where.file}:${where.line}: ${message}`);
    this.name = 'CardSyntaxError';
    this.file = where.file;
    this.line = where.line;
  }
}

/** Anki cloze text is malformed; `offset` is the index in the text where the problem starts. */
export class ClozeSyntaxError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = 'ClozeSyntaxError';
    this.offset = offset;
  }
}
