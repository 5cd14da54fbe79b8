package app.escalate.commands.search;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class VectorIndexTest {

    @Test
    void quantized_cosines_stay_within_a_hundredth_of_the_exact_ones() {
        Random random = new Random(7);
        VectorIndex index = new VectorIndex(384);
        float[][] stored = new float[200][];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = gaussian(random);
            index.put(i, stored[i]);
        }
        float[] query = gaussian(random);

        var cosines = index.cosines(query, id -> true);

        assertThat(cosines).hasSize(200);
        for (int i = 0; i < stored.length; i++) assertThat(cosines.get((long) i)).isCloseTo(exact(query, stored[i]), offset(0.01));
    }

    @Test
    void grows_past_its_first_capacity_and_replaces_in_place() {
        VectorIndex index = new VectorIndex(2);
        for (int i = 0; i < 3000; i++) index.put(i, new float[]{1, 0});
        index.put(5, new float[]{0, 1});

        assertThat(index.size()).isEqualTo(3000);
        assertThat(index.cosines(new float[]{0, 1}, id -> id == 5).get(5L)).isCloseTo(1.0, offset(1e-6));
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian();
        return v;
    }

    private static double exact(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
