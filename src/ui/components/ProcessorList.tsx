import { figureSources } from '../../core/platform/provenance';
import { useStore } from '../../state/store';
import { selectEvaluation, selectPlatform } from '../../state/selectors';

/** The platform's processors with their key figures; estimated figures carry a badge and their source on hover. */
export function ProcessorList() {
  const platform = useStore(selectPlatform);
  const utilization = useStore(selectEvaluation).metrics.utilization;
  return (
    <section className="panel" aria-labelledby="platform-title">
      <h2 id="platform-title">{platform.name}</h2>
      <p className="muted">{platform.description}</p>
      <table className="processors">
        <thead>
          <tr>
            <th scope="col">Processor</th>
            <th scope="col">Units</th>
            <th scope="col">Peak GMAC/s per unit</th>
            <th scope="col">Conv efficiency</th>
            <th scope="col">Memory BW GB/s</th>
            <th scope="col">Active / idle W</th>
            <th scope="col">Busy</th>
          </tr>
        </thead>
        <tbody>
          {platform.processors.map((p) => {
            const src = figureSources(platform, 'processors', p.id);
            const cell = (field: string, text: string) => {
              const s = src.get(field);
              return (
                <td title={s ? `${s.status}: ${s.source}` : 'no source recorded'}>
                  {text}
                  {s?.status === 'estimate' && <span className="badge estimate">est.</span>}
                </td>
              );
            };
            return (
              <tr key={p.id}>
                <th scope="row">
                  {p.name} <span className="muted">({p.id})</span>
                </th>
                {cell('units', String(p.units))}
                {cell('peakGmacsPerUnit', String(p.peakGmacsPerUnit))}
                {cell('efficiency.conv', `${Math.round(p.efficiency.conv * 100)}%`)}
                {cell('memBandwidthGBs', String(p.memBandwidthGBs))}
                {cell('activePowerW', `${p.activePowerW} / ${p.idlePowerW}`)}
                <td>{Math.round((utilization[p.id] ?? 0) * 100)}%</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
