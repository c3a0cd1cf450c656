"""Driving Streamlit's widgets with the keyboard alone, as a person who cannot use a mouse does.

Every action here is a key press (``page.keyboard``). The page is only *read* to decide what to
press next: which element has the focus, whether a radio button is checked, how the focused
control looks. A control that Tab (or Shift+Tab) cannot reach, or a place the focus cannot leave,
fails with a message naming the control: that is an accessibility bug (WCAG 2.1.1, 2.1.2).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from playwright.sync_api import Locator, Page, expect

from tests.e2e.streamlit_page import wait_for_app

#: Whether an element is, or holds, the focused element.
_HOLDS_FOCUS = "el => el === document.activeElement || el.contains(document.activeElement)"

#: A short description of the focused element, with its place in the document so that two
#: elements that read the same (e.g. Streamlit's "Link to heading" anchors) stay apart.
_DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return "the page itself (<body>)"; }
  const name = (el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].innerText)
    || el.innerText || el.value || "").replace(/\\s+/g, " ").trim().slice(0, 60);
  const role = el.getAttribute("role") || el.type || "";
  const place = Array.prototype.indexOf.call(document.getElementsByTagName("*"), el);
  return `<${el.tagName.toLowerCase()}${role ? " " + role : ""}> "${name}" #${place}`;
}"""

#: The look of every visible element of a widget, by its place in the widget: whatever a focus
#: indicator can change. Visually hidden elements (Streamlit clips its native radio and checkbox
#: inputs) do not count.
_LOOK = """root => {
  const look = {};
  const visit = (e, path) => {
    const r = e.getBoundingClientRect();
    if (r.width > 2 && r.height > 2 && !e.closest("[style*='clip']")) {
      const c = getComputedStyle(e);
      const outline = c.outlineStyle === "none" || parseFloat(c.outlineWidth) === 0 ? "none"
        : `${c.outlineStyle} ${c.outlineWidth} ${c.outlineColor}`;
      look[path] = {outline: outline, "box-shadow": c.boxShadow, background: c.backgroundColor,
                    "border-color": `${c.borderTopColor} ${c.borderBottomColor}`};
    }
    Array.from(e.children).forEach((child, i) => {
      const id = child.dataset.testid ? "." + child.dataset.testid : "";
      visit(child, `${path}/${i}:${child.tagName.toLowerCase()}${id}`);
    });
  };
  visit(root, "");
  return look;
}"""

#: A ring drawn round the focused element itself, when it is visible: an outline or a box shadow.
_RING = """() => {
  const el = document.activeElement;
  if (!el || el.closest("[style*='clip']")) { return false; }
  const c = getComputedStyle(el);
  const outline = c.outlineStyle !== "none" && parseFloat(c.outlineWidth) > 0;
  return outline || c.boxShadow !== "none";
}"""


def present(target: Locator, name: str) -> None:
    try:
        expect(target).to_be_attached(timeout=30_000)
    except AssertionError as error:
        raise AssertionError(f"{name} is not on the page") from error


def holds_focus(target: Locator) -> bool:
    return bool(target.evaluate(_HOLDS_FOCUS, timeout=5_000))


def focused(page: Page) -> str:
    """What has the focus, in words (for messages)."""
    return str(page.evaluate(_DESCRIBE_FOCUS))


def tab_to(page: Page, target: Locator, name: str, *, max_presses: int = 80, backwards: bool = False) -> bool:
    """Press Tab (or Shift+Tab) until ``target`` holds the focus; True when the focus had to move.

    Fails, naming ``name``, when the control is not reached (an unreachable control) or when the
    focus stays on one element while Tab is pressed (a keyboard trap).
    """
    present(target, name)
    if holds_focus(target):
        return False
    key = "Shift+Tab" if backwards else "Tab"
    trail: list[str] = []
    for _ in range(max_presses):
        page.keyboard.press(key)
        if holds_focus(target):
            return True
        trail.append(focused(page))
        if len(trail) >= 4 and len(set(trail[-4:])) == 1:
            raise AssertionError(
                f"keyboard trap: the focus stays on {trail[-1]} while {key} is pressed to reach {name}"
            )
    seen = list(dict.fromkeys(trail))
    raise AssertionError(
        f"{name} cannot be reached with the keyboard: {max_presses} presses of {key} went through "
        f"{len(seen)} elements: " + "; ".join(seen)
    )


Look = dict[str, dict[str, str]]


def look(widget: Locator) -> Look:
    return dict(widget.evaluate(_LOOK))


def changes(before: Look, after: Look) -> list[str]:
    """How the elements seen both before and after look different: "element property: old -> new"."""
    return [
        f"{path.rsplit('/', 1)[-1] or 'widget'} {key}: {before[path][key]} -> {value}"
        for path, styles in after.items()
        if path in before
        for key, value in styles.items()
        if before[path][key] != value
    ]


@dataclass
class KeyboardUser:
    """A person filling in the intake with the keyboard only; records the focus indicators seen."""

    page: Page
    indicators: dict[str, str] = field(default_factory=dict)

    # -- reaching a control, and seeing where the focus is ------------------------------------

    def reach(self, target: Locator, name: str, *, ring: bool = False, backwards: bool = False) -> None:
        """Tab to ``target`` and check that the focus is visible there (WCAG 2.4.7): its widget
        looks different once focused; with ``ring``, the focused element itself has an outline
        or box shadow (Streamlit's buttons)."""
        present(target, name)
        widget = target.locator("xpath=ancestor-or-self::*[@data-testid='stElementContainer'][1]")
        before = look(widget)
        if not tab_to(self.page, target, name, backwards=backwards):
            return  # the focus was there already: nothing to compare with
        deadline = time.monotonic() + 3
        previous = None
        while True:  # Streamlit animates the change: wait until it has settled
            now = look(widget)
            changed = changes(before, now)
            has_ring = bool(self.page.evaluate(_RING))
            if now == previous and changed and (has_ring or not ring):
                self.indicators[name] = "; ".join(changed)
                return
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no visible focus indicator on {name} ({focused(self.page)}): WCAG 2.4.7; "
                    f"changed: {changed or 'nothing'}, ring round the focused element: {has_ring}"
                )
            previous = now
            self.page.wait_for_timeout(150)

    # -- the widgets --------------------------------------------------------------------------

    def main(self) -> Locator:
        return self.page.get_by_test_id("stMain")

    def type_text(self, label: str, text: str, nth: int = 0) -> None:
        """A text input or number input: type, then Enter applies the value."""
        field_ = self.main().get_by_label(label, exact=True).nth(nth)
        self.reach(field_, f"the field {label!r}")
        self.page.keyboard.press("Control+a")
        self.page.keyboard.type(text)
        self.page.keyboard.press("Enter")
        wait_for_app(self.page)
        expect(field_).to_have_value(text)

    def type_area(self, label: str, text: str, nth: int = 0) -> None:
        """A text area: Enter starts a new line there, so Ctrl+Enter applies the value."""
        area = self.main().get_by_label(label, exact=True).nth(nth)
        self.reach(area, f"the text area {label!r}")
        self.page.keyboard.press("Control+a")
        self.page.keyboard.type(text)
        self.page.keyboard.press("Control+Enter")
        wait_for_app(self.page)
        expect(area).to_have_value(text)

    def type_date(self, label: str, value: str, nth: int = 0) -> None:
        """Streamlit's segmented date field (DD-MM-YYYY): the digits move on from segment to
        segment; Escape closes a calendar that opened."""
        group = self.main().get_by_role("group", name=label, exact=True).nth(nth)
        self.reach(group, f"the date field {label!r}")
        self.page.keyboard.type(value.replace("-", ""))
        self.page.keyboard.press("Escape")
        expect(self.page.locator("#stFloatingOverlayPortal th")).to_have_count(0)
        wait_for_app(self.page)
        day, month, year = value.split("-")
        for segment, digits in zip(group.get_by_role("spinbutton").all(), (day, month, year), strict=True):
            expect(segment).to_have_text(digits)

    def choose(self, question: str, option: str, nth: int = 0) -> None:
        """A radio group, found by its question."""
        group = self.main().get_by_role("radiogroup", name=question, exact=True).nth(nth)
        self.choose_in(group, f"the question {question!r}", option)

    def choose_in(self, group: Locator, name: str, option: str) -> None:
        """A radio group: Tab goes into the group, the arrow keys move (and choose), Space
        chooses the radio button that has the focus when none is chosen yet."""
        wanted = group.get_by_role("radio", name=option, exact=True)
        self.reach(group, name)
        for _ in range(group.get_by_role("radio").count()):
            if holds_focus(wanted):
                break
            self.page.keyboard.press("ArrowDown")
            wait_for_app(self.page)
        else:
            raise AssertionError(f"the arrow keys do not reach {option!r} in {name}; at {focused(self.page)}")
        if not wanted.is_checked():
            self.page.keyboard.press("Space")
            wait_for_app(self.page)
        expect(wanted).to_be_checked()
        expect(group.get_by_role("radio", checked=True)).to_have_count(1)

    def tick(self, label: str) -> None:
        """A checkbox: Space ticks it."""
        box = self.main().get_by_role("checkbox", name=label, exact=True)
        self.reach(box, f"the checkbox {label!r}")
        expect(box).not_to_be_checked()
        self.page.keyboard.press("Space")
        wait_for_app(self.page)
        expect(box).to_be_checked()

    def press_button(self, name: str, key: str = "Enter", *, backwards: bool = False) -> None:
        """A button: Enter (or Space) presses it."""
        button = self.main().get_by_role("button", name=name, exact=True)
        self.reach(button, f"the button {name!r}", ring=True, backwards=backwards)
        self.page.keyboard.press(key)
        wait_for_app(self.page)


def reference_on(page: Page) -> str:
    """The reference number the sent page shows."""
    reference = page.get_by_test_id("stCode").first.inner_text().strip()
    assert re.fullmatch(r"SMI-\d{4}-\d{6}", reference), reference
    return reference
