package io.encore.profile.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

import io.encore.profile.avro.GuestState;
import io.encore.profile.identity.Identifiers;

/** Creates the two shapes a {@link GuestState} takes: a guest's own profile, or a redirect to another guest. */
final class GuestStates {

    static final int WEEKDAYS = 7;
    static final int DAYPARTS = 4;
    static final int LEAD_TIMES = 4;

    private GuestStates() {
    }

    static GuestState newProfile(String id, int dimension) {
        return GuestState.newBuilder()
                .setId(id)
                .setKnown(Identifiers.isKnown(id))
                .setAliases(new ArrayList<>())
                .setConcepts(new HashMap<>())
                .setVector(zeros(dimension))
                .setWeekdays(zeros(WEEKDAYS))
                .setDayparts(zeros(DAYPARTS))
                .setLeadTimes(zeros(LEAD_TIMES))
                .build();
    }

    static GuestState redirect(String id, String target) {
        return GuestState.newBuilder().setId(id).setRedirectTo(target).build();
    }

    static boolean isRedirect(GuestState state) {
        return state != null && state.getRedirectTo() != null;
    }

    private static List<Double> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, 0.0));
    }
}
