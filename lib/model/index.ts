// The model library, browser-safe part (Node-only modules are imported by path: checkpoint-files,
// hub-download, export/export-model, export/export-folder).

export { GPT2_SMALL, EOT_TOKEN_ID, countParameters, fromHFConfig, toHFConfig, headSize, validateConfig, type GPT2Config, type ParameterCount } from './config';
export { CheckpointError, ContextLengthError, ExportError, HubDownloadError, SafetensorsError } from './errors';
export { parseSafetensors, serializeSafetensors, safetensorsHeader, toFloat32, type Dtype, type SafetensorsFile, type TensorEntry, type TensorToWrite } from './safetensors';
export { gpt2TensorSpecs, loadCheckpoint, loadWeights, weightsFromSafetensors, weightsToTensors, type BlockWeights, type Checkpoint, type GPT2Weights } from './checkpoint';
export { buildDemoCheckpoint, demoConfig, demoTensors, DEMO_CONFIG, type DemoShape } from './demo-checkpoint';
export { referenceForward, type ReferenceOutput } from './reference';
export { expandCompact, serializeCompact, COMPACT_FORMAT } from './compact';
export { buildDecoderGraph, ANALYSIS_OUTPUTS } from './export/decoder-graph';
export { buildOptimumGraph } from './export/optimum-graph';
export { encodeModel, encodeModelChunks } from './export/graph-builder';
export { createSession, run, release, ortVersion, type Backend, type Session, type SessionOptions, type Tensor } from './ort';
export { KvCache } from './kv-cache';
export { Decoder, type Analysis, type AnalysisKind } from './decoder';
export { argmax, softmax, sample, filterCandidates, nextTokenDistribution, topIndices, mulberry32, type DistributionEntry, type SamplingParams } from './sampling';
export { generate, fitPrompt, type GenerateOptions, type GeneratedToken } from './generate';
