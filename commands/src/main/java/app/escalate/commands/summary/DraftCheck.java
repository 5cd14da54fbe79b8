package app.escalate.commands.summary;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a draft against the case before a person sees it. Severity, case ids, states, the owner
 * and every time stated must match the case, and every link must be one the case's facts hold;
 * mentions of people not on the case and broadcast mentions are removed. Whatever a note told the
 * model, a claim the facts do not support shows up here as a finding on the draft.
 */
public final class DraftCheck {
    private static final Pattern SEVERITY = Pattern.compile("(?i)\\b(?:SEV\\s?-?|severity\\s+)([1-4])\\b");
    private static final Pattern CASE_ID = Pattern.compile("(?i)\\bESC-(\\d{1,12})\\b");
    private static final Pattern STATE = Pattern.compile("(?i)\\b(resolved|closed|mitigated|monitoring)\\b");
    /**
     * "was mitigated", "had been mitigated", "moved the case from triage to mitigated": a state the
     * case has been through may be told as history ("is back to monitoring" may not).
     */
    private static final Pattern PAST = Pattern.compile("(?i)\\b(was|were|had been|been|earlier|then|from|moved(?: the case)?(?: from \\w+)? to)\\s+$");
    /** Text in the case that addresses the model rather than people. */
    private static final Pattern INSTRUCTIONS = Pattern.compile("(?i)\\b(ignore (all |any |the )?(previous|prior|above|earlier) "
            + "instructions|disregard (the |all )?(facts|instructions|above)|new instructions?:|system:|you are now|note to the ai|as an ai)");
    private static final Pattern NEGATED = Pattern.compile("(?i)(\\bnot|n't|\\bno longer|\\byet to be|\\buntil|\\bbefore)\\s+(been\\s+|be\\s+|yet\\s+)?$");
    private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern BROADCAST = Pattern.compile("(?i)<!(channel|here|everyone)(\\|[^>]*)?>|(?<![\\w<])@(channel|here|everyone)\\b");
    private static final Pattern OWNER = Pattern.compile("(?i)\\bown(?:er|ed by|er is)\\b[^<\\n]{0,12}<@([A-Z0-9]+)>");
    private static final Pattern DATE_TIME = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})(?::\\d{2})?[ ]?(?:UTC|Z)?");
    private static final Pattern TIME_UTC = Pattern.compile("(?<![\\d-] ?)\\b(\\d{1,2}:\\d{2})[ ]?UTC\\b");

    /** How a finding about something the check took out of the text begins. */
    private static final String REMOVED = "removed ";

    /**
     * Whether a finding reports what the check already took out of the draft's text (a mention, a
     * broadcast): worth showing, but there is nothing left in the text to correct or confirm.
     */
    public static boolean isRepair(String finding) {
        return finding.startsWith(REMOVED);
    }

    /** The draft as a person will see it, and what the check found wrong with the model's text. */
    public record Checked(String text, List<String> findings) {
        public Checked {
            findings = List.copyOf(findings);
        }
    }

    private DraftCheck() {
    }

    public static Checked check(String draft, CaseBrief brief) {
        Set<String> findings = new LinkedHashSet<>();
        String text = draft.strip();

        // Until nothing is left: removing one must not join the pieces of another ("<!chan<!here>nel>").
        while (BROADCAST.matcher(text).find()) {
            findings.add(REMOVED + "a broadcast mention (@channel, @here or @everyone)");
            text = BROADCAST.matcher(text).replaceAll("");
        }

        StringBuilder kept = new StringBuilder();
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            String user = mention.group(1);
            boolean onCase = brief.people().stream().anyMatch(p -> p.value().equals(user));
            if (!onCase) findings.add(REMOVED + "a mention of someone not on the case (" + user + ")");
            mention.appendReplacement(kept, Matcher.quoteReplacement(onCase ? "<@" + user + ">" : "someone"));
        }
        mention.appendTail(kept);
        text = kept.toString();

        for (Matcher s = SEVERITY.matcher(text); s.find(); ) {
            int said = Integer.parseInt(s.group(1));
            if (said != brief.severity()) findings.add("says SEV" + said + ", case is " + brief.severityName());
        }
        for (Matcher id = CASE_ID.matcher(text); id.find(); ) {
            if (Long.parseLong(id.group(1)) != brief.id().number()) {
                findings.add("names ESC-" + id.group(1) + ", this is " + brief.id());
            }
        }
        for (Matcher st = STATE.matcher(text); st.find(); ) {
            String word = st.group(1).toLowerCase(Locale.ROOT);
            String state = word.equals("closed") ? "resolved" : word;
            if (state.equals(brief.state())) continue;
            String before = text.substring(Math.max(0, st.start() - 40), st.start());
            if (NEGATED.matcher(before).find()) continue;
            // Told as history, a state the case went through is fine; "resolved" never is for an open case.
            if (!state.equals("resolved") && brief.statesSeen().contains(state) && PAST.matcher(before).find()) continue;
            findings.add("says " + word + ", case is " + brief.state());
        }
        for (Matcher o = OWNER.matcher(text); o.find(); ) {
            if (brief.owner().map(u -> !u.value().equals(o.group(1))).orElse(true)) {
                findings.add("names <@" + o.group(1) + "> as owner, case owner is "
                        + brief.owner().map(u -> "<@" + u.value() + ">").orElse("nobody yet"));
            }
        }
        times(text, brief, findings);
        Links.in(text).forEach((normal, shown) -> {
            if (!brief.links().contains(normal)) findings.add("links to " + shown + ", which is not in the case's facts");
        });
        instructions(brief).ifPresent(findings::add);
        return new Checked(text.strip(), new ArrayList<>(findings));
    }

    /** A note (or the title, description or a task) that reads like instructions to the model: worth the reviewer's attention whatever the draft says. */
    static java.util.Optional<String> instructions(CaseBrief brief) {
        List<String> texts = new ArrayList<>(brief.timeline());
        texts.add(brief.title());
        brief.description().ifPresent(texts::add);
        texts.addAll(brief.openTasks());
        texts.addAll(brief.fields());
        texts.addAll(brief.decisions());
        for (String t : texts) {
            Matcher m = INSTRUCTIONS.matcher(t);
            if (m.find()) {
                return java.util.Optional.of("the case's own text addresses the AI (\"" + m.group(1)
                        + "…\"): every claim here was checked against the facts, but read closely");
            }
        }
        return java.util.Optional.empty();
    }

    /** Every date-time stated must be one of the case's times (to the minute); a bare "HH:MM UTC" must match one's time of day. */
    private static void times(String text, CaseBrief brief, Set<String> findings) {
        Set<Instant> known = new LinkedHashSet<>();
        brief.knownTimes().forEach(t -> known.add(t.truncatedTo(ChronoUnit.MINUTES)));
        for (Matcher dt = DATE_TIME.matcher(text); dt.find(); ) {
            try {
                Instant said = LocalDateTime.parse(dt.group(1) + "T" + dt.group(2)).toInstant(ZoneOffset.UTC);
                if (!known.contains(said)) findings.add("states " + dt.group(1) + " " + dt.group(2) + " UTC, which is no time on the case");
            } catch (DateTimeParseException e) {
                findings.add("states an impossible time, " + dt.group());
            }
        }
        String withoutDates = DATE_TIME.matcher(text).replaceAll("");
        for (Matcher t = TIME_UTC.matcher(withoutDates); t.find(); ) {
            try {
                LocalTime said = LocalTime.parse(t.group(1).length() == 4 ? "0" + t.group(1) : t.group(1), DateTimeFormatter.ofPattern("HH:mm"));
                boolean matches = known.stream().anyMatch(k -> LocalTime.ofInstant(k, ZoneOffset.UTC).equals(said));
                if (!matches) findings.add("states " + t.group(1) + " UTC, which is no time on the case");
            } catch (DateTimeParseException e) {
                findings.add("states an impossible time, " + t.group());
            }
        }
    }
}
