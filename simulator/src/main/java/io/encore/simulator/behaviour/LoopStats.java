package io.encore.simulator.behaviour;

import java.util.EnumMap;
import java.util.Map;

/**
 * The simulator's own view of the loop, measured against the hidden truth: what guests were shown on the web
 * (and how well it fitted them), what they did with it, and how e-mails and ads fared. The row kinds separate
 * Encore's personalized lists from its holdout's control lists, so uplift can be read here directly.
 */
public final class LoopStats {

    /** Where a web row's items came from. */
    public enum RowKind {
        /** A list a bandit arm made for the guest. */
        PERSONALIZED,
        /** The control list of a guest in Encore's holdout. */
        HOLDOUT,
        /** The non-personalized list of a guest who does not allow profiling. */
        UNPERSONALIZED,
        /** No list from Encore yet: the site's own "coming up" row. */
        SITE_DEFAULT
    }

    /** Totals of one row kind. */
    public record Row(long rows, long items, double affinitySum, long clicks, long purchases) {

        public double meanAffinity() {
            return items == 0 ? 0 : affinitySum / items;
        }

        /** Clicks per shown item. */
        public double clickRate() {
            return items == 0 ? 0 : (double) clicks / items;
        }

        /** Purchases per shown item. */
        public double purchaseRate() {
            return items == 0 ? 0 : (double) purchases / items;
        }

        Row plus(long r, long i, double a, long c, long p) {
            return new Row(rows + r, items + i, affinitySum + a, clicks + c, purchases + p);
        }
    }

    /** Everything at one moment. */
    public record Snapshot(Map<RowKind, Row> web, long emailsReceived, long emailsWithoutConsent, long emailOpens,
                           long emailClicks, long emailPurchases, long unsubscribes, long audienceMembers,
                           long adsWithoutConsent, long adImpressions, long adClicks, long adPurchases,
                           long unknownGuests) {
    }

    private final Map<RowKind, Row> web = new EnumMap<>(RowKind.class);
    private long emailsReceived;
    private long emailsWithoutConsent;
    private long emailOpens;
    private long emailClicks;
    private long emailPurchases;
    private long unsubscribes;
    private long audienceMembers;
    private long adsWithoutConsent;
    private long adImpressions;
    private long adClicks;
    private long adPurchases;
    private long unknownGuests;

    public LoopStats() {
        for (RowKind kind : RowKind.values()) {
            web.put(kind, new Row(0, 0, 0, 0, 0));
        }
    }

    synchronized void rowShown(RowKind kind, int items, double affinitySum) {
        web.merge(kind, new Row(0, 0, 0, 0, 0), (old, none) -> old.plus(1, items, affinitySum, 0, 0));
    }

    synchronized void rowClick(RowKind kind) {
        web.merge(kind, new Row(0, 0, 0, 0, 0), (old, none) -> old.plus(0, 0, 0, 1, 0));
    }

    synchronized void rowPurchase(RowKind kind) {
        web.merge(kind, new Row(0, 0, 0, 0, 0), (old, none) -> old.plus(0, 0, 0, 0, 1));
    }

    synchronized void emailReceived(boolean consented) {
        emailsReceived++;
        emailsWithoutConsent += consented ? 0 : 1;
    }

    synchronized void emailOpen() {
        emailOpens++;
    }

    synchronized void emailClick() {
        emailClicks++;
    }

    synchronized void emailPurchase() {
        emailPurchases++;
    }

    synchronized void unsubscribe() {
        unsubscribes++;
    }

    synchronized void audienceMember(boolean consented) {
        audienceMembers++;
        adsWithoutConsent += consented ? 0 : 1;
    }

    synchronized void adImpression() {
        adImpressions++;
    }

    synchronized void adClick() {
        adClicks++;
    }

    synchronized void adPurchase() {
        adPurchases++;
    }

    synchronized void unknownGuest() {
        unknownGuests++;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(Map.copyOf(web), emailsReceived, emailsWithoutConsent, emailOpens, emailClicks, emailPurchases,
                unsubscribes, audienceMembers, adsWithoutConsent, adImpressions, adClicks, adPurchases, unknownGuests);
    }
}
