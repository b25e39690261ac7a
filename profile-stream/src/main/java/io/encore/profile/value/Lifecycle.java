package io.encore.profile.value;

import java.util.Objects;

import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.ValueGroup;

/**
 * The lifecycle segment of a guest, from RFM and value groups, so campaigns and reports share one definition.
 * The rules are tried in this order and the first that matches wins:
 * <ol>
 *   <li>never purchased → {@code PROSPECT};</li>
 *   <li>first purchase ever in the current window → {@code NEW};</li>
 *   <li>no (net) order in the current window, but earlier purchases → {@code DORMANT};</li>
 *   <li>current value group A → {@code TOP};</li>
 *   <li>current group lower than the comparison group → {@code NEEDS_ATTENTION};</li>
 *   <li>current group higher than the comparison group → {@code GROWING};</li>
 *   <li>otherwise (equal groups, or either group UNKNOWN: no evidence of change) → {@code LOYAL}.</li>
 * </ol>
 * A is the highest group and E the lowest. Both groups are ranks among peers: the current group ranks the
 * current-window value among all guests' current values, the comparison group ranks the comparison-window
 * value among all guests' comparison values. A guest who spends as before while everyone else spends more
 * falls behind its peers and needs attention.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    public static LifecycleSegment classify(Rfm rfm, ValueGroup current, ValueGroup comparison) {
        Objects.requireNonNull(rfm, "rfm");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(comparison, "comparison");
        if (!rfm.hasPurchased()) {
            return LifecycleSegment.PROSPECT;
        }
        if (rfm.firstPurchaseInCurrentWindow()) {
            return LifecycleSegment.NEW;
        }
        if (!rfm.boughtInCurrent()) {
            return LifecycleSegment.DORMANT;
        }
        if (current == ValueGroup.A) {
            return LifecycleSegment.TOP;
        }
        if (current == ValueGroup.UNKNOWN || comparison == ValueGroup.UNKNOWN) {
            return LifecycleSegment.LOYAL;
        }
        int change = Integer.compare(rank(current), rank(comparison));
        if (change < 0) {
            return LifecycleSegment.NEEDS_ATTENTION;
        }
        return change > 0 ? LifecycleSegment.GROWING : LifecycleSegment.LOYAL;
    }

    /** Higher is more valuable; spelled out so the rules do not hang on the order of the Avro symbols. */
    private static int rank(ValueGroup group) {
        return switch (group) {
            case A -> 5;
            case B -> 4;
            case C -> 3;
            case D -> 2;
            case E -> 1;
            case UNKNOWN -> throw new IllegalArgumentException("no rank for value group " + group);
        };
    }
}
