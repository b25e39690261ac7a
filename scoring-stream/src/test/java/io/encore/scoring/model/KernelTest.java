package io.encore.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class KernelTest {

    @Test
    void shouldMatchANaiveLoopWhenVectorsAreRandom() {
        // given: every remainder of the four-way unrolling, at offsets inside a larger array
        Random random = new Random(42);
        for (int length = 0; length <= 67; length++) {
            float[] a = randomArray(random, length + 5);
            float[] b = randomArray(random, 3 * length + 11);
            int aOffset = random.nextInt(6);
            int bOffset = random.nextInt(2 * length + 12);

            // when
            float unrolled = Kernel.dot(a, aOffset, b, bOffset, length);

            // then
            double naive = 0;
            for (int k = 0; k < length; k++) {
                naive += a[aOffset + k] * b[bOffset + k];
            }
            assertThat((double) unrolled).as("length %d", length).isCloseTo(naive, within(1e-4));
        }
    }

    @Test
    void shouldReturnTheInverseLengthWhenTheTasteHasTheCatalogueDimension() {
        // given
        float[] taste = {3f, 0f, 4f};

        // when
        float inverse = Kernel.inverseNorm(taste, 3);

        // then
        assertThat(inverse).isCloseTo(0.2f, within(1e-7f));
    }

    @Test
    void shouldReturnZeroWhenTheTasteIsEmptyZeroOrOfAnotherDimension() {
        // given / when / then
        assertThat(Kernel.inverseNorm(new float[0], 3)).isZero();
        assertThat(Kernel.inverseNorm(new float[3], 3)).isZero();
        assertThat(Kernel.inverseNorm(new float[] {1f, 0f}, 3)).isZero();
    }

    private static float[] randomArray(Random random, int length) {
        float[] values = new float[length];
        for (int k = 0; k < length; k++) {
            values[k] = random.nextFloat() * 2f - 1f;
        }
        return values;
    }
}
