package io.encore.web.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class KMeansTest {

    /** 100 points around (1, 0, 0) and 60 around (0, 0, 1), interleaved. */
    private static float[][] twoBlobs() {
        SplittableRandom random = new SplittableRandom(7);
        float[][] points = new float[160][];
        for (int i = 0; i < points.length; i++) {
            boolean first = i % 8 < 5;
            points[i] = new float[] {
                (first ? 1f : 0f) + (float) (random.nextGaussian() * 0.1),
                (float) (random.nextGaussian() * 0.1),
                (first ? 0f : 1f) + (float) (random.nextGaussian() * 0.1)};
        }
        return points;
    }

    @Test
    void shouldSeparateTwoObviousClustersWhenKIsTwo() {
        // given
        float[][] points = twoBlobs();
        // when
        KMeans.Result result = KMeans.cluster(points, 2, 42, 50);
        // then
        int firstBlob = result.assignment()[0];
        for (int i = 0; i < points.length; i++) {
            boolean first = i % 8 < 5;
            assertThat(result.assignment()[i] == firstBlob).as("point %d", i).isEqualTo(first);
        }
        assertThat(result.size(firstBlob)).isEqualTo(100);
        assertThat(result.size(1 - firstBlob)).isEqualTo(60);
        assertThat(result.centroids()[firstBlob][0]).isBetween(0.9f, 1.1f);
    }

    @Test
    void shouldGiveTheSameClustersForTheSameInputAndSeed() {
        // given
        float[][] points = twoBlobs();
        // when
        KMeans.Result first = KMeans.cluster(points, 5, 42, 50);
        KMeans.Result second = KMeans.cluster(points, 5, 42, 50);
        // then
        assertThat(second.assignment()).containsExactly(first.assignment());
        assertThat(second.iterations()).isEqualTo(first.iterations());
    }

    @Test
    void shouldMakeNoMoreClustersThanPointsAndNoneOfNoPoints() {
        assertThat(KMeans.cluster(new float[][] {{1, 0}, {0, 1}}, 6, 1, 50).k()).isEqualTo(2);
        assertThat(KMeans.cluster(new float[0][], 6, 1, 50).k()).isZero();
    }

    @Test
    void shouldNotFailWhenEveryPointIsTheSame() {
        // when
        KMeans.Result result = KMeans.cluster(new float[][] {{1, 1}, {1, 1}, {1, 1}}, 2, 3, 50);
        // then
        assertThat(result.assignment()).hasSize(3);
        assertThat(result.k()).isEqualTo(2);
    }
}
