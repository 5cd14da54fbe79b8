package app.escalate.commands.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Every case's embedding, for cosine similarity by brute force. Kept as 8-bit integers (a quarter of
 * the floats' memory: 100,000 cases of 384 dimensions take 38 MB, not 154 MB); unit vectors' components
 * lie in [-1, 1], so each is scaled by 127 and rounded, which moves a cosine by about 0.01 at most (the query is quantized too).
 */
public final class VectorIndex {
    private final int dimensions;
    private byte[] rows;
    private float[] norms;
    private long[] ids;
    private final Map<Long, Integer> slots = new HashMap<>();
    private int size;

    public VectorIndex(int dimensions) {
        this.dimensions = dimensions;
        this.rows = new byte[dimensions * 1024];
        this.norms = new float[1024];
        this.ids = new long[1024];
    }

    public int dimensions() {
        return dimensions;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized boolean contains(long id) {
        return slots.containsKey(id);
    }

    /** Stores (or replaces) case {@code id}'s vector. */
    public synchronized void put(long id, float[] vector) {
        if (vector.length != dimensions) throw new IllegalArgumentException("a vector of " + vector.length + " dimensions, not " + dimensions);
        Integer slot = slots.get(id);
        if (slot == null) {
            if (size == ids.length) grow();
            slot = size++;
            slots.put(id, slot);
            ids[slot] = id;
        }
        float[] unit = unit(vector);
        int base = slot * dimensions;
        long squares = 0;
        for (int i = 0; i < dimensions; i++) {
            byte q = (byte) Math.round(unit[i] * 127f);
            rows[base + i] = q;
            squares += q * q;
        }
        norms[slot] = (float) Math.sqrt(squares);
    }

    /** The cosine of {@code query} with every stored case {@code accept} lets through, by case number. */
    public Map<Long, Double> cosines(float[] query, LongPredicate accept) {
        Map<Long, Double> out = new HashMap<>();
        scan(query, accept, out::put);
        return out;
    }

    /**
     * Calls {@code sink} with the cosine of {@code query} with each stored case {@code accept} lets through.
     * The query is quantized like the rows, so the inner loop sums integer products.
     */
    public synchronized void scan(float[] query, LongPredicate accept, Sink sink) {
        float[] unit = unit(query);
        byte[] q = new byte[dimensions];
        long squares = 0;
        for (int i = 0; i < dimensions; i++) {
            q[i] = (byte) Math.round(unit[i] * 127f);
            squares += q[i] * q[i];
        }
        double queryNorm = Math.sqrt(squares);
        if (queryNorm == 0) return;
        byte[] rows = this.rows;
        for (int slot = 0; slot < size; slot++) {
            if (norms[slot] == 0 || !accept.test(ids[slot])) continue;
            sink.accept(ids[slot], dot(q, rows, slot * dimensions) / (queryNorm * norms[slot]));
        }
    }

    /** Four sums in turn, so that each product need not wait for the one before it. */
    private static int dot(byte[] q, byte[] rows, int base) {
        int s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int n = q.length & ~3; i < n; i += 4) {
            s0 += q[i] * rows[base + i];
            s1 += q[i + 1] * rows[base + i + 1];
            s2 += q[i + 2] * rows[base + i + 2];
            s3 += q[i + 3] * rows[base + i + 3];
        }
        for (; i < q.length; i++) s0 += q[i] * rows[base + i];
        return s0 + s1 + s2 + s3;
    }

    /** Receives one case's cosine. */
    @FunctionalInterface
    public interface Sink {
        void accept(long id, double cosine);
    }

    private void grow() {
        int capacity = ids.length * 2;
        rows = Arrays.copyOf(rows, capacity * dimensions);
        norms = Arrays.copyOf(norms, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }

    static float[] unit(float[] v) {
        double squares = 0;
        for (float x : v) squares += x * x;
        if (squares == 0) return v.clone();
        float scale = (float) (1 / Math.sqrt(squares));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * scale;
        return out;
    }
}
