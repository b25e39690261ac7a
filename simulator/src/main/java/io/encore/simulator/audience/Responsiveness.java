package io.encore.simulator.audience;

/**
 * How readily a guest reacts in each channel, before relevance is taken into account: the probability to open
 * an e-mail, to click an item of perfect fit (in an e-mail, on an ad, on the web), and to say "not interested"
 * to a list item that does not fit.
 */
public record Responsiveness(double emailOpen, double emailClick, double adClick, double webClick,
                             double notInterested) {
}
