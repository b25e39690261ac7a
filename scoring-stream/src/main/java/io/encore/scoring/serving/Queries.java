package io.encore.scoring.serving;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import io.encore.runtime.http.ApiException;
import io.encore.schemas.avro.Channel;
import io.encore.scoring.config.ScoringStreamConfig;

/** The query parameters of the scoring API, parsed at the edge so a bad value is a 400 that names it. */
final class Queries {

    /** Most items or members one answer may be trimmed to; a list never has more than 100 items. */
    static final int MAX_ITEMS = ScoringStreamConfig.MAX_TOP_N;
    static final int MAX_MEMBERS = ScoringStreamConfig.MAX_AUDIENCE_SIZE;

    private static final String CHANNELS = Arrays.stream(Channel.values()).filter(c -> c != Channel.UNKNOWN)
            .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    private Queries() {
    }

    /** {@code channel}: a channel name in any case; WEB when absent. */
    static Channel channel(Optional<String> value) {
        if (value.isEmpty()) {
            return Channel.WEB;
        }
        return ScoringStreamConfig.channel(value.get()).orElseThrow(() -> new ApiException(400,
                "Parameter 'channel' must be one of " + CHANNELS + "; got '" + shorten(value.get()) + "'"));
    }

    /** {@code limit}: a whole number from 1 to {@code max}; empty (everything) when absent. */
    static OptionalInt limit(Optional<String> value, int max) {
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int limit = Integer.parseInt(value.get().trim());
            if (limit >= 1 && limit <= max) {
                return OptionalInt.of(limit);
            }
        } catch (NumberFormatException e) {
            // answered below, with the same message as a number out of range
        }
        throw new ApiException(400, "Parameter 'limit' must be a whole number from 1 to " + max + "; got '"
                + shorten(value.get()) + "'");
    }

    /** Echoes at most 40 characters of a client's value. */
    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
