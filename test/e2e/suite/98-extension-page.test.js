// The extension's page (Extensions view → the extension) of the installed .vsix, offline: its README shows
// the screenshot. The page is a webview that allows only https: and data: images, so this checks in the real
// workbench what scripts/package-vsix.mjs prepares. Needs the runner's picture hook (--screenshot).
const assert = require('assert');
const vscode = require('vscode');
const screenshot = require('./screenshot');

suite('extension page', () => {
  test('the README of the installed .vsix shows its screenshot, with no network', async function () {
    if (process.env.GAR_E2E_MODE !== 'vsix' || !process.env.VSCODE_E2E_SCREENSHOT_URL) this.skip();
    this.timeout(60000);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 500));
    const pageOpen = () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes('Gov Annual Report')));
    // `extension.open` asks the marketplace first (unreachable here); the installed list opens it locally,
    // once the list has its entry (no event tells when: try until the page's tab is there).
    await vscode.commands.executeCommand('workbench.view.extensions');
    const deadline = Date.now() + 30000;
    while (!pageOpen() && Date.now() < deadline) {
      await vscode.commands.executeCommand('workbench.views.extensions.remote.installed.focus');
      await vscode.commands.executeCommand('list.focusFirst');
      await vscode.commands.executeCommand('list.select').then(undefined, () => {}); // an empty list refuses
      await pause();
    }
    assert.ok(pageOpen(), 'the extension page opened');
    // The README webview renders asynchronously; ask the runner for the page's images until the picture is in.
    let images = [];
    while (Date.now() < deadline) {
      images = await screenshot('extension-page', { images: true });
      if (images.some((i) => i.src.startsWith('data:image/png') && i.loaded)) break;
      await pause();
    }
    console.log(`    (images on the page: ${JSON.stringify(images.map((i) => `${i.src.slice(0, 30)}… ${i.loaded ? 'loaded' : 'NOT loaded'}`))})`);
    assert.ok(images.some((i) => i.src.startsWith('data:image/png') && i.loaded), 'the README screenshot is decoded on the page');
    assert.deepStrictEqual(images.filter((i) => !i.loaded).map((i) => i.src), [], 'no broken image on the page');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });
});
