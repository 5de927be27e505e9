// A small builder over onnx-proto's protobuf classes: named inputs/outputs, initializers stored as
// raw_data (views into the weights, copied once at encode time), and nodes named by scope so the
// graph reads like the model (`h.3/attn/MatMul_2`). Same calls → same bytes.

import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
export type ModelProto = onnxProto.onnx.ModelProto;

export const DType = {
  FLOAT: onnx.TensorProto.DataType.FLOAT,
  INT64: onnx.TensorProto.DataType.INT64,
  BOOL: onnx.TensorProto.DataType.BOOL,
  INT8: onnx.TensorProto.DataType.INT8,
  UINT8: onnx.TensorProto.DataType.UINT8,
} as const;
export type ElemType = (typeof DType)[keyof typeof DType];

/** A dimension: a fixed size or a symbolic name ('batch_size', 'past_sequence_length'). */
export type Dim = number | string;

type Attr = onnxProto.onnx.IAttributeProto;
const AT = onnx.AttributeProto.AttributeType;
export const attr = {
  int: (name: string, i: number): Attr => ({ name, type: AT.INT, i }),
  ints: (name: string, ints: number[]): Attr => ({ name, type: AT.INTS, ints }),
  float: (name: string, f: number): Attr => ({ name, type: AT.FLOAT, f }),
};

export interface OpOptions {
  attrs?: Attr[];
  /** Name the outputs (e.g. graph outputs); otherwise they are derived from the node name. */
  outputs?: string[];
  /** Number of outputs when not named (Split). */
  nOutputs?: number;
  domain?: string;
}

function valueInfo(name: string, elemType: ElemType, dims: Dim[], docString?: string) {
  return onnx.ValueInfoProto.create({
    name,
    docString,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  });
}

export class GraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly counts = new Map<string, number>();
  private readonly constants = new Map<string, string>();
  /** Prefix of the next nodes' names, e.g. 'h.0/attn'. */
  scope = '';

  input(name: string, elemType: ElemType, dims: Dim[], doc?: string): string {
    this.inputs.push(valueInfo(name, elemType, dims, doc));
    return name;
  }

  /** Declares an existing value as a graph output. */
  output(name: string, elemType: ElemType, dims: Dim[], doc?: string): string {
    this.outputs.push(valueInfo(name, elemType, dims, doc));
    return name;
  }

  /** A weight, stored as raw little-endian bytes (a view now, copied when the model is encoded). */
  initializer(name: string, data: Float32Array | BigInt64Array | Int8Array | Uint8Array, dims: number[]): string {
    const dataType =
      data instanceof Float32Array
        ? DType.FLOAT
        : data instanceof Int8Array
          ? DType.INT8
          : data instanceof Uint8Array
            ? DType.UINT8
            : DType.INT64;
    const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.initializers.push({ name, dims, dataType, rawData });
    return name;
  }

  /** A small constant, shared by value: the same numbers give the same initializer. */
  constFloat(values: number[], dims: number[] = values.length === 1 ? [] : [values.length]): string {
    return this.constant('f', new Float32Array(values), dims);
  }

  constInt64(values: (number | bigint)[], dims: number[] = [values.length]): string {
    return this.constant(
      'i',
      BigInt64Array.from(values, (v) => BigInt(v)),
      dims,
    );
  }

  private constant(kind: string, data: Float32Array | BigInt64Array, dims: number[]): string {
    const key = `${kind}[${dims}]${Array.from(data as ArrayLike<number | bigint>).join(',')}`;
    let name = this.constants.get(key);
    if (!name) {
      name = `const_${this.constants.size}`;
      this.constants.set(key, name);
      this.initializer(name, data, dims);
    }
    return name;
  }

  /** Adds a node; returns its output names. */
  op(opType: string, inputs: string[], opts: OpOptions = {}): string[] {
    const n = this.counts.get(this.scope + opType) ?? 0;
    this.counts.set(this.scope + opType, n + 1);
    const name = `${this.scope ? this.scope + '/' : ''}${opType}_${n}`;
    const outputs = opts.outputs ?? Array.from({ length: opts.nOutputs ?? 1 }, (_, i) => `${name}:${i}`);
    this.nodes.push({ name, opType, input: inputs, output: outputs, attribute: opts.attrs ?? [], domain: opts.domain ?? '' });
    return outputs;
  }

  /** A single-output node. */
  op1(opType: string, inputs: string[], opts: OpOptions = {}): string {
    return this.op(opType, inputs, opts)[0];
  }

  build(meta: {
    graphName: string;
    docString: string;
    opset?: number;
    extraOpsets?: { domain: string; version: number }[];
    metadata?: Record<string, string>;
  }): ModelProto {
    return onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: '', version: meta.opset ?? 17 }, ...(meta.extraOpsets ?? [])],
      producerName: 'gpt2-pamphlet',
      producerVersion: '1',
      docString: meta.docString,
      metadataProps: Object.entries(meta.metadata ?? {}).map(([key, value]) => ({ key, value })),
      graph: {
        name: meta.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
  }
}

/** Serialized model bytes, in one buffer. */
export function encodeModel(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}

/**
 * The same bytes as encodeModel, as a sequence of pieces, so a 500 MB model can be written to a file
 * without a second 500 MB buffer: the graph's initializers are encoded one at a time. protobuf.js
 * writes fields in field-number order, so the pieces are ModelProto fields 1–6, the graph field
 * (7: tag + length), GraphProto fields 1–2, each initializer (5), GraphProto fields 10+, then
 * ModelProto fields 8+. Every byte comes from protobuf.js; only the graph's length is summed here.
 */
export function* encodeModelChunks(model: ModelProto): Generator<Uint8Array> {
  const g = model.graph!;
  const head = onnx.GraphProto.encode(own(g, ['node', 'name'])).finish();
  const tail = onnx.GraphProto.encode(
    own(g, ['docString', 'input', 'output', 'valueInfo', 'quantizationAnnotation', 'sparseInitializer']),
  ).finish();
  const initializer = (t: onnxProto.onnx.ITensorProto) => onnx.GraphProto.encode({ initializer: [t] }).finish();
  let graphBytes = head.byteLength + tail.byteLength;
  for (const t of g.initializer ?? []) graphBytes += initializer(t).byteLength; // measured by encoding; freed at once
  yield onnx.ModelProto.encode(
    own(model, ['irVersion', 'producerName', 'producerVersion', 'domain', 'modelVersion', 'docString']),
  ).finish();
  // field 7 (graph), wire type 2 (length-delimited); encode({}) is just a way to get protobuf.js's Writer
  yield onnx.ModelProto.encode({})
    .uint32((7 << 3) | 2)
    .uint32(graphBytes)
    .finish();
  yield head;
  for (const t of g.initializer ?? []) yield initializer(t);
  yield tail;
  yield onnx.ModelProto.encode(own(model, ['opsetImport', 'metadataProps', 'trainingInfo', 'functions'])).finish();
}

/** The fields that are set on a protobuf.js message (its defaults live on the prototype). */
function own<T extends object>(message: T, keys: (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(message, k)) out[k] = message[k];
  return out;
}
