// The sandbox page: a small Slack-like client for the local workspace. It polls the workspace's
// state and sends what a person does (a command, a click, a form, a shortcut or reaction from a
// message's menu) to the sandbox, which turns it into the signed request Slack would send the bot.
"use strict";

// rendered: what the message list shows now (whose view, which channel, what), so it is redrawn only when that changes.
// clock: the sandbox clock's reading and the page's own time when it was read, so the page can tell the sandbox's time.
// activity: per channel, its newest message and what is unread and mentions the person; read: what the page last
// told the sandbox the person has seen, per person and channel.
const state = { user: null, channel: null, people: [], channels: [], viewId: null, rendered: null, clock: { sandbox: Date.now(), page: Date.now() },
  activity: {}, read: {}, shortcuts: [], reactions: {}, menu: null };

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

// The sandbox clock now, in milliseconds: its last reading moved on by the time since.
function sandboxNow() {
  return state.clock.sandbox + (Date.now() - state.clock.page);
}

// Who is looking at the page reads times in their own time zone, as Slack shows them.
function viewerZone() {
  const p = state.people.find(x => x.id === state.user);
  return p && p.timeZone ? p.timeZone : "UTC";
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// One formatter per time zone: the message list reads many times each second.
const zoneFormats = new Map();

// The calendar reading of an instant (ms) in a time zone; UTC when the zone is not one the browser knows.
function zoned(ms, timeZone) {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
        hour: "numeric", minute: "numeric", second: "numeric" });
    } catch (e) {
      return zoned(ms, "UTC");
    }
    zoneFormats.set(timeZone, format);
  }
  const p = {};
  format.formatToParts(new Date(ms)).forEach(x => { p[x.type] = x.value; });
  const year = Number(p.year), month = Number(p.month), day = Number(p.day);
  const midnight = Date.UTC(year, month - 1, day);
  return { year, month, day, hour: Number(p.hour) % 24, minute: Number(p.minute), second: Number(p.second),
    weekday: new Date(midnight).getUTCDay(), dayNumber: Math.round(midnight / 86400000) };
}

function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return n + (teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] || "th"));
}

// How far off a time is, as Slack's {ago} words it: "in 15 minutes", "3 hours ago".
function agoPhrase(diffMs) {
  const s = Math.abs(diffMs) / 1000;
  const count = (n, unit) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  let phrase;
  if (s < 45) phrase = "a few seconds";
  else if (Math.round(s / 60) < 60) phrase = count(Math.max(1, Math.round(s / 60)), "minute");
  else if (Math.round(s / 3600) < 24) phrase = count(Math.round(s / 3600), "hour");
  else if (Math.round(s / 86400) < 30) phrase = count(Math.round(s / 86400), "day");
  else if (Math.round(s / (30 * 86400)) < 12) phrase = count(Math.round(s / (30 * 86400)), "month");
  else phrase = count(Math.max(1, Math.round(s / (365 * 86400))), "year");
  return diffMs > 0 ? `in ${phrase}` : `${phrase} ago`;
}

// A Slack date format ("{date_short_pretty} at {time}") for an epoch second, read in timeZone, "today" being the day of
// now (ms, the sandbox clock): every token Slack documents; anything else in the format stays as written.
function slackDate(epoch, format, now, timeZone) {
  const ms = epoch * 1000;
  const t = zoned(ms, timeZone);
  const today = zoned(now, timeZone);
  const two = n => String(n).padStart(2, "0");
  const month = MONTHS[t.month - 1];
  const date = `${month} ${ordinal(t.day)}, ${t.year}`;
  const dateShort = `${month.slice(0, 3)} ${t.day}, ${t.year}`;
  const dateLong = `${WEEKDAYS[t.weekday]}, ${date}`;
  const relative = { "-1": "yesterday", "0": "today", "1": "tomorrow" }[t.dayNumber - today.dayNumber];
  const hour = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const half = t.hour < 12 ? "AM" : "PM";
  const tokens = {
    date_num: `${t.year}-${two(t.month)}-${two(t.day)}`,
    date,
    date_short: dateShort,
    date_long: dateLong,
    date_pretty: relative || date,
    date_short_pretty: relative || dateShort,
    date_long_pretty: relative || dateLong,
    day_divider_pretty: relative || (t.year === today.year ? `${WEEKDAYS[t.weekday]}, ${month} ${ordinal(t.day)}` : dateLong),
    date_slash: `${two(t.day)}/${two(t.month)}/${t.year}`,
    date_long_full: `${month} ${t.day}, ${t.year}`,
    time: `${hour}:${two(t.minute)} ${half}`,
    time_secs: `${hour}:${two(t.minute)}:${two(t.second)} ${half}`,
    ago: agoPhrase(ms - now),
  };
  return format.replace(/\{([a-z_]+)\}/g, (whole, name, offset) => {
    if (!(name in tokens)) return whole;
    const value = tokens[name];
    // "today" opening the text starts a sentence: "Today at 9:00 AM".
    return offset === 0 && relative && value === relative ? value[0].toUpperCase() + value.slice(1) : value;
  });
}

// <!date^EPOCH^FORMAT|fallback> or <!date^EPOCH^FORMAT^LINK|fallback>, as the reader sees it.
function dateToken(inner) {
  const bar = inner.indexOf("|");
  const spec = bar < 0 ? inner : inner.slice(0, bar);
  const fallback = bar < 0 ? "" : inner.slice(bar + 1);
  const [, epochText, format, link] = spec.split("^");
  const epoch = Number(epochText);
  if (!epochText || !Number.isFinite(epoch) || format === undefined) return esc(unescapeEntities(fallback));
  const now = sandboxNow();
  const zone = viewerZone();
  const text = esc(slackDate(epoch, unescapeEntities(format), now, zone));
  const title = esc(slackDate(epoch, "{date_long} at {time_secs}", now, zone) + ` (${zone})`);
  const time = `<time datetime="${new Date(epoch * 1000).toISOString()}" title="${title}">${text}</time>`;
  return link ? `<a href="${esc(link)}" target="_blank" rel="noopener">${time}</a>` : time;
}

// mrkdwn keeps &, < and > escaped; a label or a format is shown as the text it stands for.
function unescapeEntities(text) {
  return String(text).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

function channelName(id) {
  const c = state.channels.find(x => x.id === id);
  return c ? c.name : id;
}

// The emoji shortcodes the bot sends and the menu's reactions, as Slack draws them; any other :code: stays as written.
const EMOJI = {
  warning: "\u26a0\ufe0f", wave: "\u{1f44b}", rotating_light: "\u{1f6a8}", hourglass: "\u231b", hourglass_flowing_sand: "\u23f3", lock: "\u{1f512}",
  pushpin: "\u{1f4cc}", robot_face: "\u{1f916}", red_circle: "\u{1f534}", large_orange_circle: "\u{1f7e0}",
  large_yellow_circle: "\u{1f7e1}", large_green_circle: "\u{1f7e2}", eyes: "\u{1f440}", white_check_mark: "\u2705",
  heavy_check_mark: "\u2714\ufe0f", x: "\u274c", memo: "\u{1f4dd}", information_source: "\u2139\ufe0f", compass: "\u{1f9ed}",
  chart_with_upwards_trend: "\u{1f4c8}", calendar: "\u{1f4c6}", date: "\u{1f4c5}", bell: "\u{1f514}", "+1": "\u{1f44d}",
  thumbsup: "\u{1f44d}", "-1": "\u{1f44e}", raised_hands: "\u{1f64c}", pray: "\u{1f64f}", fire: "\u{1f525}", tada: "\u{1f389}",
  bulb: "\u{1f4a1}", link: "\u{1f517}", mag: "\u{1f50d}", label: "\u{1f3f7}\u{fe0f}", sos: "\u{1f198}", busts_in_silhouette: "\u{1f465}",
  pager: "\u{1f4df}", twisted_rightwards_arrows: "\u{1f500}", heavy_multiplication_x: "\u2716\ufe0f", speech_balloon: "\u{1f4ac}", hammer_and_wrench: "\u{1f6e0}\ufe0f", shield: "\u{1f6e1}\ufe0f", scales: "\u2696\ufe0f",
};

function emoji(text) {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] || whole);
}

// A message's link, as chat.getPermalink gives it out here: the channel and ts it points at.
function permalinkTarget(url) {
  const m = url.match(/^https:\/\/sandbox\.invalid\/archives\/([A-Z0-9]+)\/p(\d+)(\d{6})$/);
  return m ? { channel: m[1], ts: `${m[2]}.${m[3]}` } : null;
}

// One <…> token: a mention, a channel, a date, a special mention, or a link (to a message here, or elsewhere).
function token(inner) {
  const [target, label] = [inner.split("|")[0], inner.includes("|") ? unescapeEntities(inner.slice(inner.indexOf("|") + 1)) : ""];
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return `<span class="mention${id === state.user ? " me" : ""}">@${esc(personName(id))}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    const known = state.channels.some(c => c.id === id);
    return `<a href="#" class="mention channel-link" data-channel="${esc(id)}">#${esc(known ? channelName(id) : label || id)}</a>`;
  }
  if (target.startsWith("!date^")) return dateToken(inner);
  if (target.startsWith("!subteam^")) return `<span class="mention">${esc(label || "@group")}</span>`;
  if (target.startsWith("!")) return `<span class="mention broadcast">@${esc(target.slice(1))}</span>`;
  const url = unescapeEntities(target);
  const message = permalinkTarget(url);
  if (message) {
    return `<a href="#" class="message-link" data-channel="${esc(message.channel)}" data-ts="${esc(message.ts)}">${esc(label || url)}</a>`;
  }
  if (!/^(https?:|mailto:)/i.test(url)) return esc(label || url);
  return `<a href="${esc(url)}" target="_blank" rel="noopener">${esc(label || url)}</a>`;
}

// Text between tokens: *bold*, _italic_, `code`, ~strike~, emoji, line breaks; nothing in it can become markup.
function inline(text) {
  return String(text).split(/(<[^<>\s][^<>]*>)/).map(part => {
    const t = part.match(/^<([^<>]+)>$/);
    if (t) return token(t[1]);
    let h = part.replace(/&(?!(amp|lt|gt|quot);)/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    h = emoji(h).replace(/\*([^*\n]+)\*/g, "<b>$1</b>").replace(/(^|\W)_([^_\n]+)_(?=\W|$)/g, "$1<i>$2</i>")
      .replace(/`([^`\n]+)`/g, "<code>$1</code>").replace(/~([^~\n]+)~/g, "<s>$1</s>");
    return h.replace(/\n/g, "<br>");
  }).join("");
}

// Lines starting with "> " (escaped, "&gt; ") are a quote; "&gt;&gt;&gt;" quotes everything after it.
function quotes(text) {
  const groups = [];
  let rest = false;
  text.split("\n").forEach(line => {
    let quoted = rest;
    const all = line.match(/^(&gt;|>){3}\s?/);
    const one = line.match(/^(&gt;|>)\s?/);
    if (!rest && all) { rest = true; quoted = true; line = line.slice(all[0].length); }
    else if (!rest && one) { quoted = true; line = line.slice(one[0].length); }
    const last = groups[groups.length - 1];
    if (last && last.quoted === quoted) last.lines.push(line);
    else groups.push({ quoted, lines: [line] });
  });
  return groups.map(g => g.quoted ? `<blockquote>${inline(g.lines.join("\n"))}</blockquote>` : inline(g.lines.join("\n"))).join("");
}

// Slack mrkdwn to HTML: ```code blocks```, quotes, then tokens and inline formatting.
function mrkdwn(text) {
  return String(text || "").split("```").map((part, i) => i % 2 === 1
    ? `<pre>${part.replace(/^\n/, "").replace(/&(?!(amp|lt|gt|quot);)/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</pre>`
    : quotes(part)).join("");
}

function textObject(t) {
  if (!t) return "";
  return t.type === "mrkdwn" ? mrkdwn(t.text) : t.emoji === false ? esc(t.text) : emoji(esc(t.text));
}

function renderBlocks(blocks, message) {
  return (blocks || []).map(b => {
    switch (b.type) {
      case "header": return `<div class="block header">${textObject(b.text)}</div>`;
      case "divider": return `<div class="block divider"></div>`;
      case "image": return `<div class="block image">${b.title ? `<div class="image-title">${textObject(b.title)}</div>` : ""}
        <img class="zoomable" src="${esc(b.image_url)}" alt="${esc(b.alt_text || "")}" title="Click to enlarge"></div>`;
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
  const now = sandboxNow();
  const zone = viewerZone();
  let day = null;
  const html = (messages || []).map(m => {
    const body = m.blocks ? renderBlocks(m.blocks, m) : `<div>${mrkdwn(m.text)}</div>`;
    // A message's ts is when it was sent, by the sandbox clock: its time, and a divider where the day changes.
    const epoch = Number(m.ts.split(".")[0]);
    const sentOn = zoned(epoch * 1000, zone).dayNumber;
    const divider = sentOn === day ? "" : `<div class="day-divider"><span>${esc(slackDate(epoch, "{day_divider_pretty}", now, zone))}</span></div>`;
    day = sentOn;
    const when = `<time class="when" datetime="${new Date(epoch * 1000).toISOString()}"
      title="${esc(slackDate(epoch, "{date_long_pretty} at {time_secs}", now, zone))}">${esc(slackDate(epoch, "{time}", now, zone))}</time>`;
    // Slack offers no menu and no reactions on a message only one person sees.
    const menu = m.ephemeralFor ? "" : `<button type="button" class="menu-button" data-menu="${esc(m.ts)}" aria-label="Message actions"
      aria-haspopup="menu" title="More actions">&#8943;</button>`;
    return `${divider}<div class="message${m.ephemeralFor ? " ephemeral" : ""}${m.pinned ? " pinned" : ""}" data-ts="${esc(m.ts)}">
      ${menu}<span class="who">${esc(personName(m.user))}</span>${when}
      ${m.ephemeralFor ? '<div class="only">Only visible to you</div>' : ""}${body}${reactionsOf(m)}</div>`;
  }).join("");
  const current = state.channels.find(c => c.id === state.channel);
  const intro = current ? `<div class="channel-intro">This is the very beginning of <b>${current.direct ? "your direct messages with Escalate"
    : "#" + esc(current.name)}</b>.</div>` : "";
  // An empty channel shows empty: what is compared includes whose view and which channel it is.
  const key = `${state.user}|${state.channel}|${intro}${html}`;
  if (key === state.rendered) return;
  const switched = !state.rendered || !state.rendered.startsWith(`${state.user}|${state.channel}|`);
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  box.innerHTML = intro + html;
  state.rendered = key;
  if (atBottom || switched) box.scrollTop = box.scrollHeight;
}

// A message's reactions, one pill per emoji with how many chose it (and who, on hover); a pill adds yours.
function reactionsOf(m) {
  const on = state.reactions[m.ts];
  if (!on) return "";
  return `<div class="reactions">${Object.entries(on).map(([name, users]) => `<button type="button" class="reaction${
    users.includes(state.user) ? " mine" : ""}" data-react="${esc(name)}" data-ts="${esc(m.ts)}" title="${esc(users.map(personName).join(", "))
    } reacted with :${esc(name)}:">${emoji(`:${esc(name)}:`)} <span class="n">${users.length}</span></button>`).join("")}</div>`;
}

// The reactions the message menu offers first: :pushpin: puts a message in a case channel on the case's timeline.
const QUICK_REACTIONS = ["pushpin", "eyes", "white_check_mark", "+1"];

function openMessageMenu(button) {
  const menu = document.getElementById("message-menu");
  state.menu = { channel: state.channel, ts: button.dataset.menu };
  menu.innerHTML = `<div class="quick-reactions">${QUICK_REACTIONS.map(name =>
    `<button type="button" role="menuitem" data-reaction="${esc(name)}" title="React with :${esc(name)}:">${emoji(`:${esc(name)}:`)}</button>`).join("")}</div>
    ${state.shortcuts.map(s => `<button type="button" role="menuitem" class="shortcut" data-shortcut="${esc(s.callbackId)}">${esc(s.name)}</button>`).join("")}`;
  menu.hidden = false;
  // Beside the button, inside the screen.
  const r = button.getBoundingClientRect();
  const width = menu.offsetWidth;
  const height = menu.offsetHeight;
  menu.style.left = `${Math.max(8, Math.min(r.right - width, innerWidth - width - 8))}px`;
  menu.style.top = `${r.bottom + 4 + height > innerHeight - 8 ? Math.max(8, r.top - height - 4) : r.bottom + 4}px`;
}

function closeMessageMenu() {
  document.getElementById("message-menu").hidden = true;
  state.menu = null;
}

async function react(channel, ts, name) {
  await api("/sandbox/react", { user: state.user, channel, ts, name });
  refresh();
}

// The sidebar: each channel, bold with a count when it has messages the person has not seen, with a badge when
// some of those mention them (every direct message does).
function renderChannels() {
  const list = document.getElementById("channels");
  let mentioned = 0;
  const html = state.channels.map(c => {
    const a = state.channel === c.id ? {} : state.activity[c.id] || {};
    mentioned += a.mentions || 0;
    const classes = [c.id === state.channel ? "selected" : "", c.isPrivate && !c.direct ? "private" : "", a.unread ? "unread" : ""]
      .filter(Boolean).join(" ");
    const marker = a.mentions ? `<span class="badge" title="${a.mentions} mentioning you">${a.mentions}</span>`
      : a.unread ? `<span class="count" title="${a.unread} unread">${a.unread}</span>` : "";
    return `<li data-id="${esc(c.id)}" class="${classes}"><span class="name">${c.direct ? "Escalate (direct)" : "#" + esc(c.name)}</span>${marker}</li>`;
  }).join("");
  if (list.dataset.html !== html) {
    list.innerHTML = html;
    list.dataset.html = html;
  }
  document.title = mentioned ? `(${mentioned}) Escalate sandbox` : "Escalate sandbox";
  document.body.classList.toggle("mentioned", mentioned > 0);
  const current = state.channels.find(c => c.id === state.channel);
  const shown = current ? (current.direct ? "Direct messages with Escalate" : "#" + current.name) : "";
  document.getElementById("channel-name").textContent = shown;
  // The composer says where a command goes: the channel on screen.
  document.getElementById("text").placeholder = current ? `/esc help (in ${current.direct ? "your direct messages" : "#" + current.name})` : "/esc help";
  document.getElementById("channel-topic").innerHTML = current && current.topic ? mrkdwn(current.topic) : "";
}

function renderModal(view) {
  const modal = document.getElementById("modal");
  if (!view) {
    modal.hidden = true;
    state.viewId = null;
    return;
  }
  const v = view.view;
  const json = JSON.stringify(v);
  if (state.viewId === view.id && state.viewShown === json) return; // keep what the person is typing
  // The bot updated the open form (views.update): redrawn, keeping what the person has changed, as Slack does.
  const edited = state.viewId === view.id ? editedFields() : [];
  state.viewId = view.id;
  state.viewShown = json;
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
    } else if (e.type === "number_input" || e.type === "url_text_input") {
      const kind = e.type === "number_input" ? `type="number" step="any"${e.min_value ? ` min="${esc(e.min_value)}"` : ""}` : `type="url"`;
      input = `<input ${kind} name="${esc(id)}" data-type="${e.type}" value="${esc(e.initial_value || "")}">`;
    } else if (e.type === "multi_static_select") {
      input = `<select multiple name="${esc(id)}" data-type="multi_static_select">${(e.options || []).map(o =>
        `<option value="${esc(o.value)}">${esc(o.text.text)}</option>`).join("")}</select>`;
    } else if (e.type === "datetimepicker") {
      // The sandbox's people read times in UTC: the picked time is UTC.
      input = `<input type="datetime-local" name="${esc(id)}" data-type="datetimepicker">`;
    } else if (e.type === "users_select") {
      input = `<select name="${esc(id)}" data-type="users_select"><option value=""></option>${state.people.map(p =>
        `<option value="${esc(p.id)}">${esc(p.name)}</option>`).join("")}</select>`;
    } else if (e.type === "checkboxes") {
      const initial = (e.initial_options || []).map(o => o.value);
      input = (e.options || []).map(o => `<div><input type="checkbox" name="${esc(id)}" data-type="checkboxes" value="${esc(o.value)}"
        ${initial.includes(o.value) ? "checked" : ""}> ${esc(o.text.text)}</div>`).join("");
    }
    // An input whose choice Slack sends at once (dispatch_action): the bot may change the form in answer.
    if (b.dispatch_action) input = input.replace(/^<select /, `<select data-dispatch="${esc(b.block_id)}" `);
    const hint = b.hint ? `<small class="hint">${esc(b.hint.text)}</small>` : "";
    return `<label>${esc(b.label.text)}${b.optional ? " <small>(optional)</small>" : ""}${input}${hint}
      <div class="error" data-error="${esc(b.block_id)}"></div></label>`;
  }).join("");
  edited.forEach(f => {
    const el = [...document.querySelectorAll("#modal-blocks [name]")].find(x => x.name === f.name && (x.type !== "checkbox" || x.value === f.value));
    if (!el) return;
    if (el.type === "checkbox") el.checked = f.checked;
    else el.value = f.value;
    el.dataset.edited = "1";
  });
  modal.hidden = false;
}

// The form's fields the person has typed in or changed since it opened.
function editedFields() {
  return [...document.querySelectorAll("#modal-blocks [name][data-edited]")]
    .map(el => ({ name: el.name, value: el.value, checked: el.checked }));
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
    if (type === "number_input" || type === "url_text_input") values[block][action] = { type, value: el.value === "" ? null : el.value };
    if (type === "multi_static_select") {
      values[block][action] = { type, selected_options: [...el.selectedOptions].map(o =>
        ({ text: { type: "plain_text", text: o.text }, value: o.value })) };
    }
    if (type === "datetimepicker") {
      values[block][action] = { type, selected_date_time: el.value === "" ? null : Math.floor(Date.parse(el.value + "Z") / 1000) };
    }
    if (type === "users_select") values[block][action] = { type, selected_user: el.value === "" ? null : el.value };
    if (type === "checkboxes") {
      const current = values[block][action] || { type, selected_options: [] };
      if (el.checked) current.selected_options.push({ text: { type: "plain_text", text: el.value }, value: el.value });
      values[block][action] = current;
    }
  });
  return values;
}

// A message a link pointed at: shown in the middle of its channel and marked, once its channel has drawn it.
function showLinkedMessage() {
  if (!state.linked || state.linked.channel !== state.channel) return;
  const el = document.querySelector(`#messages .message[data-ts="${CSS.escape(state.linked.ts)}"]`);
  if (!el) return;
  el.classList.add("linked");
  el.scrollIntoView({ block: "center" });
  state.linked = null;
}

function openLightbox(img) {
  const box = document.getElementById("lightbox");
  const big = document.getElementById("lightbox-image");
  big.src = img.src;
  big.alt = img.alt;
  box.hidden = false;
}

// The person has now seen the channel's messages up to the newest shown: the sandbox keeps that as their read marker.
function markRead(messages) {
  if (!messages || !messages.length) return;
  const key = `${state.user}|${state.channel}`;
  const latest = messages[messages.length - 1].ts;
  if (state.read[key] === latest) return;
  state.read[key] = latest;
  api("/sandbox/read", { user: state.user, channel: state.channel, ts: latest });
}

// The sidebar as a drawer, on a narrow screen.
function drawer(open) {
  document.body.classList.toggle("drawer-open", open);
  document.getElementById("drawer-button").setAttribute("aria-expanded", String(open));
}

// Shows the channel at once (its name, nothing of the channel before), then its messages as they arrive.
function switchChannel(id) {
  drawer(false);
  closeMessageMenu();
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
  state.activity = s.activity || {};
  state.shortcuts = s.shortcuts || [];
  state.reactions = s.reactions || {};
  if (!state.channel || !state.channels.some(c => c.id === state.channel)) {
    const team = state.channels.find(c => c.name === s.teamChannel) || state.channels[0];
    state.channel = team ? team.id : null;
    if (state.channel) return refresh();
  }
  state.clock = { sandbox: Date.parse(s.now), page: Date.now() };
  document.getElementById("clock").textContent = new Date(s.now).toUTCString().replace("GMT", "UTC");
  renderChannels();
  renderMessages(s.messages);
  markRead(s.messages);
  showLinkedMessage();
  renderModal(s.view);
}

// "@" in the composer offers the workspace's people, as Slack does; a choice puts their first name there,
// which the sandbox sends the bot as a mention.
function mentionQuery(input) {
  const m = input.value.slice(0, input.selectionStart).match(/(?:^|\s)@([\p{L}\p{N}._-]*)$/u);
  return m ? m[1] : null;
}

function renderSuggestions() {
  const input = document.getElementById("text");
  const box = document.getElementById("suggestions");
  const query = mentionQuery(input);
  const wanted = query === null ? null : query.toLowerCase();
  const matches = wanted === null ? [] : state.people.filter(p => p.name.toLowerCase().split(/\s+/).some(part => part.startsWith(wanted))
    || p.id.toLowerCase().startsWith(wanted)).slice(0, 8);
  box.innerHTML = matches.map((p, i) => `<li role="option" data-name="${esc(p.name.split(/\s+/)[0])}" class="${i === 0 ? "selected" : ""}">`
    + `@${esc(p.name)}<small>${esc(p.id)}</small></li>`).join("");
  box.hidden = matches.length === 0;
}

function chooseSuggestion(name) {
  const input = document.getElementById("text");
  const caret = input.selectionStart;
  const before = input.value.slice(0, caret).replace(/@([\p{L}\p{N}._-]*)$/u, "@" + name + " ");
  input.value = before + input.value.slice(caret);
  input.setSelectionRange(before.length, before.length);
  input.focus();
  renderSuggestions();
}

async function start() {
  const s = await api("/sandbox/state");
  state.people = s.people;
  const who = document.getElementById("who");
  who.innerHTML = s.people.map(p => `<option value="${esc(p.id)}">${esc(p.name)} (${esc(p.id)})</option>`).join("");
  state.user = s.people.length ? s.people[0].id : "U0SANDBOX";
  who.addEventListener("change", () => { state.user = who.value; state.viewId = null; refresh(); });
  document.getElementById("drawer-button").addEventListener("click", () => drawer(!document.body.classList.contains("drawer-open")));
  document.getElementById("drawer-close").addEventListener("click", () => drawer(false));
  document.getElementById("scrim").addEventListener("click", () => drawer(false));
  document.getElementById("channels").addEventListener("click", e => {
    const li = e.target.closest("li");
    if (li) switchChannel(li.dataset.id);
  });
  const composerInput = document.getElementById("text");
  composerInput.addEventListener("input", renderSuggestions);
  composerInput.addEventListener("keydown", e => {
    const items = [...document.querySelectorAll("#suggestions li")];
    if (document.getElementById("suggestions").hidden || !items.length) return;
    const at = items.findIndex(li => li.classList.contains("selected"));
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = (at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach((li, i) => li.classList.toggle("selected", i === next));
    } else if (e.key === "Tab" || e.key === "Enter") {
      e.preventDefault();
      chooseSuggestion(items[Math.max(at, 0)].dataset.name);
    } else if (e.key === "Escape") {
      document.getElementById("suggestions").hidden = true;
    }
  });
  document.getElementById("suggestions").addEventListener("mousedown", e => {
    const li = e.target.closest("li");
    if (li) { e.preventDefault(); chooseSuggestion(li.dataset.name); }
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
  // Links to a channel or to a message in one switch to it here; an image opens large.
  document.addEventListener("click", e => {
    const link = e.target.closest("a[data-channel]");
    if (link) {
      e.preventDefault();
      if (!state.channels.some(c => c.id === link.dataset.channel)) return;
      if (link.dataset.ts) state.linked = { channel: link.dataset.channel, ts: link.dataset.ts };
      if (link.dataset.channel === state.channel) showLinkedMessage();
      else switchChannel(link.dataset.channel);
      return;
    }
    const img = e.target.closest("img.zoomable");
    if (img) openLightbox(img);
  });
  const lightbox = document.getElementById("lightbox");
  lightbox.addEventListener("click", () => { lightbox.hidden = true; });
  document.addEventListener("keydown", e => {
    if (e.key !== "Escape") return;
    lightbox.hidden = true;
    closeMessageMenu();
    drawer(false);
  });
  // A message's menu: reactions and the app's message shortcuts ("Escalate this message").
  document.addEventListener("click", async e => {
    const opener = e.target.closest("button[data-menu]");
    const menu = document.getElementById("message-menu");
    if (opener) {
      if (state.menu && state.menu.ts === opener.dataset.menu && !menu.hidden) closeMessageMenu();
      else openMessageMenu(opener);
      return;
    }
    const pill = e.target.closest("button[data-react]");
    if (pill) return react(state.channel, pill.dataset.ts, pill.dataset.react);
    if (!state.menu || !menu.contains(e.target)) return closeMessageMenu();
    const item = e.target.closest("button[data-reaction], button[data-shortcut]");
    if (!item) return;
    const { channel, ts } = state.menu;
    closeMessageMenu();
    if (item.dataset.reaction) return react(channel, ts, item.dataset.reaction);
    await api("/sandbox/shortcut", { user: state.user, channel, ts, callbackId: item.dataset.shortcut });
    refresh();
  });
  document.getElementById("messages").addEventListener("scroll", closeMessageMenu);
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
  const markEdited = e => { if (e.target.name) e.target.dataset.edited = "1"; };
  document.getElementById("modal-blocks").addEventListener("input", markEdited);
  document.getElementById("modal-blocks").addEventListener("change", markEdited);
  // A choice the form sends at once (the case type): the bot answers by updating the form.
  document.getElementById("modal-blocks").addEventListener("change", async e => {
    const select = e.target.closest("select[data-dispatch]");
    if (!select || !select.value) return;
    const [block, action] = select.name.split("|");
    await api("/sandbox/action", { user: state.user, viewId: state.viewId, blockId: block, actionId: action, selected: select.value,
      values: modalValues() });
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
