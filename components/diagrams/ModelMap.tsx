// The whole model on one screen: every part of GPT-2 small in order, the shape of the tensor on each
// arrow, and links to the lesson section and the live widget for each part (lib/widgets/model-map).
import Link from '@/components/SiteLink';
import { GPT2_SMALL } from '@/lib/model/config';
import { modelMap, type MapPart } from '@/lib/widgets/model-map';

function Part({ part }: { part: MapPart }) {
  return (
    <li className="model-map__part">
      <div className="model-map__box">
        <code className="model-map__name">{part.name}</code>
        <span className="model-map__does">{part.does}</span>
        <span className="model-map__links">
          <Link href={part.lesson.href}>{part.lesson.label}</Link>
          {part.widget ? (
            <>
              {' · '}
              <Link href={part.widget.href} className="model-map__widget">
                {part.widget.label} ▸
              </Link>
            </>
          ) : null}
        </span>
      </div>
      <p className="model-map__arrow">
        <span aria-hidden="true">↓ </span>
        <span className="visually-hidden">hands on </span>
        <code>{part.out}</code>
      </p>
    </li>
  );
}

export function ModelMap() {
  const map = modelMap(GPT2_SMALL);
  return (
    <nav className="model-map ui" aria-label="Map of GPT-2 small">
      <p className="model-map__start">
        text <span className="muted">(T tokens once tokenized, at most {GPT2_SMALL.blockSize.toLocaleString('en-US')})</span>
      </p>
      <ol className="model-map__flow">
        {map.input.map((p) => (
          <Part key={p.name} part={p} />
        ))}
        <li className="model-map__blocks">
          <p className="model-map__repeat">
            × {map.nLayer} blocks, <code>h.0</code> to <code>h.{map.nLayer - 1}</code>, each:
          </p>
          <ol className="model-map__flow">
            {map.block.map((p) => (
              <Part key={p.name} part={p} />
            ))}
          </ol>
        </li>
        {map.output.map((p) => (
          <Part key={p.name} part={p} />
        ))}
      </ol>
      <p className="model-map__start">the next token, appended to the text; then again</p>
    </nav>
  );
}
