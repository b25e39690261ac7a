package io.encore.stack;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The progress line of a long command ({@code import}, {@code evaluate}): redrawn in place on a terminal, one
 * line every tenth of the way (and at the end) when the output goes to a log, so a log is not a wall of bars.
 */
final class ConsoleProgress {

    static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private int lastTenth = -1;
    private boolean drawn;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows {@code line}, {@code fraction} of the way; a {@code finished} line is always written. */
    void show(double fraction, boolean finished, String line) {
        if (terminal) {
            out.print("\r" + line);
            drawn = true;
        } else {
            int tenth = (int) (fraction * 10);
            if (tenth == lastTenth && !finished) {
                return;
            }
            lastTenth = tenth;
            out.println(line);
        }
        out.flush();
    }

    /** Ends a line drawn in place, so what follows starts on a line of its own. */
    void end() {
        if (drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    /** {@code [█████░░░…]  42%}: the bar and the percentage. */
    static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%", "█".repeat(filled), "░".repeat(WIDTH - filled),
                (int) (fraction * 100));
    }

    /** What is left at the pace so far, or an empty string before anything was done and once all is. */
    static String eta(double fraction, Duration elapsed) {
        if (fraction <= 0 || fraction >= 1) {
            return "";
        }
        return "  ETA " + clock(Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction)));
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(Duration duration) {
        long s = duration.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
