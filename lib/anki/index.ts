// Anki export: lesson cards → .apkg (schema 11) or Anki's tab-separated import format.
export { writeApkg, COLLECTION_FILE, MEDIA_FILE, type WriteApkgOptions } from './package';
export { writeTsv, tsvField } from './csv';
export { readApkg, type ApkgContents } from './read-apkg';
export { toAnkiNote, ankiTags, type AnkiNote } from './note';
export { BASIC_MODEL, REVERSED_MODEL, CLOZE_MODEL, MODELS, modelFor, modelJson, type NoteModel } from './models';
export { DEFAULT_DECK_ID, deckId, decksJson, withParents } from './deck';
export { cleanText, fieldHtml, clozeFieldHtml, sortField, fieldChecksum, lessonUrl, sourceFieldHtml } from './fields';
export { escapeText, stripHtml } from './html';
export { guidFor, noteGuid, GUID_NAMESPACE } from './guid';
export {
  cardScheduling,
  collectionCreation,
  revlogRows,
  progressKey,
  type CardProgress,
  type FsrsCardState,
  type FsrsReviewLog,
} from './progress';
export { SCHEMA_11, SCHEMA_VERSION } from './schema';
export { AnkiExportError } from './errors';
