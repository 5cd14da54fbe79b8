package app.escalate.bot.replay;

import app.escalate.commands.Case;
import app.escalate.commands.CaseFile;
import app.escalate.commands.SlackText;
import app.escalate.commands.triage.PolicyReplay;
import app.escalate.commands.triage.TriageModel;
import app.escalate.commands.triage.Triager;
import app.escalate.config.Policy;
import app.escalate.config.PolicyLoader;
import app.escalate.config.SettingsException;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar escalate.jar replay --policy FILE [--since 90d]}: the stored cases opened in the
 * window triaged again under the current policy and the new one, and what the new one would change:
 * suggestions applied at once that were held and the other way round, how often each policy's
 * suggestion differs from what people decided, and the cases whose outcome changes. Nothing is
 * written to the cases. A restricted case's text goes to the model only where each policy allows
 * it, and its title is not printed.
 */
public final class Replay {
    public static final String DEFAULT_SINCE = "90d";
    /** Characters of a title the listing shows. */
    static final int TITLE = 48;
    private static final Pattern DAYS = Pattern.compile("([1-9]\\d{0,4})d");

    private Replay() {
    }

    /**
     * The current policy is {@code current} (named {@code currentName}); {@code model}, the one the
     * environment configures, triages under both. Exit status: 0 done, 2 bad arguments or a new
     * policy that cannot be used; a database that cannot be read throws.
     */
    public static int run(List<String> args, Policy current, String currentName, Optional<TriageModel> model, String databaseUrl,
                          Clock clock, PrintStream out, PrintStream err) {
        Optional<String> policyArg = Optional.empty();
        Optional<String> sinceArg = Optional.empty();
        for (int i = 0; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value != null && args.get(i).equals("--policy") && policyArg.isEmpty()) policyArg = Optional.of(value);
            else if (value != null && args.get(i).equals("--since") && sinceArg.isEmpty()) sinceArg = Optional.of(value);
            else return usage(err);
        }
        if (policyArg.isEmpty()) return usage(err);
        String since = sinceArg.orElse(DEFAULT_SINCE);
        Matcher days = DAYS.matcher(since);
        if (!days.matches()) {
            err.println("escalate replay: --since takes a number of days, such as 30d or 90d, not \"" + since + "\"");
            return 2;
        }
        Path file = Path.of(policyArg.get());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("escalate replay: --policy names no readable file: " + file);
            return 2;
        }
        Policy proposed;
        try {
            proposed = PolicyLoader.load(file, "--policy");
        } catch (SettingsException e) {
            err.println("escalate replay: " + e.getMessage());
            return 2;
        }
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(Long.parseLong(days.group(1))));
        List<PolicyReplay.Seen> cases = new ArrayList<>();
        try (Database database = Database.open(databaseUrl)) {
            JdbiCaseStore store = new JdbiCaseStore(database.jdbi());
            for (Case c : store.openedBetween(from, now)) {
                Optional<CaseFile> caseFile = store.file(c.id());
                caseFile.ifPresent(f -> cases.add(PolicyReplay.seen(f, store.timeline(c.id()))));
            }
        }
        PolicyReplay.Report report = PolicyReplay.compare(cases, current, new Triager(current, model), proposed, new Triager(proposed, model));
        print(report, since, from, currentName, file.toString(), model, out);
        notes(report, current, proposed, out);
        return 0;
    }

    private static int usage(PrintStream err) {
        err.println("escalate replay: usage: replay --policy FILE [--since DAYS], DAYS such as 30d (" + DEFAULT_SINCE + " unless given)");
        return 2;
    }

    static void print(PolicyReplay.Report report, String since, Instant from, String currentName, String proposedName,
                      Optional<TriageModel> model, PrintStream out) {
        out.printf(Locale.ROOT, "Replay of %d cases opened since %s (%s), suggestions from %s%n", report.cases().size(),
                from.atOffset(ZoneOffset.UTC).toLocalDate(), since,
                model.map(m -> m.name() + " (the keywords where a policy keeps a restricted case's text from it)")
                        .orElse("each policy's keywords (no LLM_PROVIDER)"));
        out.println("current policy: " + currentName);
        out.println("new policy:     " + proposedName);
        if (report.cases().isEmpty()) {
            out.println("No cases to replay: nothing would change.");
            return;
        }
        PolicyReplay.Figures was = report.current();
        PolicyReplay.Figures next = report.proposed();
        out.println();
        out.printf(Locale.ROOT, "%-38s %8s %8s%n", "", "current", "new");
        row(out, "applied at once", was.applied(), next.applied());
        row(out, "held for a person", was.held(), next.held());
        out.printf(Locale.ROOT, "decided by people: %d of %d cases (the rest wait for a person or were never triaged)%n",
                was.decided(), report.cases().size());
        row(out, "  type differs from people's", was.typeDiffers(), next.typeDiffers());
        row(out, "  severity differs from people's", was.severityDiffers(), next.severityDiffers());
        out.printf(Locale.ROOT, "%-38s %7.0f%% %7.0f%%%n", "  estimated override rate", 100 * was.overrideRate(), 100 * next.overrideRate());
        out.println();
        out.printf(Locale.ROOT, "held, now applied: %d; applied, now held: %d%n", report.nowApplied(), report.nowHeld());
        List<PolicyReplay.Compared> changed = report.changed();
        out.println();
        if (changed.isEmpty()) {
            out.println("No case's outcome changes.");
            return;
        }
        out.println("Cases whose outcome changes (" + changed.size() + "):");
        for (PolicyReplay.Compared c : changed) {
            Case before = c.seen().before();
            String title = before.restricted() ? "(restricted case)" : "\"" + SlackText.clip(before.title(), TITLE) + "\"";
            out.println("  " + before.id() + " " + title + ": " + outcome(c.current()) + " → " + outcome(c.proposed())
                    + c.seen().decided().map(d -> "; people decided " + decided(d)).orElse(""));
        }
    }

    /** What the figures do not say on their own: a policy the bot would not triage with, a model that failed. */
    private static void notes(PolicyReplay.Report report, Policy current, Policy proposed, PrintStream out) {
        if (!current.triage().configured()) {
            out.println("note: the current policy has no triage section, so the bot triages nothing under it; its column is what its keywords would say, all held");
        }
        if (!proposed.triage().configured()) {
            out.println("note: the new policy has no triage section, so the bot would triage nothing under it; its column is what its keywords would say, all held");
        }
        int failed = report.current().modelFailed() + report.proposed().modelFailed();
        if (failed > 0) {
            String why = report.cases().stream().flatMap(c -> c.current().modelFailed().or(() -> c.proposed().modelFailed()).stream())
                    .findFirst().orElse("");
            out.printf(Locale.ROOT, "note: the model failed on %d (current) and %d (new) of the suggestions, which the keywords made instead"
                    + " (the first: %s)%n", report.current().modelFailed(), report.proposed().modelFailed(), why);
        }
    }

    private static void row(PrintStream out, String label, int current, int proposed) {
        out.printf(Locale.ROOT, "%-38s %8d %8d%n", label, current, proposed);
    }

    private static String decided(PolicyReplay.Decided d) {
        return d.type().orElse("no type") + " " + d.severity();
    }

    /** E.g. "deepfake SEV2 applied (confident-deepfake)", "SEV3 held (no rule matched)". */
    static String outcome(PolicyReplay.Outcome o) {
        String why = o.heldBecause().orElse(o.rule().orElse("no rule matched"));
        return decided(o.suggested()) + (o.applied() ? " applied" : " held") + " (" + why + ")";
    }
}
