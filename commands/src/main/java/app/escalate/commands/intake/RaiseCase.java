package app.escalate.commands.intake;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseStore;
import app.escalate.commands.ChannelId;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.Invocation;
import app.escalate.commands.MachineReporter;
import app.escalate.commands.Reply;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.handlers.OpenCase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A machine's report: opens its case through {@link OpenCase}, as {@code /esc open} does (channel,
 * card, pages and triage queued with it), the first time its dedup key is seen; while that case is
 * open, the same key counts another report on it instead. Once the case is resolved the key is
 * free, and the next report opens a new case.
 */
public final class RaiseCase {
    /** Where a machine's report is answered from: no Slack conversation, and nothing is sent to it (no response URL). */
    static final Invocation BY_MACHINE = Invocation.control(MachineReporter.ID, new ChannelId("C0INTAKE0"), Optional.empty());
    /** A key freed by a resolve and claimed again by a concurrent report is looked up afresh, a few times at most. */
    private static final int TRIES = 3;

    private final CaseStore cases;
    private final IntakeStore intake;
    private final OpenCase open;
    private final Clock clock;

    public RaiseCase(CaseStore cases, IntakeStore intake, OpenCase open, Clock clock) {
        this.cases = cases;
        this.intake = intake;
        this.open = open;
        this.clock = clock;
    }

    /** What became of a report. */
    public sealed interface Raised {
    }

    /** A new case, opened by this report. */
    public record Opened(Case opened) implements Raised {
    }

    /** The open case the key names, with this report counted on it. */
    public record Again(Case open) implements Raised {
    }

    /** {@link OpenCase} refused the case, saying why (a field the type requires before opening, say). */
    public record Refused(String reason) implements Raised {
    }

    public Raised handle(IntakeReport report) {
        for (int attempt = 0; ; attempt++) {
            AtomicReference<IntakeStore.Keyed> keyed = new AtomicReference<>();
            Reply reply = open.handle(report.open(), BY_MACHINE, (draft, follow) -> {
                IntakeStore.Keyed k = intake.openOnce(report.source(), report.dedupKey(), report.link(), draft, follow);
                keyed.set(k);
                return k.found();
            });
            if (reply instanceof Reply.Refusal refusal) return new Refused(refusal.reason());
            IntakeStore.Keyed k = keyed.get();
            if (k.opened()) return new Opened(k.found());
            Instant now = clock.instant();
            Decision counted = cases.change(k.found().id(), file -> again(file, report.source(), now));
            if (counted instanceof Decision.Applied applied) return new Again(applied.after().details());
            // Resolved since the key was taken: free it, and this report opens a new case.
            intake.release(report.source(), report.dedupKey(), k.found().id());
            if (attempt + 1 >= TRIES) throw new IllegalStateException("the dedup key " + report.dedupKey() + " kept changing hands");
        }
    }

    /** The report counted on the case while it is open: on its timeline, in its channel, and on its card. */
    static Decision again(CaseFile file, String source, Instant now) {
        if (!file.details().isOpen()) return new Decision.Rejected(file.id() + " is resolved");
        CaseEvent event = new CaseEvent(file.id(), now, MachineReporter.ID, new EventData.ReportedAgain(source));
        return new Decision.Applied(file, List.of(event),
                List.of(new SlackEffect.Announce(file.id(), event), new SlackEffect.UpdateCaseCard(file.id())));
    }
}
