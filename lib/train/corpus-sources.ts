// The corpora the trainer offers, with the words the widget and the kept model's name use for each.
// The lessons' text is fetched (/lesson-corpus.txt), the Shakespeare excerpt ships with the page,
// the learner's own text is pasted or opened.

export type CorpusSource = 'lessons' | 'shakespeare' | 'own';

export const CORPUS_SOURCES: Record<CorpusSource, { label: string; inName: string; described: string }> = {
  lessons: { label: 'The pamphlet’s lessons', inName: 'lessons', described: 'the pamphlet’s lessons' },
  shakespeare: {
    label: 'Shakespeare: the opening of Coriolanus (small, so it overfits)',
    inName: 'Coriolanus',
    described: 'the opening of Coriolanus',
  },
  own: { label: 'Your own text', inName: 'my text', described: 'your own text' },
};
