package app.escalate.bench;

import app.escalate.commands.Acknowledgement;
import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseState;
import app.escalate.commands.Paging;
import app.escalate.commands.Severity;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.commands.Watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** A reproducible backlog of open cases as a busy team might have: mixed severities, states, tasks, stakeholders. */
final class OpenCases {
    static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");
    private static final List<UserId> PEOPLE = List.of(new UserId("U0ESCMARIA"), new UserId("U0ESCKENJI"),
            new UserId("U0ESCAMARA"), new UserId("U0ESCLUCAS"));
    private static final String[] TITLES = {"Deepfake of a candidate spreading on video surfaces",
            "Chatbot gives dangerous medical advice to teens", "Scam ads impersonating a bank & its CEO",
            "Agent booked travel without the user's consent", "Coordinated harassment campaign against a journalist"};
    private static final CaseState[] STATES = {CaseState.TRIAGE, CaseState.INVESTIGATING, CaseState.MITIGATED, CaseState.MONITORING};

    private OpenCases() {
    }

    static Case open(int n, Random random) {
        Instant opened = NOW.minus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));
        UserId owner = PEOPLE.get(random.nextInt(PEOPLE.size()));
        boolean acked = random.nextInt(10) != 0;
        return new Case(new CaseId(n), TITLES[n % TITLES.length] + " #" + n, Severity.values()[random.nextInt(4)],
                acked ? STATES[random.nextInt(STATES.length)] : CaseState.TRIAGE, Optional.empty(), Optional.empty(), owner,
                Optional.of(owner), opened, Optional.empty(), acked ? Optional.of(new Acknowledgement(owner, opened.plusSeconds(300)))
                : Optional.empty(), Optional.empty(), n % 50 == 0);
    }

    static List<CaseFile> files(int count) {
        Random random = new Random(42);
        List<CaseFile> files = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            Case c = open(n, random);
            files.add(new CaseFile(c, tasks(c, random), n % 7 == 0 ? Set.of("legal", "comms") : Set.of(),
                    Set.of(c.reporter()), Paging.NONE, n % 20 == 0 ? Optional.of(new Watch(c.reporter(), NOW)) : Optional.empty()));
        }
        return files;
    }

    static List<Task> tasks(Case c, Random random) {
        if (c.id().number() % 3 != 0) return List.of();
        return List.of(new Task(1, "Ask the host for request logs and the list of affected accounts",
                Optional.of(PEOPLE.get(random.nextInt(PEOPLE.size()))), c.reporter(), c.openedAt(), Optional.empty(), Optional.empty()));
    }

    /** What an eight-hour shift saw: the cases opened in it. */
    static List<CaseEvent> changes(List<CaseFile> files) {
        Instant shiftStart = NOW.minus(Duration.ofHours(8));
        return files.stream().map(CaseFile::details).filter(c -> c.openedAt().isAfter(shiftStart))
                .map(c -> CaseEvent.opened(c, Optional.empty())).toList();
    }
}
