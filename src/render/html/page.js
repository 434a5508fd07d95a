// Enhancement only: a speaker in a legend can be picked to fade the
// other speakers' quotes in that document. The page reads the same
// without it.
for (const legend of document.querySelectorAll("ul.legend")) {
  const doc = legend.closest("section.doc");
  const entries = legend.querySelectorAll("li[data-s]");
  const pick = (entry) => {
    const on = entry.getAttribute("aria-pressed") !== "true";
    for (const e of entries) e.setAttribute("aria-pressed", String(on && e === entry));
    for (const q of doc.querySelectorAll(".q")) {
      const s = q.dataset.s;
      q.classList.toggle("dim", on && s !== entry.dataset.s);
    }
  };
  for (const entry of entries) {
    entry.setAttribute("role", "button");
    entry.setAttribute("tabindex", "0");
    entry.setAttribute("aria-pressed", "false");
    entry.title = "show only this speaker's quotes";
    entry.addEventListener("click", () => pick(entry));
    entry.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        pick(entry);
      }
    });
  }
}
