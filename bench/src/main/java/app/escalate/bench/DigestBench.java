package app.escalate.bench;

import app.escalate.bot.render.HandoffMessage;
import app.escalate.bot.render.SlackMessage;
import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.EventData;
import app.escalate.commands.HandoffDigest;
import app.escalate.commands.NewCase;
import app.escalate.commands.Opening;
import app.escalate.commands.Task;
import app.escalate.commands.UserId;
import app.escalate.commands.handoff.DigestBuilder;
import app.escalate.commands.handoff.HandoffDigests;
import app.escalate.config.PolicyLoader;
import app.escalate.storage.Database;
import app.escalate.storage.JdbiCaseStore;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The handoff digest over 10,000 open cases. Baselines in the same run: sorting the open cases
 * (what {@code /esc status} does in memory), and reading the open case rows (its database part).
 * Run: {@code java -jar bench/target/benchmarks.jar DigestBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigestBench {
    private static final int CASES = 10_000;
    private static final HandoffDigest.Header HEADER = new HandoffDigest.Header("escalations", "Escalations on-call",
            Optional.of(new UserId("U0ESCAMARA")), new UserId("U0ESCMARIA"), OpenCases.NOW, OpenCases.NOW.minus(Duration.ofHours(8)),
            false, true, Optional.of(new UserId("U0ESCKENJI")), List.of(new UserId("U0ESCHELEN")));
    private static final Comparator<Case> STATUS_ORDER = Comparator.comparing(Case::severity).thenComparing(Case::openedAt);

    private final DigestBuilder builder = new DigestBuilder(PolicyLoader.builtIn());
    private final Gson gson = GsonFactory.createSnakeCase();
    private List<CaseFile> files;
    private DigestBuilder.Facts facts;

    @Setup(Level.Trial)
    public void setUp() {
        files = OpenCases.files(CASES);
        facts = new DigestBuilder.Facts(files, OpenCases.changes(files), id -> Optional.empty(), List.of());
    }

    /** The same 10,000 cases in an H2 database, for the benchmarks that read them; filled once per trial. */
    @State(Scope.Benchmark)
    public static class Stored {
        Database database;
        JdbiCaseStore store;

        @Setup(Level.Trial)
        public void fill() {
            database = Database.open("jdbc:h2:mem:digest-bench;DB_CLOSE_DELAY=-1");
            store = new JdbiCaseStore(database.jdbi());
            Random random = new Random(42);
            for (CaseFile f : OpenCases.files(CASES)) {
                Case c = f.details();
                Case stored = store.open(new NewCase(c.title(), c.severity(), Optional.empty(), Optional.empty(), Optional.empty(),
                        c.reporter(), c.openedAt(), c.restricted()), x -> Opening.of(List.of()));
                List<Task> tasks = OpenCases.tasks(stored, random);
                if (!tasks.isEmpty() || f.watch().isPresent()) {
                    store.change(stored.id(), file -> new Decision.Applied(file.withTasks(tasks).withWatch(f.watch()),
                            List.of(new CaseEvent(stored.id(), c.openedAt(), c.reporter(), new EventData.NoteAdded("setup"))),
                            List.of()));
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            database.close();
        }
    }

    @Benchmark
    public List<Case> baselineSortOpenCases() {
        return files.stream().map(CaseFile::details).sorted(STATUS_ORDER).toList();
    }

    @Benchmark
    public HandoffDigest buildDigest() {
        return builder.build(HEADER, facts, HandoffDigests.forTeam(), OpenCases.NOW);
    }

    /** What the outbox does with a stored digest: Block Kit, then the JSON Slack is sent. */
    @Benchmark
    public String buildAndRenderDigest() {
        SlackMessage message = HandoffMessage.of(buildDigest(), Optional.of(1L));
        return gson.toJson(message.blocks());
    }

    @Benchmark
    public List<Case> baselineReadOpenCases(Stored db) {
        return db.store.openCases();
    }

    /** The whole handoff path from the database: every open case file in bulk, the shift's events, the digest, rendered. */
    @Benchmark
    public String readBuildAndRenderDigest(Stored db) {
        JdbiCaseStore store = db.store;
        DigestBuilder.Facts stored = new DigestBuilder.Facts(store.openFiles(),
                store.events(HEADER.shiftFrom(), OpenCases.NOW, DigestBuilder.CHANGE_KINDS), store::file, List.of());
        HandoffDigest digest = builder.build(HEADER, stored, HandoffDigests.forTeam(), OpenCases.NOW);
        return gson.toJson(HandoffMessage.of(digest, Optional.of(1L)).blocks());
    }
}
