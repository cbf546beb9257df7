import { memo } from 'react';
import { formatCount } from '../../core/format';
import { ZOO, zooNetwork } from '../../core/zoo';
import { useStore } from '../../state/store';

/** Totals of every zoo network, computed once (networks are cached by the zoo). */
const SUMMARY = ZOO.map((z) => {
  const net = zooNetwork(z.id);
  return {
    id: z.id,
    name: z.name,
    layers: net.layers.length,
    params: net.layers.reduce((a, l) => a + l.params, 0),
    macs: net.layers.reduce((a, l) => a + l.macs, 0),
  };
});

/** The zoo: each network with its size; click to open it. */
export const ZooList = memo(function ZooList() {
  const modelId = useStore((s) => s.modelId);
  const selectModel = useStore((s) => s.selectModel);
  return (
    <nav>
      <h2>Network zoo</h2>
      <ul className="zoo" data-testid="zoo-list">
        {SUMMARY.map((z) => (
          <li key={z.id}>
            <button
              type="button"
              className={z.id === modelId ? 'zoo-item active' : 'zoo-item'}
              aria-pressed={z.id === modelId}
              onClick={() => selectModel(z.id)}
            >
              <span className="zoo-name">{z.name}</span>
              <span className="zoo-meta">
                {z.layers} layers · {formatCount(z.params)} params · {formatCount(z.macs)} MACs
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
