package io.encore.scoring.signals;

/** The keys of shared signals: {@code c:<concert>}, {@code b:<taste bucket>}, {@code a:<channel>|<group>}. */
public final class SignalKeys {

    private SignalKeys() {
    }

    public static String concert(String concertId) {
        return "c:" + concertId;
    }

    public static String bandit(String channel, String group) {
        return "a:" + channel + "|" + group;
    }
}
