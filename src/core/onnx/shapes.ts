import type { OnnxNode } from './proto';
import type { Inferred, Inputs, ShapeFn } from './shapeCommon';
import {
  broadcastShape,
  clipShape,
  gemmShape,
  matmulShape,
  normShape,
  rangeShape,
  reduceShape,
  softmaxShape,
  unaryShape,
} from './shapeMath';
import {
  castShape,
  concatShape,
  constantOfShapeShape,
  constantShape,
  depthSpaceShape,
  expandShape,
  flattenShape,
  gatherShape,
  padShape,
  reshapeShape,
  resizeShape,
  shapeShape,
  sizeShape,
  sliceShape,
  splitShape,
  squeezeShape,
  tileShape,
  transposeShape,
  unsqueezeShape,
} from './shapeTensor';
import { convShape, convTransposeShape, globalPoolShape, poolShape } from './shapeWindow';

const UNARY = [
  'Relu',
  'LeakyRelu',
  'PRelu',
  'Elu',
  'Selu',
  'Celu',
  'Gelu',
  'Sigmoid',
  'HardSigmoid',
  'HardSwish',
  'Mish',
  'Softplus',
  'Softsign',
  'Tanh',
  'Erf',
  'Exp',
  'Log',
  'Neg',
  'Abs',
  'Sqrt',
  'Reciprocal',
  'Floor',
  'Ceil',
  'Round',
  'Sign',
  'Sin',
  'Cos',
  'Not',
  'Identity',
  'Dropout',
  'LRN',
  'ThresholdedRelu',
  'IsNaN',
];
const BROADCAST = [
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Pow',
  'Mod',
  'Equal',
  'Less',
  'Greater',
  'LessOrEqual',
  'GreaterOrEqual',
];
const VARIADIC = ['Sum', 'Max', 'Min', 'Mean', 'Where', 'And', 'Or', 'Xor', 'BitShift'];
const REDUCE = ['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL2', 'ReduceSumSquare'];

/** Shape inference per ONNX op type (default domain). */
export const SHAPE_FNS: ReadonlyMap<string, ShapeFn> = new Map<string, ShapeFn>([
  ...UNARY.map((op) => [op, unaryShape] as const),
  ...[...BROADCAST, ...VARIADIC].map((op) => [op, broadcastShape] as const),
  ...REDUCE.map((op) => [op, reduceShape] as const),
  ['Conv', convShape],
  ['ConvTranspose', convTransposeShape],
  ['MaxPool', poolShape],
  ['AveragePool', poolShape],
  ['LpPool', poolShape],
  ['GlobalAveragePool', globalPoolShape],
  ['GlobalMaxPool', globalPoolShape],
  ['Gemm', gemmShape],
  ['MatMul', matmulShape],
  ['BatchNormalization', normShape],
  ['InstanceNormalization', normShape],
  ['LayerNormalization', normShape],
  ['Softmax', softmaxShape],
  ['LogSoftmax', softmaxShape],
  ['Hardmax', softmaxShape],
  ['Clip', clipShape],
  ['Range', rangeShape],
  ['Concat', concatShape],
  ['Flatten', flattenShape],
  ['Reshape', reshapeShape],
  ['Transpose', transposeShape],
  ['Pad', padShape],
  ['Resize', resizeShape],
  ['Upsample', resizeShape],
  ['Split', splitShape],
  ['Slice', sliceShape],
  ['Squeeze', squeezeShape],
  ['Unsqueeze', unsqueezeShape],
  ['Gather', gatherShape],
  ['Expand', expandShape],
  ['Tile', tileShape],
  ['Shape', shapeShape],
  ['Size', sizeShape],
  ['Constant', (node: OnnxNode) => constantShape(node)],
  ['ConstantOfShape', constantOfShapeShape],
  ['Cast', castShape],
  ['DepthToSpace', depthSpaceShape],
  ['SpaceToDepth', depthSpaceShape],
]);

/**
 * Infers a node's output shapes (and constant values when it folds), or
 * undefined for an op this importer does not know. Throws ONNX_SHAPE when the
 * inputs do not fit the op. O(rank), or O(elements) when folding constants.
 */
export function inferNode(node: OnnxNode, ins: Inputs): Inferred | undefined {
  if (node.domain !== '' && node.domain !== 'ai.onnx') return undefined;
  const fn = SHAPE_FNS.get(node.opType);
  return fn ? fn(node, ins) : undefined;
}
