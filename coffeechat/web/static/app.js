// Niceties only: every action here also works without JavaScript.
"use strict";

// Forms: ask before destructive actions, and never submit twice.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  if (form.dataset.submitted === "yes") {
    event.preventDefault();
    return;
  }
  if (form.method.toLowerCase() === "post") {
    form.dataset.submitted = "yes";
    form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; });
  }
});

// Search as you type: fetch the same page and swap in its results.
document.querySelectorAll("form[data-live-search]").forEach((form) => {
  const target = document.querySelector(form.dataset.liveSearch);
  let timer = 0;
  let latest = 0;
  const refresh = async () => {
    const params = new URLSearchParams(new FormData(form));
    const url = `${form.action}?${params}`;
    const ticket = ++latest;
    const response = await fetch(url, { headers: { Accept: "text/html" } });
    if (!response.ok || ticket !== latest) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector(form.dataset.liveSearch);
    if (fresh && target) target.replaceChildren(...fresh.childNodes);
    window.history.replaceState(null, "", url);
  };
  form.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 180);
  });
});

// Copy buttons: <button data-copy="#element-id">.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const text = "value" in source ? source.value : source.textContent;
  try {
    await navigator.clipboard.writeText(text.trim());
    button.textContent = "Copied";
  } catch {
    button.textContent = "Select and copy";
  }
});

// Pipeline board: drag a card onto a column to move it (uses the card's own form).
let dragged = null;
document.querySelectorAll(".board-card[draggable=true]").forEach((card) => {
  card.addEventListener("dragstart", (event) => {
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
  });
  card.addEventListener("dragend", () => {
    card.classList.remove("dragging");
    dragged = null;
    document.querySelectorAll(".drop-target").forEach((c) => c.classList.remove("drop-target"));
  });
});
document.querySelectorAll(".board .column").forEach((column) => {
  const allowed = () => dragged && dragged.dataset.moves.split(" ").includes(column.dataset.stage);
  column.addEventListener("dragover", (event) => {
    if (!allowed()) return;
    event.preventDefault();
    column.classList.add("drop-target");
  });
  column.addEventListener("dragleave", () => column.classList.remove("drop-target"));
  column.addEventListener("drop", (event) => {
    if (!allowed()) return;
    event.preventDefault();
    const form = dragged.querySelector("form.move");
    form.querySelector("select[name=stage]").value = column.dataset.stage;
    form.requestSubmit();
  });
});

// Reorderable lists: <ol data-reorder="form-id"> whose items carry data-id;
// dropping an item rewrites the hidden "order" field of that form and submits it.
document.querySelectorAll("ol[data-reorder]").forEach((list) => {
  let moving = null;
  list.querySelectorAll("li[data-id]").forEach((item) => {
    item.draggable = true;
    item.addEventListener("dragstart", () => { moving = item; item.classList.add("dragging"); });
    item.addEventListener("dragend", () => {
      item.classList.remove("dragging");
      moving = null;
      const form = document.getElementById(list.dataset.reorder);
      if (!form) return;
      form.querySelector("input[name=order]").value =
        [...list.querySelectorAll("li[data-id]")].map((li) => li.dataset.id).join(",");
      form.requestSubmit();
    });
    item.addEventListener("dragover", (event) => {
      if (!moving || moving === item) return;
      event.preventDefault();
      const box = item.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      item.parentNode.insertBefore(moving, after ? item.nextSibling : item);
    });
  });
});

// Live lint: as the user writes a question, show what the linter thinks of it.
document.querySelectorAll("textarea[data-lint]").forEach((area) => {
  const output = document.getElementById(area.getAttribute("aria-describedby"));
  let timer = 0;
  let latest = 0;
  const show = (findings) => {
    output.replaceChildren();
    if (!findings.length) {
      const good = document.createElement("p");
      good.className = "good";
      good.textContent = "Reads well: open, specific and polite.";
      output.append(good);
      return;
    }
    const list = document.createElement("ul");
    for (const finding of findings) {
      const item = document.createElement("li");
      item.className = "finding";
      const message = document.createElement("strong");
      message.textContent = finding.message;
      item.append(message, " ", finding.suggestion);
      if (finding.evidence) item.append(" ", finding.evidence);
      list.append(item);
    }
    output.append(list);
  };
  area.addEventListener("input", () => {
    window.clearTimeout(timer);
    const text = area.value.trim();
    if (!text) { output.replaceChildren(); return; }
    timer = window.setTimeout(async () => {
      const ticket = ++latest;
      const url = `${area.dataset.lint}&text=${encodeURIComponent(text)}`;
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (response.ok && ticket === latest) show(await response.json());
    }, 250);
  });
});

// Coming back with the browser's Back button restores a page from its cache, buttons
// still disabled by the double-submit guard: make its forms usable again.
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  document.querySelectorAll("form[data-submitted]").forEach((form) => {
    delete form.dataset.submitted;
    form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = false; });
  });
});

// Target scores: a digit that fits the box moves the cursor to the next score box,
// and entering a box selects its score so the next digit replaces it.
document.querySelectorAll("input[data-score]").forEach((box, index, boxes) => {
  box.addEventListener("focus", () => box.select());
  box.addEventListener("input", () => {
    const value = Number(box.value);
    const fits = /^\d$/.test(box.value) && value >= Number(box.min) && value <= Number(box.max);
    const next = boxes[index + 1];
    if (fits && next) next.focus();
  });
});
