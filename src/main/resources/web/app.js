// fetchbox status page: polls /api/batches every second and updates each batch's card in place.
// Every value from the server is put into the page as text (textContent), never as HTML.
(function () {
  "use strict";

  var POLL_MS = 1000;
  var OUTCOMES = ["downloaded", "not_modified", "skipped", "duplicate", "failed", "invalid"];
  var LABELS = {
    downloaded: "downloaded", not_modified: "not modified", skipped: "skipped",
    duplicate: "duplicate", failed: "failed", invalid: "invalid"
  };
  var container = document.getElementById("batches");
  var empty = document.getElementById("empty");
  var live = document.getElementById("live");
  var cards = {};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function rate(bytesPerSecond) {
    var mb = bytesPerSecond / (1024 * 1024);
    if (mb >= 1) return mb.toFixed(1) + " MB/s";
    return (bytesPerSecond / 1024).toFixed(1) + " KB/s";
  }

  function size(bytes) {
    if (bytes >= 1024 * 1024 * 1024) return (bytes / (1024 * 1024 * 1024)).toFixed(1) + " GB";
    if (bytes >= 1024 * 1024) return (bytes / (1024 * 1024)).toFixed(1) + " MB";
    if (bytes >= 1024) return (bytes / 1024).toFixed(1) + " KB";
    return bytes + " B";
  }

  function duration(seconds) {
    var s = Math.ceil(seconds);
    if (s < 60) return s + "s";
    if (s < 3600) return Math.floor(s / 60) + "m" + (s % 60 ? (s % 60) + "s" : "");
    return Math.floor(s / 3600) + "h" + Math.floor((s % 3600) / 60) + "m";
  }

  function when(iso) {
    if (!iso) return "";
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString();
  }

  function newCard(name) {
    var card = el("section", "batch");
    card.dataset.batch = name;
    var head = el("div", "head");
    card.nameEl = head.appendChild(el("span", "name", name));
    card.stateEl = head.appendChild(el("span", "state"));
    card.listEl = head.appendChild(el("span", "list"));
    card.whenEl = head.appendChild(el("span", "when"));
    card.appendChild(head);

    card.bar = el("div", "progress");
    card.bar.setAttribute("role", "progressbar");
    card.bar.setAttribute("aria-valuemin", "0");
    card.bar.setAttribute("aria-valuemax", "100");
    card.fillOk = card.bar.appendChild(el("div", "fill-ok"));
    card.fillBad = card.bar.appendChild(el("div", "fill-bad"));
    card.appendChild(card.bar);

    var numbers = el("div", "numbers");
    card.doneEl = numbers.appendChild(el("span", "figure done-count"));
    card.rateEl = numbers.appendChild(el("span", "figure rate"));
    card.etaEl = numbers.appendChild(el("span", "figure eta"));
    card.appendChild(numbers);

    var counts = el("div", "counts");
    card.countEls = {};
    OUTCOMES.forEach(function (outcome) {
      var box = el("div", "count " + outcome);
      box.dataset.outcome = outcome;
      var figure = box.appendChild(el("b", null, "0"));
      box.appendChild(document.createTextNode(LABELS[outcome]));
      card.countEls[outcome] = { box: box, figure: figure };
      counts.appendChild(box);
    });
    card.appendChild(counts);

    card.failuresEl = el("details", "failures");
    card.failuresEl.open = true;
    card.failuresSummary = card.failuresEl.appendChild(el("summary"));
    card.failuresList = card.failuresEl.appendChild(el("ol"));
    card.appendChild(card.failuresEl);

    var links = el("div", "links");
    card.jsonlLink = links.appendChild(el("a", "jsonl", "report (.jsonl)"));
    card.summaryLink = links.appendChild(el("a", "summary", "summary (.json)"));
    card.retryButton = links.appendChild(el("button", "retry", "retry failed"));
    card.retryButton.type = "button";
    card.retryButton.hidden = true;
    card.retryButton.addEventListener("click", function () {
      card.retryButton.disabled = true;
      fetch("/api/batches/" + encodeURIComponent(name) + "/retry", { method: "POST" })
        .then(function (response) {
          return response.json().then(function (body) {
            card.retryButton.textContent = response.ok ? "retry queued as " + body.batch : (body.error || "refused");
          });
        })
        .catch(function () { card.retryButton.textContent = "retry failed: no answer"; });
    });
    card.appendChild(links);
    return card;
  }

  function update(card, b) {
    var total = b.total || 0;
    var done = b.lines || 0;
    var failed = b.failed || 0;
    var percent = total > 0 ? Math.floor(done * 100 / total) : (b.state === "done" ? 100 : 0);
    card.dataset.state = b.state;
    card.stateEl.textContent = b.state === "paused" && b.paused_reason ? "paused (" + b.paused_reason + ")" : b.state;
    card.stateEl.className = "state " + b.state + (failed > 0 ? " with-failures" : "");
    card.listEl.textContent = b.list || "";
    card.retryButton.hidden = !(b.state === "done" && failed > 0);
    card.whenEl.textContent = b.state === "done" ? "finished " + when(b.finished) : "started " + when(b.started);

    var okWidth = total > 0 ? (done - failed) * 100 / total : 0;
    var badWidth = total > 0 ? failed * 100 / total : 0;
    card.fillOk.style.width = okWidth.toFixed(2) + "%";
    card.fillBad.style.left = okWidth.toFixed(2) + "%";
    card.fillBad.style.width = badWidth.toFixed(2) + "%";
    card.bar.setAttribute("aria-valuenow", String(percent));
    card.bar.title = percent + "%";

    card.doneEl.textContent = done + "/" + total + " (" + percent + "%)";
    card.rateEl.textContent = rate(b.bytes_per_second || 0) + ", " + (b.urls_per_second || 0) + " URLs/s, "
        + size(b.bytes || 0);
    card.etaEl.textContent = b.state === "done" ? "took " + duration(b.seconds || 0)
        : (b.eta_seconds !== null && b.eta_seconds !== undefined ? "ETA " + duration(b.eta_seconds) : "ETA -");

    OUTCOMES.forEach(function (outcome) {
      var n = (b.outcomes && b.outcomes[outcome]) || 0;
      var c = card.countEls[outcome];
      c.figure.textContent = String(n);
      c.box.classList.toggle("zero", n === 0);
    });

    var failures = b.failures || [];
    card.failuresEl.hidden = failures.length === 0;
    card.failuresSummary.textContent = failed + " failed or invalid" + (failed > failures.length ? " (last " + failures.length + ")" : "");
    var items = failures.map(function (f) {
      var li = el("li");
      li.appendChild(el("span", "error", f.error));
      li.appendChild(el("span", "url", "line " + f.line + ": " + (f.url || "")));
      return li;
    });
    card.failuresList.replaceChildren.apply(card.failuresList, items);

    var reports = b.reports || {};
    setLink(card.jsonlLink, reports.jsonl);
    setLink(card.summaryLink, reports.summary);
  }

  function setLink(a, href) {
    if (href) {
      a.href = href;
      a.hidden = false;
    } else {
      a.removeAttribute("href");
      a.hidden = true;
    }
  }

  function render(data) {
    var batches = data.batches || [];
    var seen = {};
    batches.forEach(function (b, i) {
      seen[b.name] = true;
      var card = cards[b.name];
      if (!card) {
        card = cards[b.name] = newCard(b.name);
      }
      update(card, b);
      if (container.children[i] !== card) {
        container.insertBefore(card, container.children[i] || null);
      }
    });
    Object.keys(cards).forEach(function (name) {
      if (!seen[name]) {
        cards[name].remove();
        delete cards[name];
      }
    });
    empty.hidden = batches.length > 0;
  }

  // the cluster's nodes (README, "Running a cluster"); nothing on one node
  var nodesLine = document.getElementById("nodes");

  function renderNodes(data) {
    var nodes = data.nodes || [];
    if (nodes.length === 0 || (nodes.length === 1 && nodes[0].role === "single")) {
      nodesLine.hidden = true;
      return;
    }
    nodesLine.textContent = "";
    nodesLine.appendChild(el("strong", null, "Cluster: "));
    nodes.forEach(function (n, i) {
      var text = n.id + " (" + n.role + ", " + n.in_flight + " in flight, " + n.done + " done, seen "
        + when(n.last_seen) + ")";
      nodesLine.appendChild(el("span", "node " + n.role, (i > 0 ? " · " : "") + text));
    });
    nodesLine.hidden = false;
  }

  function pollNodes() {
    fetch("/api/nodes", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : { nodes: [] }; })
      .then(renderNodes)
      .catch(function () { /* the batches' poll says when fetchbox cannot be reached */ });
  }

  function poll() {
    pollNodes();
    fetch("/api/batches", { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        render(data);
        live.className = "live ok";
        live.textContent = "live, updated " + new Date().toLocaleTimeString();
      })
      .catch(function (error) {
        live.className = "live down";
        live.textContent = "cannot reach fetchbox (" + error.message + "), retrying";
      })
      .then(function () {
        setTimeout(poll, POLL_MS);
      });
  }

  poll();
})();
