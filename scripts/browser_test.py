"""The HTML view in headless Chromium, driven through WebDriver.

Run by scripts/test_browser.sh, which installs Chromium, chromedriver and
selenium first. For each page it renders with `quotelink html`, it checks
against the JSON Lines of the same input:

- every quote is highlighted once, in its document, and the highlight's
  pieces hold exactly the quote's text; every document's text reads back
  exactly as the input (nothing lost, nothing added by the markup);
- a hovered quote and a keyboard-focused quote show their kind, speaker
  and confidence, and picking a speaker in a legend fades the others;
- a page made of hostile text and ids is inert: no script ran, no alert
  opened, no element was injected, the text reads back literally;
- a 1 MB article renders and opens (its size and times are printed).

Screenshots go to the work folder; --screenshot also copies the samples'
one there (the README's docs/html-view.png).
"""

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

PAYLOADS = [
    "<script>window.pwned = 1</script>",
    '"><img src=x onerror="window.pwned = 2">',
    "'><svg onload='window.pwned = 3'>",
    '</mark></section><iframe src="javascript:window.pwned = 4"></iframe>',
    "<img src=x onerror=alert(5)>",
    "&lt;b&gt; &amp; <style>body { display: none }</style>",
]

# What the page itself is made of; anything else was injected.
PAGE_TAGS = {
    "header", "h1", "h2", "p", "span", "nav", "ol", "ul", "li", "a", "main",
    "section", "b", "small", "div", "mark", "details", "summary", "script",
}

# For each document section: its id, its text as read back, and for each
# quote the text of its highlight's pieces joined.
READ_SECTIONS = """
return [...document.querySelectorAll('section.doc:not(.failed)')].map(sec => {
  const texts = {};
  for (const piece of sec.querySelectorAll('.text .q')) {
    texts[piece.dataset.q] = (texts[piece.dataset.q] || '') + piece.textContent;
  }
  return {
    id: sec.querySelector('h2').lastChild.textContent.slice(1),
    text: sec.querySelector('.text').textContent,
    highlights: sec.querySelectorAll('.text .q:not([data-cont])').length,
    unattributed: sec.querySelectorAll('.text .q.none:not([data-cont])').length,
    texts: texts,
  };
});
"""

failures = []


def check(ok, message):
    print(("ok    " if ok else "FAIL  ") + message)
    if not ok:
        failures.append(message)


def quotelink(binary, args, stdout=None):
    started = time.perf_counter()
    result = subprocess.run([binary, *args], stdout=stdout, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"quotelink {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return time.perf_counter() - started


def records(binary, args):
    out = subprocess.run([binary, *args, "--format", "jsonl"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"quotelink {' '.join(args)} failed: {out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines()]


def render(binary, args, page):
    seconds = quotelink(binary, ["html", *args, "-o", str(page)])
    return seconds, page.stat().st_size


def open_page(driver, page):
    started = time.perf_counter()
    driver.get(page.resolve().as_uri())
    opened = time.perf_counter() - started
    load = driver.execute_script(
        "const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd;"
    )
    return opened, load / 1000


def check_against_records(driver, name, recs, texts):
    """Highlights and text read back from the page equal the records and inputs."""
    sections = driver.execute_script(READ_SECTIONS)
    docs = [r for r in recs if "quotes" in r]
    check(len(sections) == len(docs), f"{name}: {len(sections)} documents shown of {len(docs)}")
    total = sum(s["highlights"] for s in sections)
    expected = sum(len(d["quotes"]) for d in docs)
    check(total == expected, f"{name}: {total} highlighted quotes, the JSONL has {expected}")
    problems = []
    for section, doc in zip(sections, docs):
        where = f"{doc['id'][:60]!r}"
        if section["id"] != doc["id"]:
            problems.append(f"{where}: heading reads {section['id']!r}")
        if section["highlights"] != len(doc["quotes"]):
            problems.append(f"{where}: {section['highlights']} highlights, {len(doc['quotes'])} quotes")
        unattributed = sum(q["speaker_id"] is None for q in doc["quotes"])
        if section["unattributed"] != unattributed:
            problems.append(f"{where}: {section['unattributed']} marked without speaker, not {unattributed}")
        for i, quote in enumerate(doc["quotes"]):
            if section["texts"].get(str(i)) != quote["text"]:
                problems.append(f"{where}: quote {i} reads {section['texts'].get(str(i))!r}")
        if section["text"] != texts[doc["id"]]:
            problems.append(f"{where}: the text does not read back as the input")
    check(not problems, f"{name}: ids, quote texts, speakerless marks and texts read back "
          f"exactly {problems[:5]}")
    return expected


def tooltip(driver, element):
    return driver.execute_script(
        "return getComputedStyle(arguments[0], '::after').content;", element
    )


def expected_tip(doc, i):
    quote = doc["quotes"][i]
    parts = [f"{quote['kind']} quote · confidence {quote['confidence']:.2f}"]
    if quote["speaker_id"] is not None:
        speaker = doc["speakers"][quote["speaker_id"]]
        parts.append(f"speaker {quote['speaker_id'] + 1}: {speaker['name']} ({speaker['label']})")
    return parts


def check_interaction(driver, recs):
    docs = [r for r in recs if "quotes" in r]
    first = driver.find_element(By.CSS_SELECTOR, "#d1 .text .q:not([data-cont])")
    check(tooltip(driver, first) == "none", "no tooltip before hovering")
    ActionChains(driver).move_to_element(first).perform()
    shown = tooltip(driver, first)
    missing = [p for p in expected_tip(docs[0], 0) if p not in shown]
    check(not missing, f"hover shows kind, speaker and confidence: {shown!r}")

    driver.find_element(By.TAG_NAME, "body").click()
    focused = None
    for _ in range(60):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        if "q" in (active.get_attribute("class") or "").split():
            focused = active
            break
    check(focused is not None, "a quote can be reached with the Tab key")
    if focused is not None:
        ActionChains(driver).move_by_offset(0, 0).perform()
        section = driver.execute_script("return arguments[0].closest('section').id;", focused)
        doc = docs[int(section[1:]) - 1]
        i = int(focused.get_attribute("data-q"))
        shown = tooltip(driver, focused)
        missing = [p for p in expected_tip(doc, i) if p not in shown]
        check(not missing, f"keyboard focus shows the tooltip: {shown!r}")

    busiest = max(range(len(docs)), key=lambda d: len(docs[d]["speakers"]))
    doc = docs[busiest]
    if len(doc["speakers"]) > 1:
        entry = driver.find_element(By.CSS_SELECTOR, f"#d{busiest + 1} ul.legend li[data-s='0']")
        entry.click()
        kept = driver.execute_script(
            f"return document.querySelectorAll('#d{busiest + 1} .text .q:not(.dim):not([data-cont])').length;"
        )
        own = sum(q["speaker_id"] == 0 for q in doc["quotes"])
        check(kept == own, f"picking speaker 1 in the legend keeps its {own} quotes, fades the rest ({kept} kept)")
        entry.click()
        dim = driver.execute_script("return document.querySelectorAll('.q.dim').length;")
        check(dim == 0, "picking it again shows all quotes")


def check_inert(driver, page, recs, texts):
    open_page(driver, page)
    try:
        driver.switch_to.alert
        check(False, "hostile page: an alert opened")
    except NoAlertPresentException:
        check(True, "hostile page: no alert opened")
    for quote in driver.find_elements(By.CSS_SELECTOR, ".text .q:not([data-cont])")[:4]:
        ActionChains(driver).move_to_element(quote).perform()
    check(driver.execute_script("return window.pwned;") is None, "hostile page: no injected script ran")
    tags = set(driver.execute_script(
        "return [...document.body.querySelectorAll('*')].map(e => e.tagName.toLowerCase());"
    ))
    check(tags <= PAGE_TAGS, f"hostile page: no element injected (extra: {sorted(tags - PAGE_TAGS)})")
    scripts = driver.execute_script("return document.scripts.length;")
    styles = driver.execute_script("return document.querySelectorAll('style').length;")
    check((scripts, styles) == (1, 1), f"hostile page: only the page's own script and style ({scripts}, {styles})")
    display = driver.execute_script("return getComputedStyle(document.body).display;")
    check(display == "block", "hostile page: injected style did not apply")
    headings = driver.execute_script(
        "return [...document.querySelectorAll('section.doc h2')].map(h => h.lastChild.textContent.slice(1));"
    )
    check(headings == [r["id"] for r in recs], "hostile page: ids read back literally in the headings")
    check_against_records(driver, "hostile page", recs, texts)


def large_text(data, min_bytes=1_000_000):
    """PolNeAR dev (then train) articles concatenated, else the samples repeated."""
    sources = [data / "polnear/dev/text", data / "polnear/train/text"]
    files = [f for d in sources if d.is_dir() for f in sorted(d.glob("*.txt"))]
    origin = "PolNeAR dev+train articles" if files else "data/samples repeated"
    files = files or sorted(Path("data/samples").glob("*.txt"))
    parts, size, i = [], 0, 0
    while size < min_bytes:
        text = files[i % len(files)].read_text(encoding="utf-8").strip()
        parts.append(text)
        size += len(text.encode()) + 2
        i += 1
    return "\n\n".join(parts) + "\n", f"{i} {origin}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotelink", required=True)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--screenshot", type=Path, help="copy the samples' screenshot here")
    args = ap.parse_args()
    binary, work = args.quotelink, args.work
    work.mkdir(parents=True, exist_ok=True)

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                 "--disable-gpu", "--window-size=1000,900", "--force-device-scale-factor=1",
                 "--hide-scrollbars", "--font-render-hinting=none"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_page_load_timeout(300)
    figures = []
    try:
        # The samples, through the full pipeline.
        samples = sorted(Path("data/samples").glob("*.txt"))
        texts = {str(p): p.read_text(encoding="utf-8") for p in samples}
        recs = records(binary, ["data/samples"])
        page = work / "samples.html"
        seconds, size = render(binary, ["data/samples"], page)
        open_page(driver, page)
        check_against_records(driver, "samples", recs, texts)
        check_interaction(driver, recs)
        trial = driver.find_element(By.CSS_SELECTOR, "#d4")
        driver.execute_script("arguments[0].scrollIntoView();", trial)
        ActionChains(driver).move_to_element(
            trial.find_elements(By.CSS_SELECTOR, ".text .q:not([data-cont])")[2]
        ).perform()
        shot = work / "samples.png"
        trial.screenshot(str(shot))
        check(shot.stat().st_size < 200_000, f"screenshot {shot} is {shot.stat().st_size} bytes")
        if args.screenshot:
            shutil.copyfile(shot, args.screenshot)
        figures.append(("samples", size, seconds, None))

        # Hostile text and ids.
        hostile = work / "hostile.jsonl"
        lines, texts = [], {}
        for i, p in enumerate(PAYLOADS):
            text = f'"{p} is what we want," said Jane {p} Smith.\nOfficials said that {p} was fine.\n'
            lines.append(json.dumps({"id": f"{p} {i}", "text": text}))
            texts[f"{p} {i}"] = text
        hostile.write_text("\n".join(lines) + "\n", encoding="utf-8")
        recs = records(binary, ["--no-ner", "--jsonl", str(hostile)])
        page = work / "hostile.html"
        render(binary, ["--no-ner", "--jsonl", str(hostile)], page)
        check_inert(driver, page, recs, texts)
        driver.save_screenshot(str(work / "hostile.png"))

        # One large article.
        text, origin = large_text(args.data)
        large = work / "large.txt"
        large.write_text(text, encoding="utf-8")
        recs = records(binary, ["--no-ner", str(large)])
        page = work / "large.html"
        seconds, size = render(binary, ["--no-ner", str(large)], page)
        opened, load = open_page(driver, page)
        count = check_against_records(driver, f"large article ({origin})", recs, {str(large): text})
        figures.append((f"1 article, {len(text.encode()) / 1e6:.2f} MB, {count} quotes, --no-ner",
                        size, seconds, (opened, load)))

        # PolNeAR dev, one section per article (rule stage only, to keep
        # the test short; the views do not depend on where names came from).
        dev = args.data / "polnear/dev/text"
        if dev.is_dir():
            files = sorted(dev.glob("*.txt"))
            texts = {str(p): p.read_text(encoding="utf-8") for p in files}
            recs = records(binary, ["--no-ner", str(dev)])
            page = work / "polnear-dev.html"
            seconds, size = render(binary, ["--no-ner", str(dev)], page)
            opened, load = open_page(driver, page)
            count = check_against_records(driver, "PolNeAR dev", recs, texts)
            figures.append((f"PolNeAR dev, {len(files)} articles, {count} quotes, --no-ner", size, seconds, (opened, load)))
        else:
            print(f"note  {dev} not found: PolNeAR dev page skipped")
    finally:
        driver.quit()

    print("\npage                                            size      quotelink html   browser get / load event")
    for name, size, seconds, times in figures:
        browser = f"{times[0]:.2f} s / {times[1]:.2f} s" if times else "-"
        print(f"{name:<47} {size / 1e6:6.2f} MB  {seconds:8.2f} s       {browser}")
    if failures:
        print(f"\n{len(failures)} browser checks failed", file=sys.stderr)
        sys.exit(1)
    print("\nall browser checks passed")


if __name__ == "__main__":
    main()
