import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { decodeShareState, sharePayloadOf } from '../src/core/share/codec';
import { SCENARIOS } from '../src/core/strategies/scenarios';
import { ClassroomPage } from './pages/ClassroomPage';

interface CliScenario {
  strategy: string;
  reference: string;
  rows: {
    label: string;
    strategy: string;
    fps: number | null;
    latencyMs: number | null;
    energyPerFrameMj: number | null;
  }[];
  paper: { claim: string; source: string };
  plan?: { cuts: number[]; procs: string[]; units: number[]; ratios?: number[] };
}

/** Runs the CLI as a user would and parses its JSON. */
function cliScenario(id: string): CliScenario {
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'scenario', id, '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as CliScenario;
}

for (const s of SCENARIOS) {
  test(`scenario ${s.id} opens from the picker with the cost model's table and the paper's figure labelled as the paper's`, async ({
    page,
  }) => {
    const app = new ClassroomPage(page);
    await app.open();
    await app.openScenario(s.id);
    const cli = cliScenario(s.id);
    await expect(app.scenarioRows).toHaveCount(cli.rows.length);
    const first = await app.rowNumbers(0);
    expect(first.label).toContain(cli.rows[0]!.label);
    expect(first.fps).toBe(cli.rows[0]!.fps);
    expect(first.latencyMs).toBe(cli.rows[0]!.latencyMs);
    expect(first.energyPerFrameMj).toBe(cli.rows[0]!.energyPerFrameMj);
    await expect(app.scenarioRows.nth(0).getByTestId('row-fps')).toHaveText(cli.rows[0]!.fps!.toFixed(2));
    await expect(app.paperBox).toContainText('The paper reports (their hardware, their measurements)');
    await expect(app.paperBox).toContainText(cli.paper.claim);
    await expect(app.paperBox).toContainText(cli.paper.source);
    // The paper's figure is not in the cost model's table.
    await expect(app.scenarioPanel.locator('table')).not.toContainText(cli.paper.claim);
    await expect(app.scenarioPanel.locator('.is-strategy')).toContainText(cli.strategy);
    // The explorer below shows the line's plan when it is a pipeline, else the comparison's pipeline row.
    const shown = await app.scenarioPanel.getAttribute('data-explorer-plan');
    const row =
      shown === 'strategy'
        ? cli.rows.find((r) => r.label === cli.strategy)
        : shown === 'pipeline-row'
          ? cli.rows.find((r) => r.strategy === 'pipeline')
          : undefined;
    if (row) await expect(app.fps).toHaveText(row.fps!.toFixed(2));
    else expect(s.id).toBe('quiltnet'); // its explorer plan drops the autoencoders (see the panel's note)
  });
}

test('the caveats of LCP (another model) and QuiltNet (estimated accuracy loss) are shown', async ({ page }) => {
  const app = new ClassroomPage(page);
  await app.open();
  await app.openScenario('lcp');
  await expect(app.scenarioPanel.getByTestId('scenario-notes')).toContainText('trained from scratch');
  await app.openScenario('quiltnet');
  await expect(app.scenarioPanel).toContainText('accuracy');
  await expect(app.scenarioPanel.getByTestId('scenario-setting')).toBeVisible();
  await expect(app.scenarioPanel).toContainText('0.125 GB/s');
});

test('a shared link opens the scenario it names, and a short #scenario= link too', async ({ page }) => {
  const app = new ClassroomPage(page);
  await app.open();
  await app.openScenario('pipe-it');
  // The URL follows the store after a short debounce; wait until it names the scenario.
  await expect
    .poll(async () => {
      const payload = sharePayloadOf(await page.evaluate(() => location.hash));
      const d = payload === null ? null : decodeShareState(payload);
      return d?.ok ? d.state.view?.scenario : undefined;
    })
    .toBe('pipe-it');
  const link = await page.evaluate(() => location.hash);
  const fps = await app.fps.textContent();
  await page.goto('about:blank');
  await app.open(`?fresh=1${link}`);
  await expect(app.scenarioPanel).toBeVisible();
  await expect(app.scenarioPicker).toHaveValue('pipe-it');
  await expect(app.fps).toHaveText(fps!);

  await page.goto('about:blank');
  await app.open('?short=1#scenario=cap');
  await expect(app.scenarioPanel).toBeVisible();
  await expect(app.scenarioPicker).toHaveValue('cap');
  expect((await app.rowNumbers(0)).fps).toBe(cliScenario('cap').rows[0]!.fps);
});

test('picking another network leaves the scenario, and Close hides its panel', async ({ page }) => {
  const app = new ClassroomPage(page);
  await app.open();
  await app.openScenario('processor-pipelining');
  await app.page.getByTestId('scenario-close').click();
  await expect(app.scenarioPanel).toHaveCount(0);
  await expect(app.scenarioPicker).toHaveValue('');
  await app.openScenario('pipe-it');
  await app.selectModel('resnet50');
  await expect(app.scenarioPanel).toHaveCount(0);
});
