// The sandbox page: a small Slack-like client for the local workspace. It polls the workspace's
// state and sends what a person does (a command, a click, a form) to the sandbox, which turns it
// into the signed request Slack would send the bot.
"use strict";

// rendered: what the message list shows now (whose view, which channel, what), so it is redrawn only when that changes.
const state = { user: null, channel: null, people: [], channels: [], viewId: null, rendered: null };

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
  });
  return res.json();
}

function esc(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function personName(id) {
  const p = state.people.find(x => x.id === id);
  return p ? p.name : id === "U0BOT" ? "Escalate" : id;
}

function channelName(id) {
  const c = state.channels.find(x => x.id === id);
  return c ? c.name : id;
}

// Slack mrkdwn to HTML: <@U…>, <#C…>, <!date^…|…>, <url|label> tokens, then *bold*, _italic_, `code`, ~strike~.
function mrkdwn(text) {
  const parts = String(text || "").split(/(<[^>]+>)/);
  return parts.map(part => {
    const token = part.match(/^<([^>]+)>$/);
    if (!token) {
      let t = part.replace(/&(?!(amp|lt|gt|quot);)/g, "&amp;").replace(/"/g, "&quot;");
      t = t.replace(/\*([^*\n]+)\*/g, "<b>$1</b>").replace(/(^|\W)_([^_\n]+)_(?=\W|$)/g, "$1<i>$2</i>")
        .replace(/`([^`\n]+)`/g, "<code>$1</code>").replace(/~([^~\n]+)~/g, "<s>$1</s>");
      return t.replace(/\n/g, "<br>");
    }
    const inner = token[1];
    if (inner.startsWith("@")) return `<span class="mention">@${esc(personName(inner.slice(1).split("|")[0]))}</span>`;
    if (inner.startsWith("#")) return `<span class="mention">#${esc(channelName(inner.slice(1).split("|")[0]))}</span>`;
    if (inner.startsWith("!date^")) {
      const epoch = Number(inner.split("^")[1]);
      return esc(new Date(epoch * 1000).toLocaleString([], { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }));
    }
    if (inner.startsWith("!")) return `<span class="mention">@${esc(inner.slice(1).split("|")[0])}</span>`;
    const [url, label] = inner.split("|");
    return `<a href="${esc(url)}" target="_blank" rel="noopener">${esc(label || url)}</a>`;
  }).join("");
}

function textObject(t) {
  if (!t) return "";
  return t.type === "mrkdwn" ? mrkdwn(t.text) : esc(t.text);
}

function renderBlocks(blocks, message) {
  return (blocks || []).map(b => {
    switch (b.type) {
      case "header": return `<div class="block header">${textObject(b.text)}</div>`;
      case "divider": return `<div class="block divider"></div>`;
      case "image": return `<div class="block"><img src="${esc(b.image_url)}" alt="${esc(b.alt_text || "")}" style="max-width:320px"></div>`;
      case "context": return `<div class="block context">${(b.elements || []).map(e => e.type === "image"
        ? `<img src="${esc(e.image_url)}" alt="${esc(e.alt_text || "")}" height="16">` : textObject(e)).join(" ")}</div>`;
      case "section": {
        let html = `<div class="block section">${textObject(b.text)}`;
        if (b.fields) html += `<div class="fields">${b.fields.map(f => `<div>${textObject(f)}</div>`).join("")}</div>`;
        if (b.accessory) html += `<div class="actions">${element(b.accessory, b.block_id, message)}</div>`;
        return html + "</div>";
      }
      case "actions": return `<div class="block actions">${(b.elements || []).map(e => element(e, b.block_id, message)).join("")}</div>`;
      default: return "";
    }
  }).join("");
}

function element(e, blockId, message) {
  const data = `data-action="${esc(e.action_id)}" data-block="${esc(blockId || "")}" data-ts="${esc(message.ts)}"`;
  if (e.type === "button") {
    return `<button type="button" class="${esc(e.style || "")}" ${data} data-value="${esc(e.value || "")}">${textObject(e.text)}</button>`;
  }
  if (e.type === "static_select") {
    const options = (e.options || []).map(o => `<option value="${esc(o.value)}">${esc(o.text.text)}</option>`).join("");
    return `<select ${data}><option value="">${e.placeholder ? esc(e.placeholder.text) : "Choose…"}</option>${options}</select>`;
  }
  return "";
}

function renderMessages(messages) {
  const box = document.getElementById("messages");
  const html = (messages || []).map(m => {
    const body = m.blocks ? renderBlocks(m.blocks, m) : `<div>${mrkdwn(m.text)}</div>`;
    const when = new Date(Number(m.ts.split(".")[0]) * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    return `<div class="message${m.ephemeralFor ? " ephemeral" : ""}${m.pinned ? " pinned" : ""}" data-ts="${esc(m.ts)}">
      <span class="who">${esc(personName(m.user))}</span><span class="when">${when}</span>
      ${m.ephemeralFor ? '<div class="only">Only visible to you</div>' : ""}${body}</div>`;
  }).join("");
  // An empty channel shows empty: what is compared includes whose view and which channel it is.
  const key = `${state.user}|${state.channel}|${html}`;
  if (key === state.rendered) return;
  const switched = !state.rendered || !state.rendered.startsWith(`${state.user}|${state.channel}|`);
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  box.innerHTML = html;
  state.rendered = key;
  if (atBottom || switched) box.scrollTop = box.scrollHeight;
}

function renderChannels() {
  const list = document.getElementById("channels");
  const html = state.channels.map(c => `<li data-id="${esc(c.id)}" class="${c.id === state.channel ? "selected" : ""}${c.isPrivate && !c.direct ? " private" : ""}">
    ${c.direct ? "Escalate (direct)" : "#" + esc(c.name)}</li>`).join("");
  if (list.innerHTML !== html && list.dataset.html !== html) {
    list.innerHTML = html;
    list.dataset.html = html;
  }
  const current = state.channels.find(c => c.id === state.channel);
  document.getElementById("channel-name").textContent = current ? (current.direct ? "Direct messages with Escalate" : "#" + current.name) : "";
  document.getElementById("channel-topic").innerHTML = current && current.topic ? mrkdwn(current.topic) : "";
}

function renderModal(view) {
  const modal = document.getElementById("modal");
  if (!view) {
    modal.hidden = true;
    state.viewId = null;
    return;
  }
  if (state.viewId === view.id) return; // keep what the person is typing
  state.viewId = view.id;
  const v = view.view;
  document.getElementById("modal-title").textContent = v.title ? v.title.text : "";
  document.getElementById("modal-submit").textContent = v.submit ? v.submit.text : "Submit";
  document.getElementById("modal-cancel").textContent = v.close ? v.close.text : "Cancel";
  document.getElementById("modal-blocks").innerHTML = (v.blocks || []).map(b => {
    if (b.type !== "input") return renderBlocks([b], { ts: "" });
    const e = b.element;
    const id = `${b.block_id}|${e.action_id}`;
    let input = "";
    if (e.type === "plain_text_input") {
      input = e.multiline
        ? `<textarea name="${esc(id)}" data-type="plain_text_input" maxlength="${e.max_length || 3000}">${esc(e.initial_value || "")}</textarea>`
        : `<input type="text" name="${esc(id)}" data-type="plain_text_input" maxlength="${e.max_length || 3000}" value="${esc(e.initial_value || "")}">`;
    } else if (e.type === "static_select") {
      const initial = e.initial_option ? e.initial_option.value : "";
      input = `<select name="${esc(id)}" data-type="static_select"><option value=""></option>${(e.options || []).map(o =>
        `<option value="${esc(o.value)}" ${o.value === initial ? "selected" : ""}>${esc(o.text.text)}</option>`).join("")}</select>`;
    } else if (e.type === "checkboxes") {
      const initial = (e.initial_options || []).map(o => o.value);
      input = (e.options || []).map(o => `<div><input type="checkbox" name="${esc(id)}" data-type="checkboxes" value="${esc(o.value)}"
        ${initial.includes(o.value) ? "checked" : ""}> ${esc(o.text.text)}</div>`).join("");
    }
    return `<label>${esc(b.label.text)}${b.optional ? " <small>(optional)</small>" : ""}${input}
      <div class="error" data-error="${esc(b.block_id)}"></div></label>`;
  }).join("");
  modal.hidden = false;
}

function modalValues() {
  const values = {};
  document.querySelectorAll("#modal-blocks [name]").forEach(el => {
    const [block, action] = el.name.split("|");
    values[block] = values[block] || {};
    const type = el.dataset.type;
    if (type === "plain_text_input") values[block][action] = { type, value: el.value === "" ? null : el.value };
    if (type === "static_select") {
      values[block][action] = { type, selected_option: el.value === "" ? null
        : { text: { type: "plain_text", text: el.options[el.selectedIndex].text }, value: el.value } };
    }
    if (type === "checkboxes") {
      const current = values[block][action] || { type, selected_options: [] };
      if (el.checked) current.selected_options.push({ text: { type: "plain_text", text: el.value }, value: el.value });
      values[block][action] = current;
    }
  });
  return values;
}

// Shows the channel at once (its name, nothing of the channel before), then its messages as they arrive.
function switchChannel(id) {
  if (id === state.channel) return;
  state.channel = id;
  renderChannels();
  renderMessages([]);
  refresh();
}

async function refresh() {
  const user = state.user;
  const channel = state.channel;
  const s = await api(`/sandbox/state?user=${encodeURIComponent(user)}&channel=${encodeURIComponent(channel || "")}`);
  // An answer for another person or channel than the page now shows is old news: a newer refresh is on its way.
  if (user !== state.user || channel !== state.channel) return;
  state.people = s.people;
  state.channels = s.channels || [];
  if (!state.channel || !state.channels.some(c => c.id === state.channel)) {
    const team = state.channels.find(c => c.name === s.teamChannel) || state.channels[0];
    state.channel = team ? team.id : null;
    if (state.channel) return refresh();
  }
  document.getElementById("clock").textContent = new Date(s.now).toUTCString().replace("GMT", "UTC");
  renderChannels();
  renderMessages(s.messages);
  renderModal(s.view);
}

async function start() {
  const s = await api("/sandbox/state");
  state.people = s.people;
  const who = document.getElementById("who");
  who.innerHTML = s.people.map(p => `<option value="${esc(p.id)}">${esc(p.name)} (${esc(p.id)})</option>`).join("");
  state.user = s.people.length ? s.people[0].id : "U0SANDBOX";
  who.addEventListener("change", () => { state.user = who.value; state.viewId = null; refresh(); });
  document.getElementById("channels").addEventListener("click", e => {
    const li = e.target.closest("li");
    if (li) switchChannel(li.dataset.id);
  });
  document.getElementById("composer").addEventListener("submit", async e => {
    e.preventDefault();
    const input = document.getElementById("text");
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    await api("/sandbox/command", { user: state.user, channel: state.channel, text: text.startsWith("/esc") ? text : "/esc " + text });
    refresh();
  });
  document.getElementById("messages").addEventListener("click", async e => {
    const button = e.target.closest("button[data-action]");
    if (!button) return;
    await api("/sandbox/action", { user: state.user, channel: state.channel, ts: button.dataset.ts, actionId: button.dataset.action,
      blockId: button.dataset.block, value: button.dataset.value });
    refresh();
  });
  document.getElementById("messages").addEventListener("change", async e => {
    const select = e.target.closest("select[data-action]");
    if (!select || !select.value) return;
    await api("/sandbox/action", { user: state.user, channel: state.channel, ts: select.dataset.ts, actionId: select.dataset.action,
      blockId: select.dataset.block, selected: select.value });
    refresh();
  });
  document.getElementById("modal-form").addEventListener("submit", async e => {
    e.preventDefault();
    const res = await api("/sandbox/submit", { user: state.user, viewId: state.viewId, values: modalValues() });
    document.querySelectorAll("#modal .error").forEach(el => { el.textContent = ""; });
    if (res.errors) {
      Object.entries(res.errors).forEach(([block, message]) => {
        const el = document.querySelector(`#modal [data-error="${CSS.escape(block)}"]`);
        if (el) el.textContent = message;
      });
      return;
    }
    state.viewId = null;
    refresh();
  });
  document.getElementById("modal-cancel").addEventListener("click", async () => {
    await api("/sandbox/cancel", { user: state.user, viewId: state.viewId });
    state.viewId = null;
    refresh();
  });
  document.querySelectorAll("[data-advance]").forEach(b => b.addEventListener("click", async () => {
    await api("/sandbox/clock", { advance: b.dataset.advance });
    refresh();
  }));
  document.getElementById("friday").addEventListener("click", async () => {
    await api("/sandbox/clock", { next: "FRIDAY", time: "17:00", zone: "America/Los_Angeles" });
    refresh();
  });
  await refresh();
  setInterval(refresh, 1000);
}

start();
