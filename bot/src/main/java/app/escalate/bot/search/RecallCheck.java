package app.escalate.bot.search;

import app.escalate.commands.search.CaseIndex;
import app.escalate.commands.search.Ranked;

import java.util.List;

/**
 * How often a report's look-alike is found: over a labelled set of reports in clusters of
 * paraphrases, each report is the query against all the others, and it counts when one of the
 * first {@code k} it finds is of its own cluster. Measured for words alone, meaning alone and the mix.
 */
public final class RecallCheck {

    private RecallCheck() {
    }

    /** A report and the cluster of paraphrases it belongs to. */
    public record Labelled(String cluster, String text) {
    }

    /** The share of queries whose own cluster is in the top {@code k}, for each way of ranking. */
    public record Result(int queries, double words, double meaning, double mixed) {
    }

    public static Result measure(List<Labelled> reports, Embedder embedder, int k) {
        CaseIndex index = new CaseIndex(MiniLmEmbedder.DIMENSIONS);
        float[][] vectors = new float[reports.size()][];
        for (int i = 0; i < reports.size(); i++) {
            vectors[i] = embedder.embed(reports.get(i).text());
            index.put(i, reports.get(i).text(), vectors[i]);
        }
        int words = 0, meaning = 0, mixed = 0;
        for (int i = 0; i < reports.size(); i++) {
            words += found(index, reports, i, vectors[i], 0, k);
            meaning += found(index, reports, i, vectors[i], 1, k);
            mixed += found(index, reports, i, vectors[i], CaseIndex.SEARCH_WEIGHT, k);
        }
        double n = reports.size();
        return new Result(reports.size(), words / n, meaning / n, mixed / n);
    }

    /** The fixture's CSV: {@code cluster,report} under a header line, the report quoted when it has a comma. */
    public static List<Labelled> parse(String csv) {
        List<Labelled> out = new java.util.ArrayList<>();
        for (String line : csv.lines().skip(1).toList()) {
            if (line.isBlank()) continue;
            int comma = line.indexOf(',');
            String text = line.substring(comma + 1);
            if (text.startsWith("\"")) text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            out.add(new Labelled(line.substring(0, comma), text));
        }
        return out;
    }

    private static int found(CaseIndex index, List<Labelled> reports, int query, float[] vector, double weight, int k) {
        long self = query;
        List<Ranked> top = index.rank(reports.get(query).text(), vector, weight, id -> id != self, k);
        String cluster = reports.get(query).cluster();
        return top.stream().anyMatch(r -> reports.get((int) r.caseNumber()).cluster().equals(cluster)) ? 1 : 0;
    }
}
