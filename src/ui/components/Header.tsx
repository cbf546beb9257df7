import { PRESETS } from '../../core/platform/presets';
import { ZOO } from '../../core/zoo';
import { useStore } from '../../state/store';
import { ClassroomControls } from '../classroom/ClassroomControls';
import { OptimizeControls } from './OptimizeControls';
import { OnnxImportProgress } from './OnnxImport';
import { ShareMenu } from './ShareMenu';
import { UndoRedo } from './UndoRedo';

/** Title bar: network and platform pickers, the optimizer, undo and redo. */
export function Header() {
  const modelId = useStore((s) => s.modelId);
  const networkName = useStore((s) => s.network.name);
  const platformId = useStore((s) => s.platform.id);
  const platformName = useStore((s) => s.platform.name); // a scenario's or a plan file's own platform is not a preset
  const selectModel = useStore((s) => s.selectModel);
  const selectPlatform = useStore((s) => s.selectPlatform);
  return (
    <header className="header">
      <h1>
        DNN Partition Explorer
        <span className="subtitle">pipeline a network across a device&apos;s processors</span>
      </h1>
      <label>
        Network
        <select data-testid="model-picker" value={modelId} onChange={(e) => void selectModel(e.target.value)}>
          {!ZOO.some((z) => z.id === modelId) && <option value={modelId}>Imported: {networkName}</option>}
          {ZOO.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
      </label>
      <OnnxImportProgress />
      <label>
        Platform
        <select data-testid="platform-picker" value={platformId} onChange={(e) => void selectPlatform(e.target.value)}>
          {PRESETS.every((p) => p.id !== platformId) && <option value={platformId}>{platformName}</option>}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <OptimizeControls />
      <UndoRedo />
      <ShareMenu />
      <ClassroomControls />
    </header>
  );
}
