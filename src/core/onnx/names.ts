/**
 * Layer names from ONNX node names. torch.onnx names a node by its module
 * scope and op, `/layer1/layer1.0/conv1/Conv` or
 * `/features/features.1/conv/conv.0/conv.0.2/Clip`: a segment either extends
 * the previous one (`features` -> `features.1`) or appends a child name
 * (`conv1`). Rebuilding the dotted path gives torchvision's module name
 * (`layer1.0.conv1`, `features.1.conv.0.2`), so blocks collapse like the zoo's.
 */

/**
 * Deeper scopes are kept as raw names: block paths cost O(depth^2) per layer,
 * and real exports nest fewer than 20 modules.
 */
export const MAX_SCOPE_DEPTH = 64;

/** torch.nn.functional calls named like the zoo names them (`torch.cat` -> `cat`). */
const FUNCTIONAL_NAMES: Readonly<Record<string, string>> = { Concat: 'cat', GlobalAveragePool: 'avgpool' };

/** The module path of a `/`-scoped node name and the op segment, or undefined for other names. */
export function scopeOf(nodeName: string, opType: string): { path: string; opSegment: string } | undefined {
  if (!nodeName.includes('/')) return undefined;
  const segments = nodeName.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.length > MAX_SCOPE_DEPTH) return undefined;
  const last = segments[segments.length - 1]!;
  const isOp = last === opType || last.startsWith(`${opType}_`);
  const moduleSegments = isOp ? segments.slice(0, -1) : segments;
  let path = '';
  let previous = '';
  for (const s of moduleSegments) {
    if (previous !== '' && s.startsWith(`${previous}.`)) path += s.slice(previous.length);
    else path = path === '' ? s : `${path}.${s}`;
    previous = s;
  }
  return { path, opSegment: isOp ? last : '' };
}

/**
 * Unique, torchvision-style layer names for the given nodes. A node in a leaf
 * module takes the module's name; a functional op inside a container module
 * (ResNet's residual Add, GoogLeNet's F.relu) or at top level takes
 * `<module>.<op>` (`layer1.0.add`, `conv1.relu`, `flatten`). Names without
 * scopes are kept; empty names become `<Op>_<index>`; clashes get `_2`, `_3`.
 * O(n * depth).
 */
export function layerNames(nodes: readonly { name: string; opType: string }[]): string[] {
  const scopes = nodes.map((n) => scopeOf(n.name, n.opType));
  // A path is a container when another node's path lies below it.
  const containers = new Set<string>();
  for (const s of scopes) {
    if (!s) continue;
    const parts = s.path.split('.');
    for (let i = 1; i < parts.length; i++) containers.add(parts.slice(0, i).join('.'));
  }
  const used = new Set<string>();
  return nodes.map((node, i) => {
    const s = scopes[i];
    let name: string;
    if (!s) name = node.name !== '' ? node.name : `${node.opType}_${i}`;
    else if (s.path !== '' && !containers.has(s.path)) name = s.path;
    else {
      const segment = s.opSegment || node.opType;
      const alias = FUNCTIONAL_NAMES[node.opType];
      const op = alias ? segment.replace(node.opType, alias) : segment.toLowerCase();
      name = s.path === '' ? op : `${s.path}.${op}`;
    }
    let unique = name;
    for (let k = 2; used.has(unique); k++) unique = `${name}_${k}`;
    used.add(unique);
    return unique;
  });
}
