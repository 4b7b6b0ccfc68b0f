"""Waiting for what a browser test needs to see, never for a fixed time: the app's script runs counted in the page
(a run starts when stApp's data-test-script-state turns to "running"), idle when the last run has ended, no element
is stale or still a skeleton (its code loading) and every Plotly chart has drawn its SVG."""

import contextlib

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

# Counts the script runs the page has seen, from the first byte on (an init script runs before the app's own).
COUNT_RUNS = """
(() => {
  window.__kcRuns = 0;
  const ATTR = "data-test-script-state";
  let last = null;
  // A quick run sets "running" and "notRunning" before the observer is called: each record's old value is the value
  // the record before it set, so every value the attribute took is seen, not only the last.
  const look = (records) => {
    const olds = records.filter((r) => r.type === "attributes" && r.attributeName === ATTR).map((r) => r.oldValue);
    const app = document.querySelector("[data-testid='stApp']");
    const current = app && app.getAttribute(ATTR);
    if (olds.length) last = olds[0];
    for (const value of [...olds.slice(1), current]) {
      if (value === "running" && last !== "running") window.__kcRuns += 1;
      last = value;
    }
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true, attributes: true,
                                                attributeOldValue: true, attributeFilter: [ATTR]});
})();
"""

SETTLED = """
(runs) => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || window.__kcRuns < runs || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (document.querySelector("[data-stale='true']")) return false;
  // A lazily loaded element (a chart, a table) is a skeleton until its code has arrived: a loaded machine shows it.
  if (document.querySelector("[data-testid='stSkeleton']")) return false;
  if (!document.querySelector("[data-testid='stMain'] [data-testid='stElementContainer']")) return false;
  return [...document.querySelectorAll("[data-testid='stPlotlyChart']")].every(c => c.querySelector(".main-svg"));
}
"""


def open_tab(browser, url: str | None = None, **options):
    """A new tab (its own context) that counts the app's script runs; opened at url and settled when given."""
    context = browser.new_context(**options)
    context.add_init_script(COUNT_RUNS)
    page = context.new_page()
    page.on("close", lambda _page: _close_quietly(context))
    if url:
        page.goto(url, wait_until="domcontentloaded", timeout=60000)
        wait_idle(page)
    return page


def _close_quietly(context) -> None:
    with contextlib.suppress(Exception):  # the browser went first (end of the module): nothing left to close
        context.close()


def runs(page) -> int:
    """How many script runs the page has seen."""
    return page.evaluate("window.__kcRuns || 0")


def wait_idle(page, after: int = 0, timeout: float = 60000) -> None:
    """Wait until more than `after` runs have started and the last has ended, nothing is stale and every chart is
    drawn (a loaded machine may start the script late, and Plotly draws after the script is idle)."""
    page.wait_for_function(SETTLED, arg=max(after + 1, 1), timeout=timeout, polling=50)


def act_and_wait(page, action, timeout: float = 60000) -> None:
    """Do something that reruns the script (a click, a key), then wait for that run to end and settle."""
    before = runs(page)
    action()
    wait_idle(page, after=before, timeout=timeout)


def submit_and_wait(page, action, timeout: float = 60000) -> None:
    """Do something that loads a new document (an HTML form posted, e.g. the sign-in), then wait for its first run to
    end and settle (the run count starts again with the new document)."""
    with page.expect_navigation(timeout=timeout):
        action()
    wait_idle(page, timeout=timeout)


# Plotly's hover label, closest (a text box) or x unified (a legend box): a click selects what is hovered.
HOVER = ".js-plotly-plot .hoverlayer .hovertext, .js-plotly-plot .hoverlayer .legend"


def hover(page, point) -> None:
    """Move the mouse to point and wait for Plotly's hover label there (Plotly clicks the point it hovers)."""
    page.mouse.move(*point)
    page.wait_for_selector(HOVER, timeout=30000)


def steady_point(page, locate: str, arg, timeout: float = 60000) -> list[float]:
    """The [x, y] that the JS function `locate(arg)` returns once it has stayed the same over two looks 100 ms apart
    (a chart still laying itself out, or scrolled, moves its marks); as Playwright waits for an element to be stable."""
    import json

    page.wait_for_function(f"""() => {{
      const point = ({locate})({json.dumps(arg)});
      const key = JSON.stringify(point);
      const same = point !== null && window.__kcSteady === key;
      window.__kcSteady = key;
      return same;
    }}""", timeout=timeout, polling=100)
    return page.evaluate(locate, arg)
