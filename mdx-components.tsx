// The fixed vocabulary that lessons may use. Lessons import nothing; everything is registered here once.
import type { MDXComponents } from 'mdx/types';
import Callout from '@/components/mdx/Callout';
import Figure from '@/components/mdx/Figure';
import Widget from '@/components/mdx/Widget';
import LessonLink from '@/components/mdx/LessonLink';
import { MissingCard } from '@/components/mdx/LessonCards';
import * as diagrams from '@/components/diagrams';

const components: MDXComponents = {
  a: LessonLink,
  Callout,
  Figure,
  Widget,
  // The lesson page replaces these with versions bound to the lesson's extracted deck (see app/lessons/[slug]/page.tsx).
  Cloze: MissingCard,
  QA: MissingCard,
  ClozeList: MissingCard,
  ...diagrams,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
