package io.encore.simulator.behaviour;

import java.util.SplittableRandom;

import io.encore.simulator.audience.Guest;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.random.Draw;

/**
 * How a guest finds a concert on its own, without recommendations: it looks where its interest lies (a
 * sub-genre drawn by the hidden taste, openness included) and picks among what is on sale there by day, price
 * and how far ahead it is. Used for box-office purchases and for the history.
 */
public final class ConcertChooser {

    private static final long DAY = 24L * 3600 * 1000;
    private static final int ATTEMPTS = 3;

    private final Programme programme;
    private final int[] candidates = new int[96];
    private final double[] weights = new double[96];

    public ConcertChooser(Programme programme) {
        this.programme = programme;
    }

    /** A concert on sale at {@code at} the guest would choose, or -1 when its interests have nothing on sale. */
    public int choose(SplittableRandom random, Guest guest, long at) {
        double[] interest = guest.taste().interest();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int genre = Draw.weighted(random, interest);
            if (genre < 0) {
                return -1;
            }
            int count = programme.onSale(genre, at, candidates);
            if (count == 0) {
                continue;
            }
            for (int i = 0; i < count; i++) {
                ConcertPlan concert = programme.concert(candidates[i]);
                double lead = (concert.startTime().toEpochMilli() - at) / (double) DAY;
                weights[i] = guest.habits().timeFit(concert) * guest.habits().priceFit(concert)
                        * guest.habits().leadFit(lead) * guest.affinity(concert);
            }
            int chosen = Draw.weighted(random, weights, count);
            if (chosen >= 0) {
                return candidates[chosen];
            }
        }
        return -1;
    }
}
