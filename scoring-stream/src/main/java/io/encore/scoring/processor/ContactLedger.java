package io.encore.scoring.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * The campaign sends of one guest in the last days, as stored in {@code contact-ledger}: one line
 * {@code <epochMillis> <campaignId>} per send. Counting across campaigns is what caps contact pressure; the
 * campaign ids make a replayed campaign recognisable, so it neither sends twice nor uses up the cap twice.
 */
record ContactLedger(List<Send> sends) {

    /** One campaign e-mail to the guest. */
    record Send(long at, String campaignId) {
    }

    ContactLedger {
        sends = List.copyOf(sends);
    }

    static ContactLedger parse(String stored) {
        List<Send> sends = new ArrayList<>();
        if (stored != null && !stored.isEmpty()) {
            for (String line : stored.split("\n")) {
                int space = line.indexOf(' ');
                sends.add(new Send(Long.parseLong(line.substring(0, space)), line.substring(space + 1)));
            }
        }
        return new ContactLedger(sends);
    }

    String format() {
        List<String> lines = new ArrayList<>(sends.size());
        sends.forEach(send -> lines.add(send.at() + " " + send.campaignId()));
        return String.join("\n", lines);
    }

    boolean contains(String campaignId) {
        return sends.stream().anyMatch(send -> send.campaignId().equals(campaignId));
    }

    /** Sends after {@code since} (exclusive). */
    long countSince(long since) {
        return sends.stream().filter(send -> send.at() > since).count();
    }

    /** This ledger plus a send, without the sends at or before {@code since} (they no longer count). */
    ContactLedger with(long at, String campaignId, long since) {
        List<Send> kept = new ArrayList<>();
        sends.stream().filter(send -> send.at() > since).forEach(kept::add);
        kept.add(new Send(at, campaignId));
        return new ContactLedger(kept);
    }
}
