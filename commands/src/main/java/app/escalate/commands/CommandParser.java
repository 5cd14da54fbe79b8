package app.escalate.commands;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text after {@code /esc} into an {@link EscCommand}; never throws on user input. */
public final class CommandParser {
    public static final int MAX_TITLE_LENGTH = 150;
    public static final int MAX_NOTE_LENGTH = 3000;
    /** The open form's "Affected surface" field. */
    public static final int MAX_SURFACE_LENGTH = 150;

    /** A page's reason reaches a pager's summary and a direct message: a sentence, not a report. */
    public static final int MAX_PAGE_REASON = 300;
    private static final Pattern MENTION = Pattern.compile("<@[^>]*>");
    private static final Pattern TRAILING_MENTION = Pattern.compile("\\s*(<@[^>]*>)$");

    private CommandParser() {
    }

    /** Sub-commands this parser knows; anything else reads as {@link EscCommand.Invalid}. */
    public static final List<String> SUB_COMMANDS = List.of("open", "status", "help", "ack", "sev", "state", "owner",
            "note", "set", "task", "loop", "resolve", "reopen", "timeline", "rca", "summary", "watch", "runbook", "oncall", "override", "swap", "handoff",
            "stats", "deadline", "decide", "decisions", "merge", "link", "unlink", "search", "tag", "ai", "page");

    /** The sub-command {@code text} asks for, or {@code "unknown"}: a bounded label for metrics and logs. */
    public static String subCommand(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) return "help";
        String verb = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return SUB_COMMANDS.contains(verb) ? verb : "unknown";
    }

    public static EscCommand parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) return new EscCommand.Help();
        String[] parts = trimmed.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1] : "";
        return switch (verb) {
            case "help" -> new EscCommand.Help();
            case "open" -> rest.isBlank() ? new EscCommand.OpenForm() : open(rest);
            case "status" -> status(rest);
            case "override" -> override(rest);
            case "swap" -> swap(rest);
            case "handoff" -> handoff(rest);
            case "merge", "link", "unlink" -> twoCases(verb, rest);
            case "stats" -> stats(rest);
            case "ai" -> window(rest).map(days -> (EscCommand) new EscCommand.AiLedger(days))
                    .orElseGet(() -> new EscCommand.Invalid("`ai` takes a window of `7d`, `30d` (the default) or `90d`."));
            case "oncall" -> oncall(rest);
            case "ack", "sev", "state", "owner", "note", "set", "task", "loop", "resolve", "reopen", "timeline", "rca", "summary", "watch", "runbook",
                 "deadline", "decide", "decisions", "tag", "page" -> onCase(verb, rest);
            default -> new EscCommand.Invalid("I don't know `" + abbreviate(SlackText.plain(parts[0])) + "`.");
        };
    }

    /** {@code <title> [sev1-4] [type:<id>]}: options may stand before or after the title. */
    private static EscCommand open(String rest) {
        List<String> tokens = new ArrayList<>(Arrays.asList(rest.strip().split("\\s+")));
        tokens.removeIf(String::isEmpty);
        Optional<Severity> severity = Optional.empty();
        Optional<String> type = Optional.empty();
        List<String> options = new ArrayList<>();
        while (!tokens.isEmpty() && isOption(tokens.get(0))) options.add(tokens.remove(0));
        while (!tokens.isEmpty() && isOption(tokens.get(tokens.size() - 1))) options.add(tokens.remove(tokens.size() - 1));
        for (String option : options) {
            String lower = option.toLowerCase(Locale.ROOT);
            if (lower.startsWith("type:")) {
                if (type.isPresent()) return new EscCommand.Invalid("Give one `type:` only.");
                String id = lower.substring("type:".length());
                if (id.isEmpty()) return new EscCommand.Invalid("`type:` needs a case type, e.g. `type:deepfake`.");
                type = Optional.of(id);
            } else {
                if (severity.isPresent()) return new EscCommand.Invalid("Give one severity only.");
                Optional<Severity> parsed = Severity.parse(lower);
                if (parsed.isEmpty()) return new EscCommand.Invalid("Severity is `sev1` to `sev4`, not `" + abbreviate(SlackText.plain(option)) + "`.");
                severity = parsed;
            }
        }
        String title = SlackText.plain(String.join(" ", tokens)).strip();
        if (title.isEmpty()) return new EscCommand.Invalid("`/esc open` needs a title.");
        if (SlackText.length(title) > MAX_TITLE_LENGTH) {
            return new EscCommand.Invalid("A title is at most " + MAX_TITLE_LENGTH + " characters; this one has "
                    + SlackText.length(title) + ". Put the details in a note.");
        }
        return new EscCommand.Open(title, severity, type);
    }

    private static boolean isOption(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.startsWith("type:") || lower.matches("sev\\d+");
    }

    private static EscCommand status(String rest) {
        String arg = rest.strip();
        if (arg.isEmpty()) return new EscCommand.Status(Optional.empty());
        Optional<CaseId> id = CaseId.parse(arg);
        if (id.isPresent()) return new EscCommand.Status(id);
        return new EscCommand.Invalid("`status` takes a case id such as `ESC-12`, or nothing.");
    }

    private static final Pattern OVERRIDE = Pattern.compile(
            "(<@[^>]+>)\\s+(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})\\s+(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})"
                    + "(?:\\s+(primary|secondary))?(?:\\s+([a-z][a-z0-9-]{0,39}))?", Pattern.CASE_INSENSITIVE);

    /** {@code override @person <from> <to> [primary|secondary] [rotation]} · {@code override remove <n>}. */
    private static EscCommand override(String rest) {
        String args = rest.strip();
        Matcher remove = Pattern.compile("(?i)remove\\s+#?(\\d{1,12})").matcher(args);
        if (remove.matches()) return new EscCommand.RemoveOverride(Long.parseLong(remove.group(1)));
        Matcher m = OVERRIDE.matcher(args);
        List<UserId> who = m.matches() ? SlackText.mentionedUsers(m.group(1)) : List.of();
        if (who.size() != 1) {
            return new EscCommand.Invalid("`override` is `/esc override @person 2026-11-28 09:00 2026-11-29 09:00 [primary|secondary]"
                    + " [rotation]` (times in your time zone), or `/esc override remove <n>`.");
        }
        try {
            return new EscCommand.SetOverride(who.get(0),
                    LocalDateTime.parse(m.group(2) + "T" + m.group(3)), LocalDateTime.parse(m.group(4) + "T" + m.group(5)),
                    Optional.ofNullable(m.group(6)).map(l -> Level.valueOf(l.toUpperCase(Locale.ROOT))),
                    Optional.ofNullable(m.group(7)).map(r -> r.toLowerCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return new EscCommand.Invalid("That is not a real date and time: " + e.getParsedString() + ".");
        }
    }

    private static final Pattern SWAP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})\\s+(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})"
                    + "(?:\\s+(primary|secondary))?(?:\\s+with\\s+(<@[^>]+>))?", Pattern.CASE_INSENSITIVE);
    public static final String SWAP_USAGE = "`swap` is `/esc swap 2026-11-28 09:00 2026-11-29 09:00 [primary|secondary] [with @person]`"
            + " (times in your time zone): asks the rotation, or that one person, to cover that part of your shift;"
            + " `/esc swap cancel <n>` withdraws request n.";

    /** {@code swap <from> <to> [primary|secondary] [with @person]}: times as {@code override} reads them · {@code swap cancel <n>}. */
    private static EscCommand swap(String rest) {
        Matcher cancel = Pattern.compile("(?i)cancel\\s+#?(\\d{1,12})").matcher(rest.strip());
        if (cancel.matches()) return new EscCommand.CancelSwap(Long.parseLong(cancel.group(1)));
        Matcher m = SWAP.matcher(rest.strip());
        if (!m.matches()) return new EscCommand.Invalid(SWAP_USAGE);
        List<UserId> with = m.group(6) == null ? List.of() : SlackText.mentionedUsers(m.group(6));
        if (m.group(6) != null && with.size() != 1) return new EscCommand.Invalid(SWAP_USAGE);
        try {
            return new EscCommand.Swap(LocalDateTime.parse(m.group(1) + "T" + m.group(2)), LocalDateTime.parse(m.group(3) + "T" + m.group(4)),
                    Optional.ofNullable(m.group(5)).map(l -> Level.valueOf(l.toUpperCase(Locale.ROOT))), with.stream().findFirst());
        } catch (DateTimeParseException e) {
            return new EscCommand.Invalid("That is not a real date and time: " + e.getParsedString() + ".");
        }
    }

    /**
     * {@code merge|link|unlink [ESC-<this>] ESC-<other>}: the other case is the argument; the case
     * acted on is the channel's, or the first of two ids.
     */
    private static EscCommand twoCases(String verb, String rest) {
        List<String> tokens = Arrays.stream(rest.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList();
        List<Optional<CaseId>> ids = tokens.stream().map(CaseId::parse).toList();
        if (tokens.isEmpty() || tokens.size() > 2 || ids.stream().anyMatch(Optional::isEmpty)) {
            return new EscCommand.Invalid(switch (verb) {
                case "merge" -> "`merge` takes the case this one duplicates, e.g. `/esc merge ESC-12` (outside its channel: `/esc merge ESC-15 ESC-12`).";
                case "link" -> "`link` takes a related case, e.g. `/esc link ESC-12`.";
                default -> "`unlink` takes a linked case, e.g. `/esc unlink ESC-12`.";
            });
        }
        CaseId other = ids.get(ids.size() - 1).get();
        Optional<CaseId> target = ids.size() == 2 ? ids.get(0) : Optional.empty();
        CaseAction action = verb.equals("merge") ? new CaseAction.Merge(other) : new CaseAction.Link(other, verb.equals("link"));
        return new EscCommand.OnCase(target, action);
    }

    /** {@code [ESC-<n>] <arguments>}: the case id, when given, comes first. */
    private static EscCommand onCase(String verb, String rest) {
        String args = rest.strip();
        Optional<CaseId> target = Optional.empty();
        String[] first = args.split("\\s+", 2);
        if (CaseId.parse(first[0]).isPresent()) {
            target = CaseId.parse(first[0]);
            args = first.length > 1 ? first[1].strip() : "";
        }
        try {
            return new EscCommand.OnCase(target, action(verb, args));
        } catch (Unreadable e) {
            return new EscCommand.Invalid(e.getMessage());
        }
    }

    private static CaseAction action(String verb, String args) {
        return switch (verb) {
            case "ack" -> noArguments(verb, args, new CaseAction.Acknowledge());
            case "reopen" -> noArguments(verb, args, new CaseAction.Reopen());
            case "rca" -> noArguments(verb, args, new CaseAction.DraftRca());
            case "summary" -> noArguments(verb, args, new CaseAction.DraftSummary());
            case "runbook" -> noArguments(verb, args, new CaseAction.StartRunbook());
            case "sev" -> severity(args);
            case "state" -> state(args);
            case "owner" -> owner(args);
            case "set" -> setField(args);
            case "decide" -> decide(args);
            case "decisions" -> noArguments(verb, args, new CaseAction.ListDecisions());
            case "tag" -> noArguments(verb, args, new CaseAction.ListOverrides());
            case "note" -> new CaseAction.AddNote(text(args, "note", "`note` needs the text to add, e.g. `/esc note Takedown request sent`."));
            case "task" -> task(args);
            case "loop" -> loop(args);
            case "page" -> page(args);
            case "resolve" -> resolve(args);
            case "timeline" -> timeline(args);
            case "watch" -> watch(args);
            case "deadline" -> deadline(args);
            default -> throw new AssertionError(verb);
        };
    }

    private static CaseAction noArguments(String verb, String args, CaseAction action) {
        if (!args.isEmpty()) throw new Unreadable("`" + verb + "` takes no text after it.");
        return action;
    }

    /** {@code sev <1-4> [reason]}: also {@code sev2}; a reason may start with "because". */
    private static CaseAction severity(String args) {
        String[] parts = args.split("\\s+", 2);
        String level = parts[0].toLowerCase(Locale.ROOT).replaceFirst("^sev", "");
        if (!level.matches("[1-4]")) throw new Unreadable("`sev` takes a level from 1 to 4, e.g. `/esc sev 2`.");
        String reason = parts.length > 1 ? SlackText.plain(parts[1]).strip().replaceFirst("(?i)^because\\s+", "") : "";
        if (SlackText.length(reason) > MAX_NOTE_LENGTH) throw new Unreadable("A reason is at most " + MAX_NOTE_LENGTH + " characters.");
        return new CaseAction.SetSeverity(Severity.ofLevel(Integer.parseInt(level)),
                reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    }

    private static CaseAction state(String args) {
        CaseState target = CaseState.parse(args).orElseThrow(() ->
                new Unreadable("`state` takes one of triage, investigating, mitigated, monitoring."));
        if (target == CaseState.RESOLVED) throw new Unreadable("To resolve, say how: `/esc resolve <resolution>`.");
        return new CaseAction.MoveTo(target);
    }

    private static CaseAction owner(String args) {
        List<UserId> mentioned = SlackText.mentionedUsers(args);
        if (mentioned.size() != 1 || !MENTION.matcher(args).replaceAll("").isBlank()) {
            throw new Unreadable("`owner` takes one @person, e.g. `/esc owner @maria`.");
        }
        return new CaseAction.SetOwner(mentioned.get(0));
    }

    /** {@code task add <text> [@person]} · {@code task done <n>} · {@code task list}. */
    private static CaseAction task(String args) {
        String[] parts = args.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        return switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "list" -> noArguments("task list", rest, new CaseAction.ListTasks());
            case "done" -> {
                if (!rest.matches("#?\\d{1,6}")) throw new Unreadable("`task done` takes the task's number, e.g. `/esc task done 2`.");
                yield new CaseAction.CompleteTask(Integer.parseInt(rest.replace("#", "")));
            }
            case "add" -> {
                Optional<UserId> assignee = Optional.empty();
                Matcher last = TRAILING_MENTION.matcher(rest);
                if (last.find() && SlackText.mentionedUsers(last.group(1)).size() == 1) {
                    assignee = Optional.of(SlackText.mentionedUsers(last.group(1)).get(0));
                    rest = rest.substring(0, last.start());
                }
                yield new CaseAction.AddTask(text(rest, "task", "`task add` needs the task, e.g. `/esc task add Ask the host for logs @kenji`."),
                        assignee);
            }
            default -> throw new Unreadable("`task` is `task add <text> [@person]`, `task done <n>` or `task list`.");
        };
    }

    private static CaseAction loop(String args) {
        if (!args.matches("[A-Za-z][A-Za-z0-9_-]{0,39}")) throw new Unreadable("`loop` takes one group name, e.g. `/esc loop legal`.");
        return new CaseAction.LoopIn(args.toLowerCase(Locale.ROOT));
    }

    /** {@code page @person <reason>} or {@code page <group> <reason>}. */
    private static CaseAction page(String args) {
        String usage = "`page` takes one @person or a group, then why, e.g. `/esc page @kenji need a second pair of eyes on the model logs`.";
        String[] parts = args.strip().split("\\s+", 2);
        String reason = parts.length > 1 ? SlackText.plain(parts[1]).strip() : "";
        if (parts[0].isEmpty() || reason.isEmpty()) throw new Unreadable(usage);
        if (SlackText.length(reason) > MAX_PAGE_REASON) throw new Unreadable("A page's reason is at most " + MAX_PAGE_REASON + " characters.");
        if (MENTION.matcher(parts[0]).matches()) {
            List<UserId> who = SlackText.mentionedUsers(parts[0]);
            if (who.size() != 1) throw new Unreadable(usage);
            return new CaseAction.PageSomeone(Optional.of(who.get(0)), Optional.empty(), reason);
        }
        if (!parts[0].matches("[A-Za-z][A-Za-z0-9_-]{0,39}")) throw new Unreadable(usage);
        return new CaseAction.PageSomeone(Optional.empty(), Optional.of(parts[0].toLowerCase(Locale.ROOT)), reason);
    }

    /** {@code resolve <resolution> [cause:<root-cause>]}. */
    private static CaseAction resolve(String args) {
        Optional<String> cause = Optional.empty();
        List<String> words = new ArrayList<>();
        for (String word : args.split("\\s+")) {
            if (word.toLowerCase(Locale.ROOT).startsWith("cause:")) {
                if (cause.isPresent()) throw new Unreadable("Give one `cause:` only.");
                cause = Optional.of(word.substring("cause:".length()).toLowerCase(Locale.ROOT)).filter(c -> !c.isEmpty());
            } else if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return new CaseAction.Resolve(text(String.join(" ", words), "resolution",
                "`resolve` needs the resolution, e.g. `/esc resolve Video removed on all surfaces`."), cause);
    }

    private static CaseAction watch(String args) {
        if (args.isEmpty() || args.equalsIgnoreCase("on")) return new CaseAction.Watch(true);
        if (args.equalsIgnoreCase("off")) return new CaseAction.Watch(false);
        throw new Unreadable("`watch` flags the case for the next handoff; `watch off` takes the flag off.");
    }

    private static final Pattern DEADLINE_AT = Pattern.compile("(\\S+)\\s+(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})");
    private static final Pattern DEADLINE_IN = Pattern.compile("(?i)(\\S+)\\s+in\\s+(\\S+)");
    /** Further out than this is a typo, not a deadline anyone keeps. */
    public static final Duration LONGEST_DEADLINE = Duration.ofDays(400);
    private static final String DEADLINE_USAGE = "`deadline` is `/esc deadline <name> 2026-12-20 17:00` (your time zone) or"
            + " `/esc deadline <name> in 4h`, `/esc deadline done <name>`, `/esc deadline drop <name> because <reason>`,"
            + " or `/esc deadline` to list them.";

    /** {@code deadline [list]} · {@code deadline <name> <YYYY-MM-DD HH:MM | in 4h>} · {@code deadline done <name>} · {@code deadline drop <name> because <reason>}. */
    private static CaseAction deadline(String args) {
        if (args.isEmpty() || args.equalsIgnoreCase("list")) return new CaseAction.ListDeadlines();
        String[] parts = args.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "done" -> {
                return new CaseAction.CompleteDeadline(deadlineName(rest));
            }
            case "drop" -> {
                String[] named = rest.split("\\s+", 2);
                String reason = named.length > 1 ? SlackText.plain(named[1]).strip().replaceFirst("(?i)^because\\s*", "") : "";
                String name = deadlineName(named[0]);
                if (reason.isBlank()) throw new Unreadable("Say why it no longer applies: `/esc deadline drop " + name + " because <reason>`.");
                if (SlackText.length(reason) > MAX_NOTE_LENGTH) throw new Unreadable("A reason is at most " + MAX_NOTE_LENGTH + " characters.");
                return new CaseAction.DropDeadline(name, reason);
            }
            default -> {
                Matcher at = DEADLINE_AT.matcher(args);
                if (at.matches()) {
                    try {
                        return new CaseAction.SetDeadline(deadlineName(at.group(1)),
                                new CaseAction.When.Local(LocalDateTime.parse(at.group(2) + "T" + at.group(3))));
                    } catch (DateTimeParseException e) {
                        throw new Unreadable("That is not a real date and time: " + at.group(2) + " " + at.group(3) + ".");
                    }
                }
                Matcher in = DEADLINE_IN.matcher(args);
                if (in.matches()) {
                    Duration after;
                    try {
                        after = app.escalate.config.DurationText.parse(in.group(2));
                    } catch (IllegalArgumentException e) {
                        throw new Unreadable("`in` takes a while such as `4h`, `90m` or `2d`, not `" + abbreviate(SlackText.plain(in.group(2))) + "`.");
                    }
                    if (after.isZero() || after.isNegative() || after.compareTo(LONGEST_DEADLINE) > 0) {
                        throw new Unreadable("A deadline is due within " + LONGEST_DEADLINE.toDays() + " days from now.");
                    }
                    return new CaseAction.SetDeadline(deadlineName(in.group(1)), new CaseAction.When.In(after));
                }
                throw new Unreadable(DEADLINE_USAGE);
            }
        }
    }

    private static String deadlineName(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        if (!name.matches(app.escalate.config.CaseDeadline.NAME) || List.of("done", "drop", "list").contains(name)) {
            throw new Unreadable("A deadline's name is a word of lowercase letters, digits and hyphens, such as `regulator-reply`. "
                    + DEADLINE_USAGE);
        }
        return name;
    }

    /** {@code oncall} · {@code oncall report [30d|90d|quarter] [csv]}, the window and {@code csv} in either order. */
    private static EscCommand oncall(String rest) {
        List<String> words = new ArrayList<>(Arrays.asList(rest.strip().toLowerCase(Locale.ROOT).split("\\s+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) return new EscCommand.OnCall();
        String usage = "`oncall` alone says who is on call now; `oncall report [30d|90d|quarter] [csv]` how evenly it was shared.";
        if (!words.remove(0).equals("report")) return new EscCommand.Invalid(usage);
        boolean csv = words.remove("csv");
        String window = "30d";
        if (words.size() == 1 && EscCommand.OnCallReport.WINDOWS.contains(words.get(0))) {
            window = words.get(0);
        } else if (!words.isEmpty()) {
            return new EscCommand.Invalid("`oncall report` takes a window of `30d` (the default), `90d` or `quarter`, and `csv` for a file by direct message.");
        }
        return new EscCommand.OnCallReport(window, csv);
    }

    /** {@code stats [7d|30d|90d]}, the last 30 days by default. */
    private static EscCommand stats(String rest) {
        return window(rest).map(days -> (EscCommand) new EscCommand.Stats(days))
                .orElseGet(() -> new EscCommand.Invalid("`stats` takes a window of `7d`, `30d` (the default) or `90d`."));
    }

    /** A figures window in days: {@code 7d}, {@code 30d} (also when none is given) or {@code 90d}. */
    private static Optional<Integer> window(String rest) {
        return switch (rest.strip().toLowerCase(Locale.ROOT)) {
            case "", "30d" -> Optional.of(30);
            case "7d" -> Optional.of(7);
            case "90d" -> Optional.of(90);
            default -> Optional.empty();
        };
    }

    /** {@code set <field> <value>}: the value as Slack sent it (the field decides how it is read); nothing after it lists the fields. */
    private static CaseAction setField(String args) {
        if (args.isBlank()) return new CaseAction.SetField(Optional.empty(), "");
        String[] parts = args.split("\\s+", 2);
        return new CaseAction.SetField(Optional.of(parts[0].toLowerCase(Locale.ROOT)), parts.length > 1 ? parts[1].strip() : "");
    }

    private static final Pattern DECIDE_OVERRIDE = Pattern.compile("(?is)override\\s+#?(\\d{1,6})(?:\\s+(.*))?");
    // "needs:" starts a word (after a space or "["), so "Bneeds:legal" is text, not a request for sign-off.
    private static final Pattern NEEDS = Pattern.compile("(?i)(?:^|\\s+|\\s*\\[)\\s*(?<![\\w])needs:\\s*\\[?([a-z0-9_,\\s-]*?)]?\\s*]?\\s*$");
    /** Groups one decision may wait on: more is a typing slip, and each is a sign-off request in the channel. */
    static final int MAX_NEEDS = 5;
    private static final Pattern DECISION_MARKER = Pattern.compile("(?i)\\s+(because|instead of)\\s+");
    private static final String DECIDE_USAGE = "`decide` is `/esc decide <decision> because <rationale> [instead of <alternative>] [needs: legal, policy]`,"
            + " or `/esc decide override <n> because <reason>`.";
    /** More alternatives than anyone weighs in one decision is a typing slip; each is a phrase, not an essay. */
    static final int MAX_ALTERNATIVES = 5;
    static final int MAX_ALTERNATIVE_LENGTH = 500;

    /**
     * {@code decide <decision> because <rationale> [instead of <alternative>]… [needs: <group>, …]}: the first
     * "because" starts the rationale, each "instead of" an alternative (before or after it), and "needs:" at the
     * end names the groups to sign off. {@code decide override <n> because <reason>} lets decision n stand.
     */
    private static CaseAction decide(String args) {
        String text = SlackText.plain(args).strip();
        Matcher override = DECIDE_OVERRIDE.matcher(text);
        if (override.matches()) {
            String reason = Optional.ofNullable(override.group(2)).orElse("").strip().replaceFirst("(?i)^because\\s+", "").strip();
            if (reason.isEmpty()) throw new Unreadable("An override says why: `/esc decide override " + override.group(1) + " because <reason>`.");
            return new CaseAction.OverrideDecision(Integer.parseInt(override.group(1)), bounded(reason, "reason"));
        }
        List<String> needs = List.of();
        Matcher m = NEEDS.matcher(text);
        if (m.find()) {
            needs = Arrays.stream(m.group(1).split("[,\\s]+")).map(g -> g.toLowerCase(Locale.ROOT)).filter(g -> !g.isEmpty())
                    .distinct().toList();
            if (needs.isEmpty()) throw new Unreadable("`needs:` names the groups to sign off, e.g. `needs: legal, policy`.");
            if (needs.size() > MAX_NEEDS) throw new Unreadable("A decision waits on at most " + MAX_NEEDS + " groups.");
            text = text.substring(0, m.start());
        }
        Matcher marker = DECISION_MARKER.matcher(text);
        String decision = null;
        String rationale = null;
        List<String> alternatives = new ArrayList<>();
        int from = 0;
        String kind = "";
        while (marker.find()) {
            String mark = marker.group(1).toLowerCase(Locale.ROOT);
            if (mark.equals("because") && rationale != null) continue;  // a later "because" belongs to the text
            String part = text.substring(from, marker.start()).strip();
            if (kind.isEmpty()) decision = part;
            else if (kind.equals("because")) rationale = part;
            else alternatives.add(part);
            if (mark.equals("because") && rationale == null) rationale = "";
            kind = mark;
            from = marker.end();
        }
        String last = text.substring(from).strip();
        if (kind.isEmpty()) decision = last;
        else if (kind.equals("because")) rationale = last;
        else alternatives.add(last);
        if (decision == null || decision.isEmpty() || rationale == null || rationale.isEmpty() || alternatives.contains("")) {
            throw new Unreadable(DECIDE_USAGE);
        }
        if (alternatives.size() > MAX_ALTERNATIVES) throw new Unreadable("A decision names at most " + MAX_ALTERNATIVES + " alternatives.");
        if (alternatives.stream().anyMatch(a -> SlackText.length(a) > MAX_ALTERNATIVE_LENGTH)) {
            throw new Unreadable("An alternative is at most " + MAX_ALTERNATIVE_LENGTH + " characters.");
        }
        return new CaseAction.Decide(bounded(decision, "decision"), bounded(rationale, "rationale"),
                alternatives.stream().map(a -> bounded(a, "alternative")).toList(), needs);
    }

    private static String bounded(String text, String what) {
        if (SlackText.length(text) > MAX_NOTE_LENGTH) {
            throw new Unreadable("A " + what + " is at most " + MAX_NOTE_LENGTH + " characters; this one has " + SlackText.length(text) + ".");
        }
        return text;
    }

    /** {@code handoff [rotation]} · {@code handoff note <text>} · {@code handoff history [rotation]}. */
    private static EscCommand handoff(String rest) {
        String args = rest.strip();
        String[] parts = args.split("\\s+", 2);
        if (parts[0].equalsIgnoreCase("note")) {
            try {
                return new EscCommand.HandoffNote(text(parts.length > 1 ? parts[1] : "", "handoff note",
                        "`handoff note` needs the note, e.g. `/esc handoff note ESC-12 waits on the host's reply, due 09:00`."));
            } catch (Unreadable e) {
                return new EscCommand.Invalid(e.getMessage());
            }
        }
        if (parts[0].equalsIgnoreCase("history")) {
            String rotation = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "";
            if (rotation.isEmpty()) return new EscCommand.HandoffHistory(Optional.empty());
            if (rotation.matches("[a-z][a-z0-9-]{0,39}")) return new EscCommand.HandoffHistory(Optional.of(rotation));
        }
        if (args.isEmpty()) return new EscCommand.ShowHandoff(Optional.empty());
        if (args.matches("[a-z][a-z0-9-]{0,39}")) return new EscCommand.ShowHandoff(Optional.of(args));
        return new EscCommand.Invalid("`handoff` shows the digest for the next handoff (`/esc handoff [rotation]`); "
                + "`handoff note <text>` leaves a note in it; `handoff history [rotation]` lists the last ones.");
    }

    private static CaseAction timeline(String args) {
        if (args.isEmpty()) return new CaseAction.ShowTimeline(1);
        if (!args.matches("[1-9]\\d{0,3}")) throw new Unreadable("`timeline` takes a page number, e.g. `/esc timeline 2`.");
        return new CaseAction.ShowTimeline(Integer.parseInt(args));
    }

    /** Free text as typed (Slack's escapes decoded), not empty and not too long. */
    private static String text(String slackText, String what, String whenEmpty) {
        String text = SlackText.plain(slackText).strip();
        if (text.isEmpty()) throw new Unreadable(whenEmpty);
        if (SlackText.length(text) > MAX_NOTE_LENGTH) {
            throw new Unreadable("A " + what + " is at most " + MAX_NOTE_LENGTH + " characters; this one has " + SlackText.length(text) + ".");
        }
        return text;
    }

    /** Input that does not fit the grammar; the message says how it should look. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static String abbreviate(String token) {
        return SlackText.clip(token, 31);
    }
}
