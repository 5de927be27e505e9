// Fixture cards for the Anki tests: one of each type, plus the characters that break naive writers.
import type { Card } from '@/lib/cards/card';

const source = (lesson: string, lessonTitle: string, anchor: string) => ({ lesson, lessonTitle, anchor });

export const FIXTURE_CARDS: Card[] = [
  {
    id: 'tokenization/vocab-size',
    type: 'cloze',
    front: 'GPT-2 has a vocabulary of {{c1::50,257}} tokens: {{c2::50,000}} merges, {{c3::256::how many?}} bytes and `<|endoftext|>`.',
    back: 'The merges come from **byte-pair encoding**.',
    deck: 'GPT-2 Pamphlet::Tokenization',
    tags: ['gpt2', 'tokenization'],
    source: source('tokenization', 'Tokenization', 'byte-pair-encoding'),
  },
  {
    id: 'attention/scaling',
    type: 'basic',
    front: 'Why divide $QK^\\top$ by $\\sqrt{d_k}$?',
    back: 'To keep the logits at unit variance:\n\n$$\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V$$',
    deck: 'GPT-2 Pamphlet::QKV Attention',
    tags: ['attention'],
    source: source('qkv-attention', 'QKV Attention', 'scaled-dot-product'),
  },
  {
    id: 'architecture/ln-1',
    type: 'reversed',
    front: '`ln_1`',
    back: 'The LayerNorm **before** attention in each block',
    deck: 'GPT-2 Pamphlet::Architecture',
    tags: ['architecture', 'names'],
    source: source('architecture', 'Architecture', 'pre-norm'),
  },
  {
    id: 'notes/special-characters',
    type: 'cloze',
    front:
      'In HTML, {{c1::`<` & `&`}} need escaping; "quotes", \'apostrophes\', {{braces}}, a stray }} and a::b stay; 🤖 too. Also $a<b$ and {{c2::$x^{2}$}}.',
    back: 'Deck names use `::`, e.g. GPT-2 Pamphlet::Tokenization',
    deck: 'GPT-2 Pamphlet::Odds & Ends',
    tags: ['edge cases', 'unicode::emoji'],
  },
];
