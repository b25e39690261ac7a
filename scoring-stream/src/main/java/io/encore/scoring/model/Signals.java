package io.encore.scoring.model;

import java.util.Map;

/**
 * The shared, population-wide signals some models read: learned from all guests' ticket sales and strong
 * interactions, and held by every instance. The topology keeps them current; tests give fixed ones.
 */
public final class Signals {

    private Signals() {
    }

    /** "Guests who bought A also bought B": bounded neighbour lists per concert. */
    public interface CoAttendance {

        /** Neighbours of {@code concertId} with their co-occurrence strength (decayed counts), strongest first. */
        Map<String, Float> neighbours(String concertId);
    }

    /** Decayed sales velocity per concert, overall and per behaviour group. */
    public interface Trending {

        /** Velocity of {@code concertId} (decayed tickets per day) across all guests; 0 when unknown. */
        float overall(String concertId);

        /** Velocity among guests of {@code behaviourGroup}; 0 when unknown. */
        float inGroup(String behaviourGroup, String concertId);
    }

    /** What guests with a similar taste ("twins") bought: decayed purchase counts per concert. */
    public interface TwinPurchases {

        /** Concerts bought by guests whose taste is near {@code taste}, with decayed counts. */
        Map<String, Float> near(float[] taste);
    }
}
