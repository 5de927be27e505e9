// KaTeX's stylesheet for cards rendered in the browser, loaded with the renderer (use-card-faces.ts)
// rather than with every page: only a card with math needs it.
import 'katex/dist/katex.min.css';
