'use client';
// Statistics over the stored review log: answers per day, true retention, and the load ahead.

import Link from '@/components/SiteLink';
import { useMemo } from 'react';
import { State, retention, reviewsPerDay, upcomingLoad, type DayCount } from '@/lib/srs';
import Placeholder from './Placeholder';
import StorageBanner from './StorageBanner';
import { dayOptions } from './study-model';
import { useHydrated, useNow, useStudyStore } from './use-study-store';
import './study.css';

const PAST_DAYS = 30;
const AHEAD_DAYS = 14;
const DAY_MS = 86_400_000;

function DayBars({ days, caption, label }: { days: DayCount[]; caption: string; label: (d: DayCount) => string }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  return (
    <table className="day-bars">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Cards</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.day}>
            <th scope="row">{label(d)}</th>
            <td>
              <div className="day-bars__cell">
                <span className="day-bars__bar" style={{ width: `${(d.count / max) * 90}%` }} aria-hidden="true" />
                <span className="day-bars__n">{d.count}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const reviewsLabel = (n: number) => (n === 0 ? 'no card past its learning steps yet' : `of ${n} review${n === 1 ? '' : 's'}`);

export default function StudyStats() {
  const hydrated = useHydrated();
  const progress = useStudyStore((s) => s.progress);
  const settings = useStudyStore((s) => s.settings);
  const [now] = useNow();
  const stats = useMemo(() => {
    if (!hydrated || !now) return null;
    const options = dayOptions(settings, now);
    const past = reviewsPerDay(progress.log, now, PAST_DAYS, options);
    return {
      past: past.filter((d, i) => d.count > 0 || i === past.length - 1),
      ahead: upcomingLoad(progress.states, now, AHEAD_DAYS, options),
      all: retention(progress.log),
      month: retention(progress.log, new Date(now.getTime() - PAST_DAYS * DAY_MS)),
      seen: Object.values(progress.states).filter((s) => s.state !== State.New).length,
      today: past[past.length - 1].day,
    };
  }, [hydrated, now, progress, settings]);
  if (!stats) return <Placeholder className="stats-placeholder" />;
  return (
    <div className="study-stats ui">
      <StorageBanner />
      <dl className="study-stats__figures">
        <div>
          <dt>Answers</dt>
          <dd>{progress.log.length}</dd>
        </div>
        <div>
          <dt>Cards studied</dt>
          <dd>{stats.seen}</dd>
        </div>
        <div>
          <dt>Retention, {PAST_DAYS} days</dt>
          <dd>
            {percent(stats.month.rate)} <span className="study-stats__of">{reviewsLabel(stats.month.reviews)}</span>
          </dd>
        </div>
        <div>
          <dt>Retention, all time</dt>
          <dd>
            {percent(stats.all.rate)} <span className="study-stats__of">{reviewsLabel(stats.all.reviews)}</span>
          </dd>
        </div>
      </dl>
      {progress.log.length === 0 ? (
        <p className="study-stats__empty" data-testid="stats-empty">
          No answers yet. <Link href="/review/">Review a few cards</Link> and this page shows how many you answer each day, how well you
          remember them, and how many come due in the next {AHEAD_DAYS} days.
        </p>
      ) : (
        <>
          <p className="muted study-hint">Retention counts answers to cards past the learning steps that were not “Again”.</p>
          <DayBars
            days={stats.ahead}
            caption={`Due in the next ${AHEAD_DAYS} days`}
            label={(d) => (d.day === stats.today ? 'Today' : d.day)}
          />
          <DayBars
            days={stats.past}
            caption={`Answers per day, last ${PAST_DAYS} days (days without answers left out)`}
            label={(d) => (d.day === stats.today ? 'Today' : d.day)}
          />
        </>
      )}
    </div>
  );
}
