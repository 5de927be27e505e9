// What the learner is watching, phase by phase (lib/train/phase.ts decides the phase).
import type { Phase } from '@/lib/train/phase';
import { count } from '@/lib/format';

/** vocab: how many tokens the model chooses between (the corpus's K, or 50,257 with the whole vocabulary). */
export default function PhaseNote({ phase, vocab }: { phase: Phase; vocab: number | null }) {
  const level = vocab ? `ln ${count(vocab)} = ${Math.log(vocab).toFixed(2)}` : 'ln K';
  const text: Record<Phase, string> = {
    'not-started': `Press Train. The first loss will sit near ${level}, the loss of a model that spreads its guesses evenly over the ${vocab ? count(vocab) : 'K'} tokens it can predict.`,
    start: `The loss starts near ${level}: with small random weights every token is about equally likely. The first steps learn which tokens are common.`,
    learning:
      'The loss falls below its starting level: the model has learned frequent tokens and then pairs and short phrases. While the validation loss falls too, what it learns carries over to text it has not seen.',
    overfitting:
      'The validation loss has turned up while the training loss keeps falling: the model is memorising its training text (overfitting). More steps now make it worse at new text; a larger corpus, dropout or a smaller model delay this.',
    done: 'Done. The validation loss is the honest score: the model never trained on that last tenth of the corpus.',
  };
  return (
    <p className="trainer__phase" data-phase={phase} aria-live="polite">
      {text[phase]}
    </p>
  );
}
