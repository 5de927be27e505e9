// Every diagram a lesson may use. mdx-components.tsx spreads this barrel into the MDX vocabulary,
// so only diagram components belong here (the drawing parts in svg-kit stay private).
export { BpeMerges } from './BpeMerges';
export { ChunkToPairs } from './ChunkToPairs';
export { QkvFlow } from './QkvFlow';
export { CausalMaskGrid } from './CausalMaskGrid';
export { MultiHeadSplit } from './MultiHeadSplit';
export { Gpt2Stack } from './Gpt2Stack';
export { PrePostNorm } from './PrePostNorm';
export { EmbeddingLookup } from './EmbeddingLookup';
export { GptPipeline } from './GptPipeline';
export { ModelMap } from './ModelMap';
