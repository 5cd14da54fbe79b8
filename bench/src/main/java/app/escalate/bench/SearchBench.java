package app.escalate.bench;

import app.escalate.bot.search.Embedder;
import app.escalate.bot.search.MiniLmEmbedder;
import app.escalate.bot.search.RecallCheck;
import app.escalate.commands.search.CaseIndex;
import app.escalate.commands.search.WordIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Search and similar cases: embedding one case with the in-process model (baseline: indexing the same
 * text for words), finding the cases most like one among 100,000 stored (baseline: words alone over
 * the same cases), the in-memory index's heap, and top-3 recall on the labelled fixture of paraphrased
 * reports (words alone beside it). From the project's root, after {@code mvn -B -q package -DskipTests}:
 *
 * <p>{@code java -cp bench/target/benchmarks.jar app.escalate.bench.SearchBench}
 */
public final class SearchBench {
    static final Path FIXTURE = Path.of("bot/src/main/resources/eval/similar-cases.csv");
    static final int STORED = 100_000;
    static final double EMBED_TARGET_MS = 20;
    static final double LOOKUP_TARGET_MS = 100;
    static final double RECALL_TARGET = 0.90;

    /** Percentiles in milliseconds of one measured operation. */
    record Timing(double p50, double p99, int samples) {
        static Timing of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Timing(sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted.length);
        }
    }

    record Result(Timing embed, Timing wordsIndex, Timing lookup, Timing wordsLookup, double heapMb, RecallCheck.Result recall) {
    }

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(markdown(measure(Path.of("."))));
    }

    static Result measure(Path root) throws IOException {
        List<RecallCheck.Labelled> reports = RecallCheck.parse(Files.readString(root.resolve(FIXTURE), StandardCharsets.UTF_8));
        Embedder model = MiniLmEmbedder.loading();

        // Embedding one case, against indexing its words; the JIT and ONNX warmed up on the fixture first.
        for (int round = 0; round < 3; round++) for (RecallCheck.Labelled r : reports) model.embed(r.text());
        long[] embed = new long[reports.size() * 2];
        long[] words = new long[embed.length];
        WordIndex wordIndex = new WordIndex();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < embed.length; i++) {
                String text = reports.get(i % reports.size()).text() + (i >= reports.size() ? " (again)" : "");
                long t0 = System.nanoTime();
                model.embed(text);
                long t1 = System.nanoTime();
                wordIndex.put(i, text);
                long t2 = System.nanoTime();
                embed[i] = t1 - t0;
                words[i] = t2 - t1;
            }
        }
        float[][] vectors = reports.stream().map(r -> model.embed(r.text())).toArray(float[][]::new);

        // 100,000 stored cases: the fixture's reports, each vector moved a little so that no two are the same.
        Random random = new Random(22);
        Runtime runtime = Runtime.getRuntime();
        long before = usedHeap(runtime);
        CaseIndex index = new CaseIndex(MiniLmEmbedder.DIMENSIONS);
        for (int i = 0; i < STORED; i++) {
            int of = i % reports.size();
            float[] v = vectors[of].clone();
            for (int d = 0; d < v.length; d++) v[d] += (float) (random.nextGaussian() * 0.02);
            index.put(i + 1, reports.get(of).text() + " case " + (i + 1), v);
        }
        double heapMb = (usedHeap(runtime) - before) / 1e6;

        long[] lookup = new long[1000];
        long[] wordsLookup = new long[lookup.length];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < lookup.length; i++) {
                RecallCheck.Labelled query = reports.get(random.nextInt(reports.size()));
                float[] v = vectors[reports.indexOf(query)];
                long t0 = System.nanoTime();
                index.rank(query.text(), v, CaseIndex.SEARCH_WEIGHT, id -> true, 3);
                long t1 = System.nanoTime();
                index.rank(query.text(), v, 0, id -> true, 3);
                long t2 = System.nanoTime();
                lookup[i] = t1 - t0;
                wordsLookup[i] = t2 - t1;
            }
        }
        RecallCheck.Result recall = RecallCheck.measure(reports, model, 3);
        return new Result(Timing.of(embed), Timing.of(words), Timing.of(lookup), Timing.of(wordsLookup), heapMb, recall);
    }

    private static long usedHeap(Runtime runtime) {
        for (int i = 0; i < 3; i++) System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The targets' rows, for the table at the top. */
    static String targetRows(Result r) {
        return f("| embedding one case (all-MiniLM-L6-v2, in process) p99 | ≤ %.0f ms | %.1f ms | %s |%n", EMBED_TARGET_MS, r.embed().p99(),
                met(r.embed().p99() <= EMBED_TARGET_MS))
                + f("| similar-case lookup over %,d stored cases p99 | ≤ %.0f ms | %.1f ms | %s |%n", STORED, LOOKUP_TARGET_MS, r.lookup().p99(),
                met(r.lookup().p99() <= LOOKUP_TARGET_MS))
                + f("| same-cluster case in the top 3, %d paraphrased reports | ≥ %.0f %% | %.1f %% (words alone: %.1f %%) | %s |%n",
                r.recall().queries(), RECALL_TARGET * 100, r.recall().mixed() * 100, r.recall().words() * 100, met(r.recall().mixed() >= RECALL_TARGET));
    }

    static String markdown(Result r) {
        StringBuilder md = new StringBuilder("""
                ## Search and similar cases

                What it measures: embedding one case's text with the in-process model (all-MiniLM-L6-v2 on ONNX,
                384 dimensions) after a warm-up on the fixture, against indexing the same text for words (BM25), in the same
                loop; ranking 100,000 stored cases (the fixture's reports, each embedding moved slightly) by words and
                meaning for the three most like one, against ranking them by words alone; the heap the 100,000 take in
                the in-memory index (8-bit vectors and the word index); and, on the labelled fixture (60 clusters of five
                paraphrased escalation reports, shipped as `bot/src/main/resources/eval/similar-cases.csv`), how often a report's look-alike is among the
                first three found, each report the query against the 299 others.

                """);
        md.append("| | p50 ms | p99 ms | samples | baseline (same run) p50 / p99 ms | p99 ratio |\n|---|---|---|---|---|---|\n");
        md.append(f("| embedding one case | %.2f | %.2f | %d | indexing its words: %.3f / %.3f | %.0f× |%n", r.embed().p50(), r.embed().p99(),
                r.embed().samples(), r.wordsIndex().p50(), r.wordsIndex().p99(), r.embed().p99() / r.wordsIndex().p99()));
        md.append(f("| three most similar of %,d, words and meaning | %.2f | %.2f | %d | words alone: %.2f / %.2f | %.1f× |%n%n", STORED,
                r.lookup().p50(), r.lookup().p99(), r.lookup().samples(), r.wordsLookup().p50(), r.wordsLookup().p99(),
                r.lookup().p99() / r.wordsLookup().p99()));
        md.append(f("The in-memory index of %,d cases took %.0f MB of heap (their vectors as 8-bit integers are %.1f MB; as floats they "
                + "would be %.1f MB).%n%n", STORED, r.heapMb(), STORED * 384 / 1e6, STORED * 384 * 4 / 1e6));
        md.append("| top-3 recall on the fixture | words alone (baseline) | meaning alone | words and meaning (what search uses) |\n|---|---|---|---|\n");
        md.append(f("| %d queries | %.1f %% | %.1f %% | %.1f %% |%n%n", r.recall().queries(), r.recall().words() * 100, r.recall().meaning() * 100,
                r.recall().mixed() * 100));
        return md.toString();
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
