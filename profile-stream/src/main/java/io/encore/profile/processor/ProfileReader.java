package io.encore.profile.processor;

import io.encore.profile.avro.GuestState;
import io.encore.profile.config.ProfileSettings;
import io.encore.profile.value.RfmCalculator;
import io.encore.schemas.avro.GuestProfile;

/** Reads a stored guest state as the published profile, for interactive queries. */
public final class ProfileReader {

    private final RfmCalculator calculator;
    private final LedgerOps ledger;
    private final ProfileView view;

    public ProfileReader(ProfileSettings settings) {
        this.calculator = new RfmCalculator(settings.currentWindow(), settings.comparisonWindow());
        this.ledger = new LedgerOps(calculator.monthsNeeded());
        this.view = new ProfileView(settings.defaultProfiling(), (int) settings.currentWindow().toDays());
    }

    /** The profile as last published; null for a redirect (read the guest it points to instead). */
    public GuestProfile read(GuestState state) {
        if (GuestStates.isRedirect(state)) {
            return null;
        }
        long asOf = state.getRfmAsOf() != null ? state.getRfmAsOf()
                : state.getLastEventAt() != null ? state.getLastEventAt() : 0L;
        long firstSeen = state.getFirstSeenAt() == null ? asOf : state.getFirstSeenAt();
        return view.of(state, calculator.compute(ledger.read(state), firstSeen, asOf), asOf);
    }
}
