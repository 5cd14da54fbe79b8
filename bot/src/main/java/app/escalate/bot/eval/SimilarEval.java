package app.escalate.bot.eval;

import app.escalate.bot.search.Embedder;
import app.escalate.bot.search.RecallCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The similar-cases surface's evaluation: over a fixture of reports in clusters of paraphrases
 * (the built-in one has 60 clusters of five), each report is the query against all the others, and
 * it is a hit when one of the first three found is of its own cluster. Words alone, meaning alone
 * and the mix the bot uses are printed; the mix must reach {@link #THRESHOLD}.
 */
public final class SimilarEval {
    public static final double THRESHOLD = 0.9;
    public static final String BUILT_IN = "/eval/similar-cases.csv";
    static final int TOP = 3;

    private SimilarEval() {
    }

    /** Exit status: 0 passed, 1 below the threshold, 2 a fixture that cannot be used. */
    static int run(Optional<Path> file, Supplier<Embedder> embedder, PrintStream out, PrintStream err) {
        List<RecallCheck.Labelled> reports;
        try {
            reports = RecallCheck.parse(read(file));
            long clusters = reports.stream().map(RecallCheck.Labelled::cluster).distinct().count();
            if (reports.size() < 2 || clusters == reports.size()) {
                throw new IllegalArgumentException("it needs clusters of at least two reports (cluster,report per line)");
            }
        } catch (IOException | RuntimeException e) {
            err.println("escalate eval: the similar-cases fixture cannot be used: " + e.getMessage());
            return 2;
        }
        RecallCheck.Result r = RecallCheck.measure(reports, embedder.get(), TOP);
        out.printf(Locale.ROOT, "Similar cases: %d reports in %d clusters, a hit when one of the first %d found is of the report's own cluster%n",
                r.queries(), reports.stream().map(RecallCheck.Labelled::cluster).distinct().count(), TOP);
        out.println("ranking                  hit rate");
        out.printf(Locale.ROOT, "words alone              %5.1f %%%n", r.words() * 100);
        out.printf(Locale.ROOT, "meaning alone            %5.1f %%%n", r.meaning() * 100);
        out.printf(Locale.ROOT, "words and meaning (used) %5.1f %%%n", r.mixed() * 100);
        boolean passed = r.mixed() >= THRESHOLD;
        out.printf(Locale.ROOT, "top-%d hit rate %.1f %% (threshold %.0f %%): %s%n", TOP, r.mixed() * 100, THRESHOLD * 100, passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }

    private static String read(Optional<Path> file) throws IOException {
        if (file.isPresent()) {
            if (!Files.isReadable(file.get())) throw new IllegalArgumentException("cannot read " + file.get());
            return Files.readString(file.get(), StandardCharsets.UTF_8);
        }
        try (InputStream in = SimilarEval.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalArgumentException(BUILT_IN + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
