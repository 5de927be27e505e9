/** A card that cannot become a valid Anki note (e.g. a cloze card without deletions). */
export class AnkiExportError extends Error {
  constructor(
    message: string,
    readonly cardId?: string,
  ) {
    super(cardId ? `${cardId}: ${message}` : message);
    this.name = 'AnkiExportError';
  }
}
