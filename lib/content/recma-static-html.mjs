// The second half of rehype-static-html.mjs: MDX has turned the `data-static-html` property into an
// attribute of a JSX element (or, once JSX is compiled, a key of its props object); here it becomes
// `dangerouslySetInnerHTML: { __html: … }`. The string is the build's own serialisation of the lesson's
// hast, never anything a learner wrote. Plain JavaScript: next.config.mjs hands MDX its plugins by path.
import { visit } from 'estree-util-visit';
import { STATIC_HTML_ATTRIBUTE as ATTRIBUTE } from './rehype-static-html.mjs';

const innerHtml = (value) => ({
  type: 'ObjectExpression',
  properties: [
    {
      type: 'Property',
      kind: 'init',
      method: false,
      shorthand: false,
      computed: false,
      key: { type: 'Identifier', name: '__html' },
      value,
    },
  ],
});

export default function recmaStaticHtml() {
  return (tree) => {
    visit(tree, (node) => {
      if (node.type === 'Property' && node.key.type === 'Literal' && node.key.value === ATTRIBUTE) {
        node.key = { type: 'Identifier', name: 'dangerouslySetInnerHTML' };
        node.value = innerHtml(node.value);
      } else if (node.type === 'JSXAttribute' && node.name.type === 'JSXIdentifier' && node.name.name === ATTRIBUTE) {
        node.name = { type: 'JSXIdentifier', name: 'dangerouslySetInnerHTML' };
        node.value = { type: 'JSXExpressionContainer', expression: innerHtml(node.value) };
      }
    });
  };
}
