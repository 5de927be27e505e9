'use client';
// The four answer buttons, each with the interval it would give (keys 1–4).

import type { Ref } from 'react';
import { GRADES, GRADE_NAMES, type Grade, type GradePreview } from '@/lib/srs';

interface Props {
  preview: Record<Grade, GradePreview>;
  onGrade: (grade: Grade) => void;
  /** The button that receives focus on reveal: Good, or Again after a wrong typed answer. */
  focusGrade: Grade;
  focusRef: Ref<HTMLButtonElement>;
}

export default function GradeBar({ preview, onGrade, focusGrade, focusRef }: Props) {
  return (
    <div className="grade-bar" role="group" aria-label="How well did you remember?">
      {GRADES.map((g) => (
        <button
          key={g}
          ref={g === focusGrade ? focusRef : undefined}
          type="button"
          className={`btn grade-bar__btn grade-bar__btn--${GRADE_NAMES[g].toLowerCase()}`}
          aria-keyshortcuts={String(g)}
          onClick={() => onGrade(g)}
        >
          <span className="grade-bar__name">{GRADE_NAMES[g]}</span> <span className="grade-bar__ivl">{preview[g].label}</span>
        </button>
      ))}
    </div>
  );
}
