// What study widgets show until the saved progress is loaded: the same box on the server and on the
// first client render, sized like the content that replaces it.

export default function Placeholder({ className, label = 'Loading your progress…' }: { className: string; label?: string }) {
  return (
    <div className={className} aria-busy="true">
      <p className="muted ui">{label}</p>
    </div>
  );
}
