package io.encore.scoring.signals;

/** The keys of shared signals: {@code c:<concert>}, {@code b:<taste bucket>}, {@code a:<channel>|<group>}. */
public final class SignalKeys {

    /** Every bandit's key starts with this, so all of them are one range of the store. */
    public static final String BANDIT_PREFIX = "a:";

    private SignalKeys() {
    }

    public static String concert(String concertId) {
        return "c:" + concertId;
    }

    public static String bandit(String channel, String group) {
        return BANDIT_PREFIX + channel + "|" + group;
    }
}
