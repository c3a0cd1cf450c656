"""axe-core in the browser: the WCAG 2.1 A and AA rules on the page as it is now.

The script is the one bundled with ``axe_playwright_python`` (a test dependency); it is injected
into the page and run on the whole document, with only the rules tagged for WCAG 2.0/2.1 A and AA.

Two checks axe does not make complete the picture: every field has a label one can see (axe accepts
a hidden ``aria-label``), and every error shown below a field is tied to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python
from playwright.sync_api import Page

AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

_RUN = """
async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  return result.violations.map((rule) => ({
    id: rule.id,
    impact: rule.impact,
    help: rule.help,
    helpUrl: rule.helpUrl,
    nodes: rule.nodes.map((node) => ({
      target: node.target.map(String),
      html: node.html,
      summary: node.failureSummary,
    })),
  }));
}
"""


def violations(page: Page) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA violations axe-core finds in the page now (axe is injected once per page)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    found: list[dict[str, Any]] = page.evaluate(_RUN, list(WCAG_TAGS))
    return found


def report(found: list[dict[str, Any]], shown: int = 3) -> str:
    """A readable list: per rule its id, impact and help, then the first elements it failed on."""
    lines: list[str] = []
    for rule in found:
        nodes = rule["nodes"]
        lines.append(f"- {rule['id']} ({rule['impact']}): {rule['help']} [{len(nodes)} element(s)]")
        for node in nodes[:shown]:
            lines.append(f"    at {' > '.join(node['target'])}")
            lines.append(f"       {node['html'][:300]}")
            if node.get("summary"):
                lines.append("       " + node["summary"].replace("\n", "\n       ")[:600])
    return "\n".join(lines)


def assert_accessible(page: Page, label: str) -> None:
    """Fail with a report when axe-core finds any WCAG 2.1 A/AA violation on the page now."""
    found = violations(page)
    if found:
        raise AssertionError(f"{label}: {len(found)} WCAG 2.1 A/AA rule(s) violated\n{report(found)}")


_UNLABELLED = """
() => {
  const visible = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const text = (e) => (e.innerText || e.textContent || '').replace(/\\s+/g, ' ').trim();
  const shown = (e) => visible(e) && text(e) !== '';
  const controls = document.querySelectorAll(
    'input:not([type=hidden]):not([tabindex="-1"]), textarea, select, [role=combobox], ' +
    '[role=spinbutton], [role=radiogroup], [role=slider]'
  );
  const missing = [];
  controls.forEach((control) => {
    if (control.closest('[aria-hidden="true"]')) { return; }
    const labels = [...(control.labels || [])];
    const holder = control.closest('[data-testid="stElementContainer"]');
    if (!visible(holder || control)) { return; }
    const byId = (control.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean);
    const name = (control.getAttribute('aria-label') || byId.map(text).join(' ')
      || labels.map(text).join(' ')).toLowerCase();
    const candidates = [...labels, ...byId];
    if (holder) { candidates.push(...holder.querySelectorAll('[data-testid="stWidgetLabel"]')); }
    if (!candidates.some((label) => shown(label) && name.includes(text(label).toLowerCase()))) {
      missing.push(`${control.outerHTML.slice(0, 200)} (name "${name}")`);
    }
  });
  return missing;
}
"""


def unlabelled_fields(page: Page) -> list[str]:
    """Fields whose accessible name does not hold the text of a label shown on screen for them."""
    found: list[str] = page.evaluate(_UNLABELLED)
    return found


_UNTIED = """
() => {
  const errors = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stAlertContainer"]')]
    .filter((alert) => alert.querySelector('[data-testid="stAlertContentError"]'));
  return errors.slice(1)
    .filter((alert) => !alert.id || !document.querySelector(
      `[aria-describedby~="${alert.id}"][aria-invalid="true"]`))
    .map((alert) => alert.innerText.trim());
}
"""


def untied_errors(page: Page) -> list[str]:
    """The texts of the errors below a field that no field is described by (a step's first error
    message is its summary at the top, which belongs to no field)."""
    found: list[str] = page.evaluate(_UNTIED)
    return found
